"""Pass 3, first step: paragraphs that an export hard-wrapped at a fixed width are joined again.

Text saved from a PDF, a plain-text archive or an old BBS breaks every paragraph
into lines of one width, often in the middle of a word::

    为切实做好今冬明春供暖保障工作，确保广大
    居民温暖过冬，根据省住建厅有关要求，现就
    有关事项通知如下。

The width is the evidence: most such lines are equally wide (counted in
characters, or in GBK bytes where a Han character is two columns), and the
widest lines of the text. The few widths that most lines come close to are
tried, and the one that joins most lines wins. A line at that width that ends
mid-sentence is joined to the next, across a page break (a page number between
blank lines, a pager's status line), until a line ends the paragraph. Nothing
else is touched:

* only runs that end a sentence and read as prose (a comma or a full stop in
  most of their lines) are joined, so a list of equally long headlines stays
  a list; lines shorter than ``MIN_WIDTH`` characters (dates, buttons) are
  never taken for wrapped ones;
* a width counts only when its lines outnumber the longer prose lines twice,
  so an ordinary dump, whose paragraphs are far longer than its titles, is
  never taken for a wrapped one;
* a blank or indented line starts a new paragraph (indented deeper than the
  line above: a text browser's margin before every line is no indent), and so
  does a list item after a finished sentence.

The joined lines become empty (their text moved up, both recorded as edits),
so line numbers stay comparable with the input.

A page printed one text node a line cuts a sentence at its links and bold words; a line that opens
with a comma, a stop or a closing quote goes on with the line right above it, wrapped or not.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Optional

from .document import Document, Options
from .edits import Edit, line_edit
from .metadata import is_metadata_line
from .segment import is_page_number, starts_numbered_heading

PASS = "unwrap"

_SENTENCE_END = "。！？!?；;…"
_CLOSERS = "”’」』）)"
_NOTE_AT_END = re.compile(r"(?<=[。！？!?])[（(][^（）()]{2,30}[）)]$")
_INDENT = " \t\u3000\xa0"
# the end of a line that does not end a sentence, with a line under it
_CUT_END = re.compile(r"[^。！？!?；;…”’」』）)\s](?=\n[ \t\u3000]*\S)")  # the next line may keep a margin
# gaps running text has none of: a full-width space, a tab, two spaces, a space beside a Han character
# or full-width mark (首页 >> 新闻, 浙公网安备 3307…, 来源：某报　编辑：某某)
_GAP = re.compile("[\u3000\t]|  |(?<=[^\\x00-\\x7f]) | (?=[^\\x00-\\x7f])")
_CLAUSE_MARK = re.compile("[，、；。,;]")
MIN_WIDTH = 15  # characters: narrower columns (an OCR'd newspaper's) look too much like titles and widgets
MAX_WIDTH = 100  # characters: no exporter wraps wider; a longer line is an unwrapped paragraph
MIN_WRAPPED = 4  # wrapped lines in joined runs before a width counts
_WIDTHS_TRIED = 3  # the commonest widths tried: menu lines of one width may outnumber a short text's
_PAGE_BREAK = 6  # lines from a page's last line to the next page's first: blanks, the page number, blanks
_BAND = (-2, 1)  # a wrapper stops a column or two early for a wide character, or one late for a comma


def gbk_width(text: str) -> int:
    """Columns of ``text`` as a GBK terminal or a fixed-width font counts them: Han characters two.

    >>> gbk_width("供暖2023年"), len("供暖2023年")
    (10, 7)
    """
    return len(text.encode("gb18030", errors="replace"))


def _ends_sentence(text: str) -> bool:
    """``。``, ``！``, ``……`` at the end, a closing quote or bracket after it allowed, or a bracketed note
    after it (…血肉之情。（本报某地12月31日专电）)."""
    end = _NOTE_AT_END.sub("", text).rstrip(_CLOSERS)[-1:]
    return bool(end) and end in _SENTENCE_END


def _indented(line: str) -> bool:
    return line[:1] in _INDENT


def _starts_paragraph(line: str, above: str) -> bool:
    """``line`` is indented as a paragraph's first line: by a full-width space or a tab (一段一缩进), or by
    more spaces than ``above`` (a text browser such as lynx prints a margin of spaces before every line).

    >>> _starts_paragraph("\u3000\u3000第二段", "\u3000\u3000第一段。"), _starts_paragraph("   接着写", "   第一行")
    (True, False)
    """
    if line[:1] in "\u3000\t":
        return True
    return len(line) - len(line.lstrip(" \xa0")) > len(above) - len(above.lstrip(" \xa0"))


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Join the lines of hard-wrapped paragraphs, and pieces of a sentence a page's markup cut apart;
    see the module docstring for the evidence asked."""
    if not _enough_cut_lines(doc.text):  # the common case: nothing was wrapped
        return _join_pieces(doc)
    candidates, paragraphs = _candidates(doc.lines)
    runs = max((_wrapped_runs(doc.lines, candidates, paragraphs, measure) for measure in (len, gbk_width)),
               key=_wrapped_count)
    if not runs:
        return _join_pieces(doc)
    lines = list(doc.lines)
    edits: list[Edit] = []
    for first, last in runs:
        head = lines[first].rstrip()
        joined = head
        moved = [index for index in range(first + 1, last + 1) if _is_text(lines[index])]
        for index in moved:
            piece = lines[index].strip()
            joined += (" " if _latin_end(joined) and _latin_end(piece[:1]) else "") + piece
        edits.append(Edit(PASS, "hard-wrap", first, len(head), len(lines[first]), lines[first][len(head):],
                          joined[len(head):], "a paragraph hard-wrapped at a fixed width, joined again"))
        for index in range(first + 1, last + 1):
            if index in moved:
                edits.append(line_edit(PASS, "hard-wrap", index, lines[index], "", "moved up to the line it continues"))
            elif lines[index].strip():
                edits.append(line_edit(PASS, "page-number", index, lines[index], "", "a page number inside a paragraph"))
            lines[index] = "" if lines[index].strip() else lines[index]
        lines[first] = joined
    joined_doc, piece_edits = _join_pieces(doc.with_lines(lines), {edit.line for edit in edits})
    return joined_doc, edits + piece_edits


def _join_pieces(doc: Document, joined: "set[int] | frozenset[int]" = frozenset()) -> tuple[Document, list[Edit]]:
    """A line that opens with a comma, a stop or a closing bracket or quote goes on with the line right
    above it: a page printed one text node a line (a link or a bold word inside a sentence), or a
    wrapper broke before the mark. No sentence and no paragraph opens with one. Lines the hard-wrap
    step ``joined`` are left as they are (every edit of a pass reads the pass's input).

    >>> _join_pieces(Document(("本条目存在以下问题", "，请协助改善本条目。", "")))[0].lines
    ('本条目存在以下问题，请协助改善本条目。', '', '')
    """
    if not _PIECE.search(doc.text):  # the common case: no line opens with such a mark
        return doc, []
    lines = list(doc.lines)
    runs: dict[int, list[int]] = {}  # the line a sentence goes on from -> the lines that go on with it
    heads: dict[int, int] = {}
    for index, line in enumerate(lines):
        if index and line[:1] and line[:1] in _CONTINUES and lines[index - 1].strip() and not {index, index - 1} & joined:
            heads[index] = heads.get(index - 1, index - 1)
            runs.setdefault(heads[index], []).append(index)
    edits: list[Edit] = []
    for first, moved in runs.items():
        end = len(lines[first].rstrip())
        whole = lines[first][:end] + "".join(lines[index].strip() for index in moved)
        edits.append(Edit(PASS, "sentence-piece", first, end, len(lines[first]), lines[first][end:], whole[end:],
                          "the rest of a sentence printed on the next lines, joined again"))
        for index in moved:
            edits.append(line_edit(PASS, "sentence-piece", index, lines[index], "", "moved up to the line it continues"))
            lines[index] = ""
        lines[first] = whole
    return doc.with_lines(lines), edits


_CONTINUES = "，、。；：！？）」』”"  # marks that go on with the text before them
_PIECE = re.compile("\n[%s]" % _CONTINUES)


def _enough_cut_lines(text: str) -> bool:
    """At least ``MIN_WRAPPED`` lines of a wrappable length end mid-sentence above another line."""
    found = 0
    for match in _CUT_END.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        if MIN_WIDTH <= match.end() - start <= MAX_WIDTH:
            found += 1
            if found == MIN_WRAPPED:
                return True
    return False


def _latin_end(text: str) -> bool:
    """A Latin letter at the end: between two of them a wrapper breaks only at a space, which it drops.

    Digits get no space (``截至1`` / ``2月19日`` is a number the wrapper cut).
    """
    return bool(text) and text[-1].isascii() and text[-1].isalpha()


def _wrapped_count(runs: list[tuple[int, int]]) -> int:
    return sum(last - first for first, last in runs)


def _candidates(lines: tuple[str, ...]) -> tuple[list[int], int]:
    """The lines a wrapper may have cut (long enough, no gaps of spaces inside, as running text has none),
    and the count of longer lines ending a sentence."""
    candidates, paragraphs = [], 0
    for index, line in enumerate(lines):
        size = len(line)
        if size > MAX_WIDTH:
            paragraphs += _ends_sentence(line.rstrip())
        elif size >= MIN_WIDTH and not _GAP.search(line.strip()):
            candidates.append(index)
    return candidates, paragraphs


def _wrapped_runs(lines: tuple[str, ...], candidates: list[int], paragraphs: int,
                  measure: Callable[[str], int]) -> list[tuple[int, int]]:
    """The ``(first, last)`` line spans to join when the text is wrapped at one width by ``measure``.

    The widths tried are the few that most candidate lines come close to (a short text's menu lines
    may share a width as often as its wrapped lines do); the one that joins most lines wins.
    """
    widths = {index: measure(lines[index].rstrip()) for index in candidates}
    counts = Counter(widths.values())
    near = {w: sum(counts[v] for v in range(w + _BAND[0], w + _BAND[1] + 1)) for w in counts}
    tried = sorted(near, key=lambda w: (-near[w], -w))[:_WIDTHS_TRIED]
    return max((_runs_at(lines, widths, paragraphs, w, measure) for w in tried), key=_wrapped_count, default=[])


def _runs_at(lines: tuple[str, ...], widths: dict[int, int], paragraphs: int, width: int,
             measure: Callable[[str], int]) -> list[tuple[int, int]]:
    """The runs to join for lines wrapped at ``width``: none unless its wrapped lines outnumber the longer
    lines that end a sentence (unwrapped paragraphs) twice."""
    low, high = width + _BAND[0], width + _BAND[1]
    longer = paragraphs + sum(1 for i, w in widths.items() if w > high and _ends_sentence(lines[i].rstrip()))
    if sum(low <= w <= high for w in widths.values()) < max(MIN_WRAPPED, 2 * longer):
        return []  # most dumps end here: their prose lines are the long ones
    band = {
        i for i, w in widths.items()
        # a paragraph's first line may be wider by its indent, when the exporter indents after wrapping
        if (low <= w <= high or (_indented(lines[i]) and low <= measure(lines[i].strip()) <= high))
        and not is_metadata_line(lines[i].strip())
    }
    runs: list[tuple[int, int]] = []
    for first in sorted(band):
        if runs and first <= runs[-1][1]:
            continue
        last = _run_end(lines, band, first)
        if last is not None:
            runs.append((first, last))
    return runs if _wrapped_count(runs) >= max(MIN_WRAPPED, 2 * longer) else []


def _run_end(lines: tuple[str, ...], band: set[int], first: int) -> Optional[int]:
    """The last line of the wrapped paragraph starting at ``first``, or None when none starts there."""
    index, cut = first, []
    while index in band and (following := _continuation(lines, index)) is not None:
        cut.append(index)
        index = following
    marked = sum(1 for i in cut if _CLAUSE_MARK.search(lines[i]))
    end = lines[index].rstrip()
    if not cut or not (_ends_sentence(end) or end.endswith(("：", ":"))) or marked * 2 < len(cut):
        return None  # not prose: a list of equally long headlines, a menu
    return index  # a paragraph ends with its sentence, or with a colon over a list or table


def _continuation(lines: tuple[str, ...], index: int) -> Optional[int]:
    """The line that goes on with the paragraph of the full-width ``lines[index]``, if any: the next one,
    or the first after a page break (blank lines around a page number, ``— 2 —``).

    A blank or indented line starts a new paragraph, and so does a list item after a finished
    sentence. A sentence that ends at the margin does not end its paragraph: most paragraphs hold
    several sentences, and one ending exactly at the margin is the rarer case.
    """
    following, page_break = index + 1, False
    while following < len(lines) and following - index <= _PAGE_BREAK and not _is_text(lines[following]):
        page_break = page_break or bool(lines[following].strip())
        following += 1
    if following == len(lines) or (following > index + 1 and not page_break) or _starts_paragraph(lines[following], lines[index]):
        return None
    if _ends_sentence(lines[index].rstrip()) and starts_numbered_heading(lines[following]):
        return None
    return following


def _is_text(line: str) -> bool:
    """Neither blank nor a page number."""
    return bool(line.strip()) and not is_page_number(line.strip())
