// Reading the project's TSV resources: one record a line, fields split on tabs,
// '#' comment lines and blank lines skipped. Views point into the input, which must
// outlive the rows (embedded resources live for the whole program).
#ifndef CASUS_LEXICON_TSV_H_
#define CASUS_LEXICON_TSV_H_

#include <string_view>
#include <vector>

namespace casus::lexicon {

using TsvRow = std::vector<std::string_view>;

std::vector<TsvRow> ParseTsv(std::string_view text);

}  // namespace casus::lexicon

#endif  // CASUS_LEXICON_TSV_H_
