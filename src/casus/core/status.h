// Status and Result<T>: how expected failures travel in casus.
//
// Every failure that input can cause (an unreadable file, bad encoding, a malformed
// JSON line, a database error) is returned as a Status with a message that names the
// file and line; nothing in casus throws for bad input. Assertions are reserved for
// programmer errors.
#ifndef CASUS_CORE_STATUS_H_
#define CASUS_CORE_STATUS_H_

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace casus {

enum class ErrorCode {
  kOk = 0,             // no error
  kInvalidArgument,    // a caller passed a value outside the contract (usage error)
  kNotFound,           // a named file, document or resource does not exist
  kIoError,            // the operating system refused a read or write
  kBinaryInput,        // the input is not text (NUL bytes, a known binary signature)
  kEmptyInput,         // the input holds no text at all
  kTooLarge,           // the input exceeds a configured size limit
  kMalformedInput,     // the input is text but not in the expected format (bad JSON, missing field)
  kUnsupportedFormat,  // no reader handles this kind of input
  kLoop,               // a directory was reached twice through links
  kDatabase,           // SQLite reported an error
  kPipeline,           // stages were assembled in an order that cannot work
  kInternal,           // a stage failed on a document where it should not (a defect): reported, the batch goes on
  kTimeLimit,          // a document used up its time budget in a stage: that document is skipped, the batch goes on
};

// Returns a short lower-case name for `code`, e.g. "malformed input".
const char* ErrorCodeName(ErrorCode code);

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Holds either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) { assert(!std::get<Status>(state_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace casus

#define CASUS_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::casus::Status casus_status_ = (expr);        \
    if (!casus_status_.ok()) return casus_status_; \
  } while (false)

#endif  // CASUS_CORE_STATUS_H_
