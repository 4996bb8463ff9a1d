// One libFuzzer target per parser (FUZZ_TARGET_NAME picks it from fuzzentries.cpp).
#include "fuzzentries.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const fuzz::Target *target = [] {
        for (const fuzz::Target &t : fuzz::targets()) {
            if (std::strcmp(t.name, FUZZ_TARGET_NAME) == 0)
                return &t;
        }
        std::abort();
    }();
    // A real copy, not fromRawData: parsers may rely on QByteArray's terminating NUL.
    target->run(QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    return 0;
}
