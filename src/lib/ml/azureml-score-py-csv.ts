// score.py's fast path for a plain CSV file (no quotes, every row as wide as the header): the file is
// mapped and cut into columns by numpy alone, plain decimals are read straight from its bytes, and the
// output lines are built as bytes by numpy, with no Python object per cell. Part of the script text in
// azureml-score-py.ts; any other file goes through csv.reader there. Measured on 100,000 rows (npm run
// bench -- --only export): reading each cell as a Python float, formatting each output line with Python's
// %, and fresh memory for whole-file arrays each cost more than the scoring itself.
export const SCORE_PY_PLAIN_CSV = String.raw`_BLOCK_BYTES = 1 << 18  # about 5,000 rows of a typical file


def _score_plain_csv(model, path, name):
    """score_csv's lines for a plain CSV file (no quotes, no blank lines, every row as wide as the header, \\n or
    \\r\\n line ends), cut into columns by numpy alone; None for any other file, which csv.reader then reads.
    The file goes through in blocks of about 5,000 rows: numpy's working arrays stay small and the memory one
    block frees serves the next (on 100,000 rows at once, getting fresh memory took a third of the time)."""
    with open(path, "rb") as f:
        try:  # mapped, not read: numpy works on the file's own bytes, with no copy of them
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # an empty file, or a file system that cannot map files
            data = f.read()
    start = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    if data.find(b"\r") >= 0:
        data, start = data[start:].replace(b"\r\n", b"\n"), 0
    if data.find(b'"') >= 0 or data.find(b"\r") >= 0:
        return None
    end = len(data) - 1 if data[-1:] == b"\n" else len(data)
    raw = np.frombuffer(data, dtype=np.uint8)
    if raw[start:end].max(initial=0) >= 128:
        bytes(raw[start:end]).decode("utf-8")  # a file that is not UTF-8 fails here as it does in csv.reader
    head_end = data.find(b"\n", start, end)
    # An empty line anywhere, the last one included, is a row of 0 fields: csv.reader reads and names it.
    if head_end < 0 or head_end == end - 1 or data.find(b"\n\n", start, end + 1) >= 0:
        return None
    header = data[start:head_end].decode("utf-8").split(",")
    index = {h: j for j, h in enumerate(header)}
    lines = []
    first = head_end + 1
    while first < end:
        last = data.find(b"\n", min(first + _BLOCK_BYTES, end), end)
        last = end if last < 0 else last
        block = _csv_columns(raw[first:last], len(header))
        if block is None:
            return None  # a row of another width: csv.reader reads the whole file
        n, column = block
        p, errors = score_columns(model, lambda h: column(index[h]) if h in index else [None] * n, n)
        scored = _output_lines(name, p, len(lines))
        for i, problem in errors.items():
            scored[i] = _error_line(path, len(lines) + i, "; ".join(e["message"] for e in problem))
        lines += scored
        first = last + 1
    return lines


def _csv_columns(body, width):
    """Whole lines of a plain CSV file (without the last line end) as their number of rows and a function giving
    column j as a _CsvCells; None when a row is not as wide as the header."""
    separators = np.flatnonzero((body == 44) | (body == 10))
    # Every row as wide as the header: each line end comes right after width - 1 commas.
    line_ends = np.flatnonzero(body[separators] == 10)
    rows = len(line_ends) + 1
    if len(separators) != rows * width - 1 or not (line_ends == np.arange(width - 1, rows * width - 1, width)).all():
        return None

    def column(j):
        first = separators[j - 1 :: width] + 1 if j else np.concatenate(([0], separators[width - 1 :: width] + 1))
        ends = separators[j::width] if j < width - 1 else np.concatenate((separators[j::width], [len(body)]))
        return _CsvCells(body, first, ends - first)

    return rows, column


class _CsvCells:
    """One column of a plain CSV file: where each row's cell starts in the file's bytes, and its length."""

    def __init__(self, raw, first, lengths):
        self.raw, self.first, self.lengths = raw, first, lengths

    def as_bytes(self):
        """The cells as an array of bytes (numpy pads the shorter ones with zeros)."""
        longest = max(int(self.lengths.max()), 1)
        offsets = np.arange(longest)
        cells = self.raw.take(self.first[:, None] + offsets, mode="clip")
        cells[offsets >= self.lengths[:, None]] = 0
        return cells.view(f"S{longest}").ravel()

    def as_decimals(self):
        """The cells as floats (NaN where empty) when each is a plain decimal: an optional sign, then up to 15
        digits with at most one point; None when any cell is something else (an exponent, a space, "NA"...),
        which _number_column then reads from as_bytes(). Read one character position at a time across all
        rows: the digits make an integer below 2**53, exact in a float, divided once by a power of ten, also
        exact; IEEE division rounds that quotient correctly, so the float is the one float(text) gives."""
        raw, first, lengths = self.raw, self.first, self.lengths
        longest = int(lengths.max())
        if longest > 17:  # more than a sign, 15 digits and a point
            return None
        whole = np.zeros(len(first))  # the digits read so far, as an integer
        digits = np.zeros(len(first), dtype=np.uint8)  # counts of at most 17: small arrays, less memory to go through
        points = np.zeros(len(first), dtype=np.uint8)
        decimals = np.zeros(len(first), dtype=np.uint8)  # the digits after the point
        for c in range(longest):
            char = raw.take(first + c, mode="clip")
            inside = lengths > c
            value = char - 48  # uint8 arithmetic: bytes below "0" wrap round to large values
            digit = (value < 10) & inside
            point = (char == 46) & inside
            known = digit | point | ~inside
            if c == 0:
                known |= (char == 43) | (char == 45)  # + or -, first only
            if not known.all():
                return None
            whole = np.where(digit, whole * 10 + value, whole)
            digits += digit
            points += point
            decimals += digit & (points > 0)
        if digits.max() > 15 or points.max() > 1 or ((digits == 0) & (lengths > 0)).any():
            return None
        value = whole / _POWERS_OF_TEN[decimals]
        value[raw.take(first, mode="clip") == 45] *= -1
        value[lengths == 0] = np.nan  # an empty cell is a missing value
        return value


_POWERS_OF_TEN = 10.0 ** np.arange(16)


def _output_lines(name, p, before):
    """score_csv's line for each of rows before + 1, before + 2, ... (errors then replace theirs): the text of
        [f"{name},{before + i + 1},{int(q >= THRESHOLD)},{q:.6f}," for i, q in enumerate(p.tolist())]
    built by numpy as bytes, the lines whose row numbers have as many digits making one matrix, then split:
    on 100,000 rows, formatting line by line in Python took longer than the scoring."""
    if "\n" in name:  # a file name with a line break (the csv module quotes it) would split its lines below
        return [f"{name},{before + i + 1},{int(q >= THRESHOLD)},{q:.6f}," for i, q in enumerate(p.tolist())]
    # Six decimals as :.6f rounds them: the multiple of 1e-6 nearest to p. p * 1e6 is within 1.2e-10 of the exact
    # product, so np.rint can differ from :.6f only where the product is that close to a half; those rows (and NaN)
    # are formatted by Python at the end.
    scaled = p * 1e6
    sure = np.abs(scaled - np.floor(scaled) - 0.5) > 1e-9
    micros = np.where(sure, np.rint(scaled), 0).astype(np.int64)
    tail = np.empty((len(p), 13), dtype=np.uint8)  # ",0,0.000000,\n" with the prediction and probability's digits
    tail[:] = np.frombuffer(b",0,0.000000,\n", dtype=np.uint8)
    tail[:, 1] += p >= THRESHOLD
    tail[:, 3] += (micros // 1000000).astype(np.uint8)
    for k in range(6):
        tail[:, 10 - k] += (micros // 10**k % 10).astype(np.uint8)
    prefix = np.frombuffer(name.encode("utf-8") + b",", dtype=np.uint8)
    lines = []
    at = 0
    while at < len(p):
        width = len(str(before + at + 1))  # digits of this row number, and of the rows up to the next power of ten
        stop = min(len(p), 10**width - 1 - before)
        row = np.arange(before + at + 1, before + stop + 1)
        text = np.empty((stop - at, len(prefix) + width + 13), dtype=np.uint8)
        text[:, : len(prefix)] = prefix
        for k in range(width):
            text[:, len(prefix) + width - 1 - k] = 48 + row // 10**k % 10
        text[:, len(prefix) + width :] = tail[at:stop]
        lines += str(text.data, "utf-8").split("\n")[:-1]
        at = stop
    for i in np.flatnonzero(~sure).tolist():
        lines[i] = f"{name},{before + i + 1},{int(p[i] >= THRESHOLD)},{p[i]:.6f},"
    return lines`;
