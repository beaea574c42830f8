"""Rows per second of scikit-learn's predict on a T-learner of the same size as aether's default.

aether's default T-learner: two gradient-boosted models of 60 trees, at most 8 leaves and depth 3, on Hillstrom's 8
features (3 categorical). The same here with HistGradientBoostingClassifier (categorical features native, no early
stopping), trained on the Womens vs No E-Mail rows, then predict_proba on 1,000,000 rows (Hillstrom rows repeated).
An uplift value needs both models' probabilities, as in aether.
Usage: /usr/bin/python3 predict_speed.py [HILLSTROM.csv.gz]
"""
import csv
import gzip
import json
import os
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "shared", "data", "hillstrom", "hillstrom.csv.gz")
levels = {"history_segment": {}, "zip_code": {}, "channel": {}}
rows = []
with gzip.open(path, "rt", newline="") as f:
    for r in csv.DictReader(f):
        if r["segment"] not in ("Womens E-Mail", "No E-Mail"):
            continue
        x = [float(r["recency"]), float(r["history"]), float(r["mens"]), float(r["womens"]), float(r["newbie"])]
        for c, codes in levels.items():
            x.append(codes.setdefault(r[c], len(codes)))
        rows.append((x, 1 if r["segment"] == "Womens E-Mail" else 0, int(r["visit"])))
x = np.array([r[0] for r in rows], dtype=np.float64)
t = np.array([r[1] for r in rows])
y = np.array([r[2] for r in rows])
categorical = [False] * 5 + [True] * 3


def model():
    return HistGradientBoostingClassifier(max_iter=60, learning_rate=0.08, max_leaf_nodes=8, max_depth=3,
                                          min_samples_leaf=200, l2_regularization=20, early_stopping=False,
                                          categorical_features=categorical, random_state=0)


treated, control = model().fit(x[t == 1], y[t == 1]), model().fit(x[t == 0], y[t == 0])
big = np.resize(x, (1_000_000, x.shape[1]))
treated.predict_proba(big[:1000])
control.predict_proba(big[:1000])
best, best_cpu = float("inf"), float("inf")
for _ in range(3):
    start, start_cpu = time.perf_counter(), time.process_time()
    uplift = treated.predict_proba(big)[:, 1] - control.predict_proba(big)[:, 1]
    best = min(best, time.perf_counter() - start)
    best_cpu = min(best_cpu, time.process_time() - start_cpu)
# process_time counts every thread's CPU time: robust when other jobs share the cores.
print(json.dumps({"sklearn": __import__("sklearn").__version__, "rows": len(big), "trees_per_model": treated.n_iter_,
                  "best_wall_seconds": round(best, 3), "best_cpu_seconds": round(best_cpu, 3),
                  "rows_per_wall_second": round(len(big) / best), "rows_per_cpu_second": round(len(big) / best_cpu)}))
