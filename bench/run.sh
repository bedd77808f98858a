#!/usr/bin/env bash
# The hot-path benchmark (docs/benchmarks.md). One run prints, side by side:
#   - pgbench's single-row SELECT and durable single-row INSERT against the same PostgreSQL (the physical limit);
#   - req/s, p50 and p99 of each hot path of challenge-service, and its ratio to the matching pgbench figure;
#   - commit -> CloudEvent on the topic latency while publishing and amending under load;
#   - rfi-service: re-submitting a response, and adding a 1 MB PDF to one, by 1,200 organisations;
#   - matching-service: a need's recommendations as its buyer reads them (bench/ranking.sh: ranking at scale);
#   - finance-service: a case summary read (anonymous and by the payer), and payments with their distributions
#     computed for a contract of 10 investors and 20 outcome metrics (a scenario preview: 8 periods per request);
#   - the service's RSS before and after the load, and its start-up time with migrations already applied.
# Uses the running local stack if there is one (it must have durable commits), else starts one and stops it after.
# Any error answer (wrk's "Non-2xx or 3xx responses") fails the run: a benchmark of 401s cannot look fast.
# Environment: BENCH_DURATION (s per path, default 15), BENCH_CONNECTIONS (default 32), BENCH_SEED_SECONDS (10),
# BENCH_WARMUP_ROUNDS (10-second rounds per write path until its rate is steady, at most; default 12).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${BENCH_DURATION:-15}
CONNS=${BENCH_CONNECTIONS:-32}
SEED_SECONDS=${BENCH_SEED_SECONDS:-10}
API=http://localhost:8081
MGMT=http://localhost:9081
PG="-h localhost -p 15432 -U postgres"
export PGPASSWORD=postgres
WORK=$ROOT/.local-stack/bench
mkdir -p "$WORK"
say() { echo "[bench] $*"; }
fail() { echo "[bench] FAILED: $*" >&2; exit 1; }

# --- 1. Tools, from Debian's packages when missing ---------------------------------------------------------------
install() {
  say "installing $*"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q "$@" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
  else sudo apt-get install -y -q "$@" >/dev/null; fi
}
command -v wrk >/dev/null || install wrk
command -v jq >/dev/null || install jq
command -v psql >/dev/null || install postgresql-client
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1 || true)
if [ -z "$PGBENCH" ]; then install postgresql-contrib; PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -1); fi

# --- 2. The stack ------------------------------------------------------------------------------------------------
STACK=0
LATENCY=0
SECOND=0
stop_child() { if [ "$1" -ne 0 ]; then kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
cleanup() {
  stop_child "$SECOND"
  stop_child "$LATENCY"
  if [ "$STACK" -ne 0 ]; then say "stopping the stack"; stop_child "$STACK"; fi
}
trap cleanup EXIT
if ! curl -sf "$MGMT/q/health/ready" >/dev/null 2>&1; then
  say "starting the local stack (build included; log: .local-stack/bench/stack.log) ..."
  deploy/local/run.sh -Dutfall.bench=true >"$WORK/stack.log" 2>&1 &
  STACK=$!
  for _ in $(seq 1 1200); do
    grep -q "Utfall local stack is up" "$WORK/stack.log" 2>/dev/null && break
    kill -0 "$STACK" 2>/dev/null || { tail -30 "$WORK/stack.log"; fail "the stack did not start"; }
    sleep 1
  done
  grep -q "Utfall local stack is up" "$WORK/stack.log" || fail "the stack did not come up in 20 minutes"
fi
# shellcheck disable=SC1091
source .local-stack/tokens.env
SYNC=$(psql $PG -d postgres -Atc "SHOW synchronous_commit" || true)
[ "$SYNC" = "on" ] || fail "PostgreSQL runs with synchronous_commit=$SYNC; restart the stack (durable commits needed)"
FSYNC=$(psql $PG -d postgres -Atc "SHOW fsync" || true)
[ "$FSYNC" = "on" ] || fail "PostgreSQL runs with fsync=$FSYNC: its figures would not be durable ones; restart the stack without -Dutfall.pg.fsync=off"
PID=$(pgrep -f "challenge-service/target/quarkus-app/quarkus-run.jar" | head -1 || true)
[ -n "$PID" ] || fail "challenge-service is not running"
JVM=$(tr '\0' ' ' </proc/"$PID"/cmdline | sed 's/ -jar .*//; s/^[^ ]*java //')
rss() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }
RSS_BEFORE=$(rss)

# --- 3. The physical limit: pgbench against the same PostgreSQL, durable commits ----------------------------------
psql $PG -d postgres -qc "DROP TABLE IF EXISTS bench_limit; CREATE TABLE bench_limit (id bigserial PRIMARY KEY, body jsonb NOT NULL);
  INSERT INTO bench_limit (body) SELECT jsonb_build_object('title', 'row ' || g, 'text', repeat('x', 900)) FROM generate_series(1, 10000) g;" >/dev/null
printf '\\set id random(1, 10000)\nSELECT body FROM bench_limit WHERE id = :id;\n' >"$WORK/select.sql"
echo "INSERT INTO bench_limit (body) VALUES ('{\"title\": \"new\", \"text\": \"$(printf 'x%.0s' $(seq 1 900))\"}');" >"$WORK/insert.sql"
pgtps() { "$PGBENCH" $PG -d postgres -n -c 16 -j 2 -T "$DURATION" -f "$1" 2>/dev/null | awk '/^tps/ {printf "%d", $3}'; }
say "pgbench SELECT ..."; LIMIT_SELECT=$(pgtps "$WORK/select.sql")
say "pgbench INSERT ..."; LIMIT_INSERT=$(pgtps "$WORK/insert.sql")
psql $PG -d postgres -qc "DROP TABLE bench_limit" >/dev/null
# The INSERT run wrote a few hundred MB of WAL: checkpoint now, not in the middle of the next measurement.
settle() { psql $PG -d postgres -qc "CHECKPOINT" >/dev/null; psql $PG -d challenge -qc "VACUUM ANALYZE" >/dev/null; sleep 2; }
settle

# --- 4. wrk helpers ------------------------------------------------------------------------------------------------
RESULTS=()
run_wrk() { # name limit script-or-empty url [seconds] [warm: not reported]
  local name=$1 limit=$2 script=$3 url=$4 seconds=${5:-$DURATION} warm=${6:-} out
  say "$name ..."
  out=$(wrk -t2 -c"$CONNS" -d"${seconds}s" --latency ${script:+-s "$script"} "$url" 2>&1) \
    || { echo "$out" >&2; fail "$name: wrk failed"; }
  echo "$out" >"$WORK/$(echo "$name" | tr ' /' '__').txt"
  if echo "$out" | grep -q "Non-2xx or 3xx responses"; then
    echo "$out" >&2; fail "$name: error answers (see above)"
  fi
  local rps p50 p99
  rps=$(echo "$out" | awk '/^Requests\/sec/ {printf "%d", $2}')
  if [ -n "$warm" ]; then WARM_RPS=${rps:-0}; return 0; fi
  if [ "${rps:-0}" -eq 0 ] || echo "$out" | grep -q "Socket errors: connect [1-9]\|timeout [1-9]"; then
    echo "$out" >&2; fail "$name: no answers, or connections failed or timed out (see above)"
  fi
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  LAST_RPS=$rps
  RESULTS+=("$(printf '%-34s %8s %9s %9s %8s' "$name" "$rps" "$p50" "$p99" "$(awk -v a="$rps" -v b="$limit" 'BEGIN {printf "%.3f", a / b}')")")
}
# The latency a user sees below saturation: the same path at about 80 % of the peak just measured (LAST_RPS).
# wrk has no fixed-rate mode; each connection waits delay() between requests. Two 5-second probes adjust the
# delay (rate = connections / (delay + latency)); the report shows the rate actually achieved.
paced_lua() { # base-script-or-empty delay-ms
  [ -z "$1" ] || echo "dofile(\"$1\")"
  echo "delay = function() return $2 end"
}
run_paced() { # name limit script-or-empty url [prepare: a command run before each wrk, e.g. fresh ids]
  local name=$1 limit=$2 script=$3 url=$4 prepare=${5:-true} target delay rate
  target=$(awk -v p="$LAST_RPS" 'BEGIN {printf "%.1f", 0.8 * p}')
  delay=$(awk -v c="$CONNS" -v t="$target" 'BEGIN {printf "%.3f", c * 1000 / t}')
  for _ in 1 2; do
    paced_lua "$script" "$delay" >"$WORK/paced.lua"
    $prepare
    rate=$(wrk -t2 -c"$CONNS" -d5s -s "$WORK/paced.lua" "$url" 2>&1 | awk '/^Requests\/sec/ {print $2}')
    delay=$(awk -v d="$delay" -v c="$CONNS" -v t="$target" -v r="${rate:-1}" \
      'BEGIN {n = d + c * 1000 / t - c * 1000 / r; printf "%.3f", (n > 0 ? n : 0)}')
  done
  paced_lua "$script" "$delay" >"$WORK/paced.lua"
  $prepare
  local peak=$LAST_RPS
  run_wrk "$name" "$limit" "$WORK/paced.lua" "$url"
  # wrk can only slow down: on a JVM still warming up the paced run may exceed the earlier peak. Say so.
  RESULTS[${#RESULTS[@]}-1]="${RESULTS[${#RESULTS[@]}-1]}  ($(awk -v a="$LAST_RPS" -v p="$peak" \
    'BEGIN {printf "%d", 100 * a / p}') % of the peak above)"
}
# On two cores C2 keeps compiling for minutes of load (tens of thousands of methods): a path counts as warm when
# two consecutive 10-second rounds differ by less than 10 % (at most BENCH_WARMUP_ROUNDS rounds, default 12).
warm_until_steady() { # name script url [prepare]
  local name=$1 script=$2 url=$3 prepare=${4:-true} previous=0 round
  for round in $(seq 1 "${BENCH_WARMUP_ROUNDS:-12}"); do
    $prepare
    run_wrk "warm-up: $name, round $round" 1 "$script" "$url" "$WARM" warm
    say "  $WARM_RPS req/s"
    if [ "$previous" -gt 0 ] && awk -v a="$WARM_RPS" -v b="$previous" 'BEGIN {d = a - b; exit !(d < 0.1 * b && -d < 0.1 * b)}'; then
      return 0
    fi
    previous=$WARM_RPS
  done
}
ids_lua() { # file of ids -> lua table literal
  echo -n "{"; sed 's/.*/"&",/' "$1" | tr -d '\n'; echo "}"
}
BODY=$(jq -c . deploy/local/examples/challenge.json)
BUYER_ORG=$(jq -r '.organisations[] | select(.key == "ljusdal") | .id' deploy/local/src/main/resources/demo/organisations.json)

# --- 5. A realistic data set: thousands of drafts of two municipalities (not measured) ----------------------------
cat >"$WORK/seed.lua" <<LUA
local tokens = {"$TOKEN_LJUSDAL", "$TOKEN_TOMELILLA"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[n % 2 + 1]}, [[$BODY]])
end
LUA
say "seeding drafts for ${SEED_SECONDS}s ..."
wrk -t2 -c16 -d"${SEED_SECONDS}s" -s "$WORK/seed.lua" "$API/api/v1/challenges" >/dev/null
settle

# --- 6. Writes, on a warm JVM, with the commit -> topic consumer listening --------------------------------------
WARM=10
cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = [[$BODY]]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN_LJUSDAL"
LUA
publish_script() {
psql $PG -d challenge -Atc "SELECT id FROM challenge WHERE status = 'DRAFT' AND owner_org_id = '$BUYER_ORG'
  ORDER BY created_at DESC LIMIT 20000" >"$WORK/drafts.txt"
cat >"$WORK/publish.lua" <<LUA
local ids = $(ids_lua "$WORK/drafts.txt")
local n = 0
setup = function(thread) thread:set("offset", n); n = n + 1 end
init = function() n = offset - 1 end
request = function()
  n = n + 2
  local id = ids[n]
  if id == nil then
    -- Out of drafts: stop this thread rather than send requests that would fail (the run reports fewer).
    wrk.thread:stop()
    id = ids[1]
  end
  return wrk.format("POST", "/api/v1/challenges/" .. id .. "/publish",
    {["Authorization"] = "Bearer $TOKEN_LJUSDAL", ["If-Match"] = '"0"'})
end
LUA
}
amend_script() {
# Published challenges with the version each has now, so any run can amend them with the right If-Match. The
# previous run's last requests still complete after wrk has stopped (each use case runs to completion): wait for
# them, or their versions would be read before they commit and the next run would meet 412s.
sleep 3
psql $PG -d challenge -Atc "SELECT id || ' ' || version FROM challenge WHERE status = 'PUBLISHED'
  AND owner_org_id = '$BUYER_ORG' ORDER BY published_at DESC LIMIT 4000" >"$WORK/published-versions.txt"
cut -d' ' -f1 "$WORK/published-versions.txt" >"$WORK/published.txt"
[ "$(wc -l <"$WORK/published.txt")" -ge $(( CONNS * 4 )) ] || fail "too few published challenges to amend"
cat >"$WORK/amend.lua" <<LUA
local all = {$(awk '{printf "{\"%s\", %s},", $1, $2}' "$WORK/published-versions.txt")}
local n = 0
local threads = {}
setup = function(thread) thread:set("offset", n); n = n + 1; table.insert(threads, thread) end
init = function()
  ids, version, i, count, refused = {}, {}, 0, 0, ""
  for k = offset + 1, #all, 2 do ids[#ids + 1] = all[k][1]; version[all[k][1]] = all[k][2] end
end
request = function()
  i = i % #ids + 1
  count = count + 1
  local id = ids[i]
  local body = string.gsub([[$BODY]], '"title": *"[^"]*"', '"title":"Ändrad ' .. count .. '"', 1)
  return wrk.format("PUT", "/api/v1/challenges/" .. id, {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer $TOKEN_LJUSDAL", ["If-Match"] = '"' .. version[id] .. '"'}, body)
end
response = function(status, headers, body)
  if status >= 400 then refused = refused .. status .. " " .. (string.match(body, '"detail":"([^"]*)"') or "") .. "\n" end
  local id = string.match(body, '"id":"([0-9a-f%-]+)"')
  local v = string.match(body, '"version":(%d+)')
  if id and v and version[id] then version[id] = tonumber(v) end
end
-- What was refused, if anything: status and detail (a benchmark with error answers fails; this says why).
done = function(summary, latency, requests)
  for _, t in ipairs(threads) do local r = t:get("refused"); if r and #r > 0 then io.write(r) end end
end
LUA
}
# Warm-up, not reported, until each write path's rate is steady (drafts made here are published below).
warm_until_steady "POST draft" "$WORK/post.lua" "$API/api/v1/challenges"
publish_script; run_wrk "warm-up: publish" 1 "$WORK/publish.lua" "$API" "$WARM" warm
warm_until_steady "amend" "$WORK/amend.lua" "$API" amend_script
run_wrk "warm-up: GET one" 1 "" "$API/api/v1/challenges/$(head -1 "$WORK/published.txt")" "$WARM" warm
settle

WRITE_SECONDS=$(( DURATION * 3 + 30 ))
./mvnw -B -q -o -pl deploy/local exec:java -Dexec.args="latency utfall.challenges.v1 $WRITE_SECONDS" \
  >"$WORK/latency.txt" 2>&1 &
LATENCY=$!
for _ in $(seq 1 60); do grep -q "latency consumer ready" "$WORK/latency.txt" 2>/dev/null && break; sleep 1; done

run_wrk "POST draft" "$LIMIT_INSERT" "$WORK/post.lua" "$API/api/v1/challenges"
run_paced "  paced to 80 % of that peak" "$LIMIT_INSERT" "$WORK/post.lua" "$API/api/v1/challenges"
publish_script
run_wrk "POST publish" "$LIMIT_INSERT" "$WORK/publish.lua" "$API"
amend_script
run_wrk "PUT amendment (published)" "$LIMIT_INSERT" "$WORK/amend.lua" "$API"
run_paced "  paced to 80 % of that peak" "$LIMIT_INSERT" "$WORK/amend.lua" "$API" amend_script
wait "$LATENCY" || true
LATENCY=0
COMMIT_LATENCY=$(grep -E "^events=" "$WORK/latency.txt" || echo "not measured (see $WORK/latency.txt)")

# --- 6b. rfi-service: responses to the demo's open Ramsjö RFI by many organisations -------------------------------
# A submission is what an innovator does once per RFI; the repeatable form of the same work is a change to a
# submitted response, which submits it again (share lock on the RFI, receipt over the canonical content, event).
# Measured: that re-submission without a file, and adding a 1 MB PDF to a submitted response (which re-submits too).
RFI_API=http://localhost:8082
RFI=$(curl -sf "$RFI_API/api/v1/rfis?status=OPEN&size=1" | jq -r '.items[0].id // empty')
[ -n "$RFI" ] || fail "rfi-service lists no open RFI (the demo data should have one)"
RESPONSE_BODY=$(curl -sf "$RFI_API/api/v1/rfis/$RFI" | jq -c '{summary: "Byns butik och campingens kök lagar och kör ut",
  answers: [.questions[] | if .type == "TEXT" then {questionId: .id, text: "Vi lagar maten i campingens kök och kör ut den varm varje dag, året runt."}
    elif .type == "NUMBER" then {questionId: .id, number: 78} else {questionId: .id, choices: [.options[0]]} end],
  consortium: [{name: "Ramsjö Camping (kök)", role: "Lagar maten"}], estimatedAnnualCost: {amount: 420000, currency: "SEK"}}')
RESPONDENTS=${BENCH_RESPONDENTS:-1200}
say "minting $RESPONDENTS innovator tokens of new organisations ..."
deploy/local/tokens.sh innovator --count "$RESPONDENTS" >"$WORK/innovators.txt"
[ "$(wc -l <"$WORK/innovators.txt")" -eq "$RESPONDENTS" ] || fail "could not mint tokens (see $WORK/innovators.txt)"
cat >"$WORK/respond.lua" <<LUA
local tokens = {$(awk '{printf "\"%s\",", $2}' "$WORK/innovators.txt")}
local n = 0
setup = function(thread) thread:set("offset", n); n = n + 1 end
init = function() n = offset - 1 end
request = function()
  n = n + 2
  local token = tokens[n]
  if token == nil then wrk.thread:stop(); token = tokens[1] end
  return wrk.format("POST", "/api/v1/rfis/$RFI/responses", {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token}, [[$RESPONSE_BODY]])
end
LUA
say "each organisation drafts its response (not measured) ..."
wrk -t2 -c16 -d30s -s "$WORK/respond.lua" "$RFI_API" >"$WORK/respond.txt" 2>&1
psql $PG -d rfi -Atc "SELECT organisation_id || ' ' || id || ' ' || version FROM rfi_response
  WHERE rfi_id = '$RFI' AND status = 'DRAFT'" | LC_ALL=C sort >"$WORK/drafts-rfi.txt"
LC_ALL=C sort "$WORK/innovators.txt" | LC_ALL=C join - "$WORK/drafts-rfi.txt" | awk '{print $3, $2}' >"$WORK/respondents.txt"
[ "$(wc -l <"$WORK/respondents.txt")" -ge $(( CONNS * 4 )) ] || fail "too few draft responses ($WORK/respond.txt)"
say "each organisation submits (not measured) ..."
while read -r id token; do
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'If-Match: "0"' \
    "$RFI_API/api/v1/responses/$id/submit" || fail "submitting $id failed"
done <"$WORK/respondents.txt"
resubmit_scripts() {
# Submitted responses with the version each has now and their organisation's token (after the previous run's last
# requests have completed, as for amendments).
sleep 3
psql $PG -d rfi -Atc "SELECT organisation_id || ' ' || id || ' ' || version FROM rfi_response
  WHERE rfi_id = '$RFI' AND status = 'SUBMITTED'" | LC_ALL=C sort >"$WORK/submitted-rfi.txt"
LC_ALL=C sort "$WORK/innovators.txt" | LC_ALL=C join - "$WORK/submitted-rfi.txt" \
  | awk '{printf "{\"%s\", \"%s\", %s},", $3, $2, $4}' >"$WORK/submitted.lua-table"
for kind in resubmit attach; do
cat >"$WORK/$kind.lua" <<LUA
local all = {$(cat "$WORK/submitted.lua-table")}
local n = 0
local threads = {}
setup = function(thread) thread:set("offset", n); n = n + 1; table.insert(threads, thread) end
init = function()
  ids, token, version, i, refused = {}, {}, {}, 0, ""
  for k = offset + 1, #all, 2 do
    local id = all[k][1]
    ids[#ids + 1] = id; token[id] = all[k][2]; version[id] = all[k][3]
  end
  pdf = "%PDF-1.4\n" .. string.rep("0123456789abcdef", 65536)
end
request = function()
  i = i % #ids + 1
  local id = ids[i]
  local headers = {["Authorization"] = "Bearer " .. token[id], ["If-Match"] = '"' .. version[id] .. '"'}
  if "$kind" == "attach" then
    headers["Content-Type"] = "application/octet-stream"
    return wrk.format("POST", "/api/v1/responses/" .. id .. "/attachments?filename=plan.pdf", headers, pdf)
  end
  headers["Content-Type"] = "application/json"
  return wrk.format("PUT", "/api/v1/responses/" .. id, headers, [[$RESPONSE_BODY]])
end
response = function(status, headers, body)
  if status >= 400 then refused = refused .. status .. " " .. (string.match(body, '"detail":"([^"]*)"') or "") .. "\n" end
  local id = string.match(body, '"id":"([0-9a-f%-]+)"')
  local v = string.match(body, '"version":(%d+)')
  if id and v and version[id] then version[id] = tonumber(v) end
end
-- What was refused, if anything: status and detail (a benchmark with error answers fails; this says why).
done = function(summary, latency, requests)
  for _, t in ipairs(threads) do local r = t:get("refused"); if r and #r > 0 then io.write(r) end end
end
LUA
done
}
warm_until_steady "re-submit a response" "$WORK/resubmit.lua" "$RFI_API" resubmit_scripts
# An instance takes two uploads at a time (utfall.http.max-concurrent-uploads; more get 503): two connections.
resubmit_scripts; CONNS=2 run_wrk "warm-up: add a 1 MB PDF" 1 "$WORK/attach.lua" "$RFI_API" "$WARM" warm
settle
resubmit_scripts
run_wrk "PUT response (re-submission)" "$LIMIT_INSERT" "$WORK/resubmit.lua" "$RFI_API"
run_paced "  paced to 80 % of that peak" "$LIMIT_INSERT" "$WORK/resubmit.lua" "$RFI_API" resubmit_scripts
resubmit_scripts
CONNS=2 run_wrk "POST 1 MB PDF (re-submission), -c2" "$LIMIT_INSERT" "$WORK/attach.lua" "$RFI_API"
CONNS=2 run_paced "  paced to 80 % of that peak" "$LIMIT_INSERT" "$WORK/attach.lua" "$RFI_API" resubmit_scripts
psql $PG -d rfi -qc "VACUUM ANALYZE" >/dev/null

settle
# --- 7. Reads -----------------------------------------------------------------------------------------------------
ONE=$(head -1 "$WORK/published.txt")
run_wrk "GET one, anonymous" "$LIMIT_SELECT" "" "$API/api/v1/challenges/$ONE"
run_paced "  paced to 80 % of that peak" "$LIMIT_SELECT" "" "$API/api/v1/challenges/$ONE"
cat >"$WORK/token.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN_LJUSDAL"
LUA
run_wrk "GET one, owner's token" "$LIMIT_SELECT" "$WORK/token.lua" "$API/api/v1/challenges/$ONE"
run_paced "  paced to 80 % of that peak" "$LIMIT_SELECT" "$WORK/token.lua" "$API/api/v1/challenges/$ONE"
ETAG=$(curl -sI "$API/api/v1/challenges/$ONE" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
cat >"$WORK/notmodified.lua" <<LUA
wrk.headers["If-None-Match"] = '$ETAG'
LUA
run_wrk "GET one, If-None-Match (304)" "$LIMIT_SELECT" "$WORK/notmodified.lua" "$API/api/v1/challenges/$ONE"
run_wrk "GET public list (20)" "$LIMIT_SELECT" "" "$API/api/v1/challenges?size=20"
run_wrk "GET search q=måltider (20)" "$LIMIT_SELECT" "" "$API/api/v1/challenges?q=m%C3%A5ltider&size=20"
# rfi-service: one published RFI (the demo's Ramsjö RFI), anonymous.
RFI=$(curl -sf "http://localhost:8082/api/v1/rfis?size=1" | jq -r '.items[0].id // empty')
[ -n "$RFI" ] || fail "rfi-service lists no published RFI (the demo data should have one)"
run_wrk "GET one RFI, anonymous (rfi-service)" "$LIMIT_SELECT" "" "http://localhost:8082/api/v1/rfis/$RFI"
# matching-service: the Ramsjö need's ten best innovators with their reasons, for Ljusdal's buyer (the ranking is
# cached per need and index build, so this is the read a buyer repeats; bench/ranking.sh measures cold ranking).
NEED=$(curl -sf "http://localhost:8083/api/v1/needs?kind=CHALLENGE&municipality=2161&size=1" | jq -r '.items[0].id // empty')
[ -n "$NEED" ] || fail "matching-service knows no Ramsjö need (the demo data should have one)"
run_wrk "GET recommendations (matching)" "$LIMIT_SELECT" "$WORK/token.lua" "http://localhost:8083/api/v1/needs/$NEED/recommendations"
run_paced "  paced to 80 % of that peak" "$LIMIT_SELECT" "$WORK/token.lua" "http://localhost:8083/api/v1/needs/$NEED/recommendations"
# finance-service: the demo's contracted case (payments, savings, goals) as anyone and as its payer reads its
# summary (computed from the stored commitments, payments and claims on every read: multiples and IRR included).
CASE=$(curl -sf "http://localhost:8084/api/v1/cases?status=IN_DELIVERY&size=1" | jq -r '.items[0].id // empty')
[ -n "$CASE" ] || fail "finance-service has no case in delivery (the demo data should have one)"
run_wrk "GET case summary, anonymous (finance)" "$LIMIT_SELECT" "" "http://localhost:8084/api/v1/cases/$CASE/summary"
cat >"$WORK/payer.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN_TOMELILLA"
LUA
run_wrk "GET case summary, payer (finance)" "$LIMIT_SELECT" "$WORK/payer.lua" "http://localhost:8084/api/v1/cases/$CASE/summary"
# Payments with distributions for a contract of 10 investors and 20 metrics: the scenario preview plays 8 periods
# through the payment engine and the waterfall (nothing is written). The case is set up by the stack started with
# -Dutfall.bench=true, in the background after the banner.
for _ in $(seq 1 300); do [ -s "$ROOT/.local-stack/bench-case.json" ] && break; sleep 1; done
[ -s "$ROOT/.local-stack/bench-case.json" ] || fail "no benchmark case (.local-stack/bench-case.json): a stack started by this script (-Dutfall.bench=true) sets one up"
BENCH_CASE=$(jq -r .caseId "$ROOT/.local-stack/bench-case.json")
SCENARIO=$(jq -c '{metrics: [.goalIds[] | {goalId: ., pricePerUnit: {amount: 1250.00, currency: "SEK"}, cap: {amount: 150000.00, currency: "SEK"}, minimumUnits: 5}],
  overallCap: {amount: 2600000.00, currency: "SEK"}, returnCapPercent: 10,
  paths: [{name: "expected", unitsPerPeriod: [range(8) as $p | [.goalIds[] | 12]]}]}' "$ROOT/.local-stack/bench-case.json")
curl -sf -X POST "http://localhost:8084/api/v1/cases/$BENCH_CASE/scenarios" -H "Authorization: Bearer $TOKEN_TOMELILLA" \
  -H 'Content-Type: application/json' -d "$SCENARIO" | jq -e '.paths[0].investors | length == 10' >/dev/null \
  || fail "the benchmark case's scenario preview does not answer 10 investors"
cat >"$WORK/scenario.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $TOKEN_TOMELILLA"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$SCENARIO'
LUA
run_wrk "POST 8 payments, 10 inv. x 20 metrics" "$LIMIT_SELECT" "$WORK/scenario.lua" "http://localhost:8084/api/v1/cases/$BENCH_CASE/scenarios"
# rfi-service: the demo's awarded procurement (Ramsjö, two phases) as anyone reads it, and its RFI's OCDS release
# package (every kept release of the RFI and the procurement: 11 JSON documents parsed and joined per read). The
# procurement runs in the background after the banner; wait for it.
PROC=""
for _ in $(seq 1 300); do
  for rfi in $(curl -sf "http://localhost:8082/api/v1/rfis?status=EVALUATED&municipality=2161&size=20" | jq -r '.items[].id'); do
    PROC=$(curl -sf "http://localhost:8082/api/v1/procurements?rfiId=$rfi" | jq -r '.[] | select(.status == "AWARDED") | .id')
    [ -n "$PROC" ] && PROC_RFI=$rfi && break
  done
  [ -n "$PROC" ] && break; sleep 1
done
[ -n "$PROC" ] || fail "rfi-service has no awarded procurement (the demo data should have one)"
run_wrk "GET procurement, anonymous (rfi)" "$LIMIT_SELECT" "" "http://localhost:8082/api/v1/procurements/$PROC"
run_wrk "GET OCDS package, 11 releases (rfi)" "$LIMIT_SELECT" "" "http://localhost:8082/api/v1/rfis/$PROC_RFI/ocds"
RSS_AFTER=$(rss)

# --- 8. Start-up with migrations applied: a second instance with the running one's settings ------------------------
STARTUP="not measured"
ENVFILE="$WORK/service.env"
tr '\0' '\n' </proc/"$PID"/environ | grep -E '^(QUARKUS_PROFILE|DB_|KAFKA_|UTFALL_|OIDC_)' >"$ENVFILE" || true
JAR=$ROOT/challenge-service/target/quarkus-app/quarkus-run.jar
! curl -s -o /dev/null http://localhost:9099/ 2>/dev/null || fail "port 9099 is taken; the start-up probe needs it"
start_ms=$(date +%s%3N)
( set -a; . "$ENVFILE"; set +a; PORT=8099 MANAGEMENT_PORT=9099 exec java $JVM -jar "$JAR" ) >"$WORK/startup.log" 2>&1 &
SECOND=$!
for _ in $(seq 1 600); do
  if curl -sf http://localhost:9099/q/health/ready >/dev/null 2>&1; then STARTUP="$(( $(date +%s%3N) - start_ms )) ms to ready"; break; fi
  kill -0 "$SECOND" 2>/dev/null || break
  sleep 0.05
done
STARTED_IN=$(grep -o "started in [0-9.]*s" "$WORK/startup.log" | head -1 || true)
stop_child "$SECOND"; SECOND=0

# --- 9. The report --------------------------------------------------------------------------------------------------
{
  echo
  echo "==================== Utfall benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ===================="
  echo "PostgreSQL $(psql $PG -d postgres -Atc 'SHOW server_version'), synchronous_commit=$SYNC, fsync=$FSYNC; wrk -t2 -c$CONNS -d${DURATION}s"
  echo "challenge-service JVM: ${JVM:-defaults}"
  printf 'limit: pgbench single-row SELECT %s TPS, durable single-row INSERT %s TPS (-c16 -j2)\n' "$LIMIT_SELECT" "$LIMIT_INSERT"
  echo
  printf '%-34s %8s %9s %9s %8s\n' "path" "req/s" "p50" "p99" "ratio"
  printf '%s\n' "${RESULTS[@]}"
  echo
  echo "commit -> topic while writing: $COMMIT_LATENCY"
  echo "RSS: ${RSS_BEFORE} MB before the load, ${RSS_AFTER} MB after"
  echo "start-up with migrations applied: $STARTUP (${STARTED_IN:-no Quarkus start line})"
  echo "ratios: reads to pgbench SELECT, writes to pgbench INSERT; raw wrk output in .local-stack/bench/"
} | tee "$WORK/report.txt"
