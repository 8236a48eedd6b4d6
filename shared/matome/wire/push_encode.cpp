#include "matome/wire/push_encode.h"

#include "matome/util/rapidjson.h"

namespace matome::wire {
namespace {

using json_writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_text(json_writer& w, std::string_view text) {
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

// In the order serialize.h gives cereal, member for member.
void write_change(json_writer& w, const cell_change& c) {
  w.StartObject();
  w.Key("change_id");
  write_text(w, c.change_id);
  w.Key("cell");
  w.StartObject();
  w.Key("item");
  w.Int64(c.key.item_id);
  w.Key("department");
  w.Int64(c.key.department_id);
  w.Key("year");
  w.Int(c.key.year);
  w.Key("field");
  write_text(w, c.key.field);
  w.EndObject();
  w.Key("base_version");
  w.Int64(c.base_version);
  w.Key("value");
  write_text(w, c.value);
  w.EndObject();
}

}  // namespace

std::string encode_push_request(const push_request& request) {
  rapidjson::StringBuffer buffer;
  json_writer w(buffer);
  w.StartObject();
  w.Key("protocol");
  w.Int(request.protocol);
  w.Key("plan");
  w.Int64(request.plan_id);
  w.Key("changes");
  w.StartArray();
  for (const auto& c : request.changes) write_change(w, c);
  w.EndArray();
  w.Key("timeline");
  write_text(w, request.timeline);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace matome::wire
