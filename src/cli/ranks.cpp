#include "cli/ranks.hpp"

#include <cstdlib>
#include <limits>
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

#ifdef STATECRAFT_MPI
namespace {

// MPI counts are ints: a rank's share, and the whole, must stay under 2^31 elements.
template <class Container>
Container gathered(const Container& mine, MPI_Datatype type, std::size_t rank, std::size_t size) {
  if (mine.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) throw std::length_error("a rank's share of a sweep exceeds 2^31 elements");
  const int count = static_cast<int>(mine.size());
  std::vector<int> counts(size), offsets(size);
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  Container all;
  if (rank == 0) {
    long long total = 0;
    for (std::size_t r = 0; r < size; ++r) offsets[r] = static_cast<int>(total), total += counts[r];
    if (total > std::numeric_limits<int>::max()) throw std::length_error("a sweep's gathered results exceed 2^31 elements");
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(mine.data(), count, type, all.data(), counts.data(), offsets.data(), type, 0, MPI_COMM_WORLD);
  return all;
}

}  // namespace
#endif

std::vector<double> Ranks::gather(const std::vector<double>& mine) const {
#ifdef STATECRAFT_MPI
  if (mpi_) return gathered(mine, MPI_DOUBLE, rank_, size_);
#endif
  return mine;
}

std::string Ranks::gather(const std::string& mine) const {
#ifdef STATECRAFT_MPI
  if (mpi_) return gathered(mine, MPI_CHAR, rank_, size_);
#endif
  return mine;
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
