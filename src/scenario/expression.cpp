#include "scenario/expression.hpp"

#include <cctype>

namespace statecraft {
namespace {

// Recursive descent, loosest operator first:
//   iff     := implies ('<->' implies)*
//   implies := or ('->' implies)?          right-associative
//   or      := and ('|' and)*
//   and     := unary ('&' unary)*
//   unary   := '!' unary | primary
//   primary := identifier | '(' iff ')'
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::variant<Expression, ExpressionError> parse() {
    if (text_.size() > max_expression_length)
      return ExpressionError{0, "the expression is longer than " + std::to_string(max_expression_length) + " characters"};
    skip_space();
    if (pos_ == text_.size()) return ExpressionError{0, "the expression is empty"};
    Expression e = parse_iff();
    if (!error_ && pos_ < text_.size())
      fail(describe_here() + " where an operator (&, |, ->, <->) or the end was expected");
    if (error_) return *error_;
    return e;
  }

 private:
  Expression parse_iff() {
    Expression left = parse_implies();
    while (!error_ && accept("<->")) left = binary(Expression::Op::Iff, std::move(left), parse_implies());
    return left;
  }

  Expression parse_implies() {
    Expression left = parse_or();
    if (!error_ && accept("->")) {
      if (!enter()) return left;
      Expression right = parse_implies();
      --depth_;
      return binary(Expression::Op::Implies, std::move(left), std::move(right));
    }
    return left;
  }

  Expression parse_or() {
    Expression left = parse_and();
    while (!error_ && accept("|")) left = binary(Expression::Op::Or, std::move(left), parse_and());
    return left;
  }

  Expression parse_and() {
    Expression left = parse_unary();
    while (!error_ && accept("&")) left = binary(Expression::Op::And, std::move(left), parse_unary());
    return left;
  }

  Expression parse_unary() {
    const std::size_t start = pos_;
    if (!error_ && accept("!")) {
      if (!enter()) return {};
      Expression operand = parse_unary();
      --depth_;
      Expression e;
      e.op = Expression::Op::Not;
      e.offset = start;
      e.operands.push_back(std::move(operand));
      return e;
    }
    return parse_primary();
  }

  Expression parse_primary() {
    if (error_) return {};
    const std::size_t start = pos_;
    if (accept("(")) {
      if (!enter()) return {};
      Expression inner = parse_iff();
      --depth_;
      if (!error_ && !accept(")")) fail(describe_here() + " where ')' was expected, to close an earlier '('");
      return inner;
    }
    if (pos_ < text_.size() && is_identifier_start(text_[pos_])) {
      while (pos_ < text_.size() && is_identifier_char(text_[pos_])) ++pos_;
      Expression e;
      e.op = Expression::Op::Option;
      e.option = std::string(text_.substr(start, pos_ - start));
      e.offset = start;
      skip_space();
      return e;
    }
    fail(describe_here() + " where an option id, '!' or '(' was expected");
    return {};
  }

  static Expression binary(Expression::Op op, Expression left, Expression right) {
    Expression e;
    e.op = op;
    e.offset = left.offset;
    e.operands.push_back(std::move(left));
    e.operands.push_back(std::move(right));
    return e;
  }

  bool enter() {
    if (++depth_ > max_expression_depth) {
      fail("the expression nests deeper than " + std::to_string(max_expression_depth) + " levels");
      return false;
    }
    return true;
  }

  bool accept(std::string_view token) {
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    skip_space();
    return true;
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string describe_here() const {
    if (pos_ >= text_.size()) return "the expression ends";
    const char c = text_[pos_];
    const char previous = pos_ > 0 ? text_[pos_ - 1] : '\0';
    if (c == '&' && previous == '&') return "found '&&' (write a single '&')";
    if (c == '|' && previous == '|') return "found '||' (write a single '|')";
    if (std::isprint(static_cast<unsigned char>(c))) return std::string("found '") + c + "'";
    return "found an unexpected character";
  }

  void fail(std::string message) {
    if (!error_) error_ = ExpressionError{pos_, std::move(message)};
  }

  static bool is_identifier_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
  }
  static bool is_identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::optional<ExpressionError> error_;
};

void collect_leaves(const Expression& e, std::vector<const Expression*>& out) {
  if (e.op == Expression::Op::Option) out.push_back(&e);
  for (const auto& operand : e.operands) collect_leaves(operand, out);
}

int precedence(Expression::Op op) {
  switch (op) {
    case Expression::Op::Iff: return 1;
    case Expression::Op::Implies: return 2;
    case Expression::Op::Or: return 3;
    case Expression::Op::And: return 4;
    case Expression::Op::Not: return 5;
    case Expression::Op::Option: return 6;
  }
  return 0;
}

const char* symbol(Expression::Op op) {
  switch (op) {
    case Expression::Op::Iff: return " <-> ";
    case Expression::Op::Implies: return " -> ";
    case Expression::Op::Or: return " | ";
    case Expression::Op::And: return " & ";
    default: return "";
  }
}

std::string wrap_if(bool needed, std::string text) { return needed ? "(" + text + ")" : text; }

}  // namespace

std::variant<Expression, ExpressionError> parse_expression(std::string_view text) {
  return Parser(text).parse();
}

std::vector<const Expression*> option_leaves(const Expression& expression) {
  std::vector<const Expression*> leaves;
  collect_leaves(expression, leaves);
  return leaves;
}

std::size_t expression_size(const Expression& e) {
  std::size_t size = 1;
  for (const auto& operand : e.operands) size += expression_size(operand);
  return size;
}

bool evaluate(const Expression& e, std::uint64_t state) {
  switch (e.op) {
    case Expression::Op::Option: return (state >> e.option_index) & 1U;
    case Expression::Op::Not: return !evaluate(e.operands[0], state);
    case Expression::Op::And: return evaluate(e.operands[0], state) && evaluate(e.operands[1], state);
    case Expression::Op::Or: return evaluate(e.operands[0], state) || evaluate(e.operands[1], state);
    case Expression::Op::Implies: return !evaluate(e.operands[0], state) || evaluate(e.operands[1], state);
    case Expression::Op::Iff: return evaluate(e.operands[0], state) == evaluate(e.operands[1], state);
  }
  return false;
}

std::string to_string(const Expression& e) {
  if (e.op == Expression::Op::Option) return e.option;
  if (e.op == Expression::Op::Not) {
    const auto& operand = e.operands[0];
    return "!" + wrap_if(precedence(operand.op) < precedence(Expression::Op::Not), to_string(operand));
  }
  const int p = precedence(e.op);
  // Left-associative operators need parentheses on the right at equal precedence, the
  // right-associative implication on the left.
  const bool right_assoc = e.op == Expression::Op::Implies;
  const auto& left = e.operands[0];
  const auto& right = e.operands[1];
  const bool wrap_left = precedence(left.op) < p || (right_assoc && precedence(left.op) == p);
  const bool wrap_right = precedence(right.op) < p || (!right_assoc && precedence(right.op) == p);
  return wrap_if(wrap_left, to_string(left)) + symbol(e.op) + wrap_if(wrap_right, to_string(right));
}

}  // namespace statecraft
