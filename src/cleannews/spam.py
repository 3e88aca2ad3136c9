"""Pass 3b: SEO spam that content farms add to pages.

Two kinds, found by what they are rather than by their words:

* **Place-name lists**: runs of administrative-division names
  (``海淀区| 鼓楼区| 天河区| …``) pasted into a page so it ranks for every
  county. Recognised with a gazetteer of all Chinese divisions (including Hong
  Kong, Macau and Taiwan; see ``data/PROVENANCE-gazetteer.md``).
* **Scattered title keywords**: fragments of the title inserted into the first
  paragraphs at clause boundaries, where they break the sentence
  (``众志成城,昆明共同战“疫”,市总当下正值…``). See :func:`find_keyword_stuffing`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import islice

from .document import Document, Options
from .edits import Edit, line_edit

PASS = "spam"

_SEPARATORS = r"\s|｜,，、/;；"
_TOKEN = re.compile(f"[^{_SEPARATORS}]+")
MIN_LIST = 4  # names in a run before it counts as a list
MIN_INLINE = 8  # names in a run inside a longer line, separated by commas or spaces only


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """All division names (simplified and traditional forms) shipped in ``data/gazetteer.tsv``."""
    text = resources.files("cleannews").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _enough_name_ends() -> "re.Pattern[str]":
    """Matches in a line with as many token ends that may end a division name as a list has names.

    Such an end is a last character of some name (区, 縣, 旗…) followed by a separator or the
    end of the line; a line with fewer of them holds no list (most lines: prose).
    """
    last_characters = "".join(sorted({name[-1] for name in gazetteer()}))
    name_end = f"[{re.escape(last_characters)}](?![^{_SEPARATORS}])"
    return re.compile(rf"{name_end}(?:[^\n]*?{name_end}){{{min(MIN_LIST, MIN_INLINE) - 1}}}")


def place_name_runs(line: str) -> list[tuple[int, int]]:
    """Spans of ``line`` that are lists of place names.

    >>> line = "海淀区| 鼓楼区| 天河区| 湾仔区| 新竹市|"
    >>> place_name_runs(line) == [(0, len(line))]
    True
    >>> place_name_runs("分发到东湖高新区，武昌区，洪山区和青山区。")
    []
    """
    if not _enough_name_ends().search(line):
        return []
    names = gazetteer()
    if names.isdisjoint(_TOKEN.findall(line)):  # no name between separators
        return []
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(line)]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j][2] in names:  # tokens are split at separators only
            j += 1
        count = j - i
        if count:
            start, end = tokens[i][0], tokens[j - 1][1]
            whole = not line[:start].strip(" |｜,，、") and not line[end:].strip(" |｜,，、")
            piped = "|" in line[start:end] or "｜" in line[start:end]
            if count >= MIN_LIST and (whole or piped) or count >= MIN_INLINE:
                if whole:
                    start, end = 0, len(line)
                else:  # take the trailing separator with the list
                    while end < len(line) and line[end] in " |｜,，、":
                        end += 1
                runs.append((start, end))
            i = j
        else:
            i += 1
    if runs and _mostly_covered(line, runs):
        return [(0, len(line))]
    return runs


_LIST_SEPARATORS = " |｜,，、"


def _mostly_covered(line: str, runs: list[tuple[int, int]]) -> bool:
    """The lists leave only a few names the gazetteer lacks, between separators: the whole
    line is the list (cutting it piecemeal would leave ``某区|`` behind)."""
    bounds = [0] + [i for run in runs for i in run] + [len(line)]
    rest = "".join(line[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2))
    words = [w for w in re.split(f"[{_LIST_SEPARATORS}]+", rest) if w]
    return len("".join(words)) <= 0.2 * len(line) and not re.search(r"[。！？；]", rest)


def _cut(lines: list[str], index: int, spans: list[tuple[int, int]], rule: str, reason: str, edits: list[Edit]) -> None:
    line = lines[index]
    if spans == [(0, len(line))]:
        edits.append(line_edit(PASS, rule, index, line, "", reason))
        lines[index] = ""
        return
    for start, end in reversed(spans):
        edits.append(Edit(PASS, rule, index, start, end, line[start:end], "", reason))
        line = line[:start] + line[end:]
    lines[index] = line


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Remove place-name lists and title keywords stuffed into the first paragraphs."""
    from .segment import guess_title, is_body_like

    from .vocabulary import variants

    protected = variants(tuple(options.protect))
    lines = list(doc.lines)
    edits: list[Edit] = []
    for index in doc.lines_matching(_enough_name_ends()):  # the lines that may hold a list
        line = lines[index]
        if not any(p in line for p in protected):
            runs = place_name_runs(line)
            if runs:
                _cut(lines, index, runs, "place-name-list", "list of place names (SEO spam)", edits)
    title = guess_title(lines)
    if title:
        body = (i for i, line in enumerate(lines) if is_body_like(line) and title not in line)
        stuffed = False
        for index in islice(body, FIRST_PARAGRAPHS):
            if any(p in lines[index] for p in protected):
                continue
            spans = find_keyword_stuffing(lines[index], title, stuffed)
            stuffed = stuffed or bool(spans)
            if spans:
                _cut(lines, index, spans, "title-keywords", "title keyword inserted at a clause boundary (SEO spam)", edits)
    return doc.with_lines(lines), edits


_CLAUSE_MARKS = "，,、。；;：:！？!?“”\"（）()…—"
MIN_CANDIDATES = 4  # inserted fragments in a paragraph before it counts as stuffed
MIN_COVERAGE = 0.6  # share of the title's characters the fragments must cover
FIRST_PARAGRAPHS = 3
MIN_ORDER = 0.8  # share of consecutive pieces in title order


@lru_cache(maxsize=16)
def _title_fragments(title: str) -> frozenset[str]:
    """The two- to five-character pieces of the title's Chinese characters; remembered, as one title
    is looked for in several paragraphs."""
    core = "".join(ch for ch in title if "\u4e00" <= ch <= "\u9fff")
    return frozenset(core[i:j] for i in range(len(core)) for j in range(i + 2, min(len(core), i + 5) + 1))


def _fragment_runs(text: str, fragments: frozenset[str]) -> list[tuple[int, int]]:
    """Maximal runs of ``text`` made of title fragments (greedy, longest fragment first).

    >>> _fragment_runs("某市总工会议，市总，工会", _title_fragments("某市总工会"))
    [(0, 5), (7, 9), (10, 12)]
    """
    runs: list[tuple[int, int]] = []
    if not fragments:
        return runs
    title_chars = re.escape("".join(sorted(set("".join(fragments)))))
    for stretch in re.finditer(f"[{title_chars}]{{2,}}", text):  # a run only holds the title's characters
        i, end = stretch.span()
        while i < end:
            j = i
            while text[j : j + 2] in fragments:  # every fragment starts with a two-character one
                j += next(len(piece) for piece in (text[j : j + k] for k in (5, 4, 3, 2)) if piece in fragments)
            if j > i:
                runs.append((i, j))
                i = j
            else:
                i += 1
    return runs


def find_keyword_stuffing(paragraph: str, title: str, stuffed_before: bool = False) -> list[tuple[int, int]]:
    """Spans of ``paragraph`` that are title fragments inserted at clause boundaries.

    Content farms chop the title into pieces and insert them, in title order,
    at clause starts and ends of the first paragraphs. A paragraph counts as
    stuffed only when many such pieces sit at clause boundaries and together
    they cover most of the title; then each piece at a boundary goes, except a
    complete place name (``昆明市商贸物流`` is prose, not spam) and a longer phrase
    quoted whole from the title (articles do repeat their titles' phrases). Once an earlier
    paragraph of the same article was stuffed (``stuffed_before``), two pieces
    at clause boundaries are enough.

    >>> title = "某市总工会多措并举助力打赢防控阻击战"
    >>> text = "众志成城,某市共同战疫,市总当下正值关键时期,并举公共服务、助力阻击战企业等各条战线,防控按照部署安排,多措打赢千方百计保运行。"
    >>> [text[s:e] for s, e in find_keyword_stuffing(text, title)]
    ['某市', '市总', '并举', '助力阻击战', '防控', '多措打赢']
    >>> find_keyword_stuffing("某市总工会召开会议，部署防控工作。", title)
    []
    """
    fragments = _title_fragments(title)
    if not fragments:
        return []
    names = gazetteer()
    candidates = []
    for start, end in _fragment_runs(paragraph, fragments):
        before = paragraph[start - 1] if start else "，"
        at_boundary = before in _CLAUSE_MARKS or before == "的" or end == len(paragraph)
        piece = paragraph[start:end]
        quoted = len(piece) >= 4 and piece in title  # prose that repeats a phrase of its title
        if at_boundary and not quoted and piece not in names:
            candidates.append((start, end))
    if stuffed_before:
        return candidates if len(candidates) >= 2 else []
    if len(candidates) < MIN_CANDIDATES:
        return []
    covered = set()
    core = "".join(ch for ch in title if "\u4e00" <= ch <= "\u9fff")
    for start, end in candidates:
        piece = paragraph[start:end]
        at = core.find(piece)
        if at >= 0:
            covered.update(range(at, at + len(piece)))
        else:  # a concatenation of pieces from different places in the title
            covered.update(i for i, ch in enumerate(core) if ch in piece)
    if len(covered) < MIN_COVERAGE * len(core) or _order_agreement(paragraph, candidates, core) < MIN_ORDER:
        return []
    return candidates


def _order_agreement(paragraph: str, candidates: list[tuple[int, int]], core: str) -> float:
    """Share of consecutive pieces that follow each other in title order (wrapping at the end).

    A farm walks through its title piece by piece; prose mentions title words in any order.
    """
    positions = []
    for start, end in candidates:
        piece = paragraph[start:end]
        at = core.find(piece)
        positions.append(at if at >= 0 else core.find(piece[:2]))
    steps = list(zip(positions, positions[1:]))
    if not steps:
        return 0.0
    forward = sum(1 for a, b in steps if b > a or (b < a and b <= 2 and a >= len(core) - 6))
    return forward / len(steps)
