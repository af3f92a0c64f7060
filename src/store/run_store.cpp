#include "store/run_store.hpp"

#include <ctime>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <sqlite3.h>

namespace statecraft {
namespace {

// migrations[k] takes a store from schema version k to k + 1; version 0 is an empty database.
// A new version adds a step here and never edits an old one: every store ever written must
// still come up to date.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> steps{
      R"(CREATE TABLE statecraft (schema_version INTEGER NOT NULL);
         INSERT INTO statecraft VALUES (0);
         CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, command TEXT NOT NULL, arguments TEXT NOT NULL,
                            parameters TEXT NOT NULL, version TEXT NOT NULL, output TEXT NOT NULL, results TEXT NOT NULL,
                            exit_code INTEGER NOT NULL, seconds REAL NOT NULL);
         CREATE TABLE inputs (run INTEGER NOT NULL REFERENCES runs(id), position INTEGER NOT NULL, name TEXT NOT NULL,
                              sha256 TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (run, position));)",
  };
  return steps;
}

// A prepared statement, finalised however its scope is left.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::string& file) : db_(db), file_(file) {
    if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(s_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int k, const std::string& text) {
    if (sqlite3_bind_text(s_, k, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK) fail();
    return *this;
  }
  Statement& bind(int k, std::int64_t v) {
    if (sqlite3_bind_int64(s_, k, v) != SQLITE_OK) fail();
    return *this;
  }
  Statement& bind(int k, double v) {
    if (sqlite3_bind_double(s_, k, v) != SQLITE_OK) fail();
    return *this;
  }
  bool step() {  // true: a row is ready
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  std::string text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, column))) : std::string();
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(s_, column); }
  double real(int column) const { return sqlite3_column_double(s_, column); }

 private:
  [[noreturn]] void fail() const { throw StoreError(fmt::format("{}: error: the store cannot be read or written ({})", file_, sqlite3_errmsg(db_))); }
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
  const std::string& file_;
};

void exec(sqlite3* db, const char* sql, const std::string& file) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return;
  const std::string why = message ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  throw StoreError(fmt::format("{}: error: the store cannot be read or written ({})", file, why));
}

// BEGIN IMMEDIATE takes the write lock at once, so two writers queue (up to the busy timeout)
// rather than both reading and one failing at its first write; any throw rolls back.
class Transaction {
 public:
  Transaction(sqlite3* db, const std::string& file) : db_(db), file_(file) { exec(db, "BEGIN IMMEDIATE", file); }
  ~Transaction() {
    if (!committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    exec(db_, "COMMIT", file_);
    committed_ = true;
  }

 private:
  sqlite3* db_;
  const std::string& file_;
  bool committed_ = false;
};

}  // namespace

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) throw std::runtime_error("SHA-256 failed");
  std::string hex;
  for (unsigned int k = 0; k < length; ++k) hex += fmt::format("{:02x}", digest[k]);
  return hex;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

namespace {

// The schema version of the store as found (0: an empty database), by reading alone: a file that
// is not a database, a database of someone else's, or a newer store is refused untouched.
int found_version(sqlite3* db, const std::string& file) {
  Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table'", file);  // a file that is no database fails here
  bool ours = false, others = false;
  while (tables.step()) (tables.text(0) == "statecraft" ? ours : others) = true;
  if (!ours && others) throw StoreError(fmt::format("{}: error: not a statecraft store (an SQLite database with tables of its own)", file));
  if (!ours) return 0;
  Statement v(db, "SELECT schema_version FROM statecraft", file);
  if (!v.step()) throw StoreError(fmt::format("{}: error: not a statecraft store (its version row is missing)", file));
  const int version = static_cast<int>(v.integer(0));
  if (version > store_schema_version)
    throw StoreError(fmt::format("{}: error: the store has schema version {}, written by a newer statecraft; this one reads up to version {}", file,
                                 version, store_schema_version));
  return version;
}

}  // namespace

RunStore::RunStore(const std::string& file, Open open) : file_(file) {
  const int flags = SQLITE_OPEN_READWRITE | (open == Open::create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string why = !db_ ? "out of memory" : open == Open::existing ? "no such store, or it cannot be opened" : sqlite3_errmsg(db_);
    sqlite3_close(db_);
    throw StoreError(fmt::format("{}: error: cannot open the store ({})", file, why));
  }
  try {
    sqlite3_busy_timeout(db_, 30000);
    if (found_version(db_, file_) == store_schema_version) {
      exec(db_, "PRAGMA journal_mode=WAL", file_);
      return;
    }
    exec(db_, "PRAGMA journal_mode=WAL", file_);  // ours (older) or empty: now it may change
    Transaction t(db_, file_);
    // Read again under the write lock: another process may have created or migrated it meanwhile.
    for (int version = found_version(db_, file_); version < store_schema_version; ++version) {
      exec(db_, migrations()[static_cast<std::size_t>(version)], file_);
      Statement set(db_, "UPDATE statecraft SET schema_version = ?", file_);
      set.bind(1, static_cast<std::int64_t>(version + 1)).step();
    }
    t.commit();
  } catch (...) {  // the destructor will not run: the constructor did not finish
    sqlite3_close(db_);
    throw;
  }
}

RunStore::~RunStore() { sqlite3_close(db_); }

int RunStore::schema_version() const {
  Statement v(db_, "SELECT schema_version FROM statecraft", file_);
  return v.step() ? static_cast<int>(v.integer(0)) : 0;
}

std::int64_t RunStore::record(const RunRecord& run) {
  Transaction t(db_, file_);
  Statement insert(db_,
                   "INSERT INTO runs (started, command, arguments, parameters, version, output, results, exit_code, seconds) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   file_);
  insert.bind(1, run.started).bind(2, run.command).bind(3, nlohmann::json(run.arguments).dump()).bind(4, run.parameters).bind(5, run.version);
  insert.bind(6, run.output).bind(7, run.results).bind(8, static_cast<std::int64_t>(run.exit_code)).bind(9, run.seconds).step();
  const std::int64_t id = sqlite3_last_insert_rowid(db_);
  for (std::size_t k = 0; k < run.inputs.size(); ++k) {
    Statement input(db_, "INSERT INTO inputs (run, position, name, sha256, text) VALUES (?, ?, ?, ?, ?)", file_);
    input.bind(1, id).bind(2, static_cast<std::int64_t>(k)).bind(3, run.inputs[k].name).bind(4, run.inputs[k].sha256).bind(5, run.inputs[k].text).step();
  }
  t.commit();
  return id;
}

namespace {

RunRecord header_of(const auto& row) {
  RunRecord r;
  r.id = row.integer(0);
  r.started = row.text(1);
  r.command = row.text(2);
  r.arguments = nlohmann::json::parse(row.text(3)).template get<std::vector<std::string>>();
  r.version = row.text(4);
  r.exit_code = static_cast<int>(row.integer(5));
  r.seconds = row.real(6);
  return r;
}

}  // namespace

std::vector<RunRecord> RunStore::list() const {
  std::vector<RunRecord> runs;
  Statement rows(db_, "SELECT id, started, command, arguments, version, exit_code, seconds FROM runs ORDER BY id", file_);
  while (rows.step()) runs.push_back(header_of(rows));
  for (auto& r : runs) {
    Statement inputs(db_, "SELECT name, sha256 FROM inputs WHERE run = ? ORDER BY position", file_);
    inputs.bind(1, r.id);
    while (inputs.step()) r.inputs.push_back({inputs.text(0), inputs.text(1), {}});
  }
  return runs;
}

std::optional<RunRecord> RunStore::find(std::int64_t id) const {
  Statement row(db_, "SELECT id, started, command, arguments, version, exit_code, seconds, parameters, output, results FROM runs WHERE id = ?", file_);
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  RunRecord r = header_of(row);
  r.parameters = row.text(7);
  r.output = row.text(8);
  r.results = row.text(9);
  Statement inputs(db_, "SELECT name, sha256, text FROM inputs WHERE run = ? ORDER BY position", file_);
  inputs.bind(1, id);
  while (inputs.step()) r.inputs.push_back({inputs.text(0), inputs.text(1), inputs.text(2)});
  return r;
}

}  // namespace statecraft
