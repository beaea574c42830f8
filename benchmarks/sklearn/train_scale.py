"""scikit-learn's anchor for training at scale (issue 14): a T-learner of two HistGradientBoostingClassifiers sized
like aether's default outcome models (60 trees, 8 leaves, depth 3, min 200 rows per leaf, L2 20, learning rate 0.08,
no early stopping) on the file written by scale_data.py. Prints fit seconds (wall and CPU) and the peak RSS.

  /usr/bin/python3 train_scale.py DATA.csv
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier

df = pd.read_csv(sys.argv[1])
features = [c for c in df.columns if c.startswith("x")]
x = df[features].to_numpy(dtype=np.float32)
t = (df["arm"] == "treated").to_numpy()
y = df["y"].to_numpy()
tau = df["tau"].to_numpy()


def model(seed):
    return HistGradientBoostingClassifier(max_iter=60, learning_rate=0.08, max_leaf_nodes=8, max_depth=3,
                                          min_samples_leaf=200, l2_regularization=20, early_stopping=False,
                                          random_state=seed)


start, cpu = time.perf_counter(), time.process_time()
treated, control = model(0).fit(x[t], y[t]), model(1).fit(x[~t], y[~t])
fit_wall, fit_cpu = time.perf_counter() - start, time.process_time() - cpu
uplift = treated.predict_proba(x)[:, 1] - control.predict_proba(x)[:, 1]
print(json.dumps({"sklearn": __import__("sklearn").__version__, "rows": len(df), "features": len(features),
                  "fit_wall_seconds": round(fit_wall, 2), "fit_cpu_seconds": round(fit_cpu, 2),
                  "corr_with_true_uplift": round(float(np.corrcoef(uplift, tau)[0, 1]), 4),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
