"""Pass 3, second step: a table that belongs to the article becomes rows of text.

A page exported to Markdown-like text prints every table in ``|`` cells, its
own data tables as well as its furniture (a menu, a score board, a sidebar of
phone numbers). The boilerplate pass drops ``|`` rows as table debris, so a
table the article's text introduces is turned into plain rows first::

    主要品种批发价格如下表：
    | 品种 | 单位 | 本周均价 |        主要品种批发价格如下表：
    |---|---|---|                ->    品种 单位 本周均价
    | 大白菜 | 元/公斤 | 1.62 |         大白菜 元/公斤 1.62

The evidence is the sentence that introduces it: a prose line ending with a
colon right above a block of at least two rows of one column count with
figures in them, or a few paragraphs above it when it announces what follows
(``具体预报如下：`` over each day's forecast, then the table). A table without that introduction stays
as it was for the boilerplate pass to judge, so a spec sheet under a bare
caption, or a grid of links, is still furniture. Each row becomes one line,
its cells joined by one space; separator rows (``|---|``) and empty rows go.
Once rows, the table no longer has ``|`` cells, so cleaning the output again
changes nothing.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, Optional

from .document import Document, Options
from .edits import Edit, line_edit

PASS = "tables"

_ROW = re.compile(r"^\s*[|｜].*[|｜]\s*$")  # cells between bars, the bars at both edges
_CELL_SPLIT = re.compile(r"\s*[|｜]\s*")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
_INTRODUCES = re.compile(r"[:：]\s*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
MIN_LEAD_IN = 8  # Han characters before the colon: a shorter line is a label (友情链接：, 热门地区：)
MIN_ROWS = 2  # rows with text, the header row included
MAX_BETWEEN = 3  # paragraphs between an introduction and its table (each day's forecast, then the table)
_ANNOUNCES = re.compile(r"如下|下表|见表|見表|如表|附表")
_BUTTON = re.compile(r"[\[【][^\]】]{1,8}[\]】]")  # [回复]　[支持(7)]: a row of buttons, no table's
_BUTTON_CELL = re.compile(r"^\[[^\]]{1,8}\]$|^!\[")  # [查看], ![](…): a listing's buttons and images, not data
_SENTENCE_CLOSE = re.compile(r"[。！？!?][”’」』）)]*$")
_LONGEST_ROW = 80  # characters of a table's row as text: a longer line is prose
_SENTENCE = re.compile(r"[。！？；!?;]")
_NOT_PROSE = re.compile(r"[\u3000\t]|\s{2,}|[\[\]【】]")  # gaps and buttons: widgets or fields, not a sentence
_LABEL = re.compile(r"[^\d\s][:：]")  # 主办单位：… is a field; 09:30 is a cell


def _cells(line: str) -> list[str]:
    return _CELL_SPLIT.split(line.strip())[1:-1]


def _filler(cells: list[str]) -> bool:
    """A separator row (``|---|:--:|``) or an empty one (``|  |  |``)."""
    return all(not cell or _SEPARATOR_CELL.match(cell) for cell in cells)


def _introduces(line: str) -> bool:
    """A line of prose that announces what follows: ``本次调查记录的主要水鸟数量如下：``; not
    a row of widgets or fields that ends in a label (``【打印】　【关闭】　分享到：``)."""
    return bool(_INTRODUCES.search(line)) and len(_HAN.findall(line)) >= MIN_LEAD_IN and not _NOT_PROSE.search(line.strip())


def _first_row(lines: "list[str] | tuple[str, ...]", intro: int, is_row: Callable[[str], bool]) -> Optional[int]:
    """Where the table that ``lines[intro]`` introduces starts: right under it, or under the few
    paragraphs that the same introduction announces first (具体预报如下： / 19日：…。 / 20日：…。 / the table)."""
    between = 0
    reach = MAX_BETWEEN if _ANNOUNCES.search(lines[intro]) else 0  # over paragraphs, only 如下： and 见下表： reach down
    for index in range(intro + 1, len(lines)):
        line = lines[index].strip()
        if not line:
            continue  # a joined hard wrap leaves empty lines behind
        if is_row(lines[index]):
            return index
        if between == reach or not _SENTENCE_CLOSE.search(line):
            return None
        between += 1
    return None


def _blocks(lines: "list[str] | tuple[str, ...]", is_row: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """Runs of lines that ``is_row`` accepts (blank lines between them allowed: the rows a step
    before emptied) that a line above introduces. Only the few lines ending in a colon are looked under."""
    index = 0
    for intro in (i for i, line in enumerate(lines) if line.rstrip().endswith((":", "：")) and _introduces(line)):
        if intro < index or (start := _first_row(lines, intro, is_row)) is None:
            continue
        end = following = start
        while following < len(lines) and (is_row(lines[following]) or not lines[following].strip()):
            following += 1
            end = following if is_row(lines[following - 1]) else end
        yield start, end
        index = following


def _with_figures(rows: list[list[str]]) -> bool:
    """Two rows or more, a header and at least one row of data with a figure in it."""
    return len(rows) >= MIN_ROWS and min(map(len, rows)) >= 2 and any(_DIGIT.search(" ".join(cells)) for cells in rows[1:])


def pipe_tables(lines: "list[str] | tuple[str, ...]") -> list[tuple[int, int]]:
    """The ``(start, end)`` line ranges of the ``|`` tables that a prose line introduces (see :func:`_first_row`).

    >>> pipe_tables(["各县（市、区）年度改造任务如下：", "| 县 | 小区（个） |", "|---|---|", "| 嵩城区 | 52 |", "下文。"])
    [(1, 4)]
    >>> pipe_tables(["溯风T6 2024款 主要参数", "| 车型 | 长续航版 |", "| 指导价 | 17.58万 |"])
    []
    """
    found = []
    for start, end in _blocks(lines, _ROW.match):
        rows = [cells for cells in map(_cells, lines[start:end]) if not _filler(cells)]
        if len({len(cells) for cells in rows}) == 1 and _with_figures(rows) and not any(_BUTTON_CELL.match(c) for row in rows for c in row):
            found.append((start, end))
    return found


def _text_row(line: str) -> bool:
    return (
        len(line) <= _LONGEST_ROW and not _SENTENCE.search(line) and not _LABEL.search(line) and not _BUTTON.search(line)
        and len(line.split()) >= 2
    )


def table_rows(lines: "list[str] | tuple[str, ...]") -> frozenset[int]:
    """The lines of the tables that this step made into rows (or that were printed so), for the
    boilerplate pass to keep: short rows of cells between spaces under a line introducing them.

    >>> sorted(table_rows(["各县（市、区）年度改造任务如下：", "县 小区（个）", "嵩城区 52", "东川区 43", "下文。"]))
    [1, 2, 3]
    """
    found: set[int] = set()
    for start, end in _blocks(lines, _text_row):
        rows = [j for j in range(start, end) if lines[j].strip()]
        if _with_figures([lines[j].split() for j in rows]):
            found.update(rows)
    return frozenset(found)


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Turn each table the article introduces into rows of text (see the module docstring)."""
    lines = list(doc.lines)
    edits: list[Edit] = []
    for start, end in pipe_tables(lines):
        for index in range(start, end):
            cells = _cells(lines[index])
            row = "" if _filler(cells) else " ".join(cell for cell in cells if cell)
            reason = "an empty or separator row of the table" if not row else "a row of a table the text introduces, as text"
            edits.append(line_edit(PASS, "table-row", index, lines[index], row, reason))
            lines[index] = row
    return doc.with_lines(lines), edits
