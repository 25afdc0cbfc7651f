// The part of the exported score.py that reads one input for every record: numbers (a plain CSV
// file's decimals straight from its bytes, one numpy conversion for a column of plain numbers, value by
// value otherwise) and categories (each distinct value classified once), with the app's rules for
// missing values, strict numbers and text.
export const SCORE_PY_READERS = String.raw`
def _read_number(value):
    """One value: a float, "missing", or None when it is not a number (the slow path of _number_column)."""
    if value is None:
        return "missing"
    if isinstance(value, (bool, np.bool_)):
        return None
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


_NUMBER_BYTES = np.zeros(256, dtype=bool)
_NUMBER_BYTES[list(b"0123456789+-.eE")] = True
_NUMBER_BYTES[0] = True  # numpy pads shorter cells of a bytes array with zeros


def _number_column(values):
    """One numeric input for every record: floats (NaN where missing) and a mask of values that are not numbers."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "iuf":  # a DataFrame column (MLflow)
        v = values.astype(np.float64)
        return v, np.isinf(v)
    if isinstance(values, _CsvCells):  # a column of a plain CSV file: its decimals straight from the bytes
        v = values.as_decimals()
        if v is not None:
            return v, np.zeros(len(v), dtype=bool)
        values = values.as_bytes()
    if isinstance(values, np.ndarray) and values.dtype.kind == "S":  # a column of a plain CSV file, as bytes
        cells = np.ascontiguousarray(values)
        if _NUMBER_BYTES[cells.view(np.uint8)].all():
            cells = cells.copy()
            cells[cells == b""] = b"nan"
            try:
                v = cells.astype(np.float64)
                return v, np.isinf(v)
            except (OverflowError, ValueError):
                pass
        values = np.char.decode(values, "utf-8").tolist()  # an odd column: value by value, below
    values = values.tolist() if isinstance(values, np.ndarray) else values
    kinds = set(map(type, values))
    try:
        if kinds <= {int, float, type(None)}:  # JSON numbers and nulls
            v = np.array(values, dtype=np.float64)
            return v, np.isinf(v)
        if kinds == {str} and set("\n".join(values)) <= NUMBER_CHARS:  # CSV cells
            text = np.array(values, dtype=object)
            text[text == ""] = "nan"
            v = text.astype(np.float64)
            return v, np.isinf(v)
    except (OverflowError, ValueError):
        pass  # a huge integer or an odd text: read this column value by value
    read = [_read_number(x) for x in values]
    bad = np.array([r is None for r in read], dtype=bool)
    return np.array([r if isinstance(r, float) else np.nan for r in read], dtype=np.float64), bad


def _is_missing_category(value):
    return value is None or (isinstance(value, str) and value == "") or (isinstance(value, (float, np.floating)) and math.isnan(value))


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


def _category_column(values, index):
    """One categorical input for every record: the category's position (-1: missing or never seen) and a mask of values that are not text."""
    if isinstance(values, _CsvCells):
        values = values.as_bytes()
    if isinstance(values, np.ndarray) and values.dtype.kind == "S":  # a column of a plain CSV file: each distinct value once
        distinct, codes = np.unique(values, return_inverse=True)
        texts = [b.decode("utf-8") for b in distinct.tolist()]
        position = np.array([-1 if t == "" else index.get(t.strip(), -1) for t in texts], dtype=np.intp)
        return position[codes], np.zeros(len(values), dtype=bool)
    values = values.tolist() if isinstance(values, np.ndarray) else values
    seen, firsts, codes = {}, [], []
    for x in values:  # each distinct value is classified once
        try:
            code = seen.setdefault((type(x), x), len(firsts))
        except TypeError:  # a list or an object: never a category
            code = len(firsts)
        if code == len(firsts):
            firsts.append(x)
        codes.append(code)
    position = np.full(len(firsts), -1, dtype=np.intp)
    bad = np.zeros(len(firsts), dtype=bool)
    for u, x in enumerate(firsts):
        if _is_missing_category(x):
            continue
        text = _category_text(x)
        if text is None:
            bad[u] = True
        else:
            position[u] = index.get(text, -1)  # a category never seen in training adds nothing, as in the app
    codes = np.asarray(codes, dtype=np.intp)
    return position[codes], bad[codes]

`.trimStart();
