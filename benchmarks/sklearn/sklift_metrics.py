"""scikit-uplift's metrics re-derived in numpy (sklift is not installable here).

Follows sklift.metrics: qini_curve / uplift_curve (sorted by predicted uplift with a reversed stable argsort,
one point per distinct prediction, prepended with (0, 0)), perfect curves, qini_auc_score(negative_effect=True),
uplift_auc_score and uplift_at_k(strategy='overall').
"""
import numpy as np
from sklearn.metrics import auc


def _cumulative(y, uplift, t):
    order = np.argsort(uplift, kind="mergesort")[::-1]
    y, uplift, t = y[order], uplift[order], t[order]
    y_ctrl, y_trmnt = y.copy(), y.copy()
    y_ctrl[t == 1] = 0
    y_trmnt[t == 0] = 0
    distinct = np.where(np.diff(uplift))[0]
    thr = np.r_[distinct, uplift.size - 1]
    num_trmnt = np.cumsum(t)[thr].astype(float)
    y_trmnt = np.cumsum(y_trmnt)[thr].astype(float)
    num_all = (thr + 1).astype(float)
    num_ctrl = num_all - num_trmnt
    y_ctrl = np.cumsum(y_ctrl)[thr].astype(float)
    return num_all, num_trmnt, num_ctrl, y_trmnt, y_ctrl


def _prepend(x, v):
    if x.size == 0 or v[0] != 0 or x[0] != 0:
        x, v = np.r_[0, x], np.r_[0, v]
    return x, v


def qini_curve(y, uplift, t):
    num_all, num_trmnt, num_ctrl, y_trmnt, y_ctrl = _cumulative(y, uplift, t)
    ratio = np.divide(num_trmnt, num_ctrl, out=np.zeros_like(num_trmnt), where=num_ctrl != 0)
    return _prepend(num_all, y_trmnt - y_ctrl * ratio)


def uplift_curve(y, uplift, t):
    num_all, num_trmnt, num_ctrl, y_trmnt, y_ctrl = _cumulative(y, uplift, t)
    rt = np.divide(y_trmnt, num_trmnt, out=np.zeros_like(y_trmnt), where=num_trmnt != 0)
    rc = np.divide(y_ctrl, num_ctrl, out=np.zeros_like(y_ctrl), where=num_ctrl != 0)
    return _prepend(num_all, (rt - rc) * num_all)


def _normalized(actual, perfect):
    xa, ya = actual
    xp, yp = perfect
    base = auc(np.array([0, xp[-1]]), np.array([0, yp[-1]]))
    return (auc(xa, ya) - base) / (auc(xp, yp) - base)


def qini_auc_score(y, uplift, t):
    y, uplift, t = np.asarray(y, float), np.asarray(uplift, float), np.asarray(t, int)
    return _normalized(qini_curve(y, uplift, t), qini_curve(y, y * t - y * (1 - t), t))


def uplift_auc_score(y, uplift, t):
    y, uplift, t = np.asarray(y, float), np.asarray(uplift, float), np.asarray(t, int)
    cr = np.sum((y == 1) & (t == 0))
    tn = np.sum((y == 0) & (t == 1))
    summand = y if cr > tn else t
    perfect = 2 * (y == t) + summand
    return _normalized(uplift_curve(y, uplift, t), uplift_curve(y, perfect.astype(float), t))


def uplift_at_k(y, uplift, t, k=0.3):
    y, uplift, t = np.asarray(y, float), np.asarray(uplift, float), np.asarray(t, int)
    order = np.argsort(uplift, kind="mergesort")[::-1]
    n = int(len(y) * k)
    yo, to = y[order][:n], t[order][:n]
    return yo[to == 1].mean() - yo[to == 0].mean()
