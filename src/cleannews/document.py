"""The document that flows through the passes, and the articles that come out.

A pass is a pure function ``run(doc, options) -> (doc, edits)``. Passes 1-3
rewrite ``doc.lines``; pass 4 (segmentation) fills ``doc.articles``. Removed
lines are kept as empty strings, so line numbers stay comparable across passes
and the output of a run without segmentation matches its input line for line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

PASS_ORDER = ("mojibake", "script", "boilerplate", "segment")
TARGETS = ("zh-hans", "zh-hant", "zh-tw", "zh-hk", "keep")
ARTICLE_FIELDS = ("title", "subtitle", "date", "source", "author", "editor")


@dataclass(frozen=True)
class Options:
    """What a run should do; built from CLI flags, config files or API keywords."""

    passes: tuple[str, ...] = PASS_ORDER
    target: str = "zh-hans"
    extra_boilerplate: tuple[str, ...] = ()
    protect: tuple[str, ...] = ()
    # lines seen in many files of one batch run: site chrome (see boilerplate.common_lines)
    common_lines: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = [p for p in self.passes if p not in PASS_ORDER]
        if unknown:
            raise ValueError(f"unknown pass {unknown[0]!r}; choose from {', '.join(PASS_ORDER)}")
        if self.target not in TARGETS:
            raise ValueError(f"unknown target {self.target!r}; choose from {', '.join(TARGETS)}")

    def runs(self, name: str) -> bool:
        return name in self.passes


@dataclass
class Article:
    """One cleaned article: metadata fields (``None`` when unknown) and paragraphs."""

    title: Optional[str] = None
    subtitle: Optional[str] = None
    date: Optional[str] = None
    source: Optional[str] = None
    author: Optional[str] = None
    editor: Optional[str] = None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def to_dict(self, file: Optional[str] = None, index: int = 0) -> dict:
        record = {name: getattr(self, name) for name in ARTICLE_FIELDS}
        record.update(paragraphs=list(self.paragraphs), text=self.text, file=file, index=index)
        return record


@dataclass(frozen=True)
class Hints:
    """Metadata found outside the text lines, e.g. in an HTML page's ``<title>`` or meta tags."""

    title: Optional[str] = None
    date: Optional[str] = None
    source: Optional[str] = None
    author: Optional[str] = None


@dataclass(frozen=True)
class Document:
    lines: tuple[str, ...]
    name: Optional[str] = None
    hints: Hints = Hints()
    articles: Optional[tuple[Article, ...]] = None

    @classmethod
    def from_text(cls, text: str, name: Optional[str] = None, hints: Hints = Hints()) -> "Document":
        return cls(tuple(text.split("\n")), name=name, hints=hints)

    def with_lines(self, lines) -> "Document":
        # Built directly: dataclasses.replace costs ~10 µs, paid three times per small record.
        return Document(tuple(lines), self.name, self.hints, self.articles)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def lines_matching(self, pattern: "re.Pattern[str]") -> list[int]:
        r"""The indices of the lines in which ``pattern`` (which never matches a newline) finds a match.

        One regex search over the text jumps from one such line to the next, so the lines
        without a match, usually most of them, cost no step in Python.

        >>> Document(("甲区", "", "乙", "丙区丁区")).lines_matching(re.compile("区"))
        [0, 3]
        """
        text = self.text
        found: list[int] = []
        index = position = 0  # text[position:] starts line ``index``
        while match := pattern.search(text, position):
            index += text.count("\n", position, match.start())
            found.append(index)
            position = text.find("\n", match.end()) + 1
            if not position:
                break
            index += 1
        return found
