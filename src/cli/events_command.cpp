// statecraft events: articles in, coded events out (docs/events.md).

#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <map>
#include <istream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <thread>

#include "cli/commands.hpp"
#include "events/coder.hpp"
#include "events/draft.hpp"
#include "events/evidence.hpp"
#include "events/text.hpp"
#include "formats/load.hpp"
#include "events/evaluation.hpp"
#include "events/summary.hpp"
#include "formats/cameo_plover.hpp"
#include "formats/event_dictionaries.hpp"
#include "formats/event_records.hpp"
#include "report/events_report.hpp"
#include "scenario/input_file.hpp"
#include "scenario/write.hpp"
#include "scenario/text_lines.hpp"

namespace statecraft::cli {
namespace {

// Articles coded together, one thread each at a time: enough to keep every core busy, few enough
// that memory stays that of a batch whatever the corpus.
constexpr std::size_t batch_size = 1024;

EventDate today() {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(day.year()) * 10000 + static_cast<int>(static_cast<unsigned>(day.month())) * 100 + static_cast<int>(static_cast<unsigned>(day.day()));
}

class EventWriter {
 public:
  EventWriter(const std::string& format, std::ostream& out) : format_(format), out_(out) {}

  void write(const Article& article, const std::vector<CodedEvent>& events) {
    const EventSource source{article.id, article.text};
    if (format_ == "csv") {
      if (!header_) write_events_csv_header(out_), header_ = true;
      write_events_csv(out_, source, events, tables_);
    } else if (format_ == "text") {
      write_events_text(out_, source, events, tables_);
    } else {
      write_events_jsonl(out_, source, events, tables_);
    }
  }

 private:
  const std::string& format_;
  std::ostream& out_;
  EventTables tables_{published_cameo_plover(), published_goldstein_scale()};
  bool header_ = false;
};

// Codes a batch on every thread, then writes it in input order: the output is the one thread's.
class BatchCoder {
 public:
  using Sink = std::function<void(const Article&, const std::vector<CodedEvent>&)>;
  // Only articles part, part + parts, part + 2·parts... (in input order) are coded: a sweep's
  // share of a corpus.
  BatchCoder(const EventCoder& coder, EventDate fallback_date, unsigned threads, Sink sink, std::size_t part = 0, std::size_t parts = 1)
      : coder_(coder), fallback_(fallback_date), threads_(threads), sink_(std::move(sink)), part_(part), parts_(parts) {}

  void add(Article article) {
    if (seen_++ % parts_ != part_) return;
    batch_.push_back(std::move(article));
    if (batch_.size() == batch_size) flush();
  }

  void flush() {
    std::vector<std::vector<CodedEvent>> coded(batch_.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k; (k = next++) < batch_.size();) coded[k] = coder_.code_article(batch_[k].text, batch_[k].date ? batch_[k].date : fallback_);
    };
    const unsigned n = std::min<unsigned>(threads_, static_cast<unsigned>(std::max<std::size_t>(batch_.size(), 1)));
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    pool.clear();
    for (std::size_t k = 0; k < batch_.size(); ++k) sink_(batch_[k], coded[k]);
    batch_.clear();
  }

 private:
  const EventCoder& coder_;
  EventDate fallback_;
  unsigned threads_;
  Sink sink_;
  std::size_t part_, parts_, seen_ = 0;
  std::vector<Article> batch_;
};

// JSON Lines, a line at a time; a line that is not an article is skipped with a warning.
void read_article_stream(std::istream& in, const std::string& name, BatchCoder& coder, std::ostream& err) {
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (trimmed(line).empty()) continue;
    Diagnostics d(name);
    if (line.size() > max_input_bytes) {
      d.warning({number, 1}, fmt::format("the article is {} MB, above the limit of {} MB; skipped", line.size() >> 20, max_input_bytes >> 20));
    } else if (auto articles = read_article_lines(line, d)) {
      for (auto& a : *articles) {
        if (a.id == "line-1") a.id = fmt::format("{}:{}", name, number);
        coder.add(std::move(a));
      }
      continue;
    }
    for (auto m : d.all()) {
      m.at.line = number;
      m.warning = true;
      err << format_diagnostic(m) << "; the line is skipped\n";
    }
    for (const auto& m : d.warnings()) err << format_diagnostic(m) << '\n';
  }
}

// A file or standard input: JSON Lines if it begins with '{', else one article of plain text.
bool read_input(const std::string& file, BatchCoder& coder, std::ostream& err) {
  const std::string name = input_name(file);
  std::ifstream stream;
  std::istream* in = &std::cin;
  if (!is_standard_input(file)) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
      err << name << ": error: " << (std::filesystem::exists(file, error) ? "not a regular file" : "no such file") << '\n';
      return false;
    }
    stream.open(file, std::ios::binary);
    if (!stream) {
      err << name << ": error: cannot read the file\n";
      return false;
    }
    in = &stream;
  }
  std::string leading;  // kept, so that offsets are the input's
  while (in->good() && std::isspace(in->peek())) leading += static_cast<char>(in->get());
  if (in->peek() == std::char_traits<char>::eof()) {
    err << name << ": warning: no text; nothing to code\n";
    return true;
  }
  if (in->peek() == '{') {
    read_article_stream(*in, name, coder, err);
    return true;
  }
  std::string text;
  InputFile input;
  if (!is_standard_input(file)) input = read_input_file(file);
  if (is_standard_input(file)) {
    text = leading;
    text.append(std::istreambuf_iterator<char>(*in), {});
    if (text.size() > max_input_bytes) {
      err << name << ": error: the article is larger than " << (max_input_bytes >> 20) << " MB\n";
      return false;
    }
  } else if (!input.text) {
    err << name << ": error: " << input.error << '\n';
    return false;
  } else {
    text = *input.text;
  }
  Diagnostics d(name);
  if (!check_text(text, d)) {
    print_diagnostics(d, err);
    return false;
  }
  coder.add({is_standard_input(file) ? std::string("stdin") : std::filesystem::path(file).stem().string(), 0, name, std::move(text), 0});
  return true;
}

int evaluate_gold(const EventDictionaries& dictionaries, const EventsOptions& options, std::ostream& out, std::ostream& err) {
  const InputFile input = read_input_file(options.evaluate);
  const std::string name = input_name(options.evaluate);
  if (!input.text) {
    err << name << ": error: " << input.error << '\n';
    return bad_input;
  }
  Diagnostics d(name);
  const auto gold = read_gold_standard(*input.text, d);
  print_diagnostics(d, err);
  if (!gold) return bad_input;
  const EventCoder coder(dictionaries, {.coreference = false, .require_target = true});
  const Evaluation evaluation = evaluate(coder, *gold, published_cameo_plover());
  if (options.format == "json") out << evaluation_json(evaluation, name).dump(2) << '\n';
  else write_evaluation_text(out, evaluation, name, options.list_wrong);
  return ok;
}

// The dictionaries the options name (or the built-in ones), their problems on `err`; null when
// they do not load.
const EventDictionaries* dictionaries_for(const EventsOptions& options, std::optional<EventDictionaries>& loaded, std::ostream& err) {
  if (options.dictionaries.empty()) return &builtin_event_dictionaries();
  std::vector<Diagnostics> problems;
  std::vector<std::string> notes;
  loaded = load_event_dictionaries(options.dictionaries, problems, notes);
  for (const auto& p : problems) {
    print_diagnostics(p, err);
    for (const auto& w : p.warnings()) err << format_diagnostic(w) << '\n';
  }
  for (const auto& note : notes) err << "statecraft events: note: " << note << '\n';
  return loaded ? &*loaded : nullptr;
}

// Codes every input, handing each article and its events to `sink` in input order.
int code_inputs(const std::vector<std::string>& files, const EventsOptions& options, const EventDictionaries& dictionaries, BatchCoder::Sink sink,
                std::ostream& err, std::size_t part = 0, std::size_t parts = 1) {
  EventDate fallback = today();
  if (!options.date.empty()) {
    const auto date = read_iso_date(options.date);
    if (!date) {
      err << "statecraft: --date '" << options.date << "' is not YYYY-MM-DD\n";
      return bad_input;
    }
    fallback = *date;
  }
  const EventCoder coder(dictionaries);
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  BatchCoder batches(coder, fallback, threads, std::move(sink), part, parts);
  bool all_read = true;
  for (const auto& file : files.empty() ? std::vector<std::string>{"-"} : files) all_read = read_input(file, batches, err) && all_read;
  batches.flush();
  return all_read ? ok : bad_input;
}

// The state each three-letter code names, from the dictionaries' own phrases: the first actor
// entry with that code and no dates (UNITED_STATES_ [USA]: "United States").
std::map<std::string, std::string> state_names(const EventDictionaries& dictionaries) {
  std::map<std::string, std::string> names;
  for (const auto& entry : dictionaries.actors.entries) {
    const std::string party = party_of(entry.default_code);
    if (party != entry.default_code || party.size() < 3 || !entry.dated.empty() || entry.phrases.empty() || names.contains(party)) continue;
    std::string name;
    for (const auto& word : entry.phrases.front().words) {
      std::string w = word;
      if (w.find('.') == std::string::npos)
        for (std::size_t k = 1; k < w.size(); ++k) w[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[k])));
      name += (name.empty() ? "" : " ") + w;
    }
    names[party] = name;
  }
  return names;
}

int summarise(const std::vector<std::string>& files, const EventsOptions& options, const EventDictionaries& dictionaries, std::ostream& out, std::ostream& err) {
  DyadSummary summary(published_goldstein_scale());
  EventDate fallback = options.date.empty() ? today() : read_iso_date(options.date).value_or(0);
  const int status = code_inputs(files, options, dictionaries, [&](const Article& a, const std::vector<CodedEvent>& events) {
    for (const auto& e : events) summary.add(a.date ? a.date : fallback, e);
  }, err);
  if (status != ok) return status;
  const auto rows = summary.rows();
  if (options.format == "svg") out << summary_svg(rows, state_names(dictionaries));
  else if (options.format == "csv") write_summary_csv(out, rows);
  else if (options.format == "text") write_summary_text(out, rows);
  else out << summary_json(rows).dump(2) << '\n';
  return ok;
}

std::string iso_date(EventDate d) { return d ? fmt::format("{:04}-{:02}-{:02}", d / 10000, d / 100 % 100, d % 100) : std::string(); }

}  // namespace

int events(const std::vector<std::string>& files, const EventsOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<EventDictionaries> loaded;
  const EventDictionaries* dictionaries = dictionaries_for(options, loaded, err);
  if (!dictionaries) return bad_input;
  if (!options.evaluate.empty()) return evaluate_gold(*dictionaries, options, out, err);
  if (options.summary) return summarise(files, options, *dictionaries, out, err);
  if (options.format == "svg" || options.format == "json") {
    err << "statecraft events: --format " << options.format << " is for --summary or --evaluate; the events are jsonl, csv or text\n";
    return bad_input;
  }
  EventWriter writer(options.format, out);
  return code_inputs(files, options, *dictionaries, [&](const Article& a, const std::vector<CodedEvent>& e) { writer.write(a, e); }, err);
}

int code_corpus_part(const std::vector<std::string>& files, const EventsOptions& options, std::size_t part, std::size_t parts,
                     std::vector<std::pair<std::size_t, std::string>>& coded, std::ostream& err) {
  std::optional<EventDictionaries> loaded;
  const EventDictionaries* dictionaries = dictionaries_for(options, loaded, err);
  if (!dictionaries) return bad_input;
  std::ostringstream text;
  EventWriter writer("jsonl", text);
  return code_inputs(files, options, *dictionaries, [&](const Article& a, const std::vector<CodedEvent>& e) {
    writer.write(a, e);
    coded.emplace_back(part + coded.size() * parts, text.str());  // the k-th article of this part is the corpus's part + k·parts
    text.str({});
  }, err, part, parts);
}

int draft(const std::vector<std::string>& files, const EventsOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<EventDictionaries> loaded;
  const EventDictionaries* dictionaries = dictionaries_for(options, loaded, err);
  if (!dictionaries) return bad_input;
  std::vector<CodedArticle> articles;
  EventDate latest = 0;
  const int status = code_inputs(files, options, *dictionaries, [&](const Article& a, const std::vector<CodedEvent>& e) {
    const auto first_line = a.text.substr(0, a.text.find('\n'));
    std::string title(trimmed(first_line));
    if (title.size() > 120) title = title.substr(0, 117) + "...";
    std::string id;
    for (char c : a.id) id += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) id = "a" + id;
    articles.push_back({id, title.empty() ? a.id : title, iso_date(a.date), a.text, e, split_sentences(a.text).size()});
    latest = std::max(latest, a.date);
  }, err);
  if (status != ok) return status;
  if (articles.empty()) {
    err << "statecraft draft: no article to sketch a scenario from\n";
    return bad_input;
  }
  const std::string date = latest ? iso_date(latest) : (options.date.empty() ? iso_date(today()) : options.date);
  const Scenario scenario = draft_scenario(articles, state_names(*dictionaries), date);
  out << "# A DRAFT sketched by `statecraft draft` from coded events: every judgment marked DRAFT is a\n"
         "# placeholder for the analyst (capabilities, preferences, the status quo, the games in the summary).\n"
         "# Each option's note cites the sentences it rests on as ev:ARTICLE:SENTENCE.\n"
      << write_scenario_yaml(scenario);
  return ok;
}

namespace {

// The articles coded on the scenario's as-of date, each id the source it is (a scenario of one
// source takes a lone article as it); articles that are none of the sources are left out, warned.
std::optional<std::vector<CodedArticle>> code_as_sources(const Scenario& scenario, const std::vector<std::string>& files, const EventsOptions& options,
                                                         const EventDictionaries& dictionaries, std::ostream& err) {
  EventsOptions dated = options;
  if (dated.date.empty()) dated.date = scenario.date;  // the as-of date decides who held office
  std::vector<CodedArticle> articles;
  const int status = code_inputs(files, dated, dictionaries, [&](const Article& a, const std::vector<CodedEvent>& e) {
    articles.push_back({a.id, a.id, iso_date(a.date), a.text, e, split_sentences(a.text).size()});
  }, err);
  if (status != ok) return std::nullopt;
  std::vector<CodedArticle> sources;
  for (auto& a : articles) {
    const bool named = std::any_of(scenario.sources.begin(), scenario.sources.end(), [&](const Source& s) { return s.id == a.id; });
    if (!named && articles.size() == 1 && scenario.sources.size() == 1) {
      err << "statecraft: note: the one article is read as the scenario's one source, '" << scenario.sources[0].id << "'\n";
      a.id = scenario.sources[0].id;
    } else if (!named) {
      err << "statecraft: warning: article '" << a.id << "' is none of the scenario's sources; name its file after one (" << scenario.sources.size()
          << " listed) or give that id in JSON Lines\n";
      continue;
    }
    sources.push_back(std::move(a));
  }
  return sources;
}

NewsEvidence evidence_of(const Scenario& scenario, const std::vector<CodedArticle>& articles, const EventDictionaries& dictionaries) {
  std::map<std::string, const CodedArticle*> by_source;
  for (const auto& a : articles) by_source[a.id] = &a;
  return gather_evidence(scenario, by_source, state_names(dictionaries));
}

}  // namespace

bool add_news(const Scenario& scenario, const std::vector<std::string>& files, Brief& brief, std::ostream& err) {
  const EventDictionaries& dictionaries = builtin_event_dictionaries();
  const auto articles = code_as_sources(scenario, files, EventsOptions{}, dictionaries, err);
  if (!articles) return false;
  brief.news = news_for_brief(evidence_of(scenario, *articles, dictionaries), {published_cameo_plover(), published_goldstein_scale()});
  return true;
}

int evidence(const std::string& scenario_file, const std::vector<std::string>& files, const EventsOptions& options, std::ostream& out,
             std::ostream& err) {
  LoadResult loaded_scenario = load_scenario_file(scenario_file);
  print_diagnostics(loaded_scenario.diagnostics, err);
  if (!loaded_scenario.scenario) return bad_input;
  const Scenario& scenario = *loaded_scenario.scenario;
  std::optional<EventDictionaries> loaded;  // read once, for the coding and for the states' names
  const EventDictionaries* dictionaries = dictionaries_for(options, loaded, err);
  if (!dictionaries) return bad_input;
  const auto articles = code_as_sources(scenario, files, options, *dictionaries, err);
  if (!articles) return bad_input;
  const NewsEvidence evidence = evidence_of(scenario, *articles, *dictionaries);
  const EventTables tables{published_cameo_plover(), published_goldstein_scale()};
  if (options.format == "json") {
    out << evidence_json(evidence, tables).dump(2) << '\n';
  } else {
    out << fmt::format("Evidence for {} from {} article{}.\n\n", input_name(scenario_file), articles->size(), articles->size() == 1 ? "" : "s");
    write_evidence_text(out, evidence, tables);
  }
  return ok;
}

}  // namespace statecraft::cli
