#pragma once
// Logical expressions over option ids, used by the conflict lens for infeasible states and
// preference statements: `!`, `&`, `|`, `->`, `<->` and parentheses.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace statecraft {

struct Expression {
  enum class Op { Option, Not, And, Or, Implies, Iff };

  Op op = Op::Option;
  std::string option;             // Op::Option: the option id as written
  int option_index = -1;          // Op::Option: set by resolve_options
  std::size_t offset = 0;         // where this sub-expression starts in the text
  std::vector<Expression> operands;
};

struct ExpressionError {
  std::size_t offset = 0;  // 0-based offset into the expression text
  std::string message;
};

// Parentheses and negations nested deeper than this are refused, to bound recursion.
inline constexpr int max_expression_depth = 100;
// Longer expressions are refused too: a chain of operators is as deep as it is long.
inline constexpr std::size_t max_expression_length = 4000;

std::variant<Expression, ExpressionError> parse_expression(std::string_view text);

// Every option leaf, in the order written (for reference checks).
std::vector<const Expression*> option_leaves(const Expression& expression);

// Sets option_index on every leaf from `index_of`; returns the leaves it could not resolve.
template <typename IndexOf>
std::vector<const Expression*> resolve_options(Expression& expression, IndexOf&& index_of) {
  std::vector<const Expression*> unknown;
  if (expression.op == Expression::Op::Option) {
    const std::optional<int> index = index_of(expression.option);
    if (index) expression.option_index = *index;
    else unknown.push_back(&expression);
  }
  for (auto& operand : expression.operands) {
    auto more = resolve_options(operand, index_of);
    unknown.insert(unknown.end(), more.begin(), more.end());
  }
  return unknown;
}

// Number of nodes: the cost of one evaluation.
std::size_t expression_size(const Expression& expression);

// Truth value in a state whose bit i says whether option i is taken. Leaves must be resolved.
bool evaluate(const Expression& expression, std::uint64_t state);

// Canonical text with minimal parentheses, for reports.
std::string to_string(const Expression& expression);

}  // namespace statecraft
