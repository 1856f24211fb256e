// Names of error codes, for messages.
#include "casus/core/status.h"

namespace casus {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidArgument: return "invalid argument";
    case ErrorCode::kNotFound: return "not found";
    case ErrorCode::kIoError: return "i/o error";
    case ErrorCode::kBinaryInput: return "binary input";
    case ErrorCode::kEmptyInput: return "empty input";
    case ErrorCode::kTooLarge: return "too large";
    case ErrorCode::kMalformedInput: return "malformed input";
    case ErrorCode::kUnsupportedFormat: return "unsupported format";
    case ErrorCode::kLoop: return "directory loop";
    case ErrorCode::kDatabase: return "database error";
    case ErrorCode::kPipeline: return "pipeline error";
    case ErrorCode::kInternal: return "internal error";
    case ErrorCode::kTimeLimit: return "time limit";
  }
  return "unknown";
}

}  // namespace casus
