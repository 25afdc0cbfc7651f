// The scoring script shipped in the Azure ML export (model/code/score.py). Kept as text so the export
// stays pure TypeScript; tests/unit/ml/azureml-score-py.test.ts runs it with python3 + numpy and checks
// it agrees with score() in model-artifact.ts, whose rules (missing tokens, strict numbers, unseen
// categories, per-record errors) it mirrors.
export const SCORE_PY = String.raw`
"""Scoring script for the delinquency model exported from Prep Lab.

Azure ML online deployments call init() once and run(raw_data) per request; batch deployments call
run(mini_batch) with a list of CSV file paths. MLflow loads the same file as the python_function
loader_module (_load_pyfunc). Needs only numpy. Also runs by hand:

    python3 score.py model.json request.json     # JSON: {"input_data": [records]} or [records]
    python3 score.py model.json accounts.csv     # CSV: one output line per row, as a batch deployment writes
"""
import csv
import io
import json
import math
import os
import re
import sys

import numpy as np

# The same rules as the app's score(): these texts mean "missing" and are filled with the training median.
MISSING_TOKENS = {"", "na", "n/a", "#n/a", "null", "none", "nan", "?"}
# A decimal number as JavaScript's Number() reads it; hex, "Infinity" and "1_000" are refused, as in the app.
NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
THRESHOLD = 0.5

_model = None


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
        "numeric": numeric,
        "median": np.asarray([s["median"] for s in numeric], dtype=np.float64),
        "mean": np.asarray([s["mean"] for s in numeric], dtype=np.float64),
        "scale": np.asarray([s["scale"] for s in numeric], dtype=np.float64),
        "categorical": [(c["name"], {v: i for i, v in enumerate(c["categories"])}) for c in categorical],
        "weights": weights,
        "intercept": float(artifact["intercept"]),
        "name": artifact.get("name", "model"),
        "version": artifact.get("version"),
    }


def _find_model_json(root):
    # Azure mounts the registered folder under AZUREML_MODEL_DIR (e.g. <dir>/model/model.json): search it.
    found = []
    for folder, _, files in os.walk(root):
        if "model.json" in files:
            found.append(os.path.join(folder, "model.json"))
    if not found:
        raise FileNotFoundError(f"no model.json under {root}")
    return min(found, key=len)


def init(model_path=None):
    global _model
    if model_path is None:
        root = os.environ.get("AZUREML_MODEL_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        model_path = _find_model_json(root)
    _model = load_model(model_path)


def _read_number(value):
    """A float, "missing", or None when the value is not a number."""
    if value is None:
        return "missing"
    if isinstance(value, (bool, np.bool_)):
        return None
    # numpy scalars arrive from a pandas DataFrame (the MLflow path).
    if isinstance(value, (int, float, np.integer, np.floating)):
        try:
            v = float(value)
        except OverflowError:
            return None
        if math.isnan(v):
            return "missing"  # pandas' marker for a missing value (JSON cannot carry NaN)
        return v if math.isfinite(v) else None
    if isinstance(value, str):
        if value == "" or (value[0] not in "0123456789+-." and value.strip().lower() in MISSING_TOKENS):
            return "missing"
        text = value.strip()
        if not NUMBER.fullmatch(text):
            return None
        v = float(text)
        return v if math.isfinite(v) else None
    return None


def _category_text(value):
    """The category a value names, as the app's String(value).trim() gives it; None when it is not text."""
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value).replace("e-0", "e-").replace("e+0", "e+")
    return None


def score_records(model, records):
    """One result per record: {prediction, probability}, or {prediction: None, probability: None, errors: [...]}."""
    n = len(records)
    num = np.zeros((n, len(model["numeric"])), dtype=np.float64)
    onehot = np.zeros((n, len(model["weights"]) - len(model["numeric"])), dtype=np.float64)
    errors = [[] for _ in range(n)]
    for r, record in enumerate(records):
        if not isinstance(record, dict):
            errors[r].append({"field": "", "message": "each record must be an object of feature values"})
            continue
        for j, step in enumerate(model["numeric"]):
            v = _read_number(record.get(step["name"]))
            if v is None:
                errors[r].append({"field": step["name"], "message": f'"{step["name"]}" must be a number'})
                v = 0.0
            num[r, j] = model["median"][j] if v == "missing" else v
        offset = 0
        for name, index in model["categorical"]:
            raw = record.get(name)
            if raw is None or (isinstance(raw, str) and raw == "") or (isinstance(raw, (float, np.floating)) and math.isnan(raw)):
                offset += len(index)
                continue
            text = _category_text(raw)
            if text is None:
                errors[r].append({"field": name, "message": f'"{name}" must be text'})
            elif text in index:  # a category never seen in training adds nothing, as in the app
                onehot[r, offset + index[text]] = 1.0
            offset += len(index)
    k = len(model["numeric"])
    z = model["intercept"] + ((num - model["mean"]) / model["scale"]) @ model["weights"][:k] + onehot @ model["weights"][k:]
    with np.errstate(over="ignore"):  # exp overflows to inf for huge inputs: p is then 0, as in the app
        p = 1.0 / (1.0 + np.exp(-z))
    results = []
    for r in range(n):
        if errors[r]:
            results.append({"prediction": None, "probability": None, "errors": errors[r]})
        else:
            results.append({"prediction": int(p[r] >= THRESHOLD), "probability": float(p[r])})
    return results


def _records_from_request(data):
    """Accepts {"input_data": [records]}, {"input_data": {"columns": [...], "data": [[...]]}} or a bare list."""
    if isinstance(data, dict) and "input_data" in data:
        data = data["input_data"]
    if isinstance(data, dict) and isinstance(data.get("columns"), list) and isinstance(data.get("data"), list):
        columns = data["columns"]
        return [dict(zip(columns, row)) if isinstance(row, list) else row for row in data["data"]]
    if isinstance(data, list):
        return data
    raise ValueError('expected {"input_data": [records]} or a JSON list of records')


def score_csv(model, path):
    """Scores one CSV file; one output line per data row: file,row,prediction,probability,error."""
    lines = []
    name = os.path.basename(path)
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            return lines
        rows = list(reader)
    shaped = [dict(zip(header, row)) if len(row) == len(header) else None for row in rows]
    results = score_records(model, [record if record is not None else {} for record in shaped])
    for i, (row, result) in enumerate(zip(rows, results)):
        out = io.StringIO()
        if shaped[i] is None:
            problem = f"has {len(row)} fields; the header has {len(header)}"
            cells = [name, i + 1, "", "", problem]
        elif result["probability"] is None:
            cells = [name, i + 1, "", "", "; ".join(e["message"] for e in result["errors"])]
        else:
            cells = [name, i + 1, result["prediction"], f'{result["probability"]:.6f}', ""]
        csv.writer(out, lineterminator="").writerow(cells)
        lines.append(out.getvalue())
    return lines


def run(raw_data):
    if _model is None:
        init()
    # Batch deployments pass a list of file paths; online requests arrive as the JSON body's text.
    if isinstance(raw_data, list) and raw_data and all(isinstance(item, (str, os.PathLike)) for item in raw_data):
        lines = []
        for path in raw_data:
            lines.extend(score_csv(_model, os.fspath(path)))
        return lines
    if isinstance(raw_data, (str, bytes, bytearray)):
        raw_data = json.loads(raw_data)
    return score_records(_model, _records_from_request(raw_data))


class _PyFuncModel:
    """What mlflow.pyfunc.load_model wraps: predict() takes a pandas DataFrame, a list or a dict."""

    def __init__(self, model):
        self._model = model

    def predict(self, model_input, params=None):
        if hasattr(model_input, "to_dict"):
            model_input = model_input.to_dict(orient="records")
        return score_records(self._model, _records_from_request(model_input))


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
            print(json.dumps(run(f.read())))
`.trimStart();
