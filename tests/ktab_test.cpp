// KTAB's CSV scenario format: reading, converting to the scenario language, precise errors.

#include <gtest/gtest.h>

#include "formats/ktab_csv.hpp"
#include "formats/load.hpp"
#include "scenario/write.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

TEST(KtabCsv, ReadsTheShippedExample) {
  Diagnostics d("SOE-Pol-Comp.csv");
  const auto s = read_ktab_csv(test::read_file(test::source_path("tests/data/ktab/SOE-Pol-Comp.csv")), d);
  ASSERT_TRUE(s) << (d.empty() ? "" : format_diagnostic(d.all()[0]));
  EXPECT_EQ(s->name, "China Policy/Competitive; scen 2");
  EXPECT_EQ(s->dimensions, (std::vector<std::string>{"Policy", "Competitive"}));
  ASSERT_EQ(s->actors.size(), 13u);
  EXPECT_EQ(s->actors[0].name, "XJ");
  EXPECT_EQ(s->actors[0].capability, 100);
  EXPECT_EQ(s->actors[0].positions, (std::vector<double>{30, 20}));
  EXPECT_EQ(s->actors[0].saliences, (std::vector<double>{24, 48}));
}

TEST(KtabCsv, LoadsAsAScenarioAndSurvivesTheWriter) {
  const auto result = load_scenario_file(test::source_path("tests/data/ktab/dummyData_3Dim.csv"));
  ASSERT_TRUE(result.ok());
  const Scenario& s = *result.scenario;
  EXPECT_EQ(s.id, "dummyData_3Dim");
  ASSERT_EQ(s.issues.size(), 3u);
  EXPECT_EQ(s.actors[0].id, "A001");  // SActor-00 makes no valid actor id
  EXPECT_EQ(s.actors[0].name, "SActor-00");
  EXPECT_DOUBLE_EQ(s.issues[0].stances[0].salience.value, 0.4953);  // 49.53 on 0..100
  const auto reloaded = test::load_text(write_scenario_yaml(s));
  ASSERT_TRUE(reloaded.ok());
  EXPECT_EQ(reloaded.scenario->actors[2].capability.value, s.actors[2].capability.value);
}

TEST(KtabCsv, ShortNamesBecomeActorIds) {
  const auto result = load_scenario_file(test::source_path("tests/data/ktab/SOE-Policy.csv"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.scenario->actors[0].id, "XJ");
}

std::vector<std::string> errors_of(const std::string& text) {
  Diagnostics d("k.csv");
  read_ktab_csv(text, d);
  return test::messages(d);
}

TEST(KtabCsv, PreciseErrors) {
  const std::string head = "S,desc,2,1\nActor,Description,Influence,P,S\n";
  // A bad row is not counted, so the announced count no longer matches either.
  EXPECT_EQ(errors_of(head + "A,a,10,50,50\nB,b,10,50\n"),
            (std::vector<std::string>{"4:1: the row has 4 columns, the header 5", "1:8: the first row announces 2 actors, the file has 1"}));
  EXPECT_EQ(errors_of(head + "A,a,10,50,50\nB,b,ten,50,50\n"), std::vector<std::string>{"4:5: influence 'ten' is not a number"});
  EXPECT_EQ(errors_of(head + "A,a,10,50,50\nB,b,10,50,150\n"), std::vector<std::string>{"4:11: salience 150 lies outside 0..100"});
  EXPECT_EQ(errors_of(head + "A,a,10,50,50\n"), std::vector<std::string>{"1:8: the first row announces 2 actors, the file has 1"});
  // Found by the fuzzer: a count beyond int's range must be an error, not a conversion.
  EXPECT_EQ(errors_of("S,desc,4e50,1\nActor,Description,Influence,P,S\n"),
            std::vector<std::string>{"1:8: the number of actors must be a whole number from 1 to 1000000, found '4e50'"});
  EXPECT_EQ(errors_of("S,desc,0,1\nActor,Description,Influence,P,S\n"),
            std::vector<std::string>{"1:8: the number of actors must be a whole number from 1 to 1000000, found '0'"});
  EXPECT_EQ(errors_of("S,desc,1,2\nActor,Description,Influence,P,S\nA,a,1,2,3\n"),
            std::vector<std::string>{"2:1: the header has 5 columns; 2 dimensions need 7 (Actor, Description, Influence, then a position and a salience per dimension)"});
}

}  // namespace
}  // namespace statecraft
