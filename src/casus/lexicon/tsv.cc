// Splits TSV text into rows of fields; see tsv.h.
#include "casus/lexicon/tsv.h"

namespace casus::lexicon {

std::vector<TsvRow> ParseTsv(std::string_view text) {
  std::vector<TsvRow> rows;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) newline = text.size();
    std::string_view line = text.substr(pos, newline - pos);
    pos = newline + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    TsvRow row;
    size_t field_begin = 0;
    while (true) {
      size_t tab = line.find('\t', field_begin);
      if (tab == std::string_view::npos) {
        row.push_back(line.substr(field_begin));
        break;
      }
      row.push_back(line.substr(field_begin, tab - field_begin));
      field_begin = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace casus::lexicon
