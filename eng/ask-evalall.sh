#!/usr/bin/env bash
# Runs every `aether ask --eval` set on its own store and prints one line per set:
#   file  right  wrong  declined  total
# Usage: eng/ask-evalall.sh <aether.dll> <store cache dir> [file-pattern]
#
# The stores are listed in tests/AetherSegment.Cli.Tests/Analytics/Eval/stores.tsv (file, customers, seed, as_of,
# extra_args; see docs/analytics.md, "Evaluation"). A missing store is generated into the cache dir once
# (c<customers>-s<seed>-<as-of>.duckdb, so sets that share a store share it); each eval runs on a private copy, so
# the cached store is never changed. A row whose customers is "-" has no `aether generate` store (the Summit
# Outfitters set: its store is made by the tests) and is printed as skipped. file-pattern is a grep -E pattern on
# the file name. Two evals run at a time. Always exits 0; a failed run prints "error" and its log's path.
# ASK_EVALALL_STORES=FILE reads the rows from another file of the same columns (to try a store for a set).
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 <aether.dll> <store cache dir> [file-pattern]" >&2
    exit 0
fi

DLL=$(readlink -f "$1")
CACHE=$(mkdir -p "$2" && readlink -f "$2")
PATTERN=${3:-.}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EVAL_DIR="$ROOT/tests/AetherSegment.Cli.Tests/Analytics/Eval"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ask-evalall.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export DLL CACHE ROOT EVAL_DIR WORK

store_name() { # customers seed as_of
    echo "c$1-s$2-$(echo "$3" | tr -d ':-')"
}

# The rows to run: file customers seed as_of extra_args (tab-separated), header and blank lines left out.
tail -n +2 "${ASK_EVALALL_STORES:-$EVAL_DIR/stores.tsv}" | awk -F'\t' 'NF >= 4' | while IFS=$'\t' read -r file _rest; do
    echo "$file" | grep -Eq -- "$PATTERN" && printf '%s\t%s\n' "$file" "$_rest"
done > "$WORK/rows.tsv"

# Generate the missing stores one at a time (they are shared, and generation is the heavy part).
while IFS=$'\t' read -r file customers seed asof extra; do
    [ "$customers" = "-" ] && continue
    name=$(store_name "$customers" "$seed" "$asof")
    if [ ! -f "$CACHE/$name.duckdb" ]; then
        echo "generating $name" >&2
        rm -f "$CACHE/$name.tmp.duckdb" "$CACHE/$name.tmp.duckdb.wal"
        if dotnet "$DLL" generate --customers "$customers" --seed "$seed" --as-of "$asof" \
            --db "$CACHE/$name.tmp.duckdb" --force > "$WORK/gen-$name.log" 2>&1; then
            mv "$CACHE/$name.tmp.duckdb" "$CACHE/$name.duckdb"
            rm -f "$CACHE/$name.tmp.duckdb.aether-stamp"
        else
            echo "generate $name failed (log below)" >&2
            cat "$WORK/gen-$name.log" >&2
        fi
    fi
done < "$WORK/rows.tsv"

run_one() { # one row of rows.tsv, tab-separated
    IFS=$'\t' read -r file customers seed asof extra <<< "$1"
    if [ "$customers" = "-" ]; then
        printf '%s\tskipped (no aether generate store; see stores.tsv)\n' "$file"
        return 0
    fi
    name=$(store_name "$customers" "$seed" "$asof")
    if [ ! -f "$CACHE/$name.duckdb" ]; then
        printf '%s\terror (no store %s)\n' "$file" "$name"
        return 0
    fi
    copy="$WORK/$file.$$.duckdb" # $$: this run's own shell, so one file can be listed twice
    cp "$CACHE/$name.duckdb" "$copy"
    log="$WORK/$file.$$.log"
    # shellcheck disable=SC2086 # extra_args is a list of words
    (cd "$ROOT" && dotnet "$DLL" ask --eval "$EVAL_DIR/$file" --db "$copy" ${extra:-}) > "$WORK/$file.$$.json" 2> "$log"
    rm -f "$copy" "$copy.wal" "$copy.aether-stamp"
    python3 - "$file" "$WORK/$file.$$.json" "$log" <<'PY'
import json, sys, shutil, os
file, out, log = sys.argv[1:4]
try:
    text = open(out).read()
    r = json.loads(text[text.index("{"):])
    print(f"{file}\t{r['right']}\t{r['wrong']}\t{r['declined']}\t{r['questions']}")
except Exception as e:
    kept = os.path.join(os.environ.get("TMPDIR", "/tmp"), os.path.basename(file) + ".evalall.log")
    shutil.copy(log, kept)
    print(f"{file}\terror ({type(e).__name__}; stderr in {kept})")
PY
}
run_numbered() { # "<n><TAB><row>": writes the row's line to $WORK/res.<n>
    run_one "${1#*$'\t'}" > "$WORK/res.${1%%$'\t'*}"
}
export -f run_one run_numbered store_name

# Two at a time; each set's line is printed in the order of stores.tsv.
nl -ba -w1 -s$'\t' "$WORK/rows.tsv" | tr '\n' '\0' | xargs -0 -P 2 -I{} bash -c 'run_numbered "$1"' _ {}
printf 'file\tright\twrong\tdeclined\ttotal\n'
for n in $(seq 1 "$(wc -l < "$WORK/rows.tsv")"); do
    cat "$WORK/res.$n" 2>/dev/null
done
exit 0
