"""The HTML review report (``--html-report``): what every pass did to every file, on one page.

A reviewer opens one self-contained file (no network, no external assets): a
summary of the run, then for each file its source lines with every edit drawn
inline, coloured by pass (deletions struck through, repairs as before → after,
metadata lines with the fields they became), beside the articles that came
out. File bodies are pre-rendered here and kept in an embedded JSON blob that a
little JavaScript pages in, filters and searches, so a report of thousands of
files opens as fast as one of five. Same entries, same bytes.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

from .document import ARTICLE_FIELDS
from .edits import Edit
from .files import write_atomic
from .metadata import metadata_fields
from .pipeline import STEPS as PASSES  # pass names as edits carry them, in the order the pipeline applies them

TEXT_PASSES = PASSES[:-1]  # the passes that rewrite lines; segmentation only reads them
# (mark colour, background) of each pass's marks
PASS_COLOURS = {
    "mojibake": ("#d9480f", "#ffe8cc"),
    "script": ("#1971c2", "#d0ebff"),
    "unwrap": ("#5c940d", "#e9fac8"),
    "tables": ("#0c8599", "#c5f6fa"),
    "boilerplate": ("#7048e8", "#e5dbff"),
    "spam": ("#e03131", "#ffe3e3"),
    "segment": ("#2b8a3e", "#d3f9d8"),
}
META_FIELDS = ("date", "source", "author", "editor")
NONE = -1  # cell not inserted / not deleted by any edit


def entry_from_result(name: str, result) -> dict:
    """The report entry of one cleaned file (``result`` is a :class:`cleannews.pipeline.Result`).

    ``lines`` is added only when the lines the passes worked on are not the
    decoded input's (an HTML page, whose main content is taken first).
    """
    original = result.input_text
    entry = {
        "file": name,
        "error": None,
        "encoding": result.encoding,
        "original": original,
        "output": result.text,
        "edits": [edit.to_dict() for edit in result.edits],
        "articles": [article.to_dict(file=name, index=i) for i, article in enumerate(result.articles or [])],
    }
    lines = source_lines(result.document.lines, result.edits)
    if lines != original.split("\n"):
        entry["lines"] = lines
    return entry


def entry_from_pieces(name: str, pieces: list, joiner: str) -> dict:
    """The report entry of a file the CLI cleaned as :class:`cleannews.batch.PieceResult` pieces
    (one for a small file), run with ``keep_input``; ``joiner`` is what the CLI puts between piece outputs.

    The pieces' edits are already in whole-input coordinates, so texts and edits simply concatenate.
    A piece may carry ``source_lines`` (see :func:`source_lines`), used when the input is one piece.
    """
    failed = next((piece.error for piece in pieces if piece.error), None)
    if failed:
        return entry_from_error(name, failed)
    articles = [record for piece in pieces for record in piece.articles or []]
    entry = {
        "file": name,
        "error": None,
        "encoding": pieces[0].encoding,
        "original": "".join(piece.input_text for piece in pieces),
        "output": joiner.join(piece.output for piece in pieces if piece.output),
        "edits": [edit for piece in pieces for edit in piece.edits],
        "articles": [{**record, "file": name, "index": i} for i, record in enumerate(articles)],
    }
    lines = getattr(pieces[0], "source_lines", None)
    if len(pieces) == 1 and lines:
        entry["lines"] = lines
    return entry


def entry_from_error(name: str, message: str) -> dict:
    """The report entry of a file that could not be cleaned."""
    return {"file": name, "error": message, "encoding": "", "original": "", "output": "", "edits": [], "articles": []}


def source_lines(lines, edits: list[Edit]) -> list[str]:
    """The lines the first pass received: ``lines`` (the last text pass's output) with every text edit undone."""
    lines = list(lines)
    for name in reversed(TEXT_PASSES):
        placed, shift = [], defaultdict(int)  # shift: how far the pass moved text on each line so far
        for edit in sorted((e for e in edits if e.pass_name == name), key=lambda e: (e.line, e.start)):
            placed.append((edit.start + shift[edit.line], edit))
            shift[edit.line] += len(edit.after) - len(edit.before)
        for at, edit in reversed(placed):  # right to left, so every position is still valid when used
            text = lines[edit.line]
            lines[edit.line] = text[:at] + edit.before + text[at + len(edit.after) :]
    return lines


def write_review(path: Path, entries: list[dict]) -> None:
    """Write the report of ``entries`` to ``path`` atomically."""
    write_atomic(Path(path), render_review(entries))


def render_review(entries: list[dict], title: str = "cleannews review") -> str:
    """The whole report page for ``entries`` (see :func:`entry_from_result`)."""
    files = [
        {
            "name": entry["file"],
            "error": entry["error"],
            "passes": sorted({e["pass_name"] for e in entry["edits"]}, key=_pass_order),
            "html": render_file(entry),
        }
        for entry in entries
    ]
    data = json.dumps({"files": files}, ensure_ascii=False, separators=(",", ":"))
    # keep the blob inside its <script>: no "</script>", no "<!--" that would change how it is parsed
    data = data.replace("</", "<\\/").replace("<!--", "<\\u0021--")
    return _PAGE.format(
        title=_esc(title),
        css=_CSS,
        summary=render_summary(entries),
        pass_filters="".join(
            f'<label class="pass-{p}"><input type="checkbox" data-filter="{p}" checked><b></b>{p}</label>' for p in PASSES
        ),
        pass_options="".join(f'<option value="pass:{p}">files with {p} edits</option>' for p in PASSES),
        data=data,
        script=_SCRIPT,
    )


def headless_command(browser: str, profile: Path, *args: str) -> list[str]:
    """Command line running ``browser`` (Chromium) headless with no network chatter, for the tests and
    ``scripts/screenshot_review.py``; ``profile`` is a fresh user-data directory."""
    return [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args,
    ]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _pass_order(name: str) -> tuple[int, str]:
    """Pipeline order; a pass this module does not know goes last (by name, to stay deterministic)."""
    return (PASSES.index(name) if name in PASSES else len(PASSES), name)


# ---------------------------------------------------------------- summary


def pass_totals(entries: list[dict]) -> dict[str, dict[str, int]]:
    """Per pass: edits, characters removed outright, and characters rewritten (repairs, conversions, splits)."""
    totals = {name: {"edits": 0, "removed": 0, "rewritten": 0} for name in PASSES}
    for entry in entries:
        for edit in entry["edits"]:
            row = totals.setdefault(edit["pass_name"], {"edits": 0, "removed": 0, "rewritten": 0})
            row["edits"] += 1
            row["removed" if edit["after"] == "" else "rewritten"] += len(edit["before"])
    return totals


def render_summary(entries: list[dict]) -> str:
    """The run at a glance: counts, characters per pass (table and chart), encodings, failures."""
    totals = pass_totals(entries)
    failed = [e for e in entries if e["error"]]
    encodings = Counter(e["encoding"] for e in entries if not e["error"])
    kept = sum(len(e["output"]) for e in entries)
    read = sum(len(e["original"]) for e in entries)
    cards = [
        ("files", len(entries)),
        ("articles", sum(len(e["articles"]) for e in entries)),
        ("failed", len(failed)),
        ("characters read", read),
        ("characters kept", kept),  # the cleaned output, as written
        ("characters removed", sum(row["removed"] for row in totals.values())),
    ]
    stats = "".join(f'<div class="stat" data-stat="{_esc(label)}"><b>{value:,}</b>{_esc(label)}</div>' for label, value in cards)
    rows = "".join(
        f'<tr class="pass-{_esc(name)}" data-pass="{_esc(name)}"><th><b></b>{_esc(name)}</th>'
        f'<td data-col="edits">{row["edits"]:,}</td><td data-col="removed">{row["removed"]:,}</td>'
        f'<td data-col="rewritten">{row["rewritten"]:,}</td></tr>'
        for name, row in totals.items()
    )
    table = (
        '<table class="passes"><thead><tr><th>pass</th><th>edits</th><th>chars removed</th>'
        f"<th>chars rewritten</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    encoding_list = ", ".join(
        f'<span data-encoding="{_esc(name)}">{_esc(name)} × {count:,}</span>'
        for name, count in sorted(encodings.items(), key=lambda item: (-item[1], item[0]))
    )
    failures = "".join(f'<li><code>{_esc(e["file"])}</code>: {_esc(e["error"])}</li>' for e in failed)
    return (
        f'<div class="stats">{stats}</div><div class="summary-row"><div>{table}'
        f'<p class="encodings">encodings: {encoding_list or "none"}</p></div>{_chart(totals)}</div>'
        + (f'<details class="failures"{" open" if len(failed) <= 10 else ""}><summary>{len(failed):,} file(s) failed</summary><ul>{failures}</ul></details>' if failed else "")
    )


def _chart(totals: dict[str, dict[str, int]]) -> str:
    """Horizontal bars, one per pass: characters removed (solid) then rewritten (light), on one scale."""
    widest = max((row["removed"] + row["rewritten"] for row in totals.values()), default=0) or 1
    bar_width, row_height = 300, 22
    bars = []
    for i, (name, row) in enumerate(totals.items()):
        y = i * row_height
        removed = round(bar_width * row["removed"] / widest, 1)
        rewritten = round(bar_width * row["rewritten"] / widest, 1)
        label = f'{row["removed"]:,} removed' + (f' · {row["rewritten"]:,} rewritten' if row["rewritten"] else "")
        bars.append(
            f'<g class="pass-{_esc(name)}" data-pass="{_esc(name)}"><text x="0" y="{y + 15}">{_esc(name)}</text>'
            f'<rect class="removed" x="90" y="{y + 4}" width="{removed}" height="14"/>'
            f'<rect class="rewritten" x="{90 + removed}" y="{y + 4}" width="{rewritten}" height="14"/>'
            f'<text class="n" x="{96 + removed + rewritten}" y="{y + 15}">{label}</text></g>'
        )
    height = row_height * len(totals)
    return (
        f'<svg class="chart" viewBox="0 0 620 {height}" width="620" height="{height}" role="img" '
        f'aria-label="characters removed per pass">{"".join(bars)}</svg>'
    )


# ---------------------------------------------------------------- one file


def render_file(entry: dict) -> str:
    """One file's section: a header, then source lines with edits inline beside the articles."""
    name = _esc(entry["file"])
    if entry["error"]:
        return (
            f'<section class="file failed" data-file="{name}"><details><summary><span class="fname">{name}</span>'
            f'<span class="error">failed: {_esc(entry["error"])}</span></summary>'
            f'<p class="error" data-error>{_esc(entry["error"])}</p></details></section>'
        )
    counts = Counter(e["pass_name"] for e in entry["edits"])
    chips = "".join(
        f'<span class="chip pass-{_esc(p)}" data-pass="{_esc(p)}">{_esc(p)} {counts[p]:,}</span>'
        for p in sorted(counts, key=_pass_order)
    )
    articles = entry["articles"]
    lines = entry.get("lines") or entry["original"].split("\n")
    return (
        f'<section class="file" data-file="{name}"><details><summary><span class="fname">{name}</span>'
        f'<span class="enc">{_esc(entry["encoding"])}</span>{chips}'
        f'<span class="arts">{len(articles)} article(s)</span></summary>'
        f'<div class="cols"><div class="src">{_render_source(lines, entry["edits"], articles)}</div>'
        f'<div class="out">{_render_articles(articles, entry["output"])}</div></div></details></section>'
    )


def _render_source(lines: list[str], edits: list[dict], articles: list[dict]) -> str:
    """Every source line with the edits of all passes drawn on it, plus any edit that did not fit."""
    cells, unplaced = _mark(lines, edits)
    headings = {a[key]: key for a in articles for key in ("subtitle", "title") if a.get(key)}
    notes: dict[int, list[str]] = defaultdict(list)
    for edit in edits:
        if edit["pass_name"] == "segment" and edit["after"] == "":
            notes[edit["line"]].append(_where_it_went(edit))
    rows = [_render_line(i, line_cells, edits, notes.get(i, []), headings) for i, line_cells in enumerate(cells)]
    if unplaced:
        items = "".join(f"<li>{_esc(Edit(**edits[k]).describe())}</li>" for k in unplaced)
        rows.append(f'<div class="unplaced"><b>edits not matching the source lines</b><ul>{items}</ul></div>')
    return "".join(rows)


def _mark(lines: list[str], edits: list[dict]) -> tuple[list[list[tuple[str, int, int]]], list[int]]:
    """Replay the passes on character cells ``(char, inserting edit, deleting edit)``, keeping what each removed.

    Each pass's offsets refer to its input, i.e. the cells no earlier edit
    deleted. A line no edit touches stays one cell. Returns the cells per line
    and the edits whose text did not match.
    """
    unplaced: list[int] = []
    by_pass_line: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, edit in enumerate(edits):
        if 0 <= edit["line"] < len(lines):
            by_pass_line[(*_pass_order(edit["pass_name"]), edit["line"])].append(k)
        else:
            unplaced.append(k)
    touched = {index for *_, index in by_pass_line}
    cells = [[(ch, NONE, NONE) for ch in line] if i in touched else [(line, NONE, NONE)] for i, line in enumerate(lines)]
    for (*_, index), ks in sorted(by_pass_line.items()):
        line = cells[index]
        live = [i for i, cell in enumerate(line) if cell[2] == NONE]
        text = "".join(line[i][0] for i in live)
        placed = []
        for k in ks:
            start, end, before = edits[k]["start"], edits[k]["end"], edits[k]["before"]
            # the test edits.replay applies; an end past the line is clipped, as slicing does there
            if 0 <= start <= len(text) and text[start:end] == before:
                placed.append((start, start + len(before), k))
            else:
                unplaced.append(k)
        for start, end, k in sorted(placed, reverse=True):
            for i in live[start:end]:
                line[i] = (line[i][0], line[i][1], k)
            at = live[end - 1] + 1 if end > start else (live[start] if start < len(live) else len(line))
            line[at:at] = [(ch, k, NONE) for ch in edits[k]["after"]]
    return cells, sorted(unplaced)


def _render_line(index: int, cells: list[tuple[str, int, int]], edits: list[dict], notes: list[str], headings: dict) -> str:
    """One source line. Marks carry only ``data-pass`` and the line one tooltip listing its reasons:
    a report of a thousand files stays small enough to open quickly."""
    parts, previous_deleter, used = [], NONE, []
    for (inserter, deleter), group in groupby(cells, key=lambda cell: (cell[1], cell[2])):
        text = "".join(cell[0] for cell in group)
        piece = _esc(text)
        if inserter != NONE:
            split = text.strip("\n") == ""  # a paragraph split: white space became a line break
            replaces = ' class="r"' if inserter == previous_deleter and not split else ""  # CSS draws "→"
            piece = f'<ins data-pass="{_esc(edits[inserter]["pass_name"])}"{replaces}>{"¶" if split else piece}</ins>'
            used.append(inserter)
        if deleter != NONE:
            piece = f'<del data-pass="{_esc(edits[deleter]["pass_name"])}">{piece}</del>'
            used.append(deleter)
        parts.append(piece)
        previous_deleter = deleter
    kept = "".join(cell[0] for cell in cells if cell[2] == NONE).strip()
    css, attributes = "ln", ""
    if not kept and any(ch.strip() for ch, _, _ in cells):
        remover = _main_remover(cells)
        used.insert(0, remover)
        css = f'ln gone pass-{_esc(edits[remover]["pass_name"])}'
        attributes = f' data-pass="{_esc(edits[remover]["pass_name"])}"'
    elif kept in headings:
        notes = notes + [f'<span class="to" data-pass="segment">→ {headings[kept]}</span>']
    if used:
        reasons = dict.fromkeys(_reason(edits[k]) for k in used)  # distinct, in order
        attributes += f' title="{_esc(chr(10).join(reasons))}"'
    return f'<div class="{css}"{attributes}><i>{index + 1}</i><span class="tx">{"".join(parts)}</span>{"".join(notes)}</div>'


def _main_remover(cells: list[tuple[str, int, int]]) -> int:
    """The edit that removed what was left of a line: the last one (edits come in pipeline order)."""
    return max(deleter for ch, _, deleter in cells if ch.strip())


def _reason(edit: dict) -> str:
    return f'{edit["pass_name"]} · {edit["rule"]}: {edit["reason"]}'


def _where_it_went(edit: dict) -> str:
    """``→ date: … · source: …`` for a metadata line; ``→ dropped`` for a header or repeated title."""
    fields = metadata_fields(edit["before"]) if edit["rule"] == "metadata" else None
    found = [f"{name}: {getattr(fields, name)}" for name in META_FIELDS if fields and getattr(fields, name)]
    target = " · ".join(found) if found else f'dropped ({edit["rule"]})'
    return f'<span class="to" data-pass="segment">→ {_esc(target)}</span>'


def _render_articles(articles: list[dict], output: str) -> str:
    """The articles as they came out; without segmentation, the cleaned text line by line."""
    if not articles:
        paragraphs = "".join(f"<p>{_esc(line)}</p>" for line in output.split("\n") if line.strip())
        return f'<div class="article plain">{paragraphs or "<p class=empty>(empty output)</p>"}</div>'
    out = []
    for article in articles:
        title = f'<h3 data-field="title">{_esc(article["title"])}</h3>' if article.get("title") else '<h3 class="untitled">(no title)</h3>'
        subtitle = f'<p class="subtitle" data-field="subtitle">{_esc(article["subtitle"])}</p>' if article.get("subtitle") else ""
        meta = "".join(
            f'<dt>{name}</dt><dd data-field="{name}">{_esc(article[name])}</dd>'
            for name in ARTICLE_FIELDS
            if name in META_FIELDS and article.get(name)
        )
        paragraphs = "".join(f"<p>{_esc(p)}</p>" for p in article["paragraphs"])
        out.append(f'<article class="article">{title}{subtitle}<dl class="meta">{meta}</dl>{paragraphs}</article>')
    return "".join(out)


# ---------------------------------------------------------------- page

_PAGE = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{title}</h1></header>
<section id="summary">{summary}</section>
<nav id="controls">
<span class="filters">{pass_filters}</span>
<select id="file-filter" aria-label="file"><option value="">all files</option></select>
<select id="status-filter" aria-label="status"><option value="">any status</option><option value="failed">failed files</option><option value="changed">files with edits</option>{pass_options}</select>
<input id="search" type="search" placeholder="search files and lines…" aria-label="search">
<span class="pager"><button type="button" data-page="-1">‹ prev</button><span id="page-info"></span><button type="button" data-page="1">next ›</button></span>
<button type="button" id="toggle-all">expand all</button>
</nav>
<main id="files"><noscript>File details need JavaScript.</noscript></main>
<script type="application/json" id="cn-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""

_CSS = """
:root{font-family:system-ui,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1d2127;background:#f6f7f9}
body{margin:0 auto;max-width:1600px;padding:0 16px 40px}
h1{font-size:20px;margin:16px 0 8px}
""" + "".join(f".pass-{p},[data-pass={p}]{{--c:{c};--bg:{bg}}}" for p, (c, bg) in PASS_COLOURS.items()) + """
.stats{display:flex;gap:8px;flex-wrap:wrap}.stat{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:6px 12px;font-size:12px;color:#555}
.stat b{display:block;font-size:18px;color:#1d2127}
.summary-row{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap;margin-top:10px}
table.passes{border-collapse:collapse;background:#fff;font-size:13px}table.passes td,table.passes th{border:1px solid #dde1e6;padding:3px 10px;text-align:right}
table.passes th:first-child{text-align:left}
b:empty{display:inline-block;width:10px;height:10px;border-radius:2px;background:var(--c);margin-right:5px}
.chart{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:6px;font-size:12px}
.chart rect.removed{fill:var(--c)}.chart rect.rewritten{fill:var(--c);opacity:.3}.chart .n{fill:#555}
.encodings{font-size:13px;color:#555}.failures{color:#c92a2a;font-size:13px;max-height:200px;overflow:auto}
#controls{position:sticky;top:0;z-index:2;background:#f6f7f9;padding:8px 0;border-bottom:1px solid #dde1e6;display:flex;gap:10px;flex-wrap:wrap;align-items:center;font-size:13px}
#controls label{white-space:nowrap}#search{flex:1;min-width:180px;padding:4px 6px}
.file{background:#fff;border:1px solid #dde1e6;border-radius:6px;margin:10px 0}
.file>details>summary{cursor:pointer;padding:6px 10px;display:flex;gap:8px;align-items:center;flex-wrap:wrap;font-size:13px}
.fname{font-weight:600;font-family:ui-monospace,monospace}.enc,.arts{color:#666}
.chip{background:var(--bg);color:var(--c);border-radius:9px;padding:0 7px;font-size:12px}
.error{color:#c92a2a;margin:0 10px 8px}
.cols{display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr);border-top:1px solid #eceef1}
.src{border-right:1px solid #eceef1;font-size:13px;line-height:1.6;padding:4px 0}
.ln{display:flex;gap:8px;padding:0 8px 0 0;min-height:6px}.ln>i{flex:none;width:34px;text-align:right;color:#aab;font-style:normal;font-size:11px;user-select:none;padding-top:2px}
.ln .tx{white-space:pre-wrap;word-break:break-all;flex:1}
.ln.gone{background:var(--bg)}.ln.gone>i{color:var(--c)}
del[data-pass]{color:var(--c);background:var(--bg);text-decoration:line-through;text-decoration-color:var(--c)}
ins[data-pass]{background:var(--bg);text-decoration:underline 2px;text-decoration-color:var(--c)}
ins.r::before{content:"→";color:var(--c);font-size:9px;opacity:.8;display:inline-block;background:#fff;text-decoration:none}
.to{flex:none;align-self:flex-start;color:#2b8a3e;background:#d3f9d8;border-radius:9px;padding:0 7px;font-size:11px;margin-top:2px;max-width:45%}
.out{padding:4px 14px;font-size:14px;line-height:1.7}
.article+.article{border-top:2px dashed #dde1e6}.article h3{font-size:16px;margin:8px 0 4px}.subtitle{color:#555;margin:0}
dl.meta{display:grid;grid-template-columns:auto 1fr;gap:0 10px;font-size:12px;color:#555;margin:4px 0 8px}dl.meta dt{color:#999}dl.meta dd{margin:0}
.untitled,.empty{color:#999}.unplaced{color:#c92a2a;font-size:12px;padding:4px 10px}
.ln.nomatch{display:none}
""" + "".join(
    f"body.hide-{p} del[data-pass={p}],body.hide-{p} .to[data-pass={p}],body.hide-{p} .ln.gone[data-pass={p}]{{display:none}}"
    f"body.hide-{p} ins[data-pass={p}]{{background:none;text-decoration:none}}body.hide-{p} ins[data-pass={p}]::before{{content:none}}\n"
    for p in PASSES
)

_SCRIPT = r"""
(function () {
  "use strict";
  var PAGE = 20, OPEN = 5;
  var files = JSON.parse(document.getElementById("cn-data").textContent).files;
  var main = document.getElementById("files"), info = document.getElementById("page-info");
  var fileSelect = document.getElementById("file-filter"), status = document.getElementById("status-filter");
  var search = document.getElementById("search"), page = 0, lowered = null, shown = [];
  var options = document.createDocumentFragment();
  files.forEach(function (f, i) {
    var option = document.createElement("option");
    option.value = i; option.textContent = f.name + (f.error ? " (failed)" : "");
    options.appendChild(option);
  });
  fileSelect.appendChild(options);
  var ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'"};
  function plain(html) {  // the text of a file's pre-rendered section, to search without building its DOM
    return html.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#x27);/g, function (e) { return ENTITIES[e]; });
  }
  function matches(f, i, query) {
    if (fileSelect.value !== "" && String(i) !== fileSelect.value) return false;
    var s = status.value;
    if (s === "failed" && !f.error) return false;
    if (s === "changed" && !f.passes.length) return false;
    if (s.indexOf("pass:") === 0 && f.passes.indexOf(s.slice(5)) < 0) return false;
    if (!query) return true;
    if (!lowered) lowered = files.map(function (g) { return (g.name + "\n" + plain(g.html)).toLowerCase(); });
    return lowered[i].indexOf(query) >= 0;
  }
  function render() {
    var query = search.value.trim().toLowerCase();
    shown = [];
    files.forEach(function (f, i) { if (matches(f, i, query)) shown.push(i); });
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    var slice = shown.slice(page * PAGE, (page + 1) * PAGE);
    main.innerHTML = slice.map(function (i) { return files[i].html; }).join("") ||
      "<p class=empty>No file matches.</p>";
    var sections = main.querySelectorAll("section.file > details");
    for (var k = 0; k < sections.length; k++) sections[k].open = k < OPEN || slice.length === 1 || !!query;
    if (query) main.querySelectorAll(".ln").forEach(function (line) {
      line.classList.toggle("nomatch", line.textContent.toLowerCase().indexOf(query) < 0);
    });
    info.textContent = " " + shown.length + " file(s) · page " + (page + 1) + " of " + pages + " ";
  }
  document.querySelectorAll("[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () { document.body.classList.toggle("hide-" + box.dataset.filter, !box.checked); });
  });
  document.querySelectorAll("[data-page]").forEach(function (button) {
    button.addEventListener("click", function () { page += Number(button.dataset.page); render(); window.scrollTo(0, main.offsetTop - 60); });
  });
  document.getElementById("toggle-all").addEventListener("click", function () {
    var all = main.querySelectorAll("section.file > details"), open = this.textContent === "expand all";
    all.forEach(function (d) { d.open = open; });
    this.textContent = open ? "collapse all" : "expand all";
  });
  var timer = null;
  search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { page = 0; render(); }, 200); });
  fileSelect.addEventListener("change", function () { page = 0; render(); });
  status.addEventListener("change", function () { page = 0; render(); });
  render();
  document.body.dataset.ready = "1";
})();
"""
