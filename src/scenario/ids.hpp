#pragma once
// Ids for data imported from other tools, whose names need not follow the scenario language's
// id rules.

#include <string>
#include <vector>

#include "scenario/model.hpp"

namespace statecraft {

// Names upper-cased, other characters as '_', cut to 8 characters, when they all make valid,
// distinct actor ids (at least 2 characters, starting with a letter); otherwise A001, A002, ...
std::vector<std::string> actor_ids_from_names(const std::vector<std::string>& names);

// A plain id from a name: lower case, other characters as '_'; "dimN…" when it would not start
// with a letter or digit.
std::string issue_id_from_name(const std::string& name, std::size_t index);

// A number as an importer writes it: shortest text that reads back to the same double.
Number number_of(double value);

}  // namespace statecraft
