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


@lru_cache(maxsize=2)
def _only_in(script: str) -> "re.Pattern[str]":
    """Characters that exist only in ``script`` ("simplified" or "traditional"), from OpenCC's tables."""
    from importlib.resources import files

    chars = files("cleannews").joinpath(f"data/{script}_only.txt").read_text(encoding="utf-8").strip()
    return re.compile(f"[{re.escape(chars)}]")


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
    only = _only_in("simplified" if config.startswith("s2") else "traditional")
    if len(old) != len(new):
        return not only.search(old)
    return all(new[m.start()] == m.group() for m in only.finditer(old))


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Convert every line to the target script; one edit per changed run of characters.

    >>> run(Document.from_text("标题：发布会\\n发布会"), Options(target="zh-tw"))[0].lines
    ('标题：發佈會', '發佈會')
    """
    config = choose_config(doc.text, options.target)
    if config is None:
        return doc, []
    # One OpenCC call for the whole document is several times faster than one per line;
    # OpenCC never touches newlines, so the line structure survives.
    converted = _convert(doc.text, config).split("\n")
    if len(converted) != len(doc.lines):  # defensive: never let a conversion reshape the document
        converted = [convert(line, options.target) for line in doc.lines]
    edits: list[Edit] = []
    for index, (old, new) in enumerate(zip(doc.lines, converted)):
        label = _FORMAT_LABEL.match(old)
        at = label.end() if label else 0
        if old != new and _already_in_target(old[at:], new[at:], config):
            new = converted[index] = old
        elif label and new[: label.end()] != label.group():
            new = converted[index] = label.group() + new[label.end() :]
        if old != new:
            edits.extend(span_edits(PASS, config, index, old, new, _REASONS[config]))
    return doc.with_lines(converted), edits
