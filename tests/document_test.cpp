#include <gtest/gtest.h>

#include "scenario/document.hpp"

namespace statecraft {
namespace {

TEST(Document, KeepsLinesColumnsAndOrder) {
  Diagnostics d("t");
  const auto root = parse_document("a: 1\nb:\n  - x\n  - 'q'\n", d);
  ASSERT_TRUE(root && d.empty());
  ASSERT_EQ(root->entries.size(), 2u);
  EXPECT_EQ(root->entries[1].key.scalar, "b");
  EXPECT_EQ(root->entries[1].key.at.line, 2);
  const DocNode& list = root->entries[1].value;
  ASSERT_TRUE(list.is_sequence());
  EXPECT_EQ(list.items[1].at.line, 4);
  EXPECT_EQ(list.items[1].at.column, 5);
  EXPECT_TRUE(list.items[1].quoted);
  EXPECT_FALSE(list.items[0].quoted);
}

TEST(Document, ReadsJsonWithTabs) {
  Diagnostics d("t");
  const auto root = parse_document("{\n\t\"a\": [1,\n\t\t2]\n}\n", d);
  ASSERT_TRUE(root && d.empty());
  EXPECT_EQ(root->entries[0].value.items[1].scalar, "2");
  EXPECT_EQ(root->entries[0].value.items[1].at.line, 3);
}

TEST(Document, SyntaxErrorHasALocation) {
  Diagnostics d("t");
  EXPECT_FALSE(parse_document("a: [1, 2\nb: 3\n", d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.all()[0].at.line, 2);
  EXPECT_NE(d.all()[0].message.find("invalid YAML"), std::string::npos);
}

TEST(Document, AliasesAreRefused) {
  // A self-referencing alias would make a cycle; a chain of them, an exponential blow-up.
  Diagnostics d("t");
  parse_document("a: &x [1]\nb: *x\n", d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d.all()[0].at.line, 2);
  EXPECT_NE(d.all()[0].message.find("aliases"), std::string::npos);
}

TEST(Document, DepthIsBounded) {
  Diagnostics d("t");
  const std::string deep = std::string(1000, '[') + std::string(1000, ']');
  parse_document(deep, d);
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d.all()[0].message.find("nesting deeper"), std::string::npos);
}

TEST(Document, OneDocumentPerFile) {
  Diagnostics d("t");
  parse_document("a: 1\n---\nb: 2\n", d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d.all()[0].message.find("one document"), std::string::npos);
  EXPECT_EQ(d.all()[0].at.line, 2);  // the '---' that starts the second
  EXPECT_EQ(d.all()[0].at.column, 1);
  Diagnostics after_end("t");
  parse_document("a: 1\n...\n%YAML 1.2\n---\nb: 2\n", after_end);
  ASSERT_EQ(after_end.size(), 1u);
  EXPECT_EQ(after_end.all()[0].at.line, 4);
  Diagnostics empty_second("t");
  parse_document("a: 1\n---\n", empty_second);
  ASSERT_EQ(empty_second.size(), 1u);
  EXPECT_EQ(empty_second.all()[0].at.line, 2);
}

TEST(Document, ALeadingMarkerIsNoSecondDocument) {
  Diagnostics d("t");
  EXPECT_TRUE(parse_document("---\na: 1\n", d));
  EXPECT_TRUE(d.empty());
}

TEST(Document, EmptyFileIsReported) {
  Diagnostics d("t");
  EXPECT_FALSE(parse_document("", d));
  EXPECT_EQ(d.size(), 1u);
}

TEST(Diagnostics, FormatsLikeACompiler) {
  EXPECT_EQ(format_diagnostic({"f.yaml", {3, 7}, "bad"}), "f.yaml:3:7: error: bad");
  EXPECT_EQ(format_diagnostic({"f.yaml", {}, "bad"}), "f.yaml: error: bad");
}

TEST(Diagnostics, SuggestsCloseWordsOnly) {
  EXPECT_EQ(closest_match("salince", {"position", "salience", "capability"}), "salience");
  EXPECT_EQ(closest_match("Capability", {"position", "salience", "capability"}), "capability");
  EXPECT_EQ(closest_match("xyz", {"position", "salience"}), "");
}

}  // namespace
}  // namespace statecraft
