"""How plausible a string is as Chinese text: a character unigram/bigram score.

The tables ship in ``cleannews/data`` (built by ``scripts/build_charfreq.py`` from
jieba's ``dict.txt``, simplified plus OpenCC s2t/s2tw forms, see
``PROVENANCE-charfreq.md``), so clean simplified *and* traditional text score
alike without running OpenCC. Tables are loaded lazily, once per process.

Scores are natural-log probabilities. Han characters are scored from the tables;
every other character class gets a fixed cost (see :func:`char_logprob`).
Typical means: clean news about -6 to -7, mojibake about -11 to -14.

>>> score("新闻发布会") > score("鍙戝竷浼")
True
>>> score("新聞發佈會") > score("穝籇祇紹")
True
>>> round(score(""), 1)
0.0
"""

from __future__ import annotations

import gzip
import math
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Iterable

__all__ = [
    "char_logprob",
    "bigram_logprob",
    "score",
    "total_logprob",
    "window_min",
    "common_chars",
    "is_han",
]

#: weight of the bigram estimate in :func:`bigram_logprob` (the rest is the unigram)
BIGRAM_WEIGHT = 0.7
#: log-probability of a Han character missing from the table
UNKNOWN_HAN = -17.0

# Fixed costs of non-Han classes (natural log).
COMMON_CJK_PUNCT = set("，。、：；！？“”‘’（）《》「」『』【】—…·～－　")
COST_COMMON_PUNCT = -4.0
COST_OTHER_CJK_PUNCT = -9.0   # other U+3000-303F, U+FE30-FE4F
COST_FULLWIDTH = -7.0         # U+FF01-FF5E (fullwidth digits, letters, symbols)
COST_ASCII = -6.0
COST_SPACE = -2.0
COST_LATIN1 = -13.0           # U+00A0-U+00FF and other Latin letters
COST_KANA = -15.0             # kana, Greek, Cyrillic, box drawing and other symbols
COST_PRIVATE = -20.0          # private use area, U+FFFD, surrogates, noncharacters
COST_CONTROL = -25.0          # C0 (except tab) and C1 controls


def _load(name: str) -> dict[str, int]:
    path = resources.files("cleannews").joinpath("data", name)
    with path.open("rb") as raw:
        fields = gzip.decompress(raw.read()).decode("utf-8").split()
    return dict(zip(fields[0::2], map(int, fields[1::2])))


@lru_cache(maxsize=None)
def _unigrams() -> tuple[dict[str, float], dict[str, int], float]:
    counts = _load("charfreq.tsv.gz")
    total = float(sum(counts.values()))
    logp = {ch: math.log(c / total) for ch, c in counts.items()}
    return logp, counts, total


@lru_cache(maxsize=None)
def _bigrams() -> dict[str, int]:
    return _load("char_bigrams.tsv.gz")


def is_han(ch: str) -> bool:
    """True for CJK unified ideographs (BMP, Ext-A, compatibility and the supplementary planes)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
    )


@lru_cache(maxsize=65536)
def _class_cost(ch: str) -> float:
    o = ord(ch)
    if ch in COMMON_CJK_PUNCT:
        return COST_COMMON_PUNCT
    if o < 0x80:
        if ch in " \t":
            return COST_SPACE
        if o < 0x20 or o == 0x7F:
            return COST_CONTROL
        return COST_ASCII
    if 0x80 <= o < 0xA0:
        return COST_CONTROL
    if 0x3000 <= o <= 0x303F or 0xFE30 <= o <= 0xFE4F:
        return COST_OTHER_CJK_PUNCT
    if 0xFF01 <= o <= 0xFF5E:
        return COST_FULLWIDTH
    if o == 0xFFFD or 0xE000 <= o <= 0xF8FF or 0xD800 <= o <= 0xDFFF or o >= 0xF0000:
        return COST_PRIVATE
    if 0x2010 <= o <= 0x2027 or 0x2030 <= o <= 0x205E:  # general punctuation: dashes, quotes, ellipsis
        return COST_OTHER_CJK_PUNCT
    if 0xA0 <= o <= 0x24F:
        return COST_LATIN1
    cat = unicodedata.category(ch)
    if cat.startswith("Z"):
        return COST_SPACE
    if cat.startswith("C"):
        return COST_CONTROL
    return COST_KANA


def char_logprob(ch: str) -> float:
    """Log-probability of one character.

    Han characters come from the table (:data:`UNKNOWN_HAN` if missing); other
    classes get fixed costs: common CJK punctuation -4, ASCII -6, fullwidth forms
    -7, other CJK punctuation -9, Latin-1 -13, kana/Greek/symbols -15, private use
    and U+FFFD -20, control characters -25.

    >>> char_logprob("的") > char_logprob("麄") > char_logprob("\\ufffd")
    True
    >>> char_logprob("，")
    -4.0
    """
    value = _unigrams()[0].get(ch)
    if value is not None:
        return value
    if is_han(ch):
        return UNKNOWN_HAN
    return _class_cost(ch)


def bigram_logprob(a: str, b: str) -> float:
    """Log P(b | a): within-word bigram estimate interpolated with the unigram of ``b``.

    Falls back to :func:`char_logprob` of ``b`` when either character is not Han.

    >>> bigram_logprob("新", "闻") > char_logprob("闻")
    True
    >>> bigram_logprob("，", "闻") == char_logprob("闻")
    True
    """
    uni_logp, counts, total = _unigrams()
    pb = uni_logp.get(b)
    if pb is None or a not in counts or not is_han(a):
        return char_logprob(b)
    pair = _bigrams().get(a + b)
    if not pair:
        return math.log(1.0 - BIGRAM_WEIGHT) + pb
    p = BIGRAM_WEIGHT * pair / counts[a] + (1.0 - BIGRAM_WEIGHT) * math.exp(pb)
    return math.log(p)


def _logprobs(text: str) -> Iterable[float]:
    prev = ""
    for ch in text:
        if ch in " \t\r\n":
            prev = ""
            continue
        yield bigram_logprob(prev, ch) if prev else char_logprob(ch)
        prev = ch


def total_logprob(text: str) -> float:
    """Sum of per-character log-probabilities (whitespace is skipped and breaks bigrams)."""
    return sum(_logprobs(text))


def score(text: str) -> float:
    """Mean per-character log-probability of ``text`` (0.0 for empty or all-whitespace text).

    Higher is more plausible. Clean Chinese news is around -6 to -7; mojibake is
    usually below -10.

    >>> score("中华人民共和国") > -8 > score("涓崕浜烘皯鍏卞拰鍥")
    True
    """
    values = list(_logprobs(text))
    return sum(values) / len(values) if values else 0.0


def window_min(text: str, width: int = 4) -> float:
    """Lowest mean unigram log-probability over windows of ``width`` non-space characters.

    Useful to find a short garbled run inside an otherwise clean line.

    >>> window_min("今天天气很好") > window_min("今天吹剿麄兡玫")
    True
    """
    values = [char_logprob(ch) for ch in text if not ch.isspace()]
    if not values:
        return 0.0
    if len(values) <= width:
        return sum(values) / len(values)
    run = sum(values[:width])
    best = run
    for i in range(width, len(values)):
        run += values[i] - values[i - width]
        best = min(best, run)
    return best / width


@lru_cache(maxsize=None)
def common_chars(min_logprob: float = -12.0) -> frozenset[str]:
    """Han characters whose unigram log-probability is at least ``min_logprob``."""
    return frozenset(ch for ch, lp in _unigrams()[0].items() if lp >= min_logprob and is_han(ch))
