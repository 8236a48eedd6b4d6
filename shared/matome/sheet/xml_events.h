#pragma once
// A thin wrapper over expat: the XLSX reader wants start tags, end tags and
// text, with namespace prefixes dropped ("x:row" and "row" are the same).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/error.h"

namespace matome::sheet {

struct xml_attribute {
  std::string_view name;  // without prefix
  std::string_view value;
};

struct xml_handler {
  std::function<void(std::string_view name, const std::vector<xml_attribute>& attributes)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;
};

// Parses the whole document; an error names `part` and the line.
result<void> parse_xml(std::string_view document, std::string_view part, const xml_handler& h);

// The attribute's value, or "" when it is absent.
std::string_view attribute(const std::vector<xml_attribute>& attributes, std::string_view name);

}  // namespace matome::sheet
