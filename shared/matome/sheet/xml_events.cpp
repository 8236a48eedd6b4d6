#include "matome/sheet/xml_events.h"

#include <expat.h>

#include <memory>

namespace matome::sheet {
namespace {

std::string_view local_name(const char* name) {
  std::string_view n(name);
  if (auto colon = n.rfind(':'); colon != std::string_view::npos) n.remove_prefix(colon + 1);
  return n;
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  const auto* h = static_cast<const xml_handler*>(data);
  if (!h->start) return;
  std::vector<xml_attribute> attributes;
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    attributes.push_back({local_name(attrs[i]), attrs[i + 1]});
  }
  h->start(local_name(name), attributes);
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  const auto* h = static_cast<const xml_handler*>(data);
  if (h->end) h->end(local_name(name));
}

void XMLCALL on_text(void* data, const XML_Char* text, int length) {
  const auto* h = static_cast<const xml_handler*>(data);
  if (h->text) h->text(std::string_view(text, static_cast<std::size_t>(length)));
}

}  // namespace

result<void> parse_xml(std::string_view document, std::string_view part, const xml_handler& h) {
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate("UTF-8"),
                                                                 XML_ParserFree);
  if (!parser) return make_error(errc::storage, "out of memory for the XML parser");
  XML_SetUserData(parser.get(), const_cast<xml_handler*>(&h));
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  constexpr std::size_t chunk = 1 << 20;  // expat takes int lengths
  std::size_t offset = 0;
  do {
    const std::size_t n = std::min(chunk, document.size() - offset);
    const bool last = offset + n == document.size();
    if (XML_Parse(parser.get(), document.data() + offset, static_cast<int>(n), last) ==
        XML_STATUS_ERROR) {
      return make_error(errc::invalid_argument,
                        "XLSX の " + std::string(part) + " が壊れています (" +
                            XML_ErrorString(XML_GetErrorCode(parser.get())) + ", " +
                            std::to_string(XML_GetCurrentLineNumber(parser.get())) + " 行目)。");
    }
    offset += n;
  } while (offset < document.size());
  return {};
}

std::string_view attribute(const std::vector<xml_attribute>& attributes, std::string_view name) {
  for (const auto& a : attributes) {
    if (a.name == name) return a.value;
  }
  return {};
}

}  // namespace matome::sheet
