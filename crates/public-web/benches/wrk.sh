#!/usr/bin/env bash
# Throughput with wrk: the JSON search and the HTML results page beside a trivial axum handler
# served by the same process in the same run, on the fixture register (or ENTRIES). Prints a
# Markdown table with each endpoint's share of the trivial handler's throughput.
# Usage: crates/public-web/benches/wrk.sh [ENTRIES] [DURATION]   (needs Debian's wrk)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
entries=${1:-}
duration=${2:-10s}
cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p public-web --example load_server
log=$(mktemp)
"$root/target/release/examples/load_server" $entries >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log" "$lua"' EXIT
for _ in $(seq 1 600); do grep -q '^app=' "$log" && break; sleep 0.5; done
app=$(sed -n 's/^app=\([^ ]*\) .*/\1/p' "$log")
trivial=$(sed -n 's/.* trivial=\(.*\)$/\1/p' "$log")
[ -n "$app" ] || { cat "$log"; exit 1; }
# A mix of typical searches, each request picking the next one.
lua=$(mktemp --suffix=.lua)
cat >"$lua" <<'LUA'
local paths = {}
local i = 0
function init(args) for _, p in ipairs(args) do table.insert(paths, p) end end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
run() { # url [lua args...] → requests per second
  local url=$1; shift
  if [ $# -gt 0 ]; then
    wrk -t2 -c32 -d"$duration" -s "$lua" "$url" -- "$@" | awk '/Requests\/sec/ {print $2}'
  else
    wrk -t2 -c32 -d"$duration" "$url" | awk '/Requests\/sec/ {print $2}'
  fi
}
run "$trivial/" >/dev/null # warm-up
base=$(run "$trivial/")
json_one=$(run "$app/api/v1/search?language=arabisk")
json_mix=$(run "$app" /api/v1/search?language=arabisk /api/v1/search?language=farsi\&category=C \
  /api/v1/search?language=somali\&county=03 /api/v1/search?kind=sign /api/v1/search?language=polsk\&mode=telephone,video)
html_one=$(run "$app/sok?language=arabisk")
html_mix=$(run "$app" /sok?language=arabisk /sok?language=farsi\&category=C /sok?language=somali\&county=03 \
  /sok?kind=sign /sok?language=polsk\&mode=telephone\&mode=video)
ratio() { awk -v a="$1" -v b="$base" 'BEGIN { printf "%.0f %%", 100 * a / b }'; }
echo "| endpoint (wrk -t2 -c32 -d$duration, ${entries:-fixture} register) | requests/s | share of trivial |"
echo "|---|---|---|"
echo "| trivial axum handler (\"ok\") | $base | 100 % |"
echo "| JSON search, arabisk | $json_one | $(ratio "$json_one") |"
echo "| JSON search, mix of 5 typical queries | $json_mix | $(ratio "$json_mix") |"
echo "| HTML results page, arabisk | $html_one | $(ratio "$html_one") |"
echo "| HTML results page, mix of 5 | $html_mix | $(ratio "$html_mix") |"
