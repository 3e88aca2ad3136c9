"""Evaluate :func:`cleannews.html.extract` on the real page sets in ``shared/corpora``.

Raw bytes go through :func:`cleannews.decode.decode_bytes` first, as they would
in the CLI. Body text is scored with character-bigram precision/recall/F1
(:func:`cleannews.metrics.bigram_prf`). ``gne-testpages`` is scored against
GNE's own 2019 output, which is a machine reference, not human gold, and is
reported separately.

Usage: ``python benchmarks/eval_pages.py [--shared DIR] [--worst N] [--json OUT]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from statistics import mean
from typing import Callable, Optional

from cleannews.decode import InputError, decode_bytes
from cleannews.document import Hints
from cleannews.html import extract, naive_text_dump
from cleannews.metrics import bigram_prf

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
_SEP = re.compile(r"\s*(?:_|\||｜|--|—|–| - |-|::)\s*")


def _compact(s: Optional[str]) -> str:
    return "".join((s or "").split())


def title_matches(pred: Optional[str], gold: Optional[str]) -> bool:
    """Exact match, or ``pred`` is ``gold`` minus a site suffix (``标题_光明网`` → ``标题``).

    >>> title_matches("宇航员喝酒", "宇航员喝酒 _探索者 _光明网")
    True
    >>> title_matches("宇航", "宇航员喝酒")
    False
    """
    p, g = _compact(pred), _compact(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if g.startswith(p):
        rest = (gold or "").strip()[len((pred or "").strip()) :]
        return bool(re.match(r"\s*(?:_|\||｜|--|—|–|-|::)", rest))
    return False


def _date_parts(text: str) -> Optional[tuple[int, int, int]]:
    m = re.search(r"((?:19|20)\d{2})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})", text or "")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def date_matches(pred: Optional[str], gold: Optional[str]) -> bool:
    """Same calendar day.

    >>> date_matches("2005-05-07T21:23", "2005-5-7 21:23:57")
    True
    """
    gp, pp = _date_parts(gold or ""), _date_parts(pred or "")
    return gp is not None and gp == pp


def author_matches(pred: Optional[str], gold: Optional[str]) -> bool:
    """Every gold name appears in the prediction, or the prediction in the gold."""
    p, g = _compact(pred), (gold or "").strip()
    if not p or not g:
        return False
    names = [n for n in g.split() if n]
    return all(n in p for n in names) or p in _compact(g)


def run_page(path: Path) -> tuple[list[str], Hints, str]:
    """The HTML extractor on one page: paragraphs, metadata hints and the encoding found."""
    decoded = decode_bytes(path.read_bytes(), name=str(path))
    paragraphs, hints = extract(decoded.text)
    return paragraphs, hints, decoded.encoding


PageRunner = Callable[[Path], tuple[list[str], Hints, str]]


def _row(name, paragraphs, gold_body, **extra):
    p, r, f = bigram_prf("\n".join(paragraphs), gold_body)
    return dict(page=name, p=p, r=r, f1=f, **extra)


def eval_cwced(root: Path, run: PageRunner = run_page) -> list[dict]:
    rows = []
    for orig in sorted((root / "original").glob("*.htm*")):
        uuid = orig.stem
        gold = root / "cleaned" / f"{uuid}.txt"
        if not gold.exists():
            continue
        try:
            paragraphs, hints, enc = run(orig)
        except InputError as e:
            rows.append(dict(page=uuid, p=0.0, r=0.0, f1=0.0, error=str(e)))
            continue
        gold_body = gold.read_text(encoding="utf-8", errors="replace")
        date_gold = (root / "date" / f"{uuid}.txt").read_text(encoding="utf-8", errors="replace").strip()
        author_gold = (root / "author" / f"{uuid}.txt").read_text(encoding="utf-8", errors="replace").strip()
        extra = dict(encoding=enc, modern="<text id=" not in orig.read_bytes()[:300].decode("latin-1"))
        if _date_parts(date_gold):
            extra["date"] = date_matches(hints.date, date_gold)
        if author_gold and author_gold.upper() != "UNKNOWN":
            extra["author"] = author_matches(hints.author, author_gold)
        rows.append(_row(uuid[:8], paragraphs, gold_body, **extra))
    return rows


def eval_readability(root: Path, run: PageRunner = run_page) -> list[dict]:
    rows = []
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        paragraphs, hints, enc = run(d / "source.html")
        gold_body = naive_text_dump((d / "expected.html").read_text(encoding="utf-8"))
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        extra = dict(encoding=enc, title=title_matches(hints.title, meta.get("title")), modern=True)
        if meta.get("byline"):
            extra["author"] = author_matches(hints.author, meta["byline"])
        rows.append(_row(d.name, paragraphs, gold_body, **extra))
    return rows


def eval_trafilatura(root: Path, run: PageRunner = run_page) -> list[dict]:
    rows = []
    gold = json.loads((root / "evaldata_zh.json").read_text(encoding="utf-8"))
    for url, g in sorted(gold.items()):
        paragraphs, hints, enc = run(root / g["file"])
        body = "\n".join(paragraphs)
        with_ok = sum(s in body for s in g["with"])
        without_ok = sum(s not in body for s in g["without"])
        # No full gold body: score the snippets as a proxy (with = recall, without = precision).
        p = without_ok / len(g["without"])
        r = with_ok / len(g["with"])
        f = 2 * p * r / (p + r) if p + r else 0.0
        extra = dict(
            encoding=enc,
            title=_compact(hints.title) == _compact(g["title"]),
            date=date_matches(hints.date, g["date"]),
            snippets=f"{with_ok}/3 with, {without_ok}/3 without",
            modern=True,
        )
        if g.get("author"):
            extra["author"] = author_matches(hints.author, g["author"])
        rows.append(dict(page=Path(g["file"]).stem[:30], p=p, r=r, f1=f, **extra))
    return rows


def eval_gne(root: Path, run: PageRunner = run_page) -> list[dict]:
    rows = []
    ref = json.loads((root / "reference_gne_output.json").read_text(encoding="utf-8"))
    for rel, g in sorted(ref.items()):
        path = root / rel
        if not path.exists():
            continue
        paragraphs, hints, enc = run(path)
        extra = dict(encoding=enc, title=_compact(hints.title) == _compact(g.get("title")), modern=True)
        if _date_parts(g.get("publish_time") or ""):
            extra["date"] = date_matches(hints.date, g["publish_time"])
        if g.get("author") and g["author"] not in ("未知", "搜索"):
            extra["author"] = author_matches(hints.author, g["author"])
        rows.append(_row(rel.replace("html/tests/", "")[:30], paragraphs, g.get("content", ""), **extra))
    return rows


def _pct(rows, key) -> str:
    vals = [r[key] for r in rows if key in r]
    return f"{100 * mean(vals):.0f}% ({sum(vals)}/{len(vals)})" if vals else "n/a"


def summarise(name: str, rows: list[dict]) -> str:
    if not rows:
        return f"| {name} | 0 | | | | | | |"
    return (
        f"| {name} | {len(rows)} | {mean(r['f1'] for r in rows):.3f} | {mean(r['p'] for r in rows):.3f} | "
        f"{mean(r['r'] for r in rows):.3f} | {_pct(rows, 'title')} | {_pct(rows, 'date')} | {_pct(rows, 'author')} |"
    )


def evaluate(corpora: Path, run: PageRunner = run_page) -> dict[str, list[dict]]:
    """Rows per page set, each page run through ``run``."""
    return {
        "cwced-2005": eval_cwced(corpora / "cwced-2005", run),
        "readability-zh": eval_readability(corpora / "readability-zh", run),
        "trafilatura-zh (snippets)": eval_trafilatura(corpora / "trafilatura-zh", run),
        "gne-testpages (vs GNE output)": eval_gne(corpora / "gne-testpages", run),
    }


def human_gold_views(sets: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The page sets plus the human-gold subsets the targets are stated on."""
    cw = sets["cwced-2005"]
    view = dict(sets)
    view["  cwced modern (2015-22)"] = [r for r in cw if r.get("modern")]
    view["  cwced old (2003-06)"] = [r for r in cw if not r.get("modern")]
    view["human gold, all (cwced+readability)"] = cw + sets["readability-zh"]
    view["human gold, modern pages"] = [r for r in cw if r.get("modern")] + sets["readability-zh"]
    return view


def main(argv: Optional[list[str]] = None, run: PageRunner = run_page, description: str = __doc__) -> int:
    ap = argparse.ArgumentParser(description=description.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--worst", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    corpora = args.shared / "corpora"
    if not corpora.is_dir():
        print(f"no corpora under {args.shared}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    sets = evaluate(corpora, run)
    sets_view = human_gold_views(sets)
    elapsed = time.perf_counter() - t0
    print("| set | pages | body F1 | P | R | title | date | author |")
    print("|---|---|---|---|---|---|---|---|")
    for name, rows in sets_view.items():
        print(summarise(name, rows))
    print(f"\n{sum(len(v) for v in sets.values())} pages in {elapsed:.1f}s")
    for name, rows in sets.items():
        worst = sorted(rows, key=lambda r: (r["f1"], r["page"]))[: args.worst]
        print(f"\nworst in {name}:")
        for r in worst:
            more = {k: v for k, v in r.items() if k not in ("page", "p", "r", "f1")}
            print(f"  {r['page']:<32} F1={r['f1']:.3f} P={r['p']:.3f} R={r['r']:.3f} {more}")
    if args.json:
        args.json.write_text(json.dumps(sets, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
