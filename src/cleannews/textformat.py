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


def render_jsonl(articles: Iterable[Article], file: Optional[str] = None) -> str:
    """One JSON object per article with the keys of :meth:`Article.to_dict`."""
    return "".join(
        json.dumps(article.to_dict(file=file, index=i), ensure_ascii=False) + "\n" for i, article in enumerate(articles)
    )
