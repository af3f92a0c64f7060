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

// Each test its own file: ctest runs the tests in parallel, in one temporary folder.
std::string two_scenarios_spec(const std::string& name) {
  return spec_file(name, "sweep: 1\nscenarios: ['" + test::source_path("scenarios/alaska-2025.yaml") + "', '" +
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
  const std::string spec = two_scenarios_spec("sweep-each.yaml");
  const auto r = test::run_statecraft("sweep " + spec);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u);  // 2 scenarios × 2 grid points
  EXPECT_EQ(lines[1]["parameters"], (nlohmann::json{{"eu_probability", "paper"}}));
  const auto forecast = nlohmann::json::parse(test::run_statecraft("forecast " + test::source_path("scenarios/alaska-2025.yaml") +
                                                                   " --samples 600 --seed 7 --model compromise,median,expected-utility --eu-probability paper --format json")
                                                  .out);
  EXPECT_EQ(lines[1]["uncertainty"], forecast["uncertainty"]);
  EXPECT_EQ(test::run_statecraft("sweep --threads 1 " + spec).out, r.out);
  // Recorded in a store: the specification and both scenarios as inputs, the lines as results.
  const std::string store = testing::TempDir() + "sweep-runs.db";
  std::filesystem::remove(store);
  ASSERT_EQ(test::run_statecraft("sweep " + spec + " --store " + store).exit_code, 0);
  const auto run = nlohmann::json::parse(test::run_statecraft("runs export " + store + " 1").out);
  EXPECT_EQ(run["command"], "sweep");
  EXPECT_EQ(run["inputs"].size(), 3u);
  EXPECT_EQ(run["output"], r.out);
  EXPECT_EQ(run["results"].size(), 4u);
  EXPECT_EQ(test::run_statecraft("sweep " + spec + " --store " + spec).exit_code, 2);  // not a store: refused before the work
}

// Split across MPI ranks, the output is the one-process output byte for byte.
TEST(Sweep, MpiRanksChangeNothing) {
  if (std::system("command -v mpirun >/dev/null 2>&1") != 0) GTEST_SKIP() << "Open MPI's mpirun is not installed";
  const std::string spec = two_scenarios_spec("sweep-mpi.yaml");
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
  // A rank that fails during the work ends the whole run with exit 1 and its error; none hangs.
  const std::string faulty = "STATECRAFT_FAULT_RANK=1 OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 timeout 60 mpirun -np 2 --oversubscribe '" +
                             std::string(STATECRAFT_BINARY) + "' sweep '" + spec + "' >/dev/null 2>'" + testing::TempDir() + "fault.err'";
  const int failed = std::system(faulty.c_str());
  EXPECT_TRUE(WIFEXITED(failed) && WEXITSTATUS(failed) == 1) << failed;
  EXPECT_NE(test::read_file(testing::TempDir() + "fault.err").find("statecraft sweep: rank 1 of 2: "), std::string::npos);
}

// Job arrays without MPI: each shard computes its block to a file, and --merge writes what one
// run writes; a missing, repeated or foreign shard is refused.
TEST(Sweep, ShardsMergeIntoTheWholeRun) {
  const std::string spec = two_scenarios_spec("sweep-shards.yaml");
  const std::string alone = test::run_statecraft("sweep " + spec).out;
  std::string parts;
  for (int i = 1; i <= 3; ++i) {
    const std::string part = testing::TempDir() + "shard" + std::to_string(i);
    ASSERT_EQ(test::run_statecraft("sweep " + spec + " --shard " + std::to_string(i) + "/3 -o " + part).exit_code, 0);
    parts = " " + part + parts;  // merged in any order
  }
  const auto merged = test::run_statecraft("sweep " + spec + " --merge" + parts);
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(merged.out, alone);
  const std::string first = testing::TempDir() + "shard1", second = testing::TempDir() + "shard2";
  auto refused = test::run_statecraft("sweep " + spec + " --merge " + first + " " + second);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("shard 3 of 3 is missing"), std::string::npos) << refused.err;
  refused = test::run_statecraft("sweep " + spec + " --merge " + first + " " + first + " " + second);
  EXPECT_NE(refused.err.find("does not fit the others"), std::string::npos) << refused.err;
  const std::string other = spec_file("other.yaml", test::read_file(spec) + "# another specification\n");
  refused = test::run_statecraft("sweep " + other + " --merge" + parts);
  EXPECT_NE(refused.err.find("the shard was made from another sweep specification"), std::string::npos) << refused.err;
  refused = test::run_statecraft("sweep " + spec + " --merge " + spec);
  EXPECT_NE(refused.err.find("not a statecraft sweep shard"), std::string::npos) << refused.err;
  EXPECT_EQ(test::run_statecraft("sweep " + spec + " --shard 4/3 -o x").exit_code, 2);
  EXPECT_EQ(test::run_statecraft("sweep " + spec + " --shard 1/3").exit_code, 2);  // a shard needs its file
}

// A judgment varied over values: each line is the Monte Carlo of the scenario with that value
// written in.
TEST(Sweep, JudgmentsVariedOverValues) {
  const std::string scenario = test::source_path("scenarios/emission-standards-1994.yaml");
  const std::string spec = spec_file("judged.yaml", "sweep: 1\nscenarios: ['" + scenario +
                                                        "']\nsamples: 300\nseed: 3\nmodels: [compromise, median]\njudgments:\n  introduction_delay.DEU.position: [4, 10]\n"
                                                        "  DEU.capability: [0.16]\n");
  const auto r = test::run_statecraft("sweep " + spec);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["judgments"], (nlohmann::json{{"introduction_delay.DEU.position", 10.0}, {"DEU.capability", 0.16}}));
  const std::string moved = spec_file("moved.yaml", test::replace(test::read_file(scenario), "DEU: {position: 4,", "DEU: {position: 10,"));
  const auto forecast = nlohmann::json::parse(test::run_statecraft("forecast " + moved + " --samples 300 --seed 3 --model compromise,median --format json").out);
  EXPECT_EQ(lines[1]["uncertainty"], forecast["uncertainty"]);
  EXPECT_NE(lines[0]["uncertainty"], lines[1]["uncertainty"]);
  const auto bad = test::run_statecraft("sweep " + spec_file("judged-bad.yaml", "sweep: 1\nscenarios: ['" + scenario + "']\njudgments:\n  introduction_delay.XYZ.position: [5]\n"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("judged-bad.yaml:4:3: error: judgment 'introduction_delay.XYZ.position' = 5 in "), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("issue 'introduction_delay' has no stance of 'XYZ'"), std::string::npos) << bad.err;
  const auto off = test::run_statecraft("sweep " + spec_file("judged-off.yaml", "sweep: 1\nscenarios: ['" + scenario + "']\njudgments:\n  introduction_delay.DEU.position: [50]\n"));
  EXPECT_NE(off.err.find("50 is off issue introduction_delay's scale"), std::string::npos) << off.err;
  const auto path = test::run_statecraft("sweep " + spec_file("judged-path.yaml", "sweep: 1\nscenarios: ['" + scenario + "']\njudgments:\n  DEU.mood: [1]\n"));
  EXPECT_NE(path.err.find("'DEU.mood' is not a judgment a sweep varies"), std::string::npos) << path.err;
}

// A corpus coded across ranks or shards gives what statecraft events gives, byte for byte.
TEST(Sweep, ACorpusIsCodedAsEventsCodesIt) {
  std::string files, listed;
  for (const char* seed : {"alaska-2025", "danang-2017", "singapore-2018", "vladivostok-2019"}) {
    const std::string file = test::source_path(std::string("tests/data/events/seeds/") + seed + ".txt");
    files += " '" + file + "'";
    listed += (listed.empty() ? "'" : ", '") + file + "'";
  }
  const std::string spec = spec_file("corpus.yaml", "sweep: 1\ncorpus: [" + listed + "]\ndate: 2025-08-13\n");
  const std::string events = test::run_statecraft("events --date 2025-08-13" + files).out;
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(test::run_statecraft("sweep " + spec).out, events);
  for (int i = 1; i <= 3; ++i) ASSERT_EQ(test::run_statecraft("sweep " + spec + " --shard " + std::to_string(i) + "/3 -o " + testing::TempDir() + "corpus" + std::to_string(i)).exit_code, 0);
  const std::string d = testing::TempDir();
  EXPECT_EQ(test::run_statecraft("sweep " + spec + " --merge " + d + "corpus2 " + d + "corpus3 " + d + "corpus1").out, events);
  if (std::system("command -v mpirun >/dev/null 2>&1") == 0) {
    const std::string out = d + "corpus-mpi.jsonl";
    const std::string command = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 mpirun -np 3 --oversubscribe '" + std::string(STATECRAFT_BINARY) +
                                "' sweep --threads 1 '" + spec + "' -o '" + out + "' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    EXPECT_EQ(test::read_file(out), events);
  }
  const auto both = test::run_statecraft("sweep " + spec_file("both.yaml", "sweep: 1\ncorpus: [" + listed + "]\nscenarios: [x.yaml]\n"));
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("a sweep codes a corpus or samples scenarios, not both"), std::string::npos) << both.err;
}

// The sensitivity analysis swept: each line is statecraft sensitivity's spatial detail (with the
// same work limit), the same on 2 ranks.
TEST(Sweep, SensitivityRunsAreStatecraftSensitivity) {
  const std::string alaska = test::source_path("scenarios/alaska-2025.yaml");
  const std::string spec = spec_file("sensitivity.yaml", "sweep: 1\nanalysis: sensitivity\nscenarios: ['" + alaska + "', '" +
                                                             test::source_path("scenarios/emission-standards-1994.yaml") + "']\nsamples: 2000\nseed: 1\n");
  const auto r = test::run_statecraft("sweep --max-work 6e10 " + spec);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u);
  const auto sensitivity = nlohmann::json::parse(test::run_statecraft("sensitivity " + alaska + " --lens spatial --format json").out);
  EXPECT_EQ(lines[0]["sensitivity"], sensitivity["lenses"]["spatial"]["detail"]);
  EXPECT_EQ(lines[1]["scenario"], "emission-standards-1994");
  if (std::system("command -v mpirun >/dev/null 2>&1") == 0) {
    const std::string out = testing::TempDir() + "sensitivity-mpi.jsonl";
    const std::string command = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 mpirun -np 2 --oversubscribe '" + std::string(STATECRAFT_BINARY) +
                                "' sweep --max-work 6e10 --threads 1 '" + spec + "' -o '" + out + "' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    EXPECT_EQ(test::read_file(out), r.out);
  }
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
  refused("sweep: 1\n" + scenario + "analysis: sobol\n", "analysis must be monte-carlo (forecast --samples) or sensitivity");
  refused("sweep: 1\n", "lacks 'scenarios' (a list of scenario files) or 'corpus' (articles to code)");
  refused("sweep: 1\nscenarios: [missing.yaml]\n", "missing.yaml: error: cannot read the file");
  refused("sweep: 1\n" + scenario + "models: [oracle]\n", "unknown model 'oracle'");
  refused("sweep: 1\n" + scenario + "samples: 100000000\n", "refused");  // past the samples' memory limit, before any work
}

}  // namespace
}  // namespace statecraft
