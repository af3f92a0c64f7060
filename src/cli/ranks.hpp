#pragma once
// The processes a sweep is split across: the ranks of an MPI run (mpirun, srun), or this process
// alone. Built with Open MPI when CMake finds it (STATECRAFT_MPI); without it, or outside an MPI
// launcher, there is one rank and the work uses the local cores.

#include <cstddef>
#include <string>
#include <vector>

namespace statecraft::cli {

class Ranks {
 public:
  Ranks();  // joins the MPI run when launched by one
  ~Ranks();
  Ranks(const Ranks&) = delete;
  Ranks& operator=(const Ranks&) = delete;

  std::size_t rank() const { return rank_; }
  std::size_t size() const { return size_; }
  bool mpi() const { return mpi_; }

  // Rank 0 receives every rank's values, concatenated in rank order; the others get nothing back.
  std::vector<double> gather(const std::vector<double>& mine) const;
  std::string gather(const std::string& mine) const;  // bytes, likewise
  // Every rank learns whether any failed (so that none waits forever on a gather).
  bool any(bool mine) const;
  // Ends the whole run with `code` (MPI_Abort), after a rank's error was printed.
  [[noreturn]] void abort(int code) const;

 private:
  std::size_t rank_ = 0, size_ = 1;
  bool mpi_ = false;
};

}  // namespace statecraft::cli
