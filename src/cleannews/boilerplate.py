"""Pass 3a: page furniture left in a text dump — breadcrumbs, widgets, related-article
blocks, legal notices, footers, repeated titles and paragraphs, table/image debris.

Rules look at the shape of a line (separators between short segments, a line
made only of widget labels, a block header followed by a list) and at general
template vocabulary (:mod:`cleannews.vocabulary`), never at one site's words.
Dumps that flatten a page one text node a line (no DOM left) are judged by
position too: a run of short lines without sentences is a menu or link list
unless it continues a sentence or sits inside the body as a table, and short
lines after the last paragraph and its credits are the page's tail. Across a
batch, lines that many files share are the site's chrome (:func:`common_lines`).
A removed line stays in the document as an empty line so line numbers keep
matching the input; metadata lines are left for the segmentation pass.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Callable, Iterable, Optional

from .caching import line_cache
from .document import Document, Hints, Options
from .edits import Edit, line_edit
from .metadata import (
    CLOCK, COUNT, OUTLET_END, POSTED_VIA, bare_label, is_outlet_name, is_personal_name, metadata_fields, parse_date, signature_line,
    with_dangling_value, with_time_below,
)
from .tables import table_rows
from .segment import (
    HEADLINE, SEPARATOR, is_body_like, is_issuer, is_labelled_title, is_page_number, is_title_like, issued_title, mastheads,
    issuer_signs, page_title_above, segmented, signs_notice, starts_numbered_heading,
)
from .vocabulary import (
    BIO_HEADERS,
    BREADCRUMB_PREFIXES,
    COMMENT_HEADERS,
    FOOTER_MARKS,
    FOOTER_WORDS,
    GENERIC_LEAVES,
    GENERIC_ROOTS,
    NOTICE_HEADERS,
    RELATED_HEADERS,
    TAG_LABELS,
    UI_WORDS,
    variants,
)

PASS = "boilerplate"



def _is_metadata(text: str) -> bool:
    return metadata_fields(text) is not None


_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_HTML_TAG = re.compile(
    r"<!--.{0,200}?-->|</?(?:p|br|div|span|strong|b|i|u|s|em|font|img|a|center|section|article|table|tbody|thead|tr|td|th"
    r"|ul|ol|li|dl|dt|dd|h[1-6]|hr|blockquote|figure|figcaption|iframe|video|audio|source|input|button|label|form|sup|sub"
    r"|small|big|strike|nav|header|footer|aside|main|style|script|noscript|meta|link)\b[^<>\n]{0,200}>",
    re.I,
)
# Forum (BBCode) markup: a tag, or an image/attachment tag with its URL or number.
_BBCODE = re.compile(
    r"\[(img|attach|media|flash)(?:=[^\]\n]{0,100})?\][^\[\n]{0,300}\[/\1\]"
    r"|\[/?(?:url|b|i|u|s|quote|size|color|font|align|code|list|table|tr|td|hr|p|backcolor|indent|hide)(?:=[^\]\n]{0,200})?\]",
    re.I,
)
# javascript: pseudo-links of buttons (javascript:void(0);, javascript:;)
_SCRIPT_LINK = re.compile(r"javascript:\s*(?:void\s*\(\s*0?\s*\)|[\w.$]*\([^()\n]{0,40}\))?;?", re.I)
_INLINE_HINT = re.compile(r"[!<\[|｜]|javascript:|】\s*$|^\s*[>#]|\*\*", re.I)
# Markdown, as a web clipper or a converter writes the page: the marks go, the text stays
_MD_LINK_TARGET = r"\((?:https?://|www\.|/|#|\./)[^)\s]*\)"
_MD_LINK = re.compile(rf"(?<!!)\[(?=[^\[\]\n]{{1,200}}\]{_MD_LINK_TARGET})|(?<=[^\[\n])\]{_MD_LINK_TARGET}")  # [text](url): the text
_MD_BLOCK = re.compile(r"^\s*(?:>\s?|#{1,6}\s+)(?=\S)")  # > a quote, ## a heading: the marker before the text
# **bold**: the asterisks (never a masked number's 151****2897)
_MD_STRONG = re.compile(r"(?<![0-9A-Za-z*])\*\*(?=[^*\s][^*\n]{0,200}?\*\*(?![0-9A-Za-z*]))|(?<=[^*\s0-9A-Za-z])\*\*(?![0-9A-Za-z*])")
_EDGE_PIPES = re.compile(r"^[ \t]*(?:[|｜][ \t]*)+|(?:[ \t]*[|｜])+[ \t]*$")
# A bracketed tag of one or two characters alone on a line: an image or video placeholder.
_PLACEHOLDER = re.compile(r"^[\[【［〔][^\]】］〕\d一二三四五六七八九十]{1,2}[\]】］〕]$")
# A row of bracketed labels and nothing else: buttons of a widget bar.
_BUTTON_ROW = re.compile(r"^(?:\s*[\[【［〔〖][^\]】］〕〗\s]{1,12}[\]】］〕〗]){2,}\s*$")  # [网上立案]　[12368诉讼服务热线]
_ARROWS = r"-{1,2}>|—>|>>|»|›|＞＞|>|＞|→|►|▶|▸|〉"
_CRUMB_SEPARATOR = re.compile(rf"\s*(?:{_ARROWS}|/)\s*")
_PREFIXED_SEPARATOR = re.compile(rf"\s*(?:{_ARROWS}|/|\s-\s|-)\s*")
_FILLER = re.compile(r"[\s|｜\[\]【】〖〗()（）<>《》:：\-—_/\\·•»›>＞,，.。!！]+")
# Arrows, stars and emoji a widget wears (👍 12, 🔊 语音播报, 返回顶部↑).
_ICONS = re.compile("[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]+")
# A pager: 第1页 共3页, 1/5.
_PAGER = re.compile(r"^(?:第\s*\d+\s*页\s*[/／,，]?\s*)?共\s*\d+\s*页$|^第\s*\d+\s*页$|^\d{1,2}\s*/\s*\d{1,2}$")
# 本文共3页　第1页：厂房里的咖啡馆　第2页：从“拆”到“留”: a long article's table of pages, each page's heading named
_PAGE_TOC = re.compile(r"^(?:本文|全文)?共\s*\d+\s*[页頁](?:\s*第\s*\d+\s*[页頁]\s*[:：]\s*[^\s:：]{1,30})+\s*$")
_PAGE_TOC_ENTRY = re.compile(r"第\s*\d+\s*[页頁]\s*[:：]\s*([^\s:：]{1,30})")
_NAV_PREFIXES = ("上一篇", "下一篇", "上一条", "下一条", "前一篇", "后一篇", "上篇", "下篇")


@lru_cache(maxsize=None)
def _prefix_pattern(words: tuple[str, ...]) -> re.Pattern:
    """One regex for 'starts with any of ``words``' (and their traditional forms), longest first; a space
    inside a word matches any spacing or none, as lines print it or leave it out (Related Stories, Você está em)."""
    return re.compile("|".join(r"\s*".join(map(re.escape, word.split(" "))) for word in variants(words)), re.IGNORECASE)


@lru_cache(maxsize=None)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Any of ``words``, longest first (so 打印本页 goes whole, not as 打印 and 本页), and a Latin
    word in lower case too (facebook). One alternation of plain strings: sre scans it fast, so the
    edges of Latin words are checked on each match instead (:func:`_find_words`)."""
    spelled = set(words) | {word.lower() for word in words if word.isascii()}
    return re.compile("|".join(map(re.escape, sorted(spelled, key=len, reverse=True))))


def _find_words(text: str, words: tuple[str, ...]) -> list["re.Match[str]"]:
    """The matches of :func:`_words_pattern` that stand as words: a Latin word is never part of a
    longer one (Line in Online), and a lone letter (the A of A A A) never stands before a word (A股)."""
    return [m for m in _words_pattern(words).finditer(text) if _whole(text, m.start(), m.end())]


def _whole(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    before, after = text[start - 1 : start], text[end : end + 1]
    if len(word) == 1 and word.isascii() and word.isalpha():
        return not (before.isalnum() or after.isalnum())
    latin = str.isascii
    return not (
        (word[0].isalnum() and latin(word[0]) and before.isalnum() and latin(before))
        or (word[-1].isalnum() and latin(word[-1]) and after.isalnum() and latin(after))
    )


def _strip_words(text: str, words: tuple[str, ...]) -> str:
    for match in reversed(_find_words(text, words)):
        text = text[: match.start()] + text[match.end() :]
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
    >>> clean_inline("[b]现场图片[/b][img]http://x.cn/1.jpg[/img]<td>")[0]
    '现场图片'
    >>> clean_inline("分享 javascript:void(0);")[0]
    '分享 '
    >>> clean_inline("某某网友热议的标题 [复制链接]")[0], clean_inline("某某新闻 [打开]")[0], clean_inline("背景[编辑]")[0]
    ('某某网友热议的标题', '某某新闻 [打开]', '背景')

    Markdown's marks go and its text stays: a link's target, a quote's or heading's marker, bold.

    >>> clean_inline("据[深圳市民政局](https://mz.example.gov.cn)消息，**新规**将于下月实施。")[0]
    '据深圳市民政局消息，新规将于下月实施。'
    >>> clean_inline("> 一位家长在问卷中写道。")[0], clean_inline("## 相关阅读")[0], clean_inline("首页 > 新闻")[0]
    ('一位家长在问卷中写道。', '相关阅读', '首页 > 新闻')
    """
    if not _INLINE_HINT.search(line):  # every pattern below needs one of these characters
        return line, []
    spans: list[tuple[str, int, int, str]] = []
    for rule, pattern in (
        ("image-debris", _IMAGE), ("html-debris", _HTML_TAG), ("html-debris", _SCRIPT_LINK), ("forum-markup", _BBCODE),
        ("table-debris", _EDGE_PIPES), ("inline-button", _trailing_button()),
        ("markdown", _MD_LINK), ("markdown", _MD_BLOCK), ("markdown", _MD_STRONG),
    ):
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


@lru_cache(maxsize=1)
def _trailing_button() -> re.Pattern:
    """A widget's button printed after a headline: 标题 [复制链接]. After a shorter text (a site's
    name: 某某新闻 [打开]) the line is a widget row, which the line rules take whole."""
    words = "|".join(re.escape(word) for word in sorted(variants(UI_WORDS), key=len, reverse=True) if len(word) > 1)
    return re.compile(rf"(?<=\S{{{_MIN_HEADLINE}}})\s*[\[【](?:{words})[\]】]\s*$|(?<=\S)\[(?:编辑|編輯|edit)\]\s*$")  # a wiki heading's [编辑]


def _non_overlapping(spans):
    spans = sorted(spans, key=lambda s: (s[1], -s[2]))
    kept = []
    for span in spans:
        if not kept or span[1] >= kept[-1][2]:
            kept.append(span)
    return kept


def _crumb_text(line: str) -> str:
    """``line`` with the separators some sites draw crumbs with (》, ／, ─) as the usual ones;
    》 only where no 《 opens a book title."""
    text = line.strip().replace("／", "/").replace(" ─ ", " - ")
    return text if "《" in text else text.replace("》", ">")


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
    >>> breadcrumb_root("本页处于: 某某日报 > 门户 > 要闻")
    '某某日报'
    >>> breadcrumb_root("某某网->地方频道->正文"), breadcrumb_root("首頁 - 國際新聞")
    ('某某网', '')
    >>> breadcrumb_root("首页 > 本地 > 全市中小学今起放寒假 寒假时间为四周")
    ''
    >>> breadcrumb_root("新闻中心》国内新闻》正文"), breadcrumb_root("首页／新闻／本地")
    ('', '')
    """
    text = _crumb_text(line)
    prefixed = False
    match = _prefix_pattern(BREADCRUMB_PREFIXES).match(text) or _crumb_label(text)
    if match:
        text = text[match.end() :].lstrip(" :：>|｜")
        prefixed = True
    elif _generic_root_start().match(text):  # 首頁 - …, Home | …: crumbs with any separator
        prefixed = True
    separator = _CRUMB_SEPARATOR if not prefixed else _PREFIXED_SEPARATOR
    segments = [s.strip(" |｜") for s in separator.split(text)]
    segments = [s for s in segments if s]
    if not prefixed:
        # two segments are enough when the first is a generic root (网站首页 / 新闻中心)
        needed = 2 if segments and segments[0] in variants(GENERIC_ROOTS) else 3
        # the last crumb may be the article's own title
        if len(segments) < needed or any(len(s) > 16 for s in segments[:-1]) or len(segments[-1]) > 40 or len(text) > 90:
            return None
        if re.search(r"[。！？，,]", text):
            return None
    if len(text) > 100:
        return None
    return _publisher(segments[0] if segments else "")


def _publisher(root: str) -> str:
    """The first crumb as a publisher name, or '' when it names a section, a generic root or holds a label.

    >>> _publisher("某某日报"), _publisher("政务动态"), _publisher("首页")
    ('某某日报', '', '')
    """
    named = 3 <= len(root) <= 16 and root not in variants(GENERIC_ROOTS) and bool(OUTLET_END.search(root))
    return root if named else ""


@lru_cache(maxsize=1)
def _generic_root_start() -> re.Pattern:
    """A generic root (首页, 首頁, Home) followed by any crumb separator."""
    roots = "|".join(map(re.escape, variants(GENERIC_ROOTS)))
    return re.compile(rf"(?:{roots})\s*(?:{_ARROWS}|[/|｜\-—·•:：])")


_LONE_CRUMB_SEPARATOR = re.compile(rf"(?:{_ARROWS})")
_MAX_CRUMB = 40  # characters: a longer line is no crumb, not even the article's title as the last one


def split_breadcrumbs(lines: list[str]) -> list[tuple[list[int], str]]:
    """Breadcrumbs a naive scraper printed one crumb and one arrow per line (首页 / > / 国内 / > / 正文):
    the chains of short lines joined by lone arrow lines that read as a breadcrumb once joined,
    above the first paragraph (in an article such lines may draw a flow: 申请 / → / 审核).
    Returns each chain's lines with its root (as :func:`breadcrumb_root`)."""
    filled = _filled(lines)
    filled = filled[: next((k for k, j in enumerate(filled) if is_body_like(lines[j])), len(filled))]
    chains: list[tuple[list[int], str]] = []
    k = 1
    while k + 1 < len(filled):
        if not _LONE_CRUMB_SEPARATOR.fullmatch(lines[filled[k]].strip()):
            k += 1
            continue
        chain = [filled[k - 1]]
        while k + 1 < len(filled) and _LONE_CRUMB_SEPARATOR.fullmatch(lines[filled[k]].strip()) and len(lines[filled[k + 1]].strip()) <= _MAX_CRUMB:
            chain += filled[k : k + 2]
            k += 2
        crumbs = [lines[j].strip() for j in chain[::2]]
        root = breadcrumb_root(" > ".join(crumbs)) if len(lines[chain[0]].strip()) <= _MAX_CRUMB else None
        if root is not None:
            chains.append((chain, root))
        k += 1
    return chains


_HEADER_CRUMB_SEPARATOR = re.compile(rf"\s*(?:{_ARROWS})\s*|\s+[·•・|｜\-—]\s+")


def header_crumbs(line: str) -> Optional[str]:
    """Crumbs of a shape a title can share, so the caller asks only above a title in the header:
    two short names joined by an arrow (某某频道 > 正文), or three between spaced dots, bars or
    dashes (某某网 · 国内 · 正文). Returns the first as :func:`breadcrumb_root` does.

    >>> header_crumbs("某某日报 · 社会 · 正文"), header_crumbs("地方频道 > 正文")
    ('某某日报', '')
    >>> header_crumbs("约翰·史密斯访华") is None, header_crumbs("春节 · 团圆，是最好的礼物 · 特稿") is None
    (True, True)
    >>> header_crumbs("新闻中心 · 正文"), header_crumbs("新春走基层 · 团圆") is None
    ('', True)
    >>> header_crumbs("某某县融媒体中心新闻频道 › 本地新闻")
    ''

    """
    text = _crumb_text(line)
    segments = [s for s in _HEADER_CRUMB_SEPARATOR.split(text) if s]
    needed = 2 if _STRONG_CRUMB.search(text) or (segments and segments[-1] in variants(GENERIC_LEAVES)) else 3
    if len(segments) < needed or len(segments[0]) > 16 or any(len(s) > 10 for s in segments[1:]) or _CLAUSE_PUNCT.search(text):
        return None
    return _publisher(segments[0])


_LABEL_BEFORE_CRUMBS = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]\s*")
_STRONG_CRUMB = re.compile(_ARROWS)


def _crumb_label(text: str) -> Optional["re.Match[str]"]:
    """A short label of any wording (所在栏目：, 本页处于:) before crumbs joined by arrows.

    >>> bool(_crumb_label("所在栏目：某某网 ＞ 地方新闻"))
    True
    >>> _crumb_label("日期：2021/08/25") is None, _crumb_label("他说：A>B，很明显。") is None
    (True, True)
    """
    match = _LABEL_BEFORE_CRUMBS.match(text)
    if not match or _is_metadata(text) or is_labelled_title(text):  # 副标题：A>B is this tool's own field
        return None
    rest = text[match.end() :]
    parts = [p for p in _CRUMB_SEPARATOR.split(rest) if p.strip()]
    if len(parts) < 2 or not _STRONG_CRUMB.search(rest) or re.search(r"[。！？，,；;]", rest) or len(rest) > 80:
        return None
    return match


def is_debris(text: str) -> bool:
    """A line with no letter or digit (separators, arrows, ornaments), a lone ``[图]``-like placeholder
    or a machine-made token (:func:`is_machine_token`).

    >>> is_debris("★★ >> ★★")
    True
    >>> is_debris("【视】")
    True
    >>> is_debris("（一）")
    False
    """
    return not any(ch.isalnum() for ch in text) or bool(_PLACEHOLDER.match(text)) or is_machine_token(text)


# One run of letters, digits and URL punctuation, with no Chinese and no space, long enough to be
# no word: a link, an image path, a data: URI, a tracking code the scraper printed on its own line.
_MACHINE_TOKEN = re.compile(r"^(?=[^/:=%&;?]*[/:=%&;?])(?=\D*\d)(?=[^A-Za-z]*[A-Za-z])[\x21-\x7e]{16,}$")


def is_machine_token(text: str) -> bool:
    """A line that is a single machine-made token: a URL, a file path, base64, an id.

    >>> is_machine_token("https://img.example.com/2024/05/a1b2c3.jpg"), is_machine_token("data:image/png;base64,iVBORw0KGgo")
    (True, True)
    >>> is_machine_token("COVID-19"), is_machine_token("5G手机出货量达到1.2亿部/年"), is_machine_token("Hello world, 2024/05")
    (False, False, False)
    >>> is_machine_token("zhangsan@example.com.sg"), is_machine_token("邮箱：zhangsan@example.com")
    (True, False)
    """
    return bool(_MACHINE_TOKEN.match(text) or _EMAIL.match(text))


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")  # a reporter's address under the byline




@line_cache(16384)  # furniture lines recur across the dumps of a batch
def is_widget_line(line: str) -> bool:
    """A short line made only of widget labels (share, print, font size, back to top …).

    >>> is_widget_line("小字号")
    True
    >>> is_widget_line("【打印】 【关闭】")
    True
    >>> is_widget_line("百吨蔬菜 千里传情")
    False
    >>> is_widget_line("阅读 10万+"), is_widget_line("回复(0) 收起回复"), is_widget_line("2024")
    (True, True, False)
    >>> is_widget_line("👍 12"), is_widget_line("〖打印本页〗〖关闭窗口〗"), is_widget_line("第1页 共3页")
    (True, True, True)
    >>> is_widget_line("1,284 人赞同了该文章"), is_widget_line("1284人赞同了他的提议"), is_widget_line("[咨询律师]　已有28,415人咨询")
    (True, False, True)
    >>> is_widget_line("重新浏览　|　返回图集首页"), is_widget_line("返回家乡创业的青年越来越多")
    (True, False)
    >>> is_widget_line("[下载公告PDF]　(PDF，共3页，216KB)"), is_widget_line("APP内阅读体验更佳"), is_widget_line("点击上方蓝字，设为星标")
    (True, True, True)
    >>> is_widget_line("▶ 阅读全文：https://news.example.cn/a/1"), is_widget_line("报名网址：https://example.cn/signup")
    (True, False)
    """
    text = line.strip()
    if not text or len(text) > _LONGEST_WIDGET_ROW:
        return False
    # 【甲乙】【丙丁】: a bar of buttons whatever they say; a pager, a player's clock, readers' counts
    if _BUTTON_ROW.match(text) or _PAGER.match(text) or _PAGE_TOC.match(text) or _PLAYER_CLOCK.match(text) or _ENGAGEMENT.match(text):
        return True
    if "[" in text and _ENGAGEMENT.match(_BUTTON.sub("", text).strip()):  # [一对一咨询律师]　已有28,415人咨询
        return True
    if _APP_PROMPT.match(text) and len(text) <= _APP_PROMPT_LINE:  # 打开APP，查看更多精彩内容
        return True
    if len(_BUTTON.findall(text)) >= _MIN_BUTTONS and not _SENTENCE_PUNCT.search(text):
        return True  # 某车型 指导价：12.98万 [询底价] [参数配置] [车型对比]: a product's row of buttons
    unlinked = _URL.sub("", text)
    if not _FILLER.sub("", unlinked):  # a bare address is no button: a site the text cites, or debris
        return False
    labels_gone = _strip_words(_FILE_LINK.sub("", _BACK_LINK.sub("", _APP_PROMPT.sub("", _ICONS.sub("", unlinked)))), variants(UI_WORDS))
    if labels_gone != text:  # counts go with the labels they count (阅读 10万+, 赞(0)), speeds with 倍速
        labels_gone = COUNT.sub("", _PLAYBACK_SPEED.sub("", labels_gone))
    rest = _FILLER.sub("", labels_gone)
    if len(text) > _WIDGET_ROW:  # a long row (share targets and font sizes together) must be labels alone
        return not rest
    return len(rest) <= 1 and len(rest) < len(_FILLER.sub("", text))


_MIN_BUTTONS = 3
_URL = re.compile(r"https?://\S+")  # a link's target printed beside its label (阅读全文：https://…)
# 1,284 人赞同了该文章, 3.6万人阅读: how many readers did what, the count alone on its line
_ENGAGEMENT = re.compile(
    r"^(?:已有|已經|已经)?[\d,.]+\s*[万萬千kKwW]?\+?\s*(?:人|次)\s*(?:赞同|贊同|点赞|點讚|阅读|閱讀|浏览|瀏覽|收藏|关注|關注|喜欢|喜歡|看过|看過|在看|围观|圍觀|参与|參與|咨询|諮詢|报名|報名)"
    r"(?:了)?(?:该|該|这篇|這篇)?(?:文章|回答|内容|內容|视频|視頻)?$"
)
_PLAYER_CLOCK = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$")  # 00:00 / 02:47
_PLAYBACK_SPEED = re.compile(r"(?<![\w.])\d(?:\.\d{1,2})?[xX×](?!\w)")  # 0.5x 1.0x 1.25x beside 倍速
# 下载某某客户端, 打开某某App: a prompt to install the site's app, whatever the app is called
_APP_PROMPT = re.compile(
    r"(?:下载|下載|打开|打開|安装|安裝)[\u4e00-\u9fffA-Za-z]{0,8}?(?:客户端|客戶端|APP|App|app)"
    r"|(?:用|在)?(?:APP|App|app|客户端|客戶端)内?(?:阅读|閱讀|看新闻|看新聞|打开|打開|查看)(?:体验更佳|體驗更佳)?"  # APP内阅读体验更佳
)
# 返回图集首页, 返回新闻列表: a link back to wherever the page came from
_BACK_LINK = re.compile(r"返回(?:[\u4e00-\u9fff]{0,6}?(?:首页|首頁|列表|目录|目錄|顶部|頂部)|[\u4e00-\u9fff]{2,4}(?=[，,\s]|$))")  # 返回搜鹿，查看更多
# [下载公告PDF] (PDF，共3页，216KB): a link to the document's file and what the file is
_FILE_LINK = re.compile(
    r"(?:下载|下載|查看)[\u4e00-\u9fff]{0,4}(?:PDF|pdf|附件|原文)|[(（](?:PDF|pdf|DOCX?|docx?|XLSX?|xlsx?|ZIP|zip)[^()（）]{0,24}[)）]"
)
_APP_PROMPT_LINE = 24  # characters: a line opening with an app prompt and no longer is the prompt whole
_WIDGET_ROW = 40  # characters: a widget row up to this long may keep one other character
_LONGEST_WIDGET_ROW = 80


def related_header(line: str) -> bool:
    """A header of a related-articles block: ``相关新闻``, ``推荐阅读 |``, ``猜你喜欢 更多>>``.

    >>> related_header("    相关内容")
    True
    >>> related_header("相关新闻发布会在京召开")
    False
    >>> related_header("同一订阅源的其他文章："), related_header("本栏目更多新闻"), related_header("其他文章")
    (True, True, True)
    """
    text = _FILLER.sub("", line)
    if not text or len(text) > 14:
        return False
    if _OTHER_ARTICLES.search(text):
        return True
    match = _prefix_pattern(RELATED_HEADERS).match(text)
    return bool(match) and not _strip_words(text[match.end() :], variants(UI_WORDS))


# 同一作者的其他文章, 本栏目更多新闻: a header naming the other articles of something
_OTHER_ARTICLES = re.compile(r"(?:^|的|栏目|频道|作者|本站|本网)(?:其他|其它|更多)(?:文章|新闻|新聞|资讯|報導|报道|内容)$")


def summary_teaser(lines: list[str], index: int) -> bool:
    """A summary (``摘要：…``) that is the opening of the paragraph below it, cut off with an
    ellipsis: a feed's or list page's excerpt printed above the full text.

    >>> summary_teaser(["摘要：据介绍，今年全市新建公园二十座，……", "正文：", "据介绍，今年全市新建公园二十座，绿地面积继续扩大。"], 0)
    True
    >>> summary_teaser(["摘要：全市新建公园二十座。", "据介绍，今年全市新建公园二十座，绿地面积继续扩大。"], 0)
    False
    """
    text = lines[index].strip()
    if not _TEASER_END.search(text):  # the cheap test first: most lines end otherwise
        return False
    match = _SUMMARY.match(text)
    if not match or len(match["opening"]) < _SUMMARY_OPENING:
        return False
    following = _next_index(lines, index + 1)
    for _ in range(_MAX_HEADER_FURNITURE):
        if following < len(lines) and lines[following].strip().startswith(match["opening"]):
            return True
        following = _next_index(lines, following + 1)
    return False


_SUMMARY = re.compile(
    r"^(?:[【\[]?(?:摘要|内容摘要|内容提要|提要|导读|导语|简介)[】\]]?\s*[:：]?)?\s*(?P<opening>.+?)\s*[，,]?(?:……|…|\.{3,}|。。。)$"
)
_SUMMARY_OPENING = 15  # characters of the paragraph a summary must repeat


def is_related_link(line: str) -> bool:
    """One related article linked inline, under its block's label: ``延伸阅读：某地推出新举措``.

    >>> is_related_link("延伸阅读：某市的士司机平均年龄逾六十 业界倡引入外地司机")
    True
    >>> is_related_link("相关新闻：记者从会上获悉，全市今年将新建学校十所。")
    False

    Or a list of links under it, however long: ``友情链接：甲区业余足球 乙区业余足球 …``.

    >>> is_related_link("友情链接：海陵区业余足球 秀英区业余足球 祁阳市业余足球 嘉禾县业余足球 黄埔区业余足球")
    True
    """
    text = line.strip()
    match = _prefix_pattern(RELATED_HEADERS).match(text)
    if not match:
        return False
    rest = text[match.end() :].lstrip()
    if rest[:1] not in (":", "：") or _SENTENCE_PUNCT.search(rest):
        return False
    items = rest[1:].split()
    if len(items) >= _MIN_LINKS and all(len(item) <= _LINK + 2 for item in items):
        return True
    return len(text) <= 80 and is_title_like(rest[1:])


_MIN_LINKS = 3  # items of a labelled list of links


def notice_header(line: str) -> bool:
    """The header of a legal notice: ``反侵权公告：``, ``【免责声明】``.

    >>> notice_header("【免责声明】")
    True
    >>> notice_header("免责声明写进合同里，双方签字后生效。")
    False
    """
    return _FILLER.sub("", line) in variants(NOTICE_HEADERS)


def _notice_end(lines: list[str], start: int) -> int:
    """A legal notice runs over prose clauses to a separator or the next article's title."""
    for j in range(start + 1, len(lines)):
        if lines[j].strip() and (SEPARATOR.match(lines[j].strip()) or _heads_content(lines, j)):
            return j
    return len(lines)


# 微信号 / 功能介绍 on a WeChat account's card, their value beside them or on the next line
_ACCOUNT_CARD = re.compile(r"^(?:微信号|微信號|功能介绍|功能介紹|公众号简介|公眾號簡介)(?:\s*[:：]\s*|\s+|$)(?P<value>\S.*)?$")
_ACCOUNT_OPENINGS = ("微信", "功能", "公众", "公眾")
_BIO_INLINE = re.compile(r"^[（(【\[]?\s*(?P<header>[\u4e00-\u9fff]{4})\s*(?:[】\]]\s*[:：]?|[:：])")  # 作者简介：, 【作者简介】
_BIO_HINT = re.compile("简介|簡介|介绍|介紹|关于作者|關於作者")
_MAX_BIO = 3  # lines of a bio box under its header: its text, clinic hours or contacts, a button


def bio_box(line: str) -> Optional[bool]:
    """``True`` for the header of a box about the author or expert alone on its line (专家简介), ``False``
    for such a box on one line (（作者简介：宋某，某大学副教授。）), ``None`` for anything else.

    >>> bio_box("专家简介"), bio_box("（作者简介：宋其远，嵩川大学副教授，长期关注城市社区治理。）"), bio_box("作者简介写得很长。")
    (True, False, None)

    So is an account's card on a WeChat page, label over value or beside it:

    >>> bio_box("【作者简介】沈某秋，某大学公共管理学院副教授。")
    False
    >>> bio_box("微信号"), bio_box("功能介绍 某市公安局官方微信公众号，发布警务资讯。"), bio_box("微信号码变更后请重新绑定。")
    (True, False, None)
    """
    if line[:2] in _ACCOUNT_OPENINGS and (card := _ACCOUNT_CARD.match(line.strip())):
        return not card["value"]
    if not _BIO_HINT.search(line):  # most lines: one scan, no word list
        return None
    if _FILLER.sub("", line) in variants(BIO_HEADERS):
        return True
    inline = _BIO_INLINE.match(line)
    return False if inline and inline["header"] in variants(BIO_HEADERS) else None


def _bio_end(lines: list[str], start: int) -> int:
    """A bio box runs a few lines under its header, to the article's credits, a separator or the next title."""
    j = _next_index(lines, start + 1)
    for _ in range(_MAX_BIO):
        text = lines[j].strip() if j < len(lines) else ""
        if not text or SEPARATOR.match(text) or _is_metadata(text) or _heads_content(lines, j):
            break
        j = _next_index(lines, j + 1)
    return j


_SENTENCE_CLOSE = re.compile(r"[。！？!?…][”’」』）)]*$")


def _closes_sentence(line: str) -> bool:
    """Prose, or a line that ends a sentence however short it is."""
    return is_body_like(line) or bool(_SENTENCE_CLOSE.search(line.rstrip()))


def _sentence_above(lines: list[str], index: int) -> bool:
    """A line closing a sentence above ``index`` in its article (up to a separator): the text has begun."""
    for j in range(index - 1, -1, -1):
        text = lines[j].strip()
        if SEPARATOR.match(text):
            return False
        if text and _closes_sentence(text):
            return True
    return False


def _after_body(lines: list[str], rows: frozenset[int]) -> int:
    """Where the page's tail starts: after the last sentence, table row (``rows``: a table the text
    introduced), item of a list a sentence introduced or labelled list of names, and the credits,
    editor lines and signature that close it (what follows is page chrome); ``len(lines)`` without prose."""
    if not any(is_body_like(line) for line in lines):
        return len(lines)
    items = _introduced_items(lines)
    last_prose = next(
        j for j in range(len(lines) - 1, -1, -1) if _closes_sentence(lines[j]) or j in rows or j in items or _enumeration(lines[j].strip())
    )
    for j in range(len(lines) - 1, last_prose, -1):
        if lines[j].strip() and (_credits(lines[j].strip()) or _time_under_date(lines, j) or signature_line(lines[j]) is not None):
            return j + 1
    return last_prose + 1




def _introduced_items(lines: list[str]) -> set[int]:
    """The bulleted items (● 陈昊 7球) of lists that a sentence ending in a colon introduces above them."""
    items: set[int] = set()
    introduced = False
    for j, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if introduced and _BULLET.match(text):
            items.add(j)
        else:  # 射手榜方面，陈昊以7个进球领跑：: a clause that announces a list
            introduced = text.endswith(("：", ":")) and ("，" in text or "," in text)
    return items


def _credits(text: str) -> bool:
    """A metadata line that closes an article (its date, source, writers, editors), not a page's
    own stamp (更新日期：…, 浏览：…) printed in its footer area."""
    fields = metadata_fields(text)
    return fields is not None and not set(fields.found) <= {"updated", "junk", "aside"}


# Identifiers only a page footer prints: licence and filing numbers, culture-licence numbers
# (京网文〔2022〕…), visitor counters, company registration numbers of overseas outlets.
_FOOTER_SHAPE = re.compile(
    r"(?:许可证|許可證|备案|備案|证号|證號|标识码|標識碼)(?:编?号|編號)?\s*[:：]?\s*[\w〔〕\[\]（）()-]{0,12}\d{5,}"
    r"|[京沪津渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新][网網]文\s*[〔\[［(（]\d{4}"
    r"|第\s*\d+\s*位(?:访问者|访客|訪問者|訪客)"
    r"|\bReg(?:n|istration)?\.?\s*No\b|\bMCI\s*\(P\)|\bKDN\s*:?\s*PP"
    r"|^※\s*(?:来源|來源|修改)\s*[:：]\s*·"  # a BBS post's origin stamp (※ 来源:·某某BBS …[FROM: 10.1.2.3])
    r"|\b(?:Processed|Generated|Rendered)\s+in\s+\d+(?:\.\d+)?\s*(?:s\b|sec|second)|页面执行时间|頁面執行時間"  # a page's build time
    # the outlet's terms for reprinting its own work: 转载本网作品请注明出处, 媒体转载、摘编本报所刊作品时，请注明…
    r"|(?:转载|轉載|摘编|摘編)[^。！？]{0,20}本[报報网網站刊台][^。！？]{0,30}注明|本[报報网網站刊台][^。！？]{0,20}(?:转载|轉載)[^。！？]{0,30}注明"
)


@lru_cache(maxsize=1)
def _labelled_notice() -> re.Pattern:
    """A legal notice printed as one paragraph under its label: 免责声明：本文仅代表…, 【版权声明】本文…"""
    labels = "|".join(map(re.escape, variants(NOTICE_HEADERS)))
    return re.compile(rf"^[\[【〔（(]?\s*(?:{labels})\s*(?:[\]】〕）)]\s*[:：]?|[:：])")


@line_cache(16384)  # furniture lines recur across the dumps of a batch
def is_footer_line(line: str) -> bool:
    """A copyright, ICP, licence, contact or disclaimer line. Prose needs a footer mark (a
    licence, "this site") or two footer words: one ordinary footer word (联系我们, 技术支持) in a
    sentence is the article's.

    >>> is_footer_line("Copyright © 2024 某某网 版权所有 京ICP备12345678号")
    True
    >>> is_footer_line("网络视听许可证1234567号"), is_footer_line("沪网文〔2023〕1234-056号")
    (True, True)
    >>> is_footer_line("如果您有任何问题，欢迎联系我们，我们将尽快回复，感谢大家的支持和理解。")
    False
    >>> is_footer_line("本文仅代表作者本人观点，本站仅提供信息存储空间服务，如有侵权请联系删除。")
    True
    >>> is_footer_line("媒体转载、摘编本报所刊作品时，请注明来源于《某某日报》及作者姓名。")
    True
    >>> is_footer_line("新规要求，网站转载新闻须注明来源，本报记者就此采访了有关专家。")
    False
    >>> is_footer_line("免责声明：本文仅代表作者个人观点，与本站无关。" + "其原创性未经本站证实。" * 20)
    True
    >>> is_footer_line("某市总部：某市某区某路1288号　电话：0571-8826 6600　邮箱：info@example.com")
    True
    """
    text = line.strip()
    if _labelled_notice().match(text):
        return len(text) <= _LONGEST_NOTICE
    if "。" not in text and len(_CONTACT_LABEL.findall(text)) >= 2:  # 地址：…　电话：…　邮箱：…: the site's contact block
        return True
    if not text or len(text) > (_LONGEST_LATIN_FOOTER if text.isascii() else _LONGEST_FOOTER):
        return False
    words = {m.group(0).lower() for m in _find_words(text, variants(FOOTER_WORDS))}
    if not words and not _FOOTER_SHAPE.search(text):
        return False
    return not is_body_like(text) or len(words) >= 2 or bool(_FOOTER_SHAPE.search(text)) or bool(
        words & _footer_marks()
    )


_LONGEST_FOOTER = 160  # characters
_LONGEST_LATIN_FOOTER = 400  # an English copyright notice says as much in more characters
_CONTACT_LABEL = re.compile(r"(?:地址|办公时间|辦公時間|电话|電話|传真|傳真|邮箱|郵箱|E-?mail|email|邮编|郵編|热线|熱線)\s*[:：]", re.I)
_LONGEST_NOTICE = 600  # characters of a disclaimer printed as one paragraph under its label


@lru_cache(maxsize=1)
def _footer_marks() -> frozenset[str]:
    return frozenset(word.lower() for word in variants(FOOTER_MARKS))


_LABELLED = re.compile(r"^(?P<label>[^\s:：]{1,4})[:：]\s*\S")
_OPPOSITES = ({"上", "下"}, {"前", "后"})


def is_nav_pair(first: str, second: str) -> bool:
    """Two lines labelled alike but for an opposite first character (上…/下…, 前…/后…):
    links to the previous and next article, whatever the site calls them.

    >>> is_nav_pair("前一项：某地召开会议", "后一项：某县发布通知")
    True
    >>> is_nav_pair("甲方：某某公司", "乙方：某某个人")
    False
    """
    a, b = _LABELLED.match(first.strip()), _LABELLED.match(second.strip())
    if not (a and b) or _is_metadata(first.strip()) or _is_metadata(second.strip()):
        return False
    la, lb = a["label"], b["label"]
    if not all(is_title_like(line.strip()[len(label) + 1 :]) for line, label in ((first, la), (second, lb))):
        return False  # 上午：开会 / 下午：参观 is a schedule, not two links
    return len(la) == len(lb) and la[1:] == lb[1:] and {la[0], lb[0]} in _OPPOSITES


_GUILLEMET_LINK = re.compile(r"^[«‹]\s*\S|\S\s*[»›]$")


_TAG_ITEMS = re.compile(r"[:：]\s*[^\s,，、|｜;；]{1,12}(?:[\s,，、|｜;；]+[^\s,，、|｜;；]{1,12})*\s*$")


def is_tag_line(line: str) -> bool:
    """A tag bar: ``关键词：`` or ``Tags:`` followed by short keywords, the page's links to topics.

    >>> is_tag_line("关键词：分布式光伏 户用光伏 整县推进"), is_tag_line("标签：他说，今年的茶叶收成比去年好得多")
    (True, False)
    """
    text = line.strip()
    for label in variants(TAG_LABELS):
        if text.startswith(label):
            return bool(_TAG_ITEMS.fullmatch(text[len(label) :]))
    return False


def is_ticker_line(line: str) -> bool:
    """A market ticker: prices with their signed changes (上证指数 2118.80 ↑47.37 (+2.29%)), a fund
    list with its net values. A table row of an article has figures but rarely a sign on each.

    >>> is_ticker_line("上证指数 3018.80 ↑17.37 (+0.58%)　深证成指 9681.26 ↓19.54 (-0.20%)")
    True
    >>> is_ticker_line("一季度 5.3%　二季度 4.7%　三季度 4.9%"), is_ticker_line("指数上涨0.58%，收于3018.80点。")
    (False, False)
    """
    text = line.strip()
    if len(text) > 200 or _SENTENCE_PUNCT.search(text) or "，" in text:
        return False
    tokens = [token for token in _TICKER_SPLIT.split(text) if token]
    numeric = [token for token in tokens if _FIGURE.search(token)]
    signed = [token for token in numeric if _CHANGE.search(token)]
    return len(signed) >= 2 and 2 * len(numeric) >= len(tokens)


_TICKER_SPLIT = re.compile(r"[\s|｜:：]+")
_FIGURE = re.compile(r"\d\.\d|\d%|[↑↓▲▼]")
_CHANGE = re.compile(r"^[(（]?[+\-−↑↓▲▼]\s?\d")  # a signed change: +0.58%, ↓19.54, (-0.20%)


def is_nav_line(line: str) -> bool:
    """``上一篇：…`` / ``下一篇：…``, ``« 标题`` / ``标题 »``: links to neighbouring articles.

    >>> is_nav_line("« 某市召开安全生产会议"), is_nav_line("某县发布防汛通知 »"), is_nav_line("首页 » 国内 » 正文")
    (True, True, False)
    >>> is_nav_line("← 上一篇：第五轮：北岸老男孩5比1大胜城南队")
    True
    """
    text = line.strip().lstrip("【[").lstrip("←‹ ")  # ← 上一篇：…
    if len(text) > 80:
        return False
    return text.startswith(variants(_NAV_PREFIXES)) or (bool(_GUILLEMET_LINK.search(text)) and is_title_like(text.strip("«‹»› ")))


_TEASER_END = re.compile(r"(?:…|\.{3}|。。。)[”’」』）)]?$")
_MAX_TEASER = 3  # prose lines under one headline of a related block
_TEASER_OPENING = 6  # a summary opening with this many characters of its headline repeats it


def _next_index(lines: list[str], start: int) -> int:
    """The index of the next non-empty line at or after ``start`` (``len(lines)`` at the end)."""
    for j in range(start, len(lines)):
        if lines[j].strip():
            return j
    return len(lines)


def _teaser_end(lines: list[str], start: int, headline: str) -> Optional[int]:
    """If prose starting at ``start`` is the teaser of a related item headed by ``headline``
    (a few lines cut off with an ellipsis, or a summary that opens by repeating its headline),
    where it ends; else ``None``: the prose is an article's body."""
    opening = lines[start].strip()[:_TEASER_OPENING]
    if headline and len(opening) == _TEASER_OPENING and opening in headline:
        after = _next_index(lines, start + 1)  # more prose under it: an article that restates its title first
        if after == len(lines) or not is_body_like(lines[after]):
            return start + 1
    j = start
    for _ in range(_MAX_TEASER):
        if j >= len(lines) or not is_body_like(lines[j]):
            return None
        if _TEASER_END.search(lines[j].rstrip()):
            return j + 1
        j = _next_index(lines, j + 1)
    return None


def _heads_content(lines: list[str], index: int) -> bool:
    """``lines[index]`` is a title-like line right above an article's prose or a date, source or
    byline line (past a widget row or two): the title of what follows, not an item of a link list."""
    if not is_title_like(lines[index]) or is_widget_line(lines[index]):
        return False
    following = _next_index(lines, index + 1)
    for _ in range(_MAX_HEADER_FURNITURE):
        if following < len(lines) and _is_furniture_line(lines[following].strip()) and not _is_metadata(lines[following].strip()):
            following = _next_index(lines, following + 1)  # a byline between bars (文｜某某　摄影｜某某) is no menu
    if following == len(lines):
        return False
    if is_body_like(lines[following]):
        return _teaser_end(lines, following, lines[index].strip()) is None
    if _salutation(lines[following]) and (after := _next_index(lines, following + 1)) < len(lines) and is_body_like(lines[after]):
        return True  # a notice's title over its salutation (各区县人民政府：)
    fields = metadata_fields(lines[following].strip())
    return bool(fields and fields.heads_article)


_COUNTER = re.compile(r"\d{1,7}")
_SECTION_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:内容|內容|正文|详情|詳情)\s*[:：]$")  # 留言内容：, 回复内容：, 正文：


def _is_furniture_line(text: str) -> bool:
    """A widget row, a menu, debris or a bare counter (shares, comments): what a page may print
    between a title and its article."""
    return is_widget_line(text) or is_debris(text) or is_link_list(text) or is_button_row(text) or bool(_COUNTER.fullmatch(text))


_MIN_HEADLINES = 3  # items under an unknown label that make it a related-articles block
_HEADLINE_MEAN = 10  # characters: shorter items are the points of a list in the body
_MIN_HEADLINE = 8  # characters: a shorter title-like line is a label, not a headline


def _is_headline(text: str) -> bool:
    """A link text of a headline list: title-like, no sentence inside."""
    return _MIN_HEADLINE <= len(text) <= 40 and is_title_like(text) and not starts_numbered_heading(text) and not _CLAUSE.search(text)


_CLAUSE = re.compile(r"[；;。]")
_KEY_VALUE = re.compile(r"^[^\s:：]{1,6}[:：]")


def _content_above(lines: list[str], index: int) -> Optional[str]:
    """The nearest line above ``index`` that is not short furniture or a ``下则：…`` link (``None`` at the top)."""
    for j in range(index - 1, -1, -1):
        text = lines[j].strip()
        skipped = _furniture_shaped(text, _HEADER_FURNITURE) or (_LABELLED.match(text) and not _is_metadata(text))
        if text and (text.endswith((":", "：")) or not skipped):  # a line introducing a list is content
            return text
    return None


def unlabelled_related_header(lines: list[str], index: int) -> bool:
    """A short label of any wording over at least three headlines: a related-articles block whose
    header the vocabulary does not know. The caller only asks after an article's prose began. A
    list the text introduces (a line ending in a colon above it) or a table of ``key：value`` rows is
    part of the article.

    >>> unlabelled_related_header(["本类热文", "某市地铁五号线今日开通运营", "高温天气持续多地发布预警", "全省高考报名人数创历史新高"], 0)
    True
    >>> unlabelled_related_header(["主要措施", "加快推进城市更新", "全面提升公共服务", "持续优化营商环境"], 0)
    False
    >>> unlabelled_related_header(["他给出了几条建议：", "毕业前学会写作", "毕业前学会一门编程语言", "学习有大量编程实践的课程", "不要担心工作都跑到印度去了"], 1)
    False
    >>> unlabelled_related_header(["建议如下：", "毕业前学会写作", "毕业前学会C语言", "学习有大量编程实践的课程", "不要担心工作都跑到印度去了", "好好做夏季毕业实习"], 2)
    False
    """
    text = lines[index].strip()
    label = _FILLER.sub("", text)
    if not 2 <= len(label) <= 8 or not _plain_short(text) or any(ch.isdigit() for ch in label):
        return False
    if starts_numbered_heading(text) or _is_metadata(text) or is_widget_line(text):  # 返回 is a button, not a list's label
        return False
    # past widgets and links, the block follows the end of the prose or its credits, not a list's intro
    above = _content_above(lines, index)
    if not (above is None or _closes_sentence(above) or _is_metadata(above)):
        return False
    items: list[str] = []
    j = _next_index(lines, index + 1)
    while j < len(lines) and len(items) < _MIN_HEADLINES and _is_headline(lines[j].strip()):
        items.append(lines[j].strip())
        j = _next_index(lines, j + 1)
    if len(items) < _MIN_HEADLINES or sum(map(len, items)) / len(items) < _HEADLINE_MEAN:
        return False
    return sum(bool(_KEY_VALUE.match(item)) for item in items) < 2


# When a comment or feed item was posted, as such pages print it: 3小时前, 刚刚, 昨天 12:30, 09-29 18:02.
_STAMP = re.compile(  # a post's time, after its poster's name or not (网友甲　02-16 23:05)
    r"^(?:[^\s，。！？,!?]{1,12}\s+)?(?:发表于|發表於|发布于|發佈於)?\s*(?:\d{1,2}\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)前|刚刚|剛剛"
    r"|(?:今天|昨天|前天)\s*\d{1,2}:\d{2}(?::\d{2})?|\d{2}-\d{2}\s+\d{2}:\d{2}|\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}"
    r"|\d{2}-\d{2}(?=\s*(?:[·•・|｜]|IP属地|IP屬地)))"  # a day alone only with where from: 09-13 · 江西
    r"(?:\s*(?:[·•・|｜]|IP属地[:：]?|IP屬地[:：]?)\s*[\u4e00-\u9fff]{2,8}|\s+" + POSTED_VIA.pattern + ")?$"  # 07-22 19:03 · 浙江, 来自 iPhone客户端
)
_THREAD_GAP = 20  # lines without a time stamp that end a comment thread


def comment_header(line: str) -> bool:
    """The header of a comment section, with or without its count: ``热门评论``, ``7 条评论``, ``评论（191）``.

    >>> comment_header("评论（191）"), comment_header("7 条评论"), comment_header("评论员文章"), comment_header("3 则留言")
    (True, True, False, True)
    >>> comment_header("球迷评论（86）　最热 | 最新"), comment_header("热门跟贴"), comment_header("网友评论（共12条）　查看全部评论>>")
    (True, True, True)
    """
    if len(line) > 24 or not _find_words(line, variants(COMMENT_HEADERS)):
        return False
    line = _SEE_ALL.sub("", _TOTAL.sub("", _BUTTON.sub("", line)))  # 网友评论（共36条）　[查看全部评论], 查看全部评论>>
    text = _FILLER.sub("", COUNT.sub("", _strip_words(line, variants(_SORT_TABS))))
    if text in variants(COMMENT_HEADERS):
        return True
    named = _NAMED_COMMENTS.fullmatch(text)  # 球迷评论, but not 举报 收藏 评论(0): a row of buttons
    return bool(named) and len(text) <= 6 and bool(_strip_words(text, variants(UI_WORDS)))


_TOTAL = re.compile(r"[（(]\s*共\s*\d+\s*[条條人]?\s*[）)]")
_SEE_ALL = re.compile(r"(?:查看|進入|进入|显示|顯示)?(?:全部|所有|更多)\d*[条條]?(?:评论|評論|跟帖|跟贴|跟貼|留言|回复|回覆)\s*(?:>>|»|＞＞|›|>|＞)")
_BUTTON = re.compile(r"[\[【［〔〖][^\]】］〕〗\s]{1,8}[\]】］〕〗]")  # [查看全部评论], [询底价]
_SORT_TABS = ("最热门", "最热", "最新", "最早", "最相关", "按热度", "按时间", "热度", "时间", "排序")  # 球迷评论（86） 最热 | 最新
_NAMED_COMMENTS = re.compile(r"[\u4e00-\u9fff]{1,4}(?P<what>评论|評論|跟贴|跟帖|跟貼|留言)")  # 球迷评论, 热门跟贴


def _over_post_stamp(lines: list[str], index: int) -> bool:
    """``lines[index]`` stands over a forum post's stamp: a poster's name, not a headline."""
    following = _next_index(lines, index + 1)
    return following < len(lines) and forum_post(lines[following].strip()) is not None


def _heads_metadata(lines: list[str], index: int) -> bool:
    """``lines[index]`` is a title with a date, source or byline line under it: the next article."""
    following = _next_index(lines, index + 1)
    if following == len(lines) or not is_title_like(lines[index]):
        return False
    fields = metadata_fields(lines[following].strip())
    return bool(fields and fields.heads_article)


# a comment on one line: the poster's name and a colon, the text, and after a gap the time it was posted
# a social plugin's comment ends in its buttons and its age: 某某：说得好。 · 赞 · 回复 · 12小时
_BUTTONS_AND_AGE = re.compile(
    r"(?:\s*[·•]\s*(?:赞|讚|回复|回覆|Like|Reply)){2,}\s*[·•]\s*\d{1,2}\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年|[smhdwy])\s*$"
)
def _poster_and_day(text: str) -> bool:
    """The poster and the day of the comment under it, a wide gap between: 阿凯　2023年11月3日, Carlos Li　17/07/2012 às 14:20."""
    parts = [p for p in _WIDE_GAP.split(text) if p]
    if len(parts) != 2 or len(parts[0]) > _POSTER_NAME or _CLAUSE_PUNCT.search(parts[0]):
        return False
    fields = metadata_fields(parts[1])
    return bool(fields and fields.date and fields.found == ["date"] and not fields.rest)


# the poster, the time, a wide gap, the comment: 汀南小雨　11-07 20:13　　我们小区还没来人查？　　👍 21　回复
_STAMPED_COMMENT = re.compile(
    r"^[^\s，。！？,!?：:]{1,12}[ \u3000]+(?:(?:19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\u3000|[ \t]{2,})\s*\S"
)
_SIGNED_COMMENT = re.compile(  # 某某（澄阳）：祖德流芳！　2024-04-06 21:13; the day or an age alone after a finished sentence
    r"^[^：:\s]{1,12}(?:\s+[\d.*]{7,15})?[：:]"  # the poster, an IP address masked after the name (游客 116.228.*.*：)
    r"(?:.{2,}?[ \u3000]{1,4}(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/(?:19|20)\d{2})\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?"  # 11/14/2023 09:02 PM
    r"|.{2,}?[。！？!?~～][”」]?[ \u3000]{1,4}(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\s*(?:分钟|分鐘|小时|小時|天|周|週|个月|個月)前))$"
)


def _comment_stamp(lines: list[str], index: int) -> bool:
    """A relative time stamp (3分钟前), a date among a comment's buttons (2012-06-25 09:14 回复 赞 12),
    a poster's name before the date, or a bare date whose comment ends in reply buttons."""
    text = lines[index].strip()
    if _STAMP.match(text) or _STAMP.match(_REPLY_BUTTONS.sub("", text)):  # 2小时前　回复　赞(12)
        return True
    if _SIGNED_COMMENT.match(text) or _STAMPED_COMMENT.match(text) or _BUTTONS_AND_AGE.search(text) or _poster_and_day(text):  # 某某（澄阳）：祖德流芳！　2024-04-06 21:13
        return True
    posted = _POSTED.search(text)
    if posted and 1 <= len(text[: posted.start()].split()) <= 2 and not _CLAUSE_PUNCT.search(text):
        return True  # 某网友 上海市 2011-08-23 19:02:11: the poster, where from, when (a bare date heads an article)
    fields = metadata_fields(text)
    if not (fields and fields.date_only):
        return False
    if fields.widgets:
        return True
    # a bare date to the minute, its comment's text under it (not the date, source, author of an article)
    following = _next_index(lines, index + 1)
    return (
        not fields.rest and "T" in fields.date and following < len(lines)
        and not _is_metadata(lines[following].strip()) and _reply_buttons_follow(lines, index)
    )


def _reply_buttons_follow(lines: list[str], index: int) -> bool:
    """A row of a comment's buttons (回复 赞 56) within the next few lines: a bare date above it stamps
    a comment, not the next article (whose date a title, not a comment's text and buttons, follows)."""
    following = index
    for _ in range(_COMMENT_LINES):
        following = _next_index(lines, following + 1)
        if following == len(lines):
            return False
        text = lines[following].strip()
        if is_widget_line(text) and _REPLY_WORDS.search(text):
            return True
    return False


_REPLY_BUTTONS = re.compile(r"(?:\s*[·•]?\s+(?:回复|回覆|赞|讚|点赞|點讚|顶|頂|踩|举报|舉報|有用|没用)\s*(?:[(（]\s*\d+\s*[)）]|\d+)?)+\s*$")
_COMMENT_LINES = 3  # lines from a comment's stamp to its buttons
_REPLY_WORDS = re.compile(r"回复|回覆|赞|讚|顶|頂|踩")


_POSTED = re.compile(r"(?:^|\s)(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$")


def _text_stamp(lines: list[str], index: int) -> bool:
    return bool(_STAMP.match(lines[index].strip()))


def _stamps_from(lines: list[str], start: int, stamp: Callable[[list[str], int], bool] = _text_stamp) -> tuple[list[int], int]:
    """The time stamps (``stamp``) from ``start`` on while they keep coming (at most ``_THREAD_GAP``
    lines apart), up to a separator or the next article (a title over a date that is no stamp);
    and where the scan stopped."""
    stamps: list[int] = []
    j = start
    while j < len(lines):
        text = lines[j].strip()
        if text:
            following = _next_index(lines, j + 1)
            if SEPARATOR.match(text) or (_heads_metadata(lines, j) and not (following < len(lines) and stamp(lines, following))):
                break
            if stamp(lines, j):
                stamps.append(j)
            elif j - (stamps[-1] if stamps else start) > _THREAD_GAP:
                break
        j += 1
    return stamps, j


def _period(stamps: list[int]) -> int:
    """Lines per item of a stamped list (the median gap between stamps)."""
    gaps = sorted(b - a for a, b in zip(stamps, stamps[1:])) or [4]
    return gaps[len(gaps) // 2]


def _thread_end(lines: list[str], start: int, stamp: Callable[[list[str], int], bool] = _comment_stamp) -> int:
    """Where the comment thread under the header at ``start`` ends: past the last of the time
    stamps its items carry (and that item's tail); ``start`` itself when no stamp comes soon
    after the header (a header over nothing, or over a list the other rules judge)."""
    stamps, stop = _stamps_from(lines, start + 1, stamp)  # under a header, dated buttons are stamps too
    return min(stop, stamps[-1] + _period(stamps)) if stamps else start


_MIN_FEED_STAMPS = 4  # stamped items without a header that make a feed (a scroll of posts or comments)
_MAX_FEED_PERIOD = 6  # lines per item: sparser stamps are not a feed
_MIN_FLOOR_STAMPS = 2  # comments stamped with their floor (1楼　某某　2012-07-26 08:13)
_FLOOR_STAMP = re.compile(
    r"^\d{1,4}\s*[楼樓#]\s+\S.{0,30}?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)


def _floor_stamp(lines: list[str], index: int) -> bool:
    return bool(_FLOOR_STAMP.match(lines[index].strip()))


def _stamped_feeds(lines: list[str]) -> list[tuple[int, int]]:
    """Feeds without a header after an article: dense runs of items that each carry a time stamp
    (user, 今天 12:08, post). The run starts one item before its first stamp, past prose that opens
    that item, and only after prose: a page's own article comes first."""
    feeds: list[tuple[int, int]] = []
    seen_prose = False
    j = 0
    while j < len(lines):
        text = lines[j].strip()
        floors = bool(_FLOOR_STAMP.match(text))
        if not (floors or _STAMP.match(text)):
            seen_prose = seen_prose or is_body_like(text)
            j += 1
            continue
        stamps, stop = _stamps_from(lines, j, _floor_stamp if floors else _text_stamp)
        period = _period(stamps)
        enough = _MIN_FLOOR_STAMPS if floors else _MIN_FEED_STAMPS  # numbered floors are a thread by themselves
        if seen_prose and len(stamps) >= enough and period <= _MAX_FEED_PERIOD:
            start = max(0, j - period + 1)
            while start < j and is_body_like(lines[start]):
                start += 1  # prose opening the guessed first item is the article's last paragraph
            feeds.append((start, min(stop, stamps[-1] + period)))
        j = max(stop, j + 1)
    return feeds


# ---------------------------------------------------------------- forum threads (Discuz, phpwind, 贴吧)

_POSTED_ON = re.compile(r"发表于|發表於|发表时间|發表時間")
# The floor a post stands on: 楼主 is the thread's opening post, the others are replies.
_FLOOR = re.compile(r"^(?:(?P<opening>楼主|樓主)|沙发|沙發|板凳|地板|地下室|(?P<n>\d{1,5})\s*(?:楼|樓|#|＃|F|f))(?=\s|[:：]|发表|發表|$)")
_FORUM_TOOLS = re.compile(r"只看(?:该|該)?作者|只看(?:楼|樓)主|倒序(?:浏览|瀏覽)|(?:电梯|電梯)直(?:达|達)|(?:阅读|閱讀)模式")
_POSTER_NAME = 16  # characters: a longer line over a post's stamp is no user name


def forum_post(text: str) -> Optional[str]:
    """``"opening"`` or ``"reply"`` when ``text`` is a forum post's stamp — its floor or the
    forum's own tools (只看该作者) beside 发表于 and a date — else ``None``. A bare 发表于 date
    is a blog's or an article's, not a forum's.

    >>> forum_post("楼主 发表于 2005-7-17 10:32 | 只看该作者 | 倒序浏览"), forum_post("板凳 发表于 2005-7-17 11:02")
    ('opening', 'reply')
    >>> forum_post("5# 发表于 2019-3-2 08:15"), forum_post("发表于 2019-3-2 08:15") is None
    ('reply', True)
    """
    if not _POSTED_ON.search(text):
        return None
    floor = _FLOOR.match(text)
    if not (floor or _FORUM_TOOLS.search(text)):
        return None
    fields = metadata_fields(text)
    if not (fields and fields.date):
        return None
    opening = floor is None or floor["opening"] or floor["n"] == "1"
    return "opening" if opening else "reply"


def _poster_name(text: str) -> bool:
    """A line that can be a user name over a post: short, one word, no sentence or label."""
    return 0 < len(text) <= _POSTER_NAME and not _CLAUSE_PUNCT.search(text) and " " not in text and ":" not in text and "：" not in text


def _previous_index(lines: list[str], start: int) -> int:
    """The index of the previous non-empty line at or before ``start`` (-1 at the top)."""
    for j in range(start, -1, -1):
        if lines[j].strip():
            return j
    return -1


def _forum_reply_stamp(lines: list[str], index: int) -> bool:
    return forum_post(lines[index].strip()) is not None


_STAT_PAIR = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]\s*\d[\d,.]*\s*[万萬千kKwW]?\+?(?![\d\-/:：年月])")
_MIN_STATS = 3
_SPACED_STAT = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fff]{2,4}\s*\d[\d,.]*\s*[年月天万萬千次个個篇]?(?=\s|$)")
_FOLLOW_WORD = re.compile(r"\+\s*(?:关注|關注|订阅|訂閱)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_FORUM_EDIT_NOTE = re.compile(r"^本帖最(?:后|後)由\s*\S.{0,20}?\s*(?:于|於)\s*\S.{0,24}?\s*(?:编辑|編輯)$")
_PROFILE_STAT = re.compile(  # a poster's counters, and a thread's (查看: 2563 | 回复: 12)
    r"(?:帖子|主题|主題|积分|積分|精华|精華|金钱|金錢|威望|贡献|貢獻|金币|金幣|好友|听众|聽眾|收听|收聽|粉丝|粉絲|在线时间|在線時間|UID"
    r"|查看|回复|回覆|浏览|瀏覽|阅读|閱讀|点击|點擊)\s*[:：]?\s*\d+"
)


def is_forum_furniture(text: str) -> bool:
    """A forum's notes around a post: who edited it last (本帖最后由 某 于 … 编辑), the poster's
    counters (某某 帖子 1532 积分 2180) or the thread's (查看: 2563 | 回复: 12).

    >>> is_forum_furniture("本帖最后由 某网友 于 2019-3-2 08:20 编辑"), is_forum_furniture("某网友 帖子 1532 积分 2180")
    (True, True)
    >>> is_forum_furniture("查看: 2563 | 回复: 12"), is_forum_furniture("查看3次，回复12条")
    (True, False)
    >>> is_forum_furniture("博客等级：12　博客积分：1,876　博客访问：326,418")
    True
    >>> is_forum_furniture("全市共有帖子1532条，积分制管理试点已在3个区展开。")
    False
    >>> is_forum_furniture("吧龄 6.2年　　发帖 1,032　　+关注"), is_forum_furniture("大会 2024 年度 3 项")
    (True, False)
    """
    if _FORUM_EDIT_NOTE.match(text):
        return True
    if _CLAUSE_PUNCT.search(_THOUSANDS.sub("", text)):  # 1,876 is a number, not a clause
        return False
    stats = _PROFILE_STAT.findall(text)
    if len(stats) >= 2 and len(_FILLER.sub("", _PROFILE_STAT.sub("", text))) <= _POSTER_NAME:
        return True
    # 博客等级：12　博客积分：1,876　博客访问：326,418: counters under any labels, nothing else
    if len(_STAT_PAIR.findall(text)) >= _MIN_STATS and len(_FILLER.sub("", _STAT_PAIR.sub("", text))) <= 2:
        return True
    # 吧龄 6.2年　　发帖 1,032　　+关注: a poster's card, counters spaced apart beside a follow button
    return len(_SPACED_STAT.findall(text)) >= 2 and not _FILLER.sub("", _FOLLOW_WORD.sub("", _SPACED_STAT.sub("", text)))


_BULLET = re.compile(r"^[·•・▪◆◇■□○●▶►※\-\*]\s*\S")


def _items_since(lines: list[str], start: int, end: int) -> int:
    """Non-empty lines strictly between ``start`` and ``end``."""
    return sum(1 for j in range(start + 1, end) if lines[j].strip())


_DATED_ITEM = re.compile(r"^\S.{3,40}?[ \u3000]+(?:(?:19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}(?:[-/.](?:19|20)\d{2})?$")  # 12-07, 16/07/2012


def _related_block_end(lines: list[str], start: int) -> int:
    """Where a related-articles block that starts at ``start`` ends (exclusive).

    The block is a list of items: short link-like lines (headlines, their dates),
    each with at most a teaser cut off with an ellipsis. It ends at the first line
    that is none of these: a separator, prose that is not a teaser, a title-like
    line heading such prose or a date/source line (the next article), the header
    of a comment thread, or a line without the bullet every item so far carried.
    """
    j = _next_index(lines, start + 1)
    headline = ""
    bulleted = 0  # items so far, all marked with a bullet (· 甲, • 乙): a line without one is past the list
    dated = False  # the item before was a headline with its date (某某活动举行 2024-02-12): so is one more
    while j < len(lines):
        text = lines[j].strip()
        item_dated = bool(_DATED_ITEM.match(text))
        listed = _BULLET.match(text) and bulleted == _items_since(lines, start, j)  # one more bullet of a bulleted list
        if SEPARATOR.match(text) or (_heads_content(lines, j) and not (dated and item_dated) and not listed) or comment_header(text) or related_header(text):
            return j  # comments: their own rule; another list's header: its own block
        dated = item_dated
        if _BULLET.match(text):
            bulleted += 1
        elif bulleted >= 2 and bulleted == _items_since(lines, start, j):
            return j
        if is_body_like(text):
            end = _teaser_end(lines, j, headline)
            if end is None:
                return j
            j = _next_index(lines, end)
        else:
            headline = text if is_title_like(text) else ""
            j = _next_index(lines, j + 1)
    return len(lines)


# ---------------------------------------------------------------- plain-text dumps: chrome runs

_CLAUSE_PUNCT = re.compile(r"[，。！？；,!?;]")
_LINK_SEPARATOR = re.compile(r"\s*(?:[|｜│/]|>>|»|·|\s{2,}|\u3000)\s*")
_SHORT_LINE = 40  # characters: longer lines are prose or headlines worth a closer look
MIN_CHROME_RUN = 4  # short plain lines in a row that make a menu or link list
_MENU_ITEM = 6  # mean characters of a menu's items
MIN_TAIL = 2  # short lines after the last paragraph and its credits that make a page footer


_LINK = 10  # characters of a menu item
_LATIN_LINK = 20  # and of one with a Latin word (Practice Areas, 大雅加达 Jabodetabek)
_DIGITS = re.compile(r"\d")
_LIST_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}[:：]\s*")
_LATIN = re.compile(r"[A-Za-z]{3}")  # an English or Malay word in the item (Practice Areas, 国内 Nasional)


def is_link_list(line: str) -> bool:
    """A line of short link texts between separators: a menu or tag bar.

    >>> is_link_list("首页 | 国内 | 国际 | 财经 | 体育 | 娱乐")
    True
    >>> is_link_list("寒冬送温暖 关爱暖人心"), is_link_list("视频集锦 | 文字直播 | 技术统计")
    (False, True)
    >>> is_link_list("Home　About Us　Practice Areas　Our People　News　Contact"), is_link_list("稿源：某报 | 2005/12/11 23:42:20")
    (True, False)
    >>> is_link_list("热门楼盘：奥林匹克花园 | 保利林语溪 | 艺泰安邦 | 枫林湾")
    True

    A metadata row cut by its date's slashes into short pieces is no menu:

    >>> is_link_list("记者：阿树　　发布时间：2023/11/07 21:05　　最后更新：2023/11/08 09:12")
    False
    """
    text = line.strip()
    if _CLAUSE_PUNCT.search(text):
        return False
    labelled = _LIST_LABEL.match(text)  # 热门楼盘：甲 | 乙 | 丙 | 丁: four short items after their label
    segments = [s for s in _LINK_SEPARATOR.split(text) if s]
    links = (
        (labelled and _short_links([s for s in _LINK_SEPARATOR.split(text[labelled.end() :]) if s]))
        or _short_links(segments)
        or (len(segments) == 3 and bool(_BAR_ROW.match(text)))  # 甲乙 | 丙丁 | 戊己: a tab bar
    )
    return bool(links) and not _is_metadata(text)


def _short_links(segments: list[str]) -> bool:
    return len(segments) >= 4 and all(len(s) <= (_LATIN_LINK if _LATIN.search(s) and not _DIGITS.search(s) else _LINK) for s in segments)


def _plain_short(text: str) -> bool:
    """Short and without clause punctuation: a menu item, headline, label or fragment."""
    return len(text) <= _SHORT_LINE and not _CLAUSE_PUNCT.search(text)


def _chrome_runs(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of at least :data:`MIN_CHROME_RUN` short plain lines (blank lines between them
    do not break a run): menus, link lists and label columns of a page flattened line by line.

    A run that continues an unfinished sentence (a paragraph cut at its links) is not
    chrome, nor is a run of longer items between two stretches of prose: within an
    article that is a table or a list, while menus are rows of words of a few characters.
    """
    runs: list[tuple[int, int]] = []
    members: list[int] = []
    prose_before = False
    for index in range(len(lines) + 1):
        text = lines[index].strip() if index < len(lines) else ""
        if index < len(lines) and not text:
            continue
        if index < len(lines) and _plain_short(text) and not _is_metadata(text) and not SEPARATOR.match(text):
            members.append(index)
            continue
        prose_after = index < len(lines) and is_body_like(text)
        if len(members) >= MIN_CHROME_RUN and not _inside_sentence(lines, members[0]):
            in_body = prose_before and prose_after
            mean_length = sum(len(lines[j].strip()) for j in members) / len(members)
            if not in_body or mean_length <= _MENU_ITEM:
                runs.append((members[0], members[-1] + 1))
        members = []
        prose_before = prose_after
    return runs


_COLUMN_GAP = re.compile(r"\S {3,}(?=\S)")


def _column_row(text: str) -> bool:
    """Three or more fields parted by runs of spaces, no clause: a row of a text-mode listing
    (1   [文件] 某某标题   haiyan   01.01)."""
    return len(_COLUMN_GAP.findall(text)) >= 2 and not _CLAUSE_PUNCT.search(text)


def _translations(lines: list[str]) -> list[int]:
    """English lines each right under a Chinese line, :data:`MIN_TRANSLATIONS` or more of them: a page
    that prints the text with its translation, line by line (a learners' site, a bilingual paper). One
    English quotation inside a Chinese article stays.

    >>> lines = ["小明每天早上七点起床。", "Xiao Ming gets up at seven every morning.", "他先喝一杯水。",
    ...          "He drinks a glass of water first.", "然后他去跑步。", "Then he goes for a run."]
    >>> _translations(lines), _translations(lines[:4])
    ([1, 3, 5], [])
    """
    filled = _filled(lines)
    found = [
        j for i, j in zip(filled, filled[1:])
        if _ENGLISH_LINE.match(lines[j].strip()) and len(lines[j].split()) >= _TRANSLATION_WORDS
        and len(_HAN.findall(lines[i])) >= _TRANSLATED_HAN
    ]
    return found if len(found) >= MIN_TRANSLATIONS else []


_ENGLISH_LINE = re.compile(r"^[A-Za-z0-9“\"'(][A-Za-z0-9 ,.;:!?'’\"“”()%&/\-–—]*$")
_TRANSLATION_WORDS = 4  # words of an English line that renders a sentence (a name or a label is shorter)
_TRANSLATED_HAN = 6  # Han characters of the line it renders
MIN_TRANSLATIONS = 3  # English lines under Chinese ones that make a translated text


def _column_rows(lines: list[str]) -> list[int]:
    """The lines of runs of two or more column rows (blank lines between them do not break a run)."""
    found: list[int] = []
    run: list[int] = []
    for index, line in enumerate(lines + [""]):
        if not line.strip() and index < len(lines):
            continue
        if index < len(lines) and _column_row(line.strip()):
            run.append(index)
            continue
        if len(run) >= 2:
            found.extend(run)
        run = []
    return found


def _inside_sentence(lines: list[str], first: int) -> bool:
    """The line above ``first`` is a sentence that stops midway: the run continues it."""
    for j in range(first - 1, -1, -1):
        text = lines[j].strip()
        if text:
            return bool(_CLAUSE_PUNCT.search(text)) and text[-1] not in "。！？!?…”」』）)"
    return False


def _page_titled(lines: list[str]) -> frozenset[int]:
    """Headlines that the page's own title names above them (标题_频道_网站 … 标题), and those page
    titles: a run of short lines keeps both, for segmentation to tell the headline by."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if "\u4e00" <= line[:1] <= "\u9fff" or line[:1].isalnum():  # a headline starts with a word
            above = page_title_above(lines, index)
            if above is not None:
                found.update((index, above))
    return frozenset(found)


def _keeps_in_run(lines: list[str], index: int, linked: frozenset[str]) -> bool:
    """Lines of a run that segmentation needs: headings, labelled titles, a title above its article,
    a headline the page's links named (``linked``) over its subtitle and header."""
    text = lines[index].strip()
    return (
        starts_numbered_heading(text) or is_labelled_title(text) or _heads_content(lines, index)
        or (text in linked and _header_below(lines, index)) or _over_subtitle(lines, index)
        or (_document_title(lines, index) and _heads_content(lines, _next_index(lines, index + 1)))
        or _time_under_date(lines, index)
        or _dash_subtitle_pair(lines, index)
        or _enumeration(text) or (text.endswith(("：", ":")) and _enumeration(lines[_next_index(lines, index + 1)].strip()))
        or (signature_line(text) is not None and _sentence_above(lines, index))  # (王鹏) under the text: its writer
    )


def _enumeration(text: str) -> bool:
    """A label and the names it lists (吉林：卢伟、李涛、钟诚、于澍龙): the text's own list, never a menu,
    whose items stand between bars or gaps, nor a tag bar.

    >>> _enumeration("吉林：卢伟、李涛、钟诚、于澍龙、杰米尔"), _enumeration("标签：教育、高考、招生"), _enumeration("首页 | 新闻 | 体育")
    (True, False, False)
    """
    match = _ENUMERATION.match(text)
    return bool(match) and match["label"] not in variants(TAG_LABELS)


_ENUMERATION = re.compile(r"^(?P<label>[\u4e00-\u9fff]{1,8})[：:](?:[\u4e00-\u9fff·]{1,8}、){2,}[\u4e00-\u9fff·]{1,8}$")


def _document_title(lines: list[str], index: int) -> bool:
    """The issuer over a 公文's or an announcement's subject (某某股份有限公司 / 关于…的公告): the first half of its title."""
    text = lines[index].strip()
    below = _next_index(lines, index + 1)
    return is_issuer(text) and below < len(lines) and issued_title(text, lines[below].strip())


def _issued_lines(lines: list[str], index: int) -> bool:
    """Either line of a title an issuer opens (see :func:`_document_title`), unless a headline above
    already printed its subject (合鑫新材：关于签订…的公告 over the document's own heading: a repeat)."""
    above = _previous_index(lines, index - 1)
    first = index if _document_title(lines, index) else above if above >= 0 and _document_title(lines, above) else None
    if first is None:
        return False
    subject = lines[_next_index(lines, first + 1)].strip()
    return not any(subject in line and not segmented(line) for line in lines[max(0, first - _MASTHEAD_WINDOW) : first])


_DASHES = ("——", "--")


def _dash_subtitle_pair(lines: list[str], index: int) -> bool:
    """A headline, however short, over its ``——`` subtitle (卤水人家 / ——苍屿古盐井寻访记), or that subtitle:
    the last lines of a run of menus may be the header of the article under them."""
    text = lines[index].strip()
    if text.startswith(_DASHES):
        above = _previous_index(lines, index - 1)
        return above >= 0 and not lines[above].strip().startswith(_DASHES) and _dash_subtitle_pair(lines, above)
    below = _next_index(lines, index + 1)
    return (
        is_title_like(text) and not _closes_sentence(text) and below < len(lines)
        and lines[below].strip().startswith(_DASHES) and is_title_like(lines[below]) and _heads_content(lines, below)
    )


_LONE_CLOCK = re.compile(rf"\s*{CLOCK}\s*")
# a clock opening an entry, at the line's start or after a finished sentence, then a gap: 08:56　半程…
_CLOCK_GAP = re.compile(rf"(?:^|(?<=[。！？!?”」』]))[\s\u3000]*{CLOCK}(?P<gap>[\u3000\t]+| {{2,}})(?=[^\s\d])")
MIN_TIMED_ENTRIES = 3  # entries headed by their time that make a live blog or a timed transcript


_ENTRY = 10  # characters: a shorter sentence under a time is a reply in a thread, not a live entry


def _entry_text(line: str) -> bool:
    return is_body_like(line) or (len(line.strip()) >= _ENTRY and _closes_sentence(line.strip()))


def timed_entries(lines: "list[str] | tuple[str, ...]") -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
    """The entries of a live blog or a timed transcript, each headed by the time it was posted.

    Returns the lone times to join to the entry below (``(time line, entry line)``) and the gaps
    after a time on its entry's line (``(line, start, end)``), or nothing when the page has fewer
    than ``MIN_TIMED_ENTRIES``: a time alone is then a date's (:func:`_time_under_date`) or a post's.

    >>> timed_entries(["09:48", "记者在30公里处看到，不少跑者开始出现抽筋症状。", "08:56　半程马拉松女子冠军诞生！郑好以1小时13分夺冠。", "08:41", "半程马拉松男子冠军诞生！杨德明第一个冲过终点。"])
    ([(0, 1), (3, 4)], [(2, 5, 6)])
    """
    joins: list[tuple[int, int]] = []
    gaps: list[tuple[int, int, int]] = []
    for index, line in enumerate(lines):
        if _LONE_CLOCK.fullmatch(line):
            below = _next_index(lines, index + 1)
            above = _previous_index(lines, index - 1)
            if (
                below < len(lines) and below <= index + 2 and _entry_text(lines[below])
                and not (above >= 0 and _poster_name(lines[above].strip())) and not _time_under_date(lines, index)
            ):
                joins.append((index, below))
        elif ":" in line:
            gaps.extend((index, m.start("gap"), m.end("gap")) for m in _CLOCK_GAP.finditer(line))
    moved = {below for _, below in joins}
    gaps = [gap for gap in gaps if gap[0] not in moved]
    return (joins, gaps) if len(joins) + len(gaps) >= MIN_TIMED_ENTRIES else ([], [])


def _time_under_date(lines: list[str], index: int) -> bool:
    """A time alone under a date without one (2024年3月14日（星期四） / 香港时间11时45分): the date's."""
    above = _previous_index(lines, index - 1)
    fields = metadata_fields(lines[above].strip()) if above >= 0 else None
    return bool(fields and fields.date and with_time_below(fields.date, lines[index]))


_WIDE_GAP = re.compile(r"\u3000|\s{2,}")


def _over_subtitle(lines: list[str], index: int) -> bool:
    """A headline over its longer subtitle (副题) over the date or source line: the last line of a run of
    short lines (masthead, menu, kicker) may be the title of the header under it. The last item of a
    list of headlines over the next article's title is not: the line above it is as long as it."""
    below = _next_index(lines, index + 1)
    above = _previous_index(lines, index - 1)
    text = lines[index].strip()
    return (
        len(text) >= HEADLINE and is_title_like(text) and (text[0].isalnum() or text[0] in "“《「")  # no list bullet
        and (above < 0 or len(lines[above].strip()) < HEADLINE)
        and below < len(lines) and len(lines[below].strip()) >= len(text) and is_title_like(lines[below]) and _heads_content(lines, below)
        and not is_body_like(lines[below]) and not _WIDE_GAP.search(text + "\n" + lines[below].strip())  # not a row of fields
    )


_HEADER_FURNITURE = 16  # characters: longer plain lines under a header are a lead or a subtitle
_MAX_HEADER_FURNITURE = 2  # lines between a header and its first paragraph that may be widgets


_SENTENCE_PUNCT = re.compile(r"[。！？；!?;]")


def _furniture_shaped(text: str, limit: int) -> bool:
    """Short (a row of buttons up to a line's length), not a sentence (a comma inside is allowed:
    点击上方，关注我们), and not a field, heading or separator the segmentation needs."""
    return (
        (len(text) <= min(limit, _SHORT_LINE) or (len(text) <= _SHORT_LINE and is_button_row(text)))
        and not _SENTENCE_PUNCT.search(text)
        and not _is_metadata(text)
        and not SEPARATOR.match(text)
        and not starts_numbered_heading(text)
        and not is_labelled_title(text)
    )


def _filled(lines: list[str]) -> list[int]:
    return [j for j, line in enumerate(lines) if line.strip()]


_MASTHEAD_WINDOW = 8  # filled lines above a header's metadata searched for the page title naming the site


def _header_above(lines: list[str], filled: list[int], k: int) -> Optional[int]:
    """If ``filled[k]`` is the last metadata line of an article header (metadata lines under a
    title-like line, not under prose), the position in ``filled`` of that title; else ``None``."""
    if not _is_metadata(lines[filled[k]].strip()):
        return None
    while k > 0 and _is_metadata(lines[filled[k - 1]].strip()):
        k -= 1
    if k == 0:
        return None
    above = lines[filled[k - 1]].strip()
    if not is_title_like(above) or issuer_signs(lines, filled[k - 1]):  # 某市某局 / 2023年11月7日 under the text: its signature
        return None
    window = [lines[j].strip() for j in filled[max(0, k - _MASTHEAD_WINDOW) : k]]
    return None if len(window) - 1 in mastheads(window) else k - 1  # a site's name over the page's date


_SUBHEADING = re.compile(r"^[\u4e00-\u9fff“”‘’「」《》0-9A-Za-z%]{4,20}$|^【[\u4e00-\u9fff“”]{2,12}】$")  # one phrase: no gaps, bars or buttons; or 【天气实况】
_SUBHEADING_SCAN = 60  # lines of the article searched for its other sub-headings


def _subheading_shaped(text: str) -> bool:
    return bool(_SUBHEADING.match(text)) and not is_widget_line(text) and not _is_metadata(text)


def _has_subheadings(lines: list[str], filled: list[int], k: int) -> bool:
    """A line shaped like a sub-heading between two paragraphs further down the article."""
    for a, b, c in zip(filled[k:], filled[k + 1 : k + _SUBHEADING_SCAN], filled[k + 2 : k + _SUBHEADING_SCAN]):
        if SEPARATOR.match(lines[b].strip()):
            return False
        if is_body_like(lines[a]) and is_body_like(lines[c]) and _subheading_shaped(lines[b].strip()):
            return True
    return False


def page_headings(lines: "list[str] | tuple[str, ...]") -> frozenset[str]:
    """The headings a long article's table of pages names (第2页：从“拆”到“留”): printed at the top
    of their page, under its header, they are sub-headings of the text, not widgets.

    >>> sorted(page_headings(["本文共3页　第1页：厂房里的咖啡馆　第2页：从“拆”到“留”"]))
    ['从“拆”到“留”', '厂房里的咖啡馆']
    """
    tables = (line for line in lines if ("页" in line or "頁" in line) and _PAGE_TOC.match(line.strip()))
    return frozenset(name for line in tables for name in _PAGE_TOC_ENTRY.findall(line))


_FOLLOW = re.compile(r"^\+?\s*(?:加|已)?(?:关注|關注|订阅|訂閱)(?:他|她|TA|作者)?$")
_AUTHOR_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,8}$|^[A-Za-z][\w .·-]{1,19}$")


def author_card(lines: list[str], index: int) -> Optional[tuple[int, Optional[int]]]:
    """``(name, about)`` line indices when ``lines[index]`` is a follow button (关注他, + 关注) under
    an author's name, with at most one line about them between (a self-media or column page's
    author card); ``None`` otherwise.

    >>> author_card(["某某标题", "林予安", "城市规划从业者，关注县域经济", "关注他"], 3)
    (1, 2)
    >>> author_card(["某某标题", "某某发布", "V", "某市政府新闻办官方账号", "+ 关注"], 4) is None
    True
    >>> author_card(["某某标题", "乔舟", "澄阳县公交公司调度员", "关注他"], 3)
    (1, 2)
    """
    if not _FOLLOW.match(lines[index].strip()):
        return None
    above = _previous_index(lines, index - 1)
    if above >= 0 and _AUTHOR_NAME.match(lines[above].strip()):
        return above, None
    name = _previous_index(lines, above - 1) if above > 0 else -1
    if name < 0 or not _AUTHOR_NAME.match(lines[name].strip()):
        return None
    if _CLAUSE_PUNCT.search(lines[above]) or (is_personal_name(lines[name].strip()) and _plain_short(lines[above].strip())):
        return name, above  # 林予安 / 城市规划从业者，关注县域经济 / 关注他; 乔舟 / 某县公交公司调度员 / 关注他
    return None


def _account_name(name: str) -> bool:
    """A card's name that is no person's: four Han characters or more that do not open with a
    family name (a pen name is shorter: 魑皇).

    >>> _account_name("鹏城民生汇"), _account_name("林予安"), _account_name("魑皇"), _account_name("Grace Xu")
    (True, False, False, False)
    """
    return len(name) >= _ACCOUNT_NAME and len(_HAN.findall(name)) == len(name) and not is_personal_name(name)


_ACCOUNT_NAME = 4  # characters


def _byline_below(lines: list[str], index: int) -> bool:
    """A line naming the author between ``index`` and the first paragraph (文/某某 under an account's
    card): the article's own byline, which the card's name must not displace."""
    for j in range(index + 1, len(lines)):
        text = lines[j].strip()
        if is_body_like(text):
            return False
        fields = metadata_fields(text) if text else None
        if fields and fields.author:
            return True
    return False


def _salutation(line: str) -> bool:
    """A line that addresses the reader and hands over to the text (尊敬的观众：, 各位市民：): a notice's
    opening, not a widget's label.

    >>> _salutation("尊敬的观众："), _salutation("分享到：")
    (True, False)
    """
    text = line.strip()
    return text.endswith(("：", ":")) and len(text) >= 3 and not is_widget_line(text) and not _is_metadata(text)


_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z'’&.,:\-]*(?: [A-Za-z&(][A-Za-z'’&.,:()\-]*){1,14}$")


def is_latin_name(text: str) -> bool:
    """Words in Latin letters that do not end a sentence: a site's English name or slogan, an original
    title, printed in the header of a Chinese page.

    >>> is_latin_name("Ministry of Public Livelihood Security of the People's Republic of China")
    True
    >>> is_latin_name("The river rose two metres overnight."), is_latin_name("iPhone 15")
    (False, False)
    """
    return bool(_LATIN_NAME.match(text)) and not text.endswith((".", ",", ":")) and sum(c.isalpha() for c in text) >= 12


_LATIN_WORD = re.compile(r"[A-Za-z]{3}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff（）()·]{2,16}")


def is_bilingual_name(text: str) -> bool:
    """A site's name in Chinese and in Latin letters, between wide gaps: a masthead, however long.

    >>> is_bilingual_name("澳门海星大学　Universidade Estrela do Mar de Macau　Estrela do Mar University of Macau")
    True
    >>> is_bilingual_name("澳门海星大学　今天举行开学典礼，Universidade Estrela do Mar")
    False
    >>> is_bilingual_name("巴西华声报　Voz Chinesa do Brasil　　São Paulo, terça-feira, 17 de julho de 2012")
    True

    Beside an outlet's Chinese name a shorter English one will do:

    >>> is_bilingual_name("某湾日报　ZHIWAN DAILY　数字报"), is_bilingual_name("某某公司　Apple")
    (True, False)
    """
    if not _LATIN_WORD.search(text):  # most lines: no Latin word, no name in two scripts
        return False
    parts = [p for p in _WIDE_GAP.split(text.strip()) if p]
    outlet = any(is_outlet_name(p) for p in parts)

    def latin(part: str) -> bool:
        return is_latin_name(part) or (outlet and bool(_LATIN_NAME.match(part)) and " " in part)

    return (
        len(parts) >= 2 and any(map(latin, parts))
        and all(latin(p) or _HAN_NAME.fullmatch(p) or (not _HAN.search(p) and parse_date(p)) for p in parts)
    )


def _mostly_han(lines: "tuple[str, ...]") -> bool:
    """A Chinese page: more Han characters than Latin letters (an English page's header is its own).
    Asked only when a header line reads as an English name."""
    text = "".join(lines)
    return len(_HAN.findall(text)) > len(_LATIN_LETTERS.findall(text))


_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_LETTERS = re.compile(r"[A-Za-z]")


def _header_furniture(lines: list[str], headings: frozenset[str] = frozenset()) -> list[int]:
    """Short plain lines between an article's header (title and metadata) and its first paragraph:
    the widget row a page prints there (font size, listen, night mode …), whatever its words; not
    the page ``headings`` a table of pages names."""
    filled = _filled(lines)
    found: list[int] = []
    for k, index in enumerate(filled):
        text = lines[index].strip()
        if not (_closes_sentence(text) or starts_numbered_heading(text)) or (k and is_body_like(lines[filled[k - 1]])):
            continue
        m = _past_furniture(lines, filled, k)
        if m < k - 1 and m >= 0 and (title := _header_above(lines, filled, m)) is not None:
            # over the first paragraph, a phrase is a sub-heading when more follow, the headline when only the site's name tops the header
            more = _has_subheadings(lines, filled, k) or is_outlet_name(lines[filled[title]])
            found.extend(
                j for j in filled[m + 1 : k]
                if not (more and _subheading_shaped(lines[j].strip())) and lines[j].strip() not in headings and not _salutation(lines[j])
                and not _issued_lines(lines, j)
            )
        elif m == k - 1 and (between := _furniture_among_metadata(lines, filled, k)):
            found.extend(between)
        elif k >= 2 and is_button_row(lines[filled[k - 1]].strip()) and is_title_like(lines[filled[k - 2]]):
            found.append(filled[k - 1])  # under a title without metadata only a bar of short buttons is sure
    return found


# Short labels between bars (朗读 | 收藏, 分享｜打印): buttons, whatever they say.
_BAR_ROW = re.compile(r"^[^\s|｜，。！？：:]{1,6}(?:\s*[|｜]\s*[^\s|｜，。！？：:]{1,6})+$")
_ROW_SEPARATOR = re.compile(r"[\s|｜/·•]+")
_MIN_ROW_ITEMS = 3  # items between spaces that make a row: two may be a headline's halves
_ROW_ITEM = 8  # characters of a button or link label (a Latin word may take 12)


def is_button_row(text: str) -> bool:
    """Short labels between bars, or three or more between spaces, with no clause punctuation:
    a row of buttons or links (朗读 | 收藏, 大 中 小, Facebook Twitter LINE), whatever they say.

    Only where a page prints widgets (between a header and its first paragraph, after the
    last one) is that enough: inside an article such a row may be a table's.

    >>> is_button_row("朗读 | 收藏"), is_button_row("大 中 小"), is_button_row("寒冬送温暖 关爱暖人心")
    (True, True, False)
    >>> is_button_row("点赞 收藏，转发给朋友 评论")
    False
    """
    if _BAR_ROW.match(text):
        return True
    if _CLAUSE_PUNCT.search(text) or _is_metadata(text):  # 2024-01-05 10:30 来源：某报 is a header
        return False
    items = [item for item in _ROW_SEPARATOR.split(text) if item]
    return len(items) >= _MIN_ROW_ITEMS and all(
        len(item) <= (12 if item.isascii() else _ROW_ITEM) for item in items
    )


def _tails_between_articles(lines: list[str]) -> list[int]:
    """Lines between an article's last sentence (and its credits) and the title of the next
    article, when that title has metadata under it: the first article's page tail (navigation,
    related links, widgets) that a dump of several pages keeps between them."""
    filled = _filled(lines)
    found: list[int] = []
    for k, index in enumerate(filled):
        if not is_body_like(lines[index]) or not k or is_body_like(lines[filled[k - 1]]):
            continue
        m = k - 1
        while m >= 0 and not _is_metadata(lines[filled[m]].strip()) and _furniture_shaped(lines[filled[m]].strip(), _HEADER_FURNITURE):
            m -= 1  # header furniture, judged by _header_furniture
        title = _header_above(lines, filled, m) if m >= 0 else None
        if title is None:
            continue
        keep = title - 1 if title >= 2 and _is_subtitle_stack(lines, filled, title) else title
        start = keep
        while start > 0 and not _closes_sentence(lines[filled[start - 1]]):
            start -= 1
        if start == 0:
            continue  # no article above: the page's head, judged by the other rules
        tail = [j for j in filled[start:keep] if not SEPARATOR.match(lines[j].strip())]
        credits = [n for n, j in enumerate(tail) if _credits(lines[j].strip())]
        tail = tail[credits[-1] + 1 :] if credits else tail
        if len(tail) >= MIN_TAIL:
            found.extend(tail)
    return found


def _furniture_among_metadata(lines: list[str], filled: list[int], k: int) -> list[int]:
    """Short plain lines between two metadata lines of the header over ``filled[k]`` (date and
    source / 点击上方蓝字 关注我们 / 文/某某): a widget row the page printed among its credits. A
    line between the title and the first metadata line may be a subtitle and stays."""
    found: list[int] = []
    pending: list[int] = []
    m = k - 1
    while m >= 0:
        text = lines[filled[m]].strip()
        if _is_metadata(text):
            found, pending = found + pending, []
        elif len(found) + len(pending) < _MAX_HEADER_FURNITURE and _furniture_shaped(text, _HEADER_FURNITURE):
            pending.append(filled[m])
        else:
            break
        m -= 1
    return found if m >= 0 and is_title_like(lines[filled[m]]) else []


def _past_furniture(lines: list[str], filled: list[int], k: int) -> int:
    """The position in ``filled`` above ``filled[k]`` past at most two short furniture lines (-1 at the top)."""
    m = k - 1
    while m >= 0 and k - m <= _MAX_HEADER_FURNITURE and lines[filled[m]].strip() and _furniture_shaped(lines[filled[m]].strip(), _HEADER_FURNITURE):
        m -= 1
    return m


def _furniture_below_prose(lines: list[str], filled: list[int], k: int) -> list[int]:
    """Up to two short furniture lines right above ``filled[k]`` with a finished sentence above them."""
    m = _past_furniture(lines, filled, k)
    return filled[m + 1 : k] if m >= 0 and m < k - 1 and is_body_like(lines[filled[m]]) else []


def _tails_after_credits(lines: list[str], linked: frozenset[str] = frozenset()) -> list[int]:
    """Short lines after an article's closing credits (a date, source or editor line under its
    prose) up to the next article's title or the end of the dump: nothing there belongs to the
    article, so one widget line is enough. Prose reached first keeps them all, and so does a headline
    that a 下一篇 link named (``linked``)."""
    filled = _filled(lines)
    found: list[int] = []
    for k, index in enumerate(filled):
        fields = metadata_fields(lines[index].strip())
        if not (fields and fields.closes_article) or (k + 1 < len(filled) and _is_metadata(lines[filled[k + 1]].strip())):
            continue  # the last line of the credits
        first = k
        while first > 0 and _is_metadata(lines[filled[first - 1]].strip()):
            first -= 1
        above = lines[filled[first - 1]] if first else ""
        if not _closes_sentence(above) or is_title_like(above):
            continue
        tail: list[int] = []
        for j in filled[k + 1 :]:
            text = lines[j].strip()
            if SEPARATOR.match(text) or _heads_content(lines, j) or _heads_stack(lines, j) or (
                text in linked and _header_below(lines, j)
            ):
                break  # a headline the page's 下一篇 link named, over its header: the next article starts
            if is_body_like(text) or _is_metadata(text) or not (_furniture_shaped(text, _SHORT_LINE) or is_title_like(text)):
                tail = []
                break
            tail.append(j)
        found.extend(tail)
    return found


def _header_below(lines: list[str], index: int) -> bool:
    """A date, source or byline line within the next :data:`_STACK` lines (past a subtitle)."""
    following = index
    for _ in range(_STACK):
        following = _next_index(lines, following + 1)
        if following == len(lines):
            return False
        fields = metadata_fields(lines[following].strip())
        if fields and fields.heads_article:
            return True
    return False


_STACK = 2  # lines under a headline before its metadata: a subtitle


def _linked_titles(lines: "list[str] | tuple[str, ...]") -> frozenset[str]:
    """The titles that links name: previous/next links (下一篇：某某) and the bulleted items of a list (an
    e-paper's titles of the page). Printed again as a headline without the link, one starts an article."""
    titles = set()
    for line in lines:
        text = line.strip().lstrip("【[")
        if len(text) > 80:
            continue
        if text.startswith(variants(_NAV_PREFIXES)):
            titles.add(re.split("[:：]", text, maxsplit=1)[-1].strip())
        elif _BULLET.match(text):
            titles.add(text[1:].strip())
    return frozenset(titles)  # the lines that match one are judged where they stand


def _heads_stack(lines: list[str], index: int) -> bool:
    """``lines[index]`` is a headline over a shorter title-like line (a subtitle, a widget label)
    that heads content: the title of what follows, which :func:`_heads_content` does not see
    past the shorter line."""
    text = lines[index].strip()
    if len(text) < _MIN_HEADLINE or not is_title_like(text):
        return False
    below = _next_index(lines, index + 1)
    return (
        below < len(lines)
        and len(lines[below].strip()) < len(text)
        and is_title_like(lines[below])
        and _heads_content(lines, below)
    )


_MIN_DATED_ITEMS = 3  # headline/date pairs in a row that make a list of links, not articles


def _date_only(text: str) -> bool:
    fields = metadata_fields(text)
    return bool(fields and fields.date_only) and len(text) <= 24


def _dated_link_lists(lines: list[str]) -> list[int]:
    """Runs of headlines each over a bare date line (某某发布新规 / 2019-09-06), after some prose:
    a list of links with their dates. Each pair looks like an article header, but none has a body;
    a last pair with prose under it is the next article's header and stays."""
    filled = _filled(lines)
    found: list[int] = []
    k = 0
    seen_prose = False
    while k < len(filled):
        seen_prose = seen_prose or is_body_like(lines[filled[k]])
        m = k
        while m + 1 < len(filled) and is_title_like(lines[filled[m]]) and _date_only(lines[filled[m + 1]].strip()):
            m += 2
        pairs = filled[k:m]
        if m < len(filled) and is_body_like(lines[filled[m]]):
            pairs = pairs[:-2]
        if seen_prose and len(pairs) >= 2 * _MIN_DATED_ITEMS:
            found.extend(pairs)
        k = max(m, k + 1)
    return found


def _is_subtitle_stack(lines: list[str], filled: list[int], title: int) -> bool:
    """Exactly two title-like lines above a header's metadata: a title and its subtitle."""
    above = lines[filled[title - 1]].strip()
    further = lines[filled[title - 2]].strip()
    return is_title_like(above) and not is_title_like(further)


# Blocks only a page's end holds: once one lies between an article's prose and the end of the
# dump, the few sentences left after it are the page's notices, not the article.
_PAGE_END_RULES = frozenset({"nav-link", "related-block", "footer", "notice-block", "comment-thread", "stamped-feed"})
_MAX_TAIL_NOTICES = 3  # prose lines after the page's end blocks: more is an article going on


def _notices_after_page_end(lines: list[str], dropped: dict[int, str]) -> list[int]:
    """The prose lines that end the dump after a block only a page's end holds (previous/next links,
    related articles, a footer: ``dropped``, line -> rule), when they are few: disclaimers and
    notices between and after such blocks, whatever their words. A short line among them (a
    title, a label) may start another article, so it keeps them all; so does a dump with no
    prose above the block.
    """
    filled = _filled(lines)
    # only a block below the last few lines leaves few enough after it: the others need no look
    last_few = filled[-_MAX_TAIL_NOTICES - 1] if len(filled) > _MAX_TAIL_NOTICES else -1
    for end in sorted(j for j, rule in dropped.items() if rule in _PAGE_END_RULES and j > last_few):
        tail = [j for j in filled if j > end]
        if all(is_body_like(lines[j]) for j in tail):
            return tail if any(is_body_like(lines[j]) for j in filled if j < end) else []
    return []


def _lists_after_page_end(lines: list[str], dropped: dict[int, str]) -> list[int]:
    """Lines without prose after a block only a page's end holds, up to the next such block or the
    end of the dump: headlines, their dates and labels left between a related list, a comment
    thread and a footer (a sidebar flattened line by line). Without a paragraph among them they
    cannot be an article; credits that name someone stay, and so does everything before the
    dump's first prose."""
    found: list[int] = []
    pending: list[int] = []
    seen_prose = after_end = False
    for j, line in enumerate(lines):
        if dropped.get(j) in _PAGE_END_RULES:
            found.extend(pending if after_end else ())
            pending, after_end = [], seen_prose
        elif not line.strip():
            continue
        elif is_body_like(line):
            pending, after_end, seen_prose = [], False, True
        elif after_end and not ((fields := metadata_fields(line.strip())) and fields.names_someone):
            pending.append(j)
    return found + (pending if after_end else [])


_MAIL_HEADER = re.compile(
    r"^(?:发件人|發件人|寄件者|收件人|收件者|抄送|副本|密送|密件副本|From|To|Cc|Bcc|Reply-To|Sender)\s*[:：].*@[\w-]+\.", re.I
)


def is_mail_header(line: str) -> bool:
    """A mail's sender or recipient line, saved with a newsletter: an address, never the article.

    >>> is_mail_header("收件人: reader20871@example.net"), is_mail_header("From: 早报 <morning@example.cn>")
    (True, True)
    >>> is_mail_header("收件人：社区居民")
    False
    """
    return bool(_MAIL_HEADER.match(line))


_ARROW_LINK = re.compile(r"(?<![。！？!?])\s*(?:>>|»|＞＞|>>>)\s*$")
_LONGEST_ARROW_LINK = 60  # characters: a promotion or "more" link, not a paragraph that ends oddly


def is_arrow_link(line: str) -> bool:
    """A link that ends in an arrow: a promotion or a "more" link (订阅全年12期，立享8折 >>, 点击进入>>).

    >>> is_arrow_link("订阅《山河行记》全年12期，立享8折 >>"), is_arrow_link("他说：“向前走。”")
    (True, False)
    """
    text = line.strip()
    return len(text) <= _LONGEST_ARROW_LINK and bool(_ARROW_LINK.search(text))


_AD_LABEL = re.compile(r"^\s*[\[【［〔(（](?:广告|廣告|推广|推廣|赞助|贊助|AD|Ad)[\]】］〕)）]")


def is_advert(line: str) -> bool:
    """An advertisement the page marks as one: ``【广告】某某银行限时优惠，详询…``.

    >>> is_advert("【广告】某某银行“安居贷”限时优惠，首套房贷利率低至3.45%。"), is_advert("广告公司老板李某说，……。")
    (True, False)
    """
    return bool(_AD_LABEL.match(line))


LineRule = Callable[[str], bool]
_LINE_RULES: tuple[tuple[str, LineRule, str], ...] = (
    ("widget", is_widget_line, "share/print/font-size/navigation widget"),
    ("footer", is_footer_line, "copyright, ICP or contact footer"),
    ("nav-link", is_nav_line, "link to the previous/next article"),
    ("link-list", is_link_list, "menu or tag bar: short links between separators"),
    ("tag-line", is_tag_line, "tag bar: a keywords label and its links"),
    ("ticker", is_ticker_line, "market ticker: prices and their changes"),
    ("related-link", is_related_link, "a related article linked inline under its label"),
    ("forum-furniture", is_forum_furniture, "a forum's edit note or poster counters"),
    ("page-number", is_page_number, "the number of a printed or exported page (— 2 —, 第2页)"),
    ("mail-header", is_mail_header, "a mail's sender or recipient line (a newsletter saved as text)"),
    ("advert", is_advert, "an advertisement marked as one"),
    ("arrow-link", is_arrow_link, "a promotion or more-link ending in an arrow (>>)"),
)
_SENTENCE_RULES = tuple(r for r in _LINE_RULES if r[0] in ("footer", "nav-link", "advert", "arrow-link"))  # what a sentence can be

# ---------------------------------------------------------------- batch: lines repeated across files

MIN_COMMON_LENGTH = 4  # characters: shorter lines (一、, 图片, 评论) are too generic to judge by repetition


def _may_be_common(text: str) -> bool:
    """Lines that repetition across files may condemn: not metadata (dates, bylines and
    editor lines repeat legitimately and belong to segmentation), not prose (a story
    reprinted in several files must survive) and not a numbered heading."""
    return (
        len(text) >= MIN_COMMON_LENGTH
        and not is_body_like(text)
        and not starts_numbered_heading(text)
        and not _is_metadata(text)
    )


def common_lines(texts: Iterable[str], min_files: int) -> frozenset[str]:
    """Lines (stripped) found in at least ``min_files`` of ``texts``: a site's chrome —
    its name, menus, widget rows and footers — which every page of the site repeats.

    >>> pages = [f"网站导航 首页 新闻\\n第{i}篇文章的标题\\n正文{i}，内容各不相同。\\n2024-01-0{i}" for i in range(1, 4)]
    >>> sorted(common_lines(pages, 3))
    ['网站导航 首页 新闻']
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({line.strip() for line in text.split("\n")} - {""})
    return frozenset(line for line, n in counts.items() if n >= min_files and _may_be_common(line))


_CLAUSE_BREAK = re.compile(r"[。！？；，、：,;!?:“”\"'「」『』（）()\s]+")  # quotes and brackets too: a copy may cut them off
_MIN_CLAUSE = 4  # characters: shorter clauses (据悉, 他说) repeat in any article


class _SeenProse:
    """The dump's prose so far, to catch a paragraph printed twice (a print or mobile copy of the
    article below the first), also when the copy is cut into paragraphs at other places: every
    clause of a repeat was read before."""

    def __init__(self) -> None:
        self.lines: set[str] = set()
        self.clauses: set[str] = set()

    def seen(self, text: str) -> bool:
        """``text`` was read before, whole or clause by clause (at least two of them long enough to
        tell); it is remembered either way."""
        if text in self.lines:
            return True
        self.lines.add(text)
        clauses = [c for c in _CLAUSE_BREAK.split(text) if len(c) >= 2]
        repeat = all(c in self.clauses for c in clauses) and sum(len(c) >= _MIN_CLAUSE for c in clauses) >= 2
        self.clauses.update(clauses)
        return repeat


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Drop furniture lines, blocks and inline debris; lines of ``options.common_lines`` too."""
    lines = list(doc.lines)
    edits: list[Edit] = []
    hints = doc.hints
    extra = variants(tuple(options.extra_boilerplate))
    protected = variants(tuple(options.protect))
    common = options.common_lines
    tabled = table_rows(lines)  # a table the text introduces, made rows by the step before

    inline: dict[int, list[Edit]] = {}  # debris removed inside lines, by line

    def protected_line(index: int) -> bool:
        return index in tabled or any(p in lines[index] for p in protected)

    def drop(index: int, rule: str, reason: str) -> None:
        # every rule drops through here, so a protected line stays whichever rule (or block) took it
        if protected_line(index):
            return
        # a line that lost debris first goes as one edit of the line as received (edits never overlap)
        before = doc.lines[index] if inline.pop(index, None) else lines[index]
        edits.append(line_edit(PASS, rule, index, before, "", reason))
        lines[index] = ""

    def by_line_rules(index: int, text: str, rules) -> bool:
        for rule, test, reason in rules:
            if test(text):
                drop(index, rule, reason)
                return True
        return False

    def drop_block(start: int, end: int, rule: str, reason: str) -> int:
        for j in range(start, end):
            if lines[j].strip():
                drop(j, rule, reason)
        return end

    joins, gaps = timed_entries(lines)
    for index, below in joins:  # 11:42 over its entry: one paragraph, the time first
        if not (protected_line(index) or protected_line(below)):
            entry = " " + lines[below].strip()
            inline[index] = [Edit(PASS, "entry-time", index, len(lines[index]), len(lines[index]), "", entry, "the entry under its time, joined to it")]
            edits.append(line_edit(PASS, "entry-time", below, lines[below], "", "moved up to the time that heads it"))
            lines[index], lines[below] = lines[index] + entry, ""
    for index, start, end in reversed(gaps):  # right to left, so earlier spans stay where they were
        inline.setdefault(index, []).insert(0, Edit(PASS, "entry-time", index, start, end, lines[index][start:end], " ", "one space between an entry's time and its text"))
        lines[index] = lines[index][:start] + " " + lines[index][end:]
    for index, line in enumerate(lines):
        if not line.strip() or protected_line(index) or index in inline:
            continue
        colon = "：" if index + 1 < len(lines) and bare_label(line) else ""  # 發布單位 over 環境保護局: a label without its colon
        if (colon or line.rstrip().endswith((":", "："))) and index + 1 < len(lines) and with_dangling_value(line + colon, lines[index + 1]):
            # 作者： over 安东尼 (a page flattened one text node a line): one metadata line, as printed on the page
            value = colon + lines[index + 1].strip()
            inline[index] = [Edit(PASS, "label-value", index, len(line), len(line), "", value, "a label's value from the next line")]
            edits.append(line_edit(PASS, "label-value", index + 1, lines[index + 1], "", "moved up to its label"))
            lines[index], lines[index + 1] = line + value, ""
            continue
        new, spans = clean_inline(line)
        if spans:
            inline[index] = [Edit(PASS, rule, index, start, end, text, "", "table, image, HTML or button debris") for rule, start, end, text in spans]
        lines[index] = new

    linked = _linked_titles(lines)  # before the links themselves are dropped
    titled = _page_titled(lines)
    headings = page_headings(lines)
    for chain, root in split_breadcrumbs(lines):
        if root and hints.source is None:
            hints = replace(hints, source=root)
        for j in chain:
            drop(j, "breadcrumb", "breadcrumb navigation, one crumb per line")

    han_page: Optional[bool] = None  # whether the page is Chinese, found out when first needed
    seen_prose = _SeenProse()
    header_lines: set[str] = set()  # title-like lines above the first paragraph of the current article
    in_header = True
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.strip()
        if SEPARATOR.match(text):
            header_lines, in_header = set(), True
        if not text or protected_line(index) or SEPARATOR.match(text):
            index += 1
            continue
        post = forum_post(text)
        if post:
            above = _previous_index(lines, index - 1)
            first = above if above >= 0 and _poster_name(lines[above].strip()) else index
            if post == "reply" and not in_header:
                index = drop_block(first, _thread_end(lines, first, _forum_reply_stamp), "forum-replies", "replies under a forum thread's opening post")
                continue
            if first < index:
                drop(first, "forum-poster", "the poster's name over a forum post")
        if _is_metadata(text):
            index += 1
            continue
        if (
            not in_header and text not in header_lines and _heads_metadata(lines, index)
            and not _over_post_stamp(lines, index) and not signs_notice(lines, index)
        ):
            # another article's header (a print copy repeats the same title): its prose is no repeat
            seen_prose, header_lines = _SeenProse(), set()
        if summary_teaser(lines, index):
            drop(index, "summary-teaser", "a summary that repeats the opening of the text below it, cut off")
            index += 1
            continue
        if (bio := bio_box(text)) is not None:
            index = drop_block(index, _bio_end(lines, index) if bio else index + 1, "bio-box", "a box about the author or expert, beside the text")
            continue
        if "。" in text and is_body_like(text):  # a sentence: only repetition, footer and nav rules can fit it
            if seen_prose.seen(text):
                drop(index, "duplicate-paragraph", "repeats a paragraph earlier in the dump (print or mobile copy)")
            elif not by_line_rules(index, text, _SENTENCE_RULES):
                if in_header and is_title_like(text):
                    header_lines.add(text)
                in_header = False
            index += 1
            continue
        thread_end = _thread_end(lines, index) if not in_header and comment_header(text) else index
        if thread_end > index:
            index = drop_block(index, thread_end, "comment-thread", "reader comments under their header")
            continue
        if related_header(text) or (not in_header and unlabelled_related_header(lines, index)):
            index = drop_block(index, _related_block_end(lines, index), "related-block", "related-articles block")
            continue
        if notice_header(text):
            index = drop_block(index, _notice_end(lines, index), "notice-block", "legal notice (copyright, disclaimer)")
            continue
        if is_debris(text):
            drop(index, "table-debris", "separator, placeholder or machine-token debris")
            index += 1
            continue
        root = breadcrumb_root(text) if index not in titled else None  # 标题 - 频道 - 网站 names the headline: segmentation reads it
        if root is None and in_header and index not in titled:
            following = _next_index(lines, index + 1)
            root = header_crumbs(text) if following < len(lines) and is_title_like(lines[following]) else None
        if root is not None:
            if root and hints.source is None:
                hints = replace(hints, source=root)
            drop(index, "breadcrumb", "breadcrumb navigation")
            index += 1
            continue
        if any(word in text for word in extra) and not is_body_like(text):
            drop(index, "configured", "matches a configured boilerplate phrase")
            index += 1
            continue
        if is_body_like(text) and seen_prose.seen(text):
            drop(index, "duplicate-paragraph", "repeats a paragraph earlier in the dump (print or mobile copy)")
            index += 1
            continue
        if text in common and _may_be_common(text) and not _heads_content(lines, index):
            drop(index, "common-line", "seen in many files of the batch (site chrome)")
            index += 1
            continue
        if in_header and (card := author_card(lines, index)) and not _byline_below(lines, index):
            name, about = card
            if not protected_line(name) and name not in inline:  # one edit per line: never over inline debris
                # a person's name is the author; an account's (某某民生汇, 某某融媒) is the source it posts for
                label, whose = ("来源：", "the source") if _account_name(lines[name].strip()) else ("作者：", "the author")
                inline.setdefault(name, []).append(Edit(PASS, "author-card", name, 0, 0, "", label, f"the name over a follow button: {whose}"))
                lines[name] = label + lines[name]
            if about is not None:
                drop(about, "author-card", "a line about the author on their card")
        # an English name in the header; a masthead in two scripts anywhere (a next page's header)
        if (in_header and is_latin_name(text)) or (("\u3000" in text or "  " in text) and is_bilingual_name(text)):
            han_page = _mostly_han(doc.lines) if han_page is None else han_page
            if han_page:
                drop(index, "latin-name", "an English name or slogan in a Chinese page's header (masthead, original title)")
                index += 1
                continue
        if _SECTION_LABEL.match(text):
            drop(index, "section-label", "a label over the text under it (留言内容：, 回复内容：)")
            index += 1
            continue
        if in_header and _COUNTER.fullmatch(text) and not _sentence_above(lines, index):
            drop(index, "counter", "a bare count above the article (views, comments, shares)")
            index += 1
            continue
        if not by_line_rules(index, text, _LINE_RULES):
            if text in header_lines and not in_header and index not in titled:  # a next page's own title stays
                drop(index, "repeated-title", "repeats the title or subtitle of the article")
            elif in_header and is_title_like(text):
                header_lines.add(text)
            in_header = in_header and not is_body_like(text)
        index += 1
    for start, end in _chrome_runs(lines):
        for j in range(start, end):
            if lines[j].strip() and j not in titled and not _keeps_in_run(lines, j, linked):
                drop(j, "chrome-run", "one of a run of short lines without sentences (menu, link list)")
    for j in _column_rows(lines):
        drop(j, "text-table", "rows of a listing laid out in columns of spaces (a text-mode page's index or menu)")
    for j in _translations(lines):
        drop(j, "translation", "an English translation under the Chinese line it renders (a bilingual page)")
    for start, end in _stamped_feeds(lines):
        drop_block(start, end, "stamped-feed", "a feed of time-stamped posts or comments after the article")
    for j in _dated_link_lists(lines):
        drop(j, "dated-link-list", "headlines each over a bare date, without a body (a list of links)")
    for j in (j for j in _tails_between_articles(lines) if j not in titled):
        drop(j, "between-articles", "short line between an article's last paragraph and the next title (page tail)")
    for j in _tails_after_credits(lines, linked):
        if lines[j].strip():
            drop(j, "after-credits", "short line after an article's closing credits (page tail)")
    for j in _header_furniture(lines, headings):
        if lines[j].strip() and j not in titled:  # the headline the page's title names is no widget
            drop(j, "header-furniture", "short plain line between the header's metadata and the first paragraph")
    filled = _filled(lines)
    for a, b, after in zip(filled, filled[1:], filled[2:] + [len(lines)]):
        if is_nav_pair(lines[a], lines[b]) and (after == len(lines) or not is_body_like(lines[after])):
            for j in _furniture_below_prose(lines, filled, filled.index(a)):
                drop(j, "before-nav", "short line between the last paragraph and the previous/next links")
            drop(a, "nav-link", "link to the previous/next article")
            drop(b, "nav-link", "link to the previous/next article")
    start = _after_body(lines, tabled)
    tail = [j for j in range(start, len(lines)) if lines[j].strip() and not SEPARATOR.match(lines[j].strip())]
    # lines this pass already took from the tail (debris, footers) count as evidence of a page footer
    if tail and len([j for j in range(start, len(lines)) if doc.lines[j].strip() and not _closes_sentence(doc.lines[j])]) >= MIN_TAIL:  # one short closing line is a credit or caption, not a page footer
        for j in tail:
            drop(j, "after-body", "short line after the last paragraph and its credits (page footer area)")
    dropped = {edit.line: edit.rule for edit in edits}
    for j in _notices_after_page_end(lines, dropped):
        drop(j, "after-page-end", "prose after the page's end (previous/next links, related list, footer): a notice")
    for j in _lists_after_page_end(lines, dropped):
        drop(j, "list-after-page-end", "line without prose after the page's end (related list, comments, footer): a sidebar list")
    if hints != doc.hints:
        doc = replace(doc, hints=hints)
    return doc.with_lines(lines), [e for index in sorted(inline) for e in inline[index]] + edits
