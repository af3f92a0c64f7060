#pragma once
// Numbers as exact rationals (GMP), from the text they were written as: the solvers' answers are
// exact for the game in the file, not for its nearest doubles (1/3 stays 1/3, 0.1 stays 1/10).

#include <gmpxx.h>
#include <optional>
#include <string_view>

#include "scenario/model.hpp"

namespace statecraft {

// The exact value of a number written as statecraft's readers accept it (parse_number): a decimal
// with an optional sign, fraction and exponent ("-2.5e3"), or a fraction of two such ("1/3",
// "0.5/3"). Empty for anything else, a zero denominator included.
std::optional<mpq_class> parse_rational(std::string_view text);

// A double as the exact rational its shortest decimal text denotes (1.131 is 1131/1000): for
// numbers that were never text.
mpq_class exact(double value);

// A number as the exact rational it was written as, or else (no text) its double's shortest text.
mpq_class exact_number(const Number& number);

}  // namespace statecraft
