// The events lens: CAMEO codes read as PLOVER events through the published conversion table.

#include <gtest/gtest.h>

#include "formats/cameo_plover.hpp"
#include "test_support.hpp"

namespace statecraft {
namespace {

TEST(CameoToPlover, ThePublishedTableReadsEveryCode) {
  const CameoToPlover& table = published_cameo_plover();
  EXPECT_EQ(table.size(), 274u);  // the distinct codes of CAMEO2PLOVER-2021.txt (08 and 175 are listed twice)
  const PloverEvent* phone = table.find("041");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->type, "CONSULT");
  EXPECT_EQ(phone->mode, "phone");
  EXPECT_TRUE(phone->contexts.empty());
  EXPECT_EQ(phone->cameo_description, "Discuss by telephone");
  const PloverEvent* sanctions = table.find("163");
  ASSERT_NE(sanctions, nullptr);
  EXPECT_EQ(sanctions->type, "COERCE");
  EXPECT_EQ(sanctions->mode, "restrict");
  EXPECT_EQ(sanctions->contexts, std::vector<std::string>{"diplomatic"});
  EXPECT_EQ(table.find("1385")->contexts, std::vector<std::string>{"cbrn"});           // "Threaten attack with WMD"
  EXPECT_EQ(table.find("196")->contexts, (std::vector<std::string>{"legal", "military"}));  // two contexts joined by ';'
  EXPECT_EQ(table.find("13")->type, "THREATEN");                                          // a root: its type alone
  EXPECT_EQ(table.find("08")->type, "CONCEDE");                                           // listed again as RETREAT: the first stands
  EXPECT_EQ(table.find("0871")->type, "RETREAT");                                         // its subcodes say which
}

TEST(CameoToPlover, AnUnlistedCodeTakesItsNearestAncestor) {
  const CameoToPlover& table = published_cameo_plover();
  EXPECT_EQ(table.find("1389"), table.find("138"));  // not listed: "Threaten with military force"
  EXPECT_EQ(table.find("0999"), table.find("09"));   // down to the root, ACCUSE
  EXPECT_EQ(table.find("99"), nullptr);              // no such root
  EXPECT_EQ(table.find("9"), nullptr);
}

TEST(CameoToPlover, EveryBadLineIsReportedAtItsPlace) {
  Diagnostics d("table.txt");
  EXPECT_FALSE(read_cameo_plover("# a comment\n13: THREATEN\n1x3: THREATEN\n138: threaten, violence, military\n139: A, B, C, D\n", d).has_value());
  ASSERT_EQ(d.all().size(), 3u);
  EXPECT_EQ(format_diagnostic(d.all()[0]), "table.txt:3:1: error: expected a CAMEO code of 2 to 4 digits and ':', found '1x3: THREATEN'");
  EXPECT_EQ(format_diagnostic(d.all()[1]), "table.txt:4:6: error: expected 'TYPE[, MODE, CONTEXT]' with an upper-case PLOVER type, found 'threaten, violence, military'");
  EXPECT_EQ(d.all()[2].at.line, 5);
  Diagnostics twice("twice.txt");
  const auto read = read_cameo_plover("08: CONCEDE\n08: RETREAT\n081: CONCEDE, , # Ease\n~~~~~\nnot read: after the end\n", twice);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->size(), 2u);
  ASSERT_EQ(twice.warnings().size(), 1u);
  EXPECT_EQ(format_diagnostic(twice.warnings()[0]), "twice.txt:2:1: warning: CAMEO code 08 is listed again as RETREAT; the first reading, CONCEDE, stands");
  Diagnostics empty("empty.txt");
  EXPECT_FALSE(read_cameo_plover("# nothing but comments\n", empty).has_value());
  EXPECT_EQ(format_diagnostic(empty.all().at(0)), "empty.txt: error: the table lists no CAMEO code");
  Diagnostics binary("binary.txt");
  EXPECT_FALSE(read_cameo_plover(std::string("13: THREATEN\n\xff\xfe", 15), binary).has_value());
  EXPECT_FALSE(binary.empty());
}

}  // namespace
}  // namespace statecraft

#include "formats/petrarch_dictionaries.hpp"

namespace statecraft {
namespace {

const ActorEntry* entry_named(const ActorDictionary& d, const std::string& first_word) {
  for (const auto& e : d.entries)
    if (!e.phrases.empty() && e.phrases[0].words[0] == first_word) return &e;
  return nullptr;
}

TEST(PetrarchActors, TheValidationDictionaryReads) {
  Diagnostics d("PETR.Validate.actors.txt");
  const auto dictionary = read_petrarch_actors(test::read_file(test::source_path("tests/data/events/petrarch2/PETR.Validate.actors.txt")), d);
  ASSERT_TRUE(dictionary.has_value()) << (d.all().empty() ? "" : format_diagnostic(d.all()[0]));
  // A default code and synonyms: FRANCE [FRA], +FRENCH.
  const ActorEntry* france = entry_named(*dictionary, "FRANCE");
  ASSERT_NE(france, nullptr);
  EXPECT_EQ(france->default_code, "FRA");
  ASSERT_EQ(france->phrases.size(), 2u);
  EXPECT_EQ(france->phrases[1].words, std::vector<std::string>{"FRENCH"});
  // Words joined by '_', and a final '_' that asks for the whole word: ARNOR_ [ARN]; ARGENTIN a stem.
  EXPECT_FALSE(entry_named(*dictionary, "ARNOR")->phrases[0].last_word_is_stem);
  EXPECT_TRUE(entry_named(*dictionary, "ARGENTIN")->phrases[0].last_word_is_stem);
  EXPECT_EQ(entry_named(*dictionary, "CENTRAL")->phrases[0].words, (std::vector<std::string>{"CENTRAL", "AFRICAN", "REPUBLIC"}));
  // GOLLUM: no default; HOB before 1995-06-01, HOBGOV 1995-06-01 to 1999-08-15, HOBREB after 1999-08-16.
  const ActorEntry* gollum = entry_named(*dictionary, "GOLLUM");
  ASSERT_NE(gollum, nullptr);
  EXPECT_EQ(gollum->phrases.size(), 4u);  // +SMEAGOL, +SLINKER, +STINKER
  EXPECT_EQ(gollum->code_on(19900101), "HOB");
  EXPECT_EQ(gollum->code_on(19950601), "HOB");  // the limits are "or equal to"; the first that holds wins
  EXPECT_EQ(gollum->code_on(19970101), "HOBGOV");
  EXPECT_EQ(gollum->code_on(20050101), "HOBREB");
  EXPECT_EQ(gollum->code_on(19990815), "HOBGOV");
  // SAM_GAMGEE: the first restriction that holds overrides the later ones, and the default [HOB]
  // is never reached.
  const ActorEntry* sam = entry_named(*dictionary, "SAM");
  ASSERT_NE(sam, nullptr);
  EXPECT_EQ(sam->code_on(20100110), "ORCHOB");
  EXPECT_EQ(sam->code_on(20100113), "HOBMIL");
  EXPECT_EQ(sam->code_on(20130120), "HOBELI");
  EXPECT_EQ(sam->code_on(20000101), "HOBCIV");
  // Lower-case codes read upper-case: PALESTINIAN [pse].
  EXPECT_EQ(entry_named(*dictionary, "PALESTINIAN")->default_code, "PSE");
}

TEST(PetrarchActors, TwoDigitYearsAndBadLinesAtTheirPlace) {
  Diagnostics d("a.actors");
  const auto read = read_petrarch_actors("JAMES_BYRNES_ ; a comment\n\t[USAELI 18970101-450703]\n\t[USAGOV 450703-470121]\nKIM [PRK]\n\t[PRKGOV >111217]\n", d);
  ASSERT_TRUE(read.has_value()) << format_diagnostic(d.all().at(0));
  EXPECT_EQ(read->entries[0].code_on(19300101), "USAELI");  // 45 is 1945 (above 30)
  EXPECT_EQ(read->entries[0].code_on(19460101), "USAGOV");
  EXPECT_EQ(read->entries[0].code_on(19500101), "");        // no default: a null code
  EXPECT_EQ(read->entries[1].code_on(20120101), "PRKGOV");  // 11 is 2011 (30 or below)
  EXPECT_EQ(read->entries[1].code_on(20100101), "PRK");
  Diagnostics bad("b.actors");
  EXPECT_FALSE(read_petrarch_actors("\t[USA <990101]\nARNOR [ARN\nGONDOR [GON]\n\t[GONGOV 991301-991231]\n\tGONGOV\n<!-- never closed\n", bad).has_value());
  std::vector<std::string> messages;
  for (const auto& m : bad.all()) messages.push_back(format_diagnostic(m));
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "b.actors:1:2: error: a date restriction before any actor's primary phrase",
                          "b.actors:2:7: error: a code opened with '[' is not closed with ']'",
                          "b.actors:4:2: error: the restriction '[GONGOV 991301-991231]' is not <date, >date or date-date (dates YYYYMMDD or YYMMDD)",
                          "b.actors:5:2: error: a line that begins with a tab is a date restriction, [CODE <date], [CODE >date] or [CODE date-date]; found 'GONGOV'",
                          "b.actors:6:1: error: a comment opened with '<!--' is not closed with '-->'",
                      }));
}

}  // namespace
}  // namespace statecraft
