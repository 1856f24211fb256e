// Helpers the subcommand files share: error lines, opening the store for reading, JSON strings.
#ifndef CASUS_APPS_CLI_SUPPORT_H_
#define CASUS_APPS_CLI_SUPPORT_H_

#include <memory>
#include <string>
#include <string_view>

#include "casus/store/store.h"

namespace casus::cli {

// Prints "casus: <message>" on stderr, made safe for a terminal (PrintError).
void Fail(const std::string& message);

// printf to standard output, the result made safe for a terminal (TerminalSafe with
// lines kept): article text, titles and names reach the screen, their escape sequences
// never do. Every human-readable line of the commands goes through it.
void Print(const char* format, ...) __attribute__((format(printf, 1, 2)));
// printf of one line to standard error (a diagnostic, a summary), made safe for a
// terminal on one line: a newline in a file name cannot start a line of its own.
void PrintError(const char* format, ...) __attribute__((format(printf, 1, 2)));

// Opens the store read-only for the reading commands; a missing file or a bad database
// is reported (Fail) and gives nullptr.
std::unique_ptr<Store> OpenForReading(const std::string& flag);

// `value` as a quoted JSON string.
std::string Json(std::string_view value);

}  // namespace casus::cli

#endif  // CASUS_APPS_CLI_SUPPORT_H_
