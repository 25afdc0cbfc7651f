#!/usr/bin/env python3
"""Writes tests/fixtures/sklearn/*.json: small datasets with scikit-learn's fitted coefficients,
probabilities and metrics, so the unit tests can check Prep Lab's solver and metrics against it.

Needs Debian's python3-sklearn and python3-pandas (see ARCHITECTURE.md, "Stack facts"). Run from the repository root:
    /usr/bin/python3 tests/bench/sklearn_fixtures.py
"""
import io
import json
import pathlib

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, f1_score,
                             log_loss, precision_score, recall_score, roc_auc_score)
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

OUT = pathlib.Path(__file__).resolve().parent.parent / 'fixtures' / 'sklearn'


def make(rows, seed, positive_shift, with_categorical, missing):
    rng = np.random.default_rng(seed)
    x1 = rng.normal(0, 1, rows)
    x2 = rng.normal(5, 2, rows)
    x3 = rng.poisson(2, rows).astype(float)
    logit = positive_shift + 1.2 * x1 - 0.4 * (x2 - 5) + 0.5 * (x3 - 2)
    df = pd.DataFrame({'x1': x1.round(4), 'x2': x2.round(4), 'x3': x3})
    if with_categorical:
        region = rng.choice(['east', 'north', 'south', 'west'], rows, p=[0.3, 0.3, 0.25, 0.15])
        logit = logit + np.select([region == 'south', region == 'east'], [0.8, -0.5], 0.0)
        df['region'] = region
    df['y'] = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int)
    if missing:
        df.loc[rng.random(rows) < missing, 'x2'] = np.nan
    return df


def fit(df, C, class_weight):
    numeric = [c for c in ['x1', 'x2', 'x3'] if c in df]
    categorical = [c for c in ['region'] if c in df]
    pre = ColumnTransformer([
        ('num', Pipeline([('impute', SimpleImputer(strategy='median')), ('scale', StandardScaler())]), numeric),
        ('cat', OneHotEncoder(handle_unknown='ignore'), categorical),
    ], sparse_threshold=0)
    # newton-cholesky reaches the exact optimum (gradient ~1e-11); lbfgs stops near 1e-3 even with a
    # tiny tol, which would make a 1e-4 coefficient comparison test lbfgs's stopping rule, not ours.
    model = Pipeline([('pre', pre), ('lr', LogisticRegression(C=C, class_weight=class_weight, solver='newton-cholesky', tol=1e-10, max_iter=1000))])
    X, y = df.drop(columns='y'), df['y']
    model.fit(X, y)
    p = model.predict_proba(X)[:, 1]
    pred = (p >= 0.5).astype(int)
    return {
        'C': C,
        'classWeight': class_weight or 'none',
        'numeric': numeric,
        'categorical': categorical,
        'coef': model.named_steps['lr'].coef_[0].tolist(),
        'intercept': float(model.named_steps['lr'].intercept_[0]),
        'probabilities': p.tolist(),
        'metrics': {
            'accuracy': accuracy_score(y, pred),
            'precision': precision_score(y, pred, zero_division=0),
            'recall': recall_score(y, pred, zero_division=0),
            'f1': f1_score(y, pred, zero_division=0),
            'rocAuc': roc_auc_score(y, p),
            'prAuc': average_precision_score(y, p),
            'logLoss': log_loss(y, p),
            'brier': brier_score_loss(y, p),
        },
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    cases = {
        'numeric': (make(300, 1, -0.5, False, 0), [(1.0, None), (0.05, None)]),
        'categorical-missing': (make(400, 2, -1.0, True, 0.08), [(1.0, None), (0.3, 'balanced')]),
        'imbalanced': (make(600, 3, -3.2, True, 0), [(1.0, None), (1.0, 'balanced')]),
    }
    for name, (df, fits) in cases.items():
        buf = io.StringIO()
        df.to_csv(buf, index=False)
        doc = {
            'sklearn': sklearn.__version__,
            'csv': buf.getvalue(),
            'positiveRate': float(df['y'].mean()),
            'fits': [fit(df, C, cw) for C, cw in fits],
        }
        (OUT / f'{name}.json').write_text(json.dumps(doc))
        print(f'{name}: {len(df)} rows, positive rate {doc["positiveRate"]:.3f}')


if __name__ == '__main__':
    main()
