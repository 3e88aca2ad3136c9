"""The pipeline: bytes or text in, the four passes in order, articles and edits out.

Each pass is a pure function ``run(doc, options) -> (doc, edits)``; this module
only decodes the input, takes the main content of HTML pages, composes the
passes that ``options.passes`` names and renders the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Optional, Union

from .document import Article, Document, Hints, Options
from .edits import Edit
from .textformat import render_text

# pass name (as in --passes) -> the modules whose ``run`` implements it, in order.
# Modules are imported on first use: the CLI's --help must not pay for OpenCC or ftfy.
PASSES: dict[str, tuple[str, ...]] = {
    "mojibake": ("mojibake",),
    "script": ("script",),
    "boilerplate": ("boilerplate", "spam"),
    "segment": ("segment",),
}


@dataclass
class Result:
    """What a run produced: the cleaned text, the articles (when segmented) and every edit."""

    text: str
    articles: Optional[list[Article]]
    edits: list[Edit]
    encoding: str
    document: Document
    input_text: str = ""  # the decoded input, for diffs and checks


def to_document(data: Union[str, bytes], name: Optional[str] = None) -> tuple[Document, str, str]:
    """Decode ``data`` and, for an HTML page, keep its main content.

    Returns the document, the encoding found and the decoded text.
    """
    from .decode import decode_bytes

    if isinstance(data, bytes):
        decoded = decode_bytes(data, name)
        text, encoding = decoded.text, decoded.encoding
    else:
        text, encoding = data.replace("\r\n", "\n").replace("\r", "\n"), "str"
    from .html import extract, looks_like_html

    if looks_like_html(text):
        paragraphs, hints = extract(text)
        lines = ([f"标题：{hints.title}"] if hints.title else []) + list(paragraphs)
        hints = Hints(date=hints.date, source=hints.source, author=hints.author)
        return Document(tuple(lines), name=name, hints=hints), encoding, text
    return Document.from_text(text, name=name), encoding, text


def run_passes(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    edits: list[Edit] = []
    for name in Options().passes:  # canonical order, whatever order the user listed them in
        if not options.runs(name):
            continue
        for module in PASSES[name]:
            doc, step_edits = import_module(f"cleannews.{module}").run(doc, options)
            edits.extend(step_edits)
    return doc, edits


def clean_document(doc: Document, options: Options, encoding: str = "str", input_text: Optional[str] = None) -> Result:
    source = doc.text if input_text is None else input_text
    doc, edits = run_passes(doc, options)
    if doc.articles is not None:
        articles = list(doc.articles)
        return Result(render_text(articles), articles, edits, encoding, doc, source)
    return Result(doc.text, None, edits, encoding, doc, source)


def clean(data: Union[str, bytes], name: Optional[str] = None, options: Optional[Options] = None) -> Result:
    """Clean one dump (text or raw bytes of any supported encoding, plain text or HTML)."""
    doc, encoding, text = to_document(data, name)
    return clean_document(doc, options or Options(), encoding, text)
