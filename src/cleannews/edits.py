"""Edits: the replayable record of every change a pass makes.

Every pass returns the new document plus a list of :class:`Edit`. An edit names
the pass and rule that made it, the line it touched (index into the lines the
pass received), the character span in that line, the text before and after and
a one-line reason. Replaying a pass's edits on its input gives its output, so a
user can audit, undo or re-apply any change (``--explain``, ``--keep-removed``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Edit:
    """One change: ``lines[line][start:end]`` was ``before`` and became ``after``."""

    pass_name: str
    rule: str
    line: int
    start: int
    end: int
    before: str
    after: str
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        """One human-readable line, as ``--explain`` prints it."""
        shown_before = _clip(self.before)
        shown_after = _clip(self.after)
        change = f"{shown_before!r} -> {shown_after!r}" if self.after else f"removed {shown_before!r}"
        return f"[{self.pass_name}:{self.rule}] line {self.line + 1} col {self.start + 1}: {change} ({self.reason})"


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def line_edit(pass_name: str, rule: str, index: int, line: str, new: str, reason: str) -> Edit:
    """An edit replacing the whole of ``line`` (used when a line is dropped or rewritten)."""
    return Edit(pass_name, rule, index, 0, len(line), line, new, reason)


def span_edits(pass_name: str, rule: str, index: int, old: str, new: str, reason: str) -> list[Edit]:
    """The minimal edits turning ``old`` into ``new`` (one per changed run of characters).

    >>> [(e.start, e.before, e.after) for e in span_edits("script", "t2s", 0, "關愛暖人心", "关爱暖人心", "r")]
    [(0, '關愛', '关爱')]
    """
    if old == new:
        return []
    if len(old) == len(new):  # the common case (OpenCC maps character for character): one scan
        edits, i = [], 0
        while i < len(old):
            if old[i] == new[i]:
                i += 1
                continue
            j = i
            while j < len(old) and old[j] != new[j]:
                j += 1
            edits.append(Edit(pass_name, rule, index, i, j, old[i:j], new[i:j], reason))
            i = j
        return edits
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        Edit(pass_name, rule, index, i1, i2, old[i1:i2], new[j1:j2], reason)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def replay(lines: Sequence[str], edits: Iterable[Edit]) -> list[str]:
    """Apply one pass's edits to the lines it received and return its output lines.

    Edits on the same line must not overlap; they are applied right to left so
    earlier offsets stay valid.

    >>> e = Edit("mojibake", "x", 0, 2, 4, "ÖÐ", "中", "r")
    >>> replay(["a ÖÐ b"], [e])
    ['a 中 b']
    """
    out = list(lines)
    by_line: dict[int, list[Edit]] = {}
    for edit in edits:
        by_line.setdefault(edit.line, []).append(edit)
    for index, line_edits in by_line.items():
        text = out[index]
        for edit in sorted(line_edits, key=lambda e: e.start, reverse=True):
            if text[edit.start : edit.end] != edit.before:
                raise ValueError(f"edit does not match its line: {edit}")
            text = text[: edit.start] + edit.after + text[edit.end :]
        out[index] = text
    return out
