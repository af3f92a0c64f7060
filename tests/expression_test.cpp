#include <gtest/gtest.h>

#include "scenario/expression.hpp"

namespace statecraft {
namespace {

Expression parse_resolved(const std::string& text) {
  auto parsed = parse_expression(text);
  EXPECT_TRUE(std::holds_alternative<Expression>(parsed)) << text;
  Expression e = std::get<Expression>(parsed);
  // Options a, b, c are bits 0, 1, 2.
  auto unknown = resolve_options(e, [](const std::string& id) -> std::optional<int> {
    if (id.size() == 1 && id[0] >= 'a' && id[0] <= 'c') return id[0] - 'a';
    return std::nullopt;
  });
  EXPECT_TRUE(unknown.empty());
  return e;
}

// The truth table over a, b, c as 8 bits, state 0 in the lowest bit.
unsigned truth_table(const std::string& text) {
  const Expression e = parse_resolved(text);
  unsigned table = 0;
  for (std::uint64_t state = 0; state < 8; ++state)
    if (evaluate(e, state)) table |= 1U << state;
  return table;
}

TEST(Expression, OperatorsHaveTheirTruthTables) {
  EXPECT_EQ(truth_table("a"), 0b10101010u);
  EXPECT_EQ(truth_table("!a"), 0b01010101u);
  EXPECT_EQ(truth_table("a & b"), 0b10001000u);
  EXPECT_EQ(truth_table("a | b"), 0b11101110u);
  EXPECT_EQ(truth_table("a -> b"), 0b11011101u);
  EXPECT_EQ(truth_table("a <-> b"), 0b10011001u);
}

TEST(Expression, PrecedenceNotAndOrImpliesIff) {
  EXPECT_EQ(truth_table("!a & b"), truth_table("(!a) & b"));
  EXPECT_EQ(truth_table("a | b & c"), truth_table("a | (b & c)"));
  EXPECT_EQ(truth_table("a & b -> c"), truth_table("(a & b) -> c"));
  EXPECT_EQ(truth_table("a -> b <-> c"), truth_table("(a -> b) <-> c"));
  EXPECT_NE(truth_table("a | b & c"), truth_table("(a | b) & c"));
}

TEST(Expression, ImplicationIsRightAssociative) {
  EXPECT_EQ(truth_table("a -> b -> c"), truth_table("a -> (b -> c)"));
  EXPECT_NE(truth_table("a -> b -> c"), truth_table("(a -> b) -> c"));
}

TEST(Expression, PrintsWithMinimalParentheses) {
  EXPECT_EQ(to_string(parse_resolved("((a) & (b | c))")), "a & (b | c)");
  EXPECT_EQ(to_string(parse_resolved("(a -> b) -> c")), "(a -> b) -> c");
  EXPECT_EQ(to_string(parse_resolved("a -> (b -> c)")), "a -> b -> c");
  EXPECT_EQ(to_string(parse_resolved("!(a|b)")), "!(a | b)");
}

ExpressionError error_of(const std::string& text) {
  auto parsed = parse_expression(text);
  EXPECT_TRUE(std::holds_alternative<ExpressionError>(parsed)) << text;
  return std::holds_alternative<ExpressionError>(parsed) ? std::get<ExpressionError>(parsed) : ExpressionError{};
}

TEST(Expression, SyntaxErrorsPointAtTheOffendingCharacter) {
  EXPECT_EQ(error_of("a & ").offset, 4u);
  EXPECT_EQ(error_of("a && b").offset, 3u);
  EXPECT_NE(error_of("a && b").message.find("single '&'"), std::string::npos);
  EXPECT_EQ(error_of("(a | b").offset, 6u);
  EXPECT_EQ(error_of("a b").offset, 2u);
  EXPECT_EQ(error_of("a - > b").offset, 2u);
  EXPECT_EQ(error_of("   ").message, "the expression is empty");
}

TEST(Expression, DeepNestingIsRefusedNotOverflowed) {
  EXPECT_NE(error_of(std::string(5000, '(') + "a" + std::string(5000, ')')).message.find("longer than"), std::string::npos);
  EXPECT_NE(error_of(std::string(200, '!') + "a").message.find("nests deeper"), std::string::npos);
}

TEST(Expression, LeavesAreListedInOrder) {
  auto parsed = std::get<Expression>(parse_expression("x & !(y | x)"));
  const auto leaves = option_leaves(parsed);
  ASSERT_EQ(leaves.size(), 3u);
  EXPECT_EQ(leaves[0]->option, "x");
  EXPECT_EQ(leaves[1]->option, "y");
  EXPECT_EQ(leaves[1]->offset, 6u);
}

}  // namespace
}  // namespace statecraft
