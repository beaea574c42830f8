"""A randomized experiment with a known effect for the training-at-scale benchmark (issue 14): ROWS rows, 20 numeric
features x0..x19 (standard normal; x15..x19 rounded to 0..9 like counts), a fair coin for the arm, and
P(y=1) = sigmoid(-1.5 + 0.6 x0 - 0.4 x1 + 0.3 x2 x3 + t * (0.4 + 0.5 x4 - 0.3 [x15 > 5])).
The true uplift per row is written as a column (tau) so scores can be checked against it.

  /usr/bin/python3 scale_data.py OUT.csv [ROWS=1000000] [SEED=14]
"""
import sys

import numpy as np
import pandas as pd

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = np.random.default_rng(int(sys.argv[3]) if len(sys.argv) > 3 else 14)
x = rng.standard_normal((rows, 20)).astype(np.float32)
x[:, 15:] = np.clip(np.round(x[:, 15:] * 2 + 5), 0, 9)
t = rng.integers(0, 2, rows)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


base = -1.5 + 0.6 * x[:, 0] - 0.4 * x[:, 1] + 0.3 * x[:, 2] * x[:, 3]
effect = 0.4 + 0.5 * x[:, 4] - 0.3 * (x[:, 15] > 5)
y = (rng.random(rows) < sigmoid(base + t * effect)).astype(np.int8)
tau = sigmoid(base + effect) - sigmoid(base)
df = pd.DataFrame(x, columns=[f"x{i}" for i in range(20)])
df.insert(0, "arm", np.where(t == 1, "treated", "control"))
df["y"] = y
df["tau"] = tau.round(6)
df.to_csv(out, index=False, float_format="%.5g")
