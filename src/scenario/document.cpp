#include "scenario/document.hpp"

#include <fmt/format.h>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace statecraft {
namespace {

Location to_location(const YAML::Mark& mark) {
  // yaml-cpp counts from 0; people and editors count from 1.
  return {mark.line + 1, mark.column + 1};
}

// Thrown from inside the parser's callbacks to stop reading a document that is too large.
struct TooManyValues {
  YAML::Mark mark;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, Diagnostics& diagnostics)
      : text_(text), diagnostics_(diagnostics) {}

  std::optional<DocNode> take_root() { return std::move(root_); }
  Location start() const { return start_; }

  void OnDocumentStart(const YAML::Mark& mark) override { start_ = to_location(mark); }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    count_value(mark);
    DocNode node;
    node.at = to_location(mark);
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    diagnostics_.error(to_location(mark),
                       "aliases (*name) are not allowed in scenario files; write the value out");
    OnNull(mark, 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    count_value(mark);
    DocNode node;
    node.kind = DocNode::Kind::Scalar;
    node.at = to_location(mark);
    node.scalar = value;
    node.quoted = starts_with_quote(mark);
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(DocNode::Kind::Sequence, mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(DocNode::Kind::Map, mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    DocNode node;
    std::optional<DocNode> pending_key;  // maps alternate key and value events
  };

  bool starts_with_quote(const YAML::Mark& mark) const {
    const auto pos = static_cast<std::size_t>(mark.pos);
    return pos < text_.size() && (text_[pos] == '"' || text_[pos] == '\'');
  }

  void open(DocNode::Kind kind, const YAML::Mark& mark) {
    count_value(mark);
    if (static_cast<int>(stack_.size()) >= max_document_depth) {
      if (ignored_depth_++ == 0)
        diagnostics_.error(to_location(mark), "nesting deeper than " +
                                                  std::to_string(max_document_depth) +
                                                  " levels is not supported");
      return;
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.at = to_location(mark);
    stack_.push_back(std::move(frame));
  }

  void close() {
    if (ignored_depth_ > 0) {
      --ignored_depth_;
      return;
    }
    DocNode done = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(done));
  }

  void count_value(const YAML::Mark& mark) {
    if (++values_ > max_document_values) throw TooManyValues{mark};
  }

  void add(DocNode node) {
    if (ignored_depth_ > 0) return;
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.kind == DocNode::Kind::Sequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.pending_key) {
      parent.pending_key = std::move(node);
    } else {
      parent.node.entries.push_back({std::move(*parent.pending_key), std::move(node)});
      parent.pending_key.reset();
    }
  }

  std::string_view text_;
  Diagnostics& diagnostics_;
  std::vector<Frame> stack_;
  int ignored_depth_ = 0;
  std::size_t values_ = 0;
  std::optional<DocNode> root_;
  Location start_;
};

}  // namespace

std::optional<DocNode> parse_document(std::string_view text, Diagnostics& diagnostics) {
  std::istringstream stream{std::string(text)};
  TreeBuilder builder(text, diagnostics);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      diagnostics.error({1, 1}, "the file is empty");
      return std::nullopt;
    }
    auto root = builder.take_root();
    TreeBuilder rest(text, diagnostics);
    if (parser.HandleNextDocument(rest))
      diagnostics.error(rest.start(), "a scenario file holds one document; remove the '---' that starts a second");
    return root;
  } catch (const YAML::Exception& e) {
    diagnostics.error(to_location(e.mark), "invalid YAML: " + e.msg);
    return std::nullopt;
  } catch (const TooManyValues& e) {
    diagnostics.error(to_location(e.mark), fmt::format("the file has more values (scalars, lists and mappings) than the limit of {}; "
                                                       "reading stopped here", max_document_values));
    return std::nullopt;
  }
}

std::string describe_kind(const DocNode& node) {
  switch (node.kind) {
    case DocNode::Kind::Null: return "nothing";
    case DocNode::Kind::Scalar: return "'" + node.scalar + "'";
    case DocNode::Kind::Sequence: return "a list";
    case DocNode::Kind::Map: return "a mapping";
  }
  return "?";
}

}  // namespace statecraft
