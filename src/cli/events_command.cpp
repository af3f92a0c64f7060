// statecraft events: articles in, coded events out (docs/events.md).

#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <istream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

#include "cli/commands.hpp"
#include "events/coder.hpp"
#include "events/evaluation.hpp"
#include "formats/cameo_plover.hpp"
#include "formats/event_dictionaries.hpp"
#include "formats/event_records.hpp"
#include "report/events_report.hpp"
#include "scenario/input_file.hpp"
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
    count_ += events.size();
  }
  std::size_t count() const { return count_; }

 private:
  const std::string& format_;
  std::ostream& out_;
  EventTables tables_{published_cameo_plover(), published_goldstein_scale()};
  bool header_ = false;
  std::size_t count_ = 0;
};

// Codes a batch on every thread, then writes it in input order: the output is the one thread's.
class BatchCoder {
 public:
  BatchCoder(const EventCoder& coder, EventDate fallback_date, unsigned threads, EventWriter& writer)
      : coder_(coder), fallback_(fallback_date), threads_(threads), writer_(writer) {}

  void add(Article article) {
    batch_.push_back(std::move(article));
    ++articles_;
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
    for (std::size_t k = 0; k < batch_.size(); ++k) writer_.write(batch_[k], coded[k]);
    batch_.clear();
  }
  std::size_t articles() const { return articles_; }

 private:
  const EventCoder& coder_;
  EventDate fallback_;
  unsigned threads_;
  EventWriter& writer_;
  std::vector<Article> batch_;
  std::size_t articles_ = 0;
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

}  // namespace

int events(const std::vector<std::string>& files, const EventsOptions& options, std::ostream& out, std::ostream& err) {
  std::optional<EventDictionaries> loaded;
  if (!options.dictionaries.empty()) {
    std::vector<Diagnostics> problems;
    std::vector<std::string> notes;
    loaded = load_event_dictionaries(options.dictionaries, problems, notes);
    for (const auto& p : problems) {
      print_diagnostics(p, err);
      for (const auto& w : p.warnings()) err << format_diagnostic(w) << '\n';
    }
    for (const auto& note : notes) err << "statecraft events: note: " << note << '\n';
    if (!loaded) return bad_input;
  }
  const EventDictionaries& dictionaries = loaded ? *loaded : builtin_event_dictionaries();
  if (!options.evaluate.empty()) return evaluate_gold(dictionaries, options, out, err);

  EventDate fallback = today();
  if (!options.date.empty()) {
    const auto date = read_iso_date(options.date);
    if (!date) {
      err << "statecraft events: --date '" << options.date << "' is not YYYY-MM-DD\n";
      return bad_input;
    }
    fallback = *date;
  }
  const EventCoder coder(dictionaries);
  EventWriter writer(options.format, out);
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  BatchCoder batches(coder, fallback, threads, writer);
  bool all_read = true;
  for (const auto& file : files.empty() ? std::vector<std::string>{"-"} : files) all_read = read_input(file, batches, err) && all_read;
  batches.flush();
  return all_read ? ok : bad_input;
}

}  // namespace statecraft::cli
