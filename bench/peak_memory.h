// Peak resident memory of the benchmark process, for the benchmarks' reports.
#ifndef CASUS_BENCH_PEAK_MEMORY_H_
#define CASUS_BENCH_PEAK_MEMORY_H_

#include <sys/resource.h>

namespace casus::bench {

inline double PeakRssMegabytes() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

}  // namespace casus::bench

#endif  // CASUS_BENCH_PEAK_MEMORY_H_
