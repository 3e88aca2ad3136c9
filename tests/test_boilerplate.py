"""Boilerplate and spam removal on dumps unlike the seeds (other sites, other wording)."""

from __future__ import annotations

from cleannews import boilerplate, spam
from cleannews.document import Document, Options
from cleannews.edits import replay

DUMP = """首页 > 财经 > 正文
某省出台新政支持小微企业发展
2023-05-06 08:30:00 来源：某某日报
【字号：大 中 小】 【打印】 【关闭】
记者从省财政厅获悉，今年全省将安排专项资金支持小微企业发展，帮助企业渡过难关。
资金主要用于贷款贴息和担保费补助，预计惠及企业两万余家。
上一篇：全省春耕生产有序推进
下一篇：某市召开安全生产会议
相关阅读
某市出台稳就业十条措施
某县发放消费券三百万元
Copyright © 2023 某某日报社 版权所有 ICP备12345678号
"""


def _run(text: str, module=boilerplate, **options):
    doc = Document.from_text(text)
    out, edits = module.run(doc, Options(**options))
    assert replay(doc.lines, edits) == list(out.lines)  # edits replay to the output
    return out, edits


def test_furniture_of_an_unseen_site_goes_and_the_article_stays():
    out, edits = _run(DUMP)
    kept = [line for line in out.lines if line.strip()]
    assert kept == [
        "某省出台新政支持小微企业发展",
        "2023-05-06 08:30:00 来源：某某日报",
        "记者从省财政厅获悉，今年全省将安排专项资金支持小微企业发展，帮助企业渡过难关。",
        "资金主要用于贷款贴息和担保费补助，预计惠及企业两万余家。",
    ]
    rules = {e.rule for e in edits}
    assert {"breadcrumb", "widget", "nav-link", "related-block"} <= rules


def test_line_count_is_kept():
    out, _ = _run(DUMP)
    assert len(out.lines) == len(DUMP.split("\n"))


def test_related_block_stops_at_the_next_article():
    text = "第一篇标题\n2023-01-01 来源：甲报\n正文很长很长很长很长很长很长很长很长很长很长很长很长很长。\n推荐阅读\n别的文章标题一\n第二篇文章的标题\n2023-01-02 来源：乙报\n第二篇的正文内容很长很长很长很长很长很长很长很长很长。"
    out, _ = _run(text)
    assert "第二篇文章的标题" in out.lines
    assert "别的文章标题一" not in out.lines


def test_traditional_furniture_is_recognised():
    out, _ = _run("相關新聞\n某某報導標題一\n")
    assert not any(line.strip() for line in out.lines)


def test_debris_and_pipes():
    out, _ = _run("| |\n![](http://x/y.png) 一段正文，内容完整。 |\n||||")
    assert [line for line in out.lines if line] == [" 一段正文，内容完整。"]


def test_protected_lines_are_kept():
    out, _ = _run("返回顶部\n", protect=("返回顶部",))
    assert out.lines[0] == "返回顶部"


def test_configured_phrase_is_removed():
    out, edits = _run("本站特约：欢迎投稿\n正文。\n", extra_boilerplate=("欢迎投稿",))
    assert out.lines[0] == "" and edits[0].rule == "configured"


def test_prose_mentioning_ui_words_is_kept():
    line = "他在微博上分享了自己的经历，并呼吁大家关注此事，转发量超过十万次。"
    out, edits = _run(line)
    assert out.lines[0] == line and edits == []


def test_place_name_list_other_names():
    line = "海淀区 | 浦东新区 | 天河区 | 武侯区 | 鼓楼区 | 新竹市 | 湾仔区 |"
    out, edits = _run("正文第一段内容。\n" + line, module=spam)
    assert out.lines[1] == "" and edits[0].rule == "place-name-list"


def test_place_names_in_a_sentence_stay():
    line = "此次寒潮影响北京市、天津市和河北省，气象台发布预警。"
    out, edits = _run(line, module=spam)
    assert out.lines[0] == line and edits == []


def test_keyword_stuffing_with_another_title():
    title = "某县农业局多举措推进春耕生产保障粮食安全"
    body = ("春回大地,某县万物复苏,农业局田间地头一片繁忙景象,多举措各乡镇积极组织农户,推进抢抓农时开展备耕,"
            "春耕县里调运化肥种子,保障确保农资供应充足,粮食农技人员深入一线指导,安全。")
    out, edits = _run(f"{title}\n\n{body}", module=spam)
    assert {e.rule for e in edits} == {"title-keywords"}
    cleaned = out.lines[2]
    assert cleaned == ("春回大地,万物复苏,田间地头一片繁忙景象,各乡镇积极组织农户,抢抓农时开展备耕,"
                       "县里调运化肥种子,确保农资供应充足,农技人员深入一线指导,。")
