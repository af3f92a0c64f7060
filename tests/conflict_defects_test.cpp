// The conflict lens against inputs built to break its promises (issue 9): no shell, no stray
// files, no crash from deep nesting, every error located, work refused before it explodes.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "formats/gmcr_file.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

namespace fs = std::filesystem;

std::string defect(const std::string& name) { return test::source_path("tests/data/defects/" + name); }

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A fresh folder per test, removed afterwards.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name) : path_(fs::temp_directory_path() / ("statecraft-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path path_;
};

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// Runs the commands of a test from a folder of its own, where relative names land.
class ScopedCwd {
 public:
  explicit ScopedCwd(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~ScopedCwd() { fs::current_path(old_); }

 private:
  fs::path old_;
};

// A stand-in for Graphviz's dot: insists on exactly `-Tsvg` and wraps its standard input, so a
// test sees both what it was given and that its output is what lands in the file.
void install_fake_dot(const fs::path& bin) {
  fs::create_directories(bin);
  write(bin / "dot", "#!/bin/sh\n[ \"$#\" = 1 ] && [ \"$1\" = -Tsvg ] || exit 3\nprintf '<svg>'; cat; printf '</svg>'\n");
  fs::permissions(bin / "dot", fs::perms::owner_all);
}

// The scratch folder is the working directory and TMPDIR; its bin/ holds the fake dot, first on
// PATH, or else is the whole PATH with only timeout(1) in it (for the test's limits), so that no
// dot can be found.
struct GraphvizSandbox {
  ScratchDir dir;
  ScopedEnv path, tmp;
  ScopedCwd cwd;
  explicit GraphvizSandbox(const std::string& name, bool with_dot = true)
      : dir(name), path("PATH", (dir.path() / "bin").string() + (with_dot ? ":/usr/bin:/bin" : "")), tmp("TMPDIR", dir.path().string()), cwd(dir.path()) {
    if (with_dot) {
      install_fake_dot(dir.path() / "bin");
    } else {
      fs::create_directories(dir.path() / "bin");
      fs::create_symlink("/usr/bin/timeout", dir.path() / "bin" / "timeout");
    }
  }
};

TEST(ConflictDefects, GraphFileNameNeverReachesAShell) {
  // The reproducer's name: quoted into a shell command, it ran `touch INJECTED`.
  GraphvizSandbox box("graph-injection");
  const std::string odd = "x'; touch INJECTED; echo '.svg";
  const auto r = test::run_statecraft("stability '" + defect("odd-names.yaml") + "' --graph \"" + odd + "\"", test::Limits{1024, 30});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(box.dir.path() / "INJECTED"));
  // The file is the one named, character for character, and holds what dot drew from the graph.
  EXPECT_EQ(test::read_file((box.dir.path() / odd).string()).rfind("<svg>digraph conflict {", 0), 0u);
  // Nothing else is left: no .dot beside it, no temporary file.
  EXPECT_EQ(box.dir.entries(), (std::vector<std::string>{"bin", odd}));
}

TEST(ConflictDefects, GraphLeavesTheUsersDotFileAlone) {
  // Drawing mine.svg used to write mine.svg.dot, then delete it, whatever it held before.
  GraphvizSandbox box("graph-dot-file");
  write(box.dir.path() / "mine.svg.dot", "the user's own notes\n");
  const auto r = test::run_statecraft("stability '" + defect("odd-names.yaml") + "' --graph mine.svg", test::Limits{1024, 30});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_file((box.dir.path() / "mine.svg.dot").string()), "the user's own notes\n");
  EXPECT_EQ(test::read_file((box.dir.path() / "mine.svg").string()).rfind("<svg>digraph conflict {", 0), 0u);
  EXPECT_EQ(box.dir.entries(), (std::vector<std::string>{"bin", "mine.svg", "mine.svg.dot"}));
}

TEST(ConflictDefects, GraphWithoutGraphvizSaysSoAndWritesNothing) {
  GraphvizSandbox box("graph-no-dot", false);
  write(box.dir.path() / "mine.svg", "an older drawing\n");
  const auto r = test::run_statecraft("stability '" + defect("odd-names.yaml") + "' --graph mine.svg", test::Limits{1024, 30});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Graphviz's dot, which is not installed"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file((box.dir.path() / "mine.svg").string()), "an older drawing\n");
  EXPECT_EQ(box.dir.entries(), (std::vector<std::string>{"bin", "mine.svg"}));
}

TEST(ConflictDefects, GraphvizDrawsARealSvg) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz's dot is not installed";
  ScratchDir dir("graph-real-dot");
  const auto svg = dir.path() / "elmira.svg";
  const auto r = test::run_statecraft("stability '" + test::source_path("tests/data/gmcr/Elmira.gmcr") + "' --graph '" + svg.string() + "'", test::Limits{1024, 60});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = test::read_file(svg.string());
  EXPECT_NE(text.find("<svg"), std::string::npos);
  EXPECT_NE(text.find("</svg>"), std::string::npos);
}

// gen-gmcr-deep.py of the defects folder: a single condition wrapped in `depth` compounds.
std::string deep_gmcr(int depth) {
  std::string opening, closing;
  for (int i = 0; i < depth; ++i) opening += R"({"compound": true, "members": [)", closing += "]}";
  return R"({"options": [{"name": "a"}, {"name": "b"}], "decisionMakers": [{"name": "X", "options": [0], "preferences": [[[0, "Y"]]]}, )"
         R"({"name": "Y", "options": [1], "preferences": [[[1, "Y"]]]}], "infeasibles": [)" +
         opening + R"([[0, "Y"]])" + closing + "]}";
}

// 1-based column of the first '[' or '{' opened `depth` levels deep (the text is one line).
std::size_t column_at_depth(const std::string& text, int depth) {
  int level = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '[' || text[i] == '{') ++level;
    if (text[i] == ']' || text[i] == '}') --level;
    if (level == depth) return i + 1;
  }
  return 0;
}

TEST(ConflictDefects, DeeplyNestedGmcrIsRefusedWhereItGetsTooDeep) {
  // 25,000 nested compounds overflowed the stack (SIGSEGV, exit 139).
  ScratchDir dir("gmcr-deep");
  const auto file = dir.path() / "deep-25000.gmcr";
  const std::string text = deep_gmcr(25000);
  write(file, text);
  const auto r = test::run_statecraft("stability '" + file.string() + "'", test::Limits{256, 20});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(fmt::format("{}:1:{}: error: the file is nested too deep", file.string(), column_at_depth(text, 4097))), std::string::npos) << r.err;
}

TEST(ConflictDefects, NestedCompoundsWithinTheBoundAreOneDisjunction) {
  // A compound of a compound of ... one condition means that condition: the same analysis at
  // depth 1 and 1000 (two states, a infeasible; Y taking b is the only equilibrium).
  ScratchDir dir("gmcr-nested");
  std::vector<std::string> outputs;
  for (int depth : {1, 1000}) {
    const auto file = dir.path() / fmt::format("deep-{}.gmcr", depth);
    write(file, deep_gmcr(depth));
    const auto r = test::run_statecraft("stability '" + file.string() + "' --format csv", test::Limits{256, 20});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    outputs.push_back(r.out);
  }
  EXPECT_EQ(outputs[0], outputs[1]);
  EXPECT_EQ(outputs[0], "state,decimal,yn,A001:Nash,A001:GMR,A001:SMR,A001:SEQ,A001:SIM,A002:Nash,A002:GMR,A002:SMR,A002:SEQ,A002:SIM,equilibria\n"
                        "1,0,NN,1,1,1,1,1,0,0,0,0,0,\n"
                        "2,2,NY,1,1,1,1,1,1,1,1,1,1,Nash;GMR;SMR;SEQ;SIM\n");
}

TEST(ConflictDefects, BadGmcrContentIsLocatedAndTheBatchGoesOn) {
  // These exited 1 with the JSON library's raw message (out_of_range.406, type_error.302) or had
  // no line:col, and the first stopped `validate` before the files after it.
  const std::vector<std::pair<std::string, std::string>> expected{
      {"gmcr-number-overflow.gmcr", ":1:121: error: invalid JSON: the number 1e400 is out of range"},
      {"gmcr-type.gmcr", ":1:50: error: option 0: permittedDirection 5 is not \"fwd\", \"back\" or \"both\""},
      {"gmcr-array.gmcr", ":1:1: error: a gmcr file is a JSON object with 'options' and 'decisionMakers'"},
      {"gmcr-manual-str.gmcr", ":1:140: error: 'useManualPreferenceRanking' must be true or false, found \"yes\""},
  };
  std::string files;
  for (const auto& [name, message] : expected) {
    files += " '" + defect(name) + "'";
    const auto one = test::run_statecraft("stability '" + defect(name) + "'", test::Limits{256, 20});
    EXPECT_EQ(one.exit_code, 2) << name << ": " << one.err;
    EXPECT_NE(one.err.find(defect(name) + message), std::string::npos) << one.err;
    EXPECT_EQ(one.err.find("json.exception"), std::string::npos) << one.err;
  }
  const auto batch = test::run_statecraft("validate" + files + " '" + defect("negative-zero.yaml") + "'", test::Limits{256, 20});
  EXPECT_EQ(batch.exit_code, 2);
  for (const auto& [name, message] : expected) EXPECT_NE(batch.err.find(defect(name) + message), std::string::npos) << batch.err;
  EXPECT_NE(batch.out.find(defect("negative-zero.yaml") + ": ok"), std::string::npos) << batch.out;
}

std::vector<std::string> gmcr_errors(const std::string& text) {
  Diagnostics d("t.gmcr");
  EXPECT_FALSE(read_gmcr_file(text, "t", d));
  std::vector<std::string> got = test::messages(d);
  std::sort(got.begin(), got.end());
  return got;
}

TEST(ConflictDefects, EveryGmcrReadingErrorHasALineAndColumn) {
  // Wrong types anywhere, one or two per line so that the line says which was found. Options and
  // decision makers are read first, the conditions once those are sound.
  EXPECT_EQ(gmcr_errors(R"({"options": [{"name": "a", "permittedDirection": "fwd"}, {"name": 7}],
 "decisionMakers": [{"name": "X", "options": [0, 5], "preferences": []},
  {"name": "Y", "options": {"1": true}, "preferences": []}],
 "infeasibles": {"not": "a list"},
 "useManualPreferenceVectors": 1})"),
            (std::vector<std::string>{
                "1:58: option 'option 1' belongs to no decision maker",
                "1:67: option 1 lacks a text 'name'",
                "2:50: decision maker 'X' holds option 5, which does not exist",
                "3:28: 'options' must be a list, found {\"1\":true}",
                "4:17: 'infeasibles' must be a list, found {\"not\":\"a list\"}",
                "5:32: 'useManualPreferenceVectors' must be true or false, found 1",
            }));
  EXPECT_EQ(gmcr_errors(R"({"options": [{"name": "a"}, {"name": "b"}],
 "decisionMakers": [{"name": "X", "options": [0], "preferences": [[[0, "Y"]], {"compound": true, "members": []}]},
  {"name": "Y", "options": [1], "preferences": [[[1, "maybe"]]], "misperceptions": 3}]})"),
            (std::vector<std::string>{
                "2:79: a compound condition needs a list of members",
                "3:54: a condition's value must be \"Y\" or \"N\", found \"maybe\"",
                "3:84: 'misperceptions' must be a list, found 3",
            }));
  EXPECT_EQ(gmcr_errors(R"({"options": [{"name": "a"}], "decisionMakers": [{"name": "X", "options": [0], "preferences": [[[0, "Y"]]]}],
 "infeasibles": [[[0, "Y"], [9, "N"]]]})"),
            (std::vector<std::string>{"2:29: a condition must be [option, \"Y\" or \"N\"], found [9,\"N\"]"}));
}

std::string quoted(const std::string& path) { return "'" + path + "'"; }

TEST(ConflictDefects, AMillionStatesRunInSecondsWithASummary) {
  // conflict-20 (1,048,576 states) took 40-55 s and 546 MB, and its text report was 4 MB of
  // equilibrium numbers. Two decision makers, each ranking by two statements: B's preference
  // for o1 and for o0 -> o3, A's for o0, !o1 and o2 | o3.
  const auto r = test::run_statecraft("stability " + quoted(defect("conflict-20.yaml")), test::Limits{512, 30});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("20 options, 2 decision makers, 1048576 feasible states"), std::string::npos);
  EXPECT_NE(r.out.find("… and 131052 more (--table or --format csv lists every state)"), std::string::npos) << r.out.substr(0, 2000);
  EXPECT_LT(r.out.size(), 10000u);
  // The equilibria in full are in the CSV, one line per state: 131,072 of them.
  const auto csv = test::run_statecraft("stability " + quoted(defect("conflict-20.yaml")) + " --format csv", test::Limits{512, 30});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 1048577);
  std::size_t nash = 0;
  for (std::size_t at = 0; (at = csv.out.find(",Nash;", at)) != std::string::npos; ++at) ++nash;
  EXPECT_EQ(nash, 131072u);
}

TEST(ConflictDefects, LargerConflictsAreRefusedBeforeTheyStartUnlessAllowed) {
  // conflict-24 (16,777,216 states) was accepted and took 8.4 GB and minutes.
  const auto refused = test::run_statecraft("stability " + quoted(defect("conflict-24.yaml")), test::Limits{256, 20});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("statecraft: refused: the conflict has 16777216 feasible states, more than the limit of 1048576 (--max-states lifts it)"),
            std::string::npos)
      << refused.err;
  // Past 24 options nothing is listed at all; past 64 the file is invalid.
  for (const char* name : {"conflict-25.yaml", "conflict-64.yaml"}) {
    const auto r = test::run_statecraft("stability " + quoted(defect(name)), test::Limits{256, 20});
    EXPECT_EQ(r.exit_code, 2) << name;
    EXPECT_NE(r.err.find("combinations to list, more than the limit of 16777216"), std::string::npos) << r.err;
  }
  const auto invalid = test::run_statecraft("stability " + quoted(defect("conflict-65.yaml")), test::Limits{256, 20});
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.err.find("conflict-65.yaml:8:3: error: the conflict has 65 options"), std::string::npos) << invalid.err;
  // Many moves per state, refused by their estimate; and a coalition of everyone in a million states.
  const auto steps = test::run_statecraft("stability " + quoted(test::source_path("tests/data/gmcr/trade.gmcr")) + " --max-steps 1e8", test::Limits{256, 20});
  EXPECT_EQ(steps.exit_code, 2);
  EXPECT_NE(steps.err.find("the stability analysis takes about 1.89e+08 steps (138240 states; 6 decision makers holding 20 options), "
                           "more than the limit of 100000000 (--max-steps lifts it)"),
            std::string::npos)
      << steps.err;
  const auto coalition = test::run_statecraft("stability " + quoted(defect("conflict-20.yaml")) + " --coalition AA,BB", test::Limits{512, 20});
  EXPECT_EQ(coalition.exit_code, 2);
  EXPECT_NE(coalition.err.find("refused: the coalition analysis examines up to"), std::string::npos) << coalition.err;
}

TEST(ConflictDefects, SixteenMillionStatesFitWhenAllowedAndShowProgress) {
  // 2^24 states in well under 1 GB of address space, with a progress line on the terminal.
  const auto r = test::run_statecraft_on_terminal("stability " + quoted(defect("conflict-24.yaml")) + " --max-states 16777216 --max-steps 1e10", test::Limits{1024, 120});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("24 options, 2 decision makers, 16777216 feasible states"), std::string::npos);
  EXPECT_NE(r.err.find("stability: steps: "), std::string::npos) << r.err;
}

TEST(ConflictDefects, JsonSummarisesLargeConflictsAndListsOnRequest) {
  // 18 options gave 193 MB of JSON. Large conflicts get counts and the first equilibria; small
  // ones and --table every state's row.
  const auto big = test::run_statecraft("stability " + quoted(defect("conflict-20.yaml")) + " --format json", test::Limits{512, 30});
  ASSERT_EQ(big.exit_code, 0) << big.err;
  EXPECT_LT(big.out.size(), 1000000u);
  const auto summary = nlohmann::json::parse(big.out)["stability"];
  EXPECT_EQ(summary["state_count"], 1048576);
  EXPECT_TRUE(summary["states"].is_null());
  EXPECT_EQ(summary["equilibrium_counts"]["Nash"], 131072);
  EXPECT_EQ(summary["equilibria"]["Nash"].size(), 10000u);
  EXPECT_EQ(summary["equilibria"]["Nash"][0], 12);
  for (const char* args : {" --format json --table", " --format json"}) {
    const std::string file = std::string(args).find("table") != std::string::npos ? "conflict-14.yaml" : "tests/data/gmcr/Elmira.gmcr";
    const auto r = test::run_statecraft("stability " + quoted(file[0] == 't' ? test::source_path(file) : defect(file)) + args, test::Limits{512, 30});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto listed = nlohmann::json::parse(r.out)["stability"];
    EXPECT_EQ(listed["states"].size(), listed["state_count"]) << args;
  }
}

TEST(ConflictDefects, AnalyzeSkipsTheConflictLensPastItsBudgetAndSaysHow) {
  const auto text = test::run_statecraft("analyze " + quoted(defect("conflict-20.yaml")), test::Limits{512, 20});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("skipped here: the conflict has 1048576 feasible states, more than the limit of 65536"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("`statecraft stability` on this file analyses it"), std::string::npos);
  const auto json = test::run_statecraft("analyze " + quoted(defect("conflict-20.yaml")) + " --format json", test::Limits{512, 20});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto report = nlohmann::json::parse(json.out);
  EXPECT_TRUE(report["stability"].is_null());
  EXPECT_NE(report["stability_skipped"].get<std::string>().find("1048576 feasible states"), std::string::npos);
  // Within the budget the lens runs as before.
  const auto small = nlohmann::json::parse(test::run_statecraft("analyze " + quoted(defect("conflict-14.yaml")) + " --format json").out);
  EXPECT_EQ(small["stability"]["states"], 16384);
  EXPECT_TRUE(small["stability_skipped"].is_null());
}

TEST(ConflictDefects, OddNamesAndNegativeZeroKeepWorking) {
  // odd-names: A ranks by o1 then !o2, B by o2; only A taking o1 and B taking o2 (state 4) is
  // stable for both, under every concept.
  const auto stability = test::run_statecraft("stability " + quoted(defect("odd-names.yaml")), test::Limits{256, 20});
  ASSERT_EQ(stability.exit_code, 0) << stability.err;
  for (const char* line : {"  Nash  4\n", "  GMR   4\n", "  SMR   4\n", "  SEQ   4\n"}) EXPECT_NE(stability.out.find(line), std::string::npos) << stability.out;
  for (const char* format : {"text", "json"}) {
    const auto r = test::run_statecraft("analyze " + quoted(defect("odd-names.yaml")) + " --format " + format, test::Limits{256, 20});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  // negative-zero: every stance and the status quo at -0 on [-1, 1]; every model forecasts 0,
  // but for deciders, which needs a decision rule the file does not give.
  const auto r = test::run_statecraft("analyze " + quoted(defect("negative-zero.yaml")) + " --format json", test::Limits{256, 20});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto forecasts = nlohmann::json::parse(r.out)["issues"][0]["forecasts"];
  EXPECT_EQ(forecasts.size(), 7u);
  for (const auto& [model, position] : forecasts.items())
    if (model == "deciders") EXPECT_TRUE(position.is_null());
    else EXPECT_NEAR(position.get<double>(), 0.0, 1e-9) << model;
}

}  // namespace
}  // namespace statecraft
