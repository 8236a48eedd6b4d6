// Bad input gets a clear 4xx and changes nothing; no input takes the server down.
#include <catch2/catch.hpp>

#include "server/api_helpers.h"
#include "support/catch_result.h"
#include "support/test_server.h"

using namespace matome;
using namespace matome::test;

namespace {
// What a client could observe of the database, as one comparable string.
std::string fingerprint(const std::filesystem::path& db, bool with_outcomes = true) {
  auto s = sqlite::database::open(db, sqlite::open_mode::read_only);
  std::string out;
  std::vector<std::string> queries = {"SELECT value FROM meta WHERE key = 'last_seq'",
                                      "SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' "
                                      "|| coalesce(group_concat(value), '') FROM cells",
                                      "SELECT count(*) FROM history",
                                      "SELECT count(*) FROM conflicts",
                                      "SELECT count(*) FROM entries",
                                      "SELECT count(*) FROM comments",
                                      "SELECT count(*) FROM due_dates",
                                      "SELECT count(*) FROM finalized_years"};
  if (with_outcomes) queries.push_back("SELECT count(*) FROM applied_changes");
  for (const auto& sql : queries) {
    auto stmt = s.prepare(sql);
    stmt.step();
    out += stmt.text(0) + ";";
  }
  return out;
}
}  // namespace

TEST_CASE("malformed, mistyped, oversized and non-UTF-8 requests are refused and change nothing",
          "[server][input]") {
  temp_dir dir;
  auto options = test_server::quick_options();
  options.body_limit = 64 * 1024;
  test_server server(dir.file("master.db"), options);
  auto client = server.client();
  const auto& p = server.plan();
  const auto plan = plan_path(p.plan_id);
  const auto token = client.login("coord");
  const auto before = fingerprint(dir.file("master.db"));
  const auto before_without_outcomes = fingerprint(dir.file("master.db"), false);

  struct bad {
    std::string what, method, target, body;
    int status;
    std::string error;
  };
  const std::vector<bad> cases = {
      {"not JSON", "POST", plan + "/changes", "{{{", 400, "invalid_argument"},
      {"not an object", "POST", plan + "/changes", "[1,2]", 400, "invalid_argument"},
      {"a string for a number", "POST", plan + "/changes",
       R"({"protocol":"1","plan":0,"changes":[]})", 400, "invalid_argument"},
      {"changes not a list", "POST", plan + "/changes",
       R"({"protocol":1,"plan":0,"changes":"all"})", 400, "invalid_argument"},
      {"invalid UTF-8", "POST", plan + "/changes",
       "{\"protocol\":1,\"plan\":0,\"changes\":[],\"x\":\"\xC3\x28\"}", 400, "invalid_argument"},
      {"deep nesting", "POST", plan + "/changes", std::string(5000, '[') + std::string(5000, ']'),
       400, "invalid_argument"},
      {"a newer protocol", "POST", plan + "/changes", R"({"protocol":99,"plan":0,"changes":[]})",
       426, "unsupported_version"},
      {"the wrong plan in the body", "POST", plan + "/changes",
       R"({"protocol":1,"plan":999,"changes":[]})", 400, "invalid_argument"},
      {"an unknown plan", "GET", "/api/v1/plans/999/changes", "", 404, "not_found"},
      {"a plan id that is not a number", "GET", "/api/v1/plans/abc", "", 404, "not_found"},
      {"an unknown conflict", "POST", plan + "/conflicts/12345/resolve", R"({"take":"server"})",
       404, "not_found"},
      {"an unknown entry", "GET", plan + "/entries/999/1/2023", "", 404, "not_found"},
      {"a negative cursor", "GET", plan + "/changes?since=-5", "", 400, "invalid_argument"},
      {"a cursor that is not a number", "GET", plan + "/changes?since=yesterday", "", 400,
       "invalid_argument"},
      {"resolve without a choice", "POST", plan + "/conflicts/1/resolve", R"({"take":42})", 400,
       "invalid_argument"},
      {"a comment of the wrong type", "POST",
       plan + "/entries/" + std::to_string(p.solo_row) + "/" + std::to_string(p.fukushi) +
           "/2023/comments",
       R"({"body":["x"]})", 400, "invalid_argument"},
      {"a due date in words", "PUT", plan + "/years/2023/due-date", R"({"due_date":"五月末"})", 422,
       "invalid_value"},
      {"a body over the limit", "POST", plan + "/changes", std::string(100 * 1024, ' '), 413,
       "too_large"},
      // A sheet import: the file, the mapping and the options each checked.
      {"an import without a file", "POST", "/api/v1/import-sheet",
       R"({"name":"a.csv","mapping":"{}"})", 400, "invalid_argument"},
      {"an import file that is not base64", "POST", "/api/v1/import-sheet",
       R"({"name":"a.csv","file":"***","mapping":"{}"})", 400, "invalid_argument"},
      {"an import mapping that is not JSON", "POST", "/api/v1/import-sheet",
       R"({"name":"a.csv","file":"YSxiCg==","mapping":"{{"})", 400, "invalid_argument"},
      {"an import mapping of the wrong format", "POST", "/api/v1/import-sheet",
       R"({"name":"a.csv","file":"YSxiCg==","mapping":"{\"format\":\"x\",\"version\":1}"})", 422,
       "invalid_value"},
      {"an import of an empty file", "POST", "/api/v1/import-sheet",
       R"({"name":"a.csv","file":"","mapping":"{}"})", 400, "invalid_argument"},
      {"an import of a damaged XLSX", "POST", "/api/v1/import-sheet",
       R"({"name":"a.xlsx","file":"UEsDBHh4eHh4eHh4eHh4eA==","mapping":"{}"})", 400,
       "invalid_argument"},
      {"an import with dry_run as a word", "POST", "/api/v1/import-sheet",
       R"({"name":"a.csv","file":"YSxiCg==","mapping":"{}","dry_run":"no"})", 400,
       "invalid_argument"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    auto reply = client.request(c.method, c.target, c.body, token);
    CHECK(reply.status == c.status);
    CHECK(reply.body.find("\"error\":\"" + c.error + "\"") != std::string::npos);
    CHECK(reply.body.find("\"message\":") != std::string::npos);
  }
  CHECK(fingerprint(dir.file("master.db")) ==
        before);  // whole-request errors changed nothing at all

  // Per-change problems are refusals inside a 200, with reasons, and store nothing either.
  auto refused =
      parse(client
                .post(plan + "/changes",
                      push_body({change_json("u", {999, 0, 0, "content"}, 0, "x"),
                                 change_json("v", {p.solo_row, 0, 0, "nonsense"}, 0, "x"),
                                 change_json("w", {p.solo_row, p.fukushi, 2023, "grade"}, 0, "Z")}),
                      token)
                .body);
  CHECK(std::string(refused["outcomes"][0]["reason_code"].GetString()) == "not_found");
  CHECK(std::string(refused["outcomes"][1]["reason_code"].GetString()) == "invalid_value");
  CHECK(std::string(refused["outcomes"][2]["reason_code"].GetString()) == "invalid_value");

  CHECK(client.get("/api/v1/health").status == 200);  // still serving
  // Refused changes are remembered (so a retry is answered the same); nothing else changed.
  CHECK(fingerprint(dir.file("master.db"), false) == before_without_outcomes);
}

TEST_CASE("garbage on the socket gets a 400 or a closed connection, never a crash",
          "[server][input]") {
  temp_dir dir;
  test_server server(dir.file("master.db"));
  auto client = server.client();
  CHECK(client.raw("THIS IS NOT HTTP\r\n\r\n").find("400") != std::string::npos);
  client.raw(std::string(
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n"));
  client.raw(std::string(100000, '\0'));
  client.raw("GET /api/v1/health HTTP/1.1\r\n" + std::string(20000, 'X') + ": y\r\n\r\n");
  CHECK(client.get("/api/v1/health").status == 200);
}

TEST_CASE("a silent client cannot hold a connection forever", "[server][input]") {
  temp_dir dir;
  auto options = test_server::quick_options();
  options.timeout = std::chrono::seconds(1);
  test_server server(dir.file("master.db"), options);
  auto client = server.client();
  const auto started = std::chrono::steady_clock::now();
  // Half a request line, then silence: the server must hang up by itself.
  const auto received = client.raw("GET /api/v1/hea", std::chrono::seconds(10));
  const auto waited = std::chrono::steady_clock::now() - started;
  CHECK(waited < std::chrono::seconds(5));
  CHECK(client.get("/api/v1/health").status == 200);
  (void)received;
}

TEST_CASE("fractions and exponents in a request are refused before parsing and change nothing",
          "[server][input][fuzz]") {
  temp_dir dir;
  test_server server(dir.file("master.db"));
  auto client = server.client();
  const auto& p = server.plan();
  const auto token = client.login("fukushi1");
  const auto before = fingerprint(dir.file("master.db"));
  // A push whose base version is written 0e0: the number RapidJSON's float
  // parsing sees (tests/fuzz found its undefined behaviour on such input).
  std::string push =
      push_body({change_json("f-1", {p.solo_row, p.fukushi, 2023, "progress"}, 0, "x")});
  push.replace(push.find(R"("base_version":0)"), 16, R"("base_version":0e0)");
  const std::vector<std::pair<std::string, std::string>> requests = {
      {"/api/v1/login", R"({"login":"coord","password":"demo","device":"pc","x":0e151})"},
      {plan_path(p.plan_id) + "/changes", push},
      {plan_path(p.plan_id) + "/actions", R"({"protocol":1,"plan":1,"actions":[],"x":1.5})"},
  };
  for (const auto& [path, body] : requests) {
    INFO(path << " " << body);
    const auto reply = client.post(path, body, token);
    CHECK(reply.status == 400);
    CHECK(reply.body.find("whole numbers") != std::string::npos);
  }
  CHECK(fingerprint(dir.file("master.db")) == before);
}
