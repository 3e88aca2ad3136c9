"""Pass 3a: page furniture left in a text dump — breadcrumbs, widgets, related-article
blocks, footers, repeated titles and table/image debris.

Rules look at the shape of a line (separators between short segments, a line
made only of widget labels, a block header followed by a list) and at general
template vocabulary (:mod:`cleannews.vocabulary`), never at one site's words.
A removed line stays in the document as an empty line so line numbers keep
matching the input; metadata lines are left for the segmentation pass.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Optional

from .document import Document, Hints, Options
from .edits import Edit, line_edit
from .metadata import is_metadata_line, metadata_fields
from .segment import SEPARATOR, is_body_like, is_title_like
from .vocabulary import (
    BREADCRUMB_PREFIXES,
    FOOTER_WORDS,
    GENERIC_ROOTS,
    RELATED_HEADERS,
    UI_WORDS,
    variants,
)

PASS = "boilerplate"

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_HTML_TAG = re.compile(r"</?(?:p|br|div|span|strong|b|i|em|font|img|a|center|section|article)\b[^<>\n]{0,200}>", re.I)
_EDGE_PIPES = re.compile(r"^[ \t]*(?:[|｜][ \t]*)+|(?:[ \t]*[|｜])+[ \t]*$")
_DEBRIS_ONLY = re.compile(r"^[\s|｜\-=_*·•>»›<«‹/\\#~+]*$")
_CRUMB_SEPARATOR = re.compile(r"\s*(?:>>|»|›|＞＞|>|＞|→|/)\s*")
_PREFIXED_SEPARATOR = re.compile(r"\s*(?:>>|»|›|＞＞|>|＞|→|/|\s-\s|-)\s*")
_FILLER = re.compile(r"[\s|｜\[\]【】()（）<>《》:：\-—_/\\·•»›>＞,，.。!！]+")
_NAV_PREFIXES = ("上一篇", "下一篇", "上一条", "下一条", "前一篇", "后一篇", "上篇", "下篇")


def _strip_words(text: str, words: tuple[str, ...]) -> str:
    for word in words:
        if word in text:
            text = text.replace(word, "")
    return text


def clean_inline(line: str) -> tuple[str, list[tuple[str, int, int, str]]]:
    """Remove image/HTML debris and table pipes at the edges of a line.

    Returns the new line and the removed spans as ``(rule, start, end, text)``.

    >>> clean_inline("一段文字。 ![]() 二、下一段")[0]
    '一段文字。  二、下一段'
    >>> clean_inline("标题文字 | ||||||||")[0]
    '标题文字'
    >>> clean_inline("2021年08月25日16:51 | 来源:某某网")[0]
    '2021年08月25日16:51 | 来源:某某网'
    """
    spans: list[tuple[str, int, int, str]] = []
    for rule, pattern in (("image-debris", _IMAGE), ("html-debris", _HTML_TAG), ("table-debris", _EDGE_PIPES)):
        for match in pattern.finditer(line):
            if match.end() > match.start():
                spans.append((rule, match.start(), match.end(), match.group(0)))
    if not spans:
        return line, []
    spans = _non_overlapping(spans)
    out = line
    for _, start, end, _ in sorted(spans, key=lambda s: s[1], reverse=True):
        out = out[:start] + out[end:]
    if not out.strip():  # the line was nothing but debris: drop it whole
        return "", [("table-debris", 0, len(line), line)]
    return out, spans


def _non_overlapping(spans):
    spans = sorted(spans, key=lambda s: (s[1], -s[2]))
    kept = []
    for span in spans:
        if not kept or span[1] >= kept[-1][2]:
            kept.append(span)
    return kept


def breadcrumb_root(line: str) -> Optional[str]:
    """If ``line`` is a breadcrumb, its first segment ('' when generic); else ``None``.

    >>> breadcrumb_root("您当前的位置 : 新闻网 >> 新闻 >> 综合")
    '新闻网'
    >>> breadcrumb_root("当前位置:首页 | >>省级动态")
    ''
    >>> breadcrumb_root("人民网>>山东频道>>专题>>山东工会") is not None
    True
    >>> breadcrumb_root("他说：“A>B，这很明显。”") is None
    True
    """
    text = line.strip()
    prefixed = False
    for prefix in variants(BREADCRUMB_PREFIXES):
        if text.startswith(prefix):
            text = text[len(prefix) :].lstrip(" :：>|｜")
            prefixed = True
            break
    separator = _CRUMB_SEPARATOR if not prefixed else _PREFIXED_SEPARATOR
    segments = [s.strip(" |｜") for s in separator.split(text)]
    segments = [s for s in segments if s]
    if not prefixed:
        # two segments are enough when the first is a generic root (网站首页 / 新闻中心)
        needed = 2 if segments and segments[0] in GENERIC_ROOTS else 3
        if len(segments) < needed or any(len(s) > 16 for s in segments) or len(text) > 80:
            return None
        if re.search(r"[。！？，,]", text):
            return None
    if len(text) > 100:
        return None
    root = segments[0] if segments else ""
    return "" if root in GENERIC_ROOTS or len(root) > 16 else root


def is_widget_line(line: str) -> bool:
    """A short line made only of widget labels (share, print, font size, back to top …).

    >>> is_widget_line("小字号")
    True
    >>> is_widget_line("【打印】 【关闭】")
    True
    >>> is_widget_line("百吨蔬菜 千里传情")
    False
    """
    text = line.strip()
    if not text or len(text) > 40:
        return False
    rest = _FILLER.sub("", _strip_words(text, variants(UI_WORDS)))
    return len(rest) <= 1 and len(rest) < len(_FILLER.sub("", text))


def related_header(line: str) -> bool:
    """A header of a related-articles block: ``相关新闻``, ``推荐阅读 |``, ``猜你喜欢 更多>>``.

    >>> related_header("    相关内容")
    True
    >>> related_header("相关新闻发布会在京召开")
    False
    """
    text = _FILLER.sub("", line)
    if not text or len(text) > 14:
        return False
    for header in variants(RELATED_HEADERS):
        if text.startswith(header):
            rest = _strip_words(text[len(header) :], variants(UI_WORDS))
            return len(rest) == 0
    return False


def is_footer_line(line: str) -> bool:
    """A copyright, ICP, contact or disclaimer line.

    >>> is_footer_line("Copyright © 2024 某某网 版权所有 京ICP备12345678号")
    True
    """
    text = line.strip()
    if not text or len(text) > 160:
        return False
    return any(word in text for word in variants(FOOTER_WORDS))


def is_nav_line(line: str) -> bool:
    """``上一篇：…`` / ``下一篇：…`` links to neighbouring articles."""
    text = line.strip().lstrip("【[")
    return len(text) <= 80 and text.startswith(variants(_NAV_PREFIXES))


def _related_block_end(lines: list[str], start: int) -> int:
    """Where a related-articles block that starts at ``start`` ends (exclusive).

    It runs to the end of the dump, to a separator line, or to the title of the
    next article (a title-like line whose next non-empty lines hold a date or source).
    """
    for j in range(start + 1, len(lines)):
        text = lines[j].strip()
        if SEPARATOR.match(text):
            return j
        fields = metadata_fields(text) if text else None
        if fields and (fields.date or fields.source):
            k = j - 1
            while k > start and not lines[k].strip():
                k -= 1
            if k > start and is_title_like(lines[k]):
                return k
    return len(lines)


LineRule = Callable[[str], bool]
_LINE_RULES: tuple[tuple[str, LineRule, str], ...] = (
    ("widget", is_widget_line, "share/print/font-size/navigation widget"),
    ("footer", is_footer_line, "copyright, ICP or contact footer"),
    ("nav-link", is_nav_line, "link to the previous/next article"),
)


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Drop furniture lines and inline debris; repeated short lines after the first go too."""
    lines = list(doc.lines)
    edits: list[Edit] = []
    hints = doc.hints
    extra = variants(tuple(options.extra_boilerplate))
    protected = variants(tuple(options.protect))

    def drop(index: int, rule: str, reason: str) -> None:
        edits.append(line_edit(PASS, rule, index, lines[index], "", reason))
        lines[index] = ""

    for index, line in enumerate(lines):
        if not line.strip() or any(p in line for p in protected):
            continue
        new, spans = clean_inline(line)
        for rule, start, end, text in spans:
            edits.append(Edit(PASS, rule, index, start, end, text, "", "table, image or HTML debris"))
        lines[index] = new

    header_lines: set[str] = set()  # title-like lines above the first paragraph of the current article
    in_header = True
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.strip()
        if SEPARATOR.match(text):
            header_lines, in_header = set(), True
        if not text or any(p in line for p in protected) or SEPARATOR.match(text):
            index += 1
            continue
        if is_metadata_line(text):
            index += 1
            continue
        if related_header(text):
            end = _related_block_end(lines, index)
            for j in range(index, end):
                if lines[j].strip():
                    drop(j, "related-block", "related-articles block")
            index = end
            continue
        root = breadcrumb_root(text)
        if root is not None:
            if root and hints.source is None:
                hints = replace(hints, source=root)
            drop(index, "breadcrumb", "breadcrumb navigation")
            index += 1
            continue
        if _DEBRIS_ONLY.match(text):
            drop(index, "table-debris", "separator debris")
            index += 1
            continue
        if any(word in text for word in extra) and not is_body_like(text):
            drop(index, "configured", "matches a configured boilerplate phrase")
            index += 1
            continue
        for rule, test, reason in _LINE_RULES:
            if test(text):
                drop(index, rule, reason)
                break
        else:
            if text in header_lines and not in_header:
                drop(index, "repeated-title", "repeats the title or subtitle of the article")
            elif in_header and is_title_like(text):
                header_lines.add(text)
            in_header = in_header and not is_body_like(text)
        index += 1
    if hints != doc.hints:
        doc = replace(doc, hints=hints)
    return doc.with_lines(lines), edits
