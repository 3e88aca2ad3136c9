"""Pass 3b: SEO spam that content farms add to pages.

Two kinds, found by what they are rather than by their words:

* **Place-name lists**: runs of administrative-division names
  (``海淀区| 鼓楼区| 天河区| …``) pasted into a page so it ranks for every
  county, or the same with one keyword after each name (``深圳积分落户 喀什地区积分落户 …``).
  Recognised with a gazetteer of all Chinese divisions (including Hong
  Kong, Macau and Taiwan; see ``data/PROVENANCE-gazetteer.md``).
* **Title keywords**: pieces of the title inserted into the first
  paragraphs, at clause starts (``众志成城,昆明共同战“疫”,市总当下正值…``) or glued
  to the real words there (``今年以来，消费热潮夜经济市场…``), or long verbatim chunks of it
  (``…了解到，某市加强垃圾分类我市将…``), found by the joins they break in the sentence.
  See :func:`find_keyword_stuffing`.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from itertools import islice
from statistics import median
from typing import NamedTuple, Optional, Sequence

from .document import Document, Options
from .edits import Edit, line_edit
from .plausibility import (HAN_CLASS, LOG_UNSEEN_PAIR, bigram_logprob, char_logprob, continuation_logprob, is_han,
                           running_logprob)

PASS = "spam"

_SEPARATORS = r"\s|｜,，、/;；"
_TOKEN = re.compile(f"[^{_SEPARATORS}]+")
_LIST_SEPARATORS = " |｜,，、"
MIN_LIST = 4  # names in a run before it counts as a list
MIN_INLINE = 8  # names in a run inside a longer line, separated by commas or spaces only
MIN_KEYWORD = 2  # characters of the keyword a list of ``place + keyword`` tokens repeats (深圳人才市场 喀什地区人才市场 …)
_LEVEL_WORDS = ("特别行政区", "特別行政區", "自治区", "自治區", "地区", "地區", "市", "县", "縣", "区", "區", "省", "盟")


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """All division names (simplified and traditional forms) shipped in ``data/gazetteer.tsv``."""
    text = resources.files("cleannews").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The gazetteer's names and their short forms without the level word (深圳 for 深圳市, 喀什 for 喀什地区),
    two characters at least: a farm glues its keyword to either. The gazetteer itself lists full names and
    only a few such aliases (黔南, 西双版纳), so the short forms are made here.

    >>> {"深圳", "深圳市", "喀什", "海淀"} <= place_names(), "矿" in place_names()
    (True, False)
    """
    names = gazetteer()
    shorts = (_without_level_word(name) for name in names)
    return names | {short for short in shorts if len(short) >= 2}


def _without_level_word(name: str) -> str:
    """``name`` without its level word (市, 县, 地区…), as people and farms write it; unchanged if it has none."""
    return next((name[: -len(word)] for word in _LEVEL_WORDS if name.endswith(word)), name)


@lru_cache(maxsize=1)
def _enough_name_ends() -> "re.Pattern[str]":
    """Matches in a line with as many token ends that may end a division name as a list has names.

    Such an end is a last character of some name (区, 縣, 旗…) followed by a separator or the
    end of the line; a line with fewer of them holds no list (most lines: prose).
    """
    last_characters = "".join(sorted({name[-1] for name in gazetteer()}))
    name_end = f"[{re.escape(last_characters)}](?![^{_SEPARATORS}])"
    return re.compile(rf"{name_end}(?:[^\n]*?{name_end}){{{min(MIN_LIST, MIN_INLINE) - 1}}}")


@lru_cache(maxsize=1)
def _repeated_keyword() -> "re.Pattern[str]":
    """Matches in a line with as many tokens in a row ending in the same keyword as a list has names
    (``深圳人才市场 喀什地区人才市场 …``; prose seldom ends four clauses alike).

    The match starts at the separator after the first token, with the keyword behind it, so the search
    jumps from separator to separator; not from a comma, which joins the clauses of all prose (the search
    would cost about 2.5 times as much), so a list separated by commas alone is not looked for. Separators
    here leave out the newline: a match stays in its line (see :meth:`Document.lines_matching`).
    """
    spaces = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch != "\n")
    anchor, separator = f"[{re.escape(spaces)}|｜、/;；]", f"[{re.escape(spaces)}|｜、/;；,，]"
    keyword_behind = f"(?<=([^{_SEPARATORS}]{{{MIN_KEYWORD}}}).)"
    token = f"[^{_SEPARATORS}]*\\1(?![^{_SEPARATORS}])"
    return re.compile(rf"{anchor}{keyword_behind}{separator}*{token}(?:{separator}+{token}){{{MIN_LIST - 2}}}")


def _may_hold_list(line: str) -> bool:
    """Whether ``line`` may hold a list of place names, bare or with a keyword: most lines are spared the token scan."""
    return bool(_enough_name_ends().search(line) or _repeated_keyword().search(line))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (of characters or of tokens) in order, overlapping or touching ones made one: two kinds of
    evidence may find the same piece, and one list may hold bare names and names with a keyword.

    >>> _merged([(8, 12), (0, 3), (2, 5), (5, 6)])
    [(0, 6), (8, 12)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def place_name_runs(line: str, title: str = "") -> list[tuple[int, int]]:
    """Spans of ``line`` that are lists of place names, bare or each with the same keyword of the
    article's ``title`` after it (a list of 北京银行 南京银行 … in a table names banks, not farms' targets).

    >>> line = "海淀区| 鼓楼区| 天河区| 湾仔区| 新竹市|"
    >>> place_name_runs(line) == [(0, len(line))]
    True
    >>> line = "深圳积分落户 喀什地区积分落户 合肥市积分落户 四平市积分落户"
    >>> place_name_runs(line, "积分落户新政出台") == [(0, len(line))], place_name_runs(line, "某市出台新政")
    (True, [])
    >>> place_name_runs("分发到东湖高新区，武昌区，洪山区和青山区。")
    []
    """
    if not _may_hold_list(line):
        return []
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(line)]
    words = [word for _, _, word in tokens]
    runs: list[tuple[int, int]] = []
    for first, last in _merged(_bare_name_runs(words) + _keyword_runs(words, title)):
        count = last - first
        start, end = tokens[first][0], tokens[last - 1][1]
        whole = not line[:start].strip(_LIST_SEPARATORS) and not line[end:].strip(_LIST_SEPARATORS)
        piped = "|" in line[start:end] or "｜" in line[start:end]
        if count >= MIN_LIST and (whole or piped) or count >= MIN_INLINE and not _inside_sentence(line, start, end):
            if whole:
                start, end = 0, len(line)
            else:  # take the trailing separator with the list
                while end < len(line) and line[end] in _LIST_SEPARATORS:
                    end += 1
            runs.append((start, end))
    if runs and _mostly_covered(line, runs):
        return [(0, len(line))]
    return runs


def _bare_name_runs(words: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of ``words`` (by index) that are division names.

    >>> _bare_name_runs(["海淀区", "鼓楼区", "会议", "天河区"])
    [(0, 2), (3, 4)]
    """
    names = gazetteer()
    if names.isdisjoint(words):  # most lines
        return []
    runs, i = [], 0
    while i < len(words):
        j = i
        while j < len(words) and words[j] in names:
            j += 1
        if j > i:
            runs.append((i, j))
        i = j + 1
    return runs


def _keyword_runs(words: list[str], title: str) -> list[tuple[int, int]]:
    """Runs of ``words`` (by index), as many as a list has names, that are each a place name (see
    :func:`place_names`) followed by one keyword they share, a keyword of ``title``.

    >>> _keyword_runs(["会议", "深圳人才市场", "喀什地区人才市场", "合肥市人才市场", "四平市人才市场", "人才市场"], "人才市场招聘会举行")
    [(1, 5)]
    """
    if not title:
        return []
    runs, i = [], 0
    while i < len(words):
        shared, j = _keywords_after_place(words[i]), i + 1
        while shared and j < len(words) and (common := shared & _keywords_after_place(words[j])):
            shared = common
            j += 1
        if j - i >= MIN_LIST and any(keyword in title for keyword in shared):
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


@lru_cache(maxsize=1 << 12)
def _keywords_after_place(word: str) -> frozenset[str]:
    """Every keyword that ``word`` is a place name followed by (喀什地区人才市场: 人才市场 after 喀什地区, 地区人才市场 after 喀什)."""
    places = place_names()
    return frozenset(word[k:] for k in range(2, len(word) - MIN_KEYWORD + 1) if word[:k] in places)


def _inside_sentence(line: str, start: int, end: int) -> bool:
    """``line[start:end]`` has words of its sentence before it and more than separators after it: prose
    enumerating places (``捐赠给新北市、苗栗县、…、屏东县、宜兰县等12个县市``, ``包括：…、沧州市。``), not a list
    pasted after a sentence or at the end of a line.

    >>> line = "受惠的有甲县、乙县等。"
    >>> _inside_sentence(line, 4, 10), _inside_sentence("，甲县、乙县", 1, 6), _inside_sentence("。甲县、乙县等", 1, 6)
    (True, False, False)
    """
    before = re.split("[。！？!?]", line[:start])[-1].strip(_LIST_SEPARATORS)
    return bool(before) and bool(line[end:].strip(_LIST_SEPARATORS))


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


# （上海二手房 上海房价 上海新房）: search keywords a farm brackets into a sentence, all on one stem
_KEYWORD_GROUP = re.compile(rf"[（(]\s*[{HAN_CLASS}]{{2,8}}(?:\s+[{HAN_CLASS}]{{2,8}}){{2,}}\s*[）)]")
MIN_STEM = 2  # characters every keyword of a group begins with (the city's or the site's name)


def keyword_groups(line: str, title: str = "") -> list[tuple[int, int]]:
    """The spans of bracketed keyword groups in ``line``: three or more words between spaces that all
    begin alike, or long search phrases that each repeat a word of the page's ``title``. A bracketed
    list of different things (（北京 上海 广州）) is the text's own.

    >>> line = "价格水平仍稳中有升（上海二手房 上海房价 上海新房）。"
    >>> [line[a:b] for a, b in keyword_groups(line)], keyword_groups("三地（北京 上海 广州）同步开售。")
    (['（上海二手房 上海房价 上海新房）'], [])
    >>> line = "再次公开征求意见。（深圳社会救助条例 流浪乞讨救助 深圳最新消息）此次条例增加了两章。"
    >>> [line[a:b] for a, b in keyword_groups(line, "流浪乞讨人员怎么救助？深圳拟分类管理")]
    ['（深圳社会救助条例 流浪乞讨救助 深圳最新消息）']
    >>> line = "出现不适症状。（济南漏油 小清河污染 蓝星石油漏油事件）23日，环保局通报了处置情况。"
    >>> [line[a:b] for a, b in keyword_groups(line, "济南小清河支流漏油20吨！环保局通报原因")]
    ['（济南漏油 小清河污染 蓝星石油漏油事件）']
    >>> keyword_groups("三省（河北省 山西省 河南省）联合执法。", "河北山西河南三省联合执法")
    []
    """
    found = []
    pairs = {title[i : i + 2] for i in range(len(title) - 1)}
    for match in _KEYWORD_GROUP.finditer(line):
        words = match.group(0)[1:-1].split()
        # between two sentences a bracket explains nothing: shorter phrases will do there
        shortest = MIN_SEARCH_PHRASE - bool(match.start() and line[match.start() - 1] in _SENTENCE_ENDS)
        if len(os.path.commonprefix(words)) >= MIN_STEM or all(
            len(word) >= shortest and any(word[i : i + 2] in pairs for i in range(len(word) - 1)) for word in words
        ):
            found.append(match.span())
    return found


MIN_SEARCH_PHRASE = 5  # characters of a search phrase (深圳最新消息); a list's items (北京市区, 上海市区) are shorter


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Remove place-name lists, bracketed keyword groups and title keywords stuffed into the first paragraphs."""
    from .segment import guess_title, is_body_like

    from .vocabulary import variants

    protected = variants(tuple(options.protect))
    lines = list(doc.lines)
    edits: list[Edit] = []
    keyword_lists = set(doc.lines_matching(_repeated_keyword()))
    listed_title = (guess_title(lines) or "") if keyword_lists else ""  # a keyword list repeats a word of it
    for index in sorted(set(doc.lines_matching(_enough_name_ends())) | keyword_lists):  # lines that may hold a list
        line = lines[index]
        if not any(p in line for p in protected):
            runs = place_name_runs(line, listed_title)
            if runs:
                _cut(lines, index, runs, "place-name-list", "list of place names (SEO spam)", edits)
    title = guess_title(lines)
    for index in doc.lines_matching(_KEYWORD_GROUP):
        if not any(p in lines[index] for p in protected) and (groups := keyword_groups(lines[index], title or "")):
            _cut(lines, index, groups, "keyword-group", "a bracketed group of the site's search keywords (SEO spam)", edits)
    if title:
        body = (i for i, line in enumerate(lines) if is_body_like(line) and title not in line)
        first = [i for i in islice(body, FIRST_PARAGRAPHS) if not any(p in lines[i] for p in protected)]
        for index, spans in zip(first, find_keyword_stuffing([lines[i] for i in first], title)):
            if spans:
                _cut(lines, index, spans, "title-keywords", "title keyword inserted into the text (SEO spam)", edits)
    return doc.with_lines(lines), edits


# marks after which a farm inserts; not an opening quote or bracket, whose first words are the quotation's own
_CLAUSE_MARKS = "，,、。；;：:！？!?”\"）)…—"
FIRST_PARAGRAPHS = 3  # body paragraphs a farm stuffs
MIN_CANDIDATES = 6  # inserted pieces in those paragraphs together before they count as stuffed
MIN_TITLE_PARTS = 5  # different parts of the title the pieces repeat
MIN_COVERAGE = 0.7  # share of the title's characters the pieces cover
MIN_PER_PARAGRAPH = 2  # pieces a paragraph must hold to lose them
MIN_MEDIAN_EVIDENCE = 0.5  # right-hand junction evidence of the median piece
# Junction evidence (natural-log odds, see junction_evidence) a piece needs where its place does not say "inserted":
SPLIT_EVIDENCE = -1.0  # glued to the text after it: that join may be no more natural than this
QUOTED_EVIDENCE = 0.0  # a longer phrase of the title (prose quotes those): the sentence must read better without it
MID_CLAUSE_EVIDENCE = 2.5  # inside a clause: both of its joins must be this much worse than the join without it,
MID_CLAUSE_WORD = 2.0  # and the characters around it must make a word (log-lift of the in-word pair over the unigram)
_EDGE = "。"  # what running text has before a paragraph and after it


class _Insertion(NamedTuple):
    """A piece of the title found inside a paragraph, and the evidence that it was put there."""

    start: int
    end: int
    evidence: float  # right-hand junction evidence: how much better the text reads without it
    parts: tuple[tuple[int, int], ...]  # the stretches of the title it repeats (title-core offsets)


@lru_cache(maxsize=16)
def _title_core(title: str) -> str:
    """The title's stretches of Chinese characters, one space between them: a farm's pieces are words of
    the title, and none runs over its punctuation or spaces.

    >>> _title_core("城市夜经济迎来消费热潮 一季度餐饮门店同比翻番！")
    '城市夜经济迎来消费热潮 一季度餐饮门店同比翻番'
    """
    return " ".join(re.findall("[\u4e00-\u9fff]+", title))


@lru_cache(maxsize=16)
def _title_fragments(title: str) -> frozenset[str]:
    """The two- to five-character pieces of the title's stretches of Chinese characters; remembered, as
    one title is looked for in several paragraphs."""
    return frozenset(stretch[i:j] for stretch in _title_core(title).split()
                     for i in range(len(stretch)) for j in range(i + 2, min(len(stretch), i + 5) + 1))


def _fragment_at(text: str, i: int, fragments: frozenset[str]) -> int:
    """Length of the longest title fragment at ``text[i]`` (0 if none)."""
    return next((len(piece) for piece in (text[i : i + k] for k in (5, 4, 3, 2)) if piece in fragments), 0)


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
                j += _fragment_at(text, j, fragments)
            if j > i:
                runs.append((i, j))
                i = j
            else:
                i += 1
    return runs


def _title_chunks(text: str, start: int, end: int, core: str, fragments: frozenset[str]) -> list[tuple[int, int]]:
    """The run ``text[start:end]`` (one of :func:`_fragment_runs`) cut where it stops being one stretch of the title.

    >>> core = "城市夜经济迎来消费热潮"
    >>> text = "今年消费热潮夜经济市场"
    >>> [text[s:e] for s, e in _title_chunks(text, 2, 9, core, _title_fragments(core))]
    ['消费热潮', '夜经济']
    """
    chunks: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = i + _fragment_at(text, i, fragments)
        if chunks and text[chunks[-1][0] : j] in core:
            chunks[-1] = (chunks[-1][0], j)
        else:
            chunks.append((i, j))
        i = j
    return chunks


_FULL_WIDTH = str.maketrans(",;:!?()", "，；：！？（）")  # the marks as the running-text table counts them


@lru_cache(maxsize=1 << 16)
def _affinity(a: str, b: str) -> float:
    """How much likelier ``b`` is right after ``a`` than after any character, in running text (natural log);
    a pair never seen gets the unseen-pair share, a ``b`` never seen after anything 0 (no opinion)."""
    a, b = a.translate(_FULL_WIDTH), b.translate(_FULL_WIDTH)
    share = continuation_logprob(b)
    if share is None:
        return 0.0
    after = running_logprob(a, b)
    return after - share if after is not None else LOG_UNSEEN_PAIR


def junction_evidence(text: str, start: int, end: int) -> tuple[float, float]:
    """How much better ``text`` reads without ``text[start:end]``, judged at the piece's two joins.

    With ``a`` the character before the piece and ``b`` the one after it, the left value is how much
    better ``b`` goes after ``a`` than the piece's first character does, the right value how much better
    ``b`` follows ``a`` than the piece's last character. A piece that belongs in its sentence joins its
    neighbours at least as well as they join each other (values at or below 0); a piece pushed into the
    middle of a word breaks both joins.

    >>> left, right = junction_evidence("公司同比增长", 2, 4)  # 同比 belongs there
    >>> left < 0 and right < 0
    True
    >>> left, right = junction_evidence("产量提迎来高三成", 3, 5)  # 迎来 pushed into 提高
    >>> left > 2.5 and right > 2.5
    True
    """
    a = text[start - 1] if start else _EDGE
    b = text[end] if end < len(text) else _EDGE
    joined = _affinity(a, b)
    return joined - _affinity(a, text[start]), joined - _affinity(text[end - 1], b)


def _splits_word(a: str, b: str) -> bool:
    """``a`` and ``b`` make a dictionary word together: a piece between them was pushed into it (提|迎来|高).

    Running text alone is no judge inside a clause: after a rare name most pairs are unseen.
    """
    return is_han(a) and is_han(b) and bigram_logprob(a, b) - char_logprob(b) >= MID_CLAUSE_WORD


def _follows(core: str, first: str, second: str) -> bool:
    """``second`` comes after ``first`` in the title, as a farm walking through its title puts them."""
    return core.find(second, core.find(first) + len(first)) >= 0


def _insertions(paragraph: str, title: str, runs: list[tuple[int, int]]) -> list[_Insertion]:
    """The title pieces of ``paragraph`` that look inserted (whether the paragraph is stuffed is decided later).

    A run of title fragments is one insertion as long as its stretches of the title follow each other in
    title order; where the order breaks, the rest of the run is looked at on its own (``消费热潮|夜经济市场``:
    the inserted piece glued to the real word). Within that, the insertion ends at the last stretch whose
    join with what follows is broken (positive evidence), or, if none is, where the join is worst. A piece
    right after a clause mark or 的 is a candidate by its place; a piece cut from a longer run, a longer
    phrase of the title and a piece inside a clause need junction evidence; a complete place name never
    counts (``昆明市商贸物流`` is prose).

    >>> text, title = "今年以来，消费热潮夜经济市场持续升温。", "城市夜经济迎来消费热潮"
    >>> runs = _fragment_runs(text, _title_fragments(title))
    >>> [text[piece.start : piece.end] for piece in _insertions(text, title, runs)]
    ['消费热潮']
    """
    fragments = _title_fragments(title)
    core = _title_core(title)
    names = gazetteer()
    found = []
    runs = list(runs)
    while runs:
        start, end = runs.pop(0)
        chunks = _title_chunks(paragraph, start, end, core, fragments)
        stretches = [paragraph[s:e] for s, e in chunks]
        ordered = 1
        while ordered < len(chunks) and _follows(core, stretches[ordered - 1], stretches[ordered]):
            ordered += 1
        if ordered < len(chunks):  # the rest of the run is looked at on its own
            runs.insert(0, (chunks[ordered][0], end))
        joins = [junction_evidence(paragraph, start, chunk_end) for _, chunk_end in chunks[:ordered]]
        broken = [count for count in range(ordered) if joins[count][1] > 0]
        cut = broken[-1] if broken else max(range(ordered), key=lambda count: joins[count][1])
        left, right = joins[cut]
        piece_end = chunks[cut][1]
        piece = paragraph[start:piece_end]
        before = paragraph[start - 1] if start else "\n"  # a paragraph opens with its own words (often the title's)
        if piece in names:
            continue
        if not (before in _CLAUSE_MARKS or before == "的" or piece_end == len(paragraph)):
            inserted = min(left, right) >= MID_CLAUSE_EVIDENCE and _splits_word(before, paragraph[piece_end])
        elif len(piece) >= 4 and piece in title:
            inserted = right >= QUOTED_EVIDENCE
        else:
            inserted = piece_end == end or right >= SPLIT_EVIDENCE
        if inserted:
            parts = tuple((core.find(stretch), core.find(stretch) + len(stretch)) for stretch in stretches[: cut + 1])
            found.append(_Insertion(start, piece_end, right, parts))
    return found


def find_keyword_stuffing(paragraphs: Sequence[str], title: str) -> list[list[tuple[int, int]]]:
    """Spans of each paragraph that are pieces of the title a content farm inserted (one list per paragraph).

    Farms chop the title into pieces and insert them into the first paragraphs, at clause starts or
    anywhere, glued to the words around them (see :func:`_chopped_pieces`), or paste long verbatim chunks of
    it there (see :func:`_verbatim_chunks`). Prose repeats its title's words too, so each kind needs much
    evidence before an article counts as stuffed.

    >>> title = "某市总工会多措并举助力打赢防控阻击战"
    >>> text = "众志成城,某市共同战疫,市总当下正值关键时期,并举公共服务、助力阻击战企业等各条战线,防控按照部署安排,多措打赢千方百计保运行。"
    >>> [[text[s:e] for s, e in spans] for spans in find_keyword_stuffing([text], title)]
    [['某市', '市总', '并举', '助力阻击战', '防控', '多措打赢']]
    >>> find_keyword_stuffing(["某市总工会召开会议，部署防控工作。"], title)
    [[]]
    """
    found = zip(_chopped_pieces(paragraphs, title), _verbatim_chunks(paragraphs, title))
    return [_merged(chopped + verbatim) for chopped, verbatim in found]


def _chopped_pieces(paragraphs: Sequence[str], title: str) -> list[list[tuple[int, int]]]:
    """The pieces of a title chopped into many short ones, per paragraph (none where the article is not stuffed so).

    The paragraphs count as stuffed only when the pieces that look inserted (see :func:`_insertions`) are
    many, repeat many different parts of the title, together cover most of it and mostly break their
    sentences; then each paragraph holding several of them loses them.
    """
    fragments = _title_fragments(title)
    runs = [_fragment_runs(paragraph, fragments) for paragraph in paragraphs]
    if not _may_be_stuffed(paragraphs, runs, _title_core(title)):
        return [[] for _ in paragraphs]
    found = [_insertions(paragraph, title, paragraph_runs) for paragraph, paragraph_runs in zip(paragraphs, runs)]
    if not _stuffed([piece for pieces in found for piece in pieces], _title_core(title)):
        return [[] for _ in paragraphs]
    return [[(piece.start, piece.end) for piece in pieces] if len(pieces) >= MIN_PER_PARAGRAPH else []
            for pieces in found]


def _may_be_stuffed(paragraphs: Sequence[str], runs: list[list[tuple[int, int]]], core: str) -> bool:
    """What :func:`_stuffed` asks, bounded from the runs of title fragments alone: most articles fail it
    and never load the junction tables."""
    pieces = sum((end - start) // 2 for paragraph_runs in runs for start, end in paragraph_runs)
    seen = set("".join(paragraph[start:end] for paragraph, paragraph_runs in zip(paragraphs, runs)
                       for start, end in paragraph_runs))
    title_length = len(core) - core.count(" ")
    return pieces >= MIN_CANDIDATES and sum(ch in seen for ch in core) >= MIN_COVERAGE * title_length


def _stuffed(pieces: list[_Insertion], core: str) -> bool:
    """The pieces are many, come from many parts of the title, cover most of it and mostly break their sentences."""
    if len(pieces) < MIN_CANDIDATES or median(piece.evidence for piece in pieces) < MIN_MEDIAN_EVIDENCE:
        return False
    firsts = {piece.parts[0] for piece in pieces}  # a piece made of two stretches of the title counts once
    distinct = [s for s in firsts if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in firsts)]
    covered = {i for piece in pieces for start, end in piece.parts for i in range(start, end)}
    return len(distinct) >= MIN_TITLE_PARTS and len(covered) >= MIN_COVERAGE * (len(core) - core.count(" "))


# A farm may instead paste long verbatim chunks of its title (``…了解到，某市加强垃圾分类我市将…``), a few times:
MIN_CHUNK_HAN = 5  # Chinese characters of a chunk looked at (a shorter one is a word of the title, prose's too)
MIN_CHUNK_SHARE = 1 / 3  # share of the title's Chinese characters a chunk repeats to count as evidence by itself
MIN_LONG_CHUNKS = 2  # different long chunks that break their sentences before an article counts as stuffed
CHUNK_EVIDENCE = 1.0  # right-hand junction evidence of a chunk at a clause start
MAX_OVERLAP = 2  # characters a chunk may take from the words after it, where they go on as the title does
_SENTENCE_ENDS = "。！？!?”’」』"  # after one of these, a paragraph's last words have their own sentence


class _Verbatim(NamedTuple):
    """A verbatim chunk of the title inside a paragraph."""

    start: int
    end: int
    long: bool  # a large share of the title (or a tail as long as a chunk): evidence by itself
    tail: bool  # the paragraph's last words, after its last sentence: inserted by its place alone


@lru_cache(maxsize=16)
def _title_letters(title: str) -> str:
    """The title without its spaces and marks: what a farm copies out of it, Latin letters and digits included.

    >>> _title_letters("某市加强垃圾分类 通过AI识别严防混投！")
    '某市加强垃圾分类通过AI识别严防混投'
    """
    return "".join(ch for ch in title if ch.isalnum())


_HAN = re.compile(f"[{HAN_CLASS}]")


def _han_count(text: str) -> int:
    """Chinese characters in ``text``: a chunk's length and the title's, Latin letters and digits left out."""
    return len(_HAN.findall(text))


def _verbatim_spans(paragraph: str, letters: str) -> list[tuple[int, int]]:
    """Maximal pieces of ``paragraph``, two characters or more, that occur in ``letters`` (leftmost, longest first).

    >>> text = "记者了解到，某市加强垃圾分类我市将通过AI识别"
    >>> [text[s:e] for s, e in _verbatim_spans(text, "某市加强垃圾分类通过AI识别严防混投")]
    ['某市加强垃圾分类', '通过AI识别']
    """
    spans: list[tuple[int, int]] = []
    if len(letters) < 2:
        return spans
    alphabet = re.escape("".join(sorted(set(letters))))  # as _fragment_runs writes it: most titles compile once
    for stretch in re.finditer(f"[{alphabet}]{{2,}}", paragraph):  # a chunk only holds the title's characters
        i, stop = stretch.span()
        while i < stop - 1:
            j = i
            while j < stop and paragraph[i : j + 1] in letters:
                j += 1
            if j - i >= 2:
                spans.append((i, j))
                i = j
            else:
                i += 1
    return spans


def _tail_start(paragraph: str, spans: list[tuple[int, int]]) -> Optional[int]:
    """Where the paragraph's last words begin when they are chunks of the title alone, after its last sentence.

    A paragraph ends on its full stop; words of the title after it, with no mark of their own, were added.

    >>> text = "市民反响良好。某市混投"
    >>> _tail_start(text, [(7, 9), (9, 11)]), _tail_start("市民反响良好，某市混投", [(7, 9), (9, 11)])
    (7, None)
    """
    end = len(paragraph.rstrip())
    start = end
    for span_start, span_end in reversed(spans):
        if span_end != start:
            break
        start = span_start
    return start if 0 < start < end and paragraph[start - 1] in _SENTENCE_ENDS else None


def _verbatim_candidates(paragraph: str, title: str) -> list[_Verbatim]:
    """The verbatim chunks of the title in ``paragraph`` that may be inserted, before any junction is weighed:
    long enough and no complete place name (prose names its place), or the paragraph's tail of title words,
    whatever its length."""
    letters = _title_letters(title)
    names = gazetteer()
    spans = [(s, e) for s, e in _verbatim_spans(paragraph, letters) if paragraph[s:e] not in names]
    tail = _tail_start(paragraph, spans)
    if tail is not None:
        spans = [(s, e) for s, e in spans if s < tail] + [(tail, len(paragraph.rstrip()))]
    looked_at = (_verbatim(paragraph, s, e, title, s == tail) for s, e in spans if e - s >= MIN_CHUNK_HAN or s == tail)
    return [chunk for chunk in looked_at if chunk]  # most spans are words of the title, too short


def _verbatim(paragraph: str, start: int, end: int, title: str, tail: bool = False) -> Optional[_Verbatim]:
    """``paragraph[start:end]`` as a chunk of ``title``, if long enough to be looked at (a tail always is)."""
    han = _han_count(paragraph[start:end])
    if han < MIN_CHUNK_HAN and not tail:
        return None
    large = tail or han >= MIN_CHUNK_SHARE * _han_count(_title_letters(title))
    return _Verbatim(start, end, han >= MIN_CHUNK_HAN and large, tail)


def _inserted(paragraph: str, chunk: _Verbatim, title: str) -> Optional[_Verbatim]:
    """``chunk`` where it was pushed into its sentence, or None.

    The chunk found is as long as text and title agree; where the sentence after an inserted chunk
    happens to begin as the title goes on (``…提速今年以来`` from ``…提速 今年将…``), it took those
    characters too, so a few shorter ends are tried as well.
    """
    if chunk.tail:
        return chunk
    for end in range(chunk.end, max(chunk.start, chunk.end - MAX_OVERLAP - 1), -1):
        shorter = chunk if end == chunk.end else _verbatim(paragraph, chunk.start, end, title)
        if shorter and _breaks_sentence(paragraph, shorter):
            return shorter
    return None


def _breaks_sentence(paragraph: str, chunk: _Verbatim) -> bool:
    """``chunk`` reads as pushed into its sentence, by its joins (see :func:`junction_evidence`).

    At a clause start, what follows it must go better after the mark than after the chunk; inside a
    clause only a long chunk is looked at, with both joins broken and a word split (two neighbours that
    make a word by chance are common, and a shorter chunk often sits between them).
    """
    start, end = chunk.start, chunk.end
    if not start:  # a paragraph opens with its own words (often the title's)
        return False
    before = paragraph[start - 1]
    left, right = junction_evidence(paragraph, start, end)
    if before in _CLAUSE_MARKS:
        return right >= CHUNK_EVIDENCE
    broken = min(left, right) >= MID_CLAUSE_EVIDENCE
    return chunk.long and broken and end < len(paragraph) and _splits_word(before, paragraph[end])


def _different_long(paragraphs: Sequence[str], chunks: list[list[tuple[_Verbatim, _Verbatim]]]) -> int:
    """How many different texts the long chunks have, each as found before it was shortened: prose repeats
    one long phrase of its title (a name, the subject), and shortened here and there it is still one."""
    return len({paragraph[found.start : found.end] for paragraph, pairs in zip(paragraphs, chunks)
                for found, chunk in pairs if chunk.long})


def _verbatim_chunks(paragraphs: Sequence[str], title: str) -> list[list[tuple[int, int]]]:
    """Chunks of the title pasted into the paragraphs, per paragraph (none where the article is not stuffed so).

    A long chunk that breaks its sentence, or a tail of title words after a paragraph's last sentence, is
    strong evidence; prose repeats a long phrase of its title too, but the same one, so the article counts
    as stuffed only with several different ones. Then every candidate that breaks its sentence goes.

    >>> title = "某市加强垃圾分类 通过AI识别严防混投"
    >>> text = "记者了解到，某市加强垃圾分类我市将加强分类后的管理，通过AI识别严防混投防止混投。严防混投"
    >>> [[text[s:e] for s, e in spans] for spans in _verbatim_chunks([text], title)]
    [['某市加强垃圾分类', '通过AI识别严防混投', '严防混投']]
    >>> _verbatim_chunks(["某市加强垃圾分类，通过AI识别严防混投，市民反响良好。"], title)
    [[]]
    """
    candidates = [[(c, c) for c in _verbatim_candidates(paragraph, title)] for paragraph in paragraphs]
    if _different_long(paragraphs, candidates) < MIN_LONG_CHUNKS:  # most articles: no junction table is loaded
        return [[] for _ in paragraphs]
    inserted = [[(found, _inserted(paragraph, found, title)) for found, _ in pairs]
                for paragraph, pairs in zip(paragraphs, candidates)]
    breaking = [[(found, chunk) for found, chunk in pairs if chunk] for pairs in inserted]
    if _different_long(paragraphs, breaking) < MIN_LONG_CHUNKS:
        return [[] for _ in paragraphs]
    return [[(chunk.start, chunk.end) for _, chunk in pairs] for pairs in breaking]
