#!/usr/bin/env bash
# Load test of the web API on loopback at 10,000 customers (docs/benchmarks.md, "## Web").
# Starts the Release build on 127.0.0.1:5080 over a fresh generated database in a temp folder, then runs wrk
# against preview-filters and analyze, and measures the dashboard's first paint in headless Chromium.
# Needs: wrk (apt-get install -y wrk), chromium (/usr/bin/chromium), node (for first-paint.mjs).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5080}
DURATION=${DURATION:-20s}
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

dotnet build samples/AetherSegment.Web -c Release -v quiet -nologo >/dev/null
if [ -z "${PLAYWRIGHT_CORE:-}" ]; then   # the Microsoft.Playwright package brings playwright-core for first-paint.mjs
  dotnet build tests/AetherSegment.Web.Tests -c Release -v quiet -nologo >/dev/null
fi
ASPNETCORE_ENVIRONMENT=Production samples/AetherSegment.Web/bin/Release/net10.0/AetherSegment.Web \
  --urls "http://127.0.0.1:$PORT" \
  --webroot "$PWD/samples/AetherSegment.Web/wwwroot" \
  --AetherSegment:DuckDB:Path="$WORK/load.duckdb" \
  --AetherSegment:Web:InterpretationPermitsPerMinute=1000000 \
  --Logging:LogLevel:Default=Warning >"$WORK/server.log" 2>&1 &
SERVER=$!

until curl -sf "http://127.0.0.1:$PORT/api/v1/health" | grep -q '"data":"ready"'; do sleep 1; done
curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/campaigns/analyze" -H 'Content-Type: application/json' \
  -d '{"objective":"Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount to increase conversion by 25%"}' \
  | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["campaign_objective_object"]))' >"$WORK/objective.json"

echo "== preview-filters, five rotating refinements (4 connections, 2 threads, $DURATION)"
wrk -t2 -c4 -d"$DURATION" --latency -s benchmarks/load/preview-filters.lua "http://127.0.0.1:$PORT" -- "$WORK/objective.json"
echo "== preview-filters, every request different (cache misses; 4 connections, 2 threads, $DURATION)"
wrk -t2 -c4 -d"$DURATION" --latency -s benchmarks/load/preview-filters-uncached.lua "http://127.0.0.1:$PORT" -- "$WORK/objective.json"
echo "== analyze (4 connections, 2 threads, $DURATION)"
wrk -t2 -c4 -d"$DURATION" --latency -s benchmarks/load/analyze.lua "http://127.0.0.1:$PORT"
echo "== dashboard first paint (10 cold loads)"
node benchmarks/load/first-paint.mjs "http://127.0.0.1:$PORT/" 10
