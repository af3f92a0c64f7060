// Reading user files without a memory bomb, a hang or time that grows faster than the file:
// the reproducers of issue 9 (tests/data/defects/) and larger ones generated here.

#include <gtest/gtest.h>

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sys/stat.h>

#include "formats/deu.hpp"
#include "scenario/document.hpp"
#include "scenario/input_file.hpp"
#include "scenario/reader.hpp"
#include "scenario/text_lines.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

using test::Limits;
using test::run_statecraft;

std::string quoted(const std::string& path) { return "'" + path + "'"; }
std::string defect(const std::string& name) { return test::source_path("tests/data/defects/" + name); }

int count_of(const std::string& text, const std::string& needle) {
  int count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

// A scratch folder for generated inputs, removed with the test.
class Scratch {
 public:
  explicit Scratch(const std::string& name) : dir_(std::filesystem::temp_directory_path() / ("statecraft-input-" + name)) {
    std::filesystem::create_directories(dir_);
  }
  ~Scratch() { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) const {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

std::string scenario_head() { return "statecraft: 1\nid: q\ntitle: q\n"; }

// ---- memory bombs -------------------------------------------------------------------------

// Under 1 KB each, these made the reader pad out an outcome table of 10^7 to 10^10 profiles
// (0.5 to 5.3 GB, or std::bad_alloc and the rest of the batch skipped).
TEST(Input, HugeOutcomeTablesAreRefusedAndTheBatchGoesOn) {
  const auto r = run_statecraft("validate " + quoted(defect("yaml-pad-bomb.yaml")) + " " + quoted(defect("yaml-pad-bomb-7.yaml")) + " " +
                                    quoted(defect("yaml-pad-bomb-8.yaml")) + " " + quoted(test::source_path("scenarios/alaska-2025.yaml")),
                                Limits{256, 20});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(defect("yaml-pad-bomb.yaml") + ":18:17: error: game 'g' has 10000000000 strategy profiles, more than the limit of 1000000"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(defect("yaml-pad-bomb-7.yaml") + ":15:17: error: game 'g' has 10000000 strategy profiles"), std::string::npos);
  EXPECT_NE(r.err.find(defect("yaml-pad-bomb-8.yaml") + ":16:17: error: game 'g' has 100000000 strategy profiles"), std::string::npos);
  EXPECT_EQ(count_of(r.out, ": ok ("), 1) << "the last file of the batch is still checked";
}

TEST(Input, ATableAtTheLimitIsStillRead) {
  // 1000 x 1000 = the limit exactly: read, and its one missing row reported once per profile.
  std::string strategies;
  for (int k = 0; k < 1000; ++k) strategies += fmt::format("{}s{}", k ? ", " : "", k);
  const auto result = test::load_text(scenario_head() + "actors:\n  - {id: AA, name: a, capability: 1}\n  - {id: BB, name: b, capability: 1}\n"
                                      "games:\n  - id: g\n    players: [AA, BB]\n    strategies: {AA: [" + strategies + "], BB: [" + strategies +
                                      "]}\n    payoffs: {s0: {}}\n");
  EXPECT_EQ(result.diagnostics.size(), 999u + 1000u);  // 999 rows missing, and every profile of the row that is there
}

TEST(Input, DevicesPipesAndDirectoriesAreRefusedAtOnce) {
  Scratch scratch("fifo");
  const auto fifo = scratch.path("pipe.yaml");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const std::string& file : {std::string("/dev/zero"), fifo, scratch.path("")}) {
    const auto r = run_statecraft("validate " + quoted(file) + " " + quoted(test::source_path("scenarios/alaska-2025.yaml")), Limits{256, 10});
    EXPECT_EQ(r.exit_code, 2) << file << ": " << r.err;
    EXPECT_NE(r.err.find("statecraft reads only regular files"), std::string::npos) << r.err;
    EXPECT_EQ(count_of(r.out, ": ok ("), 1) << file;
  }
  for (const char* command : {"forecast", "analyze", "stability", "solve", "import", "backtest"}) {
    const auto r = run_statecraft(std::string(command) + " /dev/zero", Limits{256, 10});
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.err;
    EXPECT_NE(r.err.find("/dev/zero: error: cannot read the file: it is a device"), std::string::npos) << command << ": " << r.err;
  }
}

TEST(Input, FilesPastTheSizeLimitAreRefusedUnread) {
  Scratch scratch("large");
  const auto file = scratch.write("large.yaml", scenario_head());
  std::filesystem::resize_file(file, max_input_bytes + 1);  // sparse: costs no disk
  const auto r = run_statecraft("validate " + quoted(file), Limits{256, 10});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(fmt::format("error: the file has {} bytes, more than the limit of {} bytes (16 MiB)", max_input_bytes + 1, max_input_bytes)),
            std::string::npos)
      << r.err;
  std::filesystem::resize_file(file, max_input_bytes);
  EXPECT_TRUE(read_input_file(file).text) << "the limit itself is allowed";
}

TEST(Input, ReadingStopsAtTheValueLimit) {
  std::string text = "[";
  for (std::size_t k = 0; k < max_document_values; ++k) text += "1,";
  text += "1]";
  Diagnostics d;
  EXPECT_FALSE(parse_document(text, d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.all()[0].at.line, 1);
  EXPECT_EQ(d.all()[0].at.column, static_cast<int>(2 * max_document_values));  // the value past the limit
  EXPECT_NE(d.all()[0].message.find("more values (scalars, lists and mappings) than the limit of 2000000"), std::string::npos);
}

TEST(Input, OnlyTheFirstThousandProblemsAreKept) {
  Diagnostics d("f");
  for (int k = 0; k < 5000; ++k) d.error({k + 1, 1}, "bad");
  EXPECT_EQ(d.size(), 5000u);
  EXPECT_EQ(d.all().size(), max_kept_diagnostics);
  EXPECT_TRUE(d.full());
}

// ---- time linear in the size --------------------------------------------------------------

std::string many_actors(int count) {
  std::string text = scenario_head() + "actors:\n";
  for (int k = 0; k < count; ++k) text += fmt::format("  - {{id: A{}, name: a, capability: 1}}\n", k);
  return text;
}

// Each took time quadratic in its size: 60,000 actors 13-45 s, 100,000 strategies 25-85 s, a
// Decide file of 60,000 actors 29-73 s. Linear, each takes about a second.
TEST(Input, SixtyThousandActorsValidateInSeconds) {
  Scratch scratch("actors");
  const auto r = run_statecraft("validate " + quoted(scratch.write("actors.yaml", many_actors(60000))), Limits{1024, 10});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ok (60000 actors"), std::string::npos);
}

TEST(Input, AHundredThousandStrategiesValidateInSeconds) {
  std::string strategies;
  for (int k = 0; k < 100000; ++k) strategies += fmt::format("{}s{}", k ? ", " : "", k);
  Scratch scratch("strategies");
  const auto file = scratch.write("strategies.yaml", scenario_head() + "actors:\n  - {id: AA, name: a, capability: 1}\ngames:\n  - id: g\n"
                                                     "    players: [AA]\n    strategies: {AA: [" + strategies + ", s7]}\n    payoffs: {}\n");
  const auto r = run_statecraft("validate " + quoted(file), Limits{1024, 10});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(":9:" + std::to_string(23 + strategies.size() + 2) + ": error: strategy 's7' is listed twice"), std::string::npos);
  EXPECT_NE(r.err.find("no outcome for the profile (s0): AA has no entry 's0' here"), std::string::npos);
  EXPECT_NE(r.err.find(": 99002 more errors not shown\n"), std::string::npos) << "1000 shown of 100002";
  EXPECT_NE(r.err.find(": 100002 errors\n"), std::string::npos);
}

TEST(Input, ADecideFileOfSixtyThousandActorsImportsInSeconds) {
  std::string text;
  for (int k = 0; k < 60000; ++k) text += fmt::format("#A,act{0},act{0}\n", k);
  text += "#P,iss,iss\n";
  for (int k = 0; k < 60000; ++k) text += fmt::format("#D,act{},iss,{},0.5,1\n", k, k % 100);
  text += "#A,act5,again\n";
  Scratch scratch("decide");
  const auto r = run_statecraft("validate " + quoted(scratch.write("decide.csv", text)), Limits{1024, 10});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("decide.csv:120002:4: error: actor 'act5' is declared twice"), std::string::npos) << r.err;
}

// Cross-references: every lookup by id, and the "did you mean" search, used to scan every actor.
TEST(Input, ManyUnknownReferencesAmongManyActorsStayLinear) {
  std::string text = many_actors(30000) + "issues:\n  - id: i\n    name: i\n    scale: [0, 30000]\n    stances:\n";
  for (int k = 0; k < 30000; ++k) text += fmt::format("      B{}: {{position: 1, salience: 1}}\n", k);
  text += "    labels: {";
  for (int k = 0; k < 30000; ++k) text += fmt::format("{}{}: l", k ? ", " : "", k % 29999);
  text += "}\n";
  Scratch scratch("references");
  const auto r = run_statecraft("validate " + quoted(scratch.write("references.yaml", text)), Limits{1024, 10});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: unknown actor 'B0'\n"), std::string::npos) << "no suggestion among 30000 actors";
  EXPECT_NE(r.err.find("error: point 0 is labelled twice"), std::string::npos);
  EXPECT_NE(r.err.find(": 30001 errors\n"), std::string::npos);
}

TEST(Input, SuggestionsStillFindTypos) {
  EXPECT_EQ(closest_match("salince", {"position", "salience", "capability"}), "salience");
  EXPECT_EQ(closest_match("USA", {"RUS", "UKR", "USB"}), "USB");
  EXPECT_EQ(closest_match("abcdefghij", {"abcdefghijklmn"}), "") << "4 letters apart";
  EXPECT_EQ(closest_match("abcdefghij", {"abcdefghijklm"}), "abcdefghijklm") << "3 letters apart";
  EXPECT_EQ(closest_match("kitten", {"sitting"}), "") << "distance 3 exceeds the tolerance of 2";
  EXPECT_EQ(closest_match("kittens", {"sitting"}), "") << "distance 3 exceeds the tolerance of 2";
  EXPECT_EQ(closest_match("xkitten", {"kitten"}), "kitten");
}

// The search computes only a band of the distance table; it must agree with the whole table.
TEST(Input, SuggestionsAgreeWithTheFullEditDistance) {
  auto distance = [](const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) t[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) t[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
      for (std::size_t j = 1; j <= b.size(); ++j)
        t[i][j] = std::min({t[i - 1][j] + 1, t[i][j - 1] + 1, t[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    return t[a.size()][b.size()];
  };
  std::mt19937 random(9);
  auto word = [&] {
    std::string w(1 + random() % 12, 'a');
    for (char& c : w) c = static_cast<char>('a' + random() % 3);
    return w;
  };
  for (int k = 0; k < 20000; ++k) {
    const std::string a = word(), b = word();
    const std::size_t tolerance = std::clamp<std::size_t>(a.size() / 3, 1, 3);
    EXPECT_EQ(closest_match(a, {b}) == b, distance(a, b) <= tolerance) << a << " / " << b;
  }
}

}  // namespace
}  // namespace statecraft

// ---- every error located ------------------------------------------------------------------

namespace statecraft {
namespace {

TEST(Input, ANulByteIsLocated) {
  const auto r = test::run_statecraft("validate '" + test::source_path("tests/data/defects/nul-byte.yaml") + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nul-byte.yaml:5:22: error: the file contains a NUL byte (U+0000) here; is it a text file?"), std::string::npos) << r.err;
}

// Raw control characters, in the text of every reader, at their line and column.
TEST(Input, ControlCharactersInEveryReadersTextAreLocated) {
  const std::string message = "the file contains the control character U+001B here; text may hold tabs and line breaks but no other control characters";
  EXPECT_EQ(test::messages(test::load_text("statecraft: 1\nid: q\ntitle: \"a\x1b]0;t\"\n")), std::vector<std::string>{"3:10: " + message});
  EXPECT_EQ(test::messages(load_ktab_text("n,d,1,1\nActor,Description,Influence,P,S\nA\x1b,x,1,50,50\n", "k.csv", "k")),
            std::vector<std::string>{"3:2: " + message});
  EXPECT_EQ(test::messages(load_decide_text("#A,a\x1b\n", "d.csv", "d")), std::vector<std::string>{"1:5: " + message});
  Diagnostics deu;
  EXPECT_FALSE(read_deu("pA\tsA\tout\n1\t2\t\x1b\n", {}, deu));
  EXPECT_EQ(test::messages(deu), std::vector<std::string>{"2:5: " + message});
  Diagnostics capabilities;
  read_capabilities("A,1\nB\x7f,2\n", capabilities);
  EXPECT_EQ(test::messages(capabilities), std::vector<std::string>{"2:2: the file contains the control character U+007F here; text may hold tabs and line breaks but no other control characters"});
  // C1 controls are two bytes in UTF-8 (C2 9B is the one-character escape sequence introducer).
  EXPECT_EQ(test::messages(test::load_text("statecraft: 1\nid: q\ntitle: a\xc2\x9b" "2J\n")),
            std::vector<std::string>{"3:9: the file contains the control character U+009B here; text may hold tabs and line breaks but no other control characters"});
  // Tabs and both kinds of line break are text.
  EXPECT_TRUE(first_control_character("a\tb\r\nc\n\xc2\xa0") == std::nullopt);
  // C2 followed by a byte outside 80..9F is no control character (in text that is not UTF-8, the
  // byte after C2 may be plain ASCII, which must not be swallowed).
  EXPECT_TRUE(first_control_character("\xc2" "A") == std::nullopt);
  EXPECT_EQ(control_character_at("\xc2\x85", 0), 0x85u);
  EXPECT_EQ(control_character_size(0x85), 2u);
}

}  // namespace
}  // namespace statecraft

// ---- byte-order marks ---------------------------------------------------------------------

namespace statecraft {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  return text;
}

// A UTF-8 byte-order mark made the DEU reader drop the first actor (its column read "\uFEFFpDE")
// and a Decide file pass for KTAB; read with the mark, every reader must say what it says without.
TEST(Input, AByteOrderMarkChangesNothing) {
  const std::string bom = "\xEF\xBB\xBF";
  Scratch scratch("bom");
  std::filesystem::create_directories(scratch.path("plain"));
  std::filesystem::create_directories(scratch.path("marked"));
  struct Case {
    std::string source, command;  // command: with FILE for the copy's path
  };
  const std::vector<Case> cases{
      {"tests/data/defects/deu-bom-drops-actor.tsv", "backtest FILE --input-format deu --capabilities CAPS"},
      {"tests/data/defects/decide-bom-misdetected.csv", "import FILE"},
      {"tests/data/ktab/dummyData_3Dim.csv", "import FILE"},
      {"scenarios/alaska-2025.yaml", "analyze FILE --format json"},
      {"tests/data/mini.json", "validate FILE"},
      {"tests/data/gmcr/Prisoners.gmcr", "import FILE"},
      {"tests/data/games/pd.nfg", "solve FILE"},
      {"tests/data/games/e04.efg", "solve FILE"},
  };
  // Without a header, so that the first actor's name is the first thing in the file.
  const std::string capabilities = "DE,3\nFR,1\nUK,2\nIT,1\n";
  for (const auto& c : cases) {
    const std::string name = std::filesystem::path(c.source).filename().string();
    std::string text = test::read_file(test::source_path(c.source));
    if (text.starts_with(bom)) text.erase(0, bom.size());  // the reproducers carry one
    auto run = [&](const std::string& folder, const std::string& mark) {
      const std::string file = scratch.write(folder + "/" + name, mark + text);
      const std::string caps = scratch.write(folder + "/caps.csv", mark + capabilities);
      const auto r = run_statecraft(replace_all(replace_all(c.command, "FILE", quoted(file)), "CAPS", quoted(caps)));
      return std::pair(r.exit_code, replace_all(r.out + r.err, scratch.path(folder), "DIR"));
    };
    const auto plain = run("plain", ""), marked = run("marked", bom);
    EXPECT_EQ(plain.first, 0) << name << ": " << plain.second;
    EXPECT_EQ(marked, plain) << name;
  }
}

TEST(Input, TheDeuFileWithAByteOrderMarkHasAllFourActors) {
  const auto r = run_statecraft("backtest " + quoted(defect("deu-bom-drops-actor.tsv")) + " --input-format deu --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"actors\": 4"), std::string::npos) << r.out;  // DE, FR, UK, IT; DE was dropped
}

TEST(Input, ADecideFileWithAByteOrderMarkIsReadAsDecide) {
  const auto r = run_statecraft("validate " + quoted(defect("decide-bom-misdetected.csv")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(": ok (15 actors, 13 issues"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace statecraft

// ---- kept as they were --------------------------------------------------------------------

namespace statecraft {
namespace {

// -0 and -0.0 are zero: within [-1, 1], and every model's forecast of three actors at 0 is 0.
TEST(Input, NegativeZeroLoadsAndValidates) {
  const auto r = test::run_statecraft("validate " + quoted(defect("negative-zero.yaml")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ok (3 actors, 1 issues"), std::string::npos);
  const auto result = load_scenario_file(defect("negative-zero.yaml"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.scenario->issues[0].status_quo->value, 0.0);
  const auto forecast = test::run_statecraft("forecast " + quoted(defect("negative-zero.yaml")) + " --model compromise,median --format json");
  ASSERT_EQ(forecast.exit_code, 0) << forecast.err;
  const auto forecasts = nlohmann::json::parse(forecast.out)["issues"][0]["forecasts"];
  EXPECT_EQ(forecasts["compromise"].get<double>(), 0.0);
  EXPECT_EQ(forecasts["median"].get<double>(), 0.0);  // -0.0 == 0.0
}

}  // namespace
}  // namespace statecraft
