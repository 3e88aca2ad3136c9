"""Pass 4: a dump becomes articles, each with title, metadata and paragraphs.

Scrapers flatten pages into lines: a header (site name, title, subtitle,
bylines, a date/source line), the body, and trailers (editor lines, a second
date line). Several articles may follow one another in one dump, and a
scraper may have run paragraphs and sub-headings together on one line. This
pass

* splits run-together lines at sentence ends followed by white space, and
  separates a sub-heading from the paragraph it was glued to;
* cuts the dump into articles at separator lines (``---``) and wherever a
  title-like line is followed by a date or source line after a body;
* turns metadata lines into fields and picks title and subtitle from the
  header; header lines that are neither (site names, leftovers) are dropped
  and recorded.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple, Optional

from .caching import line_cache
from .document import ARTICLE_FIELDS, Article, Document, Options
from .edits import Edit
from .metadata import (
    CLOCK, OUTLET_END, Fields, at_time, closing_signature, complete_date, dateline_credits, is_dateline, is_metadata_line, is_outlet_name, is_personal_name, metadata_fields, parse_date,
    labelled_row, signature_line, with_dangling_value, with_time_below,
)
from .textformat import FIELD_OF_LABEL, HEADER_LABELS, read_text
from .vocabulary import CATEGORY_TAGS, MEDIA_TAGS, variants

PASS = "segment"

SEPARATOR = re.compile(r"^\s*(?:-{3,}|={3,}|\*{3,}|＊{3,}|—{3,}|_{3,}|[─━═]{3,})\s*$")  # rules of dashes or box-drawing lines
# 标题：…, 标  题: … as a BBS post's header spaces it, 题名 | … as an archive's record table prints it
_EXPLICIT = re.compile(r"^(?P<label>(?:副\s*)?(?:标|標)\s*(?:题|題)|题名|題名)\s*[:：|｜]\s*(?P<value>.+)$")
# The other header fields of the article format this tool writes (textformat.HEADER_LABELS).
_FORMAT_FIELD = re.compile(
    "^(?P<label>%s)：(?P<value>.+)$" % "|".join(label for name, label in HEADER_LABELS if name not in ("title", "subtitle"))
)
# A sentence end followed by white space inside a line: a paragraph break the scraper lost.
_PARAGRAPH_BREAK = re.compile(r"(?<=[。！？!?])([”’」』）)]?)[ \t\u3000\xa0]+(?=\S)")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十\d]{1,3}[，,、：:部分章节条]|[①-⑳])"
)
# A heading cannot end with a word that needs a complement (preposition, conjunction, particle).
_DANGLING_END = re.compile(r"(?:[的地得和与及或在对为把将被向从以于了着是围绕关于根据通过按照针对对于])$")
_PAIRS = ("“”", "‘’", "「」", "『』", "（）", "()", "《》", "【】")
_INLINE_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]是")
_SPEAKER = re.compile(r"^[\u4e00-\u9fff·]{2,4}[：:]")
_ROLE_END = re.compile(r"(?:工|员|員|民|长|長|者|师|師|生|人|主任|经理|經理|书记|書記|教授|代表|专家|專家)$")  # 维修工, 居民, 负责人
_TITLE_MAX = 64


class Unit(NamedTuple):
    """A paragraph-sized piece of a line: where it came from and its stripped text."""

    line: int
    start: int
    text: str


@line_cache(16384)
def is_title_like(line: str) -> bool:
    """A short line that does not read as a sentence: a title, subtitle or sub-heading.

    >>> is_title_like("寒冬送温暖 关爱暖人心")
    True
    >>> is_title_like("本次慰问活动，分别为每位医疗队队员家属送上3000元慰问金及慰问信。")
    False
    """
    text = line.strip()
    if not (4 <= len(text) <= _TITLE_MAX):
        return False
    if text[-1] in "。；;，,、：:" or len(re.findall("[。；;]", text)) > 1:  # ？！ are common in titles
        return False
    return not is_metadata_line(text)


# — 2 —, - 2 -, ·2·, 第2页, 第 2 页 共 5 页: the number a printed or exported page carries; and a terminal
# pager's status line (下面还有喔 (68%) │ 结束 ← <q> │ …) that a telnet capture keeps between two screens
_PAGE_NUMBER_LINE = re.compile(
    r"^(?:[—－\-–]\s*\d{1,3}\s*[—－\-–]|·\s*\d{1,3}\s*·|第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?"
    r"|[^│]{0,12}\(\d{1,3}%\)\s*│.*)$"
)


def is_page_number(text: str) -> bool:
    """A page's number as a PDF or print export prints it, or a terminal pager's status line, alone on its line.

    >>> is_page_number("— 2 —"), is_page_number("第 2 页 共 5 页"), is_page_number("2024")
    (True, True, False)
    >>> is_page_number("下面还有喔 (68%)  │ 结束 ← <q> │ ↑/↓ 移动 │")
    True
    """
    return bool(_PAGE_NUMBER_LINE.match(text))


def is_labelled_title(text: str) -> bool:
    """``标题：…`` / ``副标题：…``: a title given as a field (as this tool writes its output).

    >>> is_labelled_title("副标题：记者 王五")
    True
    """
    return bool(_EXPLICIT.match(text))


def starts_numbered_heading(text: str) -> bool:
    """``一、``, ``（二）``, ``3.``, ``①``: an enumerated heading or list item of the body.

    >>> starts_numbered_heading("二、落实落细台账管理")
    True
    >>> starts_numbered_heading("2024年工作要点")
    False
    """
    return bool(_ENUMERATOR.match(text))


def is_body_like(line: str) -> bool:
    """A line that reads as article prose (a long ``副标题：…`` field of this tool's output does not)."""
    text = line.strip()
    return (len(text) > _TITLE_MAX or (len(text) >= 20 and "。" in text)) and not _EXPLICIT.match(text)


def split_run_together(line: str) -> list[tuple[int, str]]:
    """Split a line holding several paragraphs or a heading glued to its paragraph.

    Returns ``(offset, text)`` pieces in order.

    >>> [t for _, t in split_run_together("第一段结束。 二、落实落细台账管理 为落实好服务保障工作，区总工会对一线医务人员数量进行摸底。")]
    ['第一段结束。', '二、落实落细台账管理', '为落实好服务保障工作，区总工会对一线医务人员数量进行摸底。']
    >>> [t for _, t in split_run_together("二是团区委始终持续围绕 “人”“财”“物”等资源力量，努力动员全区青年群体踊跃参与。")]
    ['二是团区委始终持续围绕 “人”“财”“物”等资源力量，努力动员全区青年群体踊跃参与。']
    >>> [t for _, t in split_run_together("百吨蔬菜 千里传情")], [t for _, t in split_run_together("账号外泄？ 官方称消息不实")]
    (['百吨蔬菜 千里传情'], ['账号外泄？ 官方称消息不实'])
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    # a headline may ask and answer (外泄? 官方辟谣称消息不实): a short line without a full stop stays whole
    breaks = () if "。" not in line and is_title_like(line) else _PARAGRAPH_BREAK.finditer(line)
    for match in breaks:
        end = match.start() + len(match.group(1))
        pieces.append((start, line[start:end]))
        start = match.end()
    pieces.append((start, line[start:]))
    out: list[tuple[int, str]] = []
    for offset, piece in pieces:
        out.extend(_split_heading(offset, piece))
    return [(o, t) for o, t in out if t.strip()]


def _split_heading(offset: int, piece: str) -> list[tuple[int, str]]:
    """Separate ``小标题 正文……。`` into heading and paragraph when the head is clearly a heading."""
    indent = len(piece) - len(piece.lstrip(" \t\u3000\xa0"))
    if indent:  # an indented line splits as it would without its indent (fix stays idempotent)
        return _split_heading(offset + indent, piece[indent:])
    match = re.search(r"[ \t\u3000\xa0]+", piece)
    if not match:
        return [(offset, piece)]
    head, body = piece[: match.start()], piece[match.end() :]
    if not (4 <= len(head) <= 40) or _SENTENCE_END.search(head) or _INLINE_ENUMERATOR.match(head):
        return [(offset, piece)]
    if head[-1].isascii() and head[-1].isalnum() and body[0].isascii() and body[0].isalnum():
        return [(offset, piece)]  # a space between Latin words (Hugh Lee) breaks no paragraph
    if is_dateline(head) or re.fullmatch(CLOCK, head):  # 中新网8月24日电 据……, or a live entry's 09:48: it opens its paragraph
        return [(offset, piece)]
    if "，" in head and not _ENUMERATOR.match(head):  # a clause cut by a stray space (…14:05 因…), not a heading
        return [(offset, piece)]
    if _DANGLING_END.search(head) or head[-1] in "，,、：:":
        return [(offset, piece)]
    if len(body) < max(20, len(head)) or not _SENTENCE_END.search(body):
        return [(offset, piece)]
    if (body[0] in "“‘「『（(《" or (_ROLE_END.search(head) and _SPEAKER.match(body))) and not _ENUMERATOR.match(head):
        return [(offset, piece)]  # a quote, or a speaker named after their role (热力公司维修工 赵建国：…)
    if any(head.count(a) != head.count(b) for a, b in _PAIRS):  # a heading closes what it opens
        return [(offset, piece)]
    # the paragraph may itself start with a heading; splitting to a fixed point keeps fix idempotent
    return [(offset, head)] + _split_heading(offset + match.end(), body)


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Cut ``doc`` into articles; the edits record split lines and lines turned into fields or dropped.
    A file in this tool's own text format is read back as written."""
    written = read_text(doc.text)
    if written is not None:
        edits = [
            Edit(PASS, "metadata", number, 0, len(doc.lines[number]), doc.lines[number], "", "a header field of this tool's own format, read back")
            for _, numbers in written for number in numbers
        ]
        return replace(doc, articles=tuple(article for article, _ in written)), edits
    edits: list[Edit] = []
    units: list[Unit] = []
    for index, line in enumerate(doc.lines):
        if not line.strip():
            continue
        pieces = split_run_together(line)
        for (offset, _), (next_offset, _) in zip(pieces, pieces[1:]):
            gap_start = offset + len(line[offset:next_offset].rstrip())
            edits.append(
                Edit(PASS, "paragraph-split", index, gap_start, next_offset, line[gap_start:next_offset], "\n",
                     "paragraphs or a heading run together on one line")
            )
        units.extend(Unit(index, offset + len(text) - len(text.lstrip()), text.strip()) for offset, text in pieces)
    flash = _flash_items(units)
    if flash:  # a 7×24 flash list: each timed item is an article
        header, items = units[: flash[0]], [units[a:b] for a, b in zip(flash, flash[1:] + [len(units)])]
        return replace(doc, articles=tuple(_flash_articles(header, items, doc, edits))), edits
    groups = [group for group in _split_articles(units) if group]
    articles = [_build_article(group, doc, edits) for group in groups]
    if len(articles) > 1 and _bodiless(articles[0]) and not any(map(_CLAUSE_MARK.search, articles[0].paragraphs)):
        # an export's or page's header, no article: no paragraph, or none with a clause in it
        for unit in groups[0]:
            if unit.text in (articles[0].title, articles[0].subtitle, *articles[0].paragraphs):
                _record(edits, unit, "header", "header above the first article, with no prose of its own")
        articles = articles[1:]
    articles = _merge_empty(articles)
    return replace(doc, articles=tuple(articles)), edits


# A finance portal's 7×24 flash list: a time, alone or before its item, then a 【headline】 or a dispatch's
# dateline (某某财经3月15日电). Each item is an article of its own, dated by the page's day and its time.
_CLOCK_ALONE = re.compile(rf"^(?P<clock>{CLOCK})$")
_CLOCKED = re.compile(rf"^(?P<clock>{CLOCK})\s+(?=\S)")
_FLASH_HEADLINE = re.compile(r"^【(?P<title>[^】]{4,60})】\s*")
_FLASH_OPENING = re.compile(_FLASH_HEADLINE.pattern + r"|^[\u4e00-\u9fff]{2,12}?\d{1,2}月\d{1,2}日(?:电|電|讯|訊)")
MIN_FLASH_ITEMS = 3


def _flash_items(units: list[Unit]) -> list[int]:
    """Where the items of a flash list start (their time's unit); empty unless the page holds at
    least :data:`MIN_FLASH_ITEMS` of them. A live blog's entries carry times too, but no headline
    or dateline each: they stay one article."""
    starts = []
    for i, unit in enumerate(units):
        if clocked := _CLOCKED.match(unit.text):
            first = unit.text[clocked.end() :]
        elif _CLOCK_ALONE.match(unit.text) and i + 1 < len(units):
            first = units[i + 1].text
        else:
            continue
        if _FLASH_OPENING.match(first):
            starts.append(i)
    return starts if len(starts) >= MIN_FLASH_ITEMS else []


def _flash_articles(header: list[Unit], items: list[list[Unit]], doc: Document, edits: list[Edit]) -> list[Article]:
    """The flash list's items as articles: the 【headline】 is the title, the page's day and the
    item's time the date, the dispatch's outlet the source; an editor the page names for the
    whole list (本页值班编辑：) is every item's."""
    day = next((f.date[:10] for f in map(metadata_fields, (u.text for u in header)) if f and f.date), doc.hints.date)
    for unit in header:
        _record(edits, unit, "header", "the flash list's page header")
    articles, editor = [], None
    for item in items:
        article = Article()
        clock = _CLOCK_ALONE.match(item[0].text) or _CLOCKED.match(item[0].text)
        if day and not day.startswith("--"):
            article.date = at_time(day[:10], clock["clock"])
        texts = [(unit, unit.text) for unit in item]
        first, text = texts[0]
        if clock.end() == len(text):
            _record(edits, first, "flash-time", "the item's time, now its date")
            texts = texts[1:]
        else:
            edits.append(Edit(PASS, "flash-time", first.line, first.start, first.start + clock.end(), text[: clock.end()], "", "the item's time, now its date"))
            texts[0] = (first, text[clock.end() :])
        for n, (unit, text) in enumerate(texts):
            if n == 0 and (headline := _FLASH_HEADLINE.match(text)):
                article.title = headline["title"].strip()
                start = unit.start + len(unit.text) - len(text)
                edits.append(Edit(PASS, "flash-title", unit.line, start, start + headline.end(), text[: headline.end()], "", "the item's headline, now its title"))
                text = text[headline.end() :]
                if not text:
                    continue
            fields = metadata_fields(text)
            if fields and not is_body_like(text):
                editor = editor or fields.editor
                _record(edits, unit, "metadata", "metadata line of the flash list")
                continue
            article.paragraphs.append(text)
        article.author, article.source = dateline_credits(article.paragraphs[0]) if article.paragraphs else (None, None)
        articles.append(article)
    for article in articles:
        article.editor = editor
    return articles


# fields of a row: values between bars, or labels between wide gaps (a subtitle has neither)
_FIELD_ROW = re.compile(r"\S\s*[|｜]\s*\S|[:：].*(?:\s{2,}|\u3000)\S|\S(?:\s{2,}|\u3000).*[:：]")
_ATTACHMENTS = re.compile(r"^附件\s*\d*\s*[:：]")  # 附件：1．某某清单: a document's attachments, then its signature


def _starts_article(units: list[Unit], i: int) -> bool:
    """A title-like line followed within three lines by a date, source or byline line."""
    if _EXPLICIT.match(units[i].text):
        return True
    if not is_title_like(units[i].text) or _ENUMERATOR.match(units[i].text) or _ATTACHMENTS.match(units[i].text):
        return False
    for unit in units[i + 1 : i + 4]:
        text = unit.text
        fields = metadata_fields(text)
        if fields:
            if fields.heads_article:
                return True
        elif not is_title_like(text):
            return False
    return False


def _heads_prose(units: list[Unit], i: int) -> bool:
    """A title-like line (not a numbered heading) with prose under it, past at most two short lines."""
    if not is_title_like(units[i].text) or _ENUMERATOR.match(units[i].text) or _ATTACHMENTS.match(units[i].text):
        return False
    for unit in units[i + 1 : i + 4]:
        if is_body_like(unit.text):
            return True
        if not is_title_like(unit.text):
            return False
    return False


def _is_trailer(text: str) -> bool:
    """A date, source or editor line: printed after the body, it closes the article."""
    fields = metadata_fields(text)
    return bool(fields and fields.closes_article)


# 特此公告。/ 特此通知。: a notice's closing formula; its issuer and date follow as the signature
_CLOSING_FORMULA = re.compile(r"^(?:特此(?:公告|通知|通告|函告|说明|声明|公示)|此致敬礼)[。！!]?$")
_SIGNATURE_LINES = 2  # the issuer's name and the date under a closing formula


def signs_notice(lines: "list[str] | tuple[str, ...]", index: int) -> bool:
    """``lines[index]`` is one of the lines signing a notice: a closing formula (特此公告。) stands at
    most :data:`_SIGNATURE_LINES` non-empty lines above it.

    >>> signs_notice(["特此公告。", "某某公司董事会", "2024年4月12日"], 2), signs_notice(["某某公司董事会"], 0)
    (True, False)
    """
    seen = 0
    for j in range(index - 1, -1, -1):
        text = lines[j].strip()
        if not text:
            continue
        if _CLOSING_FORMULA.match(text):
            return True
        seen += 1
        if seen >= _SIGNATURE_LINES:
            return False
    return False


def _signature(texts: list[str]) -> set[int]:
    """Indices of the lines signing a notice (issuer, date) right under its closing formula, or under
    its last sentence (某市公安局某某分局 / 2023年11月7日 under a police notice): part of the text as
    printed, not a new article's header nor the article's metadata."""
    signed = {j for j, text in enumerate(texts) if len(text) <= _TITLE_MAX and not is_body_like(text) and signs_notice(texts, j)}
    for j in range(1, len(texts) - 1):
        if issuer_signs(texts, j):
            signed.update((j, j + 1))
    return signed


def issuer_signs(texts: "list[str] | tuple[str, ...]", index: int) -> bool:
    """``texts[index]`` names the body signing the text above it, over the date (some notices print no
    closing formula): a public body's name right under a sentence and over a date alone. Blank
    lines between count as nothing.

    >>> issuer_signs(["……请拨打110联系。", "某市公安局某某分局", "2023年11月7日"], 1)
    True
    >>> issuer_signs(["某市公安局某某分局", "2023年11月7日", "……"], 0), issuer_signs(["菜单", "某市公安局", "2023年11月7日"], 1)
    (False, False)
    """
    if not is_issuer(texts[index].strip()):
        return False
    above = next((t.strip() for t in reversed(texts[:index]) if t.strip()), "")
    below = next((t.strip() for t in texts[index + 1 :] if t.strip()), "")
    return bool(above) and _closes_prose(above) and bool((fields := metadata_fields(below)) and fields.date_only)


def _split_articles(units: list[Unit]) -> list[list[Unit]]:
    """Cut at separators, at a title with metadata under it, and at a title heading prose after
    an article's closing date/source/editor line; then split groups holding two headers' worth
    of metadata (:func:`_split_at_second_header`)."""
    groups: list[list[Unit]] = [[]]
    seen_body = closed = False
    signature = _signature([unit.text for unit in units])
    for i, unit in enumerate(units):
        text = unit.text
        if SEPARATOR.match(text):
            if not _underlines(units, i):
                groups.append([])
                seen_body = closed = False
            continue
        if seen_body and i not in signature and (_starts_article(units, i) or (closed and _heads_prose(units, i))):
            groups.append([])
            seen_body = closed = False
        groups[-1].append(unit)
        closed = closed or (seen_body and i not in signature and _is_trailer(text))
        seen_body = seen_body or is_body_like(text)
    return [part for group in groups for part in _split_at_second_header(group)]


def _underlines(units: list[Unit], i: int) -> bool:
    """The separator ``units[i]`` underlines the title-like line right above it (标题 / ******), with the
    text under it: the title's rule, as plain text prints a heading, not a cut between articles."""
    return (
        0 < i < len(units) - 1 and units[i - 1].line == units[i].line - 1 and is_title_like(units[i - 1].text)
        and not is_title_like(units[i + 1].text)
    )


def _split_at_second_header(group: list[Unit]) -> list[list[Unit]]:
    """An article whose header has a date or source, followed later by a date/source line that
    disagrees with it, is two articles: the second printed its metadata at the end. They part at
    the first title-like line after the first article's prose that heads prose of its own."""
    texts = [unit.text for unit in group]
    first_body = next((i for i, t in enumerate(texts) if is_body_like(t)), len(texts))
    header = [f for f in map(metadata_fields, texts[:first_body]) if f]
    dates = {f.date[:10] for f in header if f.date}
    sources = {f.source for f in header if f.source and "source" in f.found}  # not an unlabelled outlet's name
    if not (dates or sources):
        return [group]
    for j in range(first_body + 1, len(texts)):
        fields = metadata_fields(texts[j])
        if not fields:
            continue
        if (fields.date and dates and fields.date[:10] not in dates) or (fields.source and sources and fields.source not in sources):
            for c in range(first_body + 1, j):
                if _closes_prose(texts[c - 1]) and _heads_prose(group[:j], c):
                    return [group[:c]] + _split_at_second_header(group[c:])
            break
    return [group]


def _closes_prose(text: str) -> bool:
    return is_body_like(text) or bool(_SENTENCE_END.search(text[-1:]))


def _build_article(group: list[Unit], doc: Document, edits: list[Edit]) -> Article:
    article = Article()
    texts = [unit.text for unit in group]
    signature = _signature(texts)
    meta = {i: fields for i, fields in enumerate(map(metadata_fields, texts)) if fields and i not in signature}
    for i in [i for i in meta if i + 1 < len(texts) and i + 1 not in meta]:
        if joined := with_dangling_value(texts[i], texts[i + 1]):  # 作者： over its value (a page one text node a line)
            meta[i] = meta[i + 1] = joined
    first_body = next((i for i, t in enumerate(texts) if is_body_like(t) and i not in meta), len(texts))  # a long metadata row is no prose
    for i in range(first_body):  # over the text, a dated row of fields under labels this tool does not know is the header
        if i not in meta and i not in signature and (fields := labelled_row(texts[i])):
            meta[i] = fields
    meta_positions = sorted(meta)
    title_at = _find_title(texts, first_body, meta, [unit.line for unit in group])
    if title_at is not None and title_at + 1 < first_body and issued_title(texts[title_at], texts[title_at + 1]):
        title_at += 1  # the issuer over the rest of a 公文's title: the title is the two lines (joined below)
    consumed: set[int] = set()
    # the title's own metadata first: a line above the title (the page's date) only fills gaps
    guessed: set[str] = set()
    for i in sorted(meta_positions, key=lambda i: title_at is not None and i < title_at):
        _merge_fields(article, meta[i], guessed)
        consumed.add(i)
        _record(edits, group[i], "metadata", "metadata line turned into article fields")
    for i in meta_positions:  # 2024年3月14日（星期四） over 香港时间11时45分
        if meta[i].date == article.date and i + 1 < len(texts) and (timed := with_time_below(article.date, texts[i + 1])):
            article.date = timed
            consumed.add(i + 1)
            _record(edits, group[i + 1], "metadata", "the time under the date turned into the article's date")
    if article.date is None:  # 编辑于 2023-08-14 17:02 alone (an answer on a Q&A site): the only date printed
        article.date = next((meta[i].updated for i in meta_positions if meta[i].updated), None)
    page_dates = [meta[i].date for i in meta_positions if meta[i].date and not meta[i].date.startswith("--")]
    article.date = complete_date(article.date, next(iter(page_dates), doc.hints.date))
    for i, text in enumerate(texts[:first_body]):
        explicit = _EXPLICIT.match(text)
        if explicit:
            key = "subtitle" if explicit["label"].startswith("副") else "title"
            setattr(article, key, explicit["value"].strip())
            consumed.add(i)
        elif i not in meta and (field := _FORMAT_FIELD.match(text)) and getattr(article, FIELD_OF_LABEL[field["label"]]) is None:
            # a field of this tool's own output that the metadata heuristics would not accept: read it back as written
            setattr(article, FIELD_OF_LABEL[field["label"]], field["value"].strip())
            consumed.add(i)
            _record(edits, group[i], "metadata", "article-format field read back as written")
    if title_at is not None and article.title is None and title_at not in consumed:
        headline, dated = undated_title(texts[title_at])
        article.title = _without_media_tag(headline)
        if title_at and issued_title(texts[title_at - 1], headline) and group[title_at].line - group[title_at - 1].line <= _STACK_GAP:
            article.title = texts[title_at - 1] + article.title  # the issuer opens a 公文's title on the line above
            consumed.add(title_at - 1)
            _record(edits, group[title_at - 1], "title-line", "the issuer that opens the title, printed on the line above it")
        article.date = article.date or dated
        consumed.add(title_at)
        sub = _next_unconsumed(texts, title_at + 1, first_body, consumed)
        if sub is not None and not any(title_at < i < sub for i in meta):  # a subtitle sits right under its title
            if sub < first_body and is_outlet_name(texts[sub]):  # 某某日报 under the title
                article.source = article.source or texts[sub]
                consumed.add(sub)
                _record(edits, group[sub], "metadata", "outlet name under the title turned into the source")
            elif sub < first_body and _FIELD_ROW.search(texts[sub]):
                consumed.add(sub)  # 播放 3.2万　|　2024-06-12 18:30　|　标签：…: a row of fields this tool cannot read, no subtitle
                _record(edits, group[sub], "header", "a row of fields under the title that are not the article's metadata")
            elif (
                is_title_like(texts[sub]) and len(texts[sub]) > _NAME_LINE and sub < first_body
                and group[sub].line - group[title_at].line <= _STACK_GAP
                and not texts[sub].startswith(_NOTE_OPENERS) and not is_dateline(texts[sub])
            ):
                article.subtitle = texts[sub]
                consumed.add(sub)
        for i in range(title_at):  # header lines above the title: site names, leftovers
            if i not in consumed:
                consumed.add(i)
                _record(edits, group[i], "header", "header line above the title")
        header_meta = next((i for i in sorted(meta) if title_at < i < first_body), None)
        if header_meta is not None:  # 发布地点：… / 发布人：… under the date and source: more of the header
            last = max(i for i in meta if title_at < i < first_body)
            for i in range(last + 1, first_body):
                if i in consumed or not _HEADER_FIELD.match(texts[i]):
                    break
                consumed.add(i)
                _record(edits, group[i], "header", "a labelled line of the header under its date and source")
        for i in range(title_at + 1, header_meta or title_at):  # an account's name, badge, blurb over the date
            if i not in consumed:
                consumed.add(i)
                if article.source is None and is_issuer(texts[i]):
                    article.source = texts[i]
                    _record(edits, group[i], "metadata", "issuing body between the title and its date turned into the source")
                else:
                    _record(edits, group[i], "header", "header line between the title and its metadata")
        lead = _next_unconsumed(texts, title_at + 1, len(texts), consumed)
        if lead is not None and _STANDFIRST.match(texts[lead]) and any(map(is_body_like, texts[lead + 1 :])):
            consumed.add(lead)  # 导读：…: the page's pitch for the article, over its text
            _record(edits, group[lead], "header", "the page's summary of the article (导语, 导读) over its text")
    last = max((i for i in range(len(texts)) if i not in consumed), default=None)
    for i, text in enumerate(texts):
        if i in consumed:
            continue
        if i == last and article.paragraphs and article.author is None and (writer := signature_line(text)):
            article.author = writer  # (王鹏) on its own line under the text: who wrote it
            _record(edits, group[i], "metadata", "the writer's bracketed signature under the text turned into the author")
            continue
        if text in (article.title, article.subtitle) or _without_media_tag(text) == article.title:
            _record(edits, group[i], "repeated-title", "title repeated in the body")
            continue
        article.paragraphs.append(text)
    if article.paragraphs and (article.author is None or article.source is None):
        # the dateline opens the first paragraph, or the second under a kicker or subtitle the page printed as text
        author, agency = next((c for c in map(dateline_credits, article.paragraphs[:2]) if any(c)), (None, None))
        article.author = article.author or author
        article.source = article.source or agency
    if article.paragraphs and article.author is None:
        article.author = closing_signature(article.paragraphs[-1])
    article.author = _joined_names(article.author)
    hints = doc.hints
    for name in ("title", "date", "source", "author"):
        if getattr(article, name) is None and getattr(hints, name):
            setattr(article, name, getattr(hints, name))
    return article


# 旅游推广局, 市人力资源和社会保障局, 某某区人民政府: a public body issuing a release, named under its title
_ISSUER = re.compile(  # a public body, or a listed company heading its announcement (某某股份有限公司 / 关于…的公告)
    r"^[\u4e00-\u9fff]{2,20}(?:局|厅|廳|署|委员会|委員會|办公室|辦公室|人民政府|政府|管理处|管理處|董事会|董事會|公司)$"
)
# 关于做好…工作的通知: the subject and kind of an official document (公文), whose title its issuer opens
_DOCUMENT_SUBJECT = re.compile(r"^(?:关于|關於).{4,}(?:通知|通告|公告|意见|意見|决定|決定|办法|辦法|批复|批復|报告|報告|函|规定|規定|方案|通报|通報)$")


def is_issuer(text: str) -> bool:
    """A public body's or a company's name alone on its line (某某局, 某某市人民政府办公室, 某某股份有限公司)."""
    return bool(_ISSUER.match(text))


def issued_title(issuer: str, text: str) -> bool:
    """``text`` is the rest of an official document's title that ``issuer``, printed on the line above, opens
    (嵩川市人民政府办公室 / 关于做好…工作的通知: one title over two lines, as a 公文 prints it).

    >>> issued_title("某市人民政府办公室", "关于做好2024年城镇老旧小区改造工作的通知"), issued_title("某市人民政府办公室", "关于我们")
    (True, False)
    """
    return is_issuer(issuer) and bool(_DOCUMENT_SUBJECT.match(text))


_NOTE_OPENERS = ("（", "(")  # a bracketed line under a title is a note (（原标题：…）), not a subtitle
# 发布地点：某某厅, 主持人：某某: a short label and its value, no sentence
_HEADER_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,5}[：:]\s*[^。！？!?；;，,]{2,60}$")
_STACK_GAP = 2  # input lines from a title to its subtitle: one blank line or one dropped widget row between


def _find_title(texts: list[str], first_body: int, meta: dict[int, Fields], line_numbers: list[int]) -> Optional[int]:
    """The title is the title-like line nearest above the header's metadata line (``meta``: the fields
    of the group's metadata lines; one that names a date or someone), else the headline right under
    it, or the first line.

    A title-like line above it is the title, and it the subtitle, only when the two are close in
    the input (``line_numbers``): a line that boilerplate removal left alone far above (a menu
    item, a promotion) is no part of the header."""
    if any(_EXPLICIT.match(t) for t in texts[:first_body]):
        return None
    named = _named_by_page_title(texts, first_body)
    if named is not None:
        return named
    header_meta = [i for i in sorted(meta) if i < first_body and (meta[i].names_someone or meta[i].date or meta[i].updated)]
    if header_meta:
        start = _header_start(texts, header_meta, meta)
        sites = mastheads(texts[:start])
        for i in range(start - 1, -1, -1):
            if is_title_like(texts[i]) and not _ENUMERATOR.match(texts[i]) and i not in sites:
                if (_names_site(texts[i]) or segmented(texts[i])) and (below := _headline_below(texts, header_meta[0], first_body)) is not None:
                    return below  # the site's name or the page's title over the date line, the headline under it
                headline = _headline_above(texts, line_numbers, i)
                if headline is not None:
                    return headline
                # a subtitle sits between title and metadata: prefer the line above it
                stacked = i > 0 and line_numbers[i] - line_numbers[i - 1] <= _STACK_GAP
                if stacked and is_title_like(texts[i - 1]) and not segmented(texts[i - 1]):  # never metadata lines
                    return i - 1 if _looks_like_subtitle(texts[i - 1], texts[i]) else i
                return i
        return _headline_below(texts, header_meta[0], first_body)
    if texts and first_body > 0 and is_title_like(texts[0]) and not _ENUMERATOR.match(texts[0]):
        return 0
    return None


_SITE_AFTER = re.compile(r"(?:[|｜_/>＞»›·•\-－]|\s[-—])\s*$")  # what stands between a page title's head and the site


def mastheads(texts: list[str]) -> set[int]:
    """Header lines that a page's own title names as its site (频道-网站 above 网站: the masthead), and
    page titles that name only a section and the site: neither is the headline.

    >>> sorted(mastheads(["商会动态-嵩宁市工商业联合会（总商会）", "嵩宁市工商业联合会（总商会）", "2023年11月7日"]))
    [0, 1]
    >>> sorted(mastheads(["某市新开12家城市书房_某某网", "某某网"]))
    [1]
    """
    found: set[int] = set()
    for i, site in enumerate(texts):
        if len(site) < 2:
            continue
        for j, page_title in enumerate(texts):
            if j != i and len(page_title) > len(site) and page_title.endswith(site):
                head = page_title[: -len(site)]
                if (separator := _SITE_AFTER.search(head)) and head[: separator.start()].strip():
                    found.add(i)
                    if len(head[: separator.start()].strip()) <= _NAMED_TITLE:  # 商会动态-网站: a section's page
                        found.add(j)
    return found


def page_title_above(texts: "list[str] | tuple[str, ...]", index: int) -> Optional[int]:
    """The line above ``index`` that is the page's own title naming it (标题_频道_网站 over 标题),
    within a page's header; ``None`` when there is none.

    >>> page_title_above(["某市新开12家城市书房_某某头条", "头条文章", "某市新开12家城市书房"], 2)
    0
    >>> page_title_above(["某市新开12家城市书房(2)_城市频道_某某网", "某市新开12家城市书房"], 1)
    0
    >>> page_title_above(["某市新开12家城市书房 →", "某市新开12家城市书房"], 1) is None
    True
    >>> page_title_above(["让急救设备走进人群——访市急救中心主任_深度访谈_某某网", "菜单", "让急救设备走进人群"], 2)
    0
    >>> page_title_above(["某部全球资讯网-新闻稿-某部扩大危老重建补助：屋龄30年以上者最高可获450万元", "新闻稿",
    ...                   "某部扩大危老重建补助：屋龄30年以上者最高可获450万元"], 2)
    0
    >>> page_title_above(["某部联合印发《关于推进社区养老服务的指导意见》_部内要闻_中华人民共和国某某部", "中华人民共和国某某部"], 1) is None
    True
    """
    text = undated_title(texts[index].strip())[0]
    if not _NAMED_TITLE <= len(text) <= _TITLE_MAX:  # longer is prose, never title-like: no page title to look for
        return None
    for j in range(max(0, index - _PAGE_TITLE_WINDOW), index):
        page_title = texts[j].strip()
        if len(page_title) <= len(text):
            continue
        if page_title.endswith(text):  # 网站-栏目-标题: some sites print the site and section first
            head = page_title[: -len(text)]  # two short parts before it (栏目-网站 alone names the site last)
            site = _SITE_AFTER.search(head)
            if site and _LINK_SEPARATORS.search(head[: site.start()]) and HEADLINE <= len(text) > len(head) and is_title_like(text):
                return j
            continue
        if not page_title.startswith(text):
            continue
        after = _PAGE_NUMBER.match(page_title, len(text)) or _SUBTITLE_AFTER.match(page_title, len(text))
        separator = _LINK_SEPARATORS.match(page_title, after.end() if after else len(text))
        if separator and len(page_title[separator.end() :].strip()) >= 2 and is_title_like(text):  # a site's name after it, not an arrow
            return j
    return None


# 标题　(2012-07-25 21:48:16)　转载▼: a blog prints its post's time after the headline
_DATED_TITLE = re.compile(
    r"^(?P<title>\S.{3,}?)\s*[（(](?P<date>(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)[)）]"
    r"\s*(?:转载|轉載)?[▼▾]?\s*$"
)
_DATED_TITLE_ENDS = ")）载載▼▾"


def undated_title(text: str) -> tuple[str, Optional[str]]:
    """``text`` without the date a blog prints after its headline, and that date (ISO) if any.

    >>> undated_title("汽车玻璃贴膜更难砸　(2012-07-25 21:48:16)　转载▼")
    ('汽车玻璃贴膜更难砸', '2012-07-25T21:48:16')
    >>> undated_title("某某会议（2012-07-25）召开")
    ('某某会议（2012-07-25）召开', None)
    """
    match = _DATED_TITLE.match(text) if text.rstrip()[-1:] in _DATED_TITLE_ENDS else None  # most lines end otherwise
    return (match["title"], parse_date(match["date"])) if match else (text, None)


def _named_by_page_title(texts: list[str], first_body: int) -> Optional[int]:
    """The header line that the page's own title names: whatever stands between them (a masthead,
    an account's name and badge), that line is the headline."""
    return next((i for i in range(1, first_body) if page_title_above(texts, i) is not None), None)


_PAGE_NUMBER = re.compile(r"\s*(?:\(\d{1,2}\)|（\d{1,2}）|\[\d{1,2}\])")  # 标题(2)_频道_网站: the second page of the article
_SUBTITLE_AFTER = re.compile(r"\s*——[^|｜_]{2,40}?(?=\s*[|｜_])")  # 标题——访某某_频道_网站: the subtitle printed with it
_NAMED_TITLE = 6  # characters: a shorter line repeated before a separator is a section's name, not a headline
_PAGE_TITLE_WINDOW = 12  # lines from a page's title down to the headline it names
_PAGE_HEAD = 3  # lines from a page's date to the headline under its masthead and menus
_NAME_LINE = 8  # characters: a byline's name, an outlet, 原创: shorter than a headline
_SHORT_HEADLINE = 4  # characters: a headline this short (夜读灯下) is told by where it stands
HEADLINE = 10  # characters: at least this long, a title-like line over them is the headline (a kicker or menu item is shorter)


def _headline_above(texts: list[str], line_numbers: list[int], index: int) -> Optional[int]:
    """The headline over a stack of short lines ending at ``index`` (原创 / 南方都市报 above the date),
    each close to the next in the input; None if the stack tops out without one."""
    i = index
    while len(texts[i]) <= _NAME_LINE and i > 0 and line_numbers[i] - line_numbers[i - 1] <= _STACK_GAP:
        i -= 1
        if len(texts[i]) >= HEADLINE and is_title_like(texts[i]) and not segmented(texts[i]):
            return i
    return None


def _header_start(texts: list[str], header_meta: list[int], meta: dict[int, Fields]) -> int:
    """The first metadata line of the article's own header. A page may print its date alone above
    its masthead and menus (2024年4月14日 星期日): a lone date line right over a headline that has
    metadata of its own under it is the page's, and the header starts under that headline."""
    first = header_meta[0]
    page_date = meta[first]
    if not page_date.date_only or "T" in page_date.date:  # a masthead prints the day, an article its time
        return first
    for meta in header_meta[1:]:  # a menu or login bar may stand between the page's date and the headline
        headline = meta - 1
        if headline > first + _PAGE_HEAD:
            break
        if (
            headline > first and headline not in header_meta and len(texts[headline]) >= HEADLINE
            and is_title_like(texts[headline]) and not _ENUMERATOR.match(texts[headline]) and not segmented(texts[headline])
        ):
            return meta
    return first


def _headline_below(texts: list[str], meta: int, first_body: int) -> Optional[int]:
    """With nothing title-like above the header's first metadata line (an e-paper page prints its
    date first), the headline that follows the metadata, before the first paragraph."""
    for i in range(meta + 1, first_body):
        if not is_metadata_line(texts[i]):
            # a short line counts only right over the text: a kicker or a menu item stands higher
            long_enough = len(texts[i]) >= HEADLINE or (i + 1 == first_body and len(texts[i]) >= _SHORT_HEADLINE)
            headline = is_title_like(texts[i]) and long_enough and not _ENUMERATOR.match(texts[i]) and not parse_date(texts[i])
            return i if headline and not segmented(texts[i]) and not texts[i].startswith(_NOTE_OPENERS) else None
    return None


# 标题_频道_网站, 标题----网站, 标题-频道-网站: a page's <title>
_LINK_SEPARATORS = re.compile(r"\s*[|｜/>＞»›→·•_－]\s*|\s[-—]\s|-{2,}|(?<=[\u4e00-\u9fff”》？！）])-(?=[\u4e00-\u9fff0-9A-Z])|(?<=[0-9A-Z])-(?=[\u4e00-\u9fff])")


def _names_site(text: str) -> bool:
    """A line that only names the site, alone or in every piece of a page title (某某网_某某广播电视台官方网站).

    >>> _names_site("沣川大学新闻网"), _names_site("汾汀网_汾汀广播电视台官方网站"), _names_site("供暖倒计时_汾汀网")
    (True, True, False)
    """
    return all(is_outlet_name(piece) for piece in _LINK_SEPARATORS.split(text) if piece.strip())


def segmented(text: str) -> bool:
    """Three or more pieces between link separators (栏目 / 频道 / 正文): page chrome that a
    breadcrumb rule did not know, never the title above a subtitle.

    >>> segmented("本站 | 地方 | 阅读全文"), segmented("两会观察 | 代表委员热议新质生产力")
    (True, False)
    >>> segmented("某某日报数字报-2023年11月07日-A05版：城市·民生"), segmented("新冠疫苗获批 2023-11-07")
    (True, False)
    """
    return len([p for p in _LINK_SEPARATORS.split(text) if p.strip()]) >= 3


_MASTHEAD = re.compile(r"[\[【［][^\]】］]{1,6}[\]】］]|\s{2,}|\u3000")


def _looks_like_subtitle(title: str, candidate: str) -> bool:
    """A subtitle follows its title and is at least as long (a main title is short and punchy).
    A short line with a button label or wide gaps (青鸟新闻　[打开]), or an outlet's name (某某日报 |
    某某新闻网), is the page's masthead above the title instead."""
    title = _without_media_tag(title)  # 【栏目】标题: the column's tag is no masthead's button
    if _MASTHEAD.search(title) or any(len(p) <= 16 and OUTLET_END.search(p.strip()) for p in _LINK_SEPARATORS.split(title)):
        return False
    return (len(candidate) >= len(title) or candidate.startswith(("——", "—", "--"))) and len(title) <= 30  # ——记某某活动


def _next_unconsumed(texts: list[str], start: int, stop: int, consumed: set[int]) -> Optional[int]:
    for i in range(start, min(stop, len(texts))):
        if i not in consumed:
            return i
    return None


def _merge_fields(article: Article, fields: Fields, guessed: set[str]) -> None:
    """Fill the article's empty fields from ``fields``. A source read off an unlabelled outlet name
    (``guessed``) gives way to one that a later line labels (来源：某某县融媒体中心)."""
    for name in ("date", "source", "author", "editor"):
        value = getattr(fields, name)
        if name == "date" and value and article.date and "T" not in article.date and value.startswith(article.date + "T"):
            article.date = value  # the day's time, printed on another line of the header (an edition's date, then 首发 07:30)
        elif value and (getattr(article, name) is None or (name in guessed and name in fields.found)):
            setattr(article, name, value)
            guessed.discard(name)
            if name not in fields.found:
                guessed.add(name)


@lru_cache(maxsize=1)
def _media_tag() -> "re.Pattern[str]":
    tags = "|".join(map(re.escape, variants(MEDIA_TAGS + CATEGORY_TAGS)))
    return re.compile(rf"^\s*[\[【［〔](?:{tags})[\]】］〕]\s*(?=\S)")


def _without_media_tag(title: str) -> str:
    """``title`` without a leading tag of what the page carries, of the forum's category, or of the column
    it stands in (【价格监测】, 【社区】): the headline is what follows.

    >>> _without_media_tag("[视频]立夏时节农事忙"), _without_media_tag("【独家】某某专访会"), _without_media_tag("[转帖] 某地降雨")
    ('立夏时节农事忙', '某某专访会', '某地降雨')
    >>> _without_media_tag("【便民】停水通知"), _without_media_tag("【提醒】"), _without_media_tag("【某某周刊】某地新闻")
    ('停水通知', '【提醒】', '【某某周刊】某地新闻')

    A digest's item number before a bar goes too (``2｜住房公积金贷款额度提高``), not a year (``2024 | 回顾``),
    and so does a list's or a text browser's link number in brackets, or a table's bar left before it:

    >>> _without_media_tag("[3] 住房公积金贷款额度提高"), _without_media_tag("[12]某地降雨"), _without_media_tag("| 某地降雨")
    ('住房公积金贷款额度提高', '某地降雨', '某地降雨')
    >>> _without_media_tag("[要闻] 某地降雨"), _without_media_tag("2024 | 回顾")
    ('某地降雨', '2024 | 回顾')
    """
    title = _ITEM_NUMBER.sub("", _media_tag().sub("", title))
    column = _COLUMN_TAG.match(title)
    if not column or len(title) - column.end() < 4 or OUTLET_END.search(column["name"]):  # 【某某周刊】: whose story it is
        return title
    return title[column.end() :]


_COLUMN_TAG = re.compile(r"^\s*[【\[［](?P<name>[\u4e00-\u9fff]{2,6})[】\]］]\s*")
_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[｜|]|\[\d{1,3}\]|[｜|])\s*(?=\S)")


_NAME_SEPARATORS = re.compile(r"[\s、，,；;]+")
_DEPARTMENT = re.compile(r"(?:科|部|室|处|處|所|站|中心|组|組|系)$")  # 儿科, 宣传部, 办公室: a unit, not a name
_PERSONAL_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")


def _joined_names(author: Optional[str]) -> Optional[str]:
    """Several reporters' names one space apart, however the page separated them (冯雪、陶然 → 冯雪 陶然);
    a value that is not a list of names stays as printed.

    >>> _joined_names("冯雪、陶然"), _joined_names("王子涵，赵立群"), _joined_names("本报评论员")
    ('冯雪 陶然', '王子涵 赵立群', '本报评论员')

    A hospital or school credits its writer after the department (作者：儿科　周敏):

    >>> _joined_names("儿科 周敏"), _joined_names("李超碧；晏明")
    ('周敏', '李超碧 晏明')
    """
    if not author:
        return author
    names = [name for name in _NAME_SEPARATORS.split(author) if name]
    if len(names) > 1 and _DEPARTMENT.search(names[0]) and all(is_personal_name(name) for name in names[1:]):
        names = names[1:]
    return " ".join(names) if all(map(_PERSONAL_NAME.fullmatch, names)) else author


def _record(edits: list[Edit], unit: Unit, rule: str, reason: str) -> None:
    edits.append(Edit(PASS, rule, unit.line, unit.start, unit.start + len(unit.text), unit.text, "", reason))


def _merge_empty(articles: list[Article]) -> list[Article]:
    """An 'article' without paragraphs is a trailer of the one before, one without a title or any
    metadata goes on from it, and one under the same title, date and source is its next page (a long
    article saved page after page): merge it into it. So is one without a line of prose (a related
    item's headline, date and label left under the text, no one credited), but its fields are not the article's."""
    merged: list[Article] = []
    for article in articles:
        if merged and article.paragraphs and _bodiless(article) and not (_next_page(merged[-1], article) or _headless(article)):
            previous = merged[-1]
            previous.paragraphs.extend(t for t in (article.title, article.subtitle, *article.paragraphs) if t is not None)
            continue
        if merged and (not article.paragraphs or _next_page(merged[-1], article) or _headless(article)):
            previous = merged[-1]
            if previous.title is not None:
                # an empty article's 'title' was a line of the text over a trailer (a last paragraph ending
                # with ！ over a credit line), a next page's 'subtitle' its first heading: they stay where
                # they were printed, unless they repeat the title
                kept = (previous.title, previous.subtitle, *previous.paragraphs)
                lead = (article.title, article.subtitle) if not article.paragraphs else (article.subtitle,)
                previous.paragraphs.extend(t for t in lead if t is not None and t not in kept)
                article = replace(article, title=None, subtitle=None)
            for name in ("title", "subtitle", "date", "source", "author", "editor"):
                if getattr(previous, name) is None and getattr(article, name) is not None:
                    setattr(previous, name, getattr(article, name))
            previous.paragraphs.extend(article.paragraphs)
            continue
        merged.append(article)
    return merged


_CLAUSE_MARK = re.compile(r"[，。！？；]")  # a Chinese clause: a header above the first article has none
_PROSE_CLAUSE = re.compile(r"[，。！？；,;!?]|\.(?:\s|$)")  # prose has clauses: a long line of words without them is a list


def _bodiless(article: Article) -> bool:
    """No paragraph is prose (long, with clauses) or a sentence, no one is credited: what a page prints
    around articles, not one."""
    return not (article.source or article.author or article.editor) and not any(
        (is_body_like(p) and _PROSE_CLAUSE.search(p)) or (len(p) >= _SHORTEST_SENTENCE and _ENDS_SENTENCE.search(p))
        for p in article.paragraphs
    )


_STANDFIRST = re.compile(r"^[【\[]?(?:导语|導語|导读|導讀)[】\]]?\s*[:：]\s*\S")
_ENDS_SENTENCE = re.compile(r"[。！？!?][”」』）)]?$")
_SHORTEST_SENTENCE = 8  # characters: 大会期间还将举办茶艺交流展演。 is a short item's text, 谢谢！ a reader's reply


def _headless(article: Article) -> bool:
    """Text with no title and no metadata of its own (a caption cut off by a pager line): the article before goes on."""
    return all(getattr(article, name) is None for name in ARTICLE_FIELDS)


def _next_page(previous: Article, article: Article) -> bool:
    """``article`` continues ``previous``: the same headline over the same date, and no other source (a later
    page may print less metadata; a repeat of the same story on the same day has lost its repeated
    paragraphs in the boilerplate pass)."""
    same_day = article.date is not None and article.date == previous.date
    # a page may print the date once, at the end of the last page: then the same credits tell it
    credited = None in (article.date, previous.date) and any(
        getattr(article, name) is not None and getattr(article, name) == getattr(previous, name) for name in ("source", "author")
    )
    # a later page's headline may have gone as a repeat of the first page's
    same_title = article.title == previous.title or (article.title is None and credited)
    return (
        previous.title is not None and same_title and (same_day or credited)
        and (article.source == previous.source or None in (article.source, previous.source))
    )


def guess_title(lines) -> Optional[str]:
    """The title segmentation would pick for the first article of ``lines`` (used by the spam pass).

    >>> guess_title(["网站名", "", "某地开展冬季送温暖活动", "2024-01-02 来源：某报", "正文第一段，内容很长很长很长很长很长很长很长很长很长很长很长。"])
    '某地开展冬季送温暖活动'
    """
    numbered = [(number, line.strip()) for number, line in enumerate(lines) if line.strip()]
    texts = [text for _, text in numbered]
    for text in texts[:3]:
        explicit = _EXPLICIT.match(text)
        if explicit and not explicit["label"].startswith("副"):
            return explicit["value"].strip()
    first_body = next((i for i, t in enumerate(texts) if is_body_like(t) and not is_metadata_line(t)), len(texts))
    meta = {i: fields for i, t in enumerate(texts[: first_body + 1]) if (fields := metadata_fields(t) or (i < first_body and labelled_row(t)))}
    index = _find_title(texts, first_body, meta, [number for number, _ in numbered])
    return texts[index] if index is not None else None
