"""Edits: the replayable record of every change a pass makes.

Every pass returns the new document plus a list of :class:`Edit`. An edit names
the pass and rule that made it, the line it touched (index into the lines the
pass received), the character span in that line, the text before and after and
a one-line reason. Replaying a pass's edits on its input gives its output, so a
user can audit, undo or re-apply any change (``--explain``, ``--keep-removed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter
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

    def __init__(self, pass_name: str, rule: str, line: int, start: int, end: int, before: str, after: str,
                 reason: str) -> None:
        """Fill the fields in one step: the generated ``__init__`` of a frozen dataclass sets them one by one
        through ``object.__setattr__``, twice as slow, and the script pass alone makes an edit per changed
        run of characters (about 14,000 per MB of dumps)."""
        self.__dict__.update(pass_name=pass_name, rule=rule, line=line, start=start, end=end, before=before,
                             after=after, reason=reason)

    def to_dict(self) -> dict:
        """The fields as a plain dict, in declaration order (``dataclasses.asdict``, which deep-copies, is 25x slower)."""
        return self.__dict__.copy()

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


_CHANGED = re.compile(rb"[^\x00]+")
_START = attrgetter("start")


def _changed_runs(old: str, new: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans where two strings of the same length differ, found without a Python loop.

    The code points are XORed as UTF-32 integers; a position changed when any of the
    three low bytes of its XOR is non-zero (code points fit in 21 bits).

    >>> _changed_runs("關愛暖人心", "关爱暖人心"), _changed_runs("ab", "ab")
    ([(0, 2)], [])
    >>> _changed_runs("a\\udfff𠮶", "a\\ufffd𠮶")  # lone surrogates and astral characters too
    [(1, 2)]
    """
    old_units = int.from_bytes(old.encode("utf-32-le", "surrogatepass"), "little")
    new_units = int.from_bytes(new.encode("utf-32-le", "surrogatepass"), "little")
    xor_bytes = (old_units ^ new_units).to_bytes(4 * len(old), "little")
    low = int.from_bytes(xor_bytes[0::4], "little") | int.from_bytes(xor_bytes[1::4], "little")
    mask = (low | int.from_bytes(xor_bytes[2::4], "little")).to_bytes(len(old), "little")
    return [match.span() for match in _CHANGED.finditer(mask)]


def span_edits(pass_name: str, rule: str, index: int, old: str, new: str, reason: str) -> list[Edit]:
    """The minimal edits turning ``old`` into ``new`` (one per changed run of characters).

    >>> [(e.start, e.before, e.after) for e in span_edits("script", "t2s", 0, "關愛暖人心", "关爱暖人心", "r")]
    [(0, '關愛', '关爱')]
    """
    if old == new:
        return []
    if len(old) == len(new):  # the common case (OpenCC maps character for character)
        return [Edit(pass_name, rule, index, i, j, old[i:j], new[i:j], reason) for i, j in _changed_runs(old, new)]
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        Edit(pass_name, rule, index, i1, i2, old[i1:i2], new[j1:j2], reason)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def replay(lines: Sequence[str], edits: Iterable[Edit]) -> list[str]:
    """Apply one pass's edits to the lines it received and return its output lines.

    The edits of a line apply right to left (by ``start``; in list order for equal starts), so
    earlier offsets stay valid, and each applies to the text the ones before it left: a pass may
    strip a line's edges and then remove what is left.

    >>> e = Edit("mojibake", "x", 0, 2, 4, "ÖÐ", "中", "r")
    >>> replay(["a ÖÐ b"], [e])
    ['a 中 b']
    >>> replay(["| 导航 |"], [Edit("b", "x", 0, 4, 6, " |", "", "r"), Edit("b", "x", 0, 0, 2, "| ", "", "r"),
    ...                      Edit("b", "x", 0, 0, 2, "导航", "", "r")])
    ['']
    """
    out = list(lines)
    by_line: dict[int, list[Edit]] = {}
    for edit in edits:
        by_line.setdefault(edit.line, []).append(edit)
    for index, line_edits in by_line.items():
        out[index] = _replay_line(out[index], sorted(line_edits, key=_START, reverse=True))
    return out


def _replay_line(text: str, edits: list[Edit]) -> str:
    """``text`` with ``edits`` (right to left) applied: rebuilt once from its pieces while the edits
    do not overlap, so the time grows with the text, not with edits times line length."""
    pieces = []  # the rebuilt tail of the line, right to left
    cut = len(text)  # text[cut:] is already in pieces
    for k, edit in enumerate(edits):
        if not 0 <= edit.start <= edit.end <= cut:  # reaches into replaced text: apply one by one
            return _replay_one_by_one(text[:cut] + "".join(reversed(pieces)), edits[k:])
        if text[edit.start : edit.end] != edit.before:
            raise ValueError(f"edit does not match its line: {edit}")
        pieces += (text[edit.end : cut], edit.after)
        cut = edit.start
    pieces.append(text[:cut])
    return "".join(reversed(pieces))


def _replay_one_by_one(text: str, edits: list[Edit]) -> str:
    for edit in edits:
        if text[edit.start : edit.end] != edit.before:
            raise ValueError(f"edit does not match its line: {edit}")
        text = text[: edit.start] + edit.after + text[edit.end :]
    return text
