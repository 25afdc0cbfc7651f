// The scoring script shipped in the Azure ML export (model/code/score.py), with the version's served
// threshold written in. Kept as text so the export stays pure TypeScript; tests/unit/ml/azureml-score-py*.test.ts
// run it with python3 + numpy (and pandas) and check it agrees with score() in model-artifact.ts, whose rules
// (missing tokens, strict numbers, unseen categories, per-record errors) it mirrors, one column at a time.
import { SCORE_PY_PLAIN_CSV } from './azureml-score-py-csv';
import { SCORE_PY_READERS } from './azureml-score-py-readers';

export function scorePy(threshold: number): string {
	return SCORE_PY.replace('THRESHOLD = 0.5', `THRESHOLD = ${threshold}`);
}

const SCORE_PY = String.raw`
"""Scoring script for a model exported from Prep Lab. Needs only numpy (pandas when MLflow calls it).

Online deployment (azureml-inference-server-http): init() once, then run(body) per request, body being
the request's JSON text: {"input_data": [record, ...]}, [record, ...] or
{"input_data": {"columns": [...], "data": [[...], ...]}}, a record being {"credit_utilization": 0.4, ...}.
It returns one {"prediction", "probability"} per record, or {"prediction": None, "probability": None,
"errors": [...]} for a record with a bad field. A body it cannot read gets HTTP 400 (AMLResponse).

Batch deployment: run(mini_batch) with a list of CSV file paths; one output line per data row.

MLflow: mlflow.pyfunc.load_model(folder) loads this file as the loader_module (_load_pyfunc). MLflow checks
the input against the MLmodel signature first, so predict() gets a pandas DataFrame of the signature's
columns and returns a DataFrame (prediction, probability; error where a row could not be scored).

By hand:
    python3 score.py model.json request.json     # JSON request, as the online endpoint takes it
    python3 score.py model.json accounts.csv     # CSV: one output line per row, as a batch deployment writes
"""
import csv
import io
import json
import math
import mmap
import os
import re
import sys

import numpy as np

try:  # the inference server's response type, to answer bad bodies with 400 instead of 500
    from azureml.contrib.services.aml_response import AMLResponse
except ImportError:  # batch deployments, MLflow and a plain python3: run() raises BadRequest instead
    AMLResponse = None

# The same rules as the app's score(): these texts mean "missing" and are filled with the training median.
MISSING_TOKENS = {"", "na", "n/a", "#n/a", "null", "none", "nan", "?"}
# A decimal number as JavaScript's Number() reads it; hex, "Infinity" and "1_000" are refused, as in the app.
NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# A column of CSV cells made only of these characters is read by numpy at once: Python's float() then
# reads exactly what the app reads (anything else it refuses sends the column down the slow path).
NUMBER_CHARS = frozenset("0123456789+-.eE\n")
# P(target = 1) at or above this predicts 1: the threshold the version is served with in Prep Lab.
THRESHOLD = 0.5

_model = None


class BadRequest(ValueError):
    """A request body that holds no records to score; online deployments answer it with HTTP 400."""


def load_model(path):
    """Reads model.json and checks that its weights match its preprocessor."""
    with open(path, encoding="utf-8") as f:
        artifact = json.load(f)
    pre = artifact["preprocessor"]
    numeric = pre["numeric"]
    categorical = pre["categorical"]
    weights = np.asarray(artifact["weights"], dtype=np.float64)
    width = len(numeric) + sum(len(c["categories"]) for c in categorical)
    if weights.shape != (width,):
        raise ValueError(f"{path}: {weights.shape[0]} weights but the preprocessor encodes {width} features")
    return {
        "numeric": [s["name"] for s in numeric],
        "median": [float(s["median"]) for s in numeric],
        "mean": [float(s["mean"]) for s in numeric],
        "scale": [float(s["scale"]) for s in numeric],
        "categorical": [(c["name"], {v: i for i, v in enumerate(c["categories"])}) for c in categorical],
        "weights": weights,
        "intercept": float(artifact["intercept"]),
    }


def _find_model_json(root):
    # Azure mounts the registered folder under AZUREML_MODEL_DIR (e.g. <dir>/model/model.json): search it.
    found = [os.path.join(folder, "model.json") for folder, _, files in os.walk(root) if "model.json" in files]
    if not found:
        raise FileNotFoundError(f"no model.json under {root}")
    return min(found, key=len)


def init(model_path=None):
    global _model
    if model_path is None:
        root = os.environ.get("AZUREML_MODEL_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        model_path = _find_model_json(root)
    _model = load_model(model_path)


${SCORE_PY_READERS}
def score_columns(model, column, n):
    """column(name) gives one input's values for all n records (None where absent). Returns P(target = 1)
    per record (NaN where it has errors) and {record: [{"field", "message"}, ...]}, fields in model order."""
    z = np.full(n, model["intercept"], dtype=np.float64)
    failures = []
    k = len(model["numeric"])
    with np.errstate(over="ignore", invalid="ignore"):  # huge inputs overflow to inf: p is then 0 or 1, as in the app
        for j, name in enumerate(model["numeric"]):
            v, bad = _number_column(column(name))
            v = np.where(np.isnan(v) | bad, model["median"][j], v)
            z += model["weights"][j] * (v - model["mean"][j]) / model["scale"][j]
            failures.append((name, f'"{name}" must be a number', bad))
        offset = k
        for name, index in model["categorical"]:
            position, bad = _category_column(column(name), index)
            known = position >= 0
            z[known] += model["weights"][offset + position[known]]
            failures.append((name, f'"{name}" must be text', bad))
            offset += len(index)
        p = 1.0 / (1.0 + np.exp(-z))
    errors = {}
    for name, message, bad in failures:
        for r in np.flatnonzero(bad).tolist():
            errors.setdefault(r, []).append({"field": name, "message": message})
    p[list(errors)] = np.nan
    return p, errors


def score_records(model, records):
    """One result per record: {prediction, probability}, or {prediction: None, probability: None, errors: [...]}."""
    rows = [r if isinstance(r, dict) else {} for r in records]
    p, errors = score_columns(model, lambda name: [r.get(name) for r in rows], len(rows))
    for r, record in enumerate(records):
        if not isinstance(record, dict):
            errors[r] = [{"field": "", "message": "each record must be an object of feature values"}]
    return [
        {"prediction": None, "probability": None, "errors": errors[r]} if r in errors else {"prediction": int(q >= THRESHOLD), "probability": q}
        for r, q in enumerate(p.tolist())
    ]


def _records_from_request(data):
    """The records of a request body (text or parsed JSON); BadRequest names what is wrong with it."""
    if isinstance(data, (bytes, bytearray)):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise BadRequest(f"The request body is not UTF-8 text: {e}") from None
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError as e:
            raise BadRequest(f"The request body is not valid JSON: {e}") from None
    if isinstance(data, dict) and "input_data" in data:
        data = data["input_data"]
        if isinstance(data, dict) and isinstance(data.get("columns"), list) and isinstance(data.get("data"), list):
            columns = data["columns"]
            data = [dict(zip(columns, row)) if isinstance(row, list) else row for row in data["data"]]
    if not isinstance(data, list):
        raise BadRequest('The request body must be a JSON list of records, or an object {"input_data": [...]} holding that list.')
    if not data:
        raise BadRequest("The request holds no records; send at least one.")
    return data


${SCORE_PY_PLAIN_CSV}


def score_csv(model, path):
    """Scores one CSV file; one output line per data row: file,row,prediction,probability,error. A plain file
    (no quotes, every row as wide as the header) goes through numpy alone; any other through csv.reader."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([os.path.basename(path)])
    name = out.getvalue()
    lines = _score_plain_csv(model, path, name)
    if lines is not None:
        return lines
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        rows = list(reader)
    if header is None:
        return []
    index = {h: j for j, h in enumerate(header)}
    shaped = [len(row) == len(header) for row in rows]
    # Columns at once when every row has the header's width (the usual case); else row by row.
    columns = list(zip(*rows)) if rows and all(shaped) else None

    def column(name):
        j = index.get(name)
        if j is None:
            return [None] * len(rows)
        return columns[j] if columns is not None else [row[j] if ok else None for row, ok in zip(rows, shaped)]

    p, errors = score_columns(model, column, len(rows))
    for i, ok in enumerate(shaped):
        if not ok:
            errors[i] = f"has {len(rows[i])} fields; the header has {len(header)}"
    lines = _output_lines(name, p, 0)
    for i, problem in errors.items():
        if not isinstance(problem, str):
            problem = "; ".join(e["message"] for e in problem)
        lines[i] = _error_line(path, i, problem)
    return lines


def _error_line(path, i, problem):
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([os.path.basename(path), i + 1, "", "", problem])
    return out.getvalue()


def run(raw_data):
    if _model is None:
        init()
    # Batch deployments pass a list of file paths; online requests arrive as the JSON body's text.
    if isinstance(raw_data, list) and raw_data and all(isinstance(item, (str, os.PathLike)) for item in raw_data):
        lines = score_csv(_model, os.fspath(raw_data[0]))
        for path in raw_data[1:]:  # the first file's list grows: no copy of its lines
            lines += score_csv(_model, os.fspath(path))
        return lines
    try:
        records = _records_from_request(raw_data)
    except BadRequest as e:
        if AMLResponse is None:
            raise
        response = AMLResponse(json.dumps({"error": {"code": "BadRequest", "message": str(e)}}), 400)
        response.mimetype = "application/json"
        return response
    return score_records(_model, records)


class _PyFuncModel:
    """What mlflow.pyfunc.load_model wraps."""

    def __init__(self, model):
        self._model = model

    def predict(self, model_input, params=None):
        """Under MLflow, model_input is a pandas DataFrame holding the signature's columns with their types
        (MLflow refuses other input before it gets here). Returns a DataFrame: prediction, probability, and
        error for rows that could not be scored. Called directly, a list of records gets score_records()."""
        if not hasattr(model_input, "columns"):
            return score_records(self._model, _records_from_request(model_input))
        import pandas as pd

        n = len(model_input)
        p, errors = score_columns(self._model, lambda name: model_input[name].to_numpy() if name in model_input.columns else [None] * n, n)
        out = pd.DataFrame({"prediction": (p >= THRESHOLD).astype(np.int64), "probability": p}, index=model_input.index)
        if errors:
            failed = np.zeros(n, dtype=bool)
            failed[list(errors)] = True
            out["prediction"] = out["prediction"].astype("Int64").mask(failed)
            out["error"] = ["; ".join(e["message"] for e in errors[r]) if r in errors else None for r in range(n)]
        return out


def _load_pyfunc(data_path, model_config=None):
    # MLflow passes the MLmodel's "data" entry (model.json) resolved against the model folder.
    return _PyFuncModel(load_model(data_path))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 score.py model.json request.json|accounts.csv")
    init(sys.argv[1])
    if sys.argv[2].lower().endswith(".csv"):
        print("\n".join(score_csv(_model, sys.argv[2])))
    else:
        with open(sys.argv[2], encoding="utf-8") as f:
            body = f.read()
        try:
            print(json.dumps(score_records(_model, _records_from_request(body))))
        except BadRequest as e:
            sys.exit(f"{sys.argv[2]}: {e}")
`.trimStart();
