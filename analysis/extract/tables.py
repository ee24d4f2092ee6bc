"""Tables written as text ("Date | Source | Sent | Killed"): their rows, and what each
column holds, read from the header row."""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocab

_LINE = re.compile(r"[^\n]+")
_RULE = re.compile(r"[\s|:+=-]+")  # a separator line: "---|---", "+====+"


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str
    role: str   # "date", "source", "text", or the measure the column counts


@dataclass(frozen=True)
class TableRow:
    start: int
    end: int
    cells: tuple[Cell, ...]


def column_role(header: str) -> str:
    """What a column holds, from its header.

    >>> [column_role(h) for h in ("Date", "Source", "Sent", "Killed and wounded", "Notes")]
    ['date', 'source', 'troops_deployed', 'casualties', 'text']
    """
    key = " ".join(header.lower().replace("’", "'").split())
    if key in vocab.TABLE_COLUMNS:
        return vocab.TABLE_COLUMNS[key]
    return vocab.CASUALTY_CUES.get(key, "text")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a line's cells, blanks around them trimmed."""
    spans, pos = [], start
    for bar in [m.start() for m in re.finditer(r"\|", text[start:end])] + [end - start]:
        stop = start + bar
        cell = text[pos:stop]
        lead = len(cell) - len(cell.lstrip())
        spans.append((pos + lead, pos + len(cell.rstrip())))
        pos = stop + 1
    if spans and spans[0][0] == spans[0][1]:
        spans = spans[1:]  # "| a | b |": the empty edges are not cells
    if spans and spans[-1][0] == spans[-1][1]:
        spans = spans[:-1]
    return spans


def find_tables(text: str, start: int = 0, end: int | None = None) -> list[TableRow]:
    """The data rows of every table in text[start:end]: two or more lines in a row with the
    same number (three or more) of `|`-separated cells, the first of them the header.

    >>> t = "Intro.\\nDate | Source | Killed\\n13 Jan | NIS | ~300\\n14 Feb | Zelensky | n/a\\n"
    >>> [[(c.role, c.text) for c in row.cells] for row in find_tables(t)]
    [[('date', '13 Jan'), ('source', 'NIS'), ('killed', '~300')], [('date', '14 Feb'), ('source', 'Zelensky'), ('killed', 'n/a')]]
    """
    end = len(text) if end is None else end
    rows: list[TableRow] = []
    block: list[list[tuple[int, int]]] = []
    last = start
    for m in _LINE.finditer(text, start, end):
        if _RULE.fullmatch(m.group(0)):
            last = m.end()
            continue  # "---|---" under a header
        cells = _cells(text, m.start(), m.end()) if "|" in m.group(0) else []
        if block and (len(cells) != len(block[0]) or text.count("\n", last, m.start()) > 1):
            rows += _rows(text, block)  # a line of another shape, or a blank line, ends it
            block = []
        if len(cells) >= 3:
            block.append(cells)
        last = m.end()
    return rows + _rows(text, block)


def _rows(text: str, block: list[list[tuple[int, int]]]) -> list[TableRow]:
    if len(block) < 2:
        return []  # one line of "a | b | c" is page furniture, not a table
    roles = [column_role(text[a:b]) for a, b in block[0]]
    return [TableRow(line[0][0], line[-1][1],
                     tuple(Cell(a, b, text[a:b], role) for (a, b), role in zip(line, roles)))
            for line in block[1:]]
