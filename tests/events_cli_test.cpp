// statecraft events from the command line: formats, streams, and every kind of bad input getting
// a message at its place and the documented exit code, never a crash.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace statecraft {
namespace {

std::string write_temp(const std::string& name, const std::string& content) {
  const std::string path = testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(EventsCli, JsonLinesInEveryFieldOut) {
  const auto file = write_temp("one.jsonl", R"({"id":"a","date":"2025-08-13","text":"Putin threatened Trump with military escalation."})" "\n");
  const auto r = test::run_statecraft("events " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto event = nlohmann::json::parse(r.out);
  EXPECT_EQ(event["article"], "a");
  EXPECT_EQ(event["source_actor"], "RUSGOV");
  EXPECT_EQ(event["source_text"], "Putin");
  EXPECT_EQ(event["target_actor"], "USAGOV");
  EXPECT_EQ(event["cameo"], "138");
  EXPECT_EQ(event["cameo_root"], "13");
  EXPECT_EQ(event["plover_type"], "THREATEN");
  EXPECT_EQ(event["plover_mode"], "violence");
  EXPECT_EQ(event["goldstein"], -7.0);
  EXPECT_EQ(event["status"], "reported");
  EXPECT_EQ(event["start"], 0);
  EXPECT_EQ(event["end"], 48);
  // Characters and bytes part after a non-ASCII character: “ is 3 bytes, 1 character.
  const auto quoted = write_temp("quoted.txt", "\u201cHello.\u201d Putin threatened Trump with military escalation.");
  const auto q = nlohmann::json::parse(test::run_statecraft("events --date 2025-08-13 " + quoted).out);
  EXPECT_EQ(q["start"], 13);
  EXPECT_EQ(q["start_character"], 9);
  EXPECT_EQ(q["end"].get<int>() - q["start"].get<int>(), q["end_character"].get<int>() - q["start_character"].get<int>());
}

TEST(EventsCli, PlainTextAndCsvAndTheDateDecidesOffice) {
  const auto file = write_temp("trump.txt", "Donald Trump met Vladimir Putin.\n");
  const auto in_office = test::run_statecraft("events --format csv --date 2018-07-16 " + file);
  ASSERT_EQ(in_office.exit_code, 0) << in_office.err;
  EXPECT_NE(in_office.out.find("\ntrump,1,0,32,0,32,USAGOV,Donald Trump,RUSGOV,Vladimir Putin,040,"), std::string::npos) << in_office.out;
  const auto out_of_office = test::run_statecraft("events --format csv --date 2023-01-01 " + file);
  EXPECT_NE(out_of_office.out.find(",USAELI,Donald Trump,"), std::string::npos) << out_of_office.out;
}

TEST(EventsCli, TheOutputIsTheSameOnOneThreadAsOnMany) {
  std::string corpus;
  for (int k = 0; k < 3000; ++k)
    corpus += nlohmann::json{{"id", std::to_string(k)}, {"date", "2025-08-13"},
                             {"text", k % 2 ? "Putin may threaten Trump with military escalation if he pursues new sanctions." : "Kim met Putin in Vladivostok."}}
                  .dump() + "\n";
  const auto file = write_temp("corpus.jsonl", corpus);
  const auto one = test::run_statecraft("events --threads 1 " + file);
  const auto many = test::run_statecraft("events --threads 4 " + file);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, many.out);
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 1500 * 2 + 1500);  // a threat and its condition; a meeting
}

TEST(EventsCli, BadInputIsNamedAtItsPlace) {
  const auto binary = write_temp("binary.txt", std::string("\xff\xfe\x00\x01", 4));
  auto r = test::run_statecraft("events " + binary);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("binary.txt:1:1: error: the file is not valid UTF-8"), std::string::npos) << r.err;

  const auto empty = write_temp("empty.txt", "");
  r = test::run_statecraft("events " + empty);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("empty.txt: warning: no text; nothing to code"), std::string::npos) << r.err;

  // Lines that are not articles are skipped with a warning; the others are coded.
  const auto mixed = write_temp("mixed.jsonl", "{\"id\":\"a\",\"text\":\"Trump sanctioned Russia.\"}\nnot json\n{\"text\":\"x\",\"date\":\"2025-02-30\"}\n{\"text\":\"Kim \xff\"}\n[1]\n");
  r = test::run_statecraft("events --date 2025-08-13 " + mixed);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
  EXPECT_NE(r.err.find("mixed.jsonl:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:3:1: warning: the date \"2025-02-30\" is not YYYY-MM-DD; the line is skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:5:1: warning: an article is a JSON object"), std::string::npos) << r.err;

  // An article above the size limit (16 MiB): refused with its size, at once.
  const auto big = write_temp("big.txt", std::string(17'000'000, 'a'));
  r = test::run_statecraft("events " + big, {512, 20});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("big.txt: error: the file has 17000000 bytes, more than the limit"), std::string::npos) << r.err;

  r = test::run_statecraft("events --date 2025-02-30 " + empty);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--date '2025-02-30' is not YYYY-MM-DD"), std::string::npos);
  r = test::run_statecraft("events " + testing::TempDir() + "no-such-file.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-file.txt: error: no such file"), std::string::npos);
}

TEST(EventsCli, UsersDictionariesWithBadLinesAndMissingKinds) {
  const std::string dir = testing::TempDir() + "dictionaries/";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "my.actors.txt") << "GONDOR_ [GON]\nARNOR_ [ARN\nMORDOR_ [MOR]\n";
  std::ofstream(dir + "my.verbs.txt") << "--- THREATEN [130] ---\nTHREATEN\n- * + WITH WAR [138]\n";
  const auto article = write_temp("gondor.txt", "Mordor threatened Gondor with war.");
  const auto r = test::run_statecraft("events --format csv --dictionaries " + dir + " --date 2020-01-01 " + article);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",MOR,Mordor,GON,Gondor,138,"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("my.actors.txt:2:8: warning: a code opened with '[' is not closed with ']'; the line is skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("has no agents file; the built-in agents are used"), std::string::npos) << r.err;
}

TEST(EventsCli, EvaluateScoresAGoldStandard) {
  const auto r = test::run_statecraft("events --evaluate " + test::source_path("tests/data/events/plover/PLOVER_GSR_CAMEO.txt") + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["codes"], "plover");
  EXPECT_EQ(j["overall"]["records"], 322);
  EXPECT_EQ(j["categories"].size(), 18u);
  const auto bad = write_temp("gold.xml", "<Validation><Sentences><Sentence date=\"1995\" id=\"x\"><Text>t</Text></Sentence></Sentences></Validation>");
  const auto b = test::run_statecraft("events --evaluate " + bad);
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find("gold.xml:1:1: error: record x: the date '1995' is not YYYYMMDD"), std::string::npos) << b.err;
}

TEST(EventsCli, SummaryAsTableJsonAndChart) {
  const auto file = write_temp("summary.jsonl", "{\"date\":\"2025-08-01\",\"text\":\"Putin met with Kim. Russia threatened Ukraine.\"}\n");
  const auto text = test::run_statecraft("events --summary --format text " + file);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("RUS     PRK     2025-08            1         0        0            +1.0"), std::string::npos) << text.out;
  const auto json = nlohmann::json::parse(test::run_statecraft("events --summary " + file).out);
  EXPECT_EQ(json["dyads"].size(), 2u);
  const auto svg = test::run_statecraft("events --summary --format svg " + file);
  ASSERT_EQ(svg.exit_code, 0);
  EXPECT_NE(svg.out.find("Russia \u2192 North Korea"), std::string::npos);
  EXPECT_NE(svg.out.find("Russia \u2192 Ukraine"), std::string::npos);
  const auto chart = write_temp("summary.svg", svg.out);
  EXPECT_EQ(std::system(("xmllint --noout " + chart).c_str()), 0);
  const auto wrong = test::run_statecraft("events --format svg " + file);
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("--format svg is for --summary or --evaluate"), std::string::npos);
}

// The Alaska scenario's options beside its article's events (the excerpt, as the source wex).
TEST(EventsCli, EvidenceForTheAlaskaScenario) {
  const auto article = write_temp("wex.txt", test::read_file(test::source_path("tests/data/events/seeds/alaska-2025.txt")));
  const auto r = test::run_statecraft("evidence " + test::source_path("scenarios/alaska-2025.yaml") + " " + article + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::vector<std::string>> verdicts;  // option: "verdict cameo status"
  for (const auto& o : j["options"])
    for (const auto& e : o["events"])
      verdicts[o["option"]].push_back(e["verdict"].get<std::string>() + " " + e["cameo"].get<std::string>() + " " + e["status"].get<std::string>());
  // Kim has avoided tests: the test option is not in the status quo, and the event agrees.
  EXPECT_EQ(verdicts["icbm_test"], std::vector<std::string>{"supports 150 negated"});
  // North Korea's troops for Russia's war: in the status quo, reported.
  EXPECT_EQ(verdicts["troops_to_russia"], std::vector<std::string>{"supports 072 reported"});
  // The tariffs on India: in the status quo, reported; the sanctions Trump considers only mention
  // the tariffs option's kind of move.
  ASSERT_FALSE(verdicts["india_tariffs"].empty());
  EXPECT_EQ(verdicts["india_tariffs"][0], "supports 163 reported");
  // The threat of escalation and the ceasefire are said on conditions: mentions, neither way.
  EXPECT_EQ(verdicts["ceasefire"], std::vector<std::string>{"mentions 0871 conditional"});
  EXPECT_TRUE(std::find(verdicts["escalate"].begin(), verdicts["escalate"].end(), "mentions 138 conditional") != verdicts["escalate"].end());
  // No option of the wrong kind: "ceasefire" is not "ease", "withdraw support" is not support.
  EXPECT_TRUE(verdicts["withdraw_support"].empty());
  // A scenario whose status quo the news contradicts says so.
  auto yaml = test::read_file(test::source_path("scenarios/alaska-2025.yaml"));
  yaml = test::replace(yaml, "status_quo: [india_tariffs, troops_to_russia, russian_oil]", "status_quo: [india_tariffs, troops_to_russia, russian_oil, icbm_test]");
  const auto changed = write_temp("alaska-tests.yaml", yaml);
  const auto text = test::run_statecraft("evidence " + changed + " " + article);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("(1 contradicting the status quo)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("contradicts  ev:wex:"), std::string::npos) << text.out;
}

TEST(EventsCli, EventCitationsAreCheckedAndShown) {
  auto yaml = test::read_file(test::source_path("scenarios/alaska-2025.yaml"));
  const std::string cited = test::replace(yaml, "      source: wex", "      source: ev:wex:5");
  const auto file = write_temp("alaska-cited.yaml", cited);
  const auto v = test::run_statecraft("validate " + file);
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  const auto article = write_temp("wex.txt", test::read_file(test::source_path("tests/data/events/seeds/alaska-2025.txt")));
  const auto r = test::run_statecraft("evidence " + file + " " + article);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("cites ev:wex:5: \"Kim has also avoided new long-range ballistic missile tests"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Kim (PRKGOV) -> no one named: Demonstrate military or police power [150], negated"), std::string::npos) << r.out;
  for (const auto& [bad, message] : std::vector<std::pair<std::string, std::string>>{
           {"ev:wxe:7", "the event citation 'ev:wxe:7' names the unknown source 'wxe'"},
           {"ev:wex:0", "the event citation 'ev:wex:0' is not ev:SOURCE:SENTENCE"},
           {"ev:wex", "the event citation 'ev:wex' is not ev:SOURCE:SENTENCE"}}) {
    const auto broken = write_temp("alaska-bad.yaml", test::replace(yaml, "      source: wex", "      source: " + bad));
    const auto b = test::run_statecraft("validate " + broken);
    EXPECT_EQ(b.exit_code, 2) << bad;
    EXPECT_NE(b.out.find(message) == std::string::npos ? b.err.find(message) : 0, std::string::npos) << bad << ": " << b.out << b.err;
  }
}

// The brief's evidence appendix with the article's events beside the options.
TEST(EventsCli, BriefWithArticlesListsTheEventsInTheNews) {
  const auto article = write_temp("wex.txt", test::read_file(test::source_path("tests/data/events/seeds/alaska-2025.txt")));
  const auto scenario = test::source_path("scenarios/alaska-2025.yaml");
  const auto text = test::run_statecraft("brief " + scenario + " --format text --articles " + article);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Events in the news"), std::string::npos);
  EXPECT_NE(text.out.find("- resume long-range ballistic missile tests (not in the status quo): supports ev:wex:5, Kim (PRKGOV) -> no one named"),
            std::string::npos) << text.out;
  const auto json = nlohmann::json::parse(test::run_statecraft("brief " + scenario + " --format json --articles " + article).out);
  EXPECT_GE(json["news"].size(), 5u);
  const auto html = test::run_statecraft("brief " + scenario + " --articles " + article);
  EXPECT_NE(html.out.find("<h3 id=\"news\">Events in the news</h3>"), std::string::npos);
  const auto without = nlohmann::json::parse(test::run_statecraft("brief " + scenario + " --format json").out);
  EXPECT_TRUE(without["news"].empty());
  EXPECT_EQ(test::run_statecraft("brief " + scenario + " --articles " + testing::TempDir() + "no-such-article.txt").exit_code, 2);
}

// draft on each seed article's excerpt: a scenario that validates, even strictly, whose options
// cite their sentences and whose placeholders say DRAFT.
TEST(EventsCli, DraftOfEachSeedValidates) {
  const std::pair<const char*, const char*> seeds[] = {
      {"alaska-2025", "2025-08-13"}, {"singapore-2018", "2018-06-08"}, {"danang-2017", "2017-11-10"}, {"vladivostok-2019", "2019-04-25"}};
  for (const auto& [seed, date] : seeds) {
    const auto r = test::run_statecraft(std::string("draft --date ") + date + " " + test::source_path(std::string("tests/data/events/seeds/") + seed + ".txt"));
    ASSERT_EQ(r.exit_code, 0) << seed << ": " << r.err;
    const auto file = write_temp(std::string("draft-") + seed + ".yaml", r.out);
    const auto v = test::run_statecraft("validate --strict " + file);
    EXPECT_EQ(v.exit_code, 0) << seed << ":\n" << v.out << v.err << r.out;
    EXPECT_NE(r.out.find("DRAFT: a placeholder; rank what"), std::string::npos) << seed;
    EXPECT_NE(r.out.find("ev:" + std::string(seed) + ":"), std::string::npos) << r.out;
  }
  // The Alaska excerpt's options: the sanctions and tariffs, Kim's tests, the troops, the ceasefire.
  const auto alaska = test::run_statecraft("draft --date 2025-08-13 " + test::source_path("tests/data/events/seeds/alaska-2025.txt"));
  for (const char* option : {"id: usa_sanctions", "name: impose sanctions or tariffs on India", "id: prk_tests", "id: prk_troops", "id: rus_ceasefire", "id: ukr_ceasefire"})
    EXPECT_NE(alaska.out.find(option), std::string::npos) << option << " is missing from\n" << alaska.out;
  // A threat is a candidate game, with its sentence.
  EXPECT_NE(alaska.out.find("a threat of RUS to USA"), std::string::npos) << alaska.out;
  const auto nothing = test::run_statecraft("draft " + write_temp("empty-draft.txt", ""));
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.err.find("no article to sketch a scenario from"), std::string::npos) << nothing.err;
}

}  // namespace
}  // namespace statecraft
