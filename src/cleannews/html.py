"""HTML input: detect pages, pull out the article body and its metadata hints.

Scraped Chinese news pages carry far more navigation, related-link lists,
share widgets, comment areas and ICP/copyright footers than article text.
:func:`extract` finds the article with a general density method tuned for
Chinese, with no per-site rules:

* the page is linearised into text *blocks* (``p``, ``div`` text, ``td``,
  ``br``-separated lines, headings), each with its length, its link text and
  its count of Chinese punctuation (``，。！？；：、“”``);
* every block gets a score: prose (punctuation, few links) counts for its
  length, link lists and short punctuation-less widget lines count against;
* every block-level element scores the sum of the blocks below it, and the
  best-scoring element is the content node: it is the smallest subtree that
  holds most of the prose and little of the chrome around it (the same idea as
  GNE's text/punctuation density and readability's candidate scoring);
* sibling elements that are themselves prose-like (a second page of
  paragraphs in a sibling ``div``) are added, then the blocks are filtered
  (link-heavy lines, share/comment containers, byline and title repeats,
  short boilerplate such as 责任编辑 or 返回顶部).

Metadata (title, date, author, source) comes from meta tags first and from
visible bylines near the top of the article second; see :func:`extract`.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from cleannews.document import Hints
from cleannews.metadata import parse_date

__all__ = ["looks_like_html", "extract", "naive_text_dump"]

# ---------------------------------------------------------------- detection

_PAGE_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_TAG_RE = re.compile(
    r"</?(?:p|br|div|span|a|td|tr|table|tbody|li|ul|ol|img|h[1-6]|strong|b|i|em|font|"
    r"center|section|article|meta|script|style|iframe|blockquote|pre|hr|dl|dt|dd|form|input|"
    r"link|title)(?:\s[^<>]*)?/?>",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """True for an HTML page or a fragment whose structure is markup.

    Conservative, because a plain dump may well contain a lone ``<`` or stray
    tags left by its scraper (``<div></div>`` between paragraphs, which the
    boilerplate pass removes): it takes a page marker (doctype, ``<html>``,
    ``<body>``) or at least two recognised tags and one for every two lines.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>正文</p></body></html>")
    True
    >>> looks_like_html("第一段<br>第二段<br/>第三段")
    True
    >>> looks_like_html("<p>一段</p>")
    True
    >>> looks_like_html("若 a < b，则 b > a。")
    False
    >>> looks_like_html("标题《新闻》<注>")
    False
    >>> looks_like_html(chr(10).join(["标题", "<div></div>", "第一段。", "第二段。", "<br />", "第三段。", "第四段。"]))
    False
    """
    head = text[:200000]
    if _PAGE_RE.search(head[:5000]):
        return True
    lines = sum(1 for line in head.split("\n") if line.strip())
    tags = len(_TAG_RE.findall(head))
    return tags >= 2 and 2 * tags >= lines


# ---------------------------------------------------------------- parsing helpers

_SKIP = frozenset(
    "script style noscript template iframe frame frameset object embed svg canvas select option "
    "textarea button input map area audio video source track link meta head title nav aside "
    "footer math applet param base".split()
)
_BLOCK = frozenset(
    "address article blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu ol p pre section summary "
    "table tbody thead tfoot tr td th caption ul legend".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_MAX_DEPTH = 300

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_PUNCT = set("，。！？；：、“”‘’「」『』（）《》…—")
_STRONG_PUNCT = set("，。！？；")
_NEWLINE_IN_CJK = re.compile(rf"(?<=[{_CJK}，。！？；：、“”])[ \t]*[\r\n]\s*(?=[{_CJK}，。！？；：、“”])")
_WS = re.compile(r"[\s\u00a0\u200b\ufeff]+")

_NEG_PREFIX = (
    "comment", "share", "footer", "nav", "sidebar", "related", "relate", "recommend", "breadcrumb",
    "crumb", "copyright", "menu", "advert", "social", "pinglun", "fenxiang", "toolbar", "banner",
    "hotnews", "rank", "login", "reply", "xgxw", "xgyd", "disclaimer", "statement", "jubao",
)
_NEG_EXACT = frozenset("ad ads gg foot side tags tag hot bottom top header login more".split())
_POS_RE = re.compile(r"article|content|main|text|body|detail|zhengwen|story|post|entry|news", re.I)


def _negative(attrs: dict) -> bool:
    """Class/id names that mark chrome (share bars, comments, related lists, footers).

    >>> _negative({"class": "share-bar"})
    True
    >>> _negative({"id": "article_content"})
    False
    >>> _negative({"class": "photo"})
    False
    """
    names = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
    if not names:
        return False
    for token in re.split(r"[\s_\-]+", names.lower()):
        if not token:
            continue
        if token in _NEG_EXACT or token.startswith(_NEG_PREFIX):
            return True
    return False


def _hidden(attrs: dict) -> bool:
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or "hidden" in attrs


class _El:
    """A block-level element of the linearised page (only what the scorer needs)."""

    __slots__ = ("tag", "parent", "children", "negative", "score", "order", "pos", "neg")

    def __init__(self, tag: str, parent: Optional["_El"], negative: bool, order: int):
        self.tag = tag
        self.parent = parent
        self.children: list[_El] = []
        self.negative = negative
        self.score = 0.0
        self.pos = 0.0
        self.neg = 0.0
        self.order = order
        if parent is not None:
            parent.children.append(self)


class _Block:
    """One paragraph of visible text and the numbers used to judge it."""

    __slots__ = ("text", "length", "link", "punct", "owner", "heading", "index")

    def __init__(self, text: str, link: int, owner: _El, heading: bool, index: int):
        self.text = text
        compact = "".join(text.split())
        self.length = len(compact)
        self.link = min(link, self.length)
        self.punct = sum(1 for ch in compact if ch in _PUNCT)
        self.owner = owner
        self.heading = heading
        self.index = index

    @property
    def link_density(self) -> float:
        return self.link / self.length if self.length else 0.0


def _clean_piece(text: str) -> str:
    """Whitespace as a browser shows it; a line break between two Chinese characters vanishes.

    >>> _clean_piece("中国\\n  人民  bank\\xa0 x")
    '中国人民 bank x'
    """
    text = _NEWLINE_IN_CJK.sub("", text)
    return _WS.sub(" ", text)


class _Linearizer:
    """Walk the DOM once, producing blocks and the tree of block-level elements."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.buf: list[str] = []
        self.link = 0
        self.count = 0
        self.root = _El("root", None, False, 0)

    def new_el(self, tag: str, parent: _El, negative: bool) -> _El:
        self.count += 1
        return _El(tag, parent, negative, self.count)

    def flush(self, owner: _El, heading: bool = False) -> None:
        if not self.buf:
            return
        text = "".join(self.buf).strip(" ")
        text = text.strip()
        link = self.link
        self.buf = []
        self.link = 0
        if text and any(not ch.isspace() for ch in text):
            self.blocks.append(_Block(text, link, owner, heading, len(self.blocks)))

    def walk(self, node, owner: _El, in_link: bool, depth: int) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                raw = child.text_content or ""
                if raw:
                    piece = _clean_piece(raw)
                    if self.buf and self.buf[-1].endswith(" ") and piece.startswith(" "):
                        piece = piece[1:]
                    if piece:
                        self.buf.append(piece)
                        if in_link:
                            self.link += len("".join(piece.split()))
            elif tag and not tag.startswith("-") and tag not in _SKIP:
                attrs = _attrs(child)
                if not _hidden(attrs):
                    if tag == "br" or tag == "hr":
                        self.flush(owner)
                    elif tag == "img":
                        pass
                    elif depth > _MAX_DEPTH:
                        text = child.text(deep=True, separator=" ") or ""
                        self.buf.append(_clean_piece(text))
                    elif tag in _BLOCK:
                        self.flush(owner)
                        el = self.new_el(tag, owner, _negative(attrs))
                        self.walk(child, el, in_link, depth + 1)
                        self.flush(el, heading=tag in _HEADINGS)
                    else:
                        if tag == "a":
                            self.walk(child, owner, True, depth + 1)
                        else:
                            self.walk(child, owner, in_link, depth + 1)
            child = child.next


def _attrs(node) -> dict:
    try:
        return {k: (v or "") for k, v in node.attributes.items()}
    except Exception:  # pragma: no cover - odd attribute encodings
        return {}


def _parse(html: str):
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(html)


def _linearize(tree) -> _Linearizer:
    lin = _Linearizer()
    body = tree.body if tree.body is not None else tree.root
    if body is not None:
        lin.walk(body, lin.root, False, 0)
        lin.flush(lin.root)
    return lin


# ---------------------------------------------------------------- scoring

_BOILER_RE = re.compile(
    r"^[\s【\[（(]*(责任编辑|责编|编辑|来源|分享到|分享|打印|关闭|返回顶部|返回首页|相关阅读|相关新闻|相关文章|"
    r"上一篇|下一篇|扫一扫|扫描二维码|点击|版权所有|版权声明|免责声明|copyright|©|举报|纠错|收藏|评论|"
    r"发表评论|我要评论|网友评论|字号|字体|推荐阅读|热门推荐|更多|关注我们|微信|微博|本文地址|原标题|"
    r"标签|关键词|图片来源|ICP|[京沪粤浙苏]ICP|当前位置|您的位置|您现在的位置|您当前的位置|反侵权公告)",
    re.I,
)
# The header of a legal notice (copyright, disclaimer): it and all after it close the page.
_NOTICE_RE = re.compile(r"^[\s【\[（(]*(?:反侵权公告|版权声明|免责声明|特别声明|郑重声明|侵权声明)[\s】\]）)：:]*$")
_BYLINE_WORDS = re.compile(r"来源|作者|记者|编辑|发布时间|发表时间|发布[:：]|时间[:：]|日期|稿源|通讯员|浏览|阅读|点击|来自[:：]")


_LINK_PENALTY = 1.0


def _prose_like(b: _Block) -> bool:
    """Sentences, not a list of headlines: at least one 。！？，； per 25 characters."""
    strong = sum(1 for ch in b.text if ch in _STRONG_PUNCT)
    return strong >= 3 and strong * 25 >= b.length


def _block_score(b: _Block) -> float:
    """How much a block looks like article prose (+) or page chrome (-)."""
    if b.length == 0:
        return 0.0
    if b.link_density > 0.5:
        if b.length >= 50 and _prose_like(b):
            return float(b.length)  # prose wrapped in a link (old BBS pages)
        return -_LINK_PENALTY * b.length
    text_len = b.length - b.link
    if b.punct == 0:
        if b.heading:
            return 0.0
        if text_len < 20:
            return -0.5 * b.length
        return 0.2 * text_len - b.link
    strong = sum(1 for ch in b.text if ch in _STRONG_PUNCT)
    bonus = 1.0 + min(strong, 10) * 0.05
    return text_len * bonus - 2.0 * b.link


def _score_tree(lin: _Linearizer) -> None:
    for b in lin.blocks:
        s = _block_score(b)
        el = b.owner
        neg = False
        while el is not None:
            if el.negative:
                neg = True
            v = -abs(s) * 0.5 if (neg and s > 0) else s
            el.score += v
            if v > 0:
                el.pos += v
            else:
                el.neg -= v
            el = el.parent


def _descendants(el: _El) -> Iterable[_El]:
    stack = [el]
    while stack:
        cur = stack.pop()
        yield cur
        stack.extend(reversed(cur.children))


def _best_node(lin: _Linearizer) -> _El:
    """The block-level element with the best prose-minus-chrome score (first one on ties)."""
    best = lin.root
    for el in _descendants(lin.root):
        if el.score > best.score:
            best = el
    return best


def _inside(el: _El, chosen: set[int]) -> Optional[_El]:
    """The chosen ancestor of ``el`` (by identity), or None."""
    cur: Optional[_El] = el
    while cur is not None:
        if id(cur) in chosen:
            return cur
        cur = cur.parent
    return None


def _under_negative(el: _El, top: _El) -> bool:
    cur: Optional[_El] = el
    while cur is not None and cur is not top:
        if cur.negative:
            return True
        cur = cur.parent
    return False


def _is_byline(text: str) -> bool:
    """A short line with a date and/or 来源/作者 words: metadata, not body.

    >>> _is_byline("2021年08月25日16:51 来源：新华网")
    True
    >>> _is_byline("他说，2021年8月25日是一个好日子，大家都很开心，我们一起去公园玩了很久很久。")
    False
    """
    compact = "".join(text.split())
    if len(compact) > 80:
        return False
    has_date = parse_date(compact) is not None
    words = len(_BYLINE_WORDS.findall(compact))
    strong = sum(1 for ch in compact if ch in "。！？")
    if strong:
        return False
    return (has_date and (words >= 1 or len(compact) < 30)) or words >= 2


def _content_blocks(lin: _Linearizer, title: Optional[str]) -> list[str]:
    if not lin.blocks:
        return []
    best = _best_node(lin)
    if best.score <= 0:
        return []
    chosen = [best]
    parent = best.parent
    if parent is not None:
        for sib in parent.children:
            if sib is best or sib.negative:
                continue
            if sib.score > max(40.0, 0.15 * best.score):
                chosen.append(sib)
    ids = {id(c) for c in chosen}
    title_compact = "".join(title.split()) if title else None
    out: list[str] = []
    seen_body = False
    for b in lin.blocks:
        top = _inside(b.owner, ids)
        if top is None:
            continue
        if _under_negative(b.owner, top):
            continue
        if b.link_density > 0.5 and not (b.length >= 50 and _prose_like(b)):
            continue
        compact = "".join(b.text.split())
        if seen_body and _NOTICE_RE.match(b.text):
            break
        if title_compact and compact == title_compact:
            continue
        if b.length <= 40 and b.punct <= 2 and _BOILER_RE.match(b.text):
            continue
        if _is_byline(b.text) and (not seen_body or len(_BYLINE_WORDS.findall(b.text)) >= 2):
            continue  # a byline of labelled fields is one wherever it sits
        if b.length >= 20 and b.punct:
            seen_body = True
        out.append(b.text)
    # trailing chrome after the prose: short punctuation-less lines at the very end
    while out and _is_tail_chrome(out[-1]):
        out.pop()
    return out


def _is_tail_chrome(text: str) -> bool:
    compact = "".join(text.split())
    if _is_byline(text) and len(compact) < 40:
        return True
    return len(compact) <= 40 and bool(_BOILER_RE.match(text)) or bool(
        re.match(r"^[（(\[【]?\s*(责任编辑|责编|编辑|作者|来源)", compact)
    )


# ---------------------------------------------------------------- metadata

_TITLE_SEPS = re.compile(r"\s*(?:_|\||｜|--|—|–| - |-(?=[^-]*$)|::)\s*")


def _meta(tree) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.css("meta"):
        a = _attrs(node)
        key = (a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv") or "").strip().lower()
        val = (a.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _text_of(node) -> str:
    try:
        return _WS.sub(" ", node.text(deep=True, separator="") or "").strip()
    except Exception:  # pragma: no cover
        return ""


def _pick_title(tree, meta: dict[str, str]) -> Optional[str]:
    """og:title, then an ``<h1>`` confirmed by ``<title>``, then ``<title>`` minus a confirmed site suffix."""
    raw_title = ""
    node = tree.css_first("title")
    if node is not None:
        raw_title = _text_of(node)
    og = meta.get("og:title", "").strip()
    h1s = [_text_of(n) for n in tree.css("h1")]
    h1s = [h for h in h1s if h]
    heads = [_text_of(n) for n in tree.css("h2, h3, [class*=title], [id*=title]")[:50]]
    compact_title = "".join(raw_title.split())
    for h in h1s:
        ch = "".join(h.split())
        if len(ch) >= 4 and compact_title.startswith(ch):
            return h
    compact_og = "".join(og.split())
    if og and not (compact_title and compact_og in compact_title and not compact_title.startswith(compact_og)):
        # an og:title found only at the end of <title> is the site name, not the headline
        return og
    if raw_title:
        parts = [p for p in _TITLE_SEPS.split(raw_title) if p and p.strip()]
        if len(parts) > 1:
            for h in heads + h1s:
                ch = "".join(h.split())
                if ch and len(ch) >= 4 and compact_title.startswith(ch):
                    return h
        return raw_title
    if h1s:
        return h1s[0]
    return None


_DATE_META = (
    "article:published_time", "og:article:published_time", "og:release_date", "pubdate", "publishdate",
    "publish_date", "publishtime", "publish-date", "published_time", "datepublished", "article:published",
    "dc.date.issued", "dc.date", "dcterms.created", "date", "sailthru.date", "parsely-pub-date",
    "weibo:article:create_at", "datecreated", "release_date", "article:modified_time", "dateupdate",
    "datemodified", "og:updated_time", "lastmodified",
)
_AUTHOR_RE = re.compile(
    rf"(?:作者|撰文|文|记者|文/|采写|撰稿)\s*[:：/｜|]\s*([{_CJK}·A-Za-z]{{2,12}}(?:[ 、，,\u3000][{_CJK}·]{{2,4}}){{0,3}})"
)
_REPORTER_RE = re.compile(rf"(?:本报|新华社|中新网|中新社)?记者\s*([{_CJK}]{{2,4}}(?:[ 、\u3000][{_CJK}]{{2,4}}){{0,3}})")
_REPORTER_PAREN_RE = re.compile(rf"[（(](?:本报|新华社|中新网|中新社)?记者\s*([{_CJK}]{{2,4}}(?:[ 、\u3000][{_CJK}]{{2,4}}){{0,3}})\s*[）)]")
_SOURCE_RE = re.compile(rf"(?:来源|稿源|出处|来自)\s*[:：]\s*([{_CJK}A-Za-z0-9·\.]{{2,24}})")
_SITEISH = re.compile(r"(网|网站|新闻|日报|晚报|时报|早报|报社|\.com|\.net|\.cn|\.NET|频道|客户端)$", re.I)


def _clean_name(name: str) -> str:
    name = re.sub(r"(?:来源|编辑|责任编辑|发布|时间|日期|通讯员|摄影|报道|摄)$", "", name.strip())
    return name.strip(" 、，,·")


def _byline_region(lin: _Linearizer, title: Optional[str]) -> list[str]:
    """Short blocks around the title: where bylines live."""
    blocks = lin.blocks
    start = 0
    if title:
        tc = "".join(title.split())
        for b in blocks:
            bc = "".join(b.text.split())
            if bc and (bc == tc or (b.heading and len(bc) >= 4 and bc in tc)):
                start = b.index
                break
    region = [b.text for b in blocks[start : start + 12] if b.length <= 120]
    return region


def _pick_date(tree, meta: dict[str, str], region: list[str], lin: _Linearizer) -> Optional[str]:
    for key in _DATE_META:
        if key in meta:
            d = parse_date(meta[key])
            if d:
                return d
    for node in tree.css("time"):
        d = parse_date(_attrs(node).get("datetime", "") or _text_of(node))
        if d:
            return d
    for line in region:
        if len(line) <= 120:
            d = parse_date(line)
            if d:
                return d
    for b in lin.blocks:
        if b.length <= 60 and (_is_byline(b.text)):
            d = parse_date(b.text)
            if d:
                return d
    for key in ("og:url",):
        if key in meta:
            m = re.search(r"/((?:19|20)\d{2})[-/]?(\d{2})[-/]?(\d{2})/", meta[key])
            if m:
                return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


def _byline_lines(region: list[str], lin: _Linearizer) -> list[str]:
    """Where bylines are looked for: the lines near the title, then every short block."""
    return region + [b.text for b in lin.blocks if b.length <= 60]


def _pick_author(meta: dict[str, str], region: list[str], lin: _Linearizer) -> Optional[str]:
    for line in _byline_lines(region, lin):
        m = _AUTHOR_RE.search(line)
        if m:
            name = _clean_name(m.group(1))
            if len(name) >= 2:
                return name
        m = _REPORTER_PAREN_RE.search(line)
        if m is None and len(line) <= 40:  # "记者 张三" only on a short byline, not "记者表示" in prose
            m = _REPORTER_RE.search(line)
        if m:
            name = _clean_name(m.group(1))
            if len(name) >= 2:
                return name
    author = meta.get("author", "").strip()
    if author and not author.isdigit() and not _SITEISH.search(author) and len(author) <= 30 and "<" not in author:
        return author
    return None


def _pick_source(meta: dict[str, str], region: list[str], lin: _Linearizer) -> Optional[str]:
    for line in _byline_lines(region, lin):
        m = _SOURCE_RE.search(line)
        if m:
            name = _clean_name(m.group(1))
            name = re.sub(r"(?:作者|记者|责任编辑|编辑|时间|发布).*$", "", name)
            if len(name) >= 2:
                return name
    for key in ("og:site_name", "source", "application-name"):
        if meta.get(key):
            return meta[key].strip()
    author = meta.get("author", "").strip()
    if author and _SITEISH.search(author):
        return author
    return None


# ---------------------------------------------------------------- public API


def extract(html: str) -> tuple[list[str], Hints]:
    """Main-content paragraphs of a page, in reading order, and its metadata hints.

    One string per paragraph (``p``, text of a ``div``, ``br``-separated lines);
    sub-headings are kept, the title and byline lines are left to ``Hints``.
    Never raises on odd HTML: a page with no article gives ``([], Hints(...))``.

    >>> page = '''<html><head><title>大桥通车了_新华网</title>
    ... <meta name="pubdate" content="2021-08-25 16:51"></head><body>
    ... <div class="nav"><a href="/">首页</a> <a href="/a">国内</a> <a href="/b">国际</a></div>
    ... <h1>大桥通车了</h1><div class="info">来源：新华网 作者：张三</div>
    ... <div class="article"><p>今天上午，大桥正式通车，市民纷纷前来参观。</p>
    ... <h3>交通更便利</h3><p>据介绍，大桥全长十公里，将大大缩短两岸的通行时间。</p>
    ... <div class="share">分享到：微信 微博</div></div>
    ... <ul class="related"><li><a href="/1">相关新闻一则很长很长的标题</a></li></ul>
    ... <div class="footer">版权所有 京ICP备000号</div></body></html>'''
    >>> paragraphs, hints = extract(page)
    >>> paragraphs
    ['今天上午，大桥正式通车，市民纷纷前来参观。', '交通更便利', '据介绍，大桥全长十公里，将大大缩短两岸的通行时间。']
    >>> hints
    Hints(title='大桥通车了', date='2021-08-25T16:51', source='新华网', author='张三')
    >>> extract("")
    ([], Hints(title=None, date=None, source=None, author=None))
    """
    try:
        return _extract(html)
    except RecursionError:  # pathological nesting: degrade to the naive dump
        return [line for line in naive_text_dump(html).split("\n") if line], Hints()


def _extract(html: str) -> tuple[list[str], Hints]:
    if not html or not html.strip():
        return [], Hints()
    html = html.replace("\x00", "")
    tree = _parse(html)
    meta = _meta(tree)
    title = _pick_title(tree, meta)
    lin = _linearize(tree)
    _score_tree(lin)
    paragraphs = _content_blocks(lin, title)
    region = _byline_region(lin, title)
    date = _pick_date(tree, meta, region, lin)
    author = _pick_author(meta, region, lin)
    source = _pick_source(meta, region, lin)
    return paragraphs, Hints(title=title or None, date=date, source=source, author=author)


def naive_text_dump(html: str) -> str:
    """Every visible text node on its own line, as a naive scraper would dump a page.

    >>> naive_text_dump("<html><head><title>T</title><style>p{}</style></head>"
    ...                 "<body><p>第一段<b>加粗</b></p><script>x()</script><div>第二段</div></body></html>")
    '第一段\\n加粗\\n第二段'
    """
    if not html or not html.strip():
        return ""
    tree = _parse(html.replace("\x00", ""))
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return ""
    lines: list[str] = []
    skip = _SKIP - {"nav", "aside", "footer"}
    stack = [root.child] if root.child is not None else []
    # iterative pre-order walk; each stack entry is the next sibling to visit
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.next is not None:
            stack.append(node.next)
        tag = node.tag
        if tag == "-text":
            text = _WS.sub(" ", node.text_content or "").strip()
            if text:
                lines.append(text)
        elif tag and not tag.startswith("-") and tag not in skip and node.child is not None:
            stack.append(node.child)
    return "\n".join(lines)
