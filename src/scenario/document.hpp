#pragma once
// A YAML (or JSON) document as a plain tree that remembers where each node was written.
// Built from yaml-cpp's event parser rather than YAML::Node so that aliases can be refused
// (they make cycles and exponential blow-ups possible) and nesting depth is bounded.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/diagnostics.hpp"

namespace statecraft {

struct DocEntry;

struct DocNode {
  enum class Kind { Null, Scalar, Sequence, Map };

  Kind kind = Kind::Null;
  Location at;
  std::string scalar;   // Scalar only
  bool quoted = false;  // Scalar written in quotes: "…" or '…'
  std::vector<DocNode> items;                        // Sequence only
  std::vector<DocEntry> entries;  // Map only, in document order

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_map() const { return kind == Kind::Map; }
};

struct DocEntry {
  DocNode key;
  DocNode value;
};

// Nesting deeper than this is refused: no scenario needs it, and it keeps recursion bounded.
inline constexpr int max_document_depth = 200;

// A document with more values (scalars, lists and mappings) than this is refused, and reading
// stops there: each value costs a few hundred bytes once read into the scenario model. Hand-
// written and exported scenarios run at about ten bytes of text per value, so the limit sits near
// the file size limit (max_input_bytes) for them, while a file of bare "1," stops at 4 MB.
inline constexpr std::size_t max_document_values = 2'000'000;

// Parses one document. Syntax errors, aliases, excess depth or size and extra documents are reported
// to `diagnostics`; the result is empty when no usable tree could be built.
std::optional<DocNode> parse_document(std::string_view text, Diagnostics& diagnostics);

// A short name for a node's kind, for messages: "a mapping", "a list", "text", "nothing".
std::string describe_kind(const DocNode& node);

}  // namespace statecraft
