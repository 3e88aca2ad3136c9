"""The pipeline: bytes or text in, the four passes in order, articles and edits out.

Each pass is a pure function ``run(doc, options) -> (doc, edits)``; this module
only decodes the input, takes the main content of HTML pages, composes the
passes that ``options.passes`` names and renders the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Optional, Union

from .document import PASS_ORDER, Article, Document, Hints, Options
from .edits import Edit, replay
from .textformat import read_text, render_text

# pass name (as in --passes) -> the modules whose ``run`` implements it, in order.
# Modules are imported on first use: the CLI's --help must not pay for OpenCC or ftfy.
PASSES: dict[str, tuple[str, ...]] = {
    "mojibake": ("mojibake",),
    "script": ("script",),
    "boilerplate": ("unwrap", "tables", "boilerplate", "spam"),
    "segment": ("segment",),
}
# the steps in the order they run, which is also the ``pass_name`` their edits carry
STEPS = tuple(module for name in PASS_ORDER for module in PASSES[name])


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


class SafetyError(Exception):
    """A pass produced text that its recorded edits do not explain; nothing is written."""


def run_passes(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Run the selected passes in pipeline order, checking each against its own edits.

    Like black's ``--safe``: the output of every text pass must equal its input
    with its recorded edits replayed, and every paragraph segmentation makes must
    come from its input, so no character appears or disappears without a trace.
    """
    edits: list[Edit] = []
    for name in PASS_ORDER:  # canonical order, whatever order the user listed them in
        if not options.runs(name):
            continue
        if name == "boilerplate" and read_text(doc.text) is not None:
            continue  # a file this tool wrote: nothing of the page is left in it, and segmentation reads it back
        for module in PASSES[name]:
            before = doc
            doc, step_edits = import_module(f"cleannews.{module}").run(doc, options)
            verify(module, before, doc, step_edits)
            edits.extend(step_edits)
    return doc, edits


def verify(module: str, before: Document, after: Document, edits: list[Edit]) -> None:
    """Raise :class:`SafetyError` unless ``after`` is what ``module`` may make of ``before``.

    A text pass: ``before`` with ``edits`` replayed. Segmentation: paragraphs all found in ``before``.
    """
    if after.articles is None or before.articles is not None:
        try:
            replayed = replay(before.lines, edits)
        except ValueError as exc:
            raise SafetyError(f"pass {module!r}: {exc}") from None
        if replayed != list(after.lines):
            raise SafetyError(f"pass {module!r} changed text that its edits do not record")
        return
    source = before.text
    position = 0  # paragraphs come in input order: look after the previous one first, not from the start
    for article in after.articles:
        for paragraph in article.paragraphs:
            found = source.find(paragraph, position)
            position = found if found >= 0 else source.find(paragraph)
            if position < 0:
                raise SafetyError(f"pass {module!r} produced a paragraph not found in its input: {paragraph[:30]!r}")


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
