#!/usr/bin/env python3
"""Build the character and word frequency tables shipped in ``src/cleannews/data``.

Source: ``jieba/dict.txt`` from the jieba 0.42.1 sdist (MIT licence), obtained with::

    pip download --no-deps jieba==0.42.1 -d /tmp/jieba

Usage::

    python scripts/build_charfreq.py /tmp/jieba/jieba-0.42.1.tar.gz

What it does (deterministic; same archive in, same bytes out):

1. Read every ``word freq [pos]`` line of ``dict.txt``.
2. Simplified counts: each character of a word gets ``freq``; each adjacent
   character pair inside the word gets ``freq`` (within-word bigrams).
3. Traditional counts: the whole word list is converted with OpenCC ``s2t`` and
   ``s2tw`` (build time only) and counted the same way.
4. Merge: ``count[x] = max(simplified[x], s2t[x], s2tw[x])`` so shared characters
   are not double counted and traditional characters get the frequency of their
   simplified source.
5. Bigrams with a merged count below ``--min-bigram`` are pruned to keep the
   shipped file small.
6. Write ``charfreq.tsv.gz`` and ``char_bigrams.tsv.gz`` (``key<TAB>count``,
   sorted by count descending then key; gzip mtime 0) and the provenance note.
7. Write ``words.tsv.gz``: the simplified dictionary words of one to four
   characters with a frequency of at least ``--min-word`` (same format), for the
   word-level rescoring of characters the byte searches fill in.

jieba is NOT a runtime dependency: only the two derived tables ship.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import tarfile
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "cleannews" / "data"


def read_dict(archive: Path) -> list[tuple[str, int]]:
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("jieba/dict.txt"))
        raw = tar.extractfile(member).read().decode("utf-8")
    words = []
    for line in raw.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            words.append((parts[0], int(parts[1])))
    return words


def count(words: list[tuple[str, int]]) -> tuple[Counter, Counter]:
    uni: Counter = Counter()
    bi: Counter = Counter()
    for word, freq in words:
        for ch in word:
            uni[ch] += freq
        for i in range(len(word) - 1):
            bi[word[i : i + 2]] += freq
    return uni, bi


def convert(words: list[tuple[str, int]], config: str) -> list[tuple[str, int]]:
    import opencc

    converter = opencc.OpenCC(config)
    converted = converter.convert("\n".join(w for w, _ in words)).split("\n")
    assert len(converted) == len(words)
    return [(c, f) for c, (_, f) in zip(converted, words)]


def merge(*counters: Counter) -> Counter:
    out: Counter = Counter()
    for counter in counters:
        for key, value in counter.items():
            if value > out[key]:
                out[key] = value
    return out


def write_table(path: Path, table: Counter) -> None:
    lines = [f"{k}\t{v}\n" for k, v in sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))]
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write("".join(lines).encode("utf-8"))
    path.write_bytes(buf.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", type=Path, help="jieba-0.42.1.tar.gz from pip download")
    parser.add_argument("--min-bigram", type=int, default=5, help="prune bigrams below this count")
    parser.add_argument("--min-word", type=int, default=20, help="leave out rarer words from words.tsv.gz")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()

    sha = hashlib.sha256(args.archive.read_bytes()).hexdigest()
    words = read_dict(args.archive)
    simp_uni, simp_bi = count(words)
    t_uni, t_bi = count(convert(words, "s2t"))
    tw_uni, tw_bi = count(convert(words, "s2tw"))
    uni = merge(simp_uni, t_uni, tw_uni)
    bi = merge(simp_bi, t_bi, tw_bi)
    bi = Counter({k: v for k, v in bi.items() if v >= args.min_bigram})

    args.out.mkdir(parents=True, exist_ok=True)
    write_table(args.out / "charfreq.tsv.gz", uni)
    write_table(args.out / "char_bigrams.tsv.gz", bi)
    word_counts: Counter = Counter()
    for word, freq in words:
        if len(word) <= 4:
            word_counts[word] += freq
    word_counts = Counter({k: v for k, v in word_counts.items() if v >= args.min_word})
    write_table(args.out / "words.tsv.gz", word_counts)
    import opencc

    note = f"""# Provenance of charfreq.tsv.gz, char_bigrams.tsv.gz and words.tsv.gz

- **Source:** `jieba/dict.txt` inside the jieba 0.42.1 source distribution
  (`pip download --no-deps jieba==0.42.1`), file `{args.archive.name}`.
- **sha256 of the source archive:** `{sha}`
- **License of the source:** MIT (jieba, © 2013 Sun Junyi). The derived tables are
  word-frequency aggregates of that dictionary.
- **Built by:** `scripts/build_charfreq.py` (OpenCC {getattr(opencc, '__version__', '1.4.2')} at build time only,
  `--min-bigram {args.min_bigram}`).
- **How:** {len(words):,} dictionary words with frequencies. Each character of a word
  gets the word's frequency (unigram table, {len(uni):,} characters); each adjacent pair of
  characters inside a word gets the word's frequency (bigram table, {len(bi):,} pairs after
  pruning counts below {args.min_bigram}). The word list is also converted with OpenCC
  `s2t` and `s2tw` and counted the same way; the three tables are merged by taking the
  maximum count per key, so traditional text scores like simplified text without running
  OpenCC at scoring time.
- **words.tsv.gz:** the dictionary's simplified words of one to four characters with a
  frequency of at least {args.min_word} ({len(word_counts):,} words, duplicates summed), for the
  word-level rescoring of characters the byte searches fill in.
- **Format:** gzip (mtime 0) of UTF-8 lines `key<TAB>count`, sorted by count descending.
- jieba is not a runtime dependency.
"""
    (args.out / "PROVENANCE-charfreq.md").write_text(note, encoding="utf-8")
    print(f"{len(uni)} chars, {len(bi)} bigrams, sha256 {sha}")


if __name__ == "__main__":
    main()
