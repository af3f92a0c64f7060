#pragma once
// Exact rationals (game payoffs, probabilities, thresholds) in JSON: numbers for scripts that
// compute, and beside each the exact fraction as a string for those that must not round.

#include <gmpxx.h>
#include <nlohmann/json.hpp>
#include <string>

namespace statecraft {

// Exact values by key: `key` holds the numbers (the nearest double) for scripts that
// compute, `key_exact` the same values as exact fractions ("1/3") for those that must not round.
struct ExactMap {
  nlohmann::json numbers = nlohmann::json::object(), fractions = nlohmann::json::object();
  void set(const std::string& name, const mpq_class& value) {
    numbers[name] = value.get_d();
    fractions[name] = value.get_str();
  }
  void put(nlohmann::json& into, const std::string& key) const {
    into[key] = numbers;
    into[key + "_exact"] = fractions;
  }
};

inline void put_exact(nlohmann::json& into, const std::string& key, const mpq_class& value) {
  into[key] = value.get_d();
  into[key + "_exact"] = value.get_str();
}

}  // namespace statecraft
