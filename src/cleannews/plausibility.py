"""How plausible a string is as Chinese text: a character unigram/bigram score.

The tables ship in ``cleannews/data`` (built by ``scripts/build_charfreq.py`` from
jieba's ``dict.txt``, simplified plus OpenCC s2t/s2tw forms, see
``PROVENANCE-charfreq.md``), so clean simplified *and* traditional text score
alike without running OpenCC. Tables are loaded lazily, once per process. A
simplified word table backs :func:`word_logprob`, which chooses between a few
readings of a short span rather than scoring whole lines. A running-text bigram
table (``corpus_bigrams.tsv.gz``, see ``PROVENANCE-corpus-bigrams.md``) backs
:func:`running_logprob`: the dictionary tables know no pair across a word
boundary or beside a punctuation mark, which is what the byte searches must weigh
when they choose the character behind a lost byte.

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
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from .caching import table_cache

__all__ = [
    "char_logprob",
    "bigram_logprob",
    "score",
    "total_logprob",
    "common_chars",
    "is_han",
    "word_logprob",
    "word_logprobs",
    "running_logprob",
    "continuation_logprob",
]

#: weight of the bigram estimate in :func:`bigram_logprob` (the rest is the unigram)
BIGRAM_WEIGHT = 0.7
#: log-weight of the unigram in :func:`bigram_logprob`: the cost of a pair the table has never seen
LOG_UNSEEN_PAIR = math.log(1.0 - BIGRAM_WEIGHT)
#: extra cost of a character that is no dictionary word, on top of its character log-probability
UNKNOWN_WORD = -3.0
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


@table_cache
def _bigrams() -> dict[str, int]:
    return _load("char_bigrams.tsv.gz")


#: the ranges of :func:`is_han`, as a regular-expression class (without brackets)
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"


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
def _unlisted_logprob(ch: str) -> float:
    """:func:`char_logprob` of a character missing from the table: Han or the cost of its class."""
    if is_han(ch):
        return UNKNOWN_HAN
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
    if 0x2100 <= o <= 0x218F:  # letterlike symbols and number forms: ℃, №, Ⅲ are common in news
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
    return value if value is not None else _unlisted_logprob(ch)


def bigram_logprob(a: str, b: str) -> float:
    """Log P(b | a): within-word bigram estimate interpolated with the unigram of ``b``.

    Falls back to :func:`char_logprob` of ``b`` when either character is not Han.

    >>> bigram_logprob("新", "闻") > char_logprob("闻")
    True
    >>> bigram_logprob("，", "闻") == char_logprob("闻")
    True
    """
    value = _pair_logprobs().get(a + b)
    if value is not None:
        return value
    uni_logp, counts, _ = _unigrams()
    pb = uni_logp.get(b)
    if pb is None or a not in counts or not is_han(a):
        return char_logprob(b)
    return LOG_UNSEEN_PAIR + pb




@table_cache
def _pair_logprobs() -> dict[str, float]:
    """:func:`bigram_logprob` of every pair in the table, computed once: the byte searches score millions of pairs."""
    uni_logp, counts, _ = _unigrams()
    out = {}
    for pair, n in _bigrams().items():
        a, b = pair
        pb = uni_logp.get(b)
        if pb is not None and a in counts and is_han(a):
            out[pair] = math.log(BIGRAM_WEIGHT * n / counts[a] + (1.0 - BIGRAM_WEIGHT) * math.exp(pb))
    return out


@lru_cache(maxsize=None)
def _counted_han() -> frozenset[str]:
    """Han characters of the unigram table: after one of them, an unseen pair costs :data:`LOG_UNSEEN_PAIR` plus the unigram."""
    return frozenset(ch for ch in _unigrams()[1] if is_han(ch))


def _logprobs(text: str) -> list[float]:
    """:func:`bigram_logprob` of each character after the one before it, inlined: :func:`score` runs on every suspect line."""
    pairs = _pair_logprobs()
    uni_logp = _unigrams()[0]
    counted_han = _counted_han()
    out = []
    prev = ""
    for ch in text:
        if ch in " \t\r\n":
            prev = ""
            continue
        value = pairs.get(prev + ch) if prev else None
        if value is None:
            value = uni_logp.get(ch)
            if value is None:
                value = _unlisted_logprob(ch)
            elif prev in counted_han:
                value = LOG_UNSEEN_PAIR + value
        out.append(value)
        prev = ch
    return out


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
    values = _logprobs(text)
    return sum(values) / len(values) if values else 0.0


@lru_cache(maxsize=None)
def common_chars(min_logprob: float = -12.0) -> frozenset[str]:
    """Han characters whose unigram log-probability is at least ``min_logprob``."""
    return frozenset(ch for ch, lp in _unigrams()[0].items() if lp >= min_logprob and is_han(ch))


@table_cache
def _words() -> dict[str, float]:
    counts = _load("words.tsv.gz")
    total = float(sum(counts.values()))
    return {word: math.log(n / total) for word, n in counts.items()}


def word_logprob(text: str) -> float:
    """Log-probability of the best segmentation of ``text`` into dictionary words (simplified form).

    A character that is no word costs its :func:`char_logprob` plus
    :data:`UNKNOWN_WORD`. Unlike the within-word bigrams, this knows that
    ``也是`` is two common words while ``（是`` is a mark before a word.

    >>> word_logprob("这也是首都") > word_logprob("这（是首都")
    True
    """
    return _segment(text, [0.0])[-1]


def word_logprobs(prefix: str, middles: Iterable[str], suffix: str = "") -> list[float]:
    """:func:`word_logprob` of ``prefix + middle + suffix`` for each of ``middles``, segmenting ``prefix`` once.

    >>> word_logprobs("这", ["也", "（"], "是首都") == [word_logprob("这也是首都"), word_logprob("这（是首都")]
    True
    """
    head = _segment(prefix, [0.0])
    return [_segment(prefix + middle + suffix, head)[-1] for middle in middles]


def _segment(text: str, head: list[float]) -> list[float]:
    """Best segmentation log-probabilities of ``text[:k]`` for every k, given those of the first ``len(head)``."""
    words = _words()
    best = head[:]
    for end in range(len(head), len(text) + 1):
        ch = text[end - 1]
        single = words.get(ch)
        value = best[end - 1] + (single if single is not None else char_logprob(ch) + UNKNOWN_WORD)
        for start in range(max(0, end - 4), end - 1):
            lp = words.get(text[start:end])
            if lp is not None and best[start] + lp > value:
                value = best[start] + lp
        best.append(value)
    return best


@table_cache
def _running() -> dict[str, int]:
    """Running-text counts: one-character keys are characters, two-character keys adjacent pairs."""
    return _load("corpus_bigrams.tsv.gz")


def running_logprob(a: str, b: str) -> Optional[float]:
    """Log P(b | a) in running news text (punctuation included), or None if the pair was never seen.

    Unlike :func:`bigram_logprob`, this knows pairs across word boundaries and
    beside marks: ``更`` before an adjective, ``也`` rather than ``（`` before a verb.

    >>> running_logprob("更", "高") > running_logprob("于", "高")
    True
    >>> running_logprob("也", "有") > running_logprob("（", "有")
    True
    >>> running_logprob("鍙", "戝") is None  # mojibake
    True
    """
    counts = _running()
    pair = counts.get(a + b) if len(a) == 1 else None
    return math.log(pair / counts[a]) if pair else None


@table_cache
def _continuations() -> dict[str, float]:
    counts = Counter(pair[1] for pair in _running() if len(pair) == 2)
    total = float(sum(counts.values()))
    return {ch: math.log(n / total) for ch, n in counts.items()}


def continuation_logprob(ch: str) -> Optional[float]:
    """Log share of the running-text pairs that end in ``ch`` (None if none does).

    The Kneser-Ney estimate for a pair never seen: a digit is frequent, but it
    follows few characters (mostly other digits), so after a name it is unlikely.

    >>> continuation_logprob("的") > continuation_logprob("１")
    True
    """
    return _continuations().get(ch)
