// Helpers shared by the subcommand files (see cli_support.h).
#include "apps/cli_support.h"

#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "apps/commands.h"
#include "casus/core/utf8.h"
#include "casus/store/export.h"

namespace casus::cli {

namespace {

std::string Format(const char* format, va_list arguments) {
  va_list copy;
  va_copy(copy, arguments);
  const int size = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (size <= 0) return "";
  std::string out(static_cast<size_t>(size), '\0');
  std::vsnprintf(out.data(), out.size() + 1, format, arguments);
  return out;
}

}  // namespace

void Print(const char* format, ...) {
  va_list arguments;
  va_start(arguments, format);
  const std::string text = Format(format, arguments);
  va_end(arguments);
  const std::string safe = TerminalSafe(text, /*keep_lines=*/true);
  std::fwrite(safe.data(), 1, safe.size(), stdout);
}

void PrintError(const char* format, ...) {
  va_list arguments;
  va_start(arguments, format);
  std::string text = Format(format, arguments);
  va_end(arguments);
  const bool newline = !text.empty() && text.back() == '\n';
  if (newline) text.pop_back();
  std::string safe = TerminalSafe(text, /*keep_lines=*/false);
  if (newline) safe.push_back('\n');
  std::fwrite(safe.data(), 1, safe.size(), stderr);
}

void Fail(const std::string& message) { PrintError("casus: %s\n", message.c_str()); }

std::unique_ptr<Store> OpenForReading(const std::string& flag) {
  std::string path = ResolveDatabasePath(flag);
  if (::access(path.c_str(), F_OK) != 0) {
    Fail(path + ": no such database; create it with 'casus ingest PATH... --db " + path + "'");
    return nullptr;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(path, Store::Mode::kReadOnly);
  if (!store.ok()) {
    Fail(store.status().message());
    return nullptr;
  }
  return std::move(store.value());
}

std::string Json(std::string_view value) {
  std::string out;
  AppendJsonString(value, &out);
  return out;
}

}  // namespace casus::cli
