#!/usr/bin/env python
"""Speed benchmark for cleannews.

Generates a deterministic corpus of dirty news dumps from the clean text in
``../shared/corpora`` (news-zh-hans, news-zh-hant), then measures, single process
and side by side on the same bytes:

* OpenCC ``t2s`` alone (one ``convert`` per dump),
* the full cleannews pipeline (``clean`` per dump) end to end, and per pass
  (plus the pipeline's safety check and the edit records the CLI writes),
* a per-line ``ftfy.fix_text`` + OpenCC ``t2s`` pipeline (what data-juicer does),
* peak RSS of ``cleannews fix -j 1`` on one dump and on a directory of dumps of
  10, 50 and 200 MB (``--memory-sizes``),
* ``cleannews fix DIR -o OUT -j 1`` against ``-j 2``, on the corpus as a directory
  and as one dump, the runs alternating round after round (``--repeat`` rounds),
  with their CPU time and the load average before each run (other work on the
  machine shows there),
* optionally a cProfile of ``clean`` on a ~5 MB subset.

MB means 10**6 bytes of UTF-8 input throughout.

    python benchmarks/speed.py --mb 20
    python benchmarks/speed.py --quick          # 2 MB smoke run
    python benchmarks/speed.py --mb 20 --json results.json --out /tmp/dumps
    python benchmarks/speed.py --mb 10 --passes-only --passes script,boilerplate,segment --to zh-tw
    python benchmarks/speed.py --mb 20 --cli-only --memory-sizes 10,50,200 --repeat 3

Don't run this next to other CPU-heavy work: times are medians (or minima, also
printed) of ``--repeat`` runs, but a busy second core still distorts them.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA_CANDIDATES = [ROOT.parent / "shared" / "corpora", Path("/work/shared/corpora")]
MB = 1_000_000

# --------------------------------------------------------------------------------------
# corpus
# --------------------------------------------------------------------------------------

HANS_SOURCES = [
    "news-zh-hans/sighan2005/pku_test.utf8.txt",
    "news-zh-hans/sighan2005/msr_test.utf8.txt",
    "news-zh-hans/thucnews-1000/cnews.val.txt",
]
HANT_SOURCES = [
    "news-zh-hant/sighan2005/cityu_test.utf8.txt",
    "news-zh-hant/sighan2005/as_test.utf8.txt",
]

SITES_HANS = ["新华网", "人民网", "中国新闻网", "央视网", "光明网", "澎湃新闻", "中国青年网", "环球网"]
SITES_HANT = ["中央社", "聯合新聞網", "自由時報", "蘋果日報", "東森新聞", "香港電台"]
CHANNELS_HANS = ["新闻", "国内", "国际", "财经", "体育", "社会", "地方", "科技"]
CHANNELS_HANT = ["新聞", "國內", "國際", "財經", "體育", "社會", "地方", "科技"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"


def _corpora_dir(explicit: str | None) -> Path:
    if explicit:
        return Path(explicit)
    for candidate in CORPORA_CANDIDATES:
        if (candidate / "news-zh-hans").is_dir():
            return candidate
    raise SystemExit("error: corpora not found; pass --corpora DIR (…/shared/corpora)")


def _split_sentences(text: str) -> list[str]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in "。！？!?":
            sentence = text[start : i + 1].strip()
            if sentence:
                out.append(sentence)
            start = i + 1
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _paragraphs(path: Path, rng: random.Random) -> list[str]:
    """Paragraphs of 40–400 characters from one source file."""
    text = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if path.name.startswith("cnews"):  # "label\ttitle+body" per line: drop the label
        lines = [line.split("\t", 1)[-1] for line in lines]
    sentences: list[str] = []
    for line in lines:
        sentences.extend(_split_sentences(line) if len(line) > 120 else [line])
    paragraphs, current = [], ""
    target = rng.randint(60, 300)
    for sentence in sentences:
        current += sentence
        if len(current) >= target:
            paragraphs.append(current[:400])
            current, target = "", rng.randint(60, 300)
    if len(current) >= 40:
        paragraphs.append(current)
    return paragraphs


def _title(paragraph: str, rng: random.Random) -> str:
    text = paragraph.strip("“”「」\"'（）() ")
    cut = rng.randint(10, 26)
    title = text[:cut]
    for mark in "，。！？；：,.!?;:、":
        title = title.replace(mark, " ")
    return " ".join(title.split())


def _mojibake(line: str, rng: random.Random, hant: bool = False) -> str:
    """Corrupt one line the way a wrong codec does."""
    kind = rng.randrange(3)
    try:
        if kind == 0:  # GBK (Big5 for traditional) bytes read as Latin-1: ÖÐÎÄ
            # Big5 for traditional lines: traditional characters in GBK use lead bytes 0x81-0xA0,
            # which Latin-1 turns into C1 controls, and cleannews rejects such dumps as binary.
            return line.encode("big5" if hant else "gbk", errors="replace").decode("latin-1")
        if kind == 1:  # UTF-8 bytes read as GBK: 鍙戝竷
            return line.encode("utf-8").decode("gbk", errors="replace")
        # UTF-8 bytes read as cp1252: ä¸­æ–‡
        return line.encode("utf-8").decode("cp1252", errors="replace")
    except UnicodeError:  # pragma: no cover - all three use errors=replace
        return line


def _article(rng: random.Random, pools: dict, hant: bool, mojibake_rate: float, counts: dict) -> list[str]:
    pool = pools["hant" if hant else "hans"]
    sites, channels = (SITES_HANT, CHANNELS_HANT) if hant else (SITES_HANS, CHANNELS_HANS)
    site = rng.choice(sites)
    lines: list[str] = []
    # breadcrumb (most articles) and widgets
    if rng.random() < 0.8:
        home = "首頁" if hant else "首页"
        lines.append(f"{home} > {rng.choice(channels)} > {rng.choice(channels)} > 正文")
    title = _title(rng.choice(pool), rng)
    lines.append(title)
    date = f"{rng.randint(2005, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    author = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
    if hant:
        lines.append(f"{date}　來源：{site}　作者：{author}")
    else:
        lines.append(f"{date}　来源：{site}　作者：{author}")
    if rng.random() < 0.5:
        lines.append("【打印】 【关闭】 【字号：大 中 小】" if not hant else "【打印】 【關閉】 【字號：大 中 小】")
    lines.append("")
    for _ in range(rng.randint(3, 14)):
        lines.append(rng.choice(pool))
        if rng.random() < 0.6:
            lines.append("")
    if rng.random() < 0.6:
        lines.append("")
        lines.append("相关阅读：" if not hant else "相關閱讀：")
        for _ in range(rng.randint(3, 5)):
            lines.append(f"· {_title(rng.choice(pool), rng)}（{rng.randint(2005, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}）")
    if rng.random() < 0.7:
        editor = rng.choice(SURNAMES) + rng.choice(GIVEN)
        lines.append(f"（责任编辑：{editor}）" if not hant else f"（責任編輯：{editor}）")
    if rng.random() < 0.8:
        lines.append(f"Copyright © 2005-2023 {site} 版权所有 All Rights Reserved" if not hant else f"Copyright © 2005-2023 {site} 版權所有")
    for i, line in enumerate(lines):
        counts["lines"] += 1
        if line and rng.random() < mojibake_rate:
            lines[i] = _mojibake(line, rng, hant)
            counts["mojibake_lines"] += 1
    return lines


def generate_corpus(out: Path, total_bytes: int, corpora: Path, seed: int = 20240601,
                    hant_rate: float = 0.2, mojibake_rate: float = 0.01) -> dict:
    """Write dumps of ~5–50 KB to ``out`` until ``total_bytes`` are written; deterministic."""
    rng = random.Random(seed)
    pools = {
        "hans": [p for src in HANS_SOURCES for p in _paragraphs(corpora / src, rng)],
        "hant": [p for src in HANT_SOURCES for p in _paragraphs(corpora / src, rng)],
    }
    out.mkdir(parents=True, exist_ok=True)
    counts = {"lines": 0, "mojibake_lines": 0, "articles": 0, "hant_articles": 0}
    written, index, sizes = 0, 0, []
    while written < total_bytes:
        size = int(min(50_000, max(5_000, rng.lognormvariate(9.7, 0.6))))  # median ~16 KB
        size = min(size, max(5_000, total_bytes - written))
        blocks: list[str] = []
        nbytes = 0
        while nbytes < size:
            hant = rng.random() < hant_rate
            lines = _article(rng, pools, hant, mojibake_rate, counts)
            counts["articles"] += 1
            counts["hant_articles"] += hant
            block = "\n".join(lines)
            blocks.append(block)
            nbytes += len(block.encode("utf-8")) + 2
        data = "\n\n".join(blocks).encode("utf-8") + b"\n"
        (out / f"dump_{index:05d}.txt").write_bytes(data)
        sizes.append(len(data))
        written += len(data)
        index += 1
    counts.update(files=index, bytes=written, min_kb=min(sizes) / 1000, max_kb=max(sizes) / 1000,
                  median_kb=statistics.median(sizes) / 1000)
    return counts


def load_dumps(directory: Path) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in sorted(directory.glob("*.txt"))]


# --------------------------------------------------------------------------------------
# timing helpers
# --------------------------------------------------------------------------------------


def forget_inputs() -> None:
    """Drop cleannews' per-input memo caches (not its tables), so a repeat measures work, not cache hits."""
    from cleannews import boilerplate, metadata, mojibake, plausibility, segment

    for module in (mojibake, plausibility, boilerplate, metadata, segment):
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and info().maxsize not in (None, 1):
                value.cache_clear()


def repeat(fn, times: int, budget_s: float) -> list[float]:
    """Run ``fn`` up to ``times`` times (at least once; stop early past ``budget_s``), each from cold caches."""
    out: list[float] = []
    spent = 0.0
    for _ in range(max(1, times)):
        forget_inputs()
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        out.append(dt)
        spent += dt
        if spent > budget_s:
            break
    return out


def summary(times: list[float], nbytes: int) -> dict:
    med, best = statistics.median(times), min(times)
    return {"runs": len(times), "median_s": med, "min_s": best,
            "mb_s_median": nbytes / MB / med if med else float("inf"),
            "mb_s_best": nbytes / MB / best if best else float("inf")}


def fmt_row(label: str, s: dict, width: int = 44) -> str:
    return (f"  {label:<{width}} {s['mb_s_median']:9.2f} MB/s  (best {s['mb_s_best']:8.2f};"
            f" {s['median_s']:8.2f} s median of {s['runs']})")


# --------------------------------------------------------------------------------------
# measurements
# --------------------------------------------------------------------------------------


def bench_t2s(dumps, times, budget):
    import opencc

    conv = opencc.OpenCC("t2s.json")

    def run():
        for _, data in dumps:
            conv.convert(data.decode("utf-8", errors="replace"))

    return repeat(run, times, budget)


def bench_clean(dumps, options, times, budget):
    from cleannews.pipeline import clean

    failures: set[str] = set()

    def run():
        for name, data in dumps:
            try:
                clean(data, name=name, options=options)
            except Exception as exc:  # a rejected dump must not stop the benchmark
                if name not in failures:
                    print(f"  warning: clean() failed on {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                failures.add(name)

    return repeat(run, times, budget), sorted(failures)


def bench_passes(dumps, options, times, budget) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per-stage times: decode+HTML check, each module's ``run`` in pipeline order, the pipeline's
    safety check of every module's edits, the edits turned into records (what the CLI writes), rendering.

    Each module gets the document the earlier modules produced, as in ``run_passes``.
    """
    from cleannews.document import PASS_ORDER
    from cleannews.pipeline import PASSES, to_document, verify
    from cleannews.textformat import render_text

    passes = [p for p in PASS_ORDER if options.runs(p)]
    modules = [(p, m, import_module(f"cleannews.{m}").run) for p in passes for m in PASSES[p]]
    per_module: dict[str, list[float]] = {"decode": [], **{m: [] for _, m, _ in modules},
                                          "verify": [], "records": [], "render": []}
    spent = 0.0
    for _ in range(max(1, times)):
        forget_inputs()
        acc = dict.fromkeys(per_module, 0.0)
        for name, data in dumps:
            t0 = time.perf_counter()
            try:
                doc, _, _ = to_document(data, name)
            except Exception:  # reported by bench_clean
                continue
            t1 = time.perf_counter()
            acc["decode"] += t1 - t0
            for _, m, run in modules:
                t0 = time.perf_counter()
                before, (doc, edits) = doc, run(doc, options)
                t1 = time.perf_counter()
                verify(m, before, doc, edits)
                t2 = time.perf_counter()
                [edit.to_dict() for edit in edits]
                acc[m] += t1 - t0
                acc["verify"] += t2 - t1
                acc["records"] += time.perf_counter() - t2
            t0 = time.perf_counter()
            if doc.articles is not None:
                render_text(list(doc.articles))
            acc["render"] += time.perf_counter() - t0
        for key, value in acc.items():
            per_module[key].append(value)
        spent += sum(acc.values())
        if spent > budget:
            break
    per_pass: dict[str, list[float]] = {"decode": per_module["decode"]}
    for p in passes:
        mods = PASSES[p]
        per_pass[p] = [sum(vals) for vals in zip(*(per_module[m] for m in mods))]
    for stage in ("verify", "records", "render"):
        per_pass[stage] = per_module[stage]
    return per_pass, per_module


def bench_ftfy_opencc(dumps, times, budget):
    import ftfy
    import opencc

    conv = opencc.OpenCC("t2s.json")

    def run():
        for _, data in dumps:
            text = data.decode("utf-8", errors="replace")
            "\n".join(conv.convert(ftfy.fix_text(line)) for line in text.split("\n"))

    return repeat(run, times, budget)


def _cleannews_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("cleannews")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "cleannews"]


_RSS_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter(); rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "dt = time.perf_counter() - t\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, dt, rc)\n"
)


def peak_rss(cmd: list[str], timeout: float) -> tuple[float, float, int]:
    """Peak RSS (MB) and wall time of ``cmd``, measured in a fresh wrapper process."""
    proc = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, *cmd], capture_output=True, text=True, timeout=timeout)
    kb, dt, rc = proc.stdout.split()
    return int(kb) / 1024, float(dt), int(rc)


def _fill(target, dumps, nbytes: int, directory: bool) -> int:
    """Write ``nbytes`` of corpus dumps (repeated as needed) as one dump, or as a directory of them; return bytes written."""
    written, i = 0, 0
    if directory:
        target.mkdir()
        while written < nbytes:
            data = dumps[i % len(dumps)][1]
            (target / f"dump_{i:06d}.txt").write_bytes(data)
            written, i = written + len(data), i + 1
        return written
    with target.open("wb") as fh:
        while written < nbytes:
            chunk = dumps[i % len(dumps)][1]
            fh.write(chunk + b"\n")
            written, i = written + len(chunk) + 1, i + 1
    return written


def bench_memory(dumps, sizes_mb: list[float], workdir: Path, timeout: float, flags: list[str],
                 directories: bool = True) -> list[dict]:
    """Peak RSS of ``cleannews fix INPUT -o OUT -j 1`` on one dump of each size made by concatenating
    corpus dumps and, with ``directories``, on a directory of corpus dumps of the same total."""
    results = []
    tiny = workdir / "tiny.txt"
    tiny.write_bytes(dumps[0][1][:2000].rsplit(b"\n", 1)[0] + b"\n")
    fix = [*_cleannews_cmd(), "fix", "-j", "1", "-q", *flags]
    rss, dt, rc = peak_rss([*fix, str(tiny), "-o", str(workdir / "tiny.out")], timeout)
    results.append({"kind": "file", "input_mb": len(tiny.read_bytes()) / MB, "peak_rss_mb": rss, "wall_s": dt, "rc": rc})
    for kind in ("file", "dir") if directories else ("file",):
        for size in sizes_mb:
            big = workdir / f"big_{kind}_{size:g}mb{'.txt' if kind == 'file' else ''}"
            out = workdir / f"big_{kind}.out"
            written = _fill(big, dumps, int(size * MB), kind == "dir")
            try:
                rss, dt, rc = peak_rss([*fix, str(big), "-o", str(out)], timeout)
                results.append({"kind": kind, "input_mb": written / MB, "peak_rss_mb": rss, "wall_s": dt, "rc": rc})
            except subprocess.TimeoutExpired:
                results.append({"kind": kind, "input_mb": written / MB, "peak_rss_mb": None, "wall_s": None, "rc": "timeout"})
            for path in (big, out):
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    return results


_JOBS_WRAPPER = (
    "import resource, sys\n"
    "from cleannews.cli import main\n"
    "sys.argv = ['cleannews', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
    "own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))\n"
    "print(own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime, code, file=sys.stderr)\n"
)


def bench_jobs(targets: dict, workdir: Path, jobs: list[int], times: int, timeout: float, flags: list[str]) -> dict:
    """Wall time of ``cleannews fix TARGET -o OUT -j N`` for every target and N, with the CPU seconds
    of the main process and of its workers; the runs alternate (round after round) so that load
    from other work spreads over all of them."""
    out: dict = {label: {j: [] for j in jobs} for label in targets}
    for _ in range(max(1, times)):
        for label, target in targets.items():
            for j in jobs:
                dest = workdir / f"out_{label}_j{j}"
                cmd = [sys.executable, "-c", _JOBS_WRAPPER, "fix", str(target), "-o", str(dest), "-j", str(j), "-q", *flags]
                load = os.getloadavg()[0]
                t0 = time.perf_counter()
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
                wall = time.perf_counter() - t0
                main_cpu, workers_cpu, code = proc.stderr.split()[-3:]
                out[label][j].append({"wall_s": wall, "main_cpu_s": float(main_cpu), "workers_cpu_s": float(workers_cpu),
                                      "load": load})
                if code not in ("0", "1", "None"):
                    print(f"  warning: {label} -j {j} exited {code}: {proc.stderr.strip()[:300]}", file=sys.stderr)
                shutil.rmtree(dest, ignore_errors=True) if dest.is_dir() else dest.unlink(missing_ok=True)
    return out


def profile_clean(dumps, options, top: int = 25) -> dict[str, str]:
    from cleannews.pipeline import clean

    profiler = cProfile.Profile()
    profiler.enable()
    for name, data in dumps:
        try:
            clean(data, name=name, options=options)
        except Exception:
            pass
    profiler.disable()
    reports = {}
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        stats = pstats.Stats(profiler, stream=buf)
        stats.sort_stats(key).print_stats(top)
        text = buf.getvalue()
        # keep only the table, paths shortened
        start = text.find("   ncalls")
        text = text[start:] if start >= 0 else text
        reports[key] = text.replace(str(ROOT / "src") + "/", "").replace(sys.prefix + "/", "")
    return reports


def subset(dumps, nbytes: int):
    out, total = [], 0
    for item in dumps:
        if total >= nbytes:
            break
        out.append(item)
        total += len(item[1])
    return out


def report_against_others(dumps, args, nbytes: int, t2s: dict, full: dict, results: dict) -> None:
    """Time per-line ftfy + OpenCC and print issue #6's two ratios against cleannews end to end."""
    dumps_ftfy = subset(dumps, int(args.ftfy_mb * MB)) if args.ftfy_mb else dumps
    ftfy_bytes = sum(len(d) for _, d in dumps_ftfy)
    ftfy_stats = summary(bench_ftfy_opencc(dumps_ftfy, args.repeat, args.budget), ftfy_bytes)
    note = "" if ftfy_bytes == nbytes else f" on {ftfy_bytes / MB:.2f} MB"
    print(fmt_row(f"per-line ftfy.fix_text + OpenCC t2s{note}", ftfy_stats))

    ratio_t2s = t2s["mb_s_median"] / full["mb_s_median"]  # = clean time / t2s time (same bytes)
    ratio_ftfy = full["mb_s_median"] / ftfy_stats["mb_s_median"]  # = ftfy time / clean time, per MB
    print("\nratios (per MB, medians):")
    print(f"  cleannews / t2s time           = {ratio_t2s:7.2f}x   (target <= 4x)  "
          f"{'OK' if ratio_t2s <= 4 else 'MISSED'}")
    print(f"  (ftfy+OpenCC) / cleannews time = {ratio_ftfy:7.2f}x   (target >= 10x) "
          f"{'OK' if ratio_ftfy >= 10 else 'MISSED'}")
    best_t2s = t2s["mb_s_best"] / full["mb_s_best"]
    best_ftfy = full["mb_s_best"] / ftfy_stats["mb_s_best"]
    print(f"  (from best runs: {best_t2s:.2f}x and {best_ftfy:.2f}x; note cleannews uses tw2s/hk2s, not t2s)")
    results.update(ratio_best_clean_over_t2s=best_t2s, ratio_best_ftfy_over_clean=best_ftfy)
    results.update(t2s=t2s, clean=full, ftfy_opencc=ftfy_stats, ratio_clean_over_t2s=ratio_t2s,
                   ratio_ftfy_over_clean=ratio_ftfy)


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=20, help="corpus size in MB (10**6 bytes); default 20")
    ap.add_argument("--quick", action="store_true", help="smoke run: 2 MB, 1 repeat, small memory inputs")
    ap.add_argument("--out", help="write the corpus here (kept) instead of a temp dir")
    ap.add_argument("--corpora", help="…/shared/corpora (default: found next to the repo)")
    ap.add_argument("--json", help="write all results to this JSON file")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported); default 3")
    ap.add_argument("--budget", type=float, default=150, help="stop repeating a measurement after this many seconds")
    ap.add_argument("--ftfy-mb", type=float, default=None, help="time ftfy+OpenCC on only this many MB (default: all)")
    ap.add_argument("--memory-sizes", "--mem-mb", dest="memory_sizes", default="10,50,200",
                    help="input sizes in MB for the peak-RSS runs (comma list; '' skips); default 10,50,200")
    ap.add_argument("--no-memory-dirs", dest="memory_dirs", action="store_false",
                    help="measure peak RSS on single dumps only, not also on directories of the same totals")
    ap.add_argument("--jobs", default="1,2", help="-j values to compare ('' skips); runs alternate, --repeat rounds")
    ap.add_argument("--profile-mb", type=float, default=5, help="cProfile clean() on this many MB (0 skips)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--to", default="zh-hans", help="target script of every cleannews run; default zh-hans")
    ap.add_argument("--passes", default="mojibake,script,boilerplate,segment",
                    help="passes every cleannews run makes (comma list); default all four")
    ap.add_argument("--passes-only", action="store_true",
                    help="measure only the per-pass times (no t2s, end-to-end, ftfy, memory, -j or profile runs)")
    ap.add_argument("--cli-only", action="store_true",
                    help="measure only the command's runs (peak RSS and -j), not the single-process timings or profile")
    ap.add_argument("--timeout", type=float, default=900, help="timeout per subprocess, seconds")
    args = ap.parse_args(argv)
    if args.quick:
        args.mb, args.repeat = 2, 1
        args.memory_sizes = "1,4" if args.memory_sizes == "10,50,200" else args.memory_sizes
        args.profile_mb = min(args.profile_mb, 1)
    if args.passes_only:
        args.memory_sizes, args.jobs, args.profile_mb = "", "", 0
    if args.cli_only:
        args.profile_mb = 0

    results: dict = {"args": vars(args), "python": sys.version.split()[0], "machine": platform.platform(),
                     "cpus": os.cpu_count()}
    tmp = Path(tempfile.mkdtemp(prefix="cleannews-speed-"))
    try:
        corpus = Path(args.out) if args.out else tmp / "dumps"
        if corpus.exists() and any(corpus.glob("*.txt")):
            for old in corpus.glob("dump_*.txt"):
                old.unlink()
        t0 = time.perf_counter()
        info = generate_corpus(corpus, int(args.mb * MB), _corpora_dir(args.corpora), seed=args.seed)
        results["corpus"] = {**info, "dir": str(corpus), "generate_s": time.perf_counter() - t0}
        dumps = load_dumps(corpus)
        nbytes = sum(len(d) for _, d in dumps)
        print(f"cleannews speed benchmark — Python {results['python']}, {os.cpu_count()} CPU(s), {platform.platform()}")
        print(f"corpus: {info['files']} dumps, {nbytes / MB:.2f} MB, {info['articles']} articles "
              f"({info['hant_articles'] / info['articles']:.0%} traditional), "
              f"{info['mojibake_lines']}/{info['lines']} lines mojibake ({info['mojibake_lines'] / info['lines']:.2%}); "
              f"dump size {info['min_kb']:.1f}–{info['max_kb']:.1f} KB (median {info['median_kb']:.1f}); {corpus}")

        # one-time costs (imports, OpenCC dictionaries, data tables), outside the timed loops
        t0 = time.perf_counter()
        from cleannews.document import PASS_ORDER, Options
        from cleannews.pipeline import clean

        options = Options(passes=tuple(args.passes.split(",")), target=args.to)
        cli_flags = ["--passes", args.passes, "--to", args.to]
        clean(dumps[0][1], name=dumps[0][0], options=options)
        results["warmup_s"] = time.perf_counter() - t0
        print(f"warm-up (imports, tables, first dump): {results['warmup_s']:.2f} s\n")

        if not args.cli_only:
            print(f"single process, {nbytes / MB:.2f} MB; MB/s = input MB / time (median of up to {args.repeat} runs)")
            if not args.passes_only:
                t2s = summary(bench_t2s(dumps, args.repeat, args.budget), nbytes)
                print(fmt_row("OpenCC t2s alone (per dump)", t2s))
                clean_times, failures = bench_clean(dumps, options, args.repeat, args.budget)
                full = summary(clean_times, nbytes)
                print(fmt_row("cleannews clean() end to end", full))
                if failures:
                    print(f"  ({len(failures)} dump(s) rejected by clean(); their bytes still count)")
                results["clean_failures"] = failures
            per_pass, per_module = bench_passes(dumps, options, args.repeat, args.budget)
            pass_stats = {k: summary(v, nbytes) for k, v in per_pass.items()}
            module_stats = {k: summary(v, nbytes) for k, v in per_module.items()}
            results.update(passes=pass_stats, modules=module_stats)
            total_pass = sum(s["median_s"] for s in pass_stats.values())
            for key, s in pass_stats.items():
                label = f"  {key}" + (" pass" if key in PASS_ORDER else "")
                extra = ""
                if key == "boilerplate":
                    extra = " = " + " + ".join(f"{m} {module_stats[m]['median_s']:.2f} s" for m in ("boilerplate", "spam"))
                print(fmt_row(label, s) + f" {s['median_s'] / total_pass:6.1%}{extra}")
            print(f"  {'  (sum of stages)':<44} {nbytes / MB / total_pass:9.2f} MB/s  ({total_pass:.2f} s)")
            if not args.passes_only:
                report_against_others(dumps, args, nbytes, t2s, full, results)

        mem_sizes = [float(x) for x in args.memory_sizes.split(",") if x.strip()]
        if mem_sizes:
            print("\npeak RSS of `cleannews fix INPUT -o OUT -j 1` (fresh process): one dump of each size, "
                  f"{'then a directory of dumps of the same total' if args.memory_dirs else 'no directories'}:")
            mem = bench_memory(dumps, mem_sizes, tmp, args.timeout, cli_flags, args.memory_dirs)
            for row in mem:
                what = f"{'one dump' if row['kind'] == 'file' else 'directory'} {row['input_mb']:7.2f} MB"
                if row["peak_rss_mb"] is None:
                    print(f"  {what}: timed out after {args.timeout:.0f} s")
                    continue
                print(f"  {what}: peak RSS {row['peak_rss_mb']:7.1f} MB, "
                      f"wall {row['wall_s']:6.2f} s ({row['input_mb'] / row['wall_s']:.2f} MB/s incl. startup), rc {row['rc']}")
            for kind in ("file", "dir"):
                ok = [r for r in mem[1:] if r["kind"] == kind and r["peak_rss_mb"] is not None]
                if len(ok) >= 2:
                    slope = (ok[-1]["peak_rss_mb"] - ok[0]["peak_rss_mb"]) / (ok[-1]["input_mb"] - ok[0]["input_mb"])
                    verdict = "grows with input size" if slope > 0.1 else "roughly flat"
                    print(f"  => {'one dump' if kind == 'file' else 'directory'}: peak RSS {verdict}, {slope:.2f} MB of RSS "
                          f"per MB of input from {ok[0]['input_mb']:.0f} to {ok[-1]['input_mb']:.0f} MB "
                          f"(a tiny file: {mem[0]['peak_rss_mb']:.0f} MB)")
                    results[f"rss_mb_per_input_mb_{kind}"] = slope
            results["memory"] = mem

        jobs = [int(x) for x in args.jobs.split(",") if x.strip()]
        if jobs:
            one_file = tmp / "one_file.txt"  # the same bytes as one dump: -j then splits it into pieces
            one_file.write_bytes(b"\n---\n\n".join(data for _, data in dumps))
            targets = {"dir": corpus, "one_file": one_file}
            print(f"\n`cleannews fix TARGET -o OUT -j N`, {nbytes / MB:.2f} MB, {args.repeat} round(s) alternating "
                  f"the runs; DIR = {info['files']} files, ONE_FILE = the corpus as one dump (cut into pieces):")
            runs = bench_jobs(targets, tmp, jobs, args.repeat, args.timeout, cli_flags)
            results["jobs"] = {}
            for label, by_jobs in runs.items():
                base_best = min(r["wall_s"] for r in by_jobs[jobs[0]])
                base_median = statistics.median(r["wall_s"] for r in by_jobs[jobs[0]])
                base_cpu = statistics.median(r["main_cpu_s"] + r["workers_cpu_s"] for r in by_jobs[jobs[0]])
                rows = {}
                for j, rs in by_jobs.items():
                    walls = [r["wall_s"] for r in rs]
                    best, med = min(walls), statistics.median(walls)
                    main_cpu = statistics.median(r["main_cpu_s"] for r in rs)
                    cpu = statistics.median(r["main_cpu_s"] + r["workers_cpu_s"] for r in rs)
                    rows[j] = {"runs": rs, "best_s": best, "median_s": med, "mb_s_best": nbytes / MB / best,
                               "speedup_best": base_best / best, "speedup_median": base_median / med,
                               "cpu_s": cpu, "main_cpu_s": main_cpu}
                    loads = ", ".join(f"{r['load']:.1f}" for r in rs)
                    print(f"  {label:<8} -j {j}: best {best:7.2f} s, median {med:7.2f} s of {len(rs)}, "
                          f"{nbytes / MB / best:5.2f} MB/s; speed-up x{base_best / best:.2f} (best), x{base_median / med:.2f} (median)")
                    print(f"  {'':<8}       CPU {cpu:.1f} s ({cpu / base_cpu:.2f}x the first -j's), of which the main "
                          f"process {main_cpu:.1f} s; load average before each run {loads}")
                results["jobs"][label] = rows
            print(f"  (the load average counts other work on the machine: with {os.cpu_count()} CPU(s), a load near or above "
                  "that means the -j runs shared their cores and the speed-ups understate the scaling; the CPU "
                  "figures do not depend on the load: N workers can reach at most N / (CPU ratio) times the speed)")

        if args.profile_mb:
            prof = subset(dumps, int(args.profile_mb * MB))
            pbytes = sum(len(d) for _, d in prof)
            print(f"\ncProfile of clean() on {len(prof)} dumps, {pbytes / MB:.2f} MB (top 25):")
            reports = profile_clean(prof, options)
            for key, text in reports.items():
                print(f"\n--- sorted by {key} ---")
                print(text.rstrip())
            results["profile"] = reports
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        print(f"\nresults written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
