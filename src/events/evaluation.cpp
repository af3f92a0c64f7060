#include "events/evaluation.hpp"

#include <algorithm>
#include <map>

namespace statecraft {
namespace {

// Matches of two sorted lists taken as multisets.
template <class T>
std::size_t common(std::vector<T> a, std::vector<T> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<T> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both.size();
}

template <class T, class F>
Tally tally(const std::vector<T>& gold, const std::vector<T>& coded, F part) {
  std::vector<std::string> g, c;
  for (const auto& e : gold) g.push_back(part(e));
  for (const auto& e : coded) c.push_back(part(e));
  return {g.size(), c.size(), common(g, c)};
}

std::vector<GoldEvent> as_gold(const std::vector<CodedEvent>& events, GoldCodes codes, const CameoToPlover& table) {
  std::vector<GoldEvent> out;
  for (const auto& e : events) {
    if (codes == GoldCodes::cameo) {
      out.push_back({e.source, e.target, e.cameo});
    } else {
      const PloverEvent* p = table.find(e.cameo);
      out.push_back({e.source.substr(0, 3), e.target.substr(0, 3), p ? p->type : std::string("?")});
    }
  }
  // One event a source, target and code, as PETRARCH writes them.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void score(CategoryScore& s, const RecordOutcome& r) {
  ++s.records;
  s.records_right += r.right ? 1 : 0;
  s.events.add({r.expected.size(), r.coded.size(), common(r.expected, r.coded)});
  s.sources.add(tally(r.expected, r.coded, [](const GoldEvent& e) { return e.source; }));
  s.targets.add(tally(r.expected, r.coded, [](const GoldEvent& e) { return e.target; }));
  s.codes.add(tally(r.expected, r.coded, [](const GoldEvent& e) { return e.code; }));
}

}  // namespace

Evaluation evaluate(const EventCoder& coder, const GoldStandard& gold, const CameoToPlover& table) {
  Evaluation result;
  result.codes = gold.codes;
  result.overall.category = "all";
  std::map<std::string, CategoryScore> by_category;
  for (const auto& record : gold.records) {
    RecordOutcome r{record.id, record.category, record.events, as_gold(coder.code_article(record.text, record.date), gold.codes, table), false};
    if (gold.codes == GoldCodes::plover)  // the gold names states; so does the comparison
      for (auto& e : r.expected) e.source = e.source.substr(0, 3), e.target = e.target.substr(0, 3);
    std::sort(r.expected.begin(), r.expected.end());
    r.expected.erase(std::unique(r.expected.begin(), r.expected.end()), r.expected.end());
    r.right = r.expected == r.coded;
    auto& category = by_category[record.category];
    category.category = record.category;
    score(category, r);
    score(result.overall, r);
    result.records.push_back(std::move(r));
  }
  for (auto& [name, s] : by_category) result.categories.push_back(std::move(s));
  return result;
}

}  // namespace statecraft
