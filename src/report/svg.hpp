#pragma once
// What every chart statecraft draws shares: text made safe for XML, a colour-blind-safe palette
// and the width a label will take, so that labels can be placed apart before they are drawn.

#include <cstddef>
#include <string>
#include <vector>

namespace statecraft {

// Text for an XML (SVG or HTML) element or attribute. XML 1.0 allows no control character but
// tab and line breaks, not even written as a reference: any other becomes U+FFFD.
std::string xml_escape(const std::string& text);

// Okabe & Ito (2008), then Paul Tol's "muted" scheme (2021) without its pale grey: 16 colours a
// reader with common colour blindness can tell apart, in print too. A chart needing more than
// palette_size colours must tell its series apart some other way (by label).
inline constexpr const char* palette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#882255",
                                          "#332288", "#117733", "#44AA99", "#88CCEE", "#DDCC77", "#CC6677", "#AA4499", "#999933"};
inline constexpr std::size_t palette_size = std::size(palette);

// An upper bound on the width of `text` in a sans-serif font of `font_size` px: 0.62 em a
// character (DejaVu Sans, the widest common sans, averages 0.55 em on mixed text).
double text_width(const std::string& text, double font_size);

// The text cut at a character boundary and ended with "…" so that it fits `width` px.
std::string shortened(const std::string& text, double width, double font_size);

// Lines of at most `width` characters, broken at spaces.
std::vector<std::string> wrapped(const std::string& text, std::size_t width);

// Labels along a line: each wants to be centred at its x. Returns each label's lane (0, 1, ...),
// the first in which it keeps `gap` px from every label already there, in the order given.
struct PlacedLabel {
  double x = 0;      // its centre, moved inside [low, high] so that it is not cut off
  std::size_t lane = 0;
};
std::vector<PlacedLabel> place_labels(const std::vector<std::pair<double, double>>& centre_and_width, double low, double high, double gap);

// The charts' common frame: their width, sizes of type, the opening of an SVG with its title
// (white background, the brief's font), a text element, a caption wrapped to the width.
inline constexpr double chart_width = 760;
inline constexpr double small_font = 11, font = 12, title_font = 14;
std::string svg_open(double height, const std::string& title);
std::string text_at(double x, double y, const std::string& text, const char* anchor = "start", double size = font, const char* fill = "#222");
std::string caption_lines(double y, const std::string& caption);
double caption_height(const std::string& caption);

}  // namespace statecraft
