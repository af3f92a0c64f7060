#include "scenario/states.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace statecraft {

bool is_feasible(const Conflict& conflict, StateBits state) {
  return std::none_of(conflict.infeasible.begin(), conflict.infeasible.end(),
                      [&](const Statement& s) { return evaluate(s.expression, state); });
}

double enumeration_cost(const Conflict& conflict) {
  std::size_t nodes = 1;
  for (const auto& statement : conflict.infeasible) nodes += expression_size(statement.expression);
  return std::ldexp(static_cast<double>(nodes), static_cast<int>(conflict.options.size()));
}

bool can_enumerate_states(const Conflict& conflict) {
  return conflict.options.size() <= max_enumerated_options && enumeration_cost(conflict) <= max_enumeration_cost;
}

std::uint64_t count_feasible_states(const Conflict& conflict) {
  if (!can_enumerate_states(conflict)) return 0;
  std::uint64_t count = 0;
  const StateBits end = StateBits{1} << conflict.options.size();
  for (StateBits state = 0; state < end; ++state) count += is_feasible(conflict, state);
  return count;
}

std::vector<StateBits> feasible_states(const Conflict& conflict) {
  std::vector<StateBits> states;
  if (!can_enumerate_states(conflict)) return states;
  const StateBits end = StateBits{1} << conflict.options.size();
  for (StateBits state = 0; state < end; ++state)
    if (is_feasible(conflict, state)) states.push_back(state);
  return states;
}

std::optional<int> option_index(const Conflict& conflict, std::string_view id) {
  for (std::size_t i = 0; i < conflict.options.size(); ++i)
    if (conflict.options[i].id == id) return static_cast<int>(i);
  return std::nullopt;
}

StateBits status_quo_state(const Conflict& conflict) {
  StateBits state = 0;
  for (const auto& id : conflict.status_quo)
    if (auto index = option_index(conflict, id)) state |= StateBits{1} << *index;
  return state;
}

StateParse parse_state(const Conflict& conflict, std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  if (trim(text) == "none") return {StateBits{0}, {}};
  StateBits state = 0;
  while (true) {
    const auto plus = text.find('+');
    const std::string_view name = trim(text.substr(0, plus));
    const auto index = option_index(conflict, name);
    if (!index) {
      if (name.empty()) return {std::nullopt, "a state is its taken options joined by '+', or 'none'"};
      return {std::nullopt, "'" + std::string(name) + "' is not an option"};
    }
    const StateBits bit = StateBits{1} << *index;
    if (state & bit) return {std::nullopt, "option '" + std::string(name) + "' is named twice"};
    state |= bit;
    if (plus == std::string_view::npos) return {state, {}};
    text.remove_prefix(plus + 1);
  }
}

std::vector<std::string> decision_makers(const Conflict& conflict) {
  std::vector<std::string> actors;
  for (const auto& option : conflict.options)
    if (std::find(actors.begin(), actors.end(), option.actor) == actors.end()) actors.push_back(option.actor);
  return actors;
}

std::string describe_state(const Conflict& conflict, StateBits state) {
  std::vector<std::string> parts, idle;
  for (const auto& maker : decision_makers(conflict)) {
    std::vector<std::string> taken;
    for (std::size_t o = 0; o < conflict.options.size(); ++o)
      if (conflict.options[o].actor == maker && (state >> o & 1U)) taken.push_back(conflict.options[o].name);
    if (taken.empty()) idle.push_back(maker);
    else parts.push_back(fmt::format("{}: {}", maker, fmt::join(taken, " + ")));
  }
  if (parts.empty()) return "no option taken";
  if (!idle.empty()) parts.push_back(fmt::format("{}: none", fmt::join(idle, ", ")));
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string quoted_name(const Option& option) { return "\u201c" + option.name + "\u201d"; }

std::string describe_statement(const Conflict& conflict, const Expression& e) {
  using Op = Expression::Op;
  auto operand = [&](const Expression& sub) {
    const bool simple = sub.op == Op::Option || (sub.op == Op::Not && sub.operands[0].op == Op::Option);
    return simple ? describe_statement(conflict, sub) : "(" + describe_statement(conflict, sub) + ")";
  };
  switch (e.op) {
    case Op::Option:
      return e.option_index >= 0 ? quoted_name(conflict.options[static_cast<std::size_t>(e.option_index)]) : e.option;
    case Op::Not:
      return "not " + operand(e.operands[0]);
    case Op::And:
    case Op::Or: {
      std::vector<std::string> parts;
      for (const auto& sub : e.operands) parts.push_back(sub.op == e.op ? describe_statement(conflict, sub) : operand(sub));
      return fmt::format("{}", fmt::join(parts, e.op == Op::And ? " and " : " or "));
    }
    case Op::Implies:
      return fmt::format("if {} then {}", operand(e.operands[0]), operand(e.operands[1]));
    case Op::Iff:
      return fmt::format("{} if and only if {}", operand(e.operands[0]), operand(e.operands[1]));
  }
  return to_string(e);
}

}  // namespace statecraft
