"""Scores used by the tests, the evaluation command and the benchmarks.

Body text is compared as a bag of character bigrams (whitespace ignored), the
usual measure for Chinese extraction where there are no word boundaries.
Paragraphs are matched one to one when their bigram F1 is at least 0.9.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence


def _bigrams(text: str) -> Counter:
    chars = "".join(text.split())
    return Counter(chars[i : i + 2] for i in range(len(chars) - 1))


def prf(predicted: Counter, gold: Counter) -> tuple[float, float, float]:
    """Precision, recall and F1 of two multisets."""
    if not predicted and not gold:
        return 1.0, 1.0, 1.0
    overlap = sum((predicted & gold).values())
    precision = overlap / sum(predicted.values()) if predicted else 0.0
    recall = overlap / sum(gold.values()) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bigram_f1(predicted: str, gold: str) -> float:
    """Character-bigram F1 of two texts.

    >>> bigram_f1("看到他们拿到药", "看到他们拿到药")
    1.0
    >>> round(bigram_f1("看到他们", "看到他们拿到药"), 2)
    0.67
    """
    return prf(_bigrams(predicted), _bigrams(gold))[2]


def bigram_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    return prf(_bigrams(predicted), _bigrams(gold))


def paragraph_f1(predicted: Sequence[str], gold: Sequence[str], threshold: float = 0.9) -> float:
    """F1 over paragraphs, a predicted paragraph matching an unused gold one when bigram F1 >= threshold.

    >>> paragraph_f1(["甲乙丙丁", "戊己庚辛"], ["甲乙丙丁", "戊己庚辛"])
    1.0
    >>> paragraph_f1(["甲乙丙丁戊己庚辛"], ["甲乙丙丁", "戊己庚辛"])
    0.0
    """
    predicted = [p for p in predicted if p.strip()]
    gold = [g for g in gold if g.strip()]
    if not predicted and not gold:
        return 1.0
    unused = list(gold)
    matched = 0
    for para in predicted:
        for i, candidate in enumerate(unused):
            if bigram_f1(para, candidate) >= threshold:
                matched += 1
                del unused[i]
                break
    precision = matched / len(predicted) if predicted else 0.0
    recall = matched / len(gold) if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def line_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two lines (difflib ratio), used for lossy mojibake families."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio()
