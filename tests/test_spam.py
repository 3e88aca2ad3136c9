"""The spam pass: title keywords a farm stuffed into the first paragraphs, chopped or pasted whole (found by
the sentences they break, never at the cost of prose that repeats its title), lists of place names, bare or
with a keyword (never prose that enumerates places), and the parts its speed depends on."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews import spam
from cleannews.document import Document, Options
from cleannews.edits import replay
from cleannews.pipeline import clean

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
        assert spam._may_hold_list(line)
    if not spam._may_hold_list(line):
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


def benchmark():
    """``benchmarks/spam_stuffing.py``, for its corpus readers."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "spam_stuffing.py"
    spec = importlib.util.spec_from_file_location("spam_stuffing", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_clean_news_under_its_own_title_loses_nothing(shared):
    """Real articles repeat their titles' names and words at clause starts; none of them is stuffing."""
    paragraphs_of = benchmark().paragraphs_of
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


# A farm that pastes long verbatim chunks of its title: at clause starts (glued to the clause's own first
# words), one made of two parts of the title, and one after a paragraph's last sentence.
PASTED_TITLE = "老旧小区加装电梯全面提速 三千户居民告别爬楼"
PASTED_CLEAN = [
    "记者从市住建局获悉，今年以来，全市已有四十六个老旧小区完成电梯加装，另有一百二十部电梯正在施工。按照计划，"
    "年内还将新开工一批加装项目，重点解决高层住户出行难题。",
    "据介绍，为加快审批进度，住建部门推行联合审查，申请材料由原来的十二项精简为六项，审批时限压缩至二十个工作日以内。"
    "同时，市财政对每部电梯给予十五万元补贴，不足部分由居民按楼层分摊。",
    "不少居民表示，电梯装好后，老人下楼晒太阳、买菜都方便了许多。",
]
PASTED = [
    PASTED_CLEAN[0].replace("获悉，", "获悉，老旧小区加装电梯全面提速") + "三千户居民告别爬楼",
    PASTED_CLEAN[1].replace("补贴，", "补贴，全面提速三千户居民"),
    PASTED_CLEAN[2],
]


def test_long_chunks_of_the_title_pasted_into_sentences_are_removed():
    lines, edits = cleaned(PASTED_TITLE, PASTED)
    assert lines == PASTED_CLEAN
    assert sorted(e.before for e in edits) == sorted(["老旧小区加装电梯全面提速", "三千户居民告别爬楼", "全面提速三千户居民"])


def test_a_chunk_is_cut_where_the_sentence_after_it_begins_as_the_title_goes_on():
    title = "老旧小区加装电梯全面提速 今年三千户居民告别爬楼"  # 今年 follows 提速 in the title and in the text
    stuffed = [PASTED_CLEAN[0].replace("获悉，", "获悉，老旧小区加装电梯全面提速") + "今年三千户居民告别爬楼", *PASTED_CLEAN[1:]]
    assert cleaned(title, stuffed)[0] == PASTED_CLEAN


def test_one_pasted_chunk_is_not_enough():
    """Prose may quote a long phrase of its title once where the model reads a broken join; a farm pastes several."""
    once = [PASTED_CLEAN[0].replace("获悉，", "获悉，老旧小区加装电梯全面提速"), *PASTED_CLEAN[1:]]
    assert cleaned(PASTED_TITLE, once) == (once, [])


def test_prose_restating_its_title_verbatim_keeps_it():
    prose = [
        "今年以来，我市老旧小区加装电梯全面提速，已有三千户居民告别爬楼。记者从市住建局获悉，全市已有四十六个老旧小区"
        "完成电梯加装，另有一百二十部电梯正在施工。",
        "老旧小区加装电梯全面提速的背后，是审批流程的大幅简化。据介绍，住建部门推行联合审查，申请材料由原来的十二项精简为六项。",
        "三千户居民告别爬楼后，老人下楼晒太阳、买菜都方便了许多。",
    ]
    assert cleaned(PASTED_TITLE, prose) == (prose, [])
    assert cleaned(PASTED_TITLE, PASTED_CLEAN) == (PASTED_CLEAN, [])


def test_the_subject_repeated_at_clause_starts_keeps_it():
    """One long phrase of the title (here a company's name) opening several clauses is the article's subject."""
    title = "星河新材料科技公司 年产万吨新型建材项目投产"
    prose = [
        "本报讯，星河新材料科技公司日前宣布，其位于开发区的新厂正式投产。据了解，星河新材料科技公司去年营业收入超过八亿元。",
        "业内人士认为，星河新材料科技公司此举将带动上下游产业集聚，预计新增就业岗位六百余个。",
    ]
    assert cleaned(title, prose) == (prose, [])


KEYWORD_LIST = "海淀积分落户 朝阳区积分落户 深圳积分落户 喀什地区积分落户 合肥市积分落户 四平市积分落户"


def test_a_list_of_place_names_each_with_the_same_keyword_is_removed():
    doc = Document.from_text("\n".join(["积分落户新规下月实施 三类人群可加分", PASTED_CLEAN[0], KEYWORD_LIST, PASTED_CLEAN[1]]))
    out, edits = spam.run(doc, Options())
    assert replay(doc.lines, edits) == list(out.lines)
    assert [(e.rule, e.before) for e in edits] == [("place-name-list", KEYWORD_LIST)]
    assert spam.place_name_runs("、".join(KEYWORD_LIST.split()), "积分落户新规") != []
    # the same shape with a word the title does not hold: a table of names (banks, universities), kept
    assert spam.place_name_runs("北京银行 南京银行 宁波银行 杭州银行 成都银行", "上市银行半年报出炉") != []
    assert spam.place_name_runs("北京银行 南京银行 宁波银行 杭州银行 成都银行", "一季度净利润普遍增长") == []


def test_places_and_words_in_prose_are_no_keyword_list():
    for line in [
        "今年北京市场、上海市场、广州市场和深圳市场的销量均有增长。",  # inside a sentence, and only four
        "春季招聘 秋季招聘 校园招聘 社会招聘",  # no place before the shared word
        "海淀积分落户 朝阳区积分落户 深圳积分落户",  # too few for a list
        "海淀积分落户 朝阳区积分落户 深圳积分落户 会议纪要",
    ]:
        assert spam.place_name_runs(line, "积分落户 招聘 市场") == [], line


COUNTIES = ["苗栗县", "彰化县", "南投县", "云林县", "台东县", "澎湖县", "新竹县", "嘉义县", "屏东县", "宜兰县"]


def test_places_enumerated_inside_a_sentence_are_prose():
    """A long enumeration in a sentence is the article's; the same names pasted after a sentence are a list."""
    prose = "基金会去年已向" + "、".join(COUNTIES) + "等十个县捐赠救护车，今年还将继续。"
    assert spam.place_name_runs(prose) == []
    assert spam.place_name_runs("基金会去年捐赠了救护车。" + "、".join(COUNTIES)) != []


@given(st.lists(st.tuples(st.integers(0, 10_000), st.booleans()), min_size=spam.MIN_LIST, max_size=12),
       st.text(alphabet="积分落户地沟油春耕市场", min_size=spam.MIN_KEYWORD, max_size=4),
       st.sampled_from([s for s in SEPARATORS if s not in ",，"]))
@settings(max_examples=300)
def test_every_list_of_places_with_one_keyword_is_found(picks, keyword, separator):
    """Names or their short forms, each with the same keyword, separated as lists are (not by commas alone, which
    the quick test leaves out): the whole line is a list."""
    names = sorted(spam.gazetteer())
    tokens = []
    for k, short in picks:
        name = names[k % len(names)]
        written = spam._without_level_word(name) if short else name
        tokens.append((written if len(written) >= 2 else name) + keyword)
    line = separator.join(tokens)
    assert spam.place_name_runs(line, "新规：" + keyword) == [(0, len(line))]


def test_clean_lines_hold_no_place_name_list(shared):
    """Prose enumerates places (and places with one word after each) without being a list pasted for SEO."""
    bench = benchmark()
    for path in bench.LINE_CORPORA.values():
        lines = bench.corpus_lines(shared / "corpora" / path)
        assert len(lines) > 1000
        assert [line for line in lines if spam.place_name_runs(line)] == [], path


def test_a_bracketed_group_of_keywords_on_one_stem_goes_and_a_bracketed_list_of_different_things_stays():
    stuffed = "据市场中心介绍，9月前两周成交量较8月同期下降约2成，但价格水平仍稳中有升（上海二手房 上海房价 上海新房）。不过卖家心态已分化。"
    plain = "三地（北京 上海 广州）的新房价格指数同步上涨，其中广州涨幅最大，达到百分之三点二。"
    result = clean("\n".join(["上海外围新盘小幅促销", "2024-09-15　来源：某某网", stuffed, plain]))
    assert result.articles[0].paragraphs == [stuffed.replace("（上海二手房 上海房价 上海新房）", ""), plain]
    assert [e.rule for e in result.edits if e.pass_name == "spam"] == ["keyword-group"]
