"""Cross-file repetition: lines that many files of a batch share are site chrome."""

from __future__ import annotations

from cleannews import boilerplate
from cleannews.boilerplate import common_lines
from cleannews.document import Document, Options
from cleannews.edits import replay

CHROME = "江岸融媒 移动客户端 下载体验"
PAGES = [
    f"{CHROME}\n第{n}条新闻的标题在这里\n2024-03-0{n} 来源：江岸融媒\n记者 周立\n"
    f"本报讯，第{n}条新闻的正文内容各不相同，讲述了当天发生的事情。\n"
    "各地持续推进的工作部署，在这份通稿里每篇都会重复出现一次。\n"
    f"网站地图 联系方式 投稿邮箱\n"
    for n in range(1, 6)
]


def test_lines_in_enough_files_are_common():
    common = common_lines(PAGES, min_files=3)
    assert CHROME in common and "网站地图 联系方式 投稿邮箱" in common
    assert common_lines(PAGES, min_files=6) == frozenset()


def test_metadata_and_prose_are_never_common():
    common = common_lines(PAGES, min_files=3)
    assert "记者 周立" not in common  # a byline repeats legitimately
    assert not any("来源" in line for line in common)
    assert "各地持续推进的工作部署，在这份通稿里每篇都会重复出现一次。" not in common  # reprinted prose survives


def test_short_and_numbered_lines_are_never_common():
    pages = ["一、基本情况\n评论\n（二）主要做法\n"] * 4
    assert common_lines(pages, min_files=3) == frozenset()


def test_common_lines_are_removed_and_recorded():
    doc = Document.from_text(PAGES[0])
    common = common_lines(PAGES, min_files=3)
    out, edits = boilerplate.run(doc, Options(common_lines=common))
    assert replay(doc.lines, edits) == list(out.lines)
    assert CHROME not in out.lines
    removed = [e for e in edits if e.rule == "common-line"]
    assert removed and all("files of the batch" in e.reason for e in removed)
    assert "第1条新闻的标题在这里" in out.lines and "记者 周立" in out.lines


def test_a_common_title_heading_its_article_is_kept():
    page = "每日快讯\n2024-03-01 来源：江岸融媒\n正文第一段，内容完整，说明了一件事情。\n"
    out, edits = boilerplate.run(Document.from_text(page), Options(common_lines=frozenset({"每日快讯"})))
    assert out.lines[0] == "每日快讯" and not edits


def test_no_common_lines_option_changes_nothing():
    doc = Document.from_text(PAGES[0])
    assert boilerplate.run(doc, Options())[0].lines == boilerplate.run(doc, Options(common_lines=frozenset()))[0].lines
