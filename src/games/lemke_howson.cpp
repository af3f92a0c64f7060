#include "games/lemke_howson.hpp"

#include <algorithm>
#include <stdexcept>

namespace statecraft {

namespace {

// Both tableaux at a vertex pair: the artificial equilibrium (all zero) at first, then wherever
// complementary pivoting has led.
class Walk {
 public:
  explicit Walk(const StrategicGame& game) {
    const PositiveBimatrix g = positive_bimatrix(game);
    m_ = g.m;
    n_ = g.n;
    p_ = p_tableau(g);
    q_ = q_tableau(g);
  }

  std::size_t labels() const { return m_ + n_; }
  std::uint64_t entries() const { return p_.rows() * p_.coefficient[0].size() + q_.rows() * q_.coefficient[0].size(); }

  // Complementary pivoting after dropping `label`: the variable carrying it, non-basic in one of
  // the tableaux, enters there; each leaving variable's twin enters the other tableau, until
  // `label` leaves (von Stengel 2002, algorithm 3.4).
  // `budget`: tableau entries the pivots may still rewrite; false (the path left unfinished) when
  // they would exceed it.
  bool drop(std::size_t label, std::uint64_t& budget) {
    bool in_p = !is_basic(p_, label);
    std::size_t entering = label;
    for (std::size_t steps = 0; steps < 1000000; ++steps) {
      Tableau& t = in_p ? p_ : q_;
      const std::uint64_t cost = t.rows() * t.coefficient[0].size();
      if (cost > budget) return false;
      budget -= cost;
      const std::size_t leaving = t.pivot(entering);
      if (leaving == label) return true;
      entering = leaving;
      in_p = !in_p;
    }
    throw std::runtime_error("Lemke-Howson: no end to the path");
  }

  bool artificial() const {
    for (std::size_t i = 0; i < m_; ++i)
      if (sgn(p_.value(i)) != 0) return false;
    return true;
  }

  MixedProfile profile() const {
    MixedProfile profile{std::vector<mpq_class>(m_), std::vector<mpq_class>(n_)};
    mpq_class sx = 0, sy = 0;
    for (std::size_t i = 0; i < m_; ++i) sx += profile.row[i] = p_.value(i);
    for (std::size_t j = 0; j < n_; ++j) sy += profile.column[j] = q_.value(m_ + j);
    for (auto& v : profile.row) v /= sx;
    for (auto& v : profile.column) v /= sy;
    return profile;
  }

 private:
  static bool is_basic(const Tableau& t, std::size_t variable) {
    return std::find(t.basic.begin(), t.basic.end(), variable) != t.basic.end();
  }

  std::size_t m_ = 0, n_ = 0;
  Tableau p_, q_;
};

}  // namespace

MixedProfile lemke_howson(const StrategicGame& game, std::size_t label) {
  Walk walk(game);
  if (label >= walk.labels()) throw std::invalid_argument("Lemke-Howson: no such label");
  std::uint64_t unlimited = UINT64_MAX;
  walk.drop(label, unlimited);
  return walk.profile();
}

LemkeHowsonLabels lemke_howson_all_labels(const StrategicGame& game, std::uint64_t budget, const Progress& progress) {
  LemkeHowsonLabels out;
  const Walk start(game);
  for (std::size_t k = 0; k < start.labels(); ++k) {
    report_progress(progress, k, start.labels());
    if (start.entries() > budget) return out;  // the copy of the start is work too
    budget -= start.entries();
    Walk walk = start;
    if (!walk.drop(k, budget)) return out;
    ++out.labels;
    MixedProfile e = walk.profile();
    if (std::find(out.equilibria.begin(), out.equilibria.end(), e) == out.equilibria.end()) out.equilibria.push_back(std::move(e));
  }
  return out;
}

std::vector<MixedProfile> lemke_howson_graph(const StrategicGame& game, const Progress& progress) {
  // Breadth first over the Lemke-Howson graph: from every equilibrium found, drop every label
  // again (as gambit-lcp does); paths leading back to the artificial equilibrium end there.
  std::vector<MixedProfile> found;
  std::vector<Walk> frontier{Walk(game)};
  std::uint64_t unlimited = UINT64_MAX;
  for (std::size_t expanded = 0; !frontier.empty(); ++expanded) {
    const Walk from = std::move(frontier.front());
    frontier.erase(frontier.begin());
    for (std::size_t k = 0; k < from.labels(); ++k) {
      // Paths followed, of those known so far: every label from the start and each equilibrium found.
      report_progress(progress, expanded * from.labels() + k, (found.size() + 1) * from.labels());
      Walk walk = from;
      walk.drop(k, unlimited);
      if (walk.artificial()) continue;
      MixedProfile e = walk.profile();
      if (std::find(found.begin(), found.end(), e) != found.end()) continue;
      found.push_back(std::move(e));
      frontier.push_back(std::move(walk));
    }
  }
  return found;
}

}  // namespace statecraft
