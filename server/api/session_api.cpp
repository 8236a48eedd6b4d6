// Health, login, who-am-I and the list of plans.
#include <filesystem>

#include "api/json.h"
#include "api/router.h"
#include "matome/auth/password.h"
#include "matome/store/schema.h"
#include "matome/wire/messages.h"
#include "sync/timeline_check.h"

#ifndef MATOME_VERSION
#define MATOME_VERSION "0.0.0"
#endif

namespace matome::server {
namespace {

void write_user(json::writer& w, store& s, const user_account& u) {
  w.begin_object()
      .member("login", u.login)
      .member("name", u.display_name)
      .member("role", to_string(u.role));
  w.key("department");
  if (u.department_id == 0) {
    w.raw().Null();
  } else {
    w.begin_object().member("id", u.department_id);
    for (const auto& d : s.departments()) {
      if (d.id == u.department_id) w.member("code", d.code).member("name", d.name);
    }
    w.end_object();
  }
  w.end_object();
}

result<api_response> health(request_context& ctx) {
  json::writer w;
  w.begin_object()
      .member("status", "ok")
      .member("version", MATOME_VERSION)
      .member("protocol", wire::protocol)
      .member("min_protocol", wire::min_protocol)
      .member("schema", schema_version_of(ctx.db.db()))
      .member("database_bytes", ctx.db.database_bytes())
      .end_object();
  return json_response(w.str());
}

result<api_response> login(request_context& ctx, login_throttle& by_login,
                           login_throttle& by_peer) {
  auto body = json::parse_object(ctx.request.body);
  if (!body) return body.error();
  auto name = json::required_string(*body, "login");
  if (!name) return name.error();
  auto password = json::required_string(*body, "password");
  if (!password) return password.error();
  auto device = json::required_string(*body, "device");
  if (!device) return device.error();
  auto public_key = json::optional_string(*body, "public_key");
  if (!public_key) return public_key.error();

  if (auto wait = by_login.check(*name); !wait) return wait.error();
  if (auto wait = by_peer.check(ctx.request.peer); !wait) return wait.error();

  auto user = ctx.db.find_user(*name);
  // Verify against something even for an unknown login, so the answer takes
  // as long either way and does not reveal which logins exist.
  static const std::string dummy_hash = hash_password("not a password", hash_cost::minimal).value();
  const bool ok = verify_password(user ? user->password_hash : dummy_hash, *password) && user &&
                  !user->disabled;
  if (!ok) {
    by_login.failed(*name);
    by_peer.failed(ctx.request.peer);
    return make_error(errc::unauthenticated, "ログイン名またはパスワードが違います。");
  }
  by_login.succeeded(*name);
  auto token = issue_device_token(ctx.db, *user, *device, *public_key);
  if (!token) return token.error();

  json::writer w;
  w.begin_object()
      .member("token", *token)
      .member("server_key", server_signing_key(ctx.db).public_key)
      .key("user");
  write_user(w, ctx.db, *user);
  w.end_object();
  auto r = json_response(w.str());
  r.user = user->login;
  return r;
}

// Who the caller is now (an administrator may have moved them) and the
// database's timeline; ?cursor= is the caller's, to detect a rewind.
result<api_response> me(request_context& ctx) {
  auto cursor = query_int(ctx.request, "cursor", 0);
  if (!cursor) return cursor.error();
  const auto timeline = timeline_seen_by(ctx.db, *cursor);
  json::writer w;
  w.begin_object().key("user");
  write_user(w, ctx.db, ctx.who->user);
  w.member("device", ctx.who->device_name)
      .member("timeline", timeline)
      .member("last_seq", ctx.db.last_seq())
      .end_object();
  return json_response(w.str());
}

result<api_response> plans(request_context& ctx) {
  json::writer w;
  w.begin_array();
  for (record_id id : ctx.db.plan_ids()) {
    auto p = ctx.db.load_plan(id);
    if (!p) continue;
    w.begin_object()
        .member("id", p->id)
        .member("code", p->code)
        .member("title", p->title)
        .member("city", p->city)
        .member("first_year", p->first_year)
        .member("last_year", p->last_year)
        .member("report_year", p->report_year)
        .end_object();
  }
  w.end_array();
  return json_response(w.str());
}

}  // namespace

void add_session_routes(std::vector<route>& routes, login_throttle& by_login,
                        login_throttle& by_peer) {
  routes.push_back({"GET", "/api/v1/health", access::open, health});
  routes.push_back(
      {"POST", "/api/v1/login", access::open,
       [&by_login, &by_peer](request_context& ctx) { return login(ctx, by_login, by_peer); }});
  routes.push_back({"GET", "/api/v1/me", access::signed_in, me});
  routes.push_back({"GET", "/api/v1/plans", access::signed_in, plans});
}

}  // namespace matome::server
