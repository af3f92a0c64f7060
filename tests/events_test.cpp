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
