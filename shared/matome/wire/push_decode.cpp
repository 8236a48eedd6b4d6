#include "matome/wire/push_decode.h"

#include <optional>
#include <string>

#include "matome/util/rapidjson.h"
#include "matome/wire/codec.h"

namespace matome::wire {
namespace {

using value = rapidjson::Value;
using member = value::ConstMemberIterator;

// The member at `at` is `name`; moves past it.
const value* take(member& at, member end, std::string_view name) {
  if (at == end || std::string_view(at->name.GetString(), at->name.GetStringLength()) != name)
    return nullptr;
  return &(at++)->value;
}

// As cereal reads a string: up to a first NUL ("\u0000"), if any.
std::optional<std::string> text(const value* v) {
  if (v == nullptr || !v->IsString()) return std::nullopt;
  return std::string(v->GetString());
}

// {"item", "department", "year", "field"}, as cereal writes a cell_key.
bool read_key(const value& v, cell_key& key) {
  if (!v.IsObject() || v.MemberCount() != 4) return false;
  auto at = v.MemberBegin();
  const auto end = v.MemberEnd();
  const value* item = take(at, end, "item");
  const value* department = take(at, end, "department");
  const value* year = take(at, end, "year");
  auto field = text(take(at, end, "field"));
  if (!item || !item->IsInt64() || !department || !department->IsInt64() || !year ||
      !year->IsInt() || !field)
    return false;
  key = {item->GetInt64(), department->GetInt64(), year->GetInt(), std::move(*field)};
  return true;
}

// {"change_id", "cell", "base_version", "value"}, as cereal writes a cell_change.
bool read_change(const value& v, cell_change& c) {
  if (!v.IsObject() || v.MemberCount() != 4) return false;
  auto at = v.MemberBegin();
  const auto end = v.MemberEnd();
  auto id = text(take(at, end, "change_id"));
  const value* key = take(at, end, "cell");
  const value* base = take(at, end, "base_version");
  auto content = text(take(at, end, "value"));
  if (!id || !key || !read_key(*key, c.key) || !base || !base->IsInt64() || !content) return false;
  c.change_id = std::move(*id);
  c.base_version = base->GetInt64();
  c.value = std::move(*content);
  return true;
}

// The body as Matome's client lays it out, or nothing.
std::optional<push_request> read_canonical(std::string_view body) {
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError() || !doc.IsObject()) return std::nullopt;
  const value& root = doc;
  const auto count = root.MemberCount();
  if (count != 3 && count != 4) return std::nullopt;
  auto at = root.MemberBegin();
  const auto end = root.MemberEnd();
  const value* protocol = take(at, end, "protocol");
  const value* plan = take(at, end, "plan");
  const value* changes = take(at, end, "changes");
  if (!protocol || !protocol->IsInt() || !plan || !plan->IsInt64() || !changes ||
      !changes->IsArray())
    return std::nullopt;
  push_request out;
  out.protocol = protocol->GetInt();
  out.plan_id = plan->GetInt64();
  if (count == 4) {
    auto timeline = text(take(at, end, "timeline"));
    if (!timeline) return std::nullopt;
    out.timeline = std::move(*timeline);
  }
  out.changes.resize(changes->Size());
  for (rapidjson::SizeType i = 0; i < changes->Size(); ++i)
    if (!read_change((*changes)[i], out.changes[i])) return std::nullopt;
  return out;
}

}  // namespace

result<push_request> decode_push_request(std::string_view body) {
  // The checks decode() makes before parsing, for the same reasons.
  if (check_json_message(body)) {
    std::optional<push_request> fast;
    try {
      fast = read_canonical(body);
    } catch (const std::exception&) {
      fast.reset();  // rapidjson's assertion: decode() says what is wrong
    }
    if (fast) {
      if (auto ok = check_protocol(fast->protocol); !ok) return ok.error();
      return std::move(*fast);
    }
  }
  return decode<push_request>(body, format::json);
}

}  // namespace matome::wire
