// The HTTP(S) transport: one request at a time, each on its own io_context
// run to completion, so callers see a blocking call (sync runs on its own
// thread in the Qt client and in the foreground in matome-cli). The steps
// are asynchronous inside because Beast's deadline (expires_after) bounds
// only asynchronous operations: a blocking read from a server that took the
// connection but never answers would wait forever.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>

#include "matome/client/transport.h"
#include "matome/util/rapidjson.h"
#include "matome/wire/codec.h"

namespace matome::client {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// What went wrong on the way to the server, for the user: the socket
// library's own words are English ("Host not found (authoritative)").
std::string network_problem(const boost::system::error_code& ec) {
  namespace e = asio::error;
  if (ec == e::connection_refused)
    return "接続を拒否されました。サーバーが止まっているか、アドレスのポート番号が違います";
  if (ec == e::host_not_found || ec == e::host_not_found_try_again || ec == e::no_data)
    return "サーバー名が見つかりません。アドレスのつづりと、ネットワークへの接続を確かめてください";
  if (ec == e::timed_out || ec == beast::error::timeout) return "応答がありません（時間切れ）";
  if (ec == e::network_unreachable || ec == e::host_unreachable || ec == e::network_down)
    return "ネットワークにつながっていません";
  if (ec == e::connection_reset || ec == e::broken_pipe || ec == e::eof ||
      ec == e::connection_aborted || ec == http::error::end_of_stream)
    return "接続が途中で切れました";
  return "通信エラー: " + ec.message();
}

struct answer {
  int status = 0;
  std::string body;
};

constexpr std::string_view binary_type = "application/x-matome-binary";

template <class Stream>
asio::awaitable<answer> exchange(Stream& stream, http::request<http::string_body>& req) {
  co_await http::async_write(stream, req, asio::use_awaitable);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(1024 * 1024 * 1024);
  co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
  auto res = parser.release();
  co_return answer{static_cast<int>(res.result_int()), std::move(res.body())};
}

// Runs one request's steps to the end on `io`; a failed step's error is
// thrown as boost::system::system_error, as the blocking calls did.
answer run_to_end(asio::io_context& io, asio::awaitable<answer> steps) {
  std::optional<answer> got;
  std::exception_ptr failed;
  asio::co_spawn(io, std::move(steps), [&](std::exception_ptr e, answer a) {
    if (e) {
      failed = e;
    } else {
      got = std::move(a);
    }
  });
  io.run();
  if (failed) std::rethrow_exception(failed);
  return std::move(*got);
}

// The server's {"error","message"} as a matome::error.
error server_error(const answer& a) {
  rapidjson::Document doc;
  parse_json(doc, a.body);
  if (!doc.HasParseError() && doc.IsObject() && doc.HasMember("error") && doc["error"].IsString() &&
      doc.HasMember("message") && doc["message"].IsString()) {
    return {parse_errc(doc["error"].GetString()), doc["message"].GetString()};
  }
  return {errc::storage,
          "the server answered HTTP " + std::to_string(a.status) + " without an explanation"};
}

class http_client {
 public:
  http_client(server_address address, std::string token, std::chrono::seconds timeout,
              std::string ca_file)
      : address_(std::move(address)),
        token_(std::move(token)),
        timeout_(timeout),
        ca_file_(std::move(ca_file)) {}

  result<answer> request(http::verb method, const std::string& target, const std::string& body = {},
                         bool binary = false) {
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, address_.host);
    req.set(http::field::user_agent, "matome-client");
    if (!token_.empty()) req.set(http::field::authorization, "Bearer " + token_);
    if (binary) req.set(http::field::accept, binary_type);
    if (!body.empty()) req.set(http::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
    try {
      asio::io_context io;
      tcp::resolver resolver(io);
      const auto endpoints = resolver.resolve(address_.host, address_.port);
      answer a;
      if (address_.tls) {
        asio::ssl::context tls(asio::ssl::context::tls_client);
        if (ca_file_.empty()) {
          tls.set_default_verify_paths();
        } else {
          tls.load_verify_file(ca_file_);
        }
        tls.set_verify_mode(asio::ssl::verify_peer);
        beast::ssl_stream<beast::tcp_stream> stream(io, tls);
        // SNI; SSL_set_tlsext_host_name() is a macro with a C cast, so spelled out.
        SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 static_cast<void*>(const_cast<char*>(address_.host.c_str())));
        stream.set_verify_callback(asio::ssl::host_name_verification(address_.host));
        auto& tcp_layer = beast::get_lowest_layer(stream);
        // Named, so the closure the coroutine refers to outlives it.
        auto steps = [&]() -> asio::awaitable<answer> {
          tcp_layer.expires_after(timeout_);
          co_await tcp_layer.async_connect(endpoints, asio::use_awaitable);
          tcp_layer.expires_after(timeout_);
          co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
          tcp_layer.expires_after(timeout_);
          co_return co_await exchange(stream, req);
        };
        a = run_to_end(io, steps());
      } else {
        beast::tcp_stream stream(io);
        auto steps = [&]() -> asio::awaitable<answer> {
          stream.expires_after(timeout_);
          co_await stream.async_connect(endpoints, asio::use_awaitable);
          stream.expires_after(timeout_);
          co_return co_await exchange(stream, req);
        };
        a = run_to_end(io, steps());
      }
      if (a.status >= 400) return server_error(a);
      return a;
    } catch (const boost::system::system_error& e) {
      const std::string server = address_.host + ":" + address_.port;
      if (e.code().category() == asio::error::get_ssl_category()) {
        // Reached, but not trusted: waiting for the network would not help.
        return make_error(errc::unreachable,
                          "サーバー " + server + " の証明書を確認できません（" +
                              e.code().message() +
                              "）。この端末がサーバーの証明書（またはその発行元）を信頼するよう、"
                              "管理者に設定してもらってください。");
      }
      return make_error(errc::unreachable,
                        "サーバー " + server + " に接続できません（" + network_problem(e.code()) +
                            "）。ネットワークがつながってから同期してください。");
    }
  }

 private:
  server_address address_;
  std::string token_;
  std::chrono::seconds timeout_;
  std::string ca_file_;
};

class http_transport final : public transport {
 public:
  explicit http_transport(http_client client) : client_(std::move(client)) {}

  result<server_view> view(std::int64_t cursor) override {
    auto a =
        client_.request(http::verb::get, "/api/v1/me?cursor=" + std::to_string(cursor), {}, true);
    if (!a) return a.error();
    rapidjson::Document doc;
    parse_json(doc, a->body);
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("user") ||
        !doc["user"].IsObject() || !doc["user"].HasMember("role") ||
        !doc["user"]["role"].IsString()) {
      return make_error(errc::invalid_argument,
                        "the server's answer to /api/v1/me is not understood");
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
    auto a = client_.request(http::verb::get, "/api/v1/plans/" + std::to_string(plan_id), {}, true);
    if (!a) return a.error();
    return wire::decode<wire::plan_snapshot>(a->body, wire::format::binary);
  }

  result<wire::push_response> push(const wire::push_request& request) override {
    auto a = client_.request(http::verb::post,
                             "/api/v1/plans/" + std::to_string(request.plan_id) + "/changes",
                             wire::encode(request, wire::format::json), true);
    if (!a) return a.error();
    return wire::decode<wire::push_response>(a->body, wire::format::binary);
  }

  result<wire::pull_page> pull(record_id plan_id, std::int64_t since, std::size_t limit) override {
    auto a = client_.request(http::verb::get,
                             "/api/v1/plans/" + std::to_string(plan_id) + "/changes?since=" +
                                 std::to_string(since) + "&limit=" + std::to_string(limit),
                             {}, true);
    if (!a) return a.error();
    return wire::decode<wire::pull_page>(a->body, wire::format::binary);
  }

  result<wire::action_response> push_actions(const wire::action_request& request) override {
    auto a = client_.request(http::verb::post,
                             "/api/v1/plans/" + std::to_string(request.plan_id) + "/actions",
                             wire::encode(request, wire::format::json), true);
    if (!a) return a.error();
    return wire::decode<wire::action_response>(a->body, wire::format::binary);
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
  auto a = client.request(http::verb::post, "/api/v1/login", buffer.GetString());
  if (!a) return a.error();
  rapidjson::Document doc;
  parse_json(doc, a->body);
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("token") || !doc.HasMember("user")) {
    return make_error(errc::invalid_argument, "the server's answer to login is not understood");
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
  auto plans = authed.request(http::verb::get, "/api/v1/plans");
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
  auto a = client.request(http::string_to_verb(method), target, body);
  if (!a) return a.error();
  return std::move(a->body);
}

}  // namespace matome::client
