#pragma once
// The API layer's view of HTTP: plain structs, no Beast. The network layer
// (net/) converts to and from Beast messages; everything under api/ can be
// exercised without sockets.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "matome/domain/cell.h"
#include "matome/wire/messages.h"

namespace matome::server {

struct api_request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::map<std::string, std::string> query;
  std::string authorization;  // the Authorization header
  std::string accept;         // the Accept header
  std::string body;
  std::string peer;  // client address, for throttling and logs
  // A push's body, decoded on the I/O thread that read it, so the database
  // thread only applies (push_group.h). Unset: the handler decodes.
  std::optional<result<wire::push_request>> decoded_push;
};

struct api_response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  // Set instead of `body` by a handler whose answer is a large message (a
  // push's outcomes, a pull's page): it encodes the body. The network layer
  // runs it on the I/O thread that sends the answer (render_body in
  // router.h), so the one database thread only reads and writes the store.
  std::function<std::string()> encode_body;
  std::vector<std::pair<std::string, std::string>> headers;

  std::string user;  // who made the request, for the request log ("-" if nobody)
  // For the metrics: the route pattern that matched ("" if none), what a
  // push did (new outcomes only, not a retry's repeated answers), and
  // whether this was a page of a pull.
  std::string_view route;
  struct change_counts {
    std::int64_t applied = 0, conflicts = 0, refused = 0;
  } changes;
  bool pull_page = false;
  // Set when the request changed the store: the new last sequence number
  // and the departments whose clients should hear of it (0: everyone).
  std::int64_t notify_seq = 0;
  std::set<record_id> notify_departments;
};

// Media type of the bulk binary format (cereal portable binary).
inline constexpr std::string_view binary_media_type = "application/x-matome-binary";

}  // namespace matome::server
