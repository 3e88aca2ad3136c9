#!/usr/bin/env python3
"""Benchmark pass 1 (mojibake) per damage family on clean news lines from ../shared.

    python benchmarks/mojibake_families.py [--n 300] [--seed 1] [--throughput-only]

For each family, clean lines are corrupted, repaired with ``repair_line`` and
compared with the original: share restored exactly, mean
``cleannews.metrics.line_similarity`` and CPU ms per line (tables loaded first).
``--seed`` draws other lines: develop on one seed, report on another. Each
family is timed from empty per-input caches (tables stay loaded). Also
reports the clean lines the pass changes (simplified, traditional), split by
whether the corpus line itself carries damage markers (U+FFFD, control
characters, HTML references), and the throughput of ``mojibake.run`` on
clean text: at least 5 MB of distinct simplified news (SIGHAN PKU/MSR, THUCNews,
SogouCS, the hand-cleaned CWCED bodies) and of traditional news (SIGHAN CityU/AS,
the TaiwanStat 2017 crawls), one core, best of 3 after a warm-up that loads the
tables (CPU time is the steadier figure on a shared machine).
Don't run it beside other CPU-heavy work.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401

from cleannews import mojibake
from cleannews.document import Document, Options
from cleannews.metrics import line_similarity
from cleannews.mojibake import repair_line
from speed import forget_inputs  # benchmarks/speed.py, beside this script

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
HANS = ["news-zh-hans/sighan2005/pku_test.utf8.txt", "news-zh-hans/sighan2005/msr_test.utf8.txt"]
HANT = ["news-zh-hant/sighan2005/cityu_test.utf8.txt", "news-zh-hant/sighan2005/as_test.utf8.txt"]
THUC = "news-zh-hans/thucnews-1000/cnews.val.txt"
SOGOUCS = "news-zh-hans/sogoucs-smarty/news_sohusite_xml.smarty.xml"
CWCED = "cwced-2005/cleaned"
TAIWANSTAT = "news-zh-hant/taiwanstat-2017"
# TaiwanStat files are concatenated or not quite valid JSON (see SOURCES.md): read the fields by regex
_JSON_FIELD = re.compile(r'"(?:title|content)"\s*:\s*"((?:[^"\\]|\\.)*)"')


def read_lines(rel: str) -> list[str]:
    text = (SHARED / rel).read_text(encoding="utf-8-sig")
    return [l.rstrip("\r") for l in text.split("\n")]


def clean_simplified() -> list[str]:
    """At least 5 MB of distinct clean simplified lines."""
    lines = [l for f in HANS for l in read_lines(f)]
    lines += [l.split("\t", 1)[-1] for l in read_lines(THUC)]
    sogou = (SHARED / SOGOUCS).read_text(encoding="utf-8")
    lines += re.findall(r"<content(?:title)?>(.*?)</content(?:title)?>", sogou)
    for path in sorted((SHARED / CWCED).glob("*.txt")):
        lines += read_lines(str(path.relative_to(SHARED)))
    return lines


def clean_traditional() -> list[str]:
    """At least 5 MB of distinct clean traditional lines."""
    lines = [l for f in HANT for l in read_lines(f)]
    for path in sorted((SHARED / TAIWANSTAT).glob("*.json")):
        for m in _JSON_FIELD.finditer(path.read_text(encoding="utf-8")):
            try:
                value = json.loads(f'"{m.group(1)}"')
            except ValueError:  # raw tabs and stray escapes in the not-quite-JSON files
                value = m.group(1)
            lines += [l.rstrip("\r") for l in value.split("\n")]
    return lines


def throughput(label: str, lines: list[str]) -> None:
    """MB/s of ``mojibake.run`` over ``lines`` as one document; also which rules fired (real debris)."""
    doc = Document.from_text("\n".join(lines))
    mb = sum(len(l.encode("utf-8")) + 1 for l in doc.lines) / 1e6
    mojibake.run(doc, Options())  # warm-up: tables, regexes, OpenCC
    wall = cpu = None
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        _, edits = mojibake.run(doc, Options())
        elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        wall = elapsed if wall is None else min(wall, elapsed)
        cpu = elapsed_cpu if cpu is None else min(cpu, elapsed_cpu)
    rules = Counter(e.rule for e in edits)
    changed = len({e.line for e in edits})
    print(f"clean {label:12} {mb:5.2f} MB: {mb / wall:6.1f} MB/s wall, {mb / cpu:6.1f} MB/s CPU (best of 5, one core); "
          f"{changed}/{len(doc.lines)} lines changed {dict(rules)}")


def sentences(lines: list[str], rng: random.Random, n: int, lo: int = 8, hi: int = 80) -> list[str]:
    pool = [l.strip() for l in lines if lo <= len(l.strip()) <= hi]
    return rng.sample(pool, min(n, len(pool)))


def dropped_byte(s: str, rng: random.Random) -> str:
    raw = s.encode("gbk")
    k = rng.randrange(2, max(3, len(raw) - 2))
    return (raw[:k] + raw[k + 1 :]).decode("gbk", "replace")


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{6,}")


def han_piece(s: str, rng: random.Random, lo: int, hi: int) -> str:
    """A random run of ``lo``..``hi`` Han characters of ``s`` ('' if it has none that long)."""
    runs = [m.group(0) for m in re.finditer(r"[\u4e00-\u9fff]+", s) if len(m.group(0)) >= lo]
    if not runs:
        return ""
    run = rng.choice(runs)
    n = rng.randint(lo, min(hi, len(run)))
    k = rng.randrange(len(run) - n + 1)
    return run[k : k + n]


def _strict_gbk_reading(s: str) -> bool:
    try:
        s.encode("utf-8").decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


def garble_inside(s: str, rng: random.Random) -> str:
    """``s`` with 2-4 Han characters (a word or so) in the middle of a Han run read as GBK; the rest clean."""
    for _ in range(20):
        piece = han_piece(s, rng, 2, 4)
        if piece and _strict_gbk_reading(piece):
            return s.replace(piece, piece.encode("utf-8").decode("gbk"), 1)
    return s


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--throughput-only", action="store_true")
    args = ap.parse_args()
    if args.throughput_only:
        run_throughput()
        return
    rng = random.Random(args.seed)
    hans_lines = [l for f in HANS for l in read_lines(f)]
    hant_lines = [l for f in HANT for l in read_lines(f)]
    thuc = [l.split("\t", 1)[-1] for l in read_lines(THUC)]
    hans = sentences(hans_lines + [s for t in thuc for s in t.split("。") if s], rng, args.n)
    hant = [s for s in sentences(hant_lines, rng, args.n * 2) if _big5_ok(s)][: args.n]
    gbk_hans = [s for s in hans if _gbk_ok(s)]
    labels = [w for w in (han_piece(s, rng, 2, 5) for s in hans) if w and _strict_gbk_reading(w)]
    embedded = [s for s in hans if _HAN_RUN.search(s)]

    families = {
        "gbk-as-latin1": (gbk_hans, lambda s: s.encode("gbk").decode("latin-1")),
        "gbk-as-cp1252": (gbk_hans, lambda s: s.encode("gbk").decode("sloppy-windows-1252")),
        "utf8-as-cp1252": (hans, lambda s: s.encode("utf-8").decode("sloppy-windows-1252")),
        "utf8-as-cp1252 x2": (hans, lambda s: s.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8").decode("sloppy-windows-1252")),
        # a strict cp1252 decoder writes U+FFFD for the five bytes it leaves undefined (benchmarks/speed.py)
        "utf8-as-cp1252 (replace)": (hans, lambda s: s.encode("utf-8").decode("cp1252", "replace")),
        "html-entities": (hans, lambda s: "".join(f"&#{ord(c)};" if i % 3 == 0 and ord(c) > 127 else c for i, c in enumerate(s))),
        "utf8-as-gbk (replace)": (hans, lambda s: s.encode("utf-8").decode("gbk", "replace")),
        "big5-as-gbk (replace)": (hant, lambda s: s.encode("big5").decode("gbk", "replace")),
        "gbk-as-big5 (replace)": (gbk_hans, lambda s: s.encode("gbk").decode("big5hkscs", "replace")),
        "gbk dropped byte": (gbk_hans, lambda s: dropped_byte(s, rng)),
        # a label or a few words read with the wrong codec: too short for the dense-run gate
        "utf8-as-gbk short label": (labels, lambda s: s.encode("utf-8").decode("gbk")),
        "utf8-as-gbk inside clean": (embedded, lambda s: garble_inside(s, rng)),
    }
    repair_line("今天吹剿麄兡玫剿幖拥那")  # load the tables before any timing
    print(f"{'family':26} {'n':>5} {'exact':>7} {'mean sim':>9} {'input sim':>9} {'ms/line':>8}")
    for name, (clean, corrupt) in families.items():
        forget_inputs()  # no family is timed on what an earlier one left in the caches (some share lines)
        exact = 0
        sims = []
        base = []
        cpu = 0.0
        for s in clean:
            bad = corrupt(s)
            start = time.process_time()
            out = repair_line(bad)[0]
            cpu += time.process_time() - start
            exact += out == s
            sims.append(line_similarity(out, s))
            base.append(line_similarity(bad, s))
        n = len(clean)
        print(f"{name:26} {n:5d} {exact / n:7.1%} {sum(sims) / n:9.3f} {sum(base) / n:9.3f} {1000 * cpu / n:8.1f}")

    for label, lines in (("simplified", hans_lines + thuc), ("traditional", hant_lines)):
        report_clean(label, lines)
    run_throughput()


# Debris a clean corpus itself carries: U+FFFD, control characters, HTML references. Repairing an
# entity or a control character is the pass's job; a lone U+FFFD is kept (it marks a missing character).
_MARKERS = re.compile(r"[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|&#?[A-Za-z0-9]+;?")


def report_clean(label: str, lines: list[str]) -> None:
    """Clean lines the pass changes, split by whether the corpus line carries damage markers (listed)."""
    changed = [(line, repair_line(line)[1]) for line in lines if repair_line(line)[0] != line]
    marked = [(line, fixes) for line, fixes in changed if _MARKERS.search(line)]
    kept = [line for line in lines if "\ufffd" in line and repair_line(line)[0] == line]
    print(f"clean {label:12} lines changed: {len(changed)}/{len(lines)}; of which lines carrying damage markers "
          f"in the source corpus: {len(marked)}; changed without a marker: {len(changed) - len(marked)}; "
          f"lines whose lone U+FFFD is kept: {len(kept)}")
    for line, fixes in changed:
        tag = "marker" if _MARKERS.search(line) else "NO MARKER"
        print(f"    [{tag}]", [(rule, before, after) for rule, _, _, before, after, _ in fixes])
    for line in kept:
        i = line.index("\ufffd")
        print("    [kept U+FFFD]", line[max(0, i - 8) : i + 9])


def run_throughput() -> None:
    throughput("simplified", clean_simplified())
    throughput("traditional", clean_traditional())


def _gbk_ok(s: str) -> bool:
    try:
        s.encode("gbk")
        return True
    except UnicodeEncodeError:
        return False


def _big5_ok(s: str) -> bool:
    try:
        s.encode("big5")
        return True
    except UnicodeEncodeError:
        return False


if __name__ == "__main__":
    main()
