#!/usr/bin/env python3
"""The scikit-learn/pandas side of tests/bench/run.ts: one measurement per process, one JSON line.
Usage: sklearn_task.py read <file.csv> | train <file.csv> | score <file.csv> <out.csv>
(read needs only pandas: the "read CSV to columns" row.)"""
import json
import resource
import sys
import time

import pandas as pd

NUMERIC = ['credit_utilization', 'days_past_due_12m', 'num_open_accounts', 'annual_income', 'debt_to_income', 'months_on_book', 'payment_to_balance']
CATEGORICAL = ['region']


def pipeline(solver):
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    pre = ColumnTransformer([
        ('num', Pipeline([('impute', SimpleImputer(strategy='median')), ('scale', StandardScaler())]), NUMERIC),
        ('cat', OneHotEncoder(handle_unknown='ignore'), CATEGORICAL),
    ], sparse_threshold=0)
    return Pipeline([('pre', pre), ('lr', LogisticRegression(C=1.0, solver=solver, max_iter=1000))])


def max_rss_mb():
    # VmHWM, as peak-rss.mjs reads it for our side: getrusage's maxrss keeps the pre-exec image's peak.
    try:
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


mode, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
df = pd.read_csv(path)
read_ms = (time.perf_counter() - t0) * 1000
X, y = df[NUMERIC + CATEGORICAL], df['delinquent_90d']
if mode == 'read':
    print(json.dumps({'rows': len(df), 'ms': round(read_ms, 1), 'maxRssMb': max_rss_mb()}))
elif mode == 'train':
    from sklearn.metrics import roc_auc_score

    t1 = time.perf_counter()
    model = pipeline('lbfgs').fit(X, y)
    fit_ms = (time.perf_counter() - t1) * 1000
    auc = roc_auc_score(y, model.predict_proba(X)[:, 1])
    print(json.dumps({'rows': len(df), 'readMs': round(read_ms, 1), 'fitMs': round(fit_ms, 1), 'auc': auc, 'maxRssMb': max_rss_mb()}))
else:
    model = pipeline('lbfgs').fit(X.head(20000), y.head(20000))
    t0 = time.perf_counter()
    df = pd.read_csv(path)
    p = model.predict_proba(df[NUMERIC + CATEGORICAL])[:, 1]
    df['prediction'] = (p >= 0.5).astype(int)
    df['score'] = p.round(6)
    df.to_csv(sys.argv[3], index=False)
    print(json.dumps({'rows': len(df), 'totalMs': round((time.perf_counter() - t0) * 1000, 1), 'maxRssMb': max_rss_mb()}))
