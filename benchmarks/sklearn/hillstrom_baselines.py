"""scikit-learn uplift baselines on Hillstrom splits written by `aether uplift split`.

Usage: /usr/bin/python3 hillstrom_baselines.py TRAIN.csv TEST.csv [TREATMENT] [CONTROL]
Prints one JSON line per model: T-learner HistGradientBoosting, T-learner RandomForest, class transformation HGB.
"""
import json
import sys
import time

import csv

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier

from sklift_metrics import qini_auc_score, uplift_at_k, uplift_auc_score

train_path, test_path = sys.argv[1], sys.argv[2]
treat = sys.argv[3] if len(sys.argv) > 3 else "Womens E-Mail"
ctrl = sys.argv[4] if len(sys.argv) > 4 else "No E-Mail"
NUMERIC = ["recency", "history", "mens", "womens", "newbie"]
CATEGORICAL = {
    "history_segment": ["1) $0 - $100", "2) $100 - $200", "3) $200 - $350", "4) $350 - $500",
                        "5) $500 - $750", "6) $750 - $1,000", "7) $1,000 +"],
    "zip_code": ["Urban", "Surburban", "Rural"],
    "channel": ["Phone", "Web", "Multichannel"],
}


def load(path):
    """Features (numeric + one-hot categoricals; pandas is not installed here), treatment and visit."""
    rows = [r for r in csv.DictReader(open(path, newline="")) if r["segment"] in (treat, ctrl)]
    x = np.array([[float(r[c]) for c in NUMERIC] +
                  [1.0 if r[c] == level else 0.0 for c, levels in CATEGORICAL.items() for level in levels]
                  for r in rows])
    t = np.array([1 if r["segment"] == treat else 0 for r in rows])
    y = np.array([int(r["visit"]) for r in rows])
    return x, t, y


xtr, ttr, ytr = load(train_path)
xte, tte, yte = load(test_path)


def report(name, uplift, seconds):
    print(json.dumps({
        "model": name,
        "qini_coefficient": round(float(qini_auc_score(yte, uplift, tte)), 6),
        "auuc": round(float(uplift_auc_score(yte, uplift, tte)), 6),
        "uplift_at_30pct": round(float(uplift_at_k(yte, uplift, tte, 0.3)), 6),
        "train_seconds": round(seconds, 3),
    }))


for name, make in [
    ("sklearn_tlearner_hgb", lambda: HistGradientBoostingClassifier(random_state=0)),
    ("sklearn_tlearner_rf", lambda: RandomForestClassifier(n_estimators=100, min_samples_leaf=50, n_jobs=2, random_state=0)),
]:
    start = time.perf_counter()
    mt = make().fit(xtr[ttr == 1], ytr[ttr == 1])
    mc = make().fit(xtr[ttr == 0], ytr[ttr == 0])
    uplift = mt.predict_proba(xte)[:, 1] - mc.predict_proba(xte)[:, 1]
    report(name, uplift, time.perf_counter() - start)

start = time.perf_counter()
z = ytr * ttr + (1 - ytr) * (1 - ttr)
m = HistGradientBoostingClassifier(random_state=0).fit(xtr, z)
report("sklearn_ct_hgb", 2 * m.predict_proba(xte)[:, 1] - 1, time.perf_counter() - start)
