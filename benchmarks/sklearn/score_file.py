"""scikit-learn's whole-process anchor for `aether uplift score` (issue 14): read a CSV with pandas, score it with a
T-learner of two HistGradientBoostingClassifiers (the same size as aether's default: 60 trees, 8 leaves, depth 3,
categorical features native), write id + uplift with to_csv.

  train:  /usr/bin/python3 score_file.py train HILLSTROM.csv[.gz] MODEL.pkl
  score:  /usr/bin/python3 score_file.py score MODEL.pkl DATA.csv OUT.csv     (the timed process)
"""
import pickle
import sys

import numpy as np
import pandas as pd

NUMERIC = ["recency", "history", "mens", "womens", "newbie"]
CATEGORICAL = ["history_segment", "zip_code", "channel"]


def train(data, out):
    from sklearn.ensemble import HistGradientBoostingClassifier
    df = pd.read_csv(data)
    df = df[df["segment"].isin(["Womens E-Mail", "No E-Mail"])]
    levels = {c: sorted(df[c].dropna().unique()) for c in CATEGORICAL}
    x = encode(df, levels)
    t = (df["segment"] == "Womens E-Mail").to_numpy()
    y = df["visit"].to_numpy()

    def model():
        return HistGradientBoostingClassifier(max_iter=60, learning_rate=0.08, max_leaf_nodes=8, max_depth=3,
                                              min_samples_leaf=200, l2_regularization=20, early_stopping=False,
                                              categorical_features=[False] * len(NUMERIC) + [True] * len(CATEGORICAL),
                                              random_state=0)

    treated, control = model().fit(x[t], y[t]), model().fit(x[~t], y[~t])
    with open(out, "wb") as f:
        pickle.dump({"levels": levels, "treated": treated, "control": control}, f)


def encode(df, levels):
    cols = [df[c].to_numpy(dtype=np.float64) for c in NUMERIC]
    for c in CATEGORICAL:
        cols.append(pd.Categorical(df[c], categories=levels[c]).codes.astype(np.float64))
    x = np.column_stack(cols)
    x[x == -1] = np.nan
    return x


def score(model_path, data, out):
    with open(model_path, "rb") as f:
        m = pickle.load(f)
    df = pd.read_csv(data)
    x = encode(df, m["levels"])
    uplift = m["treated"].predict_proba(x)[:, 1] - m["control"].predict_proba(x)[:, 1]
    pd.DataFrame({"id": df["id"], "uplift": uplift}).to_csv(out, index=False)


if __name__ == "__main__":
    {"train": train, "score": score}[sys.argv[1]](*sys.argv[2:])
