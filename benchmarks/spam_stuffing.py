"""Spam-pass benchmark: what it takes from clean news, and what it finds of injected farm spam.

Precision first: the spam pass runs on every article, so clean news with its real title must lose
nothing. This script reads the clean news with titles under ``../shared/corpora`` (SogouCS Sohu items,
THUCNews items whose title ends at a ``新浪…讯`` marker, TaiwanStat 2017 items as printed and as the
default ``zh-hans`` pipeline sees them), runs :func:`cleannews.spam.find_keyword_stuffing` on the first
three body paragraphs under the title and :func:`cleannews.spam.place_name_runs` on every paragraph,
and lists every removal. It also runs :func:`cleannews.spam.place_name_runs` on every line of the line
corpora (SIGHAN 2005 test sets, People's Daily to Academia Sinica; the hand-cleaned CWCED bodies), where
prose enumerates places as often as anywhere.

Then it injects farm spam into simplified articles with a fixed seed and measures the share of injected
characters removed (recall) and the share of removed characters that were injected (precision):

* ``chopped``: the title cut into 2–4 character pieces, walked through in order, each inserted after a
  clause mark of the first two paragraphs (the farm of ``tests/test_spam.py``);
* ``verbatim``: two or three chunks of 40–100% of the title (its Chinese characters, Latin letters and
  digits, spaces and marks left out) inserted at clause starts or inside clauses of those paragraphs;
  ``verbatim + tail``: the same with the last chunk after a paragraph's last sentence instead;
* ``place+keyword``: a line of 6–12 county and city names (drawn from the gazetteer's sources, a third of
  them without their 市/县/区), each followed by one keyword taken from the title, separated by spaces,
  ``、`` or bars; ``… commas``: the same separated by ``，`` alone (the pass does not look for those).

Usage::

    python benchmarks/spam_stuffing.py [--n 300] [--seed 0] [--shared DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Callable, NamedTuple, Optional

from cleannews import spam
from cleannews.script import convert
from cleannews.segment import is_body_like

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
SOGOU = "news-zh-hans/sogoucs-smarty/news_sohusite_xml.smarty.xml"
THUCNEWS = "news-zh-hans/thucnews-1000/cnews.val.txt"
TAIWANSTAT = "news-zh-hant/taiwanstat-2017"
MODOOD = "gazetteer/modood"
LINE_CORPORA = {
    "sighan2005 pku": "news-zh-hans/sighan2005/pku_test.utf8.txt",
    "sighan2005 msr": "news-zh-hans/sighan2005/msr_test.utf8.txt",
    "sighan2005 cityu": "news-zh-hant/sighan2005/cityu_test.utf8.txt",
    "sighan2005 as": "news-zh-hant/sighan2005/as_test.utf8.txt",
    "cwced-2005 cleaned": "cwced-2005/cleaned",
}
CLAUSE_MARKS = "，。；：、！？"
HAN = "\u4e00-\u9fff"


class Article(NamedTuple):
    title: str
    paragraphs: list[str]
    origin: str


class Marked(NamedTuple):
    """An article with spam injected: each paragraph with, per character, whether it was injected."""

    title: str
    paragraphs: list[str]
    injected: list[list[bool]]


# ---------------------------------------------------------------------------
# clean news with titles
# ---------------------------------------------------------------------------
def paragraphs_of(body: str) -> list[str]:
    """One-line article text cut into paragraphs of a few sentences, as pages print them."""
    paragraphs, current = [], ""
    for sentence in re.findall(r"[^。！？]+[。！？]?", re.sub(r"\s+", "", body)):
        current += sentence
        if len(current) >= 120:
            paragraphs.append(current)
            current = ""
    return paragraphs + [current] if current else paragraphs


def sogou_articles(corpora: Path) -> list[Article]:
    """SogouCS items: ``<contenttitle>`` and ``<content>``, paragraphs marked by U+E40C."""
    text = (corpora / SOGOU).read_text(encoding="utf-8")
    found = re.findall(r"<contenttitle>(.+?)</contenttitle>\s*<content>(.+?)</content>", text)
    articles = []
    for title, body in found:
        paragraphs = [p for part in body.split("\ue40c") for p in paragraphs_of(part)]
        articles.append(Article(title.replace("\u3000", " ").strip(), paragraphs, "sogou"))
    return articles


def thucnews_articles(corpora: Path) -> list[Article]:
    """THUCNews items whose title runs into a ``新浪…讯`` dateline (in the others, no title can be told apart)."""
    marker = re.compile(r"^(?P<title>.{6,40}?)新浪\w{0,4}讯")
    articles = []
    for line in (corpora / THUCNEWS).read_text(encoding="utf-8").splitlines():
        body = line.split("\t", 1)[-1]
        match = marker.match(body)
        if match:
            articles.append(Article(match["title"].strip(), paragraphs_of(body[len(match["title"]) :]), "thucnews"))
    return articles


def taiwanstat_articles(corpora: Path) -> list[Article]:
    """TaiwanStat items with a title and a content (traditional script, as printed)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic_dumps import _lenient_json_items  # several arrays glued together, or not valid JSON

    articles = []
    for path in sorted((corpora / TAIWANSTAT).glob("*.json")):
        for item in _lenient_json_items(path.read_text(encoding="utf-8", errors="replace")):
            if item.get("title") and item.get("content"):
                articles.append(Article(item["title"].strip(), paragraphs_of(item["content"]), "taiwanstat"))
    return articles


def corpus_lines(path: Path) -> list[str]:
    """The non-empty lines of a line corpus: a file, or a folder of files."""
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    lines = (line.strip() for file in files for line in file.read_text(encoding="utf-8-sig").splitlines())
    return [line for line in lines if line]


def simplified(articles: list[Article]) -> list[Article]:
    """The articles as the default pipeline's spam pass sees them, after the script pass."""
    return [Article(convert(a.title), [convert(p) for p in a.paragraphs], a.origin + " (zh-hans)") for a in articles]


# ---------------------------------------------------------------------------
# what the pass removes
# ---------------------------------------------------------------------------
def removals(title: str, paragraphs: list[str]) -> list[list[tuple[int, int]]]:
    """Per paragraph, the spans the spam pass cuts, in its order: place-name lists anywhere, then title keywords
    in the first body paragraphs of what is left (a list cut away is no paragraph any more)."""
    spans: list[list[tuple[int, int]]] = [list(spam.place_name_runs(p, title)) for p in paragraphs]
    cut = [cut_characters(found) for found in spans]
    kept = [[i for i in range(len(p)) if i not in gone] for p, gone in zip(paragraphs, cut)]
    left = ["".join(p[i] for i in positions) for p, positions in zip(paragraphs, kept)]
    first = [i for i, p in enumerate(left) if is_body_like(p) and title not in p][: spam.FIRST_PARAGRAPHS]
    for index, found in zip(first, spam.find_keyword_stuffing([left[i] for i in first], title)):
        positions = kept[index]
        spans[index].extend((positions[start], positions[end - 1] + 1) for start, end in found)
    return spans


def cut_characters(spans: list[tuple[int, int]]) -> set[int]:
    """The positions the spans cover (a character cut by two rules counts once)."""
    return {i for start, end in spans for i in range(start, end)}


def false_positives(articles: list[Article]) -> tuple[int, int, list[tuple[str, list[str]]]]:
    """Characters examined, characters removed, and every article that lost something with what it lost."""
    total = removed = 0
    cases = []
    for article in articles:
        total += sum(map(len, article.paragraphs))
        spans = removals(article.title, article.paragraphs)
        lost = [p[s:e] for p, found in zip(article.paragraphs, spans) for s, e in found]
        if lost:
            removed += sum(len(cut_characters(found)) for found in spans)
            cases.append((article.title, lost))
    return total, removed, cases


# ---------------------------------------------------------------------------
# injections
# ---------------------------------------------------------------------------
def title_stretches(title: str) -> list[str]:
    """The title's runs of Chinese characters: what a farm chops."""
    return re.findall(f"[{HAN}]+", title)


def compact_title(title: str) -> str:
    """The title's Chinese characters, Latin letters and digits: what a farm copies out of it."""
    return "".join(re.findall(f"[{HAN}A-Za-z0-9]+", title))


def insert(marked: Marked, paragraph: int, at: int, text: str) -> Marked:
    """``marked`` with ``text`` injected at ``at`` of one paragraph."""
    paragraphs, injected = list(marked.paragraphs), list(marked.injected)
    old, mask = paragraphs[paragraph], injected[paragraph]
    paragraphs[paragraph] = old[:at] + text + old[at:]
    injected[paragraph] = mask[:at] + [True] * len(text) + mask[at:]
    return Marked(marked.title, paragraphs, injected)


def clean_marked(article: Article) -> Marked:
    """``article`` with nothing injected yet."""
    return Marked(article.title, list(article.paragraphs), [[False] * len(p) for p in article.paragraphs])


def clause_starts(text: str) -> list[int]:
    """Positions right after a clause mark with running text after them."""
    return [m.end() for m in re.finditer(f"[{CLAUSE_MARKS}](?=[{HAN}])", text)]


def inside_clauses(text: str) -> list[int]:
    """Positions between two Chinese characters, away from the clause marks."""
    return [i for i in range(2, len(text) - 2) if re.fullmatch(f"[{HAN}]{{4}}", text[i - 2 : i + 2])]


def chop(stretch: str, rng: random.Random) -> list[str]:
    """``stretch`` cut into pieces of 2–4 characters (a last single character goes with the piece before)."""
    pieces: list[str] = []
    i = 0
    while i < len(stretch):
        pieces.append(stretch[i : i + rng.randint(2, 4)])
        i += len(pieces[-1])
    if len(pieces) > 1 and len(pieces[-1]) == 1:
        pieces[-2:] = [pieces[-2] + pieces[-1]]
    return [p for p in pieces if len(p) >= 2]


def inject_chopped(article: Article, rng: random.Random) -> Optional[Marked]:
    """The title's pieces, in title order, each after a clause mark of the first two paragraphs, in text order."""
    pieces = [piece for stretch in title_stretches(article.title) for piece in chop(stretch, rng)]
    places = [(k, at) for k in range(min(2, len(article.paragraphs))) for at in clause_starts(article.paragraphs[k])]
    if len(pieces) < spam.MIN_CANDIDATES or len(places) < len(pieces):
        return None
    chosen = sorted(rng.sample(places, len(pieces)))
    marked = clean_marked(article)
    for (k, at), piece in reversed(list(zip(chosen, pieces))):  # from the end, so the offsets hold
        marked = insert(marked, k, at, piece)
    return marked


def inject_verbatim(article: Article, rng: random.Random, tail: bool = False) -> Optional[Marked]:
    """Two or three chunks of 40–100% of the title, each at a clause start or inside a clause (with ``tail``,
    the last one after the last sentence of a paragraph)."""
    title = compact_title(article.title)
    if len(title) < 6 or not article.paragraphs:
        return None
    count = rng.randint(2, 3)
    marked = clean_marked(article)
    for n in range(count):
        length = rng.randint(-(-len(title) * 2 // 5), len(title))
        start = rng.randint(0, len(title) - length)
        k = rng.randrange(min(2, len(marked.paragraphs)))
        text = marked.paragraphs[k]
        if tail and n == count - 1:
            places = [len(text)] if text.endswith("。") else []
        else:
            places = clause_starts(text) if rng.random() < 0.5 else inside_clauses(text)
        places = [at for at in places if not any(marked.injected[k][at - 1 : at + 1])]  # not beside another chunk
        if not places:
            return None
        marked = insert(marked, k, rng.choice(places), title[start : start + length])
    return marked


def place_names(corpora: Path) -> list[str]:
    """City and county names from the gazetteer's public source (not the packaged table), placeholders left out."""
    names = []
    for file in ("cities.csv", "areas.csv"):
        with open(corpora / MODOOD / file, encoding="utf-8") as handle:
            names += [row["name"] for row in csv.DictReader(handle)]
    return sorted({n for n in names if n not in ("市辖区", "县") and not re.search("直辖|开发|管理|新区|园区|示范", n)})


def inject_place_keyword(article: Article, rng: random.Random, names: list[str],
                         separators: list[str]) -> Optional[Marked]:
    """A line of place names, each followed by one keyword of the title, after the first or the last paragraph."""
    stretches = [s for s in title_stretches(article.title) if len(s) >= 2]
    if not stretches or not article.paragraphs:
        return None
    stretch = rng.choice(stretches)
    length = min(len(stretch), rng.randint(2, 4))
    start = rng.randint(0, len(stretch) - length)
    keyword = stretch[start : start + length]
    tokens = []
    for name in rng.sample(names, rng.randint(6, 12)):
        short = re.sub("(?<!自治)(地区|市|县|区)$", "", name)
        tokens.append((short if len(short) >= 2 and rng.random() < 1 / 3 else name) + keyword)
    line = rng.choice(separators).join(tokens)
    where = rng.choice([1, len(article.paragraphs)])
    paragraphs = article.paragraphs[:where] + [line] + article.paragraphs[where:]
    injected = [[False] * len(p) for p in article.paragraphs]
    injected[where:where] = [[True] * len(line)]
    return Marked(article.title, paragraphs, injected)


def recall_precision(cases: list[Marked]) -> tuple[int, int, int, int, int]:
    """Articles, injected characters, removed characters, removed injected characters, articles that lost something."""
    injected = removed = hits = touched = 0
    for case in cases:
        spans = removals(case.title, case.paragraphs)
        touched += any(spans)
        for mask, found in zip(case.injected, spans):
            cut = cut_characters(found)
            injected += sum(mask)
            removed += len(cut)
            hits += sum(mask[i] for i in cut)
    return len(cases), injected, removed, hits, touched


# ---------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------
HEADER = f"{'clean text':28} {'items':>8} {'chars':>10} {'removed':>8} {'items cut':>10}"


def clean_news_rows(corpora: Path, sets: dict[str, list[Article]], quiet: bool) -> None:
    """What the pass takes from clean news under its real titles, and from the lines of the line corpora."""
    print(HEADER)
    cut_from = []
    for name, articles in sets.items():
        total, removed, cases = false_positives(articles)
        cut_from += [f"  cut from {title!r}: {lost}" for title, lost in cases]
        print(f"{name:28} {len(articles):8} {total:10} {removed:8} {len(cases):10}")
    for name, path in LINE_CORPORA.items():
        if (corpora / path).exists():
            lines = corpus_lines(corpora / path)
            cut = [(line, runs) for line in lines if (runs := spam.place_name_runs(line))]
            cut_from += [f"  cut from a line: {[line[s:e] for s, e in runs]}" for line, runs in cut]
            removed = sum(e - s for _, runs in cut for s, e in runs)
            print(f"{name + ' (lines)':28} {len(lines):8} {sum(map(len, lines)):10} {removed:8} {len(cut):10}")
    if cut_from and not quiet:
        print("\n".join(cut_from))


def injection_rows(pool: list[Article], patterns: dict[str, Callable[[Article], Optional[Marked]]], n: int) -> None:
    """Recall and precision of the pass on up to ``n`` articles per injected pattern."""
    print(f"{'injected':28} {'articles':>8} {'injected':>9} {'recall':>7} {'precision':>9} {'found in':>9}")
    for name, inject in patterns.items():
        cases = list(islice(filter(None, map(inject, pool)), n))
        count, injected, removed, hits, touched = recall_precision(cases)
        recall = hits / injected if injected else 0.0
        precision = hits / removed if removed else 1.0
        print(f"{name:28} {count:8} {injected:9} {recall:7.1%} {precision:9.1%} {touched / max(count, 1):9.1%}")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="articles per injected pattern (default 300)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (holds corpora/)")
    parser.add_argument("--quiet", action="store_true", help="do not list what is cut from clean text")
    args = parser.parse_args(argv)
    corpora = args.shared / "corpora"
    missing = [str(corpora / p) for p in (SOGOU, THUCNEWS, TAIWANSTAT, MODOOD) if not (corpora / p).exists()]
    if missing:
        print(f"spam_stuffing: the shared corpora are not here ({', '.join(missing)}); nothing measured.")
        return 0

    started = time.perf_counter()
    hans = sogou_articles(corpora) + thucnews_articles(corpora)
    hant = taiwanstat_articles(corpora)
    hant_simplified = simplified(hant)
    sets = {"sogou + thucnews": hans, "taiwanstat (as printed)": hant, "taiwanstat (zh-hans)": hant_simplified}
    clean_news_rows(corpora, sets, args.quiet)

    rng = random.Random(args.seed)
    pool = [a for a in hans + hant_simplified if len(a.paragraphs) >= 2]
    rng.shuffle(pool)
    names = place_names(corpora)
    patterns: dict[str, Callable[[Article], Optional[Marked]]] = {
        "chopped": lambda a: inject_chopped(a, rng),
        "verbatim": lambda a: inject_verbatim(a, rng),
        "verbatim + tail": lambda a: inject_verbatim(a, rng, tail=True),
        "place+keyword": lambda a: inject_place_keyword(a, rng, names, [" ", "、", " | "]),
        "place+keyword, commas": lambda a: inject_place_keyword(a, rng, names, ["，"]),
    }
    print(f"\nseed {args.seed}")
    injection_rows(pool, patterns, args.n)
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
