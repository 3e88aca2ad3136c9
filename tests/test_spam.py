"""The parts of the spam pass its speed depends on: title-fragment runs, which paragraphs are examined."""

from __future__ import annotations

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
