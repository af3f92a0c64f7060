// The conflict lens against inputs built to break its promises (issue 9): no shell, no stray
// files, no crash from deep nesting, every error located, work refused before it explodes.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include <unistd.h>

#include "test_support.hpp"

namespace statecraft {
namespace {

namespace fs = std::filesystem;

std::string defect(const std::string& name) { return test::source_path("tests/data/defects/" + name); }

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A fresh folder per test, removed afterwards.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name) : path_(fs::temp_directory_path() / ("statecraft-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path path_;
};

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// Runs the commands of a test from a folder of its own, where relative names land.
class ScopedCwd {
 public:
  explicit ScopedCwd(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~ScopedCwd() { fs::current_path(old_); }

 private:
  fs::path old_;
};

// A stand-in for Graphviz's dot: insists on exactly `-Tsvg` and wraps its standard input, so a
// test sees both what it was given and that its output is what lands in the file.
void install_fake_dot(const fs::path& bin) {
  fs::create_directories(bin);
  write(bin / "dot", "#!/bin/sh\n[ \"$#\" = 1 ] && [ \"$1\" = -Tsvg ] || exit 3\nprintf '<svg>'; cat; printf '</svg>'\n");
  fs::permissions(bin / "dot", fs::perms::owner_all);
}

// The scratch folder is the working directory and TMPDIR; its bin/ holds the fake dot, first on
// PATH, or else is the whole PATH with only timeout(1) in it (for the test's limits), so that no
// dot can be found.
struct GraphvizSandbox {
  ScratchDir dir;
  ScopedEnv path, tmp;
  ScopedCwd cwd;
  explicit GraphvizSandbox(const std::string& name, bool with_dot = true)
      : dir(name), path("PATH", (dir.path() / "bin").string() + (with_dot ? ":/usr/bin:/bin" : "")), tmp("TMPDIR", dir.path().string()), cwd(dir.path()) {
    if (with_dot) {
      install_fake_dot(dir.path() / "bin");
    } else {
      fs::create_directories(dir.path() / "bin");
      fs::create_symlink("/usr/bin/timeout", dir.path() / "bin" / "timeout");
    }
  }
};

TEST(ConflictDefects, GraphFileNameNeverReachesAShell) {
  // The reproducer's name: quoted into a shell command, it ran `touch INJECTED`.
  GraphvizSandbox box("graph-injection");
  const std::string odd = "x'; touch INJECTED; echo '.svg";
  const auto r = test::run_statecraft("stability '" + defect("odd-names.yaml") + "' --graph \"" + odd + "\"", test::Limits{1024, 30});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(box.dir.path() / "INJECTED"));
  // The file is the one named, character for character, and holds what dot drew from the graph.
  EXPECT_EQ(test::read_file((box.dir.path() / odd).string()).rfind("<svg>digraph conflict {", 0), 0u);
  // Nothing else is left: no .dot beside it, no temporary file.
  EXPECT_EQ(box.dir.entries(), (std::vector<std::string>{"bin", odd}));
}

TEST(ConflictDefects, GraphLeavesTheUsersDotFileAlone) {
  // Drawing mine.svg used to write mine.svg.dot, then delete it, whatever it held before.
  GraphvizSandbox box("graph-dot-file");
  write(box.dir.path() / "mine.svg.dot", "the user's own notes\n");
  const auto r = test::run_statecraft("stability '" + defect("odd-names.yaml") + "' --graph mine.svg", test::Limits{1024, 30});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_file((box.dir.path() / "mine.svg.dot").string()), "the user's own notes\n");
  EXPECT_EQ(test::read_file((box.dir.path() / "mine.svg").string()).rfind("<svg>digraph conflict {", 0), 0u);
  EXPECT_EQ(box.dir.entries(), (std::vector<std::string>{"bin", "mine.svg", "mine.svg.dot"}));
}

TEST(ConflictDefects, GraphWithoutGraphvizSaysSoAndWritesNothing) {
  GraphvizSandbox box("graph-no-dot", false);
  write(box.dir.path() / "mine.svg", "an older drawing\n");
  const auto r = test::run_statecraft("stability '" + defect("odd-names.yaml") + "' --graph mine.svg", test::Limits{1024, 30});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Graphviz's dot, which is not installed"), std::string::npos) << r.err;
  EXPECT_EQ(test::read_file((box.dir.path() / "mine.svg").string()), "an older drawing\n");
  EXPECT_EQ(box.dir.entries(), (std::vector<std::string>{"bin", "mine.svg"}));
}

TEST(ConflictDefects, GraphvizDrawsARealSvg) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz's dot is not installed";
  ScratchDir dir("graph-real-dot");
  const auto svg = dir.path() / "elmira.svg";
  const auto r = test::run_statecraft("stability '" + test::source_path("tests/data/gmcr/Elmira.gmcr") + "' --graph '" + svg.string() + "'", test::Limits{1024, 60});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = test::read_file(svg.string());
  EXPECT_NE(text.find("<svg"), std::string::npos);
  EXPECT_NE(text.find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace statecraft
