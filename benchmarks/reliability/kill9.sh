#!/usr/bin/env bash
# The kill -9 checks of issue 19: kill the `aether` CLI at random moments during `generate`, `generate --force` and
# `segment create --out`, and check that nothing is lost: the old database and the old member file are byte-identical,
# no half database appears, the next run cleans the killed run's .loading-* files, and the database still works.
#
#   benchmarks/reliability/kill9.sh                 # 5 kills per case
#   KILLS=10 CUSTOMERS=200000 benchmarks/reliability/kill9.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KILLS=${KILLS:-5}
CUSTOMERS=${CUSTOMERS:-200000}
KILL_MIN=${KILL_MIN:-0.5}     # a kill lands KILL_MIN + [0, KILL_SPAN) seconds after the start
KILL_SPAN=${KILL_SPAN:-3}
CASES=${CASES:-generate force segment}   # which of the three cases to run
WORK=${WORK:-$(mktemp -d /tmp/aether-kill9.XXXXXX)}
CLI="$ROOT/samples/AetherSegment.Cli/bin/Release/net10.0/aether.dll"
OBJECTIVE="Target high CLV customers in London and Manchester with exclusive new product launches to drive regional sales growth"
failures=0
mkdir -p "$WORK"
if [ "${SKIP_BUILD:-0}" != 1 ]; then dotnet build -c Release "$ROOT/samples/AetherSegment.Cli" -v q -nologo >&2; fi
echo "kill9: work folder $WORK" >&2

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
hash() { sha256sum "$1" | cut -d' ' -f1; }
# Starts a command, kills it with SIGKILL after a random KILL_MIN..KILL_MIN+KILL_SPAN s; prints "killed" or "finished".
kill_at_random() {
  "$@" > /dev/null 2>&1 &
  local pid=$! delay
  delay=$(awk -v r=$RANDOM -v a="$KILL_MIN" -v b="$KILL_SPAN" 'BEGIN { printf "%.2f", a + b * r / 32768 }')
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; echo killed; else wait "$pid" 2>/dev/null || true; echo finished; fi
}
loading_files() { find "$(dirname "$1")" -maxdepth 1 -name ".$(basename "$1").loading-*" | wc -l; }

# 1. generate into a new file: a killed run leaves no database, and the next run cleans its leftovers.
if [[ " $CASES " == *" generate "* ]]; then
db="$WORK/new.duckdb"; killed=0
for i in $(seq 1 "$KILLS"); do
  rm -f "$db"
  if [ "$(kill_at_random dotnet "$CLI" generate --db "$db" --customers "$CUSTOMERS")" = killed ]; then
    killed=$((killed + 1))
    [ -e "$db" ] && fail "generate #$i: a killed first generate left a database at $db"
  fi
done
left=$(loading_files "$db")
dotnet "$CLI" generate --db "$db" --customers 2000 > /dev/null
after=$(loading_files "$db")
dotnet "$CLI" data check --db "$db" > /dev/null || fail "generate: the database made after the kills does not pass data check"
[ "$after" = 0 ] || fail "generate: $after .loading-* files left after the next run (had $left)"
echo "generate: $killed of $KILLS runs killed; $left leftover loading files, $after after the next generate"
fi

# 2. generate --force over an existing database: the old file stays byte-identical.
if [[ " $CASES " == *" force "* ]]; then
db="$WORK/force.duckdb"
dotnet "$CLI" generate --db "$db" --customers 2000 > /dev/null
before=$(hash "$db"); killed=0
for i in $(seq 1 "$KILLS"); do
  if [ "$(kill_at_random dotnet "$CLI" generate --db "$db" --force --customers "$CUSTOMERS" --seed 7)" = killed ]; then
    killed=$((killed + 1))
    [ "$(hash "$db")" = "$before" ] || fail "generate --force #$i: the old database changed"
  else
    before=$(hash "$db")   # it finished: the new database is the baseline
  fi
done
dotnet "$CLI" data check --db "$db" > /dev/null || fail "generate --force: the database fails data check after the kills"
left=$(loading_files "$db")
echo "generate --force: $killed of $KILLS runs killed, old database byte-identical after each; $left loading files left (cleaned by the next load)"
fi

# 3. segment create --out over an existing member file: the old file stays byte-identical, the stored segments intact.
if [[ " $CASES " == *" segment "* ]]; then
db="$WORK/segments.duckdb"; out="$WORK/members.csv"
dotnet "$CLI" generate --db "$db" --customers 20000 > /dev/null
first=$(dotnet "$CLI" segment create "$OBJECTIVE" --db "$db" --out "$out")
id=$(echo "$first" | grep -o '"segment_id": *"seg_[0-9a-f]*"' | grep -o 'seg_[0-9a-f]*')
size=$(echo "$first" | grep -o '"size": *[0-9]*' | grep -o '[0-9]*$')
dotnet "$CLI" segment export "$id" --db "$db" --out "$WORK/first-before.csv" > /dev/null
before=$(hash "$out"); killed=0
for i in $(seq 1 "$KILLS"); do
  if [ "$(kill_at_random dotnet "$CLI" segment create "$OBJECTIVE" --db "$db" --out "$out")" = killed ]; then
    killed=$((killed + 1))
    [ "$(hash "$out")" = "$before" ] || fail "segment create #$i: the old member file changed"
  else
    before=$(hash "$out")
  fi
  ls "$WORK"/members.csv.tmp-* > /dev/null 2>&1 && rm -f "$WORK"/members.csv.tmp-*   # a killed export's temporary file
done
dotnet "$CLI" segment export "$id" --db "$db" --out "$WORK/first-after.csv" > /dev/null
[ "$(hash "$WORK/first-before.csv")" = "$(hash "$WORK/first-after.csv")" ] || fail "segment create: the first segment's export changed"
rows=$(( $(wc -l < "$WORK/first-after.csv") - 1 ))
[ "$rows" = "$size" ] || fail "segment create: the first segment exports $rows rows, its size is $size"
dotnet "$CLI" segment create "$OBJECTIVE" --db "$db" > /dev/null || fail "segment create: the database refuses a new segment after the kills"
echo "segment create: $killed of $KILLS runs killed, old member file byte-identical, first segment's export unchanged ($rows rows = size)"
fi

echo "failures=$failures"
[ "$failures" = 0 ]
