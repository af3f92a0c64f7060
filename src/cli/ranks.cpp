#include "cli/ranks.hpp"

#include <cstdlib>
#include <stdexcept>

#ifdef STATECRAFT_MPI
#include <mpi.h>
#endif

namespace statecraft::cli {
namespace {

// Whether an MPI launcher started this process: Open MPI's mpirun and Slurm's srun (PMI/PMIx)
// set these. Outside one, MPI is not initialised at all, so a plain run needs no MPI runtime.
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
    if (std::getenv(v)) return true;
  return false;
}

}  // namespace

Ranks::Ranks() {
#ifdef STATECRAFT_MPI
  if (!launched_by_mpi()) return;
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (!initialised) MPI_Init(nullptr, nullptr);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  rank_ = static_cast<std::size_t>(rank), size_ = static_cast<std::size_t>(size), mpi_ = true;
#endif
}

Ranks::~Ranks() {
#ifdef STATECRAFT_MPI
  if (mpi_) MPI_Finalize();
#endif
}

std::vector<double> Ranks::gather(const std::vector<double>& mine) const {
  if (!mpi_) return mine;
#ifdef STATECRAFT_MPI
  const int count = static_cast<int>(mine.size());
  if (mine.size() > 1'000'000'000) throw std::length_error("a rank's share of a sweep exceeds 10^9 values");
  std::vector<int> counts(size_), offsets(size_);
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<double> all;
  if (rank_ == 0) {
    long long total = 0;
    for (std::size_t r = 0; r < size_; ++r) offsets[r] = static_cast<int>(total), total += counts[r];
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(mine.data(), count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
  return all;
#else
  return mine;
#endif
}

bool Ranks::any(bool mine) const {
  if (!mpi_) return mine;
#ifdef STATECRAFT_MPI
  int in = mine ? 1 : 0, out = 0;
  MPI_Allreduce(&in, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return out != 0;
#else
  return mine;
#endif
}

void Ranks::abort(int code) const {
#ifdef STATECRAFT_MPI
  if (mpi_) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  std::exit(code);
}

}  // namespace statecraft::cli
