"""The spam pass: title keywords a farm stuffed into the first paragraphs (found by the sentences they
break, never at the cost of prose that repeats its title), and the parts its speed depends on."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews import spam
from cleannews.document import Document, Options
from cleannews.edits import replay

TITLE = "某县农业局多举措推进春耕生产保障粮食安全"
STUFFED = ("春回大地,某县万物复苏,农业局田间地头一片繁忙景象,多举措各乡镇积极组织农户,推进抢抓农时开展备耕,"
           "春耕县里调运化肥种子,保障确保农资供应充足,粮食农技人员深入一线指导,安全。")


def greedy_runs(text: str, fragments: set[str]) -> list[tuple[int, int]]:
    """The definition, position by position: from each start, take the longest fragment while one follows."""
    runs, i = [], 0
    while i < len(text):
        j = i
        while step := next((k for k in (5, 4, 3, 2) if j + k <= len(text) and text[j : j + k] in fragments), 0):
            j += step
        if j > i:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


@given(st.text(alphabet=TITLE[:12] + "，。的x𠆲", max_size=80), st.text(alphabet=TITLE[:12] + "ab", max_size=20))
@settings(max_examples=300)
def test_fragment_runs_are_greedy_longest_first(text, title):
    fragments = spam._title_fragments(title)
    assert spam._fragment_runs(text, fragments) == greedy_runs(text, fragments)


def test_only_the_first_body_paragraphs_are_examined_for_stuffing():
    prose = "县里召开会议，研究部署今年的春耕生产工作，要求各乡镇抓好落实。"
    for before in range(spam.FIRST_PARAGRAPHS + 1):
        doc = Document.from_text("\n".join([TITLE, *[prose] * before, STUFFED]))
        out, edits = spam.run(doc, Options())
        assert replay(doc.lines, edits) == list(out.lines)
        assert bool(edits) == (before < spam.FIRST_PARAGRAPHS), before


SEPARATORS = [" ", "|", "｜", ",", "，", "、", "/", ";", "；", "\u3000", "\t"]


@given(st.lists(st.tuples(st.sampled_from(["name", "word"]), st.integers(0, 10_000), st.sampled_from(SEPARATORS + [""])),
                max_size=14))
@settings(max_examples=300)
def test_the_quick_test_never_refuses_a_line_with_a_run_of_names(parts):
    """The regex that spares most lines the token scan lets through every line with a list's worth of
    consecutive gazetteer tokens, found here by their definition."""
    names = sorted(spam.gazetteer())
    words = ["的", "市长", "区域", "县城", "发展。", "天河区的"]
    line = "".join((names if kind == "name" else words)[k % len(names if kind == "name" else words)] + sep
                   for kind, k, sep in parts)
    tokens = spam._TOKEN.findall(line)
    longest = run = 0
    for token in tokens:
        run = run + 1 if token in spam.gazetteer() else 0
        longest = max(longest, run)
    if longest >= min(spam.MIN_LIST, spam.MIN_INLINE):
        assert spam._enough_name_ends().search(line)
    if not spam._enough_name_ends().search(line):
        assert spam.place_name_runs(line) == []


# A farm's article: pieces of the title inserted at clause starts, one glued to the real 老街 after it
# (完成修缮老街: not in title order, so two things), one pushed into the word 临时 (临改造时).
STREET_TITLE = "旧街区改造迎来新进展 三条老街完成修缮"
STREET_STUFFED = [
    "今年以来，完成修缮老街两侧的店铺陆续恢复营业。街道办负责人介绍，迎来此次工程保留了原有的青石板路面，"
    "新进展沿街立面统一按照传统样式修复，旧街区排水管网和照明设施同步更新。",
    "据了解，三条这一片区共有商户八十余家，改造多数为经营多年的老字号，工程期间，街道为商户提供了临改造时经营场地。",
]
STREET_CLEAN = [
    "今年以来，老街两侧的店铺陆续恢复营业。街道办负责人介绍，此次工程保留了原有的青石板路面，"
    "沿街立面统一按照传统样式修复，排水管网和照明设施同步更新。",
    "据了解，这一片区共有商户八十余家，多数为经营多年的老字号，工程期间，街道为商户提供了临时经营场地。",
]

# Prose that repeats its title's words at clause starts, over most of the title, where they belong.
LIBRARY_TITLE = "市图书馆推出夜间开放服务 读者可借阅至晚十点"
LIBRARY = [
    "市图书馆从本周一起推出夜间开放服务，读者可借阅至晚十点。据介绍，夜间开放服务面向全体读者，读者凭借阅证即可入馆，"
    "借阅、归还和自习均可进行，市图书馆还为夜归读者开通了专线公交。",
    "推出夜间开放服务后，读者反响热烈。不少读者表示，下班后终于有时间来图书馆借阅图书，晚十点闭馆的安排很贴心。"
    "开放首周，夜间入馆读者超过两千人次，借阅量比去年同期增长三成。",
    "市图书馆负责人表示，将根据读者需求调整开放时段，夜间开放服务今后还将延伸到各区分馆。",
]


def cleaned(title: str, paragraphs: list[str]) -> tuple[list[str], list]:
    """The paragraphs after the spam pass, and its title-keywords edits (each a replayable cut of its span)."""
    doc = Document.from_text("\n".join([title, *paragraphs]))
    out, edits = spam.run(doc, Options())
    assert replay(doc.lines, edits) == list(out.lines)
    keywords = [e for e in edits if e.rule == "title-keywords"]
    assert all(e.after == "" and doc.lines[e.line][e.start : e.end] == e.before for e in keywords)
    return list(out.lines[1:]), keywords


def test_a_piece_glued_to_the_real_word_after_it_is_split_off():
    lines, edits = cleaned(STREET_TITLE, STREET_STUFFED)
    assert lines[0] == STREET_CLEAN[0]
    assert (1, 5, 9, "完成修缮") in [(e.line, e.start, e.end, e.before) for e in edits]  # 老街 stays


def test_a_piece_pushed_into_a_word_mid_clause_is_removed():
    lines, edits = cleaned(STREET_TITLE, STREET_STUFFED)
    assert lines[1] == STREET_CLEAN[1]
    inside = STREET_STUFFED[1].index("临改造时") + 1
    assert (2, inside, inside + 2) in [(e.line, e.start, e.end) for e in edits]


def test_the_cleaned_article_is_left_alone():
    assert cleaned(STREET_TITLE, STREET_CLEAN) == (STREET_CLEAN, [])


def test_prose_repeating_its_title_words_keeps_them():
    assert cleaned(LIBRARY_TITLE, LIBRARY) == (LIBRARY, [])


def paragraphs_of(body: str) -> list[str]:
    """One-line article text cut into paragraphs of a few sentences, as pages print them."""
    paragraphs, current = [], ""
    for sentence in re.findall(r"[^。！？]+[。！？]?", re.sub(r"\s+", "", body)):
        current += sentence
        if len(current) >= 120:
            paragraphs.append(current)
            current = ""
    return paragraphs + [current] if current else paragraphs


def test_clean_news_under_its_own_title_loses_nothing(shared):
    """Real articles repeat their titles' names and words at clause starts; none of them is stuffing."""
    corpora = shared / "corpora"
    sohu = (corpora / "news-zh-hans/sogoucs-smarty/news_sohusite_xml.smarty.xml").read_text(encoding="utf-8")
    articles = re.findall(r"<contenttitle>(.+?)</contenttitle>\s*<content>(.+?)</content>", sohu)
    udn = json.loads((corpora / "news-zh-hant/taiwanstat-2017/udn_2017062x.json").read_text(encoding="utf-8"))
    articles += [(item["title"], item["content"]) for item in udn if item.get("title") and item.get("content")]
    assert len(articles) > 1000
    cut = {}
    for title, body in articles:
        _, edits = cleaned(title, paragraphs_of(body))
        if edits:
            cut[title] = [e.before for e in edits]
    assert cut == {}
