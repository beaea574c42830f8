#!/usr/bin/env python3
"""Compares two `ask-scale` dumps (ASK_SCALE_DUMP=FILE, one JSON line per question: the reading with its reason, the
query, the compiled SQL and its parameters) and prints every question whose line differs. Exits 1 when any differs, so a
parse speed change can be checked to change no reading:
    ASK_SCALE_DUMP_ONLY=1 ASK_SCALE_DUMP=before.jsonl dotnet <bench before>/AetherSegment.Benchmarks.dll ask-scale STORE FILES...
    ASK_SCALE_DUMP_ONLY=1 ASK_SCALE_DUMP=after.jsonl  dotnet <bench after>/AetherSegment.Benchmarks.dll ask-scale STORE FILES...
    eng/ask-dumpdiff.py before.jsonl after.jsonl
"""
import json
import sys

if len(sys.argv) != 3:
    print(__doc__)
    sys.exit(2)

before = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
after = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
if len(before) != len(after):
    print(f"different question counts: {len(before)} and {len(after)}")
    sys.exit(1)

differ = 0
for b, a in zip(before, after):
    if b != a:
        differ += 1
        print(f"question: {b.get('question')!r}")
        for key in sorted(set(b) | set(a)):
            if b.get(key) != a.get(key):
                print(f"  {key}:\n    before: {b.get(key)!r}\n    after:  {a.get(key)!r}")

answered = sum(1 for b in before if b.get("sql"))
print(f"{len(before)} questions ({answered} compiled), {differ} differ")
sys.exit(1 if differ else 0)
