// score.py's fast path for a plain CSV file (no quotes, every row as wide as the header): the file is
// cut into columns by numpy alone, with no Python object per cell. Part of the script text in
// azureml-score-py.ts; any other file goes through csv.reader there.
export const SCORE_PY_PLAIN_CSV = String.raw`def _plain_csv(path):
    """A plain CSV file (no quotes, no blank lines, every row as wide as the header, \\n or \\r\\n line ends) as
    its header and a function giving column j's cells as an array of bytes, cut out with numpy alone (no
    Python object per cell); None for any other file, which csv.reader then reads."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
    if b'"' in data or b"\r" in data:
        return None
    if not data.isascii():
        data.decode("utf-8")  # a file that is not UTF-8 fails here as it does in csv.reader
    if data.endswith(b"\n"):
        data = data[:-1]
    head, _, body = data.partition(b"\n")
    header = head.decode("utf-8").split(",")
    width = len(header)
    if not body or b"\n\n" in body or body.startswith(b"\n"):
        return None
    raw = np.frombuffer(body, dtype=np.uint8)
    separators = np.flatnonzero((raw == 44) | (raw == 10))
    # Every row as wide as the header: each line end comes right after width - 1 commas.
    line_ends = np.flatnonzero(raw[separators] == 10)
    rows = len(line_ends) + 1
    if len(separators) != rows * width - 1 or not (line_ends == np.arange(width - 1, rows * width - 1, width)).all():
        return None
    starts = np.concatenate(([0], separators + 1))
    ends = np.concatenate((separators, [len(raw)]))

    def column(j):
        first, lengths = starts[j::width], ends[j::width] - starts[j::width]
        longest = max(int(lengths.max()), 1)
        offsets = np.arange(longest)
        cells = raw[np.minimum(first[:, None] + offsets, len(raw) - 1)]
        cells[offsets >= lengths[:, None]] = 0
        return cells.view(f"S{longest}").ravel()

    return header, rows, column`;
