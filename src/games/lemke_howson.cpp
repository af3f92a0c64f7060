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

  // Complementary pivoting after dropping `label`: the variable carrying it, non-basic in one of
  // the tableaux, enters there; each leaving variable's twin enters the other tableau, until
  // `label` leaves (von Stengel 2002, algorithm 3.4).
  void drop(std::size_t label) {
    bool in_p = !is_basic(p_, label);
    std::size_t entering = label;
    for (std::size_t steps = 0; steps < 1000000; ++steps) {
      const std::size_t leaving = (in_p ? p_ : q_).pivot(entering);
      if (leaving == label) return;
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
  walk.drop(label);
  return walk.profile();
}

std::vector<MixedProfile> lemke_howson_all_labels(const StrategicGame& game) {
  std::vector<MixedProfile> found;
  const Walk start(game);
  for (std::size_t k = 0; k < start.labels(); ++k) {
    Walk walk = start;
    walk.drop(k);
    MixedProfile e = walk.profile();
    if (std::find(found.begin(), found.end(), e) == found.end()) found.push_back(std::move(e));
  }
  return found;
}

std::vector<MixedProfile> lemke_howson_graph(const StrategicGame& game) {
  // Breadth first over the Lemke-Howson graph: from every equilibrium found, drop every label
  // again (as gambit-lcp does); paths leading back to the artificial equilibrium end there.
  std::vector<MixedProfile> found;
  std::vector<Walk> frontier{Walk(game)};
  while (!frontier.empty()) {
    const Walk from = std::move(frontier.front());
    frontier.erase(frontier.begin());
    for (std::size_t k = 0; k < from.labels(); ++k) {
      Walk walk = from;
      walk.drop(k);
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
