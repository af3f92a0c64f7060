#include "scenario/rational.hpp"

#include <cctype>
#include <fmt/format.h>
#include <string>

#include "scenario/reader.hpp"

namespace statecraft {
namespace {

// [+-]digits[.digits][e[+-]digits], at least one digit before the exponent.
std::optional<mpq_class> parse_decimal(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) negative = s.front() == '-', s.remove_prefix(1);
  std::string digits;
  long exponent = 0;
  std::size_t i = 0;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) digits += s[i];
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) digits += s[i], --exponent;
  if (digits.empty()) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative_exponent = s[i++] == '-';
    if (i == s.size()) return std::nullopt;
    long written = 0;
    for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i)
      written = std::min(written * 10 + (s[i] - '0'), 1'000'000'000L);  // capped: checked below
    exponent += negative_exponent ? -written : written;
  }
  if (i != s.size()) return std::nullopt;
  mpz_class mantissa(digits, 10);
  if (sgn(mantissa) == 0) return mpq_class(0);
  // A finite double has |value| within 10^±330, so a larger exponent than the digits can offset
  // is not a number the readers accept; refusing it keeps 10^exponent proportional to the text.
  if (std::labs(exponent) > 400 + static_cast<long>(digits.size())) return std::nullopt;
  mpz_class power;
  mpz_ui_pow_ui(power.get_mpz_t(), 10, static_cast<unsigned long>(std::labs(exponent)));
  mpq_class q = exponent >= 0 ? mpq_class(mantissa * power) : mpq_class(mantissa, power);
  q.canonicalize();
  return negative ? mpq_class(-q) : q;
}

}  // namespace

std::optional<mpq_class> parse_rational(std::string_view text) {
  if (!parse_number(text)) return std::nullopt;  // one definition of what a number is
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return parse_decimal(text);
  const auto numerator = parse_decimal(text.substr(0, slash)), denominator = parse_decimal(text.substr(slash + 1));
  if (!numerator || !denominator || sgn(*denominator) == 0) return std::nullopt;
  return mpq_class(*numerator / *denominator);
}

mpq_class exact(double value) {
  return parse_decimal(fmt::format("{}", value)).value_or(mpq_class(0));  // shortest text that reads back to the same double
}

mpq_class exact_number(const Number& number) {
  if (const auto q = parse_rational(number.text)) return *q;
  return exact(number.value);
}

}  // namespace statecraft
