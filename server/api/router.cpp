#include "api/router.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <exception>
#include <utility>

#include "api/json.h"
#include "matome/store/schema.h"
#include "matome/store/sqlite.h"

namespace matome::server {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
  }
  return parts;
}

std::optional<std::map<std::string, std::string>> match(std::string_view pattern,
                                                        std::string_view path) {
  const auto want = split_path(pattern);
  const auto have = split_path(path);
  if (want.size() != have.size()) return std::nullopt;
  std::map<std::string, std::string> params;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].starts_with('{')) {
      params.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::string(have[i]));
    } else if (want[i] != have[i]) {
      return std::nullopt;
    }
  }
  return params;
}

api_response error_response(const error& e) {
  api_response r = json_response(json::error_body(e), http_status(e.code));
  if (e.code == errc::unauthenticated) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

}  // namespace

int http_status(errc code) {
  switch (code) {
    case errc::invalid_argument:
      return 400;
    case errc::unauthenticated:
      return 401;
    case errc::forbidden:
      return 403;
    case errc::not_found:
      return 404;
    case errc::locked:
    case errc::illegal_transition:
    case errc::stale:
      return 409;
    case errc::too_large:
      return 413;
    case errc::invalid_value:
      return 422;
    case errc::unsupported_version:
      return 426;
    case errc::throttled:
      return 429;
    case errc::storage:
    case errc::unreachable:
      return 503;
  }
  return 500;
}

api_response json_response(std::string body, int status) {
  api_response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

result<std::int64_t> int_param(const request_context& ctx, const std::string& name) {
  const auto& text = ctx.params.at(name);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return make_error(errc::not_found, "\"" + text + "\" is not a valid " + name + " id");
  }
  return value;
}

result<std::int64_t> query_int(const api_request& r, const std::string& name,
                               std::int64_t fallback) {
  auto it = r.query.find(name);
  if (it == r.query.end()) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  if (ec != std::errc{} || end != it->second.data() + it->second.size()) {
    return make_error(errc::invalid_argument, "query parameter " + name + " must be an integer");
  }
  return value;
}

bool wants_binary(const api_request& r) {
  return r.accept.find(binary_media_type) != std::string::npos;
}

router::router(store& s, body_encoding bodies) : store_(s), bodies_(bodies) {
  add_session_routes(routes_, by_login_, by_peer_);
  add_sync_routes(routes_);
  add_workflow_routes(routes_);
  add_report_routes(routes_);
  add_import_routes(routes_);
}

result<session> router::authenticate(const api_request& request) {
  constexpr std::string_view bearer = "Bearer ";
  std::string_view token;
  if (request.authorization.starts_with(bearer)) {
    token = std::string_view(request.authorization).substr(bearer.size());
  } else if (auto it = request.query.find("token"); it != request.query.end()) {
    token = it->second;  // WebSocket clients in browsers cannot set headers
  }
  if (token.empty()) {
    return make_error(errc::unauthenticated,
                      "サインインが必要です。Authorization: Bearer <token> を付けてください。");
  }
  return authenticate_token(store_, token);
}

result<const plan_index*> router::plan_for(std::string_view id_text) {
  record_id id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc{} || end != id_text.data() + id_text.size()) {
    return make_error(errc::not_found, "計画 \"" + std::string(id_text) + "\" はありません。");
  }
  const auto version = store_.structure_version(id);
  if (version == 0)
    return make_error(errc::not_found, "計画 " + std::string(id_text) + " はありません。");
  auto it = plans_.find(id);
  if (it == plans_.end() || it->second.first != version) {
    auto index = store_.load_plan_index(id);
    if (!index) return index.error();
    it = plans_.insert_or_assign(id, std::make_pair(version, std::move(*index))).first;
  }
  return &it->second.second;
}

result<api_response> router::dispatch(const api_request& request, std::string& user,
                                      std::string_view& route) {
  bool path_known = false;
  for (const auto& r : routes_) {
    auto params = match(r.pattern, request.path);
    if (!params) continue;
    path_known = true;
    if (r.method != request.method) continue;
    route = r.pattern;

    request_context ctx{
        request, store_, std::nullopt, std::move(*params), nullptr, later_ ? &later_ : nullptr};
    if (r.need != access::open) {
      auto who = authenticate(request);
      if (!who) return who.error();
      ctx.who = std::move(*who);
      user = ctx.who->user.login;
      const role role = ctx.who->user.role;
      if (r.need == access::coordinator && role != role::coordinator) {
        return make_error(errc::forbidden, "この操作は取りまとめ担当だけができます。");
      }
      if (r.need == access::admin && role != role::admin) {
        return make_error(errc::forbidden, "この操作は管理者だけができます。");
      }
    }
    if (auto plan = ctx.params.find("plan"); plan != ctx.params.end()) {
      auto index = plan_for(plan->second);
      if (!index) return index.error();
      ctx.plan = *index;
    }
    return r.handler(ctx);
  }
  if (path_known) {
    json::writer w;
    w.begin_object().member("error", "method_not_allowed");
    w.member("message", "method " + request.method + " is not allowed on " + request.path)
        .end_object();
    return json_response(w.str(), 405);
  }
  return make_error(errc::not_found, "no API endpoint at " + request.path + " (see docs/api.md)");
}

namespace {

// A bug or a storage failure: the detail (SQL, paths) goes to the log, the
// client gets an answer it can act on.
api_response internal_error(const api_request& request, const std::exception& e) {
  spdlog::error("{} {}: {}", request.method, request.path, e.what());
  return error_response({errc::storage,
                         "サーバーで内部エラーが起きました。変更は適用されていません。"
                         "管理者にサーバーのログを確認してもらってください。"});
}

// The disk is full: nothing was applied, and the sender can do nothing but
// wait for an administrator to make room.
api_response disk_full_error(const api_request& request, const std::exception& e) {
  spdlog::error("{} {}: the disk is full, changes are refused until there is room: {}",
                request.method, request.path, e.what());
  return error_response(
      {errc::storage,
       "サーバーのディスクに空きがありません。変更は適用されていません"
       "（送った変更はこの端末に残っています）。管理者に空きを作ってもらってから、"
       "もう一度同期してください。"});
}

}  // namespace

api_response router::handle(const api_request& request) {
  std::string user;
  std::string_view route;
  api_response response;
  try {
    auto handled = dispatch(request, user, route);
    response = handled ? std::move(*handled) : error_response(handled.error());
  } catch (const std::exception&) {
    response = failure_response(request, std::current_exception());
  }
  if (response.user.empty()) response.user = user;
  response.route = route;
  if (bodies_ == body_encoding::in_handle) render_body(request, response);
  return response;
}

void render_body(const api_request& request, api_response& response) {
  if (!response.encode_body) return;
  const auto encode = std::exchange(response.encode_body, nullptr);
  try {
    response.body = encode();
  } catch (const std::exception& e) {
    // The request's work is done (a push is committed): only its answer is
    // lost. Sent again, a push gets its stored outcomes, never applied twice.
    spdlog::error("{} {}: the answer could not be encoded: {}", request.method, request.path,
                  e.what());
    auto failed = error_response({errc::storage,
                                  "サーバーが応答を作れませんでした。もう一度同期してください"
                                  "（送った変更が二重に適用されることはありません）。"});
    failed.user = std::move(response.user);
    failed.route = response.route;
    response = std::move(failed);
  }
}

api_response router::failure_response(const api_request& request, std::exception_ptr failed) {
  try {
    std::rethrow_exception(failed);
  } catch (const sqlite::disk_full& full) {
    return disk_full_error(request, full);
  } catch (const failure& f) {
    return f.code() == errc::storage ? internal_error(request, f)
                                     : error_response({f.code(), f.what()});
  } catch (const std::exception& e) {
    return internal_error(request, e);
  }
}

}  // namespace matome::server
