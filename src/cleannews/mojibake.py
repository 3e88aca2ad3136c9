"""Pass 1: repair mojibake and encoding debris, line by line.

Each repair is a small function that undoes one kind of damage, in the style of
``ftfy/fixes.py``. :func:`repair_line` chains them in this order:

1. :func:`remove_c0_controls`, :func:`unescape_entities`, :func:`strip_pinyin_glosses`
2. :func:`remove_replacement_runs` (``锟斤拷``)
3. CJK codec repairs: :func:`fix_gbk_as_latin1`, :func:`fix_utf8_as_gbk`,
   :func:`fix_big5_gbk_swap`, :func:`fix_gbk_misaligned`
4. :func:`fix_utf8_as_cp1252` (ftfy, Chinese-safe configuration)
5. :func:`remove_c1_controls`, :func:`drop_replacement_chars`

Clean text never reaches the expensive steps: :func:`needs_repair` is a cheap
character-class gate. The CJK repairs are scored with
:mod:`cleannews.plausibility` and accepted only with a clear gain, so clean
simplified and traditional text is left alone.

>>> repair_line("新闻发布会上".encode("utf-8").decode("gbk"))[0]
'新闻发布会上'
>>> repair_line("ÖÐÎÄÐÂÎÅ")[0]
'中文新闻'
>>> repair_line("人民網(wǎng)報道")[0]
'人民網報道'
>>> repair_line("今天天气很好。")
('今天天气很好。', [])
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Callable, Optional

from .document import Document, Options
from .edits import Edit
from . import plausibility as P

PASS_NAME = "mojibake"

#: (rule, start, end, before, after, reason), offsets into the line given to repair_line
Fix = tuple[str, int, int, str, str, str]

REASONS = {
    "control-char": "removed a stray control character",
    "html-entity": "decoded an HTML character reference",
    "pinyin-gloss": "removed a converter's pinyin gloss after the character it reads",
    "replacement-run": "removed an unrecoverable '锟斤拷'/U+FFFD fragment (bytes were lost)",
    "gbk-as-latin1": "GBK bytes had been decoded as Latin-1/cp1252",
    "utf8-as-gbk": "UTF-8 bytes had been decoded as GBK/GB18030",
    "big5-as-gbk": "Big5 bytes had been decoded as GBK",
    "gbk-as-big5": "GBK bytes had been decoded as Big5",
    "gbk-misaligned": "a GBK byte stream was shifted by a lost byte; re-paired the bytes",
    "utf8-as-cp1252": "UTF-8 bytes had been decoded as cp1252/Latin-1 (ftfy)",
}

# --------------------------------------------------------------------------
# Gate
# --------------------------------------------------------------------------

_SPECIAL = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xff"  # controls, C1, Latin-1
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"  # cp1252 letters
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"  # cp1252 punctuation
    "\ue000-\uf8ff\ufffd&"
)
# One character class scans fast (sre prefilters it); the alternation below only runs on its hits.
_PREFILTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xff\ufffd&锟(（]")
# A lone Latin-1 sign (·, °, ×, é) is ordinary text: codec damage leaves two high characters close
# together, and a converter's pinyin gloss carries a tone mark or digit.
_QUICK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd&]|锟"
    "|[\xa1-\xff][\x40-\x7e]?[\xa1-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u3400-\u9fff][(（][a-zA-Zü\u0251\u0261]{0,7}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300-\u036f]"
    "|[\u3400-\u9fff][(（][a-zA-Zü]{1,7}[1-5][)）]"
)
# CJK punctuation that is NOT produced by mojibake gates; kept out of the rare class
_CLEAN_PUNCT = "\u2010-\u2027\u2030-\u205e\u2100-\u218f\u2460-\u24ff\u2500-\u27bf\ue000-\uf8ff，。、：；！？“”‘’（）《》〈〉「」『』【】—…·～－　０-９Ａ-Ｚａ-ｚ％＠＃＆＝＋／\u3000-\u303f\uff01-\uff5e"


@lru_cache(maxsize=None)
def _rare_pair_re() -> "re.Pattern[str]":
    """Two rare (or non-text) characters within a window of four.

    "Rare" = not among the common Han characters of the plausibility table and
    not ASCII / CJK punctuation / whitespace.
    """
    common = sorted(ch for ch in P.common_chars(-11.5) if ord(ch) < 0x10000)  # BMP only: keeps sre's fast bitmap
    ranges = []
    start = prev = None
    for ch in common:
        o = ord(ch)
        if prev is not None and o == prev + 1:
            prev = o
            continue
        if start is not None:
            ranges.append((start, prev))
        start = prev = o
    if start is not None:
        ranges.append((start, prev))
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )
    rare = f"[^\\x00-\\x7f\\s{_CLEAN_PUNCT}{cls}]"
    # one alternative per regex: an alternation would defeat sre's class prefilter (10x slower)
    return (
        re.compile(rare),
        re.compile(f"[?？]{rare}"),
        re.compile(f"{rare}[?？]"),
    )


def needs_repair(line: str) -> bool:
    """Cheap gate: could this line contain anything the pass repairs?

    >>> needs_repair("今天天气很好。"), needs_repair("今天天氣很好。"), needs_repair("ÖÐÎÄ")
    (False, False, True)
    """
    if line.isascii():
        return "&" in line or bool(_C0.search(line))
    if _PREFILTER.search(line) and _QUICK.search(line):
        return True
    rare, q1, q2 = _rare_pair_re()
    if not rare.search(line):  # the common case: every character is an ordinary one
        return False
    if q1.search(line) or q2.search(line):
        return True
    # rare characters close together are names or damage: damage makes a window implausible
    # (scored in simplified form: traditional characters are rarer in the table than in life)
    from .script import convert

    return any(P.window_min(convert(line[max(0, a - 2) : b + 2])) < CLUSTER_GATE for a, b in _rare_clusters(line))


def _rare_clusters(text: str) -> list[tuple[int, int]]:
    """Spans holding at least three rare characters within eight (known word pairs excepted)."""
    rare, _, _ = _rare_pair_re()
    pos = [m.start() for m in rare.finditer(text)]
    if len(pos) < 3:
        return []
    bigrams = P._bigrams()
    # a rare pair that is a dictionary word (桎梏, 璀璨) is not evidence of damage
    pos = [p for i, p in enumerate(pos) if not (
        (i + 1 < len(pos) and pos[i + 1] == p + 1 and text[p : p + 2] in bigrams)
        or (i > 0 and pos[i - 1] == p - 1 and text[p - 1 : p + 1] in bigrams)
    )]
    return [(pos[i], pos[i + 2] + 1) for i in range(len(pos) - 2) if pos[i + 2] - pos[i] < 8]


# --------------------------------------------------------------------------
# 6. Controls and HTML entities
# --------------------------------------------------------------------------

_C0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_C1 = re.compile("[\x80-\x9f]")


def remove_c0_controls(text: str) -> str:
    """Remove C0 control characters (tab, CR and LF are kept) and DEL.

    >>> remove_c0_controls("新\\x00闻\\x1b稿\\t完")
    '新闻稿\\t完'
    """
    return _C0.sub("", text)


def remove_c1_controls(text: str) -> str:
    """Remove C1 controls (U+0080-U+009F) left over after the codec repairs.

    They run last because GBK-as-Latin-1 and UTF-8-as-Latin-1 mojibake is made of them.

    >>> remove_c1_controls("新\\x85闻")
    '新闻'
    """
    return _C1.sub("", text)


_ENTITY = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:nbsp|amp|lt|gt|quot)(?![=A-Za-z0-9;])"
)
_SURROGATE_PAIR = re.compile(
    r"&#(?:(5[5-6][0-9]{3})|[xX]([dD][89abAB][0-9a-fA-F]{2}));&#(?:(5[6-7][0-9]{3})|[xX]([dD][c-fC-F][0-9a-fA-F]{2}));"
)


def _entity_value(m: "re.Match[str]") -> str:
    ref = m.group(0)
    if ref.lower() in ("&nbsp;", "&nbsp", "&#160;", "&#xa0;"):
        return " "
    value = html.unescape(ref if ref.endswith(";") else ref + ";")
    if value == ref or value == "\ufffd" or (len(value) == 1 and unicodedata.category(value) in ("Cc", "Cs")):
        return ref
    return value


def _pair_value(m: "re.Match[str]") -> str:
    hi = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    lo = int(m.group(3)) if m.group(3) else int(m.group(4), 16)
    if not (0xD800 <= hi <= 0xDBFF and 0xDC00 <= lo <= 0xDFFF):
        return m.group(0)
    return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))


def unescape_entities(text: str) -> str:
    """Decode ``;``-terminated HTML references (repeatedly, for double escaping).

    ``&nbsp``/``&amp``/``&lt``/``&gt``/``&quot`` without ``;`` are decoded only when
    not followed by ``=`` or an alphanumeric, so URLs survive. Non-breaking spaces
    become plain spaces; surrogate-pair references are joined.

    >>> unescape_entities("&#x4E2D;&#25991;&amp;nbsp;新闻&nbsp 稿")
    '中文 新闻  稿'
    >>> unescape_entities("a.php?id=1&para=2&copy=3")
    'a.php?id=1&para=2&copy=3'
    >>> unescape_entities("&#55357;&#56832;")
    '😀'
    """
    if "&" not in text:
        return text
    for _ in range(len(text)):
        new = _SURROGATE_PAIR.sub(_pair_value, text)
        new = _ENTITY.sub(_entity_value, new)
        if new == text:
            break
        text = new
    return text


# --------------------------------------------------------------------------
# 7. Pinyin glosses
# --------------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_GLOSS = re.compile(
    f"([\u3400-\u9fff])([(（])([a-zA-Zü{_TONED}\u0251\u0261\u0300-\u036f]{{1,8}}[1-5]?)([)）])"
)
_TONE_MARK = re.compile(f"[{_TONED}1-5]")


@lru_cache(maxsize=8192)
def _readings(ch: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    out: set[str] = set()
    chars = {ch}
    try:  # traditional characters: also accept the readings of the simplified form
        import opencc

        chars.add(_t2s().convert(ch))
    except Exception:  # pragma: no cover - opencc is a dependency, but be safe
        pass
    for c in chars:
        for style in (Style.TONE, Style.TONE3, Style.NORMAL):
            for group in pinyin(c, style=style, heteronym=True, errors="ignore"):
                out.update(r.lower() for r in group)
    out.discard(c)
    return frozenset(out)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def strip_pinyin_glosses(text: str, require_tone: bool = True) -> str:
    """Remove ``(pinyin)`` that a converter put after the character it reads.

    The syllable must be a reading (pypinyin, heteronyms) of the character before
    it or of its simplified form, and by default carry a tone mark or digit.

    >>> strip_pinyin_glosses("人民網(wǎng)專(zhuān)題，關(guān)愛")
    '人民網專題，關愛'
    >>> strip_pinyin_glosses("他(她)说，世界卫生组织(WHO)、方案(一)、李(Li)")
    '他(她)说，世界卫生组织(WHO)、方案(一)、李(Li)'
    """

    def repl(m: "re.Match[str]") -> str:
        syllable = unicodedata.normalize("NFC", m.group(3)).replace("\u0251", "a").replace("\u0261", "g").lower()
        if require_tone and not _TONE_MARK.search(syllable):
            return m.group(0)
        if syllable in _readings(m.group(1)):
            return m.group(1)
        return m.group(0)

    if "(" not in text and "（" not in text:
        return text
    return _GLOSS.sub(repl, text)


# --------------------------------------------------------------------------
# 1e. 锟斤拷 and U+FFFD
# --------------------------------------------------------------------------

_KUN = re.compile("(?:锟斤拷)+(?:锟斤?)?|锟(?:斤|[?？\ufffd])")


def remove_replacement_runs(text: str) -> str:
    """Remove ``锟斤拷`` runs: U+FFFD characters whose UTF-8 bytes were read as GBK.

    The original bytes were already lost when the U+FFFD was made, so nothing can
    be restored.

    >>> remove_replacement_runs("北京锟斤拷锟斤拷报道")
    '北京报道'
    """
    if "锟" not in text:
        return text
    return _KUN.sub("", text)


def drop_replacement_chars(text: str) -> str:
    """Drop U+FFFD left after the byte searches: those bytes are unrecoverable.

    >>> drop_replacement_chars("新\\ufffd闻")
    '新闻'
    """
    return text.replace("\ufffd", "")


# --------------------------------------------------------------------------
# 2. GBK read as Latin-1 / cp1252
# --------------------------------------------------------------------------

_CP1252_HIGH = "\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_LATIN_RUN = re.compile(f"(?:[{_CP1252_HIGH}][\x40-\x7e]?)*[{_CP1252_HIGH}][\x40-\x7e]?")


def _euro_handler(err: UnicodeError):
    """Decode a stray 0x80 as '€', as Windows code page 936 does; anything else stays an error."""
    if isinstance(err, UnicodeDecodeError) and err.object[err.start] == 0x80:
        return "€", err.start + 1
    raise err


import codecs as _codecs

_codecs.register_error("cleannews-euro", _euro_handler)


def _han_share(text: str) -> float:
    """Share of Han characters among the non-ASCII characters of ``text``."""
    non_ascii = [ch for ch in text if not ch.isascii() and ch not in "\ufffd"]
    if not non_ascii:
        return 0.0
    return sum(1 for ch in non_ascii if P.is_han(ch)) / len(non_ascii)


def _cjk_count(text: str) -> int:
    return sum(1 for ch in text if P.is_han(ch) or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e")


_LABEL_PREFIX = re.compile(r"^\s*[\u4e00-\u9fff]{1,4}[：:]")


def fix_gbk_as_latin1(text: str) -> str:
    """Undo GBK bytes decoded as Latin-1 or cp1252 (``中文`` → ``ÖÐÎÄ``).

    Each run of cp1252-repertoire characters is re-encoded (sloppy cp1252) and
    decoded as GBK; accepted when it yields CJK text that scores clearly better.

    >>> fix_gbk_as_latin1("ÖÐÎÄÐÂÎÅ£ºhttp://x.cn/")
    '中文新闻：http://x.cn/'
    >>> fix_gbk_as_latin1("Müller café ±5°C ©")
    'Müller café ±5°C ©'
    """
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    def repl(m: "re.Match[str]") -> str:
        run = m.group(0)
        try:
            raw = run.encode("sloppy-windows-1252")
        except UnicodeEncodeError:
            return run
        for codec in ("gbk", "gb18030"):
            try:
                out = raw.decode(codec, errors="cleannews-euro")
                break
            except UnicodeDecodeError:
                continue
        else:
            return run
        n_cjk = _cjk_count(out)
        if n_cjk < 2 and not (n_cjk == 1 and len(run) == 2 and state["single"]):
            return run
        if P.score(out) >= -11.5 and P.score(out) - P.score(run) >= 2.5:
            return out
        return run

    if not _LATIN_RUN.search(text):
        return text
    # a lone two-byte character (e.g. 月 between digits) is accepted only in Chinese context
    state = {"single": False}
    first = _LATIN_RUN.sub(repl, text)
    # a field label ("标题：", "来源：") says nothing about the value's language
    state["single"] = first != text or _cjk_count(_LABEL_PREFIX.sub("", text)) > 0
    return _LATIN_RUN.sub(repl, first) if state["single"] else first


# --------------------------------------------------------------------------
# Byte-lattice search (types 1, 4, 5)
# --------------------------------------------------------------------------

WILD = -1  # unknown byte (U+FFFD or '?')
BARRIER = -2  # a character the wrong codec cannot have produced

SWITCH_COST = -10.0  # entering a re-decoded stretch from kept text
SKIP_COST = -14.0  # dropping one byte
INSERT_COST = -6.0  # assuming one lost lead byte
TOP_K = 64


@lru_cache(maxsize=None)
def _vocab() -> list[tuple[float, str]]:
    uni = P._unigrams()[0]
    chars = [(lp, ch) for ch, lp in uni.items() if len(ch) == 1 and (P.is_han(ch) or not ch.isascii())]
    for ch in P.COMMON_CJK_PUNCT:
        chars.append((P.char_logprob(ch), ch))
    chars.sort(key=lambda t: (-t[0], t[1]))
    return chars


@lru_cache(maxsize=None)
def _pattern_index(codec: str) -> dict[tuple, list[tuple[float, str]]]:
    """Wildcard pattern → best characters, e.g. ``(None, 0xB4)`` → chars whose trail byte is B4."""
    index: dict[tuple, list[tuple[float, str]]] = {}
    seen = set()
    for lp, ch in _vocab():
        if ch in seen:
            continue
        seen.add(ch)
        try:
            b = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(b) < 2 or len(b) > 3:
            continue
        n = len(b)
        for mask in range(1, (1 << n) - 1):
            key = tuple(None if mask >> i & 1 else b[i] for i in range(n))
            lst = index.setdefault(key, [])
            if len(lst) < TOP_K:
                lst.append((lp, ch))
    return index


@lru_cache(maxsize=200000)
def _decode(raw: bytes, codec: str) -> Optional[str]:
    try:
        out = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return out if len(out) == 1 else None


def _single_step(b0: int) -> list:
    """The step shared by every codec: an ASCII byte is itself; a barrier allows nothing."""
    return [] if b0 == BARRIER else [(1, chr(b0), 0.0)]


def _steps_double(B: list[int], p: int, codec: str, trail_ok: Callable[[int], bool]):
    """Candidate characters starting at byte p for a double-byte codec: (length, char, extra)."""
    b0 = B[p]
    if b0 == BARRIER or 0 <= b0 < 0x80:
        return _single_step(b0)
    out = []
    if p + 1 < len(B):
        b1 = B[p + 1]
        if b1 == BARRIER:
            return out
        lead_ok = b0 == WILD or 0x81 <= b0 <= 0xFE
        t_ok = b1 == WILD or (b1 >= 0 and trail_ok(b1))
        if lead_ok and t_ok:
            if b0 >= 0 and b1 >= 0:
                ch = _decode(bytes((b0, b1)), codec)
                if ch is not None:
                    out.append((2, ch, 0.0))
            elif not (b0 == WILD and b1 == WILD):
                key = (None if b0 == WILD else b0, None if b1 == WILD else b1)
                for lp, ch in _pattern_index(codec).get(key, ()):
                    out.append((2, ch, 0.0))
    return out


def _steps_utf8(B: list[int], p: int):
    """Candidate characters starting at byte p for UTF-8: (length, char, extra)."""
    b0 = B[p]
    if b0 == BARRIER or 0 <= b0 < 0x80:
        return _single_step(b0)
    out = []
    for n, lo, hi in ((2, 0xC2, 0xDF), (3, 0xE0, 0xEF)):
        if p + n > len(B):
            continue
        if not (b0 == WILD or lo <= b0 <= hi):
            continue
        seq = B[p : p + n]
        if BARRIER in seq or any(b >= 0 and not (0x80 <= b <= 0xBF) for b in seq[1:]):
            continue
        wild = seq.count(WILD)
        if wild == 0:
            ch = _decode(bytes(seq), "utf-8")
            if ch is not None:
                out.append((n, ch, 0.0))
        elif wild < n:
            key = tuple(None if b == WILD else b for b in seq)
            for lp, ch in _pattern_index("utf-8").get(key, ()):
                out.append((n, ch, 0.0))
    return out


def _gbk_trail(b: int) -> bool:
    return 0x40 <= b <= 0xFE and b != 0x7F


def _big5_trail(b: int) -> bool:
    return 0x40 <= b <= 0x7E or 0xA1 <= b <= 0xFE


def _emit_cost(prev: str, ch: str) -> float:
    if ch in " \t\r":
        return P.COST_SPACE
    return P.bigram_logprob(prev, ch) if prev else P.char_logprob(ch)


def _lattice_search(
    text: str,
    source: str,
    target: str,
    skip: bool = False,
    insert: bool = False,
    beam: int = 8,
) -> tuple[str, float, int]:
    """Best reading of ``text`` as bytes of ``source`` re-decoded as ``target``.

    Every character may be kept as it is (at its byte boundary) or its bytes may
    be re-paired with the target codec; ``U+FFFD`` and ``?`` are unknown bytes.
    Returns (best text, score gain over keeping everything, bytes dropped).
    """
    B: list[int] = []
    starts: dict[int, int] = {}
    for k, ch in enumerate(text):
        starts[len(B)] = k
        if ch in "\ufffd?":
            B.append(WILD)
            continue
        if "\ue000" <= ch <= "\uf8ff":
            B.append(BARRIER)
            continue
        try:
            raw = ch.encode(source)
        except UnicodeEncodeError:
            raw = b""
        if not raw or (source in ("gbk", "gb18030") and len(raw) > 2):
            B.append(BARRIER)
        else:
            B.extend(raw)
    L = len(B)
    ends = {}
    for pos, k in starts.items():
        ends[k] = pos
    ends[len(text)] = L
    # state key: (last char, decoding?) -> (score, back, emitted, dropped)
    states: list[dict] = [dict() for _ in range(L + 1)]
    states[0][("", False)] = (0.0, None, "", 0)

    def push(np, key, value):
        cur = states[np].get(key)
        if cur is None or value[0] > cur[0]:
            states[np][key] = value

    if target == "utf-8":
        step = _steps_utf8
    else:
        trail = _gbk_trail if target in ("gbk", "gb18030") else _big5_trail
        step = lambda B_, p_: _steps_double(B_, p_, target, trail)  # noqa: E731

    for p in range(L):
        here = states[p]
        if not here:
            continue
        if len(here) > beam:
            items = sorted(here.items(), key=lambda kv: -kv[1][0])[:beam]
        else:
            items = list(here.items())
        k = starts.get(p)
        cands = step(B, p)
        for (prev, decoding), (sc, back, _, dropped) in items:
            node = (p, prev, decoding)
            if k is not None:
                ch = text[k]
                np = ends[k + 1]
                push(np, (ch, False), (sc + _emit_cost(prev, ch), node, ch, dropped))
            enter = 0.0 if decoding else SWITCH_COST
            for n, ch, extra in cands:
                if k is not None and n == ends[k + 1] - p and ch == text[k]:
                    continue  # same as keeping the character
                push(p + n, (ch, True), (sc + enter + extra + _emit_cost(prev, ch), node, ch, dropped))
            if skip and B[p] != BARRIER:
                push(p + 1, (prev, True), (sc + enter + SKIP_COST, node, "", dropped + 1))
            nxt = B[p + 1] if p + 1 < L else BARRIER
            if k is not None and insert and text[k] in "?？" and nxt >= 0x40:
                # '?' may stand for a fullwidth '？' (A3 BF) split by the shift: A3 ends a
                # character whose lead was lost, BF leads the next pair.
                second = _decode(bytes((0xBF, nxt)), target)
                if second is not None:
                    for lp, ch in _pattern_index(target).get((None, 0xA3), ())[:8]:
                        cost = INSERT_COST + _emit_cost(prev, ch) + _emit_cost(ch, second)
                        push(p + 2, (second, True), (sc + enter + cost, node, ch + second, dropped))
            if insert and B[p] >= 0x40 and (nxt >= 0x80 or nxt == WILD) and target in ("gbk", "gb18030"):
                for lp, ch in _pattern_index(target).get((None, B[p]), ()):
                    push(p + 1, (ch, True), (sc + enter + INSERT_COST + _emit_cost(prev, ch), node, ch, dropped))
    final = states[L]
    if not final:
        return text, 0.0, 0
    key, best = max(final.items(), key=lambda kv: kv[1][0])
    pieces = []
    dropped = best[3]
    node = (L, key[0], key[1])
    value = best
    while value[1] is not None:
        pieces.append(value[2])
        p, prev, decoding = value[1]
        value = states[p][(prev, decoding)]
    out = "".join(reversed(pieces))
    base = 0.0
    prev = ""
    for ch in text:
        base += _emit_cost(prev, ch)
        prev = ch
    return out, best[0] - base, dropped


def _windows(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` worth searching: suspicious characters plus context, merged."""
    pat, q1, q2 = _rare_pair_re()
    spans = [(m.start(), m.end()) for m in q1.finditer(text)] + [(m.start(), m.end()) for m in q2.finditer(text)]
    spans.extend(_rare_clusters(text))
    for m in re.finditer("[\ufffd]", text):
        spans.append((m.start(), m.end()))
    if not spans:
        return []
    spans.sort()
    merged = []
    for a, b in spans:
        a = max(0, a - 24)
        b = min(len(text), b + 24)
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _search_fix(text: str, source: str, target: str, min_gain: float, **kw) -> str:
    out = []
    last = 0
    changed = False
    for a, b in _windows(text):
        window = text[a:b]
        if _han_share(window) < 0.5:
            continue  # Greek, Cyrillic, symbols...: not CJK mojibake
        fixed, gain, dropped = _lattice_search(window, source, target, **kw)
        if fixed != window and gain >= min_gain + 2.0 * dropped:
            out.append(text[last:a])
            out.append(fixed)
            last = b
            changed = True
    if not changed:
        return text
    out.append(text[last:])
    return "".join(out)


# --------------------------------------------------------------------------
# 1. UTF-8 read as GBK / GB18030
# --------------------------------------------------------------------------

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+(?:[\x40-\x7e][^\x00-\x7f]+)*[\x40-\x7e]?")


def fix_utf8_as_gbk(text: str) -> str:
    """Undo UTF-8 bytes decoded as GBK/GB18030 (``发布`` → ``鍙戝竷``).

    Whole runs are first re-encoded with GB18030 and decoded strictly as UTF-8;
    runs with lost bytes (``�`` or ``?``) go through the byte search, which fills
    each unknown byte with the most plausible character.

    >>> fix_utf8_as_gbk("新闻发布会上".encode("utf-8").decode("gb18030"))
    '新闻发布会上'
    >>> "今天在北京开会".encode("utf-8").decode("gbk", "replace")
    '浠婂ぉ鍦ㄥ寳浜\ufffd寮\ufffd浼\ufffd'
    >>> fix_utf8_as_gbk(_)
    '今天在北京开会'
    """

    def strict(m: "re.Match[str]") -> str:
        run = m.group(0)
        if _han_share(run) < 0.5:
            return run
        try:
            out = run.encode("gb18030").decode("utf-8")
        except UnicodeError:
            return run
        if out != run and P.score(out) - P.score(run) >= 2.0 and P.score(out) > -11:
            return out
        return run

    text = _NON_ASCII_RUN.sub(strict, text)
    return _search_fix(text, "gb18030", "utf-8", min_gain=8.0, skip=False)


# --------------------------------------------------------------------------
# 4. Big5 <-> GBK
# --------------------------------------------------------------------------


def fix_big5_gbk_swap(text: str) -> str:
    """Undo Big5 text decoded as GBK (``新聞`` → ``穝籇``) or GBK decoded as Big5.

    Both directions are tried on each non-ASCII run (strictly, then by the byte
    search that fills U+FFFD holes); the more plausible reading wins if it
    clearly beats the text as it is.

    >>> fix_big5_gbk_swap("新聞發佈會".encode("big5").decode("gbk", "replace"))
    '新聞發佈會'
    >>> fix_big5_gbk_swap('新闻发布会'.encode('gbk').decode('big5hkscs', 'replace'))
    '新闻发布会'
    """
    best, best_score = text, None

    def strict(run: str, src: str, dst: str) -> Optional[str]:
        try:
            return run.encode(src).decode(dst)
        except UnicodeError:
            return None

    base = P.score(text)
    candidates = []
    for src, dst, rule in (("gb18030", "cp950", "big5-as-gbk"), ("big5hkscs", "gbk", "gbk-as-big5"), ("cp950", "gbk", "gbk-as-big5")):
        def repl(m: "re.Match[str]", src=src, dst=dst) -> str:
            run = m.group(0)
            if _han_share(run) < 0.5:
                return run
            out = strict(run, src, dst)
            if out is not None and P.score(out) - P.score(run) >= 3.0 and P.score(out) > -10.5:
                return out
            return run

        cand = _NON_ASCII_RUN.sub(repl, text)
        if cand == text and "\ufffd" in text or cand == text:
            cand = _search_fix(text, src, dst, min_gain=10.0)
        if cand != text:
            candidates.append((P.score(cand), cand))
    if candidates:
        sc, cand = max(candidates)
        if sc - base >= 1.0:
            return cand
    return best


def _swap_rule(before: str, after: str) -> str:
    """Name the Big5/GBK direction of a swap repair."""
    try:
        if before.encode("gb18030").decode("cp950", "replace") == after:
            return "big5-as-gbk"
    except UnicodeError:
        pass
    return "gbk-as-big5" if any(ch != "\ufffd" for ch in after) and P.score(after) and _mostly_gbk(after) else "big5-as-gbk"


def _mostly_gbk(text: str) -> bool:
    try:
        text.encode("gbk")
        return True
    except UnicodeEncodeError:
        return False


# --------------------------------------------------------------------------
# 5. Misaligned GBK
# --------------------------------------------------------------------------


def fix_gbk_misaligned(text: str) -> str:
    """Re-pair a GBK byte stream shifted by a lost byte (garbled but valid GBK characters).

    The line's characters are re-encoded as GBK; the byte search may drop one
    byte or assume one lost lead byte and re-pairs the rest. ``?`` and ``�`` are
    unknown bytes. Accepted only with a clear plausibility gain.

    >>> raw = "我们看到他们拿到了药品".encode("gbk")
    >>> garbled = (raw[:10] + raw[11:]).decode("gbk", "replace")
    >>> fix_gbk_misaligned(garbled)
    '我们看到他们拿到了药品'
    """
    return _search_fix(text, "gb18030", "gbk", min_gain=8.0, skip=True, insert=True)


# --------------------------------------------------------------------------
# 3. UTF-8 read as cp1252 (ftfy)
# --------------------------------------------------------------------------

_FTFY_QUICK = re.compile("[\u00c2-\u00f4]")
_FTFY_FULL = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


@lru_cache(maxsize=1)
def _ftfy_config():
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_character_width=False,
        decode_inconsistent_utf8=False,
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_line_breaks=False,
        normalization=None,
        remove_terminal_escapes=False,
        fix_surrogates=False,
        remove_control_chars=False,
        explain=False,
    )


def fix_utf8_as_cp1252(text: str) -> str:
    """Undo UTF-8 decoded as cp1252/Latin-1, including double encoding (ftfy).

    Runs only behind a cheap pre-check, with a configuration that leaves Chinese
    punctuation, quotes and width alone.

    >>> fix_utf8_as_cp1252("ä¸\\xadæ–‡æ–°é—»")
    '中文新闻'
    >>> fix_utf8_as_cp1252("“你好”，他说。")
    '“你好”，他说。'
    """
    if not _FTFY_QUICK.search(text) or not _FTFY_FULL.search(text):
        return text
    import ftfy

    return ftfy.fix_text(text, config=_ftfy_config())


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------

_STAGES: list[tuple[str, Callable[[str], str]]] = [
    ("control-char", remove_c0_controls),
    ("html-entity", unescape_entities),
    ("pinyin-gloss", strip_pinyin_glosses),
    ("replacement-run", remove_replacement_runs),
    ("gbk-as-latin1", fix_gbk_as_latin1),
    ("utf8-as-gbk", fix_utf8_as_gbk),
    ("big5-gbk-swap", fix_big5_gbk_swap),
    ("gbk-misaligned", fix_gbk_misaligned),
    ("utf8-as-cp1252", fix_utf8_as_cp1252),
    ("control-char", remove_c1_controls),
    ("replacement-run", drop_replacement_chars),
]


def _opcodes(a: str, b: str):
    from difflib import SequenceMatcher

    return [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]


CLUSTER_GATE = -10.5  # mean unigram log-probability of the worst 4-character window (notes A.2)
_CHUNK_END = re.compile(r"(?<=[。！？!?])")
_CHUNK_MIN = 200


def repair_line(line: str) -> tuple[str, list[Fix]]:
    """Repair one line; return the new line and the fixes, relative to ``line``.

    A long line (a whole article on one line) is repaired sentence by sentence,
    so one damaged spot does not send the whole line through the slow searches.

    >>> repair_line("新闻&amp;评论")[0]
    '新闻&评论'
    """
    if len(line) <= _CHUNK_MIN or not needs_repair(line):
        return _repair_chunk(line)
    out: list[str] = []
    fixes: list[Fix] = []
    offset = 0
    for chunk in _CHUNK_END.split(line):
        new, chunk_fixes = _repair_chunk(chunk)
        out.append(new)
        fixes.extend((rule, start + offset, end + offset, before, after, reason)
                     for rule, start, end, before, after, reason in chunk_fixes)
        offset += len(chunk)
    return "".join(out), fixes


def _repair_chunk(line: str) -> tuple[str, list[Fix]]:
    """Repair one line or sentence; return the new text and the fixes, relative to ``line``.

    Each fix is ``(rule, start, end, before, after, reason)``; applying them right
    to left to ``line`` gives the new line. Deterministic and idempotent.

    >>> repair_line("新闻&amp;评论")
    ('新闻&评论', [('html-entity', 3, 7, 'amp;', '', 'decoded an HTML character reference')])
    """
    if not needs_repair(line):
        return line, []
    original = line
    # orig[i]: position in the original line of the boundary before current char i
    orig = list(range(len(line) + 1))
    touched: list[tuple[int, int, str]] = []  # (orig start, orig end, rule)
    for _round in range(3):
        before_round = line
        for rule, fn in _STAGES:
            new = fn(line)
            if new == line:
                continue
            if rule == "big5-gbk-swap":
                rule = _swap_rule(line, new)
            new_orig = [0] * (len(new) + 1)
            from difflib import SequenceMatcher

            for tag, i1, i2, j1, j2 in SequenceMatcher(None, line, new, autojunk=False).get_opcodes():
                if tag == "equal":
                    for d in range(j2 - j1):
                        new_orig[j1 + d] = orig[i1 + d]
                else:
                    for j in range(j1, j2):
                        new_orig[j] = orig[i1]
                    touched.append((orig[i1], orig[i2], rule))
            new_orig[len(new)] = orig[len(line)]
            line, orig = new, new_orig
        if line == before_round or not needs_repair(line):
            break
    fixes: list[Fix] = []
    for tag, i1, i2, j1, j2 in _opcodes(original, line):
        best_rule, best_overlap = None, -1
        for a, b, rule in touched:
            overlap = min(b, i2) - max(a, i1)
            if (overlap > best_overlap) or (best_rule is None and a <= i2 and b >= i1):
                best_rule, best_overlap = rule, overlap
        rule = best_rule or "control-char"
        fixes.append((rule, i1, i2, original[i1:i2], line[j1:j2], REASONS.get(rule, rule)))
    return line, fixes


def repair(text: str) -> str:
    """Repair a whole string line by line (convenience wrapper).

    >>> repair("ÖÐÎÄ\\n中文")
    '中文\\n中文'
    """
    return "\n".join(repair_line(line)[0] for line in text.split("\n"))


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Pass entry point: repair every line; the line count never changes."""
    lines = []
    edits: list[Edit] = []
    for index, line in enumerate(doc.lines):
        new, fixes = repair_line(line)
        lines.append(new)
        for rule, start, end, before, after, reason in fixes:
            edits.append(Edit(PASS_NAME, rule, index, start, end, before, after, reason))
    if not edits:
        return doc, []
    return doc.with_lines(lines), edits
