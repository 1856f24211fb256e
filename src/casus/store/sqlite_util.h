// Small SQLite helpers shared by the store's source files (internal to store/).
#ifndef CASUS_STORE_SQLITE_UTIL_H_
#define CASUS_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "casus/core/span.h"

namespace casus {

inline std::string Column(sqlite3_stmt* statement, int index) {
  const unsigned char* text = sqlite3_column_text(statement, index);
  return text != nullptr ? std::string(reinterpret_cast<const char*>(text), sqlite3_column_bytes(statement, index))
                         : std::string();
}

inline uint32_t ColumnOffset(sqlite3_stmt* statement, int index) {
  return static_cast<uint32_t>(sqlite3_column_int64(statement, index));
}

inline void BindText(sqlite3_stmt* statement, int index, const std::string& value) {
  sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

inline void BindOptionalText(sqlite3_stmt* statement, int index, const std::string& value) {
  if (value.empty()) {
    sqlite3_bind_null(statement, index);
  } else {
    BindText(statement, index, value);
  }
}

inline void BindSpan(sqlite3_stmt* statement, int index, Span span) {
  if (span.empty()) {
    sqlite3_bind_null(statement, index);
    sqlite3_bind_null(statement, index + 1);
  } else {
    sqlite3_bind_int64(statement, index, span.begin);
    sqlite3_bind_int64(statement, index + 1, span.end);
  }
}

inline std::string JoinChain(const std::vector<std::string>& chain) {
  std::string joined;
  for (size_t i = 0; i < chain.size(); ++i) {
    if (i > 0) joined += '\x1f';
    joined += chain[i];
  }
  return joined;
}

inline std::vector<std::string> SplitChain(const std::string& joined) {
  std::vector<std::string> chain;
  if (joined.empty()) return chain;
  size_t i = 0;
  while (true) {
    size_t j = joined.find('\x1f', i);
    chain.push_back(joined.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return chain;
}

// Resets a statement when it goes out of scope, so no read stays open.
struct Reset {
  sqlite3_stmt* statement;
  ~Reset() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

}  // namespace casus

#endif  // CASUS_STORE_SQLITE_UTIL_H_
