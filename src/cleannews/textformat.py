"""Output formats: the stable text format and JSON Lines.

Text format (documented in README.md, and read back by the segmentation pass,
which is what makes ``fix`` idempotent)::

    标题：<title>
    副标题：<subtitle>
    日期：<ISO 8601 date>
    来源：<source>
    作者：<author>
    责任编辑：<editor>

    <paragraph>
    <paragraph>

    ---

    标题：<next article> …

Header lines appear only for known fields; one paragraph per line; articles are
separated by a line ``---`` with a blank line on each side; the file ends with
a newline.
"""

from __future__ import annotations

import json
from typing import Iterable, Optional

from .document import Article

HEADER_LABELS = (
    ("title", "标题"),
    ("subtitle", "副标题"),
    ("date", "日期"),
    ("source", "来源"),
    ("author", "作者"),
    ("editor", "责任编辑"),
)
ARTICLE_SEPARATOR = "---"


def render_article(article: Article) -> str:
    """One article in the text format.

    >>> print(render_article(Article(title="标题甲", date="2022-12-23", paragraphs=["第一段。", "第二段。"])))
    标题：标题甲
    日期：2022-12-23
    <BLANKLINE>
    第一段。
    第二段。
    """
    header = [f"{label}：{getattr(article, name)}" for name, label in HEADER_LABELS if getattr(article, name)]
    parts = []
    if header:
        parts.append("\n".join(header))
    if article.paragraphs:
        parts.append("\n".join(article.paragraphs))
    return "\n\n".join(parts)


def render_text(articles: Iterable[Article]) -> str:
    body = f"\n\n{ARTICLE_SEPARATOR}\n\n".join(render_article(a) for a in articles)
    return body + "\n" if body else ""


def read_text(text: str) -> Optional[list[tuple[Article, list[int]]]]:
    r"""The articles of ``text`` when it is this format, as :func:`render_text` writes it, each with the
    line numbers of its header lines; ``None`` for anything else. Every article must print a header,
    and rendering what was read must give ``text`` back exactly: a dump is never taken for a clean
    file, and cleaning a clean file is reading it (what keeps ``fix`` idempotent).

    >>> text = "标题：甲\n日期：2024-01-02\n\n第一段。\n\n---\n\n标题：乙\n\n第二段。\n"
    >>> [(a.title, a.date, a.paragraphs, header) for a, header in read_text(text)]
    [('甲', '2024-01-02', ['第一段。'], [0, 1]), ('乙', None, ['第二段。'], [7])]
    >>> read_text("某地新建公园二十座\n全市今年新建公园二十座。\n") is None
    True

    A window of a large file that starts at a separator (see ``batch``) is read the same way.
    """
    window = f"\n{ARTICLE_SEPARATOR}\n\n"
    line, body_text = (3, text[len(window) :]) if text.startswith(window) else (0, text)
    if not body_text.startswith(_HEADER_OPENINGS) or not body_text.endswith("\n"):  # the common case: a dump
        return None
    found: list[tuple[Article, list[int]]] = []
    for block in body_text[:-1].split(f"\n\n{ARTICLE_SEPARATOR}\n\n"):
        header, _, body = block.partition("\n\n")
        article, numbers = Article(), []
        for offset, row in enumerate(header.split("\n")):
            label, colon, value = row.partition("：")
            if not colon or label not in FIELD_OF_LABEL or not value or getattr(article, FIELD_OF_LABEL[label]) is not None:
                return None
            setattr(article, FIELD_OF_LABEL[label], value)
            numbers.append(line + offset)
        article.paragraphs = body.split("\n") if body else []
        found.append((article, numbers))
        line += block.count("\n") + 4  # the block's lines, the blank lines and the separator between blocks
    return found if render_text(article for article, _ in found) == body_text else None


FIELD_OF_LABEL = {label: name for name, label in HEADER_LABELS}  # 标题 -> title
_HEADER_OPENINGS = tuple(f"{label}：" for _, label in HEADER_LABELS)


def render_jsonl(articles: Iterable[Article], file: Optional[str] = None) -> str:
    """One JSON object per article with the keys of :meth:`Article.to_dict`."""
    return "".join(
        json.dumps(article.to_dict(file=file, index=i), ensure_ascii=False) + "\n" for i, article in enumerate(articles)
    )
