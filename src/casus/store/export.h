// Export of stored tables as JSON Lines or CSV (RFC 4180), streamed document by
// document so memory stays flat whatever the store's size.
#ifndef CASUS_STORE_EXPORT_H_
#define CASUS_STORE_EXPORT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "casus/core/status.h"
#include "casus/store/store.h"

namespace casus {

// GeoJSON: a FeatureCollection of the rows that have coordinates (tables with lat and
// lon columns only), every other column a property.
enum class ExportFormat { kJsonLines, kCsv, kGeoJson };

// The tables `casus export --table` knows: "documents", "sentences", "boilerplate",
// "dates", "casualties", "quotes", "entities", "places", "events", "duplicates",
// "stories", "incidents".
const std::vector<std::string>& ExportTables();

// Writes `table` to `out`. Unknown table names are kInvalidArgument.
Status ExportTable(Store& store, const std::string& table, ExportFormat format, std::ostream& out);

// Helpers shared with the command line: JSON string literal and CSV field quoting.
void AppendJsonString(std::string_view value, std::string* out);
void AppendCsvField(std::string_view value, std::string* out);

}  // namespace casus

#endif  // CASUS_STORE_EXPORT_H_
