// Text resources compiled into the program from resources/*.tsv at build time
// (cmake/embed.cmake), so casus needs no data directory at run time.
#ifndef CASUS_LEXICON_RESOURCES_H_
#define CASUS_LEXICON_RESOURCES_H_

#include <string_view>

namespace casus::resources {

std::string_view boilerplate();       // resources/boilerplate.tsv
std::string_view outlet_words();      // resources/outlet_words.tsv
std::string_view abbreviations();     // resources/abbreviations.tsv
std::string_view sentence_openers();  // resources/sentence_openers.tsv
std::string_view time_words();        // resources/time_words.tsv
std::string_view claims_words();      // resources/claims_words.tsv
std::string_view corpus_words();      // resources/corpus_words.tsv
std::string_view organizations();     // resources/organizations.tsv
std::string_view roles();             // resources/roles.tsv
std::string_view entity_words();      // resources/entity_words.tsv
std::string_view function_words();    // resources/function_words.tsv
std::string_view event_triggers();    // resources/events/event_triggers.tsv
std::string_view event_groups();      // resources/events/event_groups.tsv
std::string_view event_governors();   // resources/events/event_governors.tsv
std::string_view acled_types();       // resources/events/acled_types.tsv
std::string_view event_impacts();     // resources/events/event_impacts.tsv
std::string_view event_objects();     // resources/events/event_objects.tsv
std::string_view event_hazards();     // resources/events/event_hazards.tsv
std::string_view event_riots();       // resources/events/event_riots.tsv
std::string_view event_armed_targets();  // resources/events/event_armed_targets.tsv

}  // namespace casus::resources

#endif  // CASUS_LEXICON_RESOURCES_H_
