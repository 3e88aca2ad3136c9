"""Pass 1: repair mojibake and encoding debris, line by line.

Each repair is a small function that undoes one kind of damage, in the style of
``ftfy/fixes.py``. :func:`repair_line` chains them in this order:

1. :func:`remove_terminal_escapes`, :func:`fix_radical_glyphs`, :func:`remove_c0_controls`,
   :func:`unescape_entities`, :func:`decode_mime_words`, :func:`strip_pinyin_glosses`
2. :func:`remove_replacement_runs` (``锟斤拷``), :func:`fix_utf8_as_cp1252_lossy` (U+FFFD in UTF-8 read as cp1252)
3. CJK codec repairs: :func:`fix_gbk_as_latin1`, :func:`fix_utf8_as_gbk`,
   :func:`fix_big5_as_gbk`, :func:`fix_gbk_as_big5`, :func:`fix_gbk_misaligned`
4. :func:`fix_utf8_as_cp1252` (ftfy, Chinese-safe configuration)
5. :func:`remove_c1_controls`, :func:`drop_replacement_chars`

Clean text never reaches the expensive steps: :func:`candidate_lines` scans a
whole document with a few character-class regexes, :func:`needs_repair` gates
each line, and the byte searches only see :func:`suspect_spans` (U+FFFD, a lost
``?``, dense runs of rare characters that score like mojibake after t2s, wholly
garbled lines). The CJK repairs are scored with
:mod:`cleannews.plausibility` and accepted only with a clear gain, so clean
simplified and traditional text is left alone. The byte searches choose the
character behind a lost byte with the dictionary bigrams mixed with a
running-text bigram (which knows pairs across words and beside marks), keep a
line in one script, and weigh a rival reading of a window fully only when a
narrow search shows it close. Where the bytes are UTF-8 but for the lost ones (a
whole line of UTF-8 read as GBK, a run of UTF-8 read as cp1252), the byte
boundaries are certain: the few characters each hole can hold are chosen
without a search (:func:`_read_utf8`), and a chunk repaired once is remembered.

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

import heapq
import html
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress, islice, product
from typing import Callable, Iterator, Optional

from .document import Document, Options
from .edits import Edit
from . import plausibility as P
from .caching import table_cache

PASS_NAME = "mojibake"

#: (rule, start, end, before, after, reason), offsets into the line given to repair_line
Fix = tuple[str, int, int, str, str, str]

REASONS = {
    "terminal-escape": "removed an ANSI terminal escape (colour or cursor code) of a telnet capture",
    "radical-glyph": "a PDF's radical glyph (⼀, U+2F00) replaced by the character it stands for (一)",
    "control-char": "removed a stray control character",
    "html-entity": "decoded an HTML character reference",
    "mime-word": "decoded a MIME encoded-word (=?UTF-8?B?…?=) of a mail header saved as text",
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

# Each regex is one class or starts with one, so sre's prefilter scans fast; an alternation of
# them would be ten times slower (28 MB/s). A lone Latin-1 sign (·, °, ×, é) is ordinary text:
# codec damage leaves two high characters close together, and a converter's pinyin gloss
# carries a tone mark or digit.
_DEBRIS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffd&锟\u2e80-\u2fdf]")
_LATIN_PAIR = re.compile(
    "[\xa1-\xff][\x40-\x7e]?[\xa1-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Whole-document scans (candidate_lines), whose hits needs_repair then checks line by line: one class
# for the debris and the tone marks of the regexes above (not for every Latin-1 sign: thousands of clean
# lines carry a ·, © or no-break space), the Latin-1 pairs, and the closing parenthesis of a digit-toned
# gloss (one regex per parenthesis: a literal first is found by a fast search, a class is tried at every character).
_ANY_DEBRIS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\ufffd&锟\u2e80-\u2fdfāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300-\u036f]")
_DIGIT_GLOSSES = (re.compile(r"\)(?<=[a-zA-Zü][1-5]\))"), re.compile("）(?<=[a-zA-Zü][1-5]）)"))
_GLOSS_HINT = re.compile(
    "[(（](?<=[\u3400-\u9fff][(（])"
    "(?:[a-zA-Zü\u0251\u0261]{0,7}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300-\u036f]|[a-zA-Zü]{1,7}[1-5][)）])"
)
# Punctuation, symbols and forms of clean text; none of them is evidence of codec damage.
_CLEAN_PUNCT = (
    "\u2010-\u2027\u2030-\u205e\u2100-\u218f\u2460-\u24ff\u2500-\u27bf\ufe30-\ufe6f"
    "，。、：；！？“”‘’（）《》〈〉「」『』【】—…·～－　０-９Ａ-Ｚａ-ｚ％＠＃＆＝＋／\u3000-\u303f\uff01-\uff5e"
)
RARE_LOGPROB = -11.5  # a Han character below this unigram log-probability counts as rare
DENSE_GATE = -11.0  # mean bigram log-probability (simplified form) of a dense rare run that is damage
LINE_GATE = -9.5  # mean bigram log-probability (simplified form) of a wholly garbled line (notes A.2)
LOST_BYTE_GATE = -9.0  # mean bigram log-probability of a garbled side of a U+FFFD or "?" (clean: above -8.9)
RARE_SHARE = 0.3  # share of rare characters among the non-ASCII ones that calls for LINE_GATE


@dataclass(frozen=True)
class _GateRegexes:
    rare: "re.Pattern[str]"  # one rare (or non-text) character
    dense: "re.Pattern[str]"  # four rare characters with at most one other between neighbours
    loose: "re.Pattern[str]"  # four rare characters with at most three others between neighbours
    question: "re.Pattern[str]"  # an ASCII '?' beside a rare character: a lost byte saved as '?'


@lru_cache(maxsize=None)
def _gate_regexes() -> _GateRegexes:
    """Regexes over "rare" characters: not common Han, ASCII, whitespace or clean punctuation.

    Each is one class or a simple sequence of it: sre scans a single class with a
    bitmap, while an alternation would be ten times slower.
    """
    common = sorted(ch for ch in P.common_chars(RARE_LOGPROB) if ord(ch) < 0x10000)  # BMP keeps the bitmap
    ranges: list[tuple[int, int]] = []
    for o in map(ord, common):
        if ranges and o == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], o)
        else:
            ranges.append((o, o))
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    rare = f"[^\\x00-\\x7f\\s{_CLEAN_PUNCT}{cls}]"
    return _GateRegexes(
        re.compile(rare),
        re.compile(f"{rare}(?:.?{rare}){{3}}"),
        re.compile(f"{rare}(?:.{{0,3}}{rare}){{3}}"),
        re.compile(f"\\?(?:(?={rare})|(?<={rare}\\?))"),  # starts with the literal: sre finds it fast
    )


def _simplified(text: str) -> str:
    """OpenCC t2s form: the tables under-count traditional characters, so score this form."""
    return _t2s().convert(text)


def suspect_spans(line: str) -> list[tuple[int, int]]:
    """Spans that show CJK codec damage; clean text, including rare names and traditional text, has none.

    Evidence: U+FFFD; an ASCII ``?`` beside a rare character (a lost byte saved as
    ``?``); a dense run of rare characters whose simplified form scores below
    :data:`DENSE_GATE` (misaligned GBK decodes to valid but rare characters, see
    notes A.2); a line that is mostly rare characters and scores below
    :data:`LINE_GATE` (a whole line read with the wrong codec).

    >>> suspect_spans("今天天氣很好，黃旼泫、邕聖祐出席。"), suspect_spans("今天吹剿麄兡玫剿幖拥那")
    ([], [(4, 9)])
    """
    return sorted(_suspect_evidence(line))


def _has_suspect_span(line: str) -> bool:
    """``bool(suspect_spans(line))``, stopping at the first evidence (a garbled line has many dense runs to score)."""
    return next(_suspect_evidence(line), None) is not None


def _suspect_evidence(line: str) -> Iterator[tuple[int, int]]:
    """The spans of :func:`suspect_spans`, unsorted, as found."""
    regexes = _gate_regexes()
    found = False
    if "\ufffd" in line:
        for m in _FFFD.finditer(line):
            found = True
            yield m.span()
    if "?" in line:
        for m in regexes.question.finditer(line):
            if _garbled_beside(line, *m.span()):
                found = True
                yield m.span()
    if not regexes.loose.search(line):  # nor a dense run, which is a loose run too
        if not found:  # but a short run may still re-read as UTF-8 Han text
            yield from ((start, end) for start, end, _ in _utf8_han_spans(line))
        return
    for m in regexes.dense.finditer(line):
        if _rare_han(m.group(0)) >= 2:  # not a run of kana, Hangul or Cyrillic
            if P.score(_simplified(line[max(0, m.start() - 2) : m.end() + 2])) < DENSE_GATE:
                found = True
                yield m.span()
    if not found:
        rare = regexes.rare.findall(line)
        n_wide = (len(line.encode("utf-8")) - len(line)) // 2  # about one per non-ASCII character
        if len(rare) >= 4 and len(rare) > RARE_SHARE * n_wide and _rare_han("".join(rare)) >= 2:
            if P.score(_simplified(line)) < LINE_GATE:
                yield (0, len(line))


def _rare_han(text: str) -> int:
    """Number of rare Han characters in ``text``."""
    rare = _gate_regexes().rare
    return sum(1 for ch in text if P.is_han(ch) and rare.match(ch))


def _garbled_beside(line: str, start: int, end: int, width: int = 4) -> bool:
    """Is the text on either side of a ``?`` implausible?

    A character that an encoder could not write became ``?`` in clean text
    (``梁?昕``): its neighbours are plausible and no codec repair restores it. A
    byte lost in a GBK stream garbles a side. (U+FFFD needs no such check: clean
    text rarely has one, while a short misaligned run before it can look plausible.)
    """
    for side in (line[max(0, start - width) : start], line[end : end + width]):
        side = side.replace("\ufffd", "").replace("?", "").strip()
        if len(side) >= 2 and P.score(_simplified(side)) < LOST_BYTE_GATE:  # one character says little
            return True
    return False


def needs_repair(line: str) -> bool:
    """Cheap gate: could this line contain anything the pass repairs?

    >>> needs_repair("今天天气很好。"), needs_repair("今天天氣很好。"), needs_repair("ÖÐÎÄ")
    (False, False, True)
    """
    if line.isascii():
        return "&" in line or "=?" in line or bool(_C0.search(line))
    if _DEBRIS.search(line) or _LATIN_PAIR.search(line) or _GLOSS_HINT.search(line) or "=?" in line:
        return True
    return _has_suspect_span(line)


# --------------------------------------------------------------------------
# 6. Controls and HTML entities
# --------------------------------------------------------------------------

# C0 controls and DEL, and the zero-width characters a page leaves in its text (U+200B space, U+2060
# word joiner, U+FEFF as a mid-text BOM); ZWJ/ZWNJ stay, emoji and some scripts need them.
_C0 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2060\ufeff]")
_C1 = re.compile("[\x80-\x9f]")
_FFFD = re.compile("\ufffd")


def remove_terminal_escapes(text: str) -> str:
    """Remove ANSI terminal escapes (colour and cursor codes) that a telnet or BBS capture saved with the text
    (ftfy's fix), before the lone ESC would be removed and leave ``[1;31m`` behind.

    >>> remove_terminal_escapes("\\x1b[1;31m发信人\\x1b[m: haiyan")
    '发信人: haiyan'
    """
    from ftfy.fixes import remove_terminal_escapes as ftfy_remove

    return ftfy_remove(text) if "\x1b" in text else text


# Kangxi radicals (U+2F00-U+2FD5) and the CJK radical supplement: a PDF's text layer maps common
# characters to these look-alike glyphs (⼀⼈⼯ for 一人工); NFKC gives the ideograph where Unicode has one.
_RADICAL = re.compile("[\u2e80-\u2fdf]")


def fix_radical_glyphs(text: str) -> str:
    """Replace radical glyphs that stand for ordinary characters (text extracted from a PDF) by those characters.

    >>> fix_radical_glyphs("进⼀步改善居民⽣活")
    '进一步改善居民生活'
    """
    return _RADICAL.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def remove_c0_controls(text: str) -> str:
    """Remove C0 control characters (tab, CR and LF are kept), DEL and zero-width spaces.

    >>> remove_c0_controls("新\\x00闻\\x1b稿\\t完"), remove_c0_controls("\\u200b关注他")
    ('新闻稿\\t完', '关注他')
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


# RFC 2047 encoded-words (=?charset?B|Q?payload?=); the white space between two of them is not text
_WORD = r"=\?[\w.:-]+(?:\*[\w-]+)?\?[BbQq]\?[^?\s]*\?="
_MIME_WORD = re.compile(_WORD)
_MIME_RUN = re.compile(rf"{_WORD}(?:[ \t]+{_WORD})*")


def _mime_run_value(m: "re.Match[str]") -> str:
    from email.header import decode_header

    try:
        parts = decode_header(m.group(0))
        return "".join(
            part.decode(_MIME_CHARSETS.get((charset or "ascii").lower(), charset or "ascii")) if isinstance(part, bytes) else part
            for part, charset in parts
        )
    except (LookupError, UnicodeDecodeError, ValueError):  # an unknown charset or bytes it cannot hold: leave it
        return m.group(0)


_MIME_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}  # what mailers meant by them


def decode_mime_words(text: str) -> str:
    """Decode the MIME encoded-words of a mail header that was saved as text (a newsletter, a list archive).

    >>> decode_mime_words("主题: =?UTF-8?B?5r6c5aOw5pep5oql?=")
    '主题: 澜声早报'
    >>> decode_mime_words("Subject: =?GB2312?B?1tDOxA==?= =?GB2312?Q?=D0=C2=CE=C5?=")
    'Subject: 中文新闻'
    >>> decode_mime_words("=?x-unknown?B?AAAA?= 原样")
    '=?x-unknown?B?AAAA?= 原样'
    """
    return _MIME_RUN.sub(_mime_run_value, text) if "=?" in text else text


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

    A lone U+FFFD between plausible text is kept: it marks a character that is
    missing (an encoder could not write ``瑄`` of ``徐若瑄`` as GBK, a byte was lost
    and no reading restores it), and deleting it would make the text look whole.

    >>> drop_replacement_chars("周渝民徐若\\ufffd不说爱情")
    '周渝民徐若\\ufffd不说爱情'
    """
    if "\ufffd" not in text:
        return text
    return _FFFD.sub(lambda m: m.group(0) if _lone_in_plausible_text(text, m.start()) else "", text)


def _lone_in_plausible_text(text: str, pos: int, width: int = 4) -> bool:
    """Is the U+FFFD at ``pos`` the only one near, between two sides of at least two plausible characters?"""
    left, right = text[max(0, pos - width) : pos], text[pos + 1 : pos + 1 + width]
    if "\ufffd" in left or "\ufffd" in right or len(left.strip()) < 2 or len(right.strip()) < 2:
        return False
    return all(P.score(_simplified(side)) >= DENSE_GATE for side in (left, right))


# --------------------------------------------------------------------------
# 2. GBK read as Latin-1 / cp1252
# --------------------------------------------------------------------------

_CP1252_HIGH = "\x80-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
# A run does not start with NBSP: scraped text uses it as a space (a later pass turns it into
# one, and the run after it must read the same with or without it), and as a GBK lead byte
# (A0) it only starts rare characters.
_LATIN_RUN = re.compile(f"(?!\xa0)(?:[{_CP1252_HIGH}][\x40-\x7e]?)*[{_CP1252_HIGH}][\x40-\x7e]?")


def _euro_handler(err: UnicodeError):
    """Decode a stray 0x80 as '€', as Windows code page 936 does; anything else stays an error."""
    if isinstance(err, UnicodeDecodeError) and err.object[err.start] == 0x80:
        return "€", err.start + 1
    raise err


import codecs as _codecs

_codecs.register_error("cleannews-euro", _euro_handler)


# Big5 read as GBK is half kana, Greek and symbols (GBK rows A1-A9); Cyrillic or Greek text has no Han.
MIN_HAN_SHARE = 0.25


def _han_share(text: str) -> float:
    """Share of Han characters among the non-ASCII characters of ``text``."""
    non_ascii = [ch for ch in text if not ch.isascii() and ch not in "\ufffd"]
    if not non_ascii:
        return 0.0
    return sum(1 for ch in non_ascii if P.is_han(ch)) / len(non_ascii)


def _cjk_count(text: str, symbols: bool = False) -> int:
    """Han characters and CJK punctuation in ``text``; with ``symbols``, also GB2312's symbol rows (``℃``, ``“”``)."""
    return len(_cjk_regexes()[symbols].findall(text))


def _gb_symbol(ch: str) -> bool:
    """Is ``ch`` in GB2312's symbol rows (lead bytes A1-A9)?"""
    try:
        raw = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xA1 <= raw[0] <= 0xA9


@lru_cache(maxsize=None)
def _cjk_regexes() -> tuple["re.Pattern[str]", "re.Pattern[str]"]:
    """One character of :func:`_cjk_count`'s classes, without and with GB2312's symbol rows (one class: C speed)."""
    symbols = {ch for lead in range(0xA1, 0xAA) for trail in range(0xA1, 0xFF)
               if (ch := _decode(bytes((lead, trail)), "gb2312")) is not None and _gb_symbol(ch)}
    cjk = f"{P.HAN_CLASS}\u3000-\u303f\uff01-\uff5e"
    return re.compile(f"[{cjk}]"), re.compile(f"[{cjk}{''.join(map(re.escape, sorted(symbols)))}]")


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

    def repl(m: "re.Match[str]") -> str:
        run = m.group(0)
        reading = _gbk_reading(run)
        if reading is None:
            return run
        out, n_cjk = reading
        if n_cjk < 2 and not (n_cjk == 1 and len(run) == 2 and state["single"]):
            return run
        return out

    if not _LATIN_RUN.search(text):
        return text
    # a lone two-byte character (e.g. 月 between digits) is accepted only in Chinese context
    state = {"single": False}
    first = _LATIN_RUN.sub(repl, text)
    # a field label ("标题：", "来源：") says nothing about the value's language
    state["single"] = first != text or _cjk_count(_LABEL_PREFIX.sub("", text)) > 0
    return _LATIN_RUN.sub(repl, first) if state["single"] else first


@lru_cache(maxsize=4096)
def _gbk_reading(run: str) -> Optional[tuple[str, int]]:
    """``run`` read as GBK bytes and its CJK count, if that reading has CJK text and scores clearly better; else None.

    Remembered: :func:`fix_gbk_as_latin1` weighs the runs of a line twice.
    """
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    try:
        raw = run.encode("sloppy-windows-1252")
    except UnicodeEncodeError:
        return None
    for codec in ("gbk", "gb18030"):
        try:
            out = raw.decode(codec, errors="cleannews-euro")
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    n_cjk = _cjk_count(out, symbols=True)  # decoded GBK symbols (℃, “) count; Latin-1 ones (×, ·) in the input do not
    if not n_cjk:
        return None
    score = P.score(out)
    return (out, n_cjk) if score >= -11.5 and score - P.score(run) >= 2.0 else None


# --------------------------------------------------------------------------
# Byte-lattice search (types 1, 4, 5)
# --------------------------------------------------------------------------

WILD = -1  # unknown byte (U+FFFD or '?')
BARRIER = -2  # a character the wrong codec cannot have produced

SWITCH_COST = -10.0  # entering a re-decoded stretch from kept text
SKIP_COST = -14.0  # dropping one byte
INSERT_COST = -6.0  # assuming one lost lead byte
TOP_K = 128  # candidates kept per wildcard byte pattern (the search weighs only the promising ones)
INSERT_TOP_K = 16  # candidates for a lost lead byte, tried at every position
LINE_END_MARK = 3.0  # a line usually ends with a closing mark: a hole there is more likely one
BEAM = 8  # states kept per byte position
SCREEN_BEAM = 2  # states kept per byte position by the narrow search that screens a reading
SCREEN_SLACK = 10.0  # nats a narrow search may fall short of the margin a reading must beat and still get the full search
_CLOSING_MARKS = frozenset("。！？；：，、…」』）》”")


@lru_cache(maxsize=None)
def _vocab() -> list[tuple[float, str]]:
    """Characters a hole may hold, best first: the dictionary's, and the marks, fullwidth digits and
    symbols of running text (Big5 loses the lead byte of ``１``, ``％``, ``．``)."""
    uni = P._unigrams()[0]
    chars = [(lp, ch) for ch, lp in uni.items() if len(ch) == 1 and (P.is_han(ch) or not ch.isascii())]
    for ch in P.COMMON_CJK_PUNCT:
        chars.append((P.char_logprob(ch), ch))
    known = {ch for _, ch in chars}
    chars += [(P.char_logprob(ch), ch) for ch in P._running() if len(ch) == 1 and not ch.isascii() and ch not in known]
    chars.sort(key=lambda t: (-t[0], t[1]))
    return chars


@table_cache
def _pattern_index(
    codec: str, rejected_by: Optional[str] = None, top_k: Optional[int] = TOP_K
) -> dict[tuple, list[tuple[float, str]]]:
    """Wildcard pattern → the ``top_k`` best characters (all with None).

    E.g. ``(None, 0xB4)`` → chars whose trail byte is B4.

    With ``rejected_by`` (the decoder that wrote U+FFFD for the unknown bytes), a
    double-byte character is a candidate only if that decoder cannot read its two
    bytes: it would have decoded them instead of writing U+FFFD. For Big5 read as
    GBK this leaves the few leads GBK reserves (A1-A7 before trail A1, AA-AF, F8-FE),
    instead of every character with the right trail byte.
    """
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
        n = len(b)
        if n < 2 or n > 3:
            continue
        readable = rejected_by is not None and n == 2 and _decode(b, rejected_by) is not None
        for mask in range(1, (1 << n) - (0 if rejected_by and n == 2 else 1)):
            if rejected_by and n == 2 and (readable or not mask & 1 or (mask == 3 and b[1] < 0x80)):
                # readable bytes would have been decoded; a hole after a known lead is not what
                # the rejection describes; an ASCII trail is decoded as itself, not as a second U+FFFD
                continue
            key = tuple(None if mask >> i & 1 else b[i] for i in range(n))
            lst = index.setdefault(key, [])
            if top_k is None or len(lst) < top_k:
                lst.append((lp, ch))
    return index


@lru_cache(maxsize=20000)
def _decode(raw: bytes, codec: str) -> Optional[str]:
    try:
        out = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return out if len(out) == 1 else None


@lru_cache(maxsize=1 << 14)
def _hole(codec: str, rejected_by: Optional[str], key: tuple, after: Optional[int]) -> tuple[str, ...]:
    """Candidates of the byte pattern ``key`` (``None`` = unknown byte), best first.

    ``after`` is the known byte after a pair of two unknown ones: their second
    U+FFFD says that byte could not lead a character before ``after`` either.
    """
    cands = _pattern_index(codec, rejected_by).get(key, ())
    if after is not None:
        cands = [c for c in cands if _decode(bytes((c[1].encode(codec)[1], after)), rejected_by) is None]
    return tuple(ch for _, ch in cands)


_Steps = tuple[list[tuple[int, str]], list[tuple[int, tuple[str, ...]]]]


def _single_step(b0: int) -> _Steps:
    """The step shared by every codec: an ASCII byte is itself; a barrier allows nothing."""
    return ([] if b0 == BARRIER else [(1, chr(b0))]), []


def _steps_double(B: list[int], p: int, codec: str, trail_ok: Callable[[int], bool], rejected_by: str) -> _Steps:
    """Characters that may start at byte p for a double-byte codec: ``(singles, holes)``.

    ``singles`` are ``(length, char)`` of known bytes; ``holes`` are ``(length,
    candidates)`` of patterns with unknown bytes. A lead-byte hole takes candidates
    that ``rejected_by`` cannot read (see :func:`_pattern_index`).
    """
    b0 = B[p]
    if b0 == BARRIER or 0 <= b0 < 0x80:
        return _single_step(b0)
    if p + 1 >= len(B):
        return [], []
    b1 = B[p + 1]
    if b1 == BARRIER or not (b0 == WILD or 0x81 <= b0 <= 0xFE) or not (b1 == WILD or (b1 >= 0 and trail_ok(b1))):
        return [], []
    if b0 >= 0 and b1 >= 0:
        ch = _decode(bytes((b0, b1)), codec)
        return ([(2, ch)] if ch is not None else []), []
    key = (None if b0 == WILD else b0, None if b1 == WILD else b1)
    after = B[p + 2] if key == (None, None) and p + 2 < len(B) and B[p + 2] >= 0 else None
    cands = _hole(codec, rejected_by if b0 == WILD else None, key, after)
    return [], ([(2, cands)] if cands else [])


def _steps_utf8(B: list[int], p: int, rejected_by: str) -> _Steps:
    """Characters that may start at byte p for UTF-8, as :func:`_steps_double`; holes as :func:`_utf8_hole`."""
    b0 = B[p]
    if b0 == BARRIER or 0 <= b0 < 0x80:
        return _single_step(b0)
    singles: list[tuple[int, str]] = []
    holes: list[tuple[int, tuple[str, ...]]] = []
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
                singles.append((n, ch))
        elif wild < n:
            follow = B[p + n] if p + n < len(B) and B[p + n] >= 0 else None
            cands = _utf8_hole(tuple(None if b == WILD else b for b in seq), follow, rejected_by)
            if cands:
                holes.append((n, cands))
    return singles, holes


def _utf8_hole(key: tuple, follow: Optional[int], rejected_by: str) -> tuple[str, ...]:
    """Candidates of the UTF-8 byte pattern ``key``, best first, that leave the U+FFFD ``rejected_by`` wrote.

    A GBK decoder writes U+FFFD for one byte that it cannot read as a lead together
    with the byte after it (the candidate's next byte, or ``follow`` after the last;
    None where unknown) and goes on from that byte: mostly 0x80, never a byte that
    pairs with a trail byte. So a hole before a known byte has a handful of
    candidates instead of one per continuation byte; the best :data:`TOP_K` are kept.
    A ``follow`` below 0 (:data:`WILD`, a lost byte) is unknown too.
    """
    if key[-1] is not None or (follow is not None and follow < 0):
        follow = None  # a known last byte needs no follow
    return _rejected_utf8(key, follow, rejected_by)


@lru_cache(maxsize=1 << 14)
def _rejected_utf8(key: tuple, follow: Optional[int], rejected_by: str) -> tuple[str, ...]:
    """:func:`_utf8_hole`, remembered per pattern and the ``follow`` it depends on."""
    found = _utf8_hole_bytes().get(key)
    if found is None:
        return ()
    chars, held = found
    rejected = _rejected_inside(key, rejected_by)
    if key[-1] is not None or follow is None:
        return chars[:TOP_K] if rejected is None else tuple(islice(compress(chars, rejected), TOP_K))
    last = held[len(key) - 1].translate(_unreadable_pairs(rejected_by)[follow::256])
    return tuple(islice(compress(chars, last if rejected is None else bytes(map(min, rejected, last))), TOP_K))


@lru_cache(maxsize=1 << 12)
def _rejected_inside(key: tuple, rejected_by: str) -> Optional[bytes]:
    """Byte k is 1 where candidate k of ``key`` is unreadable to ``rejected_by`` at each unknown byte before its last
    (that byte and the next make no character); None if no unknown byte comes before the last.

    A row of :func:`_unreadable_pairs` is a ``bytes.translate`` table: it tests every candidate at once.
    """
    pairs = _unreadable_pairs(rejected_by)
    held = _utf8_hole_bytes()[key][1]
    rejected = None
    for at in sorted(held):
        if at + 1 == len(key):
            continue
        after = key[at + 1]
        if after is not None:
            test = held[at].translate(pairs[after::256])
        else:
            test = bytes(pairs[b << 8 | c] for b, c in zip(held[at], held[at + 1]))
        rejected = test if rejected is None else bytes(map(min, rejected, test))
    return rejected


@table_cache
def _utf8_hole_bytes() -> dict[tuple, tuple[tuple[str, ...], dict[int, bytes]]]:
    """UTF-8 byte pattern -> (its characters, best first; for each unknown position, the characters' bytes there)."""
    out = {}
    for key, cands in _pattern_index("utf-8", None, None).items():
        chars = tuple(ch for _, ch in cands)
        raws = [ch.encode("utf-8") for ch in chars]
        out[key] = (chars, {at: bytes(raw[at] for raw in raws) for at, b in enumerate(key) if b is None})
    return out


@table_cache
def _unreadable_pairs(codec: str) -> bytes:
    """``out[a << 8 | b]`` is 1 where ``codec`` cannot read the bytes ``a b`` as one character (U+FFFD for ``a``)."""
    decode = _decode.__wrapped__  # uncached: 65536 pairs would flush the cache
    return bytes(decode(bytes((a, b)), codec) is None for a in range(256) for b in range(256))


def _gbk_rejected_hole(key: tuple, follow: Optional[int]) -> tuple[str, ...]:
    """:func:`_utf8_hole` for UTF-8 read as GBK."""
    return _utf8_hole(key, follow, "gbk")


def _gbk_trail(b: int) -> bool:
    return 0x40 <= b <= 0xFE and b != 0x7F


def _big5_trail(b: int) -> bool:
    return 0x40 <= b <= 0x7E or 0xA1 <= b <= 0xFE


#: weight of the dictionary model in a search's emission of a Han character; the rest is the running-text bigram
DICTIONARY_WEIGHT = 0.5
_LOG_DICTIONARY_WEIGHT = math.log(DICTIONARY_WEIGHT)
#: the context a line starts in: running text says which characters open a sentence
LINE_START = "。"
#: log-probability of a mark or symbol that running text never shows
UNSEEN_SYMBOL = -9.0


def _dictionary_cost(prev: str, ch: str) -> float:
    """Log-probability of ``ch`` after ``prev`` under the dictionary tables (in-word bigrams and unigrams)."""
    if ch in " \t\r":
        return P.COST_SPACE
    return P.bigram_logprob(prev, ch) if prev else P.char_logprob(ch)


def _running_only(ch: str) -> bool:
    """Marks, digits and symbols: the dictionary knows nothing of where they stand, running text does."""
    return not P.is_han(ch) and ch not in " \t\r" and P.continuation_logprob(ch) is not None


@table_cache
def _next_chars() -> dict[str, tuple[str, str]]:
    """``prev`` → (characters after it in a dictionary word, characters after it in running text), as strings (compact)."""
    in_word: dict[str, list[str]] = {}
    running: dict[str, list[str]] = {}
    for pair in P._pair_logprobs():
        in_word.setdefault(pair[0], []).append(pair[1])
    for pair in P._running():
        if len(pair) == 2:
            running.setdefault(pair[0], []).append(pair[1])
    return {prev: ("".join(in_word.get(prev, ())), "".join(running.get(prev, ()))) for prev in in_word.keys() | running.keys()}


@lru_cache(maxsize=1 << 13)
def _seen_after(prev: str) -> frozenset[str]:
    """Characters that follow ``prev`` in a pair either table has seen; marks and digits count only in running text.

    The lattice search lets a hole's candidate outside the beam's best survive only
    if it forms such a pair. A set, not the emissions: few of them are ever weighed.
    """
    in_word, running = _next_chars().get(prev, ("", ""))
    return frozenset(in_word).difference(_running_only_chars()).union(running)


@lru_cache(maxsize=None)
def _running_only_chars() -> frozenset[str]:
    """Every character for which :func:`_running_only` holds."""
    return frozenset(ch for ch in P._continuations() if _running_only(ch))


@lru_cache(maxsize=1 << 16)
def _fallback(ch: str) -> tuple[float, float]:
    """Emission of ``ch`` after a pair no table has seen: (after a line start or non-Han, after a known Han).

    For marks and digits that is the running text's continuation estimate (as in
    Kneser-Ney smoothing): ``１`` or ``、`` follow few characters, so after any
    other they are unlikely.
    """
    if _running_only(ch):
        unseen = P.LOG_UNSEEN_PAIR + P.continuation_logprob(ch)
        return unseen, unseen
    if not P.is_han(ch) and ch not in " \t\r":  # a symbol running text never shows (U+3000) is rare, whatever its class
        rare = min(P.char_logprob(ch), UNSEEN_SYMBOL)
        return rare, rare
    alone = _dictionary_cost("", ch)
    logp = P._unigrams()[0].get(ch) if ch not in " \t\r" else None
    after_han = alone if logp is None else P.LOG_UNSEEN_PAIR + logp
    return _LOG_DICTIONARY_WEIGHT + alone, _LOG_DICTIONARY_WEIGHT + after_han


@lru_cache(maxsize=1 << 16)
def _emission(prev: str, ch: str) -> float:
    """Log-probability of ``ch`` after ``prev`` in a search path (``prev`` is ``""`` at the start).

    A Han character's emission mixes the dictionary model with the running-text
    bigram (:data:`DICTIONARY_WEIGHT`): the dictionary knows rare words and names,
    running text knows which word follows which. Marks and digits take running
    text alone (:func:`_running_only`); a pair neither table has seen, :func:`_fallback`.

    >>> _emission("新", "闻") > _emission("新", "吹") > _emission("新", "\ufffd")
    True
    """
    running_pairs, dictionary_pairs, marks, counted_han = _emission_tables()
    if prev:
        pair = prev + ch
        # most pairs of a search are unseen: look the pair up before calling running_logprob
        running = P.running_logprob(prev, ch) if pair in running_pairs else None
        if running is not None:
            if ch in marks:
                return running
            return math.log(DICTIONARY_WEIGHT * math.exp(_dictionary_cost(prev, ch))
                            + (1.0 - DICTIONARY_WEIGHT) * math.exp(running))
        in_word = dictionary_pairs.get(pair)  # the dictionary cost of a pair the table has
        if in_word is not None and ch not in marks:
            return _LOG_DICTIONARY_WEIGHT + in_word
    return _fallback(ch)[prev in counted_han]


@lru_cache(maxsize=None)
def _emission_tables() -> tuple[dict[str, int], dict[str, float], frozenset[str], frozenset[str]]:
    """The tables :func:`_emission` reads, fetched in one call: it runs for every new pair of a search."""
    return P._running(), P._pair_logprobs(), _running_only_chars(), P._counted_han()


@lru_cache(maxsize=1 << 16)
def _step(prev: str, script: int, ch: str) -> tuple[float, int]:
    """Cost of emitting ``ch`` after ``prev`` on a path written so far in ``script``, and the script after it.

    ``script`` is 0 until the path emits a character only one script uses (see
    :func:`_script_of`); a character of the other script then costs :data:`MIXED_SCRIPT_COST`.
    """
    return _in_script(_emission(prev, ch), script, ch)


def _in_script(value: float, script: int, ch: str) -> tuple[float, int]:
    """``value`` of emitting ``ch`` on a path written in ``script``, less :data:`MIXED_SCRIPT_COST` if ``ch`` is of the other; the script after it."""
    other = _script_of().get(ch, 0)
    if not other or other == script:
        return value, script or other
    return (value + MIXED_SCRIPT_COST, script) if script else (value, other)


@lru_cache(maxsize=1 << 14)
def _promising(candidates: tuple[str, ...], after_han: bool, script: int, beam: int) -> frozenset[str]:
    """The ``beam`` candidates of a hole with the best emission after a pair no table has seen.

    From one state (last character, ``script``), any other candidate without a seen
    pair scores below these ``beam`` distinct characters at the same position, so
    the beam would drop it.
    """
    side = int(after_han)
    return frozenset(sorted(candidates, key=lambda ch: -_in_script(_fallback(ch)[side], script, ch)[0])[:beam])


#: cost of a character of the other script (simplified-only vs traditional-only) than the path's so far
MIXED_SCRIPT_COST = -6.0


@lru_cache(maxsize=None)
def _script_of() -> dict[str, int]:
    """1 for characters only simplified text uses, 2 for those only traditional text uses (OpenCC's tables).

    A line is written in one script: a search path that mixes them (a GBK reading of
    Big5 bytes kept before the re-decoded rest, a traditional guess in a simplified line) is implausible.
    """
    out: dict[str, int] = {}
    for script, name in ((1, "simplified_only.txt"), (2, "traditional_only.txt")):
        chars = resources.files("cleannews").joinpath("data", name).read_text(encoding="utf-8")
        out.update((ch, script) for ch in chars.strip())
    return out


def _byte_layout(text: str, source: str) -> tuple[list[int], dict[int, int], dict[int, int]]:
    """Bytes of ``text`` in ``source`` (U+FFFD and ``?`` are :data:`WILD`), and char ↔ byte offsets.

    Returns (bytes, byte offset → char index, char index → byte offset).
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
    ends = {k: pos for pos, k in starts.items()}
    ends[len(text)] = len(B)
    return B, starts, ends


Pieces = tuple[tuple[str, Optional[tuple[str, ...]]], ...]


@lru_cache(maxsize=4096)
def _lattice_search(
    text: str,
    source: str,
    target: str,
    skip: bool = False,
    insert: bool = False,
    line_end: bool = False,
    beam: int = BEAM,
    line_start: bool = False,
) -> tuple[Pieces, float, int]:
    """Best reading of ``text`` as bytes of ``source`` re-decoded as ``target``.

    Every character may be kept as it is (at its byte boundary) or its bytes may
    be re-paired with the target codec; ``U+FFFD`` and ``?`` are unknown bytes.
    With ``line_end`` (``text`` ends its line) a path ending in a closing mark
    earns :data:`LINE_END_MARK`. Returns (pieces, score gain over keeping
    everything, bytes dropped): the pieces join to the best text, each with the
    candidates of the hole it fills (else None) for :func:`_rescore_holes`.

    A hole's candidates are many (up to :data:`TOP_K`): from each state only the
    :func:`_promising` ones and those that form a seen pair with the state's last
    character can survive the beam, and only the best ``beam`` of those are pushed.
    """
    B, starts, ends = _byte_layout(text, source)
    L = len(B)
    han_known = P._counted_han()
    first = LINE_START if line_start else ""
    # state key: (last char, decoding?, script) -> (score, back, emitted, dropped, candidates of a hole)
    states: list[dict] = [dict() for _ in range(L + 1)]
    states[0][(first, False, 0)] = (0.0, None, "", 0, None)

    def push(np: int, key: tuple[str, bool, int], value: tuple) -> None:
        cur = states[np].get(key)
        if cur is None or value[0] > cur[0]:
            states[np][key] = value

    rejected_by = "gbk" if source in ("gbk", "gb18030") else source
    if target == "utf-8":
        step = lambda B_, p_: _steps_utf8(B_, p_, rejected_by)  # noqa: E731
    else:
        trail = _gbk_trail if target in ("gbk", "gb18030") else _big5_trail
        step = lambda B_, p_: _steps_double(B_, p_, target, trail, rejected_by)  # noqa: E731

    for p in range(L):
        here = states[p]
        if not here:
            continue
        items = sorted(here.items(), key=lambda kv: -kv[1][0])[:beam] if len(here) > beam else list(here.items())
        k = starts.get(p)
        kept, kept_end = (text[k], ends[k + 1]) if k is not None else (None, 0)
        singles, holes = step(B, p)
        if kept is not None:
            singles = [(n, ch) for n, ch in singles if not (ch == kept and p + n == kept_end)]  # same as keeping it
        nxt = B[p + 1] if p + 1 < L else BARRIER
        batches = [(p + n, cands, 0.0) for n, cands in holes]
        if insert and B[p] >= 0x40 and (nxt >= 0x80 or nxt == WILD) and target in ("gbk", "gb18030"):
            lost_lead = _hole(target, None, (None, B[p]), None)[:INSERT_TOP_K]
            if lost_lead:
                batches.append((p + 1, lost_lead, INSERT_COST))
        for key, (sc, _, _, dropped, _) in items:
            prev, decoding, script = key
            node = (p, key)
            seen = _seen_after(prev)
            side = prev in han_known

            def emit(ch: str) -> tuple[float, int]:
                """:func:`_step` from this state."""
                return _step(prev, script, ch)

            if kept is not None:
                cost, new_script = emit(kept)
                push(kept_end, (kept, False, new_script), (sc + cost, node, kept, dropped, None))
            base = sc if decoding else sc + (SWITCH_COST if p or not line_start else 0.0)
            for n, ch in singles:
                cost, new_script = emit(ch)
                push(p + n, (ch, True, new_script), (base + cost, node, ch, dropped, None))
            for np, cands, extra in batches:
                if np < L:  # the last position is not pruned: a closing mark earns its bonus there
                    promising = _promising(cands, side, script, beam)
                    steps = [(*emit(ch), ch) for ch in cands if ch in promising or ch in seen]
                    if len(steps) > beam:
                        steps = heapq.nlargest(beam, steps, key=lambda t: t[0])
                else:
                    steps = [(*emit(ch), ch) for ch in cands]
                for cost, new_script, ch in steps:
                    push(np, (ch, True, new_script), (base + extra + cost, node, ch, dropped, cands))
            if skip and B[p] != BARRIER:
                push(p + 1, (prev, True, script), (base + SKIP_COST, node, "", dropped + 1, None))
            if kept is not None and insert and kept in "?？" and nxt >= 0x40:
                # '?' may stand for a fullwidth '？' (A3 BF) split by the shift: A3 ends a
                # character whose lead was lost, BF leads the next pair.
                second = _decode(bytes((0xBF, nxt)), target)
                if second is not None:
                    for ch in _hole(target, None, (None, 0xA3), None)[:8]:
                        cost, new_script = emit(ch)
                        cost2, new_script = _step(ch, new_script, second)
                        value = base + INSERT_COST + cost + cost2
                        push(p + 2, (second, True, new_script), (value, node, ch + second, dropped, None))
    final = states[L]
    if not final:
        return ((text, None),), 0.0, 0

    def end_bonus(last: str) -> float:
        return LINE_END_MARK if line_end and last in _CLOSING_MARKS else 0.0

    best_key, best = max(final.items(), key=lambda kv: kv[1][0] + end_bonus(kv[0][0]))
    pieces: list[tuple[str, Optional[tuple[str, ...]]]] = []
    key, value = best_key, best
    decoded_first = False
    while value[1] is not None:
        pieces.append((value[2], value[4]))
        p, back = value[1]
        decoded_first = key[1]  # ends as the decoding flag of the step from byte 0
        key, value = back, states[p][back]
    pieces.reverse()
    out = "".join(piece for piece, _ in pieces)
    gain = best[0] + end_bonus(out[-1:]) - _path_score(text, first) - end_bonus(text[-1:])
    if line_start and decoded_first:
        gain += SWITCH_COST  # acceptance still pays for the switch the path choice was spared
    return tuple(pieces), gain, best[3]


def _path_score(text: str, prev: str = "") -> float:
    """Score of ``text`` as a search path that keeps every character (the searches' baseline)."""
    return _path(text, (0.0, prev, 0))[0]


def _path(text: str, start: tuple[float, str, int]) -> tuple[float, str, int]:
    """The (score, last character, script) of a path that goes on from ``start`` through ``text``."""
    total, prev, script = start
    for ch in text:
        cost, script = _step(prev, script, ch)
        total += cost
        prev = ch
    return total, prev, script


RESCORE_CONTEXT = 4  # characters on each side of a filled hole that the word model sees
RESCORE_TOP_K = 16  # alternatives of a hole it weighs
RESCORE_FITS = 6  # of those, the ones the bigrams beside the hole rank best get the word model
RESCORE_MARGIN = 1.0  # nats the word model needs to overrule the character bigrams
SETTLED = 4.0  # nats by which the bigrams beside a hole of the fast reading settle it without the word model


@lru_cache(maxsize=1 << 14)
def _simplified_char(ch: str) -> str:
    """:func:`_simplified` of one character, cached: the rescoring converts each candidate."""
    return _simplified(ch)


_PAIRS = {"（": "）", "《": "》"}
_PAIRED = {close: open_ for open_, close in _PAIRS.items()}
_BRACKETS = frozenset(_PAIRS) | frozenset(_PAIRED)


def _unpaired(piece: str, before: str, after: str) -> bool:
    """Is the bracket ``piece`` missing its partner in the line (a bigram cannot see that far)?

    Parentheses and title marks close within a sentence; quotes may not (a line can end inside one).
    """
    if piece in _PAIRS:
        return _PAIRS[piece] not in after
    if piece in _PAIRED:
        return _PAIRED[piece] not in before
    return False


def _rescore_holes(pieces: Pieces, before: str = "", after: str = "", settled: float = math.inf) -> str:
    """Join the search's pieces, re-choosing each filled hole with the word model (notes A.2).

    Character bigrams can let a mark or a word that happens to span the hole beat
    the lost character (``讲首都`` for ``讲的都``, ``（是`` for ``也是``);
    :func:`plausibility.word_logprob` over a few characters each side weighs whole
    words, added to the path's bigram score. A bracket with no partner in the line
    (``before`` + pieces + ``after``), not even among other holes' candidates, gives
    way to the hole's best Han candidate. Left to right, each choice sees the earlier ones.
    A hole whose choice the bigrams beside it prefer by ``settled`` nats or more to
    the next candidate keeps it without the word model.
    """
    chosen = [piece for piece, _ in pieces]
    holes: list[str] = []  # each piece's candidates, joined once a bracket fills a hole
    for i, (piece, alternatives) in enumerate(pieces):
        if not alternatives:
            continue
        if piece in _BRACKETS:
            holes = holes or ["".join(options or ()) for _, options in pieces]
            if _unpaired(piece, before + "".join(chosen[:i] + holes[:i]),
                         "".join(chosen[i + 1 :] + holes[i + 1 :]) + after):
                chosen[i] = piece = next((ch for ch in alternatives if P.is_han(ch)), piece)
        if len(alternatives) < 2 or not P.is_han(piece):
            continue  # marks stay the bigram search's choice: the word table has none
        left = "".join(chosen[max(0, i - RESCORE_CONTEXT) : i])[-RESCORE_CONTEXT:]
        right = "".join(chosen[i + 1 : i + 1 + RESCORE_CONTEXT])[:RESCORE_CONTEXT]

        def beside(ch: str) -> float:  # the emissions into and out of the hole (no script penalty; cached)
            return _emission(left[-1:], ch) + (_emission(ch, right[0]) if right else 0.0)

        # as heapq.nlargest, whose Python loop costs more than sorting a few candidates
        han = (ch for ch in alternatives[:RESCORE_TOP_K] if P.is_han(ch))
        rivals = sorted(han, key=beside, reverse=True)[:RESCORE_FITS]
        if len(rivals) > 1 and rivals[0] == piece and beside(piece) - beside(rivals[1]) >= settled:
            continue  # the bigrams beside the hole already decide it
        weighed = [piece] + [ch for ch in rivals if ch != piece]
        # word model plus path score of left + ch + right; the left context is scored once for all
        words = P.word_logprobs(_simplified(left), map(_simplified_char, weighed), _simplified(right))
        head = _path(left, (0.0, "", 0))
        fits = {ch: word + _path(ch + right, head)[0] for ch, word in zip(weighed, words)}
        best_fit, best = max((fits[ch], ch) for ch in rivals + [piece])
        if best_fit > fits[piece] + RESCORE_MARGIN:
            chosen[i] = best
    return "".join(chosen)


def _windows(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` worth searching: each suspect span grown over the garbled text beside it, merged."""
    merged: list[tuple[int, int]] = []
    for a, b in suspect_spans(text):
        a = _garbled_edge(text, a, -1)
        b = _garbled_edge(text, b, 1)
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _garbled_edge(text: str, pos: int, step: int, limit: int = 24, margin: int = 2) -> int:
    """Walk from ``pos`` (left for ``step=-1``) to the first dictionary word, plus a margin.

    Misdecoded runs rarely hold a two-character word of the table while clean text
    is full of them: the search needs the garbled stretch, where the lost byte may
    be, not the whole line.
    """
    pairs = P._bigrams()
    i = pos
    for _ in range(limit):
        pair = text[i - 2 : i] if step < 0 else text[i : i + 2]
        if len(pair) < 2 or pair in pairs:
            break
        i += step
    return max(0, i - margin) if step < 0 else min(len(text), i + margin)


# Readings the byte search can give a window: name -> (re-encode with, decode as, options, least gain
# in nats). "gbk-as-cp950" is GBK read as Big5 by a decoder without the HKSCS extension.
_READINGS: dict[str, tuple[str, str, tuple[tuple[str, bool], ...], float]] = {
    "utf8-as-gbk": ("gb18030", "utf-8", (), 8.0),
    "big5-as-gbk": ("gb18030", "cp950", (), 10.0),
    "gbk-as-big5": ("big5hkscs", "gbk", (), 10.0),
    "gbk-as-cp950": ("cp950", "gbk", (), 10.0),
    "gbk-misaligned": ("gb18030", "gbk", (("skip", True), ("insert", True)), 8.0),
}


def _reading(window: str, name: str, line_end: bool, line_start: bool = False, beam: int = BEAM) -> tuple[Pieces, float]:
    """The search's best pieces for ``window`` under reading ``name`` and its margin over the least gain."""
    source, target, options, min_gain = _READINGS[name]
    pieces, gain, dropped = _lattice_search(window, source, target, line_end=line_end, line_start=line_start,
                                            beam=beam, **dict(options))
    return pieces, gain - min_gain - 2.0 * dropped


def _beats(window: str, name: str, margin: float, line_end: bool, line_start: bool) -> bool:
    """Does reading ``name`` of ``window`` beat ``margin``? A narrow search first: only a close one gets the full search.

    Most readings of a window are hopeless (a Big5 reading of UTF-8 bytes), and a
    beam of :data:`SCREEN_BEAM` shows it for a quarter of the cost.
    """
    if _reading(window, name, line_end, line_start, SCREEN_BEAM)[1] < margin - SCREEN_SLACK:
        return False
    return _reading(window, name, line_end, line_start)[1] > margin


def _reads_as_utf8(window: str) -> bool:
    """Do the window's GB18030 bytes read as UTF-8 everywhere but beside its lost bytes?

    UTF-8 is self-synchronising and other bytes rarely form it (a GBK pair does
    about one time in twelve), so such a window was UTF-8 and no other reading
    needs weighing: the byte-shifting GBK search is the slowest of all. (On the
    benchmark's windows, UTF-8 damage has at most one bad sequence per valid one,
    usually a fifth; Big5, GBK-as-Big5 and shifted GBK at least two per three.)

    >>> line = "今天在北京开会，记者来自全国各地"
    >>> _reads_as_utf8(line.encode("utf-8").decode("gbk", "replace")), _reads_as_utf8(line.encode("gbk")[1:].decode("gbk", "replace"))
    (True, False)
    """
    raw = bytearray()
    for ch in window:
        if ch in "\ufffd?":
            raw.append(0xFF)  # never UTF-8: one U+FFFD, and the decoder resyncs after it
            continue
        try:
            raw += ch.encode("gb18030")
        except UnicodeEncodeError:
            return False
    decoded = raw.decode("utf-8", "replace")
    holes = raw.count(0xFF)
    invalid = decoded.count("\ufffd") - holes
    multibyte = sum(1 for ch in decoded if ch >= "\x80") - holes - invalid
    return multibyte >= 3 and invalid <= min(2 * holes, multibyte / 2)  # a lost byte spoils one or two more


def _search_fix(text: str, name: str) -> str:
    """Replace each suspect window by its reading ``name`` where that reading beats keeping it and every other reading.

    The readings compete (the searches are cached per window), so a UTF-8 search
    cannot half-repair Big5 text before the Big5 search sees it.
    """
    out = []
    last = 0
    changed = False
    for a, b in _windows(text):
        window = text[a:b]
        if "\ufffd" not in window and _han_share(window) < MIN_HAN_SHARE:
            continue  # Greek, Cyrillic, symbols...: not CJK mojibake (a CJK decoder's U+FFFD says it is)
        pieces, margin = _reading(window, name, b == len(text), a == 0)
        if margin < 0 or "".join(piece for piece, _ in pieces) == window:
            continue
        rivals = () if name == "utf8-as-gbk" and _reads_as_utf8(window) else _READINGS
        if any(_beats(window, rival, margin, b == len(text), a == 0) for rival in rivals if rival != name):
            continue
        out.append(text[last:a])
        out.append(_rescore_holes(pieces, text[:a], text[b:]))  # only the winner: the word model is the slow part
        last = b
        changed = True
    if not changed:
        return text
    out.append(text[last:])
    return "".join(out)


# --------------------------------------------------------------------------
# UTF-8 with lost bytes: a fast reading of a run whose bytes are UTF-8 but for its holes
# --------------------------------------------------------------------------


def _read_utf8(
    text: str, start: int, end: int, B: list[int], holes: Callable[[tuple, Optional[int]], tuple[str, ...]]
) -> Optional[str]:
    """``text[start:end]`` read as the UTF-8 bytes ``B`` (:data:`WILD`: a lost byte) if that is clearly more plausible.

    Where the bytes are UTF-8 but for the holes, the byte boundaries are certain and
    no lattice is needed: ``holes(pattern, byte after it)`` gives what a sequence
    with lost bytes can be, the search's path score (:func:`_best_chain`) then the
    word model (:func:`_rescore_holes`) choose. Returns None if ``B`` is no UTF-8
    whatever the holes held, or if the reading fails the strict reading's test of a
    clear gain, taken on the non-ASCII runs.
    """
    columns = _utf8_columns(B, holes)
    if columns is None:
        return None
    chain = _best_chain(columns, text[start - 1 : start] or LINE_START, text[end : end + 1])
    pieces = tuple((ch, options if len(options) > 1 else None) for ch, options in zip(chain, columns))
    out = _rescore_holes(pieces, text[:start], text[end:], SETTLED)
    gained = P.score(_non_ascii(out))  # ASCII reads the same either way: it would only dilute the gain
    return out if gained - P.score(_non_ascii(text[start:end])) >= 2.0 and gained > -11 else None


def _non_ascii(text: str) -> str:
    """The non-ASCII runs of ``text``, space-separated (a space breaks a bigram)."""
    return " ".join(_NON_ASCII_RUN.findall(text))


def _utf8_length(lead: int) -> int:
    """Length of the UTF-8 sequence ``lead`` starts (0: not a lead byte, or not a byte)."""
    if 0 <= lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _utf8_columns(
    B: list[int], holes: Callable[[tuple, Optional[int]], tuple[str, ...]]
) -> Optional[list[tuple[str, ...]]]:
    """The characters each UTF-8 sequence of ``B`` can be, or None if ``B`` is no UTF-8 whatever its holes held.

    The bytes before each sequence with a lost byte are decoded at once: a strict
    decode succeeds exactly where they are whole, valid sequences.
    """
    columns: list[tuple[str, ...]] = []
    done = 0  # the bytes before it are in columns
    while done < len(B):
        try:
            wild = B.index(WILD, done)
        except ValueError:
            wild = len(B)
        lead = wild  # of the sequence holding the lost byte: the last byte before it that continues none
        if wild < len(B):
            first = max(done, wild - 3)  # a sequence has at most three bytes after its lead
            lead = wild - 1
            while lead >= first and 0x80 <= B[lead] <= 0xBF:
                lead -= 1
            if lead < first:
                return None
        try:
            columns.extend((ch,) for ch in bytes(B[done:lead]).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):  # ValueError: a barrier, no byte
            return None
        if wild == len(B):
            break
        n = _utf8_length(B[lead])
        seq = B[lead : lead + n]
        if lead + n <= wild or len(seq) < n or any(b != WILD and not 0x80 <= b <= 0xBF for b in seq[1:]):
            return None
        options = holes(tuple(None if b == WILD else b for b in seq), B[lead + n] if lead + n < len(B) else None)
        if not options:
            return None
        columns.append(options)
        done = lead + n
    return columns


def _best_chain(columns: list[tuple[str, ...]], before: str, after: str) -> str:
    """One character of each column: the string the search's bigrams (:func:`_step`) like best after ``before``.

    The path goes on to ``after``, the character after the columns; at the end of
    the text it earns :data:`LINE_END_MARK` for a closing mark, as in the search.
    A character of the other script than the certain ones' costs :data:`MIXED_SCRIPT_COST`.
    """
    script = _dominant_script("".join(options[0] for options in columns if len(options) == 1))
    states: dict[str, tuple[float, str]] = {before: (0.0, before)}  # last character -> (score, character before it)
    back = []
    for options in columns:
        if len(states) == 1 and len(options) == 1:  # one path goes on: what it pays changes no choice
            states = {options[0]: (0.0, next(iter(states)))}
        elif len(states) == 1:  # a hole after a certain character: one way into each candidate
            [(prev, (sc, _))] = states.items()
            states = {ch: (sc + (_emission(prev, ch) + penalty), prev)
                      for ch, penalty in zip(options, _script_penalties(options, script))}
        else:
            ranked = sorted(((sc, prev) for prev, (sc, _) in states.items()), reverse=True)
            states = {ch: _best_entry(ranked, ch, penalty)
                      for ch, penalty in zip(options, _script_penalties(options, script))}
        back.append(states)
    return trace_back(states, back, chain_end(script, after))


def chain_end(script: int, after: str) -> Callable[[str], float]:
    """What a chain's last character scores against what follows it (``after``, or the line's end)."""
    if after:
        return lambda last: _step(last, script, after)[0]
    return lambda last: LINE_END_MARK if last in _CLOSING_MARKS else 0.0


def trace_back(states: dict[str, tuple[float, str]], back: list[dict[str, tuple[float, str]]], end: Callable[[str], float]) -> str:
    """The best chain: the last state that scores best with ``end``, followed back through ``back``."""
    last = max(states, key=lambda ch: states[ch][0] + end(ch))
    out = []
    for column in reversed(back):
        out.append(last)
        last = column[last][1]
    return "".join(reversed(out))


def _best_entry(ranked: list[tuple[float, str]], ch: str, penalty: float) -> tuple[float, str]:
    """``max((score + step into ch, prev))`` over the states ``ranked`` (best first), stopping early.

    The step is ``ch``'s :func:`_emission` after ``prev`` plus ``penalty`` (see :func:`_script_penalties`).

    Every step costs (its log-probability is at most 0, see ``test_plausibility``), so a state
    that scores below the best total found so far cannot reach it.
    """
    best = (-math.inf, "")
    for sc, prev in ranked:
        if sc < best[0]:
            break
        entry = (sc + (_emission(prev, ch) + penalty), prev)
        if entry > best:
            best = entry
    return best


@lru_cache(maxsize=1 << 12)
def _script_penalties(options: tuple[str, ...], script: int) -> tuple[float, ...]:
    """What :func:`_in_script` takes off each of ``options`` in ``script``.

    The chain adds it to :func:`_emission` (``_step`` without the script), whose cache
    the rescoring (:func:`_rescore_holes`) then shares.
    """
    return tuple(_in_script(0.0, script, ch)[0] for ch in options)


def _dominant_script(text: str) -> int:
    """The script (:func:`_script_of`) of most script-specific characters of ``text``; 0 if none or a tie."""
    counts = Counter(map(_script_of().get, text))
    return 0 if counts[1] == counts[2] else 1 if counts[1] > counts[2] else 2


# --------------------------------------------------------------------------
# 1. UTF-8 read as GBK / GB18030
# --------------------------------------------------------------------------

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+(?:[\x40-\x7e][^\x00-\x7f]+)*[\x40-\x7e]?")
_UTF8_HAN = re.compile(rb"(?:[\xe3-\xe9][\x80-\xbf]{2}){2,}")  # two or more UTF-8 characters of the CJK blocks


@lru_cache(maxsize=1)
def _utf8_lead() -> "re.Pattern[str]":
    """Three characters whose GBK bytes are two UTF-8 Han characters (E3-E9, then two continuation
    bytes 80-BF, twice): how every aligned re-reading starts. Few clean lines hold the sequence."""

    def chars(leads: range, trails: range) -> str:
        found = (_decode(bytes((lead, trail)), "gbk") for lead in leads for trail in trails)
        return "[%s]" % "".join(re.escape(ch) for ch in found if ch)

    utf8_lead, continuation = range(0xE3, 0xEA), range(0x80, 0xC0)
    return re.compile(chars(utf8_lead, continuation) + chars(continuation, utf8_lead) + chars(continuation, continuation))


def _utf8_han_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, repaired)`` of the runs of ``text`` whose GBK bytes, cut at character
    boundaries, are UTF-8 for two or more Han characters that read far better.

    The dense-run gate needs four rare characters; a garbled label is often only three
    (``鍙戝竷`` is ``发布``) with one rare among them or none, and garbled words sit inside
    clean text too. Such a run starts with a character whose GBK bytes open a UTF-8 Han
    character (:func:`_utf8_lead`). Clean news text (22,855 lines, simplified and
    traditional) has no such run.

    >>> _utf8_han_spans("今天鍙戝竷鏃堕棿是"), _utf8_han_spans("今天天气很好")
    ([(2, 8, '发布时间')], [])
    """
    spans: list[tuple[int, int, str]] = []
    pos = 0
    while lead := _utf8_lead().search(text, pos):
        start = lead.start()
        pos = start + 1
        raw = _gbk_prefix(text[start : start + _MAX_REREAD])
        match = _UTF8_HAN.match(raw)
        if not match:
            continue
        size = match.end()
        garbled = _decode_prefix(raw, size)
        while garbled is None and size > 6:  # end on a character boundary
            size -= 3
            garbled = _decode_prefix(raw, size)
        if garbled is None:
            continue
        repaired = raw[:size].decode("utf-8")
        end = start + len(garbled)
        if all(map(P.is_han, repaired)) and P.score(repaired) - P.score(garbled) >= 2.0:
            spans.append((start, end, repaired))
            pos = end
    return spans


_MAX_REREAD = 90  # characters from a lead character: a label or a few words (longer runs pass the dense gate)


def _gbk_prefix(text: str) -> bytes:
    """The GBK bytes of ``text`` up to its first ASCII character or the first one GBK cannot write."""
    text = _NON_ASCII_PREFIX.match(text).group(0)
    try:
        return text.encode("gbk")
    except UnicodeEncodeError as error:
        return text[: error.start].encode("gbk")


_NON_ASCII_PREFIX = re.compile(r"[^\x00-\x7f]*")


def _decode_prefix(raw: bytes, size: int) -> Optional[str]:
    try:
        return raw[:size].decode("gbk")
    except UnicodeDecodeError:
        return None


def fix_utf8_as_gbk(text: str) -> str:
    """Undo UTF-8 bytes decoded as GBK/GB18030 (``发布`` → ``鍙戝竷``).

    A line with lost bytes (``�``) whose other bytes are all UTF-8 is read at once
    (:func:`_read_utf8`). Otherwise whole runs are re-encoded with GB18030 and
    decoded strictly as UTF-8, and the rest (a lost ``?``, damage beside clean
    text) goes through the byte search. Both fill each lost byte with the most
    plausible character the GBK decoder could not have read (:func:`_utf8_hole`).

    >>> fix_utf8_as_gbk("新闻发布会上".encode("utf-8").decode("gb18030"))
    '新闻发布会上'
    >>> "今天在北京开会".encode("utf-8").decode("gbk", "replace")
    '浠婂ぉ鍦ㄥ寳浜\ufffd寮\ufffd浼\ufffd'
    >>> fix_utf8_as_gbk(_)
    '今天在北京开会'
    """

    def strict(m: "re.Match[str]") -> str:
        run = m.group(0)
        if _han_share(run) < MIN_HAN_SHARE:
            return run
        try:
            out = run.encode("gb18030").decode("utf-8")
        except UnicodeError:
            if "\ufffd" in run or "?" in run:  # lost bytes: the byte search reads the whole run
                return run
            for start, end, repaired in reversed(_utf8_han_spans(run)):  # garbled words in clean text
                run = run[:start] + repaired + run[end:]
            return run
        if out != run and (score := P.score(out)) > -11 and score - P.score(run) >= 2.0:
            return out
        return run

    B = _gbk_bytes(text) if "\ufffd" in text else None
    line = _read_utf8(text, 0, len(text), B, _gbk_rejected_hole) if B is not None else None
    if line is not None:
        return line
    text = _NON_ASCII_RUN.sub(strict, text)
    return _search_fix(text, "utf8-as-gbk")


def _gbk_bytes(text: str) -> Optional[list[int]]:
    """The bytes a GBK decoder read to write ``text`` (U+FFFD: one :data:`WILD` byte), or None if it cannot have.

    Unlike :func:`_byte_layout`, ``?`` is itself: the fast reading takes the
    U+FFFD alone, the search weighs a ``?`` both ways.
    """
    B: list[int] = []
    for ch in text:
        if ch == "\ufffd":
            B.append(WILD)
            continue
        raw = ch.encode("gb18030")
        if len(raw) > 2:  # a four-byte GB18030 character, which no GBK decoder writes
            return None
        B.extend(raw)
    return B


# --------------------------------------------------------------------------
# 4. Big5 <-> GBK
# --------------------------------------------------------------------------


def fix_big5_as_gbk(text: str) -> str:
    """Undo Big5 text decoded as GBK (``新聞`` → ``穝籇``).

    Each non-ASCII run is re-decoded strictly; the U+FFFD holes that GBK's
    reserved areas leave go through the byte search.

    >>> fix_big5_as_gbk("新聞發佈會".encode("big5").decode("gbk", "replace"))
    '新聞發佈會'
    """
    return _codec_swap(text, ("big5-as-gbk",))


def fix_gbk_as_big5(text: str) -> str:
    """Undo GBK text decoded as Big5 (``新闻`` → ``陔恓``), with or without the HKSCS extension.

    >>> fix_gbk_as_big5("新闻发布会".encode("gbk").decode("big5hkscs", "replace"))
    '新闻发布会'
    """
    return _codec_swap(text, ("gbk-as-big5", "gbk-as-cp950"))


# A run to re-read with the other double-byte codec: ASCII reads the same in both, so digits and
# spaces between the characters stay in it (屋齡30年以上 is one run, not two with 30 between)
_SWAP_RUN = re.compile(r"[^\x00-\x7f]+(?:(?:[\x40-\x7e]|[\x20-\x3f]{1,8})[^\x00-\x7f]+)*[\x40-\x7e]?")


def _codec_swap(text: str, names: tuple[str, ...]) -> str:
    """The most plausible of the readings ``names`` (strict runs, then searched holes), if it clearly wins."""

    def strict(run: str, src: str, dst: str) -> Optional[str]:
        try:
            return run.encode(src).decode(dst)
        except UnicodeError:
            return None

    candidates = []
    for name in names:
        src, dst = _READINGS[name][:2]

        def repl(m: "re.Match[str]", src=src, dst=dst) -> str:
            run = m.group(0)
            if _han_share(run) < MIN_HAN_SHARE:
                return run
            out = strict(run, src, dst)
            if out is not None and (score := P.score(out)) > -10.5 and score - P.score(run) >= 3.0:
                return out
            return run

        cand = _search_fix(_SWAP_RUN.sub(repl, text), name)
        if cand != text:
            candidates.append((P.score(cand), cand))
    if candidates:
        best_score, best = max(candidates)
        if best_score - P.score(text) >= 1.0:
            return best
    return text


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
    return _search_fix(text, "gbk-misaligned")


# --------------------------------------------------------------------------
# 3. UTF-8 read as cp1252 (ftfy)
# --------------------------------------------------------------------------

_FTFY_QUICK = re.compile("[\u00c2-\u00f4]")
_FTFY_FULL = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


# The five bytes cp1252 leaves undefined: its decoders write U+FFFD for each. All are UTF-8
# continuation bytes, so a U+FFFD inside UTF-8 read as cp1252 stands for one of them.
_CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
# a run of cp1252 characters with a U+FFFD after one of them (a hole follows its lead byte)
_CP1252_HOLE_RUN = re.compile(f"[{_CP1252_HIGH}\ufffd]*[{_CP1252_HIGH}]\ufffd[{_CP1252_HIGH}\ufffd]*")


def fix_utf8_as_cp1252_lossy(text: str) -> str:
    """Undo UTF-8 decoded as cp1252 where the undefined bytes became U+FFFD (``æ–°å�Ž`` → ``新华``).

    Each run of cp1252 characters holding a U+FFFD must read as UTF-8 with some
    undefined byte in every hole; the bigrams, then the word model
    (:func:`_rescore_holes`), choose among the (at most five) characters a hole
    can complete. Once a run so reads, ftfy (:func:`fix_utf8_as_cp1252`) repairs
    the runs without a hole at once. This runs before the GBK-as-Latin-1 repair,
    which would read a short run (``Â©``) as GBK once the line has Chinese text,
    and before the CJK byte searches, which would take a U+FFFD for a lost GBK byte.

    >>> fix_utf8_as_cp1252_lossy("新华社北京电".encode("utf-8").decode("cp1252", "replace"))
    '新华社北京电'
    >>> fix_utf8_as_cp1252_lossy("ÖÐ\\ufffdÎÄ")  # GBK bytes: not UTF-8 whatever the hole held
    'ÖÐ\\ufffdÎÄ'
    """
    if "\ufffd" not in text:
        return text
    new = _CP1252_HOLE_RUN.sub(_decode_cp1252_holes, text)
    return text if new == text else fix_utf8_as_cp1252(new)  # the rest of such a line is UTF-8 too


def _decode_cp1252_holes(m: "re.Match[str]") -> str:
    """The run ``m`` read as UTF-8 with its holes filled (see :func:`fix_utf8_as_cp1252_lossy`), or the run."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    run = m.group(0)
    try:
        raw = run.replace("\ufffd", "\x81").encode("sloppy-windows-1252")  # one byte per character
    except UnicodeEncodeError:
        return run
    B = [WILD if ch == "\ufffd" else b for ch, b in zip(run, raw)]
    return _read_utf8(m.string, m.start(), m.end(), B, lambda key, follow: _cp1252_hole(key)) or run


@lru_cache(maxsize=4096)
def _cp1252_hole(key: tuple) -> tuple[str, ...]:
    """The characters of the UTF-8 byte pattern ``key`` whose unknown bytes (None) are bytes cp1252 leaves undefined."""
    out = []
    for fill in product(_CP1252_UNDEFINED, repeat=key.count(None)):
        filled = iter(fill)
        ch = _decode(bytes(next(filled) if b is None else b for b in key), "utf-8")
        if ch is not None and unicodedata.category(ch)[0] != "C":  # a hole holds no control or unassigned character
            out.append(ch)
    return tuple(out)


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

    A change must make its span more plausible: ftfy reads any Latin-1 pair as
    UTF-8, so a stray one in Chinese text would become an IPA letter.

    >>> fix_utf8_as_cp1252("家具É¬风格")
    '家具É¬风格'
    """
    if not _FTFY_QUICK.search(text) or not _FTFY_FULL.search(text):
        return text
    import ftfy

    fixed = ftfy.fix_text(text, config=_ftfy_config())
    for tag, i1, i2, j1, j2 in _opcodes(text, fixed):
        if tag != "equal" and P.score(fixed[j1:j2]) < P.score(text[i1:i2]):
            return text
    return fixed


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------

_STAGES: list[tuple[str, Callable[[str], str]]] = [
    ("terminal-escape", remove_terminal_escapes),
    ("radical-glyph", fix_radical_glyphs),
    ("control-char", remove_c0_controls),
    ("html-entity", unescape_entities),
    ("mime-word", decode_mime_words),
    ("pinyin-gloss", strip_pinyin_glosses),
    ("replacement-run", remove_replacement_runs),
    ("utf8-as-cp1252", fix_utf8_as_cp1252_lossy),
    ("gbk-as-latin1", fix_gbk_as_latin1),
    ("utf8-as-gbk", fix_utf8_as_gbk),
    ("big5-as-gbk", fix_big5_as_gbk),
    ("gbk-as-big5", fix_gbk_as_big5),
    ("gbk-misaligned", fix_gbk_misaligned),
    ("utf8-as-cp1252", fix_utf8_as_cp1252),
    ("control-char", remove_c1_controls),
    ("replacement-run", drop_replacement_chars),
]


_CJK_STAGES = frozenset({"utf8-as-gbk", "big5-as-gbk", "gbk-as-big5", "gbk-misaligned"})


def _opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher`` opcodes for ``a`` → ``b``; the common prefix and suffix skip the matcher (long lines)."""
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    ops = [("equal", 0, head, 0, head)] if head else []
    matcher = _Matcher(a[head : len(a) - tail], b[head : len(b) - tail])
    ops.extend((tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in matcher.get_opcodes())
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


class _Matcher(SequenceMatcher):
    """A junk-free ``SequenceMatcher`` that indexes and visits only the characters ``a`` and ``b`` share.

    A line and its repair share few characters (mojibake against Chinese): the stock
    matcher indexes every character of ``b`` and looks up every one of ``a``. Only
    :meth:`get_opcodes` (and what it calls) is meant to be used.
    """

    def __init__(self, a: str, b: str) -> None:
        super().__init__(None, a, b, autojunk=False)

    def set_seq2(self, b: str) -> None:
        """As the stock method, with ``b2j`` limited to the characters of ``a`` (set first, by ``set_seqs``)."""
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        common = set(self.a).intersection(b)
        self.b2j: dict[str, list[int]] = {}
        for j, ch in enumerate(b):
            if ch in common:
                self.b2j.setdefault(ch, []).append(j)
        self.shared = [i for i, ch in enumerate(self.a) if ch in common]

    def find_longest_match(self, alo: int = 0, ahi: Optional[int] = None, blo: int = 0, bhi: Optional[int] = None) -> Match:
        """The stock result without junk: the longest block, then the earliest in ``a``, then in ``b``."""
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        a, b2j, shared = self.a, self.b2j, self.shared
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict[int, int] = {}  # length of the match ending at (i - 1, j), by j
        previous = alo - 2
        for i in shared[bisect_left(shared, alo) : bisect_left(shared, ahi)]:
            if i != previous + 1:
                j2len = {}  # a character ``b`` lacks ends every match
            newj2len = {}
            for j in b2j[a[i]]:
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = newj2len[j] = j2len.get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = newj2len
            previous = i
        return Match(besti, bestj, bestsize)


# Sentence ends and ASCII spaces (which no CJK codec damage spans). Not ASCII "?", which may stand
# for a lost byte, nor U+3000, whose bytes a misaligned GBK stream re-pairs with its neighbours.
_CHUNK_END = re.compile(r"(?<=[。！？])|(?<= )(?=[^ ])")
_CHUNK_MIN = 200


def repair_line(line: str) -> tuple[str, list[Fix]]:
    """Repair one line; return the new line and the fixes, relative to ``line``.

    A long line (a whole article on one line) is repaired sentence by sentence,
    so one damaged spot does not send the whole line through the slow searches.

    >>> repair_line("新闻&amp;评论")[0]
    '新闻&评论'
    """
    if not needs_repair(line):
        return line, []
    if len(line) <= _CHUNK_MIN:
        new, chunk_fixes = _repaired_chunk(line)
        return new, list(chunk_fixes)
    out: list[str] = []
    fixes: list[Fix] = []
    offset = 0
    for chunk in _chunks(line):
        new, chunk_fixes = _repaired_chunk(chunk) if needs_repair(chunk) else (chunk, ())
        out.append(new)
        fixes.extend((rule, start + offset, end + offset, before, after, reason)
                     for rule, start, end, before, after, reason in chunk_fixes)
        offset += len(chunk)
    return "".join(out), fixes


def _chunks(line: str) -> list[str]:
    """``line`` cut at sentence ends and spaces into pieces of about :data:`_CHUNK_MIN` / 2 characters or more."""
    chunks: list[str] = []
    for piece in _CHUNK_END.split(line):
        if chunks and len(chunks[-1]) < _CHUNK_MIN // 2:
            chunks[-1] += piece
        else:
            chunks.append(piece)
    return chunks


@lru_cache(maxsize=4096)
def _repaired_chunk(chunk: str) -> tuple[str, tuple[Fix, ...]]:
    """:func:`_repair_chunk`, remembered: a site's boilerplate lines recur, damaged alike, on every page of a dump."""
    new, fixes = _repair_chunk(chunk)
    return new, tuple(fixes)


def _repair_chunk(line: str) -> tuple[str, list[Fix]]:
    """Repair one line or sentence; return the new text and the fixes, relative to ``line``.

    Each fix is ``(rule, start, end, before, after, reason)``; applying them right
    to left to ``line`` gives the new line. Deterministic and idempotent.

    >>> repair_line("新闻&amp;评论")
    ('新闻&评论', [('html-entity', 3, 7, 'amp;', '', 'decoded an HTML character reference')])
    """
    original = line
    # orig[i]: position in the original line of the boundary before current char i
    orig = list(range(len(line) + 1))
    touched: list[tuple[int, int, str]] = []  # (orig start, orig end, rule)
    steps: list[list[tuple[str, int, int, int, int]]] = []  # the opcodes of each change
    for _round in range(3):
        before_round = line
        suspect = None  # computed when a CJK stage is reached, again after each change
        for rule, fn in _STAGES:
            if rule in _CJK_STAGES:
                if suspect is None:
                    suspect = _has_suspect_span(line)
                if not suspect:
                    continue
            new = fn(line)
            if new == line:
                continue
            suspect = None
            new_orig = [0] * (len(new) + 1)
            steps.append(_opcodes(line, new))
            for tag, i1, i2, j1, j2 in steps[-1]:
                if tag == "equal":
                    new_orig[j1:j2] = orig[i1:i2]
                else:
                    new_orig[j1:j2] = [orig[i1]] * (j2 - j1)
                    touched.append((orig[i1], orig[i2], rule))
            new_orig[len(new)] = orig[len(line)]
            line, orig = new, new_orig
        if line == before_round or not needs_repair(line):
            break
    fixes: list[Fix] = []
    for tag, i1, i2, j1, j2 in steps[0] if len(steps) == 1 else _opcodes(original, line):
        if tag == "equal":
            continue
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


def candidate_lines(lines: "list[str] | tuple[str, ...]") -> list[int]:
    """Indices of the lines :func:`needs_repair` could accept, found by whole-text scans.

    A superset of the lines :func:`needs_repair` accepts: each gate regex runs once
    over the joined text (none of them can match across a line break), so the
    thousands of clean lines of a dump cost no Python call each.

    >>> candidate_lines(["今天天气很好。", "ÖÐÎÄ", "中&amp;文", "今天吹剿麄兡玫剿幖拥那"])
    [1, 2, 3]
    """
    text = "\n".join(lines)
    starts = list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))  # each line and its "\n"
    regexes = _gate_regexes()
    hits: set[int] = set()
    # _ANY_DEBRIS covers _DEBRIS and toned glosses; loose covers dense and the whole-line test;
    # the UTF-8 lead characters cover the re-reading of short runs
    for regex in (_ANY_DEBRIS, _LATIN_PAIR, *_DIGIT_GLOSSES, regexes.question, regexes.loose, _utf8_lead(), _MIME_WORD):
        hits.update(_lines_matching(regex, text, starts))
    return sorted(hits)


def _lines_matching(regex: "re.Pattern[str]", text: str, starts: list[int]) -> Iterator[int]:
    """Indices of the lines (starting at ``starts``) where ``regex`` matches: one search per such line, not per match."""
    pos = 0
    while match := regex.search(text, pos):
        index = bisect_right(starts, match.start()) - 1
        yield index
        if index + 1 == len(starts):
            return
        pos = starts[index + 1]


def run(doc: Document, options: Options) -> tuple[Document, list[Edit]]:
    """Pass entry point: repair every line that may need it; the line count never changes."""
    lines = list(doc.lines)
    edits: list[Edit] = []
    for index in candidate_lines(lines):
        new, fixes = repair_line(lines[index])
        lines[index] = new
        for rule, start, end, before, after, reason in fixes:
            edits.append(Edit(PASS_NAME, rule, index, start, end, before, after, reason))
    if not edits:
        return doc, []
    return doc.with_lines(lines), edits
