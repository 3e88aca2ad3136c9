"""Evaluation of whole dumps against expected articles.

Usage::

    python -m cleannews.evaluate [SAMPLES_DIR] [EXPECTED_DIR] [--summary]

(defaults: ``samples/`` and ``tests/expected/``; a missing folder, dump or broken JSON is an
error with exit status 2). Each expected file is JSON
with ``articles`` (title, subtitle, date, source, author, editor, paragraphs),
``must_contain`` and ``must_not_contain``. For every dump it prints body
char-bigram F1, paragraph F1, title exactness, metadata accuracy and the
substring checks, then the means (and how many dumps got their article count
right); ``--summary`` prints the means alone, for a blind set whose strings the
rule writers must not see. The tests assert the same figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .document import ARTICLE_FIELDS, Article, Options
from .metrics import bigram_f1, paragraph_f1
from .pipeline import clean


@dataclass
class Score:
    name: str
    body_f1: float
    paragraph_f1: float
    title_exact: bool
    metadata_right: int
    metadata_total: int
    missing: list[str] = field(default_factory=list)  # must_contain strings not found
    leaked: list[str] = field(default_factory=list)  # must_not_contain strings still present
    article_count: tuple[int, int] = (0, 0)

    @property
    def metadata_accuracy(self) -> float:
        return self.metadata_right / self.metadata_total if self.metadata_total else 1.0


def visible_text(articles: list[Article]) -> str:
    """Every string a JSONL consumer sees: metadata values, title, paragraphs."""
    parts = []
    for article in articles:
        parts.extend(str(getattr(article, name)) for name in ARTICLE_FIELDS if getattr(article, name))
        parts.extend(article.paragraphs)
    return "\n".join(parts)


def score_dump(data: bytes, expected: dict, name: str = "", options: Options | None = None) -> Score:
    result = clean(data, name=name, options=options or Options())
    got = result.articles or []
    gold = expected["articles"]
    body = "\n".join(p for a in got for p in a.paragraphs)
    gold_body = "\n".join(p for a in gold for p in a["paragraphs"])
    right = total = 0
    for i, gold_article in enumerate(gold):
        article = got[i] if i < len(got) else Article()
        for key in ARTICLE_FIELDS:
            if key in gold_article:
                total += 1
                right += getattr(article, key) == gold_article[key]
    text = visible_text(got)
    title_exact = all(
        (got[i].title if i < len(got) else None) == g.get("title") for i, g in enumerate(gold)
    )
    return Score(
        name=name,
        body_f1=bigram_f1(body, gold_body),
        paragraph_f1=paragraph_f1([p for a in got for p in a.paragraphs], [p for a in gold for p in a["paragraphs"]]),
        title_exact=title_exact,
        metadata_right=right,
        metadata_total=total,
        missing=[s for s in expected.get("must_contain", []) if s not in text],
        leaked=[s for s in expected.get("must_not_contain", []) if s in text],
        article_count=(len(got), len(gold)),
    )


def score_directory(samples: Path, expected_dir: Path) -> list[Score]:
    scores = []
    for expected_file in sorted(expected_dir.glob("*.json")):
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        dump = samples / expected.get("file", expected_file.with_suffix(".txt").name)
        scores.append(score_dump(dump.read_bytes(), expected, dump.name))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleannews.evaluate", description="Score dumps against their expected articles.")
    parser.add_argument("samples", nargs="?", type=Path, default=Path("samples"), help="folder of dumps (default: samples/)")
    parser.add_argument("expected", nargs="?", type=Path, default=Path("tests/expected"), help="folder of expected JSON (default: tests/expected/)")
    parser.add_argument("--summary", action="store_true", help="print the means only (a blind set: no dump's strings)")
    args = parser.parse_args(argv)
    for folder in (args.samples, args.expected):
        if not folder.is_dir():
            parser.error(f"not a folder: {folder}")
    try:
        scores = score_directory(args.samples, args.expected)
    except (OSError, ValueError) as error:  # a dump named by an expected file is missing, or a JSON is broken
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not scores:
        print(f"error: no expected *.json in {args.expected}", file=sys.stderr)
        return 2
    print(f"{'dump':28} {'body F1':>8} {'para F1':>8} {'title':>6} {'meta':>6} {'articles':>9}  problems")
    for s in [] if args.summary else scores:
        problems = [f"missing {m!r}" for m in s.missing] + [f"leaked {m!r}" for m in s.leaked]
        print(
            f"{s.name:28} {s.body_f1:8.3f} {s.paragraph_f1:8.3f} {'yes' if s.title_exact else 'NO':>6} "
            f"{s.metadata_accuracy:6.0%} {s.article_count[0]:>4}/{s.article_count[1]:<4}  {'; '.join(problems)}"
        )
    n = len(scores)
    counts_right = sum(got == want for got, want in (s.article_count for s in scores))
    checks = sum(len(s.missing) + len(s.leaked) for s in scores)
    print(
        f"{'mean':28} {sum(s.body_f1 for s in scores) / n:8.3f} {sum(s.paragraph_f1 for s in scores) / n:8.3f} "
        f"{sum(s.title_exact for s in scores) / n:6.0%} {sum(s.metadata_accuracy for s in scores) / n:6.0%} "
        f"{counts_right:>4}/{n:<4}  {checks} substring checks failed"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
