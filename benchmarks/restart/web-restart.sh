#!/usr/bin/env bash
# Issues 14 and 19: restart the web host on an existing database and time its analyze requests (docs/benchmarks.md,
# "Issues 19 and 14: warm analyze and restart").
#
#   benchmarks/restart/web-restart.sh LABEL BINDIR DB PORT [N]
#
# BINDIR holds a Release build of samples/AetherSegment.Web (dotnet build -c Release -o BINDIR); DB is a DuckDB file
# with its .models directory beside it (a copy: the host may write to it). The host starts with the live stream off;
# the script waits for /api/v1/health to say warm_up.state = ready (or, for builds without warm_up, for the log line
# "Trigger uplift models ready"), sends N analyze requests cycling three objectives, prints the first, median, p99
# and per-request times, and greps the log for training. Outputs go to OUT (default /tmp/perf).
set -uo pipefail
LABEL=$1; BIN=$2; DB=$3; PORT=$4; N=${5:-20}
OUT=${OUT:-/tmp/perf}; mkdir -p "$OUT"
LOG=$OUT/web-$LABEL.log
cd $BIN
T0=$(date +%s.%N)
AetherSegment__DuckDB__Path=$DB AetherSegment__Web__LiveEvents=false ASPNETCORE_URLS=http://127.0.0.1:$PORT dotnet AetherSegment.Web.dll > $LOG 2>&1 &
PID=$!
for i in $(seq 1 2400); do
  H=$(curl -sf http://127.0.0.1:$PORT/api/v1/health 2>/dev/null)
  if echo "$H" | grep -q '"warm_up":{"state":"\(ready\|failed\|off\)"'; then break; fi
  if ! echo "$H" | grep -q '"warm_up"' && grep -q "Trigger uplift models ready\|could not be trained" $LOG; then break; fi
  sleep 0.25
done
T1=$(date +%s.%N)
echo "$LABEL: ready (health) after $(echo "$T1 - $T0" | bc) s: $(echo "$H" | grep -o '"warm_up":{[^}]*}')"
OBJ='{"objective":"Win back customers at risk of churning with free shipping"}'
OBJ2='{"objective":"Re-engage customers with high churn risk who haven'"'"'t purchased in 90 days using exclusive offers to bring back 15%"}'
OBJ3='{"objective":"Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount"}'
for i in $(seq 1 $N); do
  case $((i % 3)) in 1) B=$OBJ;; 2) B=$OBJ2;; 0) B=$OBJ3;; esac
  curl -s -o $OUT/resp-$LABEL-$i.json -w "%{http_code} %{time_total}\n" -H 'Content-Type: application/json' -d "$B" http://127.0.0.1:$PORT/api/v1/campaigns/analyze
done > $OUT/times-$LABEL.txt
RSS=$(ps -o rss= -p $PID)
kill $PID; wait $PID 2>/dev/null
python3 - "$LABEL" "$RSS" "$OUT" <<'PY'
import sys
lab, rss, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows=[l.split() for l in open(f'{out}/times-{lab}.txt')]
codes=set(r[0] for r in rows); t=[float(r[1]) for r in rows]
w=sorted(t[1:])
import math
p99=w[min(len(w)-1, math.ceil(0.99*len(w))-1)]
print(f"{lab}: codes={codes} first={t[0]:.3f}s warm(n={len(w)}): median={w[len(w)//2]:.3f}s p99={p99:.3f}s max={w[-1]:.3f}s min={w[0]:.3f}s; rss_end={rss/1024:.0f}MB")
print("  all:", " ".join(f"{x:.3f}" for x in t))
PY
grep -ci "Trained trigger" $LOG | sed "s/^/  trained lines: /"
grep -i "Loaded trigger\|snapshot\|Warm-up analyze\|models ready" $LOG | cut -c1-220 | head -5
