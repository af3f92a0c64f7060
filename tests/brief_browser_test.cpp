// `statecraft brief` in a real browser: headless Chromium opens each seed's page, and a checker
// added to a copy of it reports the sections present, every pair of chart labels whose boxes
// overlap, and every request the page made; Chromium's log gives the console's messages. A
// screenshot of each seed is written beside the test binary (docs/images holds the ones the
// README shows).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace statecraft {
namespace {

// Reads the laid-out page: run after load, it appends its findings as JSON in a <pre>.
constexpr const char* checker = R"(<script>
addEventListener('load', () => {
  const overlaps = [];
  for (const svg of document.querySelectorAll('svg')) {
    const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
    for (let i = 0; i < boxes.length; ++i)
      for (let j = i + 1; j < boxes.length; ++j) {
        const [a, p] = boxes[i], [b, q] = boxes[j];
        if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) overlaps.push(a + ' | ' + b);
      }
  }
  const report = {sections: [...document.querySelectorAll('section')].map(s => s.id), overlaps,
                  requests: performance.getEntriesByType('resource').map(r => r.name), charts: document.querySelectorAll('svg').length};
  const pre = document.createElement('pre');
  pre.id = 'layout-report';
  pre.textContent = JSON.stringify(report);
  document.body.appendChild(pre);
});
</script>)";

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// Chromium as root needs --no-sandbox; every host name resolves nowhere, so a request could not
// succeed even if the page made one.
std::string chromium(const std::string& arguments) {
  return "timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND' "
         "--enable-logging=stderr --v=0 " + arguments;
}

struct PageReport {
  nlohmann::json layout;
  std::string log;  // Chromium's stderr
};

PageReport open_in_chromium(const std::filesystem::path& page) {
  const auto checked = page.parent_path() / (page.stem().string() + "-checked.html");
  std::string html = test::read_file(page.string());
  html.insert(html.rfind("</body>"), checker);
  std::ofstream(checked) << html;
  const auto dom = page.parent_path() / "dom.html", log = page.parent_path() / "chromium.log";
  const std::string command = chromium("--virtual-time-budget=5000 --dump-dom 'file://" + checked.string() + "' >'" + dom.string() + "' 2>'" +
                                       log.string() + "'");
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  const std::string text = test::read_file(dom.string());
  const auto start = text.find("<pre id=\"layout-report\">");
  PageReport report{nullptr, test::read_file(log.string())};
  if (start == std::string::npos) return report;
  const auto from = start + std::string("<pre id=\"layout-report\">").size();
  std::string json = text.substr(from, text.find("</pre>", from) - from);
  for (auto at = json.find("&quot;"); at != std::string::npos; at = json.find("&quot;")) json.replace(at, 6, "\"");
  for (auto at = json.find("&amp;"); at != std::string::npos; at = json.find("&amp;", at + 1)) json.replace(at, 5, "&");
  for (auto at = json.find("&lt;"); at != std::string::npos; at = json.find("&lt;")) json.replace(at, 4, "<");
  for (auto at = json.find("&gt;"); at != std::string::npos; at = json.find("&gt;")) json.replace(at, 4, ">");
  report.layout = nlohmann::json::parse(json);
  return report;
}

class BriefInBrowser : public ::testing::TestWithParam<const char*> {};

TEST_P(BriefInBrowser, EverySectionNoOverlapNoConsoleErrorNoRequest) {
  if (!have_chromium()) GTEST_SKIP() << "chromium is not installed (scripts/setup.sh installs it)";
  const std::string seed = GetParam();
  const auto dir = std::filesystem::temp_directory_path() / ("statecraft-brief-" + seed);
  std::filesystem::create_directories(dir);
  const auto page = dir / (seed + ".html");
  const auto r = test::run_statecraft("brief '" + test::source_path("scenarios/" + seed + ".yaml") + "' -o '" + page.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const PageReport report = open_in_chromium(page);
  ASSERT_FALSE(report.layout.is_null()) << "the checker did not run:\n" << report.log;
  const auto& sections = report.layout["sections"];
  for (const char* id : {"bottom-line", "issues", "hangs-on", "conflict", "games", "evidence", "methods"})
    EXPECT_NE(std::find(sections.begin(), sections.end(), id), sections.end()) << seed << " lacks section " << id;
  EXPECT_TRUE(report.layout["overlaps"].empty()) << seed << ": labels overlap: " << report.layout["overlaps"].dump(1);
  EXPECT_TRUE(report.layout["requests"].empty()) << seed << ": the page made requests: " << report.layout["requests"].dump();
  EXPECT_GT(report.layout["charts"].get<int>(), 2);
  EXPECT_EQ(report.log.find(":CONSOLE"), std::string::npos) << seed << ": console messages:\n" << report.log;

  const auto screenshot = std::filesystem::current_path() / ("brief-" + seed + ".png");
  const std::string shot = chromium("--window-size=900,2400 --screenshot='" + screenshot.string() + "' 'file://" + page.string() + "' >/dev/null 2>&1");
  EXPECT_EQ(std::system(shot.c_str()), 0);
  EXPECT_GT(std::filesystem::file_size(screenshot), 10000u);
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Seeds, BriefInBrowser, ::testing::Values("alaska-2025", "danang-2017", "singapore-2018", "vladivostok-2019"));

}  // namespace
}  // namespace statecraft
