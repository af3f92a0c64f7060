// The store of runs: what --store records, reading it back, comparing runs, concurrent writers,
// and the files that are not a store or are a newer one, which are refused unchanged.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "store/run_store.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

std::string fresh(const std::string& name) {
  const std::string file = testing::TempDir() + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file + suffix);
  return file;
}

void sql(const std::string& file, const char* statements) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  EXPECT_EQ(sqlite3_exec(db, statements, nullptr, nullptr, &message), SQLITE_OK) << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

TEST(RunStore, Sha256OfTheStandardVectors) {  // FIPS 180-2, appendix B
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// A forecast with --store prints what it prints without, and the record holds the scenario's
// text and hash, every option (defaults too) and the results as the JSON format gives them.
TEST(RunStore, AForecastIsRecordedWhole) {
  const std::string store = fresh("forecast.db"), scenario = test::source_path("scenarios/alaska-2025.yaml");
  const auto plain = test::run_statecraft("forecast " + scenario);
  const auto stored = test::run_statecraft("forecast " + scenario + " --store " + store);
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_EQ(stored.out, plain.out);
  EXPECT_NE(stored.err.find("recorded as run 1 in " + store), std::string::npos) << stored.err;
  const auto exported = test::run_statecraft("runs export " + store + " 1");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const auto run = nlohmann::json::parse(exported.out);
  EXPECT_EQ(run["command"], "forecast");
  EXPECT_EQ(run["output"], plain.out);
  EXPECT_EQ(run["inputs"][0]["text"], test::read_file(scenario));
  EXPECT_EQ(run["inputs"][0]["sha256"], sha256_hex(test::read_file(scenario)));
  EXPECT_EQ(run["results"], nlohmann::json::parse(test::run_statecraft("forecast --format json " + scenario).out));
  EXPECT_NE(run["parameters"].get<std::string>().find("eu-rounds=10"), std::string::npos) << run["parameters"];  // a default, recorded
  const auto list = test::run_statecraft("runs list " + store);
  EXPECT_NE(list.out.find("forecast  " + scenario), std::string::npos) << list.out;
  const auto show = test::run_statecraft("runs show " + store + " 1");
  EXPECT_NE(show.out.find(plain.out), std::string::npos);
  EXPECT_EQ(test::run_statecraft("runs show " + store + " 7").exit_code, 2);
  EXPECT_EQ(test::run_statecraft("forecast - --store " + store).exit_code, 2);  // standard input cannot be recorded
}

// Two runs of a scenario before and after a judgment: the diff names the judgment and the
// forecast it moved.
TEST(RunStore, RunsDiffShowsTheJudgmentAndTheAnswerThatMoved) {
  const std::string store = fresh("diff.db");
  const std::string text = test::replace(test::read_file(test::source_path("scenarios/emission-standards-1994.yaml")), "statecraft: 1", "statecraft: 2");
  const std::string scenario = testing::TempDir() + "emission-diff.yaml";
  std::ofstream(scenario) << text;
  ASSERT_EQ(test::run_statecraft("forecast " + scenario + " --model expected-utility --store " + store).exit_code, 0);
  std::ofstream(scenario) << text << "models:\n  expected-utility: {probability: paper}\n";
  ASSERT_EQ(test::run_statecraft("forecast " + scenario + " --model expected-utility --format json --store " + store).exit_code, 0);
  const auto diff = test::run_statecraft("runs diff " + store + " 1 2");
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_NE(diff.out.find("+ format=\"json\""), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("added expected utility's probability of success: — → paper"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("changed /issues/0/forecasts/expected-utility: 9.96197959040132 → 7"), std::string::npos) << diff.out;
  std::filesystem::remove(scenario);
}

// Two processes recording at once lose nothing: WAL mode, a busy timeout and one immediate
// transaction per run.
TEST(RunStore, ConcurrentWritersLoseNothing) {
  const std::string store = fresh("concurrent.db"), scenario = test::source_path("scenarios/emission-standards-1994.yaml");
  std::ofstream{store};  // an empty file: runs list makes it a store before both writers start
  ASSERT_EQ(test::run_statecraft("runs list " + store).exit_code, 0);
  const std::string script = testing::TempDir() + "concurrent.sh";
  std::ofstream(script) << "one() { for i in $(seq 15); do '" << STATECRAFT_BINARY << "' forecast '" << scenario << "' --model compromise --store '" << store
                        << "' >/dev/null 2>&1 || exit 1; done; }\none & one & wait %1 && wait %2\n";
  ASSERT_EQ(std::system(("bash '" + script + "'").c_str()), 0);
  const auto list = nlohmann::json::parse(test::run_statecraft("runs list --format json " + store).out);
  ASSERT_EQ(list.size(), 30u);
  for (std::size_t k = 0; k < list.size(); ++k) {
    EXPECT_EQ(list[k]["id"], k + 1);
    EXPECT_EQ(list[k]["exit_code"], 0);
  }
  const auto last = nlohmann::json::parse(test::run_statecraft("runs export " + store + " 30").out);
  EXPECT_FALSE(last["results"].is_null());
}

// Files that are not a statecraft store are refused with exit 2 and left as they were.
TEST(RunStore, WhatIsNotAStoreIsRefusedUnchanged) {
  const std::string text_file = fresh("not-a-store.db");
  std::ofstream(text_file) << "this is not a database, but a note\n";
  auto r = test::run_statecraft("runs list " + text_file);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(text_file + ": error: the store cannot be read or written (file is not a database)"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file(text_file), "this is not a database, but a note\n");

  const std::string foreign = fresh("foreign.db");
  sql(foreign, "CREATE TABLE accounts (id INTEGER); INSERT INTO accounts VALUES (1);");
  r = test::run_statecraft("forecast " + test::source_path("scenarios/alaska-2025.yaml") + " --store " + foreign);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());  // refused before the run
  EXPECT_NE(r.err.find("not a statecraft store (an SQLite database with tables of its own)"), std::string::npos) << r.err;

  EXPECT_EQ(test::read_file(foreign).substr(0, 16), std::string("SQLite format 3\0", 16));
  const std::string foreign_bytes = test::read_file(foreign);
  EXPECT_EQ(test::run_statecraft("runs list " + foreign).exit_code, 2);
  EXPECT_EQ(test::read_file(foreign), foreign_bytes);  // not even its journal mode changed

  const std::string missing = fresh("missing.db");
  r = test::run_statecraft("runs list " + missing);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot open the store (no such store"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(missing));  // reading runs creates nothing

  const std::string newer = fresh("newer.db");
  std::ofstream{newer};
  ASSERT_EQ(test::run_statecraft("runs list " + newer).exit_code, 0);
  sql(newer, "UPDATE statecraft SET schema_version = 99;");
  const std::string before = test::read_file(newer);
  r = test::run_statecraft("runs list " + newer);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the store has schema version 99, written by a newer statecraft; this one reads up to version 1"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file(newer), before);
}

// A store as version 1 wrote it (the schema spelled out here as it was released, with a run in
// it) opens and reads in every later version: migrations start from the first version.
TEST(RunStore, AVersionOneStoreStillReads) {
  const std::string file = fresh("v1.db");
  sql(file,
      "CREATE TABLE statecraft (schema_version INTEGER NOT NULL); INSERT INTO statecraft VALUES (1);"
      "CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, command TEXT NOT NULL, arguments TEXT NOT NULL, parameters TEXT NOT NULL,"
      " version TEXT NOT NULL, output TEXT NOT NULL, results TEXT NOT NULL, exit_code INTEGER NOT NULL, seconds REAL NOT NULL);"
      "CREATE TABLE inputs (run INTEGER NOT NULL REFERENCES runs(id), position INTEGER NOT NULL, name TEXT NOT NULL, sha256 TEXT NOT NULL,"
      " text TEXT NOT NULL, PRIMARY KEY (run, position));"
      "INSERT INTO runs VALUES (1, '2026-12-03T12:00:00Z', 'forecast', '[\"forecast\",\"a.yaml\"]', 'format=\"text\"', '0.1.0', 'out', '{}', 0, 0.5);"
      "INSERT INTO inputs VALUES (1, 0, 'a.yaml', 'ab', 'text');");
  RunStore store(file);
  EXPECT_EQ(store.schema_version(), store_schema_version);
  const auto run = store.find(1);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->command, "forecast");
  EXPECT_EQ(run->arguments, (std::vector<std::string>{"forecast", "a.yaml"}));
  ASSERT_EQ(run->inputs.size(), 1u);
  EXPECT_EQ(run->inputs[0].text, "text");
  RunRecord next;
  next.command = "analyze";
  EXPECT_EQ(store.record(next), 2);
}

}  // namespace
}  // namespace statecraft
