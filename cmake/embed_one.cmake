# Writes OUTPUT, a C++ file defining casus::resources::NAME() over the bytes of INPUT.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUTPUT}"
"// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace casus::resources {\nstatic const char kData[] = {${body} 0};\nstd::string_view ${NAME}() { return std::string_view(kData, ${byte_count}); }\n}  // namespace casus::resources\n")
