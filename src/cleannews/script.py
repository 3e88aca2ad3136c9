"""Pass 2: traditional/simplified normalization with OpenCC, phrase-aware.

The target is chosen by ``Options.target``. Towards simplified Chinese the
Taiwan-aware ``tw2s`` configuration is used: it is ``t2s`` plus OpenCC's
Taiwan variant table, which is what text converted from mainland simplified by
a ``s2tw``-style converter needs (``睡不著覺`` → ``睡不着觉``, ``看著`` → ``看着``
while ``著名`` stays). Hong Kong text is detected by characters only the Hong
Kong standard uses and goes through ``hk2s``. Only characters change, never
vocabulary (``tw2sp`` would turn ``軟體`` into ``软件``, which rewrites the source).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document, Options
from .edits import Edit, span_edits
from .textformat import HEADER_LABELS

PASS = "script"

# target -> OpenCC configuration when the text is not Hong Kong style
_CONFIGS = {"zh-hans": "tw2s", "zh-hant": "s2t", "zh-tw": "s2tw", "zh-hk": "s2hk"}
# Characters that are the Hong Kong standard form but not the Taiwan one (OpenCC HKVariants.txt).
_HK_ONLY = re.compile("[綫衞僞啓爲羣裏綉鷄麪峯衆]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# The labels of cleannews' own article format (标题：, 来源：…) are keys, not text: they stay
# as written whatever the target, so a cleaned file in traditional script reads back the same.
_FORMAT_LABEL = re.compile("(?:%s)：" % "|".join(label for _, label in HEADER_LABELS))
_REASONS = {
    "tw2s": "traditional (Taiwan standard) to simplified",
    "hk2s": "traditional (Hong Kong standard) to simplified",
    "s2t": "simplified to traditional (OpenCC standard)",
    "s2tw": "simplified to traditional (Taiwan standard)",
    "s2hk": "simplified to traditional (Hong Kong standard)",
}


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc  # heavy: imported only when the pass runs

    return opencc.OpenCC(f"{config}.json")


def choose_config(text: str, target: str) -> str | None:
    """The OpenCC configuration for ``text`` towards ``target`` (``None`` for ``keep``).

    >>> choose_config("睡不著覺", "zh-hans")
    'tw2s'
    >>> choose_config("電綫杆", "zh-hans")
    'hk2s'
    >>> choose_config("睡不着觉", "keep") is None
    True
    """
    if target == "keep":
        return None
    if target == "zh-hans" and _HK_ONLY.search(text):
        return "hk2s"
    return _CONFIGS[target]


def convert(text: str, target: str = "zh-hans") -> str:
    """Convert ``text`` to ``target`` script.

    >>> convert("養殖人員愁得天天睡不著覺，著名作家")
    '养殖人员愁得天天睡不着觉，著名作家'
    >>> convert("看著頭髮乾燥")
    '看着头发干燥'
    >>> convert("发布日期", "zh-tw")
    '發佈日期'
    """
    config = choose_config(text, target)
    if config is None or not text:
        return text
    return _convert(text, config)


def _convert(text: str, config: str) -> str:
    converted = _converter(config).convert(_SURROGATE.sub("\ufffd", text))
    if config == "hk2s":  # once simplified, no Hong Kong marker is left: finish as the next run would
        converted = _converter("tw2s").convert(converted)
    return converted


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=2)
def _only_in(script: str) -> tuple["re.Pattern[str]", "re.Pattern[str]"]:
    """Characters that exist only in ``script`` ("simplified" or "traditional"), from OpenCC's tables.

    Two patterns, for the Basic Multilingual Plane and beyond it: a character class that holds
    astral characters is matched by a linear scan of its members, hundreds of times slower.
    """
    from importlib.resources import files

    chars = files("cleannews").joinpath(f"data/{script}_only.txt").read_text(encoding="utf-8").strip()
    bmp = "".join(ch for ch in chars if ch <= "\uffff")
    astral = "".join(ch for ch in chars if ch > "\uffff")
    return re.compile(f"[{re.escape(bmp)}]"), re.compile(f"[{re.escape(astral)}]")


def _has_source_only(text: str, config: str, start: int = 0) -> bool:
    """``text[start:]`` holds a character that only the script ``config`` converts from has.

    >>> _has_source_only("发布会", "s2tw"), _has_source_only("發佈會", "s2tw"), _has_source_only("𠮶", "s2t")
    (True, False, True)
    """
    bmp, astral = _only_in("simplified" if config.startswith("s2") else "traditional")
    return bool(bmp.search(text, start) or (_ASTRAL.search(text, start) and astral.search(text, start)))


def _lines_to_convert(doc: Document, config: str) -> list[int]:
    """The indices of the lines of ``doc`` that hold a character only the script ``config`` converts from has.

    >>> _lines_to_convert(Document(("发布会", "發佈會", "", "会议发言")), "s2tw")
    [0, 3]
    """
    if _ASTRAL.search(doc.text):  # rare: characters beyond the BMP have their own table, line by line
        return [index for index, line in enumerate(doc.lines) if _has_source_only(line, config)]
    bmp, _ = _only_in("simplified" if config.startswith("s2") else "traditional")
    return doc.lines_matching(bmp)


def _already_in_target(old: str, new: str, config: str) -> bool:
    """True when converting ``old`` into ``new`` would only rewrite text already in the target script.

    OpenCC's phrase tables also change text that is already converted (``s2t`` turns
    ``長征`` into ``長徵`` and ``了解`` into ``瞭解``; ``tw2s`` turns ``木桥著称`` into
    ``木桥着称``), and which phrases match depends on where a line begins, which
    segmentation may change. So a line is converted only when the conversion changes a
    character that exists only in the script it converts from (``群`` is simplified-only
    in OpenCC's tables but ``s2tw`` keeps it: it does not count).

    >>> _already_in_target("崔永元我的長征團隊", "崔永元我的長徵團隊", "s2t")
    True
    >>> _already_in_target("以欧风木桥著称", "以欧风木桥着称", "tw2s"), _already_in_target("以歐風木橋著稱", "以欧风木桥著称", "tw2s")
    (True, False)
    """
    return not _conversion_edits(0, old, new, config)


def _conversion_edits(index: int, old: str, new: str, config: str, label_end: int = 0) -> list[Edit]:
    """The edits turning line ``old`` into its conversion ``new``; none when :func:`_already_in_target`.

    ``new`` keeps ``old``'s first ``label_end`` characters (a format label), which do not count.
    """
    if len(old) != len(new):
        counts = _has_source_only(old, config, label_end)
        return span_edits(PASS, config, index, old, new, _REASONS[config]) if counts else []
    edits = span_edits(PASS, config, index, old, new, _REASONS[config])  # one per run of changed characters
    return edits if any(_has_source_only(edit.before, config) for edit in edits) else []


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Convert every line to the target script; one edit per changed run of characters.

    >>> run(Document.from_text("标题：发布会\\n发布会"), Options(target="zh-tw"))[0].lines
    ('标题：發佈會', '發佈會')
    """
    config = choose_config(doc.text, options.target)
    if config is None:
        return doc, []
    # Only a line holding a character of the script it converts from can change (see
    # _already_in_target), so only those lines go to OpenCC: in one call, several times faster
    # than one per line. OpenCC never matches a phrase across a newline, so each line converts
    # as it would alone, and the line structure survives.
    todo = _lines_to_convert(doc, config)
    if not todo:
        return doc, []
    converted = _convert("\n".join(doc.lines[index] for index in todo), config).split("\n")
    if len(converted) != len(todo):  # defensive: never let a conversion reshape the document
        converted = [convert(doc.lines[index], options.target) for index in todo]
    lines = list(doc.lines)
    edits: list[Edit] = []
    for index, new in zip(todo, converted):
        old = lines[index]
        label = _FORMAT_LABEL.match(old)
        label_end = label.end() if label else 0
        new = old[:label_end] + new[label_end:]
        line_edits = _conversion_edits(index, old, new, config, label_end)
        if line_edits:
            lines[index] = new
            edits.extend(line_edits)
    return doc.with_lines(lines), edits
