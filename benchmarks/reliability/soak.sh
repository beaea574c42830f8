#!/usr/bin/env bash
# The reliability soak of issue 19: mixed API clients against a Release build of the web host with the live event
# stream on, a CLI writer taking the DuckDB lock every LOCK_EVERY seconds, then a consistency check of every segment
# created (export row count = stored size). See README.md in this folder.
#
#   benchmarks/reliability/soak.sh                      # 5 minutes, 8 clients, writer every 30 s
#   DURATION=60 CLIENTS=4 benchmarks/reliability/soak.sh
#
# Exit code 0 when the bar holds: no 5xx answer, the live stream running (and appending) at the end, every export equal
# to its segment's size, every CLI write done.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-300}
CLIENTS=${CLIENTS:-8}
LOCK_EVERY=${LOCK_EVERY:-30}
LOCK_HOLD=${LOCK_HOLD:-5}
CUSTOMERS=${CUSTOMERS:-10000}
PORT=${PORT:-5190}
KEY=${KEY:-soak-key}
WORK=${WORK:-$(mktemp -d /tmp/aether-soak.XXXXXX)}
BASE="http://127.0.0.1:$PORT"
WEB="$ROOT/samples/AetherSegment.Web/bin/Release/net10.0/AetherSegment.Web.dll"
CLI="$ROOT/samples/AetherSegment.Cli/bin/Release/net10.0/aether.dll"
DB="$WORK/soak.duckdb"
mkdir -p "$WORK"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build -c Release "$ROOT/samples/AetherSegment.Web" -v q -nologo >&2
  dotnet build -c Release "$ROOT/samples/AetherSegment.Cli" -v q -nologo >&2
fi

echo "soak: work folder $WORK" >&2
dotnet "$CLI" generate --db "$DB" --customers "$CUSTOMERS" > "$WORK/generate.json"

dotnet "$WEB" --urls "$BASE" --environment Production --contentRoot "$ROOT/samples/AetherSegment.Web" \
  --AetherSegment:DuckDB:Path="$DB" --AetherSegment:Web:ApiKey="$KEY" \
  --AetherSegment:Web:LiveEvents=true --AetherSegment:Web:LiveEventsInterval=00:00:01 \
  --AetherSegment:Web:LiveEventsRetryDelay=00:00:00.200 --AetherSegment:Web:LiveEventsRetryMaxDelay=00:00:02 \
  --AetherSegment:Web:InterpretationPermitsPerMinute=1000000 --AetherSegment:Web:AnalyticsPermitsPerMinute=1000000 \
  > "$WORK/web.log" 2>&1 &
WEB_PID=$!
cleanup() { kill "$WEB_PID" 2>/dev/null || true; jobs -p | xargs -r kill 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 600); do
  if curl -fs "$BASE/api/v1/health" 2>/dev/null | grep -q '"data":"ready"'; then break; fi
  sleep 0.5
done

OBJECTIVES=(
  "Target high CLV customers in London and Manchester with exclusive new product launches to drive regional sales growth"
  "Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount to increase conversion by 25%"
  "Re-engage customers with high churn risk who haven't purchased in 90 days using exclusive offers to bring back 15%"
)
QUESTIONS=("How many customers are in each country?" "What is the average CLV by country?" "How many abandoned carts in the last 7 days?")
END=$(( $(date +%s) + DURATION ))

# One client: a random mix of every endpoint until END, pausing while the CLI writer holds the lock (DuckDB admits one
# process at a time: a request meeting the writer's lock gets 503 + Retry-After by design, which is not what this
# soak measures). Each answer is one line "epoch method path status" in client-N.log; 5xx bodies are kept.
client() {
  local n=$1 log="$WORK/client-$1.log" ids="$WORK/ids-$1.txt" body="$WORK/body-$1.json"
  touch "$ids"
  request() {  # method path [json]
    local code
    if [ $# -ge 3 ]; then
      code=$(curl -s -o "$body" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json' -H "X-Api-Key: $KEY" --data "$3" "$BASE$2" || echo 000)
    else
      code=$(curl -s -o "$body" -w '%{http_code}' -X "$1" -H "X-Api-Key: $KEY" "$BASE$2" || echo 000)
    fi
    echo "$(date +%s) $1 ${2%%\?*} $code" >> "$log"
    if [[ $code == 5* || $code == 000 ]]; then cp "$body" "$WORK/5xx-$n-$(date +%s%N).json" 2>/dev/null || true; fi
    LAST_CODE=$code
  }
  while [ "$(date +%s)" -lt "$END" ]; do
    if [ -e "$WORK/pause" ]; then sleep 0.2; continue; fi
    local objective=${OBJECTIVES[$((RANDOM % 3))]} id
    id=$(shuf -n 1 "$ids" 2>/dev/null || true)
    case $((RANDOM % 10)) in
      0|1) request GET /api/v1/overview/stats ;;
      2) request POST /api/v1/campaigns/analyze "{\"objective\": \"$objective\"}" ;;
      3) request POST /api/v1/segments/preview-filters "{\"campaign_objective_object\": {\"objective\": \"$objective\", \"campaign_type\": \"win_back\"}, \"new_filters\": {\"clv_min\": 0.$((RANDOM % 9))}}" ;;
      4|5) request POST /api/v1/segments/create "{\"campaign_objective\": \"$objective\"}"
           if [ "$LAST_CODE" = 201 ]; then grep -o '"segment_id":"seg_[0-9a-f]*"' "$body" | head -1 | cut -d'"' -f4 >> "$ids"; fi ;;
      6) if [ -n "$id" ]; then request GET "/api/v1/segments/$id"; fi ;;
      7|8) if [ -n "$id" ]; then request GET "/api/v1/segments/$id/export?format=$([ $((RANDOM % 2)) = 0 ] && echo csv || echo json)"; fi ;;
      9) request POST /api/v1/analytics/ask "{\"question\": \"${QUESTIONS[$((RANDOM % 3))]}\"}" ;;
    esac
  done
}

# The CLI writer: every LOCK_EVERY seconds it pauses the clients, runs `aether events add` (retrying while the web host
# still holds the file), then keeps the lock LOCK_HOLD seconds more (hold-lock.py), so the live stream meets it.
writer() {
  local log="$WORK/writer.log"
  while [ $(( $(date +%s) + LOCK_EVERY )) -lt "$END" ]; do
    sleep "$LOCK_EVERY"
    touch "$WORK/pause"; sleep 1
    local started=$(date +%s.%N) done=0
    for _ in $(seq 1 120); do
      if dotnet "$CLI" events add 200 --db "$DB" > "$WORK/events-add.json" 2>> "$WORK/events-add.err"; then done=1; break; fi
      sleep 0.5
    done
    python3 "$ROOT/benchmarks/reliability/hold-lock.py" "$DB" "$LOCK_HOLD" > /dev/null
    echo "$(date +%s) events_add=$done waited_s=$(echo "$(date +%s.%N) - $started - $LOCK_HOLD" | bc)" >> "$log"
    rm -f "$WORK/pause"
  done
}

# The health poller: the live stream's state once a second.
poller() {
  while [ "$(date +%s)" -lt "$END" ]; do
    curl -s "$BASE/api/v1/health" | grep -o '"live_events":{"state":"[a-z]*","events_appended":[0-9]*' \
      | sed 's/"live_events":{"state":"\([a-z]*\)","events_appended":\([0-9]*\)/\1 \2/' | sed "s/^/$(date +%s) /" >> "$WORK/health.log" || true
    sleep 1
  done
}

for n in $(seq 1 "$CLIENTS"); do client "$n" & done
writer & poller &
wait $(jobs -p | grep -v "^$WEB_PID$") 2>/dev/null || true
rm -f "$WORK/pause"

# The end: the stream must be running and appending.
first=$(curl -s "$BASE/api/v1/health"); sleep 3; second=$(curl -s "$BASE/api/v1/health")
state=$(echo "$second" | grep -o '"live_events":{"state":"[a-z]*"' | cut -d'"' -f6)
events1=$(echo "$first" | grep -o '"events_appended":[0-9]*' | cut -d: -f2)
events2=$(echo "$second" | grep -o '"events_appended":[0-9]*' | cut -d: -f2)

# Consistency: every segment's CSV export has as many rows as its stored size.
checked=0; mismatched=0
for id in $(cat "$WORK"/ids-*.txt | sort -u); do
  size=$(curl -s -H "X-Api-Key: $KEY" "$BASE/api/v1/segments/$id" | grep -o '"size":[0-9]*' | head -1 | cut -d: -f2)
  rows=$(( $(curl -s -H "X-Api-Key: $KEY" "$BASE/api/v1/segments/$id/export?format=csv" | wc -l) - 1 ))
  checked=$((checked + 1))
  if [ "$size" != "$rows" ]; then mismatched=$((mismatched + 1)); echo "mismatch $id size=$size rows=$rows" >> "$WORK/mismatch.log"; fi
done

cat "$WORK"/client-*.log > "$WORK/all.log"
total=$(wc -l < "$WORK/all.log")
fivexx=$(awk '$4 ~ /^5|^000/' "$WORK/all.log" | wc -l)
writes=$(grep -c "events_add=1" "$WORK/writer.log" || true)
write_tries=$(wc -l < "$WORK/writer.log")
retrying=$(grep -c " retrying " "$WORK/health.log" || true)
{
  echo "duration_s=$DURATION clients=$CLIENTS customers=$CUSTOMERS lock_every_s=$LOCK_EVERY lock_hold_s=$LOCK_HOLD"
  echo "requests=$total 5xx_or_failed=$fivexx"
  echo "by_status: $(awk '{print $4}' "$WORK/all.log" | sort | uniq -c | awk '{printf "%s=%s ", $2, $1}')"
  echo "by_endpoint: $(awk '{p=$3; gsub(/seg_[0-9a-f]+/, "{id}", p); print $2" "p}' "$WORK/all.log" | sort | uniq -c | awk '{printf "%s %s=%s; ", $2, $3, $1}')"
  echo "cli_writes=$writes/$write_tries health_samples_retrying=$retrying"
  echo "stream_end_state=$state events_appended=$events1->$events2"
  echo "segments_checked=$checked export_mismatches=$mismatched"
} | tee "$WORK/summary.txt"

[ "$fivexx" = 0 ] && [ "$state" = running ] && [ "${events2:-0}" -gt "${events1:-0}" ] && [ "$mismatched" = 0 ] && [ "$writes" = "$write_tries" ]
