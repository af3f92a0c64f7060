// statecraft sweep: the Monte Carlo of forecast --samples, over scenarios and a grid of model
// parameters, the same byte for byte on 1, 2 and 4 MPI ranks and any number of threads; bad
// specifications refused at their place.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.hpp"

namespace statecraft {
namespace {

std::string spec_file(const std::string& name, const std::string& text) {
  const std::string file = testing::TempDir() + name;
  std::ofstream(file) << text;
  return file;
}

std::string two_scenarios_spec() {
  return spec_file("sweep.yaml", "sweep: 1\nscenarios: ['" + test::source_path("scenarios/alaska-2025.yaml") + "', '" +
                                     test::source_path("scenarios/emission-standards-1994.yaml") +
                                     "']\nsamples: 600\nseed: 7\nmodels: [compromise, median, expected-utility]\ngrid:\n  eu_probability: [program, paper]\n");
}

std::vector<nlohmann::json> lines_of(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// Each line is what forecast --samples gives for that scenario at that grid point.
TEST(Sweep, EachRunIsTheForecastsMonteCarlo) {
  const auto r = test::run_statecraft("sweep " + two_scenarios_spec());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u);  // 2 scenarios × 2 grid points
  EXPECT_EQ(lines[1]["parameters"], (nlohmann::json{{"eu_probability", "paper"}}));
  const auto forecast = nlohmann::json::parse(test::run_statecraft("forecast " + test::source_path("scenarios/alaska-2025.yaml") +
                                                                   " --samples 600 --seed 7 --model compromise,median,expected-utility --eu-probability paper --format json")
                                                  .out);
  EXPECT_EQ(lines[1]["uncertainty"], forecast["uncertainty"]);
  EXPECT_EQ(test::run_statecraft("sweep --threads 1 " + two_scenarios_spec()).out, r.out);
}

// Split across MPI ranks, the output is the one-process output byte for byte.
TEST(Sweep, MpiRanksChangeNothing) {
  if (std::system("command -v mpirun >/dev/null 2>&1") != 0) GTEST_SKIP() << "Open MPI's mpirun is not installed";
  const std::string spec = two_scenarios_spec();
  const std::string alone = test::run_statecraft("sweep " + spec).out;
  for (int ranks : {1, 2, 4}) {
    const std::string out = testing::TempDir() + "sweep-" + std::to_string(ranks) + ".jsonl";
    const std::string command = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1 mpirun -np " +
                                std::to_string(ranks) + " --oversubscribe '" + STATECRAFT_BINARY + "' sweep --threads 1 '" + spec + "' -o '" + out + "' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    EXPECT_EQ(test::read_file(out), alone) << ranks << " ranks";
  }
  // A bad specification stops every rank with exit 2, none waiting for the others.
  const std::string bad = spec_file("bad-sweep.yaml", "sweep: 1\nscenarios: [nowhere.yaml]\n");
  const std::string command = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 timeout 60 mpirun -np 2 --oversubscribe '" + std::string(STATECRAFT_BINARY) +
                              "' sweep '" + bad + "' >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 2) << status;
}

TEST(Sweep, BadSpecificationsAreRefusedAtTheirPlace) {
  auto refused = [](const std::string& text, const std::string& message) {
    const auto r = test::run_statecraft("sweep " + spec_file("spec.yaml", text));
    EXPECT_EQ(r.exit_code, 2) << text;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  };
  const std::string scenario = "scenarios: ['" + test::source_path("scenarios/alaska-2025.yaml") + "']\n";
  refused("sweep: 1\n" + scenario + "sample: 10\n", "spec.yaml:3:1: error: unknown key 'sample' in the sweep specification");
  refused("sweep: 1\n" + scenario + "grid:\n  rounds: [1]\n", "spec.yaml:4:3: error: unknown grid parameter 'rounds'");
  refused("sweep: 1\n" + scenario + "grid:\n  q: [0.5, 2]\n", "spec.yaml:4:12: error: '2' is not a value of q");
  refused("sweep: 1\n" + scenario + "samples: 0\n", "samples must be a whole number from 1 to 100000000");
  refused("sweep: 2\n" + scenario, "unsupported sweep version");
  refused("sweep: 1\n", "lacks 'scenarios'");
  refused("sweep: 1\nscenarios: [missing.yaml]\n", "missing.yaml: error: cannot read the file");
  refused("sweep: 1\n" + scenario + "models: [oracle]\n", "unknown model 'oracle'");
  refused("sweep: 1\n" + scenario + "samples: 100000000\n", "refused");  // past the samples' memory limit, before any work
}

}  // namespace
}  // namespace statecraft
