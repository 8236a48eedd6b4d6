// The HTTP(S) transport: the JSON API's sync calls over http_client, which
// keeps its connections open between them.
#include "matome/client/http_client.h"
#include "matome/client/transport.h"
#include "matome/util/rapidjson.h"
#include "matome/wire/codec.h"
#include "matome/wire/push_answer.h"
#include "matome/wire/push_encode.h"

namespace matome::client {
namespace {

// An answer the client cannot read: a proxy that mangled it, a corrupt
// disk, a server of another make. The user learns that nothing of theirs
// was lost and what to do; `what` (the decoder's words) is for whoever
// looks into it.
error unreadable_answer(std::string_view what) {
  return {errc::invalid_argument,
          "サーバーの応答を読み取れませんでした。この端末の変更はそのまま端末に残っています。"
          "もう一度同期し、続くときはサーバーの管理者に知らせてください（途中のプロキシや、"
          "サーバーの版が合っていないことがあります）。詳細: " +
              std::string(what)};
}

// A decoded answer, or the decoder's refusal said as above. (A newer
// protocol keeps its own advice: update the app.)
template <class Message>
result<Message> readable(result<Message> decoded) {
  if (!decoded && decoded.error().code == errc::invalid_argument)
    return unreadable_answer(decoded.error().message);
  return decoded;
}

class http_transport final : public transport {
 public:
  explicit http_transport(http_client client) : client_(std::move(client)) {}

  result<server_view> view(std::int64_t cursor) override {
    auto a = client_.request("GET", "/api/v1/me?cursor=" + std::to_string(cursor), {}, true);
    if (!a) return a.error();
    rapidjson::Document doc;
    parse_json(doc, a->body);
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("user") ||
        !doc["user"].IsObject() || !doc["user"].HasMember("role") ||
        !doc["user"]["role"].IsString()) {
      return unreadable_answer("the answer to /api/v1/me has no user and role");
    }
    const auto& user = doc["user"];
    server_view out;
    if (doc.HasMember("timeline") && doc["timeline"].IsString())
      out.timeline = doc["timeline"].GetString();
    if (doc.HasMember("last_seq") && doc["last_seq"].IsInt64())
      out.last_seq = doc["last_seq"].GetInt64();
    auto role = parse_role(user["role"].GetString());
    if (!role) return role.error();
    out.role = *role;
    if (user.HasMember("department") && user["department"].IsObject() &&
        user["department"].HasMember("id") && user["department"]["id"].IsInt64()) {
      out.department_id = user["department"]["id"].GetInt64();
    }
    return out;
  }

  result<wire::plan_snapshot> snapshot(record_id plan_id) override {
    auto a = client_.request("GET", "/api/v1/plans/" + std::to_string(plan_id), {}, true);
    if (!a) return a.error();
    return readable(wire::decode<wire::plan_snapshot>(a->body, wire::format::binary));
  }

  result<wire::push_response> push(const wire::push_request& request) override {
    auto a =
        client_.request("POST", "/api/v1/plans/" + std::to_string(request.plan_id) + "/changes",
                        wire::encode_push_request(request), true);
    if (!a) return a.error();
    return readable(wire::decode_push_answer(a->body));
  }

  result<wire::pull_page> pull(record_id plan_id, std::int64_t since, std::size_t limit) override {
    auto a = client_.request("GET",
                             "/api/v1/plans/" + std::to_string(plan_id) + "/changes?since=" +
                                 std::to_string(since) + "&limit=" + std::to_string(limit),
                             {}, true);
    if (!a) return a.error();
    return readable(wire::decode<wire::pull_page>(a->body, wire::format::binary));
  }

  result<wire::action_response> push_actions(const wire::action_request& request) override {
    auto a =
        client_.request("POST", "/api/v1/plans/" + std::to_string(request.plan_id) + "/actions",
                        wire::encode(request, wire::format::json), true);
    if (!a) return a.error();
    return readable(wire::decode<wire::action_response>(a->body, wire::format::binary));
  }

 private:
  http_client client_;
};

}  // namespace

result<server_address> parse_server_url(std::string_view url) {
  server_address a;
  if (url.starts_with("https://")) {
    a.tls = true;
    url.remove_prefix(8);
  } else if (url.starts_with("http://")) {
    url.remove_prefix(7);
  } else {
    return make_error(
        errc::invalid_argument,
        "サーバーのアドレスは http:// か https:// で始めてください（例: http://127.0.0.1:8750）。");
  }
  while (url.ends_with('/')) url.remove_suffix(1);
  const auto colon = url.rfind(':');
  if (colon == std::string_view::npos) {
    a.host = std::string(url);
    a.port = a.tls ? "443" : "80";
  } else {
    a.host = std::string(url.substr(0, colon));
    a.port = std::string(url.substr(colon + 1));
  }
  if (a.host.empty() || a.port.empty())
    return make_error(
        errc::invalid_argument,
        "サーバーのアドレスが読めません。http://ホスト名:ポート の形で入力してください"
        "（例: https://matome.city.local）。");
  return a;
}

result<signed_in> sign_in(const std::string& server_url, const std::string& login,
                          const std::string& password, const std::string& device,
                          const std::string& device_public_key) {
  auto address = parse_server_url(server_url);
  if (!address) return address.error();
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("login");
  w.String(login.c_str());
  w.Key("password");
  w.String(password.c_str());
  w.Key("device");
  w.String(device.c_str());
  if (!device_public_key.empty()) {
    w.Key("public_key");
    w.String(device_public_key.c_str());
  }
  w.EndObject();
  http_client client(*address, {}, std::chrono::seconds(30), {});
  auto a = client.request("POST", "/api/v1/login", buffer.GetString());
  if (!a) return a.error();
  rapidjson::Document doc;
  parse_json(doc, a->body);
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("token") || !doc.HasMember("user")) {
    return unreadable_answer("the answer to /api/v1/login has no token and user");
  }
  signed_in out;
  out.token = doc["token"].GetString();
  if (doc.HasMember("server_key") && doc["server_key"].IsString())
    out.server_key = doc["server_key"].GetString();
  const auto& user = doc["user"];
  out.user = user["login"].GetString();
  const auto user_role = parse_role(user["role"].GetString());
  out.role = user_role ? *user_role : role::member;
  if (user["department"].IsObject()) out.department_id = user["department"]["id"].GetInt64();

  http_client authed(*address, out.token, std::chrono::seconds(30), {});
  auto plans = authed.request("GET", "/api/v1/plans");
  if (!plans) return plans.error();
  rapidjson::Document list;
  parse_json(list, plans->body);
  if (!list.HasParseError() && list.IsArray()) {
    for (const auto& p : list.GetArray()) out.plan_ids.push_back(p["id"].GetInt64());
  }
  return out;
}

std::unique_ptr<transport> make_http_transport(const std::string& server_url,
                                               const std::string& token,
                                               std::chrono::seconds timeout,
                                               const std::string& ca_file) {
  auto address = parse_server_url(server_url).value();
  return std::make_unique<http_transport>(http_client(std::move(address), token, timeout, ca_file));
}

result<std::string> call_api(const std::string& server_url, const std::string& token,
                             const std::string& method, const std::string& target,
                             const std::string& body) {
  auto address = parse_server_url(server_url);
  if (!address) return address.error();
  http_client client(*address, token, std::chrono::seconds(60), {});
  auto a = client.request(method, target, body);
  if (!a) return a.error();
  return std::move(a->body);
}

}  // namespace matome::client
