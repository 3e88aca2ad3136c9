"""Hard-wrapped paragraphs (a PDF export, a plain-text archive) are joined again, and nothing else is:
not a list of equally long headlines, not an ordinary dump, not a paragraph break the text marks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleannews import unwrap
from cleannews.document import Document, Options
from cleannews.edits import replay
from cleannews.pipeline import clean

EXPECTED = Path(__file__).parent / "expected"
SAMPLES = Path(__file__).parent.parent / "samples"


def sample_paragraphs() -> list[str]:
    """The long paragraphs of a seed's expected article: real prose, with digits, quotes and Latin letters."""
    articles = json.loads((EXPECTED / "002_2e15a51dbed6caa4.json").read_text(encoding="utf-8"))["articles"]
    return [p for p in articles[0]["paragraphs"] if len(p) > 60]


def hard_wrap(paragraph: str, width: int, measure=len, indent: str = "") -> list[str]:
    """``paragraph`` broken into lines of at most ``width`` by ``measure``, as a fixed-width exporter does."""
    lines, line = [], indent
    for char in paragraph:
        if measure(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return lines + [line]


def unwrapped(lines: list[str]) -> tuple[list[str], list]:
    doc, edits = unwrap.run(Document(tuple(lines)), Options())
    assert replay(lines, edits) == list(doc.lines)
    return [line for line in doc.lines if line], edits


@pytest.mark.parametrize("width, measure", [(20, len), (28, len), (38, len), (56, unwrap.gbk_width), (76, unwrap.gbk_width)])
@pytest.mark.parametrize("indent, between", [("\u3000\u3000", []), ("", [""])])  # paragraphs marked by an indent or a blank line
def test_paragraphs_wrapped_at_a_fixed_width_come_back_whole(width, measure, indent, between):
    paragraphs = sample_paragraphs()
    assert len(paragraphs) >= 3
    lines = ["关于某某工作的通知", "发布时间：2023-11-07"] + [l for p in paragraphs for l in hard_wrap(p, width, measure, indent) + between]
    out, edits = unwrapped(lines)
    assert [line.strip() for line in out] == lines[:2] + paragraphs
    assert {e.rule for e in edits} == {"hard-wrap"} and all(e.pass_name == "unwrap" for e in edits)


def test_a_sentence_ending_at_the_margin_goes_on_unless_the_next_line_is_indented_blank_or_a_list_item():
    lines = ["\u3000\u3000为切实做好今冬明春供暖保障工作，确保广大居民温暖", "过冬，现就有关事项通知如下。各供热企业要充分认识",
             "做好供暖保障工作的重要性和紧迫性。切实履行主体责任", "，确保按时供暖、稳定供暖，及时回应群众诉求。",
             "\u3000\u3000供热企业要在供暖季开始前完成管网、换热站等设施", "的全面检修，及时消除安全隐患，确保设施运行正常。",
             "一、提高思想认识，切实履行供热企业的主体责任。", "", "各单位要完善应急预案，储备必要的抢修物资，加强值班",
             "值守，遇有突发情况及时处置并按规定报告。"]
    out, _ = unwrapped(lines)
    assert [line.strip() for line in out] == [
        "为切实做好今冬明春供暖保障工作，确保广大居民温暖过冬，现就有关事项通知如下。各供热企业要充分认识"
        "做好供暖保障工作的重要性和紧迫性。切实履行主体责任，确保按时供暖、稳定供暖，及时回应群众诉求。",
        "供热企业要在供暖季开始前完成管网、换热站等设施的全面检修，及时消除安全隐患，确保设施运行正常。",
        "一、提高思想认识，切实履行供热企业的主体责任。",
        "各单位要完善应急预案，储备必要的抢修物资，加强值班值守，遇有突发情况及时处置并按规定报告。",
    ]


def test_latin_words_broken_at_the_margin_keep_their_space():
    lines = ["据报道，这家公司的产品经理表示，新版本已经在Apple", "Store上线，用户可以免费下载使用，并可以获得一个月的",
             "会员服务。此前该应用在Google Play上的下载量已超过了", "百万次，用户主要分布在东南亚和拉丁美洲的多个国家。"]
    assert [unwrap.gbk_width(line) for line in lines[:3]] == [49, 51, 51]  # wrapped at 51 columns
    out, _ = unwrapped(lines + [""] + lines)  # twice: a width counts from four wrapped lines
    assert out == ["据报道，这家公司的产品经理表示，新版本已经在Apple Store上线，用户可以免费下载使用，并可以获得一个月的"
                   "会员服务。此前该应用在Google Play上的下载量已超过了百万次，用户主要分布在东南亚和拉丁美洲的多个国家。"] * 2


def test_a_list_of_equally_long_headlines_is_not_a_wrapped_paragraph():
    headlines = ["我市召开全市安全生产工作会议部署重点任务", "全市重点项目建设推进会召开强调加快进度",
                 "市领导调研城市更新工作要求精心组织实施", "我市举行新春招聘会提供就业岗位三千余个"]
    lines = ["相关新闻"] + headlines + ["市场有风险，投资需谨慎。"]
    assert unwrapped(lines) == (lines, [])


def test_ordinary_dumps_are_left_alone():
    for path in sorted(SAMPLES.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert unwrapped(lines)[1] == [], path.name


def test_short_lines_of_one_width_are_not_wrapped_text():
    # dates and buttons share a width, and what follows them ends with a sentence
    lines = ["2016-08-27 11:33", "点击蓝字 关注我们，获取更多", "一、加强宣传引导工作的力度", "各单位要高度重视，认真组织实施。"] * 2
    assert unwrapped(lines)[1] == []


def test_rows_of_fields_of_one_width_are_not_wrapped_prose():
    row = "公告日期：2024-04-{d}　　公告类型：重大合同　　来源：某某公司\n证券代码：600000　　证券简称：某某公司　　公告编号：2024-0{d}\n"
    text = "".join(row.format(d=d) + "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。\n" for d in (12, 16))
    assert unwrapped(text.split("\n"))[1] == []


def test_joined_text_is_not_joined_again():
    lines = ["标题在此处"] + [l for p in sample_paragraphs() for l in hard_wrap(p, 30)]
    once = clean("\n".join(lines)).text
    assert clean(once).text == once


def test_a_paragraph_goes_on_across_a_page_break_and_loses_the_page_number():
    lines = ["　　一、明确目标任务。2024年，全市计划改造城镇老旧小", "区126个，涉及居民1.38万户、建筑面积118.6万平方米，力",
             "", "                    — 1 —", "争9月底前全部开工、年底前完工率达到60%以上。各县（市", "、区）年度任务如下：",
             "　　二、聚焦群众急难愁盼。优先改造供水、排水、供电、燃", "气等老化管线和消防设施，同步推进适老化改造，有条件的楼",
             "栋加装电梯。"]
    out, edits = unwrapped(lines)
    assert [line.strip() for line in out] == [
        "一、明确目标任务。2024年，全市计划改造城镇老旧小区126个，涉及居民1.38万户、建筑面积118.6万平方米，力争9月底前全部开工、"
        "年底前完工率达到60%以上。各县（市、区）年度任务如下：",
        "二、聚焦群众急难愁盼。优先改造供水、排水、供电、燃气等老化管线和消防设施，同步推进适老化改造，有条件的楼栋加装电梯。",
    ]
    assert [e.before.strip() for e in edits if e.rule == "page-number"] == ["— 1 —"]


def test_a_text_browsers_margin_before_every_line_is_no_indent():
    paragraphs = [
        "根据教育部关于做好2024年普通高校招生工作的有关要求，结合我省实际，现将2024年普通高校招生考试报名工作有关事项通知如下，请各地各校认真组织实施，确保报名工作平稳有序。",
        "考生须在规定时间内登录信息平台完成网上报名，逾期不再补报。符合条件的进城务工人员随迁子女，按有关规定办理，具体办法由各市州教育行政部门另行制定并公布。",
        "各地各校要加强报名政策宣传，认真做好报名资格审核工作，对弄虚作假的，一经查实，取消其报名资格，并按有关规定严肃处理，情节严重的依法追究责任。",
    ]
    lines = ["   某省发布高考报名通知", "", "   2023-10-24", ""]
    for paragraph in paragraphs:  # lynx -dump: wrapped at a width, three spaces before every line, blank lines between
        lines += ["   " + paragraph[i : i + 36] for i in range(0, len(paragraph), 36)] + [""]
    assert clean("\n".join(lines)).articles[0].paragraphs == paragraphs


def test_pieces_of_a_sentence_a_page_printed_one_text_node_a_line_are_joined():
    lines = ("本条目存在以下问题", "，请协助改善本条目", "或在讨论页针对议题发表看法。", "", "“你是不知道", "”，她说。")
    out, edits = unwrap.run(Document(lines), Options())
    assert out.lines == ("本条目存在以下问题，请协助改善本条目", "", "或在讨论页针对议题发表看法。", "", "“你是不知道”，她说。", "")
    assert replay(lines, edits) == list(out.lines)
    assert unwrap.run(Document(("某地新建公园", "", "，", "正文。")), Options())[1] == []  # after a blank line: nothing to go on from
