// Helpers shared by the subcommand files (see cli_support.h).
#include "apps/cli_support.h"

#include <unistd.h>

#include <cstdio>

#include "apps/commands.h"
#include "casus/store/export.h"

namespace casus::cli {

void Fail(const std::string& message) { std::fprintf(stderr, "casus: %s\n", message.c_str()); }

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
