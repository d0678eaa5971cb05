"""Plain-text tables for the terminal that fit a given width (100 columns by default), and plain
text that Markdown shows as written (:func:`markdown_text`).

Cells arrive already formatted (:mod:`lsmitoitus.text.formats`). Long headers wrap over
several lines instead of widening their column; a table still wider than the terminal is cut
into blocks of columns, each repeating the key columns on the left, so nothing scrolls sideways.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

#: Characters that start Markdown (or HTML) of any kind: emphasis, code, links and images,
#: tags, table cells, headings, formulas; each is escaped with a backslash (CommonMark).
MARKDOWN_SIGNS = frozenset("\\`*_[]<>|!$#~{}")


def markdown_text(text: object) -> str:
    """``text`` as Markdown that shows exactly that text: every character that could start
    formatting escaped (no image, link, HTML tag, table cell, heading or formula can come from a
    scenario's names), line breaks as spaces; numbers and ordinary punctuation stay readable."""
    plain = " ".join(str(text).splitlines())
    return "".join("\\" + c if c in MARKDOWN_SIGNS else c for c in plain)


#: Width of a terminal the tables are made to fit.
WIDTH = 100
GAP = 2


def _wrap(header: str, width: int) -> list[str]:
    return textwrap.wrap(header, width=max(width, 4), break_long_words=False, break_on_hyphens=False) or [""]


def _column_width(header: str, cells: Sequence[str], wrap_at: int) -> int:
    data = max((len(c) for c in cells), default=0)
    longest_word = max((len(w) for w in header.split()), default=0)
    return max(data, min(len(header), max(wrap_at, longest_word)), longest_word)


def text_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    right: Sequence[bool] | None = None,
    keys: int = 1,
    width: int = WIDTH,
    wrap_at: int = 14,
    gap: int = GAP,
) -> str:
    """``rows`` under ``header``; ``right[i]`` aligns column i to the right (numbers); the first
    ``keys`` columns are repeated in every block when the table must be split to fit ``width``;
    ``gap`` spaces separate columns."""
    n = len(header)
    right = list(right) if right is not None else [i >= keys for i in range(n)]
    widths = [_column_width(header[i], [r[i] for r in rows], wrap_at) for i in range(n)]
    key_width = sum(widths[:keys]) + gap * keys
    blocks: list[list[int]] = []
    current: list[int] = []
    used = key_width
    for i in range(keys, n):
        if current and used + widths[i] + gap > width:
            blocks.append(current)
            current, used = [], key_width
        current.append(i)
        used += widths[i] + gap
    blocks.append(current)
    out: list[str] = []
    for b, block in enumerate(blocks):
        columns = list(range(keys)) + block
        wrapped = [_wrap(header[i], widths[i]) for i in columns]
        height = max(len(w) for w in wrapped)
        if b:
            out.append("")
        for line in range(height):
            parts = []
            for i, lines in zip(columns, wrapped, strict=True):
                # headers sit at the bottom of their cell, next to the data
                text = lines[line - (height - len(lines))] if line >= height - len(lines) else ""
                parts.append(text.rjust(widths[i]) if right[i] else text.ljust(widths[i]))
            out.append((" " * gap).join(parts).rstrip())
        rule = (" " * gap).join("-" * widths[i] for i in columns)
        out.append(rule)
        for row in rows:
            cells = [row[i].rjust(widths[i]) if right[i] else row[i].ljust(widths[i]) for i in columns]
            out.append((" " * gap).join(cells).rstrip())
    return "\n".join(out)
