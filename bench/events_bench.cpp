// Event coding throughput on news-like text (issue: at least 20,000 sentences a second a core).
// The corpus is generated: sentences of 20 to 30 words built from the seed articles' actors,
// verbs and connectives, so that every sentence exercises the actor, agent, verb and pattern
// lookups (most news sentences name at least one actor).

#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "events/coder.hpp"
#include "formats/event_dictionaries.hpp"

namespace {

std::string news_corpus(std::size_t sentences, unsigned seed) {
  const char* actors[] = {"Russian President Vladimir Putin", "North Korean leader Kim Jong Un", "President Donald Trump", "the Kremlin", "Beijing",
                          "Ukraine", "South Korean officials", "the U.S. military", "Japan", "the European Union", "Moscow", "Pyongyang"};
  const char* verbs[] = {"met with", "threatened", "may threaten", "criticized", "offered aid to", "did not support", "imposed new sanctions on",
                         "held talks with", "accused", "should pressure", "visited", "rejected the proposal of"};
  const char* fillers[] = {"on Tuesday", "after weeks of tense negotiations over the future of the peninsula", "according to a statement released late",
                           "in a move that analysts said could reshape the region", "despite growing concern among allies", "for the second time this year",
                           "while markets watched closely", "as the summit approached"};
  std::mt19937 random(seed);
  auto pick = [&](const auto& list) { return list[random() % std::size(list)]; };
  std::string text;
  for (std::size_t k = 0; k < sentences; ++k) {
    text += std::string(k % 7 == 0 ? "If " : "") + pick(actors) + " " + pick(verbs) + " " + pick(actors) + " " + pick(fillers) + ", " + pick(fillers) + ".";
    text += k % 5 == 4 ? "\n\n" : " ";
  }
  return text;
}

void code_news(benchmark::State& state) {
  const statecraft::EventCoder coder(statecraft::builtin_event_dictionaries());
  const std::size_t sentences = 1000;
  const std::string text = news_corpus(sentences, 7);
  std::size_t events = 0;
  for (auto _ : state) events += coder.code_article(text, 20250813).size();
  benchmark::DoNotOptimize(events);
  state.counters["sentences/s"] = benchmark::Counter(static_cast<double>(sentences * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["bytes/sentence"] = static_cast<double>(text.size()) / sentences;
}
BENCHMARK(code_news)->Unit(benchmark::kMillisecond);

}  // namespace
