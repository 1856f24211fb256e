// Helpers the subcommand files share: error lines, opening the store for reading, JSON strings.
#ifndef CASUS_APPS_CLI_SUPPORT_H_
#define CASUS_APPS_CLI_SUPPORT_H_

#include <memory>
#include <string>
#include <string_view>

#include "casus/store/store.h"

namespace casus::cli {

// Prints "casus: <message>" on stderr.
void Fail(const std::string& message);

// Opens the store read-only for the reading commands; a missing file or a bad database
// is reported (Fail) and gives nullptr.
std::unique_ptr<Store> OpenForReading(const std::string& flag);

// `value` as a quoted JSON string.
std::string Json(std::string_view value);

}  // namespace casus::cli

#endif  // CASUS_APPS_CLI_SUPPORT_H_
