#!/usr/bin/env bash
# Records new public API of the packages under src/ in their PublicAPI.Unshipped.txt (the RS0016 code fix, from
# the command line). Run it after adding public members, review the diff, commit it with the change.
# Usage: eng/update-public-api.sh [project-dir ...]   (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || mapfile -t projects < <(ls -d src/*/)
for dir in "${projects[@]}"; do
  dir=${dir%/}
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -s "$dir/$f" ] || echo "#nullable enable" > "$dir/$f"
  done
  for pass in 1 2 3; do
    out=$(dotnet build "$dir" --no-restore --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
    symbols=$(echo "$out" | grep -E "RS0016|RS0017" | grep -F "$dir" | sed -nE "s/.*Symbol '(.*)' is (not part of the declared|part of the declared).*/\2|\1/p" | sort -u || true)
    [ -n "$symbols" ] || break
    added=$(echo "$symbols" | grep '^not part' | cut -d'|' -f2- || true)
    removed=$(echo "$symbols" | grep '^part' | cut -d'|' -f2- || true)
    [ -z "$added" ] || echo "$added" >> "$dir/PublicAPI.Unshipped.txt"
    if [ -n "$removed" ]; then
      while IFS= read -r sym; do
        grep -vxF -- "$sym" "$dir/PublicAPI.Unshipped.txt" > "$dir/PublicAPI.Unshipped.txt.tmp" || true
        mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
      done <<< "$removed"
    fi
    { head -n1 "$dir/PublicAPI.Unshipped.txt"; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | sort -u; } > "$dir/PublicAPI.Unshipped.txt.tmp"
    mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
  done
  echo "$dir: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped symbols"
done
