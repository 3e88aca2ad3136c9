"""The HTML review report: markup of the edits, summary figures, escaping, and the page as a browser runs it."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cleannews.pipeline import clean
from cleannews.review import (
    entry_from_error, entry_from_pieces, entry_from_result, headless_command, pass_totals, render_review, write_review,
)
from cleannews.spam import place_name_runs
from conftest import EXPECTED, SAMPLES

CHROMIUM = Path("/usr/bin/chromium")
# not a seed: a short article with a comma-separated place-name list (SEO spam) and a GB18030 encoding
SPAM_DUMP = (
    "某地开展冬季送温暖活动\n2024-01-02 来源：某报\n"
    "近日，某地工会组织开展冬季送温暖活动，为困难职工送去慰问金和生活物资，受到职工群众的好评。\n"
    "海淀区，鼓楼区，天河区，湾仔区，新竹市，黄浦区\n"
)


def edit(pass_name, rule, line, start, before, after="", reason="why"):
    return {"pass_name": pass_name, "rule": rule, "line": line, "start": start, "end": start + len(before),
            "before": before, "after": after, "reason": reason}


def entry(name="a.txt", original="", edits=(), articles=(), output="", encoding="utf-8"):
    return {"file": name, "error": None, "encoding": encoding, "original": original, "output": output,
            "edits": list(edits), "articles": list(articles)}


def file_html(page: str) -> list[str]:
    """The pre-rendered file sections held in the page's JSON blob."""
    blob = re.search(r'<script type="application/json" id="cn-data">(.*?)</script>', page, re.S).group(1)
    return [f["html"] for f in json.loads(blob)["files"]]


@pytest.fixture(scope="module")
def sample_entries() -> list[dict]:
    return [entry_from_result(p.name, clean(p.read_bytes(), name=p.name)) for p in sorted(SAMPLES.glob("*.txt"))]


# ---------------------------------------------------------------- markup


def test_text_is_escaped_and_cannot_end_the_data_block():
    nasty = '<script>alert("x")</script> & <!-- \'q\''
    page = render_review(
        [entry(name='<b>"a"&.txt', original=nasty + "\n正文", output="正文\n", edits=[edit("boilerplate", "debris", 0, 0, nasty)]),
         entry_from_error("bad<i>.txt", 'not text: <NUL> & "binary"')],
        title="run <1>",
    )
    assert page.count("<script") == 2 and page.count("</script>") == 2  # only the report's own scripts
    assert "<title>run &lt;1&gt;</title>" in page
    assert "bad&lt;i&gt;.txt</code>: not text: &lt;NUL&gt; &amp; &quot;binary&quot;" in page  # summary of failures
    section, failed = file_html(page)
    assert 'data-file="&lt;b&gt;&quot;a&quot;&amp;.txt"' in section
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;!-- &#x27;q&#x27;" in section
    assert "<script>" not in section and "not text: &lt;NUL&gt;" in failed


def test_each_pass_marks_its_edits_with_its_name():
    original = "网站首页 > 新闻\n某地ÖÐ心召开會議\n2024-01-02 来源：某报\n正文很长的一段话。海淀区，鼓楼区"
    edits = [
        edit("mojibake", "latin1", 1, 2, "ÖÐ", "中"),
        edit("script", "t2s", 1, 6, "會議", "会议"),  # offsets in the mojibake pass's output
        edit("boilerplate", "breadcrumb", 0, 0, "网站首页 > 新闻", reason="breadcrumb navigation"),
        edit("spam", "place-name-list", 3, 9, "海淀区，鼓楼区"),
        edit("segment", "metadata", 2, 0, "2024-01-02 来源：某报"),
    ]
    articles = [{"title": "某地中心召开会议", "subtitle": None, "date": "2024-01-02", "source": "某报", "author": None,
                 "editor": None, "paragraphs": ["正文很长的一段话。"], "text": "", "file": "a.txt", "index": 0}]
    (section,) = file_html(render_review([entry(original=original, edits=edits, articles=articles)]))
    assert '<del data-pass="mojibake">ÖÐ</del><ins data-pass="mojibake" class="r">中</ins>' in section
    assert '<del data-pass="script">會議</del><ins data-pass="script" class="r">会议</ins>' in section
    assert '<div class="ln gone pass-boilerplate" data-pass="boilerplate" title="boilerplate · breadcrumb: breadcrumb navigation">' in section
    assert '<del data-pass="spam">海淀区，鼓楼区</del>' in section
    assert '<div class="ln gone pass-segment" data-pass="segment"' in section
    assert '<span class="to" data-pass="segment">→ date: 2024-01-02 · source: 某报</span>' in section
    assert '<span class="to" data-pass="segment">→ title</span>' in section  # the line that became the title
    assert '<h3 data-field="title">某地中心召开会议</h3>' in section and '<dd data-field="source">某报</dd>' in section
    assert "unplaced" not in section


def test_edits_that_do_not_fit_their_line_are_listed_not_dropped():
    (section,) = file_html(render_review([entry(original="abc", edits=[edit("spam", "x", 0, 0, "zzz"), edit("spam", "x", 5, 0, "a")])]))
    assert section.count("<li>[spam:x]") == 2 and "edits not matching the source lines" in section


def test_failed_file_shows_its_reason():
    page = render_review([entry_from_error("broken.txt", "permission denied")])
    (section,) = file_html(page)
    assert 'class="file failed"' in section and '<p class="error" data-error>permission denied</p>' in section
    assert '<div class="stat" data-stat="failed"><b>1</b>' in page and "broken.txt</code>: permission denied" in page


def test_summary_counts_match_the_entries(sample_entries):
    entries = sample_entries + [entry_from_error("gone.txt", "no such file")]
    page = render_review(entries)

    def stat(label):
        return int(re.search(rf'data-stat="{label}"><b>([\d,]+)</b>', page).group(1).replace(",", ""))

    assert stat("files") == 6 and stat("failed") == 1
    assert stat("articles") == sum(len(e["articles"]) for e in entries) > 0
    assert stat("characters kept") == sum(len(e["output"]) for e in entries)
    removed = {}
    for e in entries:
        for ed in e["edits"]:
            if not ed["after"]:
                removed[ed["pass_name"]] = removed.get(ed["pass_name"], 0) + len(ed["before"])
    assert stat("characters removed") == sum(removed.values())
    totals = pass_totals(entries)
    for name, row in totals.items():
        cells = re.search(rf'<tr class="pass-{name}" data-pass="{name}">.*?</tr>', page).group(0)
        assert f'data-col="removed">{removed.get(name, 0):,}<' in cells and f'data-col="edits">{row["edits"]:,}<' in cells
    assert '<span data-encoding="utf-8">utf-8 × 5</span>' in page
    assert page.count('<g class="pass-') == len(totals)  # one bar per pass in the chart


def test_same_entries_same_bytes(sample_entries):
    again = [entry_from_result(p.name, clean(p.read_bytes(), name=p.name)) for p in sorted(SAMPLES.glob("*.txt"))]
    assert render_review(sample_entries) == render_review(again)


def test_every_sample_edit_lands_on_its_source_line(sample_entries):
    for section in file_html(render_review(sample_entries)):
        assert "unplaced" not in section


def test_html_page_keeps_the_lines_the_passes_saw():
    page = "<html><head><title>某地召开会议</title></head><body><div class='content'>" + "<p>会议强调，要切实做好各项工作，确保取得实效。</p>" * 3 + "</div></body></html>"
    result = clean(page.encode("utf-8"), name="p.html")
    made = entry_from_result("p.html", result)
    assert made["lines"] != made["original"].split("\n") and len(made["lines"]) == len(result.document.lines)
    plain = entry_from_result("d.txt", clean(SPAM_DUMP.encode("utf-8"), name="d.txt"))
    assert "lines" not in plain  # a text dump: the decoded input is what the passes saw


def test_a_file_cleaned_in_pieces_is_one_entry_whose_edits_all_fit(tmp_path):
    from cleannews.batch import Settings, joiner, run_tasks, tasks_for
    from cleannews.document import Options

    dump = tmp_path / "big.txt"
    dump.write_bytes(b"\n\n---\n\n".join(p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))))
    pieces = list(run_tasks(tasks_for([str(dump)], limit=4000), Settings(Options(), keep_input=True), workers=1))
    assert len(pieces) > 2
    made = entry_from_pieces("big.txt", pieces, joiner(Options()))
    assert made["original"] == dump.read_text(encoding="utf-8") and made["articles"][-1]["index"] == len(made["articles"]) - 1
    (section,) = file_html(render_review([made]))
    assert "unplaced" not in section and section.count('<del data-pass="spam">') >= 1
    pieces[1].error = "not valid utf-8 after byte 5000"
    assert entry_from_pieces("big.txt", pieces, "")["error"] == "not valid utf-8 after byte 5000"


def test_write_review_writes_the_page(tmp_path, sample_entries):
    target = tmp_path / "out" / "report.html"
    write_review(target, sample_entries[:1])
    assert target.read_text(encoding="utf-8") == render_review(sample_entries[:1])


# ---------------------------------------------------------------- in a browser


class Node:
    """An element of the DOM Chromium dumped: enough of a tree to ask which file, line or mark holds a text."""

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def find_all(self, tag=None, **attrs):
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and all(child.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                    yield child
                yield from child.find_all(tag, **attrs)

    def elements(self):
        return [c for c in self.children if isinstance(c, Node)]


class TreeBuilder(HTMLParser):
    """Builds :class:`Node` trees from serialised HTML (the standard library has no DOM for HTML)."""

    VOID = {"meta", "input", "br", "img", "link", "hr", "rect"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def run_browser(tmp_path: Path, page: str, *args: str) -> subprocess.CompletedProcess:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    command = headless_command(str(CHROMIUM), tmp_path / "profile", *args, report.as_uri())
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def section_of(dom: Node, name: str) -> Node:
    (section,) = dom.find_all("section", data_file=name)
    return section


@pytest.fixture(scope="module")
def browser_run(tmp_path_factory, sample_entries):
    """The sample report plus a spam dump, after its JavaScript ran: the DOM and a screenshot."""
    tmp = tmp_path_factory.mktemp("browser")
    spam = entry_from_result("spam.txt", clean(SPAM_DUMP.encode("gb18030"), name="spam.txt"))
    entries = sample_entries + [spam]
    page = render_review(entries)
    builder = TreeBuilder()
    builder.feed(run_browser(tmp, page, "--dump-dom").stdout)
    run_browser(tmp, page, f"--screenshot={tmp / 'shot.png'}", "--window-size=1400,1000")
    return entries, builder.root, tmp / "shot.png"


def test_browser_shows_every_file_after_the_script_ran(browser_run):
    entries, dom, _ = browser_run
    (body,) = dom.find_all("body")
    assert body.attrs.get("data-ready") == "1"
    assert [s.attrs["data-file"] for s in dom.find_all("section") if "data-file" in s.attrs] == [e["file"] for e in entries]
    assert len(list(dom.find_all("option"))) >= len(entries) + 1  # the file filter lists every file


def test_browser_strikes_place_name_lists_in_the_pass_colour(browser_run):
    entries, dom, _ = browser_run
    spam = section_of(dom, "spam.txt")
    (struck,) = [d for d in spam.find_all("del", data_pass="spam") if "海淀区" in d.text]
    assert struck.text == "海淀区，鼓楼区，天河区，湾仔区，新竹市，黄浦区"
    checked = 0
    for e in entries[:-1]:  # in the samples: whichever pass removed the list, its line is struck in that colour
        for index, line in enumerate(e["original"].split("\n")):
            if place_name_runs(line) and line.count("|") >= 10:
                checked += 1
                remover = [ed["pass_name"] for ed in e["edits"] if ed["line"] == index and not ed["after"]][-1]
                rows = [r for r in section_of(dom, e["file"]).find_all("div")
                        if r.attrs.get("class", "").startswith("ln") and r.elements()[0].text == str(index + 1)]
                assert rows[0].attrs["class"] == f"ln gone pass-{remover}" and rows[0].attrs["data-pass"] == remover
                assert any(line.strip()[:20] in d.text for d in rows[0].find_all("del", data_pass=remover))
    assert checked  # sample 000 ends with such a list


def test_browser_shows_the_mojibake_repair_as_before_and_after(browser_run):
    entries, dom, _ = browser_run
    (sample,) = [e for e in entries if e["file"].startswith("002_")]
    repair = next(ed for ed in sample["edits"] if ed["pass_name"] == "mojibake" and ed["after"] and len(ed["before"]) > 2)
    section = section_of(dom, sample["file"])
    (before,) = [d for d in section.find_all("del", data_pass="mojibake") if d.text == repair["before"]]
    siblings = before.parent.elements()
    after = siblings[siblings.index(before) + 1]
    assert after.tag == "ins" and after.attrs == {"data-pass": "mojibake", "class": "r"}
    assert after.text and repair["after"].startswith(after.text)


def test_browser_shows_the_expected_titles_in_the_articles_column(browser_run):
    entries, dom, _ = browser_run
    for expected_file in sorted(EXPECTED.glob("*.json")):
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        (column,) = [d for d in section_of(dom, expected["file"]).find_all("div") if d.attrs.get("class") == "out"]
        shown = [h.text if h.attrs.get("data-field") == "title" else None for h in column.find_all("h3")]
        assert shown == [a["title"] for a in expected["articles"]]


def test_browser_filters(tmp_path, sample_entries):
    """Files come 20 a page; unticking a pass hides its marks; file, status and search filters narrow the files shown."""
    drive = (
        "<script>addEventListener('load', function () {"
        "document.body.dataset.pageInfo = document.getElementById('page-info').textContent.trim();"
        "document.querySelector('[data-page=\"1\"]').click();"
        "document.body.dataset.nextPage = document.querySelector('section.file').dataset.file;"
        "var box = document.querySelector('[data-filter=spam]'); box.checked = false; box.dispatchEvent(new Event('change'));"
        "var s = document.getElementById('status-filter'); s.value = 'failed'; s.dispatchEvent(new Event('change'));"
        "document.body.dataset.failed = document.getElementById('page-info').textContent.trim();"
        "s.value = ''; var f = document.getElementById('file-filter'); f.value = '1'; f.dispatchEvent(new Event('change'));"
        "document.body.dataset.one = document.querySelector('section.file').dataset.file; f.value = '';"
        "var q = document.getElementById('search'); q.value = '某地工会组织'; q.dispatchEvent(new Event('input'));"
        "});</script></body>"
    )
    filler = [entry_from_error(f"filler-{i:02d}.txt", "no such file") for i in range(40)]
    entries = sample_entries + [entry_from_error("broken.txt", "binary"), entry_from_result("spam.txt", clean(SPAM_DUMP, name="spam.txt"))] + filler
    page = render_review(entries).replace("</body>", drive)
    builder = TreeBuilder()
    builder.feed(run_browser(tmp_path, page, "--virtual-time-budget=3000", "--dump-dom").stdout)
    (body,) = builder.root.find_all("body")
    assert "hide-spam" in body.attrs["class"].split()
    assert body.attrs["data-page-info"] == "47 file(s) · page 1 of 3"  # 20 files a page
    assert body.attrs["data-next-page"] == entries[20]["file"]
    assert body.attrs["data-failed"] == "41 file(s) · page 1 of 3" and body.attrs["data-one"] == entries[1]["file"]
    shown = [s.attrs["data-file"] for s in builder.root.find_all("section") if "data-file" in s.attrs]
    assert shown == ["spam.txt"]  # the search kept the one file with that text ...
    rows = [r for r in section_of(builder.root, "spam.txt").find_all("div") if r.attrs.get("class", "").startswith("ln")]
    assert [("nomatch" in r.attrs["class"]) for r in rows].count(False) == 1  # ... and in it the one line


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and unfiltered rows of an 8-bit RGB or RGBA PNG (enough to tell a blank page)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        chunks.setdefault(kind, []).append(data[at + 8 : at + 8 + length])
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour in (2, 6)
    step = 3 if colour == 2 else 4
    raw, stride, rows, previous = zlib.decompress(b"".join(chunks[b"IDAT"])), width * step, [], bytes(width * step)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - step] if x >= step else 0
            up, corner = previous[x], previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                near = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
                line[x] = (line[x] + near) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def test_browser_screenshot_is_not_blank(browser_run):
    width, height, rows = png_pixels(browser_run[2])
    assert (width, height) == (1400, 1000)
    step = len(rows[0]) // width
    colours = {row[x : x + 3] for row in rows[::10] for x in range(0, len(row), step * 7)}
    assert len(colours) > 50  # text, pass colours and backgrounds, not a single-colour page
