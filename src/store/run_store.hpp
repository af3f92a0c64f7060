#pragma once
// A store of runs: every analysing command run with --store FILE.db is recorded in SQLite, so
// that runs can be found, reopened and compared later (as KTAB records its runs). One row per run
// in `runs`, its input files in `inputs`; both written in one transaction, so a crash loses a run
// whole or not at all. The database is in WAL mode with a busy timeout, so several processes can
// record into one store at once. The schema carries its version (table `statecraft`); an older
// store is migrated step by step when opened, a newer one is refused.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace statecraft {

// A store that cannot be opened or written: not a database, not a statecraft store, a newer
// schema, a full disk. what() says which, with the file's name.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RunInput {
  std::string name;    // as the user named the file
  std::string sha256;  // of its bytes, lower-case hex
  std::string text;
};

struct RunRecord {
  std::int64_t id = 0;         // given by the store
  std::string started;         // UTC, "2026-12-03T12:00:00Z"
  std::string command;         // the subcommand: forecast, analyze...
  std::vector<std::string> arguments;  // as given after the program's name
  std::string parameters;      // every option with its value, defaults included (CLI11's TOML)
  std::string version;         // statecraft's
  std::vector<RunInput> inputs;
  std::string output;          // as printed
  std::string results;         // the command's JSON report of the same run; empty if it has none
  int exit_code = 0;
  double seconds = 0;          // wall-clock time of the run as printed
};

// The newest schema this statecraft writes and reads.
inline constexpr int store_schema_version = 1;

std::string sha256_hex(const std::string& bytes);
std::string utc_now();  // "2026-12-03T12:00:00Z", a run's `started`

class RunStore {
 public:
  // create: the store is made (schema and all) when the file does not exist or is empty, as
  // --store wants; existing: a missing file is an error, as `runs` wants (it only reads).
  enum class Open { create, existing };
  explicit RunStore(const std::string& file, Open open = Open::create);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  std::int64_t record(const RunRecord& run);  // returns the new run's id
  std::vector<RunRecord> list() const;         // every run, oldest first, without inputs' text, output or results
  std::optional<RunRecord> find(std::int64_t id) const;
  int schema_version() const;

 private:
  std::string file_;
  sqlite3* db_ = nullptr;
};

}  // namespace statecraft
