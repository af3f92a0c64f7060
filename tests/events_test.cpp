// The events lens's data and readers: CAMEO codes as PLOVER events through the published table,
// the words and sentences of text, PETRARCH/TABARI dictionaries, the built-in data.

#include <gtest/gtest.h>

#include "events/text.hpp"
#include "formats/cameo_plover.hpp"
#include "formats/petrarch_dictionaries.hpp"
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
  // A line that does not parse is skipped with a warning, and the rest reads; an unclosed comment,
  // which would swallow the rest of the file, is an error.
  Diagnostics bad("b.actors");
  const auto partly = read_petrarch_actors("\t[USA <990101]\nARNOR [ARN\nGONDOR [GON]\n\t[GONGOV 991301-991231]\n\t[GONGOV\nGEORGE_WOODS_\t[IGOUNODEVWBK 630101-680331]\n", bad);
  ASSERT_TRUE(partly.has_value());
  std::vector<std::string> messages;
  for (const auto& m : bad.warnings()) messages.push_back(format_diagnostic(m));
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "b.actors:1:2: warning: a date restriction before any actor's primary phrase; the line is skipped",
                          "b.actors:2:7: warning: a code opened with '[' is not closed with ']'; the line is skipped",
                          "b.actors:4:2: warning: the restriction '[GONGOV 991301-991231]' is not <date, >date or date-date (dates YYYYMMDD or YYMMDD); the line is skipped",
                          "b.actors:5:2: warning: a line that begins with a tab is a date restriction, [CODE <date], [CODE >date] or [CODE date-date]; found '[GONGOV'; the line is skipped",
                      }));
  ASSERT_EQ(partly->entries.size(), 2u);  // GONDOR, and TABARI's one-line GEORGE_WOODS_ with its dates
  EXPECT_EQ(partly->entries[1].code_on(19650101), "IGOUNODEVWBK");
  EXPECT_EQ(partly->entries[1].code_on(19700101), "");
  Diagnostics unclosed("c.actors");
  EXPECT_FALSE(read_petrarch_actors("GONDOR [GON]\n<!-- never closed\n", unclosed).has_value());
  EXPECT_EQ(format_diagnostic(unclosed.all().at(0)), "c.actors:2:1: error: a comment opened with '<!--' is not closed with '-->'");
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text, {0, static_cast<std::uint32_t>(text.size())})) out.push_back(t.word);
  return out;
}

std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(EventText, WordsAsTheDictionariesWriteThem) {
  // The seed articles' typography: curly apostrophes, possessives, U.S., hyphenated pairs.
  EXPECT_EQ(words_of("Trump shouldn\u2019t bite on Putin\u2019s lure."),
            (std::vector<std::string>{"TRUMP", "SHOULD", "N'T", "BITE", "ON", "PUTIN", "'S", "LURE", "."}));
  EXPECT_EQ(words_of("the U.S.-North Korea war, Kim-Putin summit and long-range tests"),
            (std::vector<std::string>{"THE", "U.S.", "NORTH", "KOREA", "WAR", ",", "KIM", "PUTIN", "SUMMIT", "AND", "LONG-RANGE", "TESTS"}));
  EXPECT_EQ(words_of("\u201cGreat Commander.\u201d Mr. Kim"), (std::vector<std::string>{"\"", "GREAT", "COMMANDER", ".", "\"", "MR.", "KIM"}));
  // Offsets are bytes of the article: "Putin’s" is P..n (5 bytes), then ’s (4 bytes).
  const std::string text = "Putin\u2019s call";
  const auto tokens = tokenize(text, {0, static_cast<std::uint32_t>(text.size())});
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].span, (TextSpan{0, 5}));
  EXPECT_EQ(tokens[1].span, (TextSpan{5, 9}));
  EXPECT_EQ(tokens[2].span, (TextSpan{10, 14}));
}

TEST(EventText, SentencesEndAtStopsNotAtAbbreviationsOrWrappedLines) {
  EXPECT_EQ(sentences_of("Ukraine pledged to accept. The U.S. President agreed! Did he?\"Yes\" said Mr. Kim."),
            (std::vector<std::string>{"Ukraine pledged to accept.", "The U.S. President agreed!", "Did he?\"Yes\" said Mr. Kim."}));
  // A hand-wrapped paragraph is one sentence; a title and a blank line end one.
  EXPECT_EQ(sentences_of("Putin Plays Second Fiddle\n\nAs U.S. President Donald Trump and North Korean leader Kim Jong Un hurtle precariously\ntoward their meeting in Singapore on June 12, Russia has found itself on the sidelines."),
            (std::vector<std::string>{"Putin Plays Second Fiddle",
                                      "As U.S. President Donald Trump and North Korean leader Kim Jong Un hurtle precariously\ntoward their meeting in Singapore on June 12, Russia has found itself on the sidelines."}));
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_TRUE(split_sentences(" .\n\n -- \n").empty());
}

TEST(PetrarchVerbs, TheValidationDictionaryReads) {
  Diagnostics d("PETR.Validate.verbs.txt");
  const auto verbs = read_petrarch_verbs(test::read_file(test::source_path("tests/data/events/petrarch2/PETR.Validate.verbs.txt")), d);
  ASSERT_TRUE(verbs.has_value()) << format_diagnostic(d.all().at(0));
  // Synsets with their regular plurals, nested synsets expanded.
  const auto& currency = verbs->synsets.at("CURRENCY");
  EXPECT_NE(std::find(currency.begin(), currency.end(), std::vector<std::string>{"SWISS", "FRANCS"}), currency.end());
  EXPECT_NE(std::find(currency.begin(), currency.end(), std::vector<std::string>{"PESOS"}), currency.end());
  const auto& preposit = verbs->synsets.at("PREPOSIT1");  // &PREPOSIT1_: no plurals
  EXPECT_EQ(preposit.size(), 6u);
  const auto& accord = verbs->synsets.at("ACCORDSYN");
  EXPECT_NE(std::find(accord.begin(), accord.end(), std::vector<std::string>{"YEN"}), accord.end());
  // --- ABANDON [345] ---: ABANDON, its regular forms, a multi-word verb with its own code.
  const auto abandon = std::find_if(verbs->blocks.begin(), verbs->blocks.end(), [](const VerbBlock& b) { return b.name == "ABANDON"; });
  ASSERT_NE(abandon, verbs->blocks.end());
  EXPECT_EQ(abandon->code, "345");
  std::vector<std::string> forms;
  for (const auto& f : abandon->forms) forms.push_back(f.words[f.verb_word] + (f.code.empty() ? "" : "[" + f.code + "]"));
  EXPECT_EQ(forms, (std::vector<std::string>{"ABANDON", "ABANDONS", "ABANDONED", "ABANDONING", "ABC", "ABCS", "ABCED", "ABCING", "RST[002]", "RSTS[002]", "RSTED[002]", "RSTING[002]",
                                             "ABC[003]", "ABCS[003]", "ABCED[003]", "ABCING[003]"}));
  ASSERT_EQ(abandon->patterns.size(), 5u);
  const VerbPattern& ties = abandon->patterns[0];  // - * NEW_&TIETYPES_RELATIONS [903]
  EXPECT_EQ(ties.code, "903");
  EXPECT_TRUE(ties.before.empty());
  using K = PatternElement::Kind;
  EXPECT_EQ(ties.after, (std::vector<PatternElement>{{K::word, "NEW", true}, {K::synset, "TIETYPES", true}, {K::word, "RELATIONS", false}}));
  // - SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS [111]: the target right after SUGGESTED.
  const auto accord_block = std::find_if(verbs->blocks.begin(), verbs->blocks.end(), [](const VerbBlock& b) { return b.name == "ACCORD"; });
  EXPECT_EQ(accord_block->code, "---");
  EXPECT_EQ(accord_block->patterns[0].before, (std::vector<PatternElement>{{K::word, "SUGGESTED", true}, {K::target, "", false}}));
  // Irregular forms replace the regular ones: BAN {BANS BANNED}.
  const auto ban = std::find_if(verbs->blocks.begin(), verbs->blocks.end(), [](const VerbBlock& b) { return !b.forms.empty() && b.forms[0].words[0] == "BAN"; });
  ASSERT_NE(ban, verbs->blocks.end());
  EXPECT_EQ(ban->forms.size(), 3u);
  std::size_t patterns = 0;
  for (const auto& b : verbs->blocks) patterns += b.patterns.size();
  EXPECT_EQ(patterns, 474u);  // every "- " line outside the file's <!-- --> comments
}

TEST(PetrarchVerbs, BadLinesAtTheirPlace) {
  Diagnostics d("v.txt");
  const auto verbs = read_petrarch_verbs("- * TALKS [040]\n--- TALK [040 ---\n--- MEET [040] ---\nMEET {MET\n- * WITH +\n- WITH + [041]\n- * &NOSUCH [042]\n- *SCEPTICAL [012]\n", d);
  ASSERT_TRUE(verbs.has_value());
  std::vector<std::string> messages;
  for (const auto& m : d.warnings()) messages.push_back(format_diagnostic(m));
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "v.txt:1:2: warning: a pattern before the first verb block ('--- NAME [CODE] ---'); the line is skipped",
                          "v.txt:2:10: warning: a code opened with '[' is not closed with ']'; the line is skipped",
                          "v.txt:4:6: warning: irregular forms opened with '{' are not closed with '}'; the line is skipped",
                          "v.txt:5:2: warning: a pattern needs its code in [...] at the end; the line is skipped",
                          "v.txt:6:2: warning: a pattern needs '*' where the verb stands; the line is skipped",
                          "v.txt:7:2: warning: the synset &NOSUCH is not defined before this pattern; the pattern is skipped, as PETRARCH does",
                      }));
  ASSERT_EQ(verbs->blocks.size(), 1u);  // MEET, with the one pattern that reads: PETRARCH-2's "*SCEPTICAL"
  ASSERT_EQ(verbs->blocks[0].patterns.size(), 1u);
  EXPECT_EQ(verbs->blocks[0].patterns[0].after, (std::vector<PatternElement>{{PatternElement::Kind::word, "SCEPTICAL", false}}));
}

TEST(PetrarchAgents, SubstitutionsPluralsAndCodes) {
  Diagnostics d("PETR.Validate.agents.txt");
  const auto agents = read_petrarch_agents(test::read_file(test::source_path("tests/data/events/petrarch2/PETR.Validate.agents.txt")), d);
  ASSERT_TRUE(agents.has_value()) << format_diagnostic(d.all().at(0));
  auto code_of = [&](std::vector<std::string> words) -> std::string {
    for (const auto& e : agents->entries)
      if (e.phrase.words == words) return e.code;
    return "(none)";
  };
  EXPECT_EQ(code_of({"FOREIGN", "MINISTER"}), "~GOVFRM");
  EXPECT_EQ(code_of({"FOREIGN", "MINISTERS"}), "~GOVFRM");        // the regular plural
  EXPECT_EQ(code_of({"ATTORNEYS", "GENERAL"}), "~GOV");           // {ATTORNEYS_GENERAL}
  EXPECT_EQ(code_of({"ATTORNEY", "GENERALS"}), "(none)");         // ... instead of the regular one
  EXPECT_EQ(code_of({"ARMED", "FORCESS"}), "(none)");             // {}: none
  EXPECT_EQ(code_of({"CONGRESSWOMEN"}), "~LEG");                  // CONGRESS!PERSON!
  EXPECT_EQ(code_of({"MINISTRIES", "OF", "SILLY", "WALKS"}), "~GOV");  // !MINST!_OF_SILLY_WALKS
  Diagnostics bad("a.txt");
  EXPECT_TRUE(read_petrarch_agents("PRESIDENT [GOV]\n!X! WORDS\n", bad).has_value());
  ASSERT_EQ(bad.warnings().size(), 2u);
  EXPECT_EQ(format_diagnostic(bad.warnings()[0]), "a.txt:1:1: warning: an agent needs its code as [~CODE] (appended) or [CODE~] (prefixed); found 'PRESIDENT [GOV]'; the line is skipped");
}

TEST(PetrarchDiscards, SentenceAndStoryLevel) {
  Diagnostics d("PETR.Validate.discards.txt");
  const auto discards = read_petrarch_discards(test::read_file(test::source_path("tests/data/events/petrarch2/PETR.Validate.discards.txt")), d);
  ASSERT_TRUE(discards.has_value());
  ASSERT_GE(discards->entries.size(), 8u);
  EXPECT_EQ(discards->entries[0].phrase.words, (std::vector<std::string>{"MONTHS", "LATER"}));
  EXPECT_FALSE(discards->entries[0].whole_story);
  EXPECT_EQ(discards->entries[2].phrase.words, (std::vector<std::string>{"WORLD", "GOLF", "CHAMPIONSHIPS"}));
  EXPECT_TRUE(discards->entries[2].whole_story);
}

// The data built in: the team's dictionaries read without a single skipped line, and the
// Goldstein weights as GDELT publishes them.
TEST(BuiltInData, DictionariesReadCleanlyAndGoldsteinWeights) {
  for (const char* name : {"actors", "agents", "verbs", "discards"}) {
    Diagnostics d(name);
    const std::string text = test::read_file(test::source_path(std::string("data/dictionaries/") + name + ".txt"));
    const bool read = std::string(name) == "actors" ? read_petrarch_actors(text, d).has_value()
                      : std::string(name) == "agents" ? read_petrarch_agents(text, d).has_value()
                      : std::string(name) == "verbs"  ? read_petrarch_verbs(text, d).has_value()
                                                      : read_petrarch_discards(text, d).has_value();
    EXPECT_TRUE(read) << name;
    EXPECT_TRUE(d.warnings().empty()) << name << ": " << (d.warnings().empty() ? "" : format_diagnostic(d.warnings()[0]));
  }
  const GoldsteinScale& g = published_goldstein_scale();
  EXPECT_EQ(g.size(), 311u);
  EXPECT_EQ(g.find("0871"), 9.0);   // declare a ceasefire
  EXPECT_EQ(g.find("163"), -8.0);   // impose sanctions
  EXPECT_EQ(g.find("138"), -7.0);   // threaten with military force
  EXPECT_EQ(g.find("0413"), 1.0);   // unlisted: its parent 041's
  EXPECT_EQ(g.find("99"), std::nullopt);
  Diagnostics bad("g.txt");
  EXPECT_FALSE(read_goldstein_scale("010 0.0\n011 eleven\n012 -11\n", bad).has_value());
  EXPECT_EQ(bad.size(), 2u);
}

}  // namespace
}  // namespace statecraft
