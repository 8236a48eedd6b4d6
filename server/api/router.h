#pragma once
// The JSON API under /api/v1/: a table of routes and the one place that
// turns domain errors into HTTP statuses. Runs on the database thread; every
// handler gets the store and the signed-in session.
//
// handle() never throws: a bug in a handler becomes a 500 with a JSON body,
// logged, and the server carries on.

#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "api/api_types.h"
#include "auth/device_tokens.h"
#include "auth/login_throttle.h"
#include "matome/store/store.h"

namespace matome::server {

enum class access {
  open,         // no token needed (health, login)
  signed_in,    // any valid token; the handler checks rights on the data
  coordinator,  // coordinators only
  admin,        // administrators only
};

// Runs work on the database thread after the answer has gone (empty in
// tests and tools, which have no such thread).
using background_fn = std::function<void(std::function<void()>)>;

struct request_context {
  const api_request& request;
  store& db;
  std::optional<session> who;                 // set unless the route is open
  std::map<std::string, std::string> params;  // {name} parts of the path
  const plan_index* plan = nullptr;           // set for routes under /plans/{plan}
  const background_fn* later = nullptr;       // set when the server has a database thread
};

using handler_fn = std::function<result<api_response>(request_context&)>;

struct route {
  std::string_view method;
  std::string_view pattern;  // "/api/v1/plans/{plan}/changes"
  access need;
  handler_fn handler;
};

// HTTP status for a domain error code.
int http_status(errc code);

// Who encodes a message answer's body (api_response::encode_body).
enum class body_encoding {
  in_handle,  // handle() does: its answers have their body (tests, tools)
  by_caller,  // the caller does, with render_body, off the database thread
};

class router {
 public:
  explicit router(store& s, body_encoding bodies = body_encoding::in_handle);

  api_response handle(const api_request& request);
  // The answer to a request that failed with this exception (a storage
  // failure, a full disk...), as handle() gives it.
  static api_response failure_response(const api_request& request, std::exception_ptr failed);

  // The session a request's bearer token stands for (used by the WebSocket
  // upgrade, which does not go through the route table).
  result<session> authenticate(const api_request& request);

  const std::vector<route>& routes() const { return routes_; }
  // Where handlers queue work for after their answer (db_worker::post).
  void set_background(background_fn later) { later_ = std::move(later); }

 private:
  // `user` gets the signed-in login as soon as it is known, for the log.
  // `route` gets the matched pattern, for the metrics.
  result<api_response> dispatch(const api_request& request, std::string& user,
                                std::string_view& route);
  result<const plan_index*> plan_for(std::string_view id_text);

  store& store_;
  body_encoding bodies_;
  login_throttle by_login_{5};  // guessing one account's password
  login_throttle by_peer_{50};  // one address trying many accounts (many users share a NAT)
  std::vector<route> routes_;
  background_fn later_;
  // Plans with their items, reloaded when the structure version changes.
  std::map<record_id, std::pair<std::int64_t, plan_index>> plans_;
};

// Handlers, grouped by topic (one .cpp each). Each appends its routes.
void add_session_routes(std::vector<route>& routes, login_throttle& by_login,
                        login_throttle& by_peer);
void add_sync_routes(std::vector<route>& routes);
void add_workflow_routes(std::vector<route>& routes);
void add_report_routes(std::vector<route>& routes);
void add_import_routes(std::vector<route>& routes);

// Runs a response's encode_body, if it has one, into its body. Never
// throws: a body that cannot be encoded becomes a 503 that asks the client
// to send again.
void render_body(const api_request& request, api_response& response);

// Helpers shared by the handlers.
api_response json_response(std::string body, int status = 200);
result<std::int64_t> int_param(const request_context& ctx, const std::string& name);
result<std::int64_t> query_int(const api_request& r, const std::string& name,
                               std::int64_t fallback);
bool wants_binary(const api_request& r);

}  // namespace matome::server
