"""Evaluate the text pipeline on naive text dumps of the real page sets in ``shared/corpora``.

A naive scraper keeps no DOM: it writes every visible text node of a page on
its own line (:func:`cleannews.html.naive_text_dump`; script, style, noscript
and template are skipped). Each page of :mod:`eval_pages` is turned into such a
dump and fed to :func:`cleannews.pipeline.clean` as plain text, so what is
measured is the boilerplate, spam and segmentation passes on unseen sites:
same pages, same gold and same metrics as ``eval_pages.py``. Script is kept as
is (``target="keep"``) because the gold is in the page's own script.

Body = the paragraphs of every article found; title, date and author come from
the first article.

Usage: ``python benchmarks/naive_dumps.py [--shared DIR] [--worst N] [--json OUT]``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_pages import main as eval_main  # noqa: E402

from cleannews.decode import decode_bytes  # noqa: E402
from cleannews.document import Document, Hints, Options  # noqa: E402
from cleannews.html import naive_text_dump  # noqa: E402
from cleannews.pipeline import clean_document  # noqa: E402

OPTIONS = Options(target="keep")


def run_naive(path: Path) -> tuple[list[str], Hints, str]:
    """The text pipeline on the naive dump of one page: paragraphs, first article's fields, encoding."""
    decoded = decode_bytes(path.read_bytes(), name=str(path))
    dump = naive_text_dump(decoded.text)
    result = clean_document(Document.from_text(dump, name=path.name), OPTIONS)
    articles = result.articles or []
    paragraphs = [p for article in articles for p in article.paragraphs]
    first = articles[0] if articles else None
    hints = Hints(
        title=first.title if first else None,
        date=first.date if first else None,
        source=first.source if first else None,
        author=first.author if first else None,
    )
    return paragraphs, hints, decoded.encoding


if __name__ == "__main__":
    sys.exit(eval_main(run=run_naive, description=__doc__))
