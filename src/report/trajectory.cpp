#include "report/trajectory.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "report/svg.hpp"

namespace statecraft {

std::string trajectory_csv(const std::vector<BargainingIssue>& issues, const std::vector<IssueForecast>& forecasts) {
  std::string out = "model,issue,round,actor,position\n";
  for (const auto& f : forecasts) {
    const auto issue = std::find_if(issues.begin(), issues.end(), [&](const BargainingIssue& i) { return i.id == f.issue; });
    if (issue == issues.end()) continue;
    for (std::size_t t = 0; t < f.rounds.size(); ++t)
      for (std::size_t a = 0; a < f.rounds[t].size() && a < issue->actors.size(); ++a)
        if (!std::isnan(f.rounds[t][a])) out += fmt::format("{},{},{},{},{}\n", f.model, f.issue, t, issue->actors[a].id, f.rounds[t][a]);
  }
  return out;
}

std::string trajectory_svg(const BargainingIssue& issue, const ChartWords& words, const std::vector<IssueForecast>& forecasts) {
  std::vector<const IssueForecast*> dynamic;
  for (const auto& f : forecasts)
    if (f.rounds.size() > 1) dynamic.push_back(&f);
  if (dynamic.empty()) return {};

  const double width = 760, panel = 300, left = 60, right = 110, top = 56, gap = 70;
  const double plot_w = width - left - right;
  const auto caption = wrapped(words.caption, static_cast<std::size_t>((width - 20) / (0.62 * 11)));
  const double height = top + static_cast<double>(dynamic.size()) * (panel + gap) + 14.0 * static_cast<double>(caption.size()) + 6;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{3}</text>\n",
      width, height, left, xml_escape(words.title));
  for (std::size_t m = 0; m < dynamic.size(); ++m) {
    const IssueForecast& f = *dynamic[m];
    const double y0 = top + static_cast<double>(m) * (panel + gap) + 20;
    const std::size_t rounds = f.rounds.size() - 1;
    auto px = [&](std::size_t t) { return left + plot_w * (rounds ? static_cast<double>(t) / static_cast<double>(rounds) : 0.0); };
    auto py = [&](double v) { return y0 + panel * (1 - (v - issue.low) / (issue.high - issue.low)); };
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n", left, y0 - 8, xml_escape(f.model));
    // Axes, with five gridlines on the issue's scale and a tick per round (at most ten labels).
    for (int k = 0; k <= 4; ++k) {
      const double v = issue.low + (issue.high - issue.low) * k / 4;
      svg += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/><text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
                         left, left + plot_w, py(v), left - 6, py(v) + 4, v);
    }
    const std::size_t step = std::max<std::size_t>(1, (rounds + 9) / 10);
    for (std::size_t t = 0; t <= rounds; t += step)
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", px(t), y0 + panel + 16, t);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">round</text>\n", left + plot_w / 2, y0 + panel + 34);
    // What the scale measures, up the left side.
    svg += fmt::format("<text transform=\"translate(14 {:.1f}) rotate(-90)\" text-anchor=\"middle\" fill=\"#444\">{}</text>\n", y0 + panel / 2,
                       xml_escape(words.units.empty() ? "position on the issue's scale" : words.units));
    // The status quo, named at the right end: the forecast's name is at the left, so the two
    // never meet even when the forecast is the status quo.
    if (issue.status_quo)
      svg += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#999\" stroke-dasharray=\"2 3\"/>"
                         "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\" fill=\"#777\">status quo {5:.4g}</text>\n",
                         left, left + plot_w, py(*issue.status_quo), left + plot_w - 4, py(*issue.status_quo) - 5, *issue.status_quo);
    struct Label {
      double y;
      std::string text;
      const char* colour;
    };
    std::vector<Label> labels;
    for (std::size_t a = 0; a < issue.actors.size(); ++a) {
      std::string points;
      double last = NAN;
      for (std::size_t t = 0; t <= rounds; ++t) {
        if (a >= f.rounds[t].size() || std::isnan(f.rounds[t][a])) continue;
        points += fmt::format("{:.1f},{:.1f} ", px(t), py(f.rounds[t][a]));
        last = f.rounds[t][a];
      }
      if (points.empty()) continue;
      const char* colour = palette[a % palette_size];
      svg += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", points, colour);
      labels.push_back({py(last) + 4, issue.actors[a].id, colour});
    }
    // Actors that end together would print their names on top of each other: space them out.
    std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    for (std::size_t k = 1; k < labels.size(); ++k) labels[k].y = std::max(labels[k].y, labels[k - 1].y + 13);
    for (const auto& label : labels)
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\">{}</text>\n", left + plot_w + 6, label.y, label.colour, xml_escape(label.text));
    if (f.position)
      svg += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#444\" stroke-dasharray=\"6 4\"/>"
                         "<text x=\"{3}\" y=\"{4:.1f}\" fill=\"#444\">forecast {5:.4g}</text>\n",
                         left, left + plot_w, py(*f.position), left + 4, py(*f.position) - 5, *f.position);
  }
  const double caption_top = top + static_cast<double>(dynamic.size()) * (panel + gap);
  for (std::size_t k = 0; k < caption.size(); ++k)
    svg += fmt::format("<text x=\"10\" y=\"{:.1f}\" font-size=\"11\" fill=\"#555\">{}</text>\n", caption_top + 14.0 * static_cast<double>(k),
                       xml_escape(caption[k]));
  return svg + "</svg>\n";
}

}  // namespace statecraft
