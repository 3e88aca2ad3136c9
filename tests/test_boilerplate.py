"""Boilerplate and spam removal on dumps unlike the seeds (other sites, other wording)."""

from __future__ import annotations

import pytest

from cleannews import boilerplate, spam
from cleannews.document import Document, Options
from cleannews.edits import replay
from cleannews.pipeline import clean

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


def _kept(doc) -> list[str]:
    """The lines a pass kept (a removed line stays as an empty line)."""
    return [line for line in doc.lines if line.strip()]


def test_furniture_of_an_unseen_site_goes_and_the_article_stays():
    out, edits = _run(DUMP)
    kept = _kept(out)
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
    assert _kept(out) == [" 一段正文，内容完整。"]


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


def test_related_block_does_not_swallow_an_article_without_metadata():
    text = (
        "首篇文章的标题\n2023-01-01 来源：甲报\n正文很长很长很长很长很长很长很长很长很长很长很长很长，说完了。\n"
        "相关阅读\n别处文章标题一\n别处文章标题二\n"
        "没有日期的第二篇标题\n第二篇正文，没有任何署名和日期，直接从这里开始讲述事情的经过。\n第二篇第二段，接着讲述。\n"
    )
    out, _ = _run(text)
    assert "别处文章标题一" not in out.lines and "别处文章标题二" not in out.lines
    assert "没有日期的第二篇标题" in out.lines
    assert "第二篇正文，没有任何署名和日期，直接从这里开始讲述事情的经过。" in out.lines


def test_related_block_keeps_going_over_teasers():
    text = (
        "正文一段，内容很长很长很长很长很长很长很长很长很长很长很长，说完了。\n推荐阅读\n别处的第一篇报道\n"
        "别处的第一篇报道摘要，讲了很多事情，内容很长很长很长很长很长很长……\n别处的第二篇报道\n"
        "别处的第二篇报道全文摘要，不以省略号结尾但重复了标题开头的文字。\n"
    )
    out, _ = _run(text)
    assert _kept(out) == ["正文一段，内容很长很长很长很长很长很长很长很长很长很长很长，说完了。"]


MENU = "\n".join(["首 页", "要 闻", "视 频", "财 经", "体 育", "登录", "注册"])


def test_a_run_of_short_plain_lines_is_a_menu():
    text = MENU + "\n某地新建公园开放\n2024-04-01 来源：某报\n记者从市园林局获悉，新建的滨江公园今天正式开放，市民可免费入园。\n"
    out, edits = _run(text)
    assert {e.rule for e in edits} >= {"chrome-run"}
    assert _kept(out) == [
        "某地新建公园开放", "2024-04-01 来源：某报", "记者从市园林局获悉，新建的滨江公园今天正式开放，市民可免费入园。"]


def test_a_paragraph_cut_at_its_links_is_not_a_menu():
    text = "据报道，这次活动的参加者有来自\n北京\n上海\n广州\n深圳\n的代表共计二百余人，活动持续了整整三天时间。\n"
    out, edits = _run(text)
    assert edits == [] and out.lines == tuple(text.split("\n"))


def test_a_table_inside_the_body_is_not_a_menu():
    text = ("正文第一段介绍了本次评选的过程，参评单位很多，竞争十分激烈。\n"
            "第一名 江北区实验学校\n第二名 南岸区第一中学\n第三名 沙坪坝区育才学校\n第四名 渝中区巴蜀小学\n"
            "正文第二段对获奖单位表示祝贺，并对下一步工作提出了要求和希望。\n")
    out, edits = _run(text)
    assert edits == []


def test_link_list_line():
    assert boilerplate.is_link_list("首页 | 国内 | 国际 | 财经 | 体育")
    assert not boilerplate.is_link_list("北京、上海、广州、深圳四地同时发布")


def test_duplicate_paragraph_goes():
    para = "自治区财政厅传出最新消息，决定延续涉及多个税种的税收优惠政策执行时限。"
    out, edits = _run(f"{para}\n图为政策解读会现场\n{para}\n")
    assert out.lines[0] == para and out.lines[2] == ""
    assert [e.rule for e in edits] == ["duplicate-paragraph"]


def test_legal_notice_block_goes_to_the_next_article():
    text = ("正文一段，内容很长很长很长很长很长很长很长很长很长很长，说完了。\n免责声明：\n"
            "本网转载的文章仅代表作者观点，不代表本网立场，如有侵权请联系删除。\n"
            "第二篇文章标题\n2024-01-02 来源：某报\n第二篇的正文，内容很长很长很长很长很长很长很长很长。\n")
    out, _ = _run(text)
    kept = _kept(out)
    assert kept == ["正文一段，内容很长很长很长很长很长很长很长很长很长很长，说完了。", "第二篇文章标题",
                    "2024-01-02 来源：某报", "第二篇的正文，内容很长很长很长很长很长很长很长很长。"]


def test_page_tail_after_the_last_paragraph_and_its_credits_goes():
    text = ("正文一段，内容很长很长很长很长很长很长很长很长很长很长，说完了。\n通讯员 甲乙丙 报道\n（责任编辑：张三）\n"
            "精彩视频\n自动播放\n暂无热评，快来抢沙发>>\n")
    out, edits = _run(text)
    assert _kept(out) == [
        "正文一段，内容很长很长很长很长很长很长很长很长很长很长，说完了。", "通讯员 甲乙丙 报道", "（责任编辑：张三）"]
    assert {e.rule for e in edits} <= {"after-credits", "arrow-link", "related-block"}  # 精彩视频 heads a list; 抢沙发>>: a link


def test_one_closing_line_is_not_a_page_tail():
    text = "正文一段，内容很长很长很长很长很长很长很长很长很长很长，说完了。\n通讯员 甲乙丙 摄影报道\n"
    assert _run(text)[1] == []


def test_a_place_name_list_with_unknown_names_goes_whole():
    line = "海淀区| 浦东新区| 天河区| 武侯区| 某某新城区| 鼓楼区| 新竹市| 湾仔区| 静安区| 黄浦区|"
    out, edits = _run("正文第一段内容。\n" + line, module=spam)
    assert out.lines[1] == "" and [e.rule for e in edits] == ["place-name-list"]


def test_labelled_titles_of_cleaned_output_are_not_a_menu():
    text = ("标题：美国房价稳定上扬\n副标题：记者观察\n\n一、供给短缺\n衡量全美房价的指数\n"
            "四月时稳定上扬，主因是房市正处于需求稳定、但供给短缺的情况，价格持续走高。\n")
    out, edits = _run(text)
    assert edits == []


def test_separator_lines_break_a_run_and_stay():
    text = ("正文一段，内容很长很长很长很长很长很长很长很长很长很长，说完了。\n图片来自网络\n\n---\n\n"
            "标题：第二篇\n副标题：另一行\n第二篇的正文，内容很长很长很长很长很长很长很长很长很长。\n")
    out, edits = _run(text)
    assert "---" in out.lines and edits == []


def test_short_closing_sentences_are_not_a_page_tail():
    text = ("正文一段，内容很长很长很长很长很长很长很长很长很长很长，说完了。\n活动得到了各界的支持。\n"
            "６月７日，他向项目捐款两千元，让孩子们快乐奔跑！\n")
    assert _run(text)[1] == []


def test_symbol_only_lines_and_placeholders_are_debris():
    assert boilerplate.is_debris("☆☆ ＜＜ ☆☆") and boilerplate.is_debris("〔照〕")
    assert not boilerplate.is_debris("（三）") and not boilerplate.is_debris("共计三人")


def test_a_row_of_bracketed_buttons_is_a_widget():
    assert boilerplate.is_widget_line("【放进书架】【退出页面】")
    assert not boilerplate.is_widget_line("【社评】全市春耕生产有序推进")


PAGE_WITH_UNKNOWN_WIDGETS = """城郊新建三座污水处理厂投入运行
2022-09-14 来源：某某晚报
切换背景色
城郊三座新建污水处理厂本周正式投入运行，日处理能力合计达到十二万吨。
项目总投资约四亿元，配套管网同步建成，覆盖周边六个街道。
责任编辑：某某
旧网页版
留言给编辑
另一篇报道的标题在这里
2022-09-15 来源：某某晚报
第二篇报道的正文很长很长很长很长很长很长很长很长很长很长很长很长很长。
"""


def test_short_plain_lines_are_dropped_by_position_around_articles():
    out, edits = _run(PAGE_WITH_UNKNOWN_WIDGETS)
    kept = _kept(out)
    assert kept == [
        "城郊新建三座污水处理厂投入运行",
        "2022-09-14 来源：某某晚报",
        "城郊三座新建污水处理厂本周正式投入运行，日处理能力合计达到十二万吨。",
        "项目总投资约四亿元，配套管网同步建成，覆盖周边六个街道。",
        "责任编辑：某某",
        "另一篇报道的标题在这里",
        "2022-09-15 来源：某某晚报",
        "第二篇报道的正文很长很长很长很长很长很长很长很长很长很长很长很长很长。",
    ]
    assert {"header-furniture", "between-articles"} <= {e.rule for e in edits}


def test_headings_and_short_lines_inside_a_body_stay():
    text = (
        "某县召开秋粮收购工作会议\n2022-10-01 来源：某某日报\n一、稳定收购价格\n"
        "会议要求各收储企业严格执行最低收购价政策，确保农民售粮不吃亏。\n收购网点\n开放时间\n"
        "全县共设收购网点四十二个，每天早七点至晚六点开放，节假日不休息。\n"
    )
    out, _ = _run(text)
    assert _kept(out) == [line for line in text.split("\n") if line]


def test_previous_next_pairs_go_but_other_labelled_pairs_stay():
    assert boilerplate.is_nav_pair("上一期：某刊第三期目录", "下一期：某刊第五期目录")
    assert not boilerplate.is_nav_pair("甲方：某某公司", "乙方：某某个人")
    assert not boilerplate.is_nav_pair("上午：开幕式", "下午：分组讨论")
    out, edits = _run("某地出台新规\n2022-01-01 来源：某报\n新规自下月起施行，涉及全市所有住宅小区。\n前一页面：老旧小区改造加快推进\n后一页面：公交线路调整方案公布\n")
    assert [e.rule for e in edits] == ["nav-link", "nav-link"]


_BODY = "记者从市交通局获悉，全市将新开三条公交线路，方便市民出行，预计下月初投入运营。\n"
_BODY_2 = _BODY.replace("三条", "四条")  # a second paragraph, not a repeat of the first


def test_dotted_crumbs_above_the_title_go_and_the_site_becomes_the_source_hint():
    out, _ = _run("江北晨报 · 本地 · 正文\n全市新开三条公交线路\n2024-03-01\n" + _BODY)
    assert out.lines[0] == "" and out.lines[1] == "全市新开三条公交线路"
    assert out.hints.source == "江北晨报"


def test_a_dotted_title_with_prose_under_it_stays():
    out, _ = _run("春运 · 归途 · 特写\n" + _BODY)
    assert out.lines[0] == "春运 · 归途 · 特写"


def test_a_labelled_crumb_names_no_publisher():
    out, _ = _run("栏目导航 本地 / 交通动态 / 正文\n全市新开三条公交线路\n2024-03-01\n" + _BODY)
    assert out.lines[0] == "" and out.hints.source is None


def test_a_widget_row_under_a_question_title_and_its_header_goes():
    text = "全市公交要涨价吗？\n2024-03-01 来源：江北晨报\n寄给好友 | 加入收藏\n一、票价方案\n" + _BODY
    out, edits = _run(text)
    assert out.lines[2] == "" and out.lines[3] == "一、票价方案"
    assert [e.rule for e in edits] == ["header-furniture"]


def test_a_title_with_only_a_byline_under_it_survives_a_run_of_link_lines():
    links = "".join(f"某地第{n}条新闻标题文字\n" for n in "一二三四五")
    out, _ = _run(_BODY + links + "全市新开三条公交线路\n记者 林海\n" + _BODY_2)
    kept = _kept(out)
    assert "全市新开三条公交线路" in kept and not any("条新闻标题" in line for line in kept)


def test_a_related_block_under_an_unknown_label_goes_up_to_the_next_title_past_its_widget_row():
    headlines = "某市地铁五号线今日开通运营\n高温天气持续多地发布预警\n全省高考报名人数创历史新高\n"
    text = _BODY + "本类热文\n" + headlines + "全市新开四条公交线路\n【调大】【调小】\n" + _BODY_2
    out, edits = _run(text)
    kept = _kept(out)
    assert kept == [_BODY.strip(), "全市新开四条公交线路", _BODY_2.strip()]
    assert sum(e.rule == "related-block" for e in edits) == 4


@pytest.mark.parametrize("points", [
    "主要措施\n加快推进城市更新\n全面提升公共服务\n持续优化营商环境\n",  # short points under a heading
    "他给学生们提了几条建议：\n毕业前学会写作\n毕业前学会一门编程语言\n学习有大量编程实践的课程\n不要担心工作都跑到国外去了\n",
])
def test_a_list_inside_an_article_stays(points):
    """Short points, or a list the text introduces with a colon, are not a menu or a related block."""
    out, _ = _run(_BODY + points + _BODY_2)
    assert all(line in out.lines for line in points.splitlines())


def test_one_widget_line_after_the_closing_credits_goes_but_prose_after_credits_keeps_them():
    out, edits = _run(_BODY + "责任编辑：周丽\n收听本文\n")
    assert "收听本文" not in out.lines and [e.rule for e in edits] == ["after-credits"]
    kept, _ = _run(_BODY + "责任编辑：周丽\n附记\n" + _BODY_2)
    assert "附记" in kept.lines


def test_two_crumbs_joined_by_an_arrow_above_the_title_go_but_not_in_the_body():
    out, _ = _run("地方频道 > 正文\n全市新开三条公交线路\n2024-03-01\n" + _BODY)
    assert out.lines[0] == "" and out.lines[1] == "全市新开三条公交线路"
    body, _ = _run(_BODY + "成本 > 收益\n" + _BODY_2)
    assert "成本 > 收益" in body.lines


def test_the_tail_after_credits_of_several_lines_goes():
    out, edits = _run(_BODY + "2024-03-01 来源：江北晨报\n(责编:周丽)\n收听本文\n")
    assert "收听本文" not in out.lines and [e.rule for e in edits] == ["after-credits"]


def test_a_bar_of_short_buttons_under_a_title_without_metadata_goes_but_a_subtitle_stays():
    out, edits = _run("全市新开三条公交线路\n速览 | 存档本页\n" + _BODY)
    assert out.lines[1] == "" and [e.rule for e in edits] == ["header-furniture"]
    kept, _ = _run("全市新开三条公交线路\n方便市民出行\n" + _BODY)
    assert kept.lines[1] == "方便市民出行"


def test_a_widget_line_between_the_last_paragraph_and_the_previous_next_links_goes():
    out, edits = _run(_BODY + "收听本文\n前一则：某市召开安全生产会议\n后一则：某县发布防汛通知\n")
    assert _kept(out) == [_BODY.strip()]
    assert [e.rule for e in edits] == ["before-nav", "nav-link", "nav-link"]


def test_a_title_over_a_bar_of_buttons_ends_a_related_block_and_is_kept():
    headlines = "某市地铁五号线今日开通运营\n高温天气持续多地发布预警\n全省高考报名人数创历史新高\n"
    text = _BODY + "本类热文\n" + headlines + "全市新开四条公交线路\n速览 | 存档本页\n" + _BODY_2
    out, _ = _run(text)
    assert "全市新开四条公交线路" in out.lines and "高温天气持续多地发布预警" not in out.lines


def test_a_tab_bar_and_a_widget_line_with_a_comma_under_the_header_go():
    text = "全市新开三条公交线路\n2024-03-01 来源：江北晨报\n速览，存档本页\n" + _BODY + "线路图 | 时刻表 | 票价表\n"
    out, _ = _run(text)
    assert _kept(out) == ["全市新开三条公交线路", "2024-03-01 来源：江北晨报", _BODY.strip()]


def test_a_line_that_loses_debris_and_is_then_dropped_is_one_edit_of_the_line_as_received():
    line = "| 线路图 | 时刻表 | 票价表 |"
    out, edits = _run(_BODY + line + "\n")
    assert [(e.rule, e.before) for e in edits] == [("link-list", line)]


def test_a_sentence_with_one_ordinary_footer_word_stays_but_a_disclaimer_goes():
    """联系我们 or 技术支持 in the article's prose is the article's; "this site" disclaimers are not."""
    article = (
        "某县开展秋季防火宣传\n2023-10-08 来源：某某日报\n"
        "在华为公司的技术支持下，全县防火监测平台已经投入使用，覆盖所有林区。\n"
        "如果群众发现火情，欢迎联系我们，值班人员将第一时间赶到现场处置。\n"
    )
    disclaimer = "本文内容由用户上传，仅代表作者本人观点，本站仅提供信息存储空间服务。\n"
    out, edits = _run(article + disclaimer)
    assert _kept(out) == article.strip().split("\n")
    assert [e.rule for e in edits] == ["footer"]


@pytest.mark.parametrize("footer", ["沪网文〔2023〕1234-056号", "网络视听许可证0109384号", "您是第1234567位访问者", "Co. Regn. No. 198402868E"])
def test_licence_numbers_and_visitor_counters_are_footers(footer):
    out, _ = _run(f"某市举行马拉松比赛\n2023-10-08 来源：某某日报\n两万名选手参加了今天的比赛，赛事秩序良好。\n{footer}\n")
    assert footer not in out.lines


@pytest.mark.parametrize("widget", ["阅读 10万+", "赞(0)", "回复(3) 收起回复", "+ 关注", "上一张 下一张", "视频加载中，请稍候..."])
def test_counters_follow_buttons_and_gallery_controls_are_widgets(widget):
    assert boilerplate.is_widget_line(widget)


@pytest.mark.parametrize("line", ["2024", "关注2024两会", "阅读让生活更美好"])
def test_numbers_and_headings_are_not_counters(line):
    assert not boilerplate.is_widget_line(line)


def test_a_labelled_section_goes_and_names_no_source():
    out, edits = _run("所在栏目：综合资讯\n某市举行马拉松比赛\n两万名选手参加了今天的比赛，赛事秩序良好。\n")
    assert _kept(out)[0] == "某市举行马拉松比赛" and [e.rule for e in edits] == ["breadcrumb"]
    assert out.hints.source is None


@pytest.mark.parametrize("crumbs, source", [("资讯中心 > 财经 > 车闻", None), ("数字报 > 第04版：要闻", None), ("某县融媒体中心 > 要闻", "某县融媒体中心")])
def test_only_an_outlet_root_becomes_the_source_hint(crumbs, source):
    out, _ = _run(f"{crumbs}\n某市举行马拉松比赛\n两万名选手参加了今天的比赛，赛事秩序良好。\n")
    assert crumbs not in out.lines and out.hints.source == source


def test_javascript_pseudo_links_are_debris():
    out, _ = _run("某市举行马拉松比赛\n两万名选手参加了今天的比赛，赛事秩序良好。\njavascript:void(0);\n")
    assert _kept(out) == ["某市举行马拉松比赛", "两万名选手参加了今天的比赛，赛事秩序良好。"]


@pytest.mark.parametrize("crumbs", ["新闻中心》国内新闻》正文", "首页／新闻／本地", "新闻中心 · 正文", "<< 返回新闻列表"])
def test_crumbs_in_other_separators_above_a_title_go(crumbs):
    out, _ = _run(f"{crumbs}\n某市举行马拉松比赛\n2023-10-08 来源：某某日报\n两万名选手参加了今天的比赛，赛事秩序良好。\n")
    assert _kept(out)[0] == "某市举行马拉松比赛"


def test_book_titles_joined_by_their_marks_are_not_crumbs():
    assert boilerplate.breadcrumb_root("《论语》《孟子》《大学》") is None


_STORY = "某市举行马拉松比赛\n2023-10-08 来源：某某日报\n两万名选手参加了今天的比赛，赛事秩序良好，市民沿途加油助威。\n"


def test_a_comment_thread_under_its_header_goes_up_to_the_next_article():
    thread = "热门评论 12\n张三丰\n这次比赛组织得真不错，明年还来参加。\n3小时前\n回复\n赞 12\n李四\n路线设计很合理，补给也充足。\n5小时前\n回复\n"
    second = "某县举办农民丰收节\n2023-10-09 来源：某某日报\n丰收节上展出了全县二十多个乡镇的特色农产品。\n"
    out, edits = _run(_STORY + thread + second)
    assert _kept(out) == (_STORY + second).strip().split("\n")
    assert {e.rule for e in edits} == {"comment-thread"}


def test_a_comment_header_without_time_stamps_is_not_a_thread():
    text = _STORY + "评论\n专家认为，这次比赛的组织水平明显提高，值得其他城市借鉴。\n"
    out, _ = _run(text)
    assert "专家认为，这次比赛的组织水平明显提高，值得其他城市借鉴。" in out.lines


def test_headlines_over_bare_dates_after_the_article_are_a_link_list():
    dated = "".join(f"某地第{n}条新闻的标题在这里\n2019-09-0{n}\n" for n in range(1, 5))
    out, edits = _run(_STORY + dated)
    assert _kept(out) == _STORY.strip().split("\n") and {e.rule for e in edits} == {"dated-link-list"}


def test_a_timeline_of_dates_over_events_stays():
    timeline = "".join(f"2019-09-0{n}\n第{n}阶段工作全面启动，各部门按计划推进落实。\n" for n in range(1, 5))
    out, _ = _run(_STORY + timeline)
    assert _kept(out) == (_STORY + timeline).strip().split("\n")


_FEED = "".join(f"网友{n}\n今天 12:0{n}:30\n今天股市表现平稳，成交量有所放大。\n" for n in range(1, 6))


def test_a_feed_of_stamped_posts_after_the_article_goes():
    out, edits = _run(_STORY + _FEED)
    assert _kept(out) == _STORY.strip().split("\n") and {e.rule for e in edits} == {"stamped-feed"}


def test_stamps_with_no_article_before_them_and_clock_times_in_a_live_report_stay():
    out, _ = _run(_FEED)
    assert _kept(out) == _FEED.strip().split("\n")
    live = "".join(f"10:0{n}\n第{n}名选手冲过终点，现场观众热烈鼓掌，气氛十分热烈。\n" for n in range(1, 6))
    out, _ = _run(_STORY + live)  # each time stays, joined to the entry it heads
    assert _kept(out) == _STORY.strip().split("\n") + [f"10:0{n} 第{n}名选手冲过终点，现场观众热烈鼓掌，气氛十分热烈。" for n in range(1, 6)]


def test_a_row_of_unknown_buttons_under_the_header_goes_whatever_its_words():
    title, meta, body = _STORY.strip().split("\n")
    row = "晴雨表 放大镜 收音机 回形针 望远镜 指南针"  # no word of the vocabulary, longer than a short line
    assert not boilerplate.is_widget_line(row)
    out, edits = _run("\n".join([title, meta, row, body]) + "\n")
    assert _kept(out) == [title, meta, body] and {e.rule for e in edits} == {"header-furniture"}


def test_a_table_row_inside_the_article_is_not_a_button_row_to_drop():
    header = "排名 城市 人口 面积 增速"
    text = _STORY + "下表列出了参赛人数最多的五个城市的情况。\n" + header + "\n其中，本市的参赛人数连续三年位居第一。\n"
    out, edits = _run(text)
    assert header in _kept(out) and not edits


def test_a_header_with_fields_between_spaces_is_not_a_button_row():
    assert not boilerplate.is_button_row("2023-10-08 10:30 来源：某某日报 作者：张三")
    assert boilerplate.is_button_row("Facebook Twitter LINE WhatsApp")


_NAV = "上一篇：某县举办农民丰收节\n下一篇：某区开展消防安全演练\nCopyright © 2023 某某日报社\n"
_NOTICE = "以上内容由合作方提供，所涉观点与我们的编辑方针并无关联，请读者自行判断其真实性。\n"


def test_prose_after_the_page_end_links_and_footer_is_a_notice():
    out, edits = _run(_STORY + _NAV + _NOTICE)
    assert _kept(out) == _STORY.strip().split("\n")
    assert [e.rule for e in edits if e.before.strip() == _NOTICE.strip()] == ["after-page-end"]


def test_prose_after_the_page_end_blocks_stays_when_it_goes_on_like_an_article():
    more = "".join(f"第{n}段补充说明了比赛当天的交通管制、志愿服务和医疗保障等安排。\n" for n in "一二三四")
    out, _ = _run(_STORY + _NAV + more)
    assert _kept(out)[-4:] == more.strip().split("\n")


def test_the_last_paragraph_without_page_end_blocks_above_it_stays():
    out, edits = _run(_STORY + _NOTICE)
    assert _kept(out) == (_STORY + _NOTICE).strip().split("\n") and not edits


def test_a_notice_between_two_footer_lines_goes_too():
    out, edits = _run(_STORY + _NAV + _NOTICE + "Copyright © 2024 某某日报社\n")
    assert _kept(out) == _STORY.strip().split("\n")
    assert [e.rule for e in edits if e.before.strip() == _NOTICE.strip()] == ["after-page-end"]


def test_a_link_or_data_uri_on_a_line_of_its_own_is_debris_but_a_model_name_is_not():
    link = "https://img.example.com/upload/2023/10/08/a1b2c3d4.jpg"
    last = "新款手机的销量在比赛期间也明显上升，商家纷纷推出优惠活动。\n"
    out, edits = _run(_STORY + link + "\niPhone15\n" + last)  # between paragraphs: no page tail
    assert link not in _kept(out) and "iPhone15" in _kept(out)
    assert {e.rule for e in edits} == {"table-debris"}


def test_a_title_over_a_short_label_after_the_credits_is_the_next_article_not_a_page_tail():
    first = "某市举行马拉松比赛\n2023-10-08 来源：某某日报\n两万名选手参加了今天的比赛，赛事秩序良好。\n（责任编辑：王明）\n"
    second = "某县举办农民丰收节庆祝活动\n指南针 罗盘\n丰收节上展出了全县二十多个乡镇的特色农产品，吸引了大批市民。\n"
    out, _ = _run(first + second)
    assert "某县举办农民丰收节庆祝活动" in _kept(out)


SIDEBAR_AFTER_ARTICLE = """某地启动老旧小区改造工程
2022-03-01 10:00
今年全市计划改造老旧小区一百二十个，涉及居民两万余户，工程将于年底前完工。
改造内容包括管网更新、加装电梯和外墙保温，居民可通过社区提出意见。
责任编辑：周七
猜你喜欢
某县举办春季招聘会，岗位三千余个
2022-03-01 09:40
本地民生
暴雨过后，这条路终于修好了
2022-03-01 09:12
城事
某校学生获全国竞赛一等奖
2022-02-28 18:20
最新评论
网友甲
2022-03-01 11:02
说得好
"""


def test_headlines_dates_and_labels_between_page_end_blocks_go():
    out, edits = _run(SIDEBAR_AFTER_ARTICLE)
    kept = _kept(out)
    assert kept[:5] == SIDEBAR_AFTER_ARTICLE.splitlines()[:5]  # the article and its editor line
    assert not any("2022-03-01 09" in line or "修好了" in line or line == "城事" for line in kept)
    assert "list-after-page-end" in {e.rule for e in edits}


def test_an_article_after_a_related_list_is_no_sidebar():
    text = SIDEBAR_AFTER_ARTICLE.split("最新评论")[0] + (
        "第二篇文章的标题在这里\n2022-03-02 08:00\n"
        "第二篇文章的正文很长，讲述了城市更新的新进展，居民们纷纷点赞，工程按期推进。\n")
    kept = _kept(_run(text)[0])
    assert kept[-3:] == ["第二篇文章的标题在这里", "2022-03-02 08:00", text.splitlines()[-1]]


def test_a_title_over_share_counters_is_kept():
    text = ("首页\n国内\n国际\n财经\n体育\n某市地铁三号线今日开通运营\n分享到：\n9\n70\n2019-09-09 19:32:27\n"
            "记者从市轨道交通集团获悉，三号线全长二十多公里，设站十八座，今日起载客运营。\n")
    kept = _kept(_run(text)[0])
    assert kept[0] == "某市地铁三号线今日开通运营"
    assert "国内" not in kept


def test_a_breadcrumb_printed_one_crumb_per_line_goes():
    text = ("首页\n>\n广播频道\n>\n早间要闻\n某部门发布新版装备管理规定\n2022-02-13 07:00:00\n"
            "新版规定共十一章五十六条，自二月十日起施行，规范了新体制下的管理工作。\n")
    kept = _kept(_run(text)[0])
    assert kept[0] == "某部门发布新版装备管理规定"
    prose = "申请流程如下，请按步骤办理，材料齐全的当场受理，不齐全的一次告知。\n"
    kept = _kept(_run(prose + "网上申请\n→\n窗口审核\n→\n发放证照\n" + prose.replace("如下", "说明"))[0])
    assert {"网上申请", "窗口审核", "发放证照"} <= set(kept)  # arrows in an article draw a flow, not a breadcrumb


def test_comments_stamped_with_dates_among_their_buttons_go():
    text = _STORY + ("热门评论（36）\n用户5128***：免费的东西就是容易被浪费，素质有待提高\n2012-06-25 09:14　回复　赞 128\n"
                     "海边的风：支持市南区，希望能坚持下去\n2012-06-25 10:02　回复　赞 57\n")
    out, edits = _run(text)
    assert _kept(out) == _kept(_run(_STORY)[0])
    assert {e.rule for e in edits if "海边的风" in e.before} == {"comment-thread"}


def test_a_second_copy_of_the_article_cut_at_other_places_goes():
    first = ("某台北京2月13日消息 据本台报道，有关部门日前发布新规定，自2月10日起施行。\n"
             "规定共十一章五十六条，规范了新体制下的管理机制，调整了考核标准。\n")
    copy = ("有关部门日前发布新规定，自2月10日起施行。\n"
            "规定共十一章五十六条，规范了新体制下的管理机制，调整了考核标准。\n")
    out, edits = _run(_STORY + first + copy)
    assert _kept(out) == _kept(_run(_STORY + first)[0])
    assert {e.rule for e in edits} == {"duplicate-paragraph"}
    summary = "有关部门日前发布新规定。记者注意到，新规定明确了考核标准。\n"  # some clauses new: no copy
    assert summary.strip() in _kept(_run(_STORY + first + summary)[0])


def test_a_widget_row_among_the_header_s_credits_goes_but_a_subtitle_stays():
    text = ("出借银行卡“赚快钱”？几名大学生栽了\n发布时间：2024-03-15 17:40　　来源：某某检察\n点击上方蓝字 关注我们\n文/李小婧\n"
            "“只要把银行卡借出去几天，每张卡就能拿到一两千元‘好处费’。”面对诱惑，几名大学生动了心。\n")
    out, edits = _run(text)
    assert "点击上方蓝字 关注我们" not in _kept(out)
    subtitled = "某县春茶开采正当时\n茶园飘香富茶农\n2022-03-28 来源：某县融媒体中心\n春分过后，各地茶园陆续进入春茶采摘期，茶农们穿梭在茶垄间采摘新芽。\n"
    assert "茶园飘香富茶农" in _kept(_run(subtitled)[0])


def test_a_comment_section_named_for_its_readers_goes():
    thread = ("球迷评论（86）　最热 | 最新\n吉林老球迷　02-16 23:05\n大唐这状态真是可惜了，膝伤之后就没找回来。\n回复　赞(35)\n"
              "江苏龙骑士　02-16 23:12\n关键时刻把台柱按在板凳上，也是没办法。\n回复　赞(12)\n")
    out, edits = _run(_STORY + thread)
    assert _kept(out) == _kept(_run(_STORY)[0])


def test_the_repost_disclaimer_is_a_footer():
    assert boilerplate.is_footer_line("声明：本网转载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。")
    assert not boilerplate.is_footer_line("他表示，这次交流的目的是传递更多信息，促进合作。")


def test_a_protected_line_stays_in_a_breadcrumb_printed_one_crumb_per_line():
    text = "首页\n>\n广播频道\n>\n早间要闻\n某部门发布新版装备管理规定\n2022-02-13 07:00:00\n新版规定共十一章五十六条，自二月十日起施行。\n"
    kept = _kept(_run(text, protect=("早间要闻",))[0])
    assert "早间要闻" in kept and "广播频道" not in kept


def test_a_protected_line_stays_inside_a_dropped_block_and_a_chrome_run():
    text = (
        "标题\n正文第一段，说明事情的经过。正文第二句也写在这里。\n相关阅读\n某地举行春季招聘会\n本报声明：转载须注明出处\n"
        "某市公布新规\n网友评论\n网友甲　02-16 23:05\n写得好\n回复　赞\n网友乙　02-16 23:08\n不同意\n回复　赞\n"
    )
    kept = _kept(_run(text, protect=("本报声明", "写得好"))[0])
    assert "本报声明：转载须注明出处" in kept and "写得好" in kept
    assert not {"相关阅读", "某市公布新规", "网友评论", "不同意"} & set(kept)


# ------------------------------------------------------- furniture of unseen sites (session 7)


def test_long_share_rows_and_font_size_buttons_go_but_words_with_letters_stay():
    assert boilerplate.is_widget_line("分享到：Facebook　WhatsApp　Telegram　X　复制链接　　字体大小 A A A")
    assert boilerplate.is_widget_line("分享 facebook LINE Twitter") and boilerplate.is_widget_line("广告")
    assert not boilerplate.is_widget_line("A股") and not boilerplate.is_widget_line("iPhone X")
    assert boilerplate.is_footer_line("苏ICP备12345678号-2")  # a Latin word's boundary only where it has letters


def test_video_player_controls_and_app_prompts():
    for line in ("播放", "00:00 / 02:47", "倍速　0.5x　1.0x　1.25x　2.0x", "清晰度　标清　高清", "全屏　　下载某某视频客户端", "打开某某App"):
        assert boilerplate.is_widget_line(line), line
    assert not boilerplate.is_widget_line("下载量突破1.5亿次")


def test_a_summary_repeating_the_opening_goes_and_an_independent_one_stays():
    text = ("标题：某市新建公园二十座\n摘要：据介绍，今年全市新建公园二十座，绿地面积继续……\n正文：\n"
            "据介绍，今年全市新建公园二十座，绿地面积继续扩大，市民休闲去处更多了。\n")
    out, edits = _run(text)
    assert "summary-teaser" in {e.rule for e in edits} and not any("摘要" in line for line in _kept(out))
    text = "标题：某市新建公园二十座\n摘要：全市公园数量再创新高。\n据介绍，今年全市新建公园二十座，绿地面积继续扩大。\n"
    out, _ = _run(text)
    assert "摘要：全市公园数量再创新高。" in _kept(out)


def test_other_articles_headers_emails_and_cache_banners():
    assert boilerplate.related_header("同一作者的其他文章：") and not boilerplate.related_header("其他文章的作者说明如下")
    assert boilerplate.is_machine_token("reporter@example.com")
    out, _ = _run("网页快照\n这是 http://www.example.com/a.html 的快照。快照是网页在服务器上的存档，当前页面可能已经更改。\n"
                  "某地举行龙舟赛\n端午节当天，某地举行龙舟赛，二十支队伍参赛，吸引上万名市民观看。\n")
    assert _kept(out) == ["某地举行龙舟赛", "端午节当天，某地举行龙舟赛，二十支队伍参赛，吸引上万名市民观看。"]


def test_tickers_and_product_button_rows_go_but_an_articles_table_row_stays():
    assert boilerplate.is_ticker_line("上证指数 3018.80 ↑17.37 (+0.58%)　深证成指 9681.26 ↓19.54 (-0.20%)")
    assert not boilerplate.is_ticker_line("一季度 5.3%　二季度 4.7%　三季度 4.9%")
    assert boilerplate.is_widget_line("某款新车　指导价：12.98万　[询底价]　[参数配置]　[车型对比]")
    assert not boilerplate.is_widget_line("会议要求，做好【一】【二】【三】项工作。")


def test_comments_stamped_with_bare_dates_and_reply_buttons_go_but_the_next_article_stays():
    text = ("某市推进旧车换新\n2024-06-18 20:05 来源：某某网\n今年以来，全市共回收旧车一万余辆，补贴资金已全部发放到位，市民反响良好。\n"
            "热门跟贴\n某省某市网友\n2024-06-18 21:14\n我们这里补贴三百元，挺划算的。\n回复　赞 56\n"
            "骑车的老张\n2024-06-18 22:40\n旧车没上过牌的怎么办？\n回复　赞 31\n")
    out, _ = _run(text)
    assert not any("划算" in line or "老张" in line for line in _kept(out))
    assert boilerplate.comment_header("我要评论") and not boilerplate.comment_header("赞 在看 写留言")
    text = ("某市推进旧车换新\n2024-06-18 来源：某某网\n今年以来，全市共回收旧车一万余辆，补贴资金已全部发放到位。\n赞 在看 写留言\n"
            "今日焦点\n某地举办龙舟赛\n2024-06-19\n来源：某某报\n端午节当天，某地举办龙舟赛，二十支队伍参赛，上万名市民观看。\n赞 在看 写留言\n")
    out, _ = _run(text)
    assert "端午节当天，某地举办龙舟赛，二十支队伍参赛，上万名市民观看。" in _kept(out)


def test_self_media_disclaimers_are_footers():
    assert boilerplate.is_footer_line("特别声明：本文为某自媒体平台作者上传并发布，仅代表该作者观点。某某仅提供信息发布平台。")
    assert not boilerplate.is_footer_line("当地积极发展自媒体平台，吸引了大量年轻人参与内容创作，效果显著。")


def test_comment_stamps_with_the_posters_region_and_inline_related_links():
    text = ("某市推出骑手驿站\n2024-07-22 18:40 来源：某某新闻\n全市首批二十座骑手驿站今天投用，提供饮水、充电和休息座椅，方便户外劳动者。\n"
            "相关阅读\n户外劳动者防暑降温费标准公布\n评论（58）\n最热　最新\n钱塘小鱼\n07-22 19:03 · 浙江\n辛苦了，以后点外卖尽量多给点时间。\n"
            "回复　点赞 412\n阿木\n07-22 19:26 · 江苏\n老小区没电梯真的难。\n回复　点赞 88\n城西打工人\n07-22 20:11 · 浙江\n骑手驿站我去过，挺好的。\n")
    out, _ = _run(text)
    assert _kept(out)[-1].startswith("全市首批二十座骑手驿站今天投用")
    assert boilerplate.is_related_link("延伸阅读：某市的士司机平均年龄逾六十 业界倡引入外地司机")
    assert not boilerplate.is_related_link("相关新闻：记者从会上获悉，全市今年将新建学校十所。")


def test_a_sub_heading_over_the_first_paragraph_is_no_widget_row_when_the_article_has_more():
    text = ("某市公厕提供免费手纸\n来源：某某早报　2012-06-25 07:05\n景点公厕有了免费手纸\n"
            "端午小长假，一些细心的游客发现，前海一线一些景区的公厕有了免费提供的卫生纸。\n免费手纸消耗很快\n"
            "管理员介绍说，广场客流量大，所以免费卫生纸的使用速度非常快，每天要补充好几次。\n")
    out, _ = _run(text)
    assert "景点公厕有了免费手纸" in _kept(out)
    text = ("某市公厕提供免费手纸\n来源：某某早报　2012-06-25 07:05\n听新闻　夜间模式\n"
            "端午小长假，一些细心的游客发现，前海一线一些景区的公厕有了免费提供的卫生纸。\n免费手纸消耗很快\n"
            "管理员介绍说，广场客流量大，所以免费卫生纸的使用速度非常快，每天要补充好几次。\n")
    out, _ = _run(text)
    assert "听新闻　夜间模式" not in _kept(out)


# ------------------------------------------------------- forum threads (session 8)

_THREAD = (
    "[转帖] 江心岛渡口恢复夜航 [复制链接]\n"
    "渡口观察员\n"
    "楼主 发表于 2019-3-2 08:15 | 只看该作者 | 倒序浏览\n"
    "本帖最后由 渡口观察员 于 2019-3-2 08:20 编辑\n"
    "江心岛渡口自本月起恢复夜间航班，末班船延后至晚上十点。\n"
    "渡口管理处表示，夜航期间每船配备两名安全员。\n"
    "渡口观察员 帖子 88 积分 960\n"
    "回复 使用道具 举报\n"
    "江边老李\n"
    "沙发 发表于 2019-3-2 09:01 | 只看该作者\n"
    "终于等到了，下班再也不用绕远路。\n"
    "回复 支持 反对 举报\n"
    "夜猫子\n"
    "3# 发表于 2019-3-2 09:40\n"
    "希望周末也能延长。\n"
    "回复 支持 反对 举报\n"
)


def test_a_forum_thread_keeps_its_opening_post_and_drops_the_replies():
    out, edits = _run(_THREAD)
    kept = _kept(out)
    assert "江心岛渡口自本月起恢复夜间航班，末班船延后至晚上十点。" in kept
    assert "渡口管理处表示，夜航期间每船配备两名安全员。" in kept
    assert "[转帖] 江心岛渡口恢复夜航" in kept  # the button goes, the title stays (segmentation drops the tag)
    for gone in ("渡口观察员", "本帖最后由 渡口观察员 于 2019-3-2 08:20 编辑", "渡口观察员 帖子 88 积分 960", "江边老李", "终于等到了，下班再也不用绕远路。", "夜猫子", "希望周末也能延长。"):
        assert gone not in kept
    assert {"forum-replies", "forum-poster", "forum-furniture", "inline-button"} <= {e.rule for e in edits}


def test_posted_dates_without_a_forum_floor_or_tools_are_an_articles_not_replies():
    text = "第一篇博文的标题\n发表于 2019-3-2 08:15\n第一篇的正文，写了一些事情。\n第二篇博文的标题\n发表于 2019-3-5 10:00\n第二篇的正文，又写了一些事情。\n"
    assert _kept(_run(text)[0]) == [line for line in text.splitlines()]


def test_a_forum_thread_becomes_one_article_with_the_opening_posts_date_and_untagged_title():
    articles = clean(_THREAD).articles
    assert len(articles) == 1
    article = articles[0]
    assert article.title == "江心岛渡口恢复夜航" and article.date.startswith("2019-03-02T08:15")
    assert len(article.paragraphs) == 2


def test_a_reposters_disclaimer_is_a_footer_but_a_sentence_about_copyright_is_not():
    assert boilerplate.is_footer_line("已导出 3 条。本文件由某阅读器自动生成，内容版权归原作者所有。")
    assert boilerplate.is_footer_line("图文来源网络，如有侵权请联系删除。")
    assert not boilerplate.is_footer_line("法院认定，涉案照片的著作权属于摄影师本人，被告应当赔偿损失。")


def test_a_label_over_its_value_becomes_one_metadata_line_with_both_edits_recorded():
    text = "某地新建三座桥梁\n发布时间：\n2023-05-06 08:30\n作者：\n安东尼\n正文第一段，说明事情的经过。\n"
    out, edits = _run(text)
    assert _kept(out)[:3] == ["某地新建三座桥梁", "发布时间：2023-05-06 08:30", "作者：安东尼"]
    assert [e.rule for e in edits].count("label-value") == 4
    assert replay(text.split("\n"), edits) == list(out.lines)
    article = clean(text).articles[0]
    assert article.author == "安东尼" and article.date.startswith("2023-05-06T08:30")


def test_a_label_over_a_sentence_or_another_field_is_left_alone():
    text = "某地新建三座桥梁\n作者：\n他说，这件事要从头讲起。\n来源：\n编辑：王五\n"
    assert not [e for e in _run(text)[1] if e.rule == "label-value"]


def test_bare_counts_above_the_article_go_but_numbers_in_the_body_stay():
    text = "某地新建三座桥梁\n2023-05-06 08:30\n15867\n正文第一段，说明事情的经过。\n2019\n正文第二段，继续说明。\n"
    kept = _kept(_run(text)[0])
    assert "15867" not in kept and "2019" in kept


def test_a_web_archives_toolbar_goes_and_the_page_under_it_stays():
    text = (
        "The Wayback Machine - https://web.archive.org/web/20120708031544/http://www.example.cn/a.htm\nINTERNET ARCHIVE\n"
        "Wayback Machine\nAbout this capture\nCOLLECTED BY\n某地试点垃圾分类\n2012年07月03日 08:12　来源：某某日报\n"
        "据介绍，试点小区将按袋计量收取垃圾处理费。\n市民对此看法不一，有人担心执行难度。\n"
    )
    kept = _kept(_run(text)[0])
    assert kept[0] == "某地试点垃圾分类" and "市民对此看法不一，有人担心执行难度。" in kept
    assert not any("Wayback" in line or "ARCHIVE" in line for line in kept)


def test_an_article_that_restates_its_headline_first_keeps_the_headline_after_a_link_list():
    text = (
        "正文最后一段，说明事情的经过。\n热门链接甲\n热门链接乙\n热门链接丙\n热门链接丁\n"
        "上海地铁提醒乘客注意着装引发讨论\n上海地铁提醒乘客注意着装，一条微博引来诸多非议。\n网友认为这种提醒并不妥当，地铁方面随后作出回应。\n"
        "时间:2011-08-17 11:59:43\n"
    )
    assert "上海地铁提醒乘客注意着装引发讨论" in _kept(_run(text)[0])


def test_a_notices_salutation_under_its_header_stays():
    text = "关于冬季开放时间调整的公告\n发布日期：2023年11月03日\n尊敬的观众：\n自11月6日起，本馆开放时间调整为每周二至周日9:00至17:00。\n特此公告。\n"
    assert "尊敬的观众：" in _kept(_run(text)[0])


def test_the_name_on_an_author_card_is_the_author_unless_a_byline_follows():
    card = "县城夜市为什么越来越热闹\n林予安\n城市规划从业者，关注县域经济与公共空间\n关注他\n{byline}今年夏天，我先后在三个县城各住了十天左右，几乎每晚都去逛夜市。\n"
    article = clean(card.format(byline="")).articles[0]
    assert article.author == "林予安" and article.paragraphs == ["今年夏天，我先后在三个县城各住了十天左右，几乎每晚都去逛夜市。"]
    assert clean(card.format(byline="文/周启航\n")).articles[0].author == "周启航"


def test_a_wiki_pages_chrome_goes_and_its_article_stays():
    text = (
        "某市开通首条跨江缆车 - 共笔新闻，自由的新闻源\n跳至导览　跳至搜寻\n某市开通首条跨江缆车\n出自共笔新闻，自由的新闻源\n2023年5月20日\n"
        "5月20日上午，某市首条跨江观光缆车正式开通运营，单程约8分钟。\n背景[编辑]\n缆车项目于2021年3月开工建设，总投资约4.5亿元。\n"
        "参考资料[编辑]\n《某某日报》：〈缆车今日开通〉，2023年5月20日\n分类：2023年5月20日 | 中国 | 交通\n"
        "本页面最后修订于2023年5月21日 (星期日) 08:14。\n本站的全部文字在知识共享 署名 2.5授权条款之条款下提供。\n"
    )
    article = clean(text).articles[0]
    assert article.title == "某市开通首条跨江缆车"
    assert article.paragraphs == ["5月20日上午，某市首条跨江观光缆车正式开通运营，单程约8分钟。", "背景", "缆车项目于2021年3月开工建设，总投资约4.5亿元。"]


def test_a_legal_qa_block_goes_with_its_answers_and_their_dates():
    text = (
        "房东不退押金怎么办\n来源：某某网　　作者：周某航律师\n租房时交押金是常见做法，但退租时房东拒不退还押金的情况屡见不鲜。\n"
        "以上内容仅供参考，不构成法律意见。\n相关问答\n问：合同到期退租，房东要扣押金，合理吗？\n律师回答：张某远律师 · 已帮助1,236人\n"
        "您好，属于合理损耗的，房东无权扣除押金。\n2023-10-28 16:02　　有用(12)\n问：押金条丢了还能要回押金吗？\n律师回答：李某律师 · 已帮助865人\n"
        "可以，转账记录、聊天记录等都能证明押金已交纳。\n2023-10-30 09:41　　有用(5)\n"
    )
    article = clean(text).articles[0]
    assert article.author == "周某航" and article.date is None
    assert article.paragraphs[0].startswith("租房时交押金") and not any("押金条丢了" in p or "合理损耗" in p for p in article.paragraphs)


def test_comments_numbered_by_floor_go_without_a_header():
    text = (
        "某某标题\n2012-07-25 21:48\n贴过膜的汽车玻璃强度是未贴膜的7倍，从车内更难砸开。\n"
        "评论　温馨提示：请文明发言\n1楼　开车的猫　2012-07-26 08:13\n谢谢博主，已经备了一个逃生锤。\n"
        "2楼　老秦　[博主回复]　2012-07-26 09:02\n买的时候挑个质量好的。\n"
    )
    kept = _kept(_run(text)[0])
    assert "贴过膜的汽车玻璃强度是未贴膜的7倍，从车内更难砸开。" in kept
    assert not any("逃生锤" in line or "质量好" in line for line in kept)


def test_an_english_name_in_a_chinese_header_goes_but_an_english_caption_in_the_text_stays():
    text = (
        "某某市工商业联合会\nSONGNING FEDERATION OF INDUSTRY & COMMERCE\n首页 | 商会概况 | 商会动态 | 联系我们\n"
        "市总商会召开五届三次会员大会\n发布时间：2023-11-07\n"
        "11月6日，市总商会五届三次会员大会在市民营经济服务中心召开，260余名会员代表参加会议。\n"
        "Members of the chamber at the annual meeting\n"
        "会议还对2023年度优秀会员企业和优秀商会工作者进行了表彰。\n"
    )
    (article,) = clean(text).articles
    assert "SONGNING" not in clean(text).text
    assert article.paragraphs[1] == "Members of the chamber at the annual meeting"


def test_comments_signed_and_stamped_on_one_line_go_with_their_header():
    text = (
        "某氏宗祠举行甲辰年清明祭祖大典\n发布时间：2024-04-05 来源：某氏宗亲网\n"
        "4月4日上午，某氏宗祠举行甲辰年清明祭祖大典，海内外宗亲六百余人参加。\n"
        "祭祖大典结束后，宗亲们参观了新落成的族谱陈列室。\n"
        "宗亲留言（2）\n林某华（澄阳）：祖德流芳！明年一定带孩子回来参加。　2024-04-06 21:13\n"
        "某氏后人：请问族谱陈列室什么时候开放？　2024-04-07 08:45\n"
    )
    (article,) = clean(text).articles
    assert article.paragraphs[-1] == "祭祖大典结束后，宗亲们参观了新落成的族谱陈列室。"


LIVE_ENTRIES = [
    ("11:42", "全程马拉松关门时间到。据组委会统计，本届赛事共有29316名跑者完赛。"),
    ("10:38", "男子全程马拉松冠军诞生！埃塞俄比亚选手以2小时10分47秒夺冠，刷新赛会纪录。"),
    ("09:48", "记者在30公里处看到，不少跑者开始出现抽筋症状，医疗志愿者正在为他们拉伸放松。"),
    ("08:56", "半程马拉松女子冠军诞生！本地选手以1小时13分50秒夺冠。"),
    ("07:30", "鸣枪！2023马拉松正式开跑。"),
]


def test_a_live_blog_entry_keeps_its_time_whether_printed_over_it_or_beside_it():
    lines = ["某市马拉松鸣枪开跑 3万名跑者畅跑滨江", "2023-11-05 06:30　来源：某某晚报",
             "11月5日7时30分，某市马拉松在市民广场鸣枪起跑，共有来自国内外的3万名跑者参赛。"]
    for n, (time, text) in enumerate(LIVE_ENTRIES):  # over the entry, beside it, two entries on one line
        lines += [time, text] if n < 3 else []
    lines.append(f"{LIVE_ENTRIES[3][0]}\u3000{LIVE_ENTRIES[3][1]}\u3000{LIVE_ENTRIES[4][0]}\u3000{LIVE_ENTRIES[4][1]}")
    result = clean("\n".join(lines))
    assert result.articles[0].paragraphs == [lines[2]] + [f"{time} {text}" for time, text in LIVE_ENTRIES]
    assert {e.rule for e in result.edits if e.pass_name == "boilerplate"} == {"entry-time"}
    assert clean(result.text).text == result.text


def test_a_time_under_a_date_or_a_poster_is_no_entry_time():
    dated = ["2024年3月14日（星期四）", "11:45", "正文第一段写在这里，说明了事情的来龙去脉。"]
    assert boilerplate.timed_entries(dated * 3) == ([], [])
    comments = ["网友甲", "10:15", "说得很对，支持这样的做法！"]
    assert boilerplate.timed_entries(comments * 3) == ([], [])
    assert boilerplate.timed_entries(["09:48", LIVE_ENTRIES[2][1], "08:56", LIVE_ENTRIES[3][1]]) == ([], [])  # two: too few


def test_a_short_headline_over_its_dash_subtitle_survives_the_menus_above_it():
    lines = ["山河行记 | 发现中国之美", "首页　人文　自然　城市　美食", "人文 / 寻访", "卤水人家", "——苍屿古盐井寻访记",
             "文｜何远舟　　摄影｜宋祈", "2023.11.21　　阅读约12分钟",
             "凌晨四点，卤水开始沸腾。苍屿县卤泉村的熬盐棚里，67岁的周守田往灶膛里添了一铲煤。",
             "苍屿县卤泉村坐落在县城西部的峡谷里，一条小河从村前流过，村里至今保留着几口古盐井。"]
    article = clean("\n".join(lines)).articles[0]
    assert (article.title, article.subtitle, article.date, article.author) == ("卤水人家", "——苍屿古盐井寻访记", "2023-11-21", "何远舟")
    assert article.paragraphs == lines[-2:]


def test_promotions_ending_in_an_arrow_and_one_line_comments_go():
    story = _STORY.strip().split("\n")
    tail = ["订阅《某某杂志》全年12期，立享8折 >>", "读者留言（2）", "行者阿朗：去年秋天去过那里，熬的盐真的有点回甜。　2023-11-22",
            "汀南小雨　11-07 20:13　　我们小区还没来人查，能打电话预约吗？　　👍 21　回复"]
    out, edits = _run("\n".join(story + tail) + "\n")
    assert _kept(out) == story
    assert {"arrow-link", "comment-thread"} <= {e.rule for e in edits}


def test_a_message_boards_labels_go_and_its_message_and_reply_stay():
    lines = ["关于老旧小区加装电梯补贴迟迟未发放的咨询", "| 留言编号 | TL2024030200418 |", "| 留言时间 | 2024-03-02 21:14:37 |", "留言内容：",
             "我们小区3号楼2单元去年加装了电梯，按规定可以申请补贴，但到现在已经过去了3个多月，补贴还没有发放。",
             "回复内容：", "答复单位：某市住房和城乡建设局　　答复时间：2024-03-12 10:26:05",
             "网友您好：", "您反映的问题已收悉。经核实，该项目已通过联合验收，补贴将在年度预算批复后统一拨付。"]
    article = clean("\n".join(lines)).articles[0]
    assert (article.title, article.subtitle, article.date) == (lines[0], None, "2024-03-02T21:14:37")
    assert article.paragraphs == [lines[4], lines[7], lines[8]]


def test_social_and_wordpress_comments_go():
    story = _STORY.strip().split("\n")
    facebook = ["3 条评论　　排序：最热门", "Alan Tan：旧街场那边停车真的难，搬去河边也好。 · 赞 · 回复 · 12小时",
                "Mei Ling Wong：希望卖古董的 uncle 也跟着搬过去。 · 赞 · 回复 · 10小时"]
    wordpress = ["2 Comments", "Lily W. · February 21, 2024 at 6:12 pm", "希望中文说明单张也放在图书馆，谢谢！", "Reply",
                 "Tom · February 22, 2024 at 9:05 am", "又涨价了，油价下来了也没见降过。", "Reply"]
    for tail in (facebook, wordpress):
        out, edits = _run("\n".join(story + tail) + "\n")
        assert _kept(out) == story and {e.rule for e in edits} == {"comment-thread"}


def test_a_box_about_the_expert_goes_and_the_credits_under_it_stay():
    story = _STORY.strip().split("\n")
    box = ["专家简介", "周敏，儿科主任医师，从事儿科临床工作25年，擅长儿童呼吸系统疾病的诊治。",
           "出诊时间：周二上午、周四全天（儿科专家门诊）　　[预约挂号]"]
    out, edits = _run("\n".join(story + box + ["责任编辑：林可"]) + "\n")
    assert _kept(out) == story + ["责任编辑：林可"] and {e.rule for e in edits} == {"bio-box"}
    inline = "（作者简介：宋其远，某某大学公共管理学院副教授，长期关注城市社区治理。）"
    out, _ = _run("\n".join(story + [inline]) + "\n")
    assert _kept(out) == story


def test_a_labelled_list_of_short_links_goes():
    assert boilerplate.is_link_list("热门楼盘：上海奥林匹克花园 | 保利林语溪 | 艺泰安邦 | 东方帕缇欧 | 澜岸华庭")
    assert boilerplate.is_tag_line("相关搜索：上海二手房价格 上海新楼盘 上海房价走势 上海外围新盘")
    assert not boilerplate.is_link_list("主要品种：大白菜、菠菜、黄瓜和西红柿的价格均有所下降。")


def test_a_blogs_comments_under_a_count_of_notes_and_a_related_list_of_dated_headlines_go():
    story = _STORY.strip().split("\n")
    comments = ["3 則留言", "阿凱　2023年11月3日", "支持長約！去年買的青山嶺日曬很好喝，期待蜜處理。",
                "小鹿咖啡館　2023年11月4日", "我們店裡的豆子也是山禾的，漲價可以理解。"]
    out, edits = _run("\n".join(story + comments) + "\n")
    assert _kept(out) == story and {e.rule for e in edits} == {"comment-thread"}
    related = ["Related Posts", "北岸华人社区举办春节游园会 2024-02-12", "新西兰最低工资4月起上调至23.15纽币 2024-02-08",
               "长白云周报　来源：长白云周报"]  # a dated headline goes on the list even over a line that reads as a header
    out, edits = _run("\n".join(story + related) + "\n")
    assert not set(related[:3]) & set(_kept(out))
    assert set(related[:3]) <= {e.before for e in edits if e.rule == "related-block"}


def test_a_feeds_comments_stamped_with_dotted_buttons_go():
    story = _STORY.strip().split("\n")
    comments = ["评论 57", "的哥老陈", "油价涨的时候我们多收一块，跌了也没人通知我们，反正都是公司定。", "07-18 17:20 · 回复 · 赞 213",
                "打车上班族", "航空燃油附加费都能联动，出租车为什么不行？", "07-18 18:02 · 回复 · 赞 96"]
    out, edits = _run("\n".join(story + comments) + "\n")
    assert _kept(out) == story and {e.rule for e in edits} == {"comment-thread"}


def test_a_portuguese_speaking_chinese_papers_furniture_goes():
    lines = ["寒潮来袭 圣保罗华人社团向街头露宿者捐赠千条毛毯 - 侨社动态 - 巴西华声报",
             "巴西华声报　Voz Chinesa do Brasil　　São Paulo, terça-feira, 17 de julho de 2012",
             "Você está em: Início › 侨社动态", "寒潮来袭 圣保罗华人社团向街头露宿者捐赠千条毛毯",
             "17 de julho de 2012 · 10:24　　　Compartilhar: WhatsApp | Facebook | E-mail",
             "受南极冷空气影响，圣保罗市近日气温骤降，华人互助会16日晚联合多家侨团向街头露宿者捐赠毛毯。",
             "志愿者中有不少是在圣保罗出生的华裔青年，他们负责葡语翻译和现场秩序。",
             "评论 (2)", "Carlos Li　17/07/2012 às 14:20", "为互助会点赞！我们公司也想捐一批被子，请问怎么联系？", "Responder",
             "Deixe um comentário　发表评论", "© 2012 巴西华声报 版权所有　Todos os direitos reservados"]
    result = clean("\n".join(lines))
    assert len(result.articles) == 1
    article = result.articles[0]
    assert (article.title, article.date) == (lines[3], "2012-07-17T10:24")
    assert article.paragraphs == lines[5:7]


def test_a_masthead_in_two_scripts_goes_and_a_sentence_beside_a_latin_name_stays():
    assert boilerplate.is_bilingual_name("澳门海星大学　Universidade Estrela do Mar de Macau　Estrela do Mar University of Macau")
    assert not boilerplate.is_bilingual_name("梁家朗表示　Universidade Estrela do Mar 的团队用了近三年时间整理语料。")


def test_taiwan_portal_widgets_and_a_skip_link_are_furniture():
    assert boilerplate.is_widget_line("點閱次數：3,128　　字級：小 中 大　　友善列印　　分享：Facebook LINE")
    assert boilerplate.is_widget_line("跳到主要內容區塊")
    assert not boilerplate.is_widget_line("跳到主要内容之前，我们先看一组数据。")


def test_a_blogs_tail_goes_but_a_table_and_a_list_the_text_introduces_stay():
    body = ["11月11日晚，业余足球超级联赛第六轮在市体育中心3号场进行，青藤联队以3比2逆转港湾FC。",
            "第六轮战罢，积分榜前四名如下：",
            "| 排名 | 球队 | 积分 |", "|---|---|---|", "| 1 | 青藤联队 | 13 |", "| 2 | 北岸老男孩 | 12 |", "| 3 | 港湾FC | 11 |",
            "射手榜方面，陈昊本场梅开二度，以7个进球领跑：",
            "● 陈昊（青藤联队）7球", "● 何家俊（港湾FC）6球", "● 罗毅（北岸老男孩）5球"]
    tail = ["← 上一篇：第五轮：北岸老男孩5比1大胜城南队", "下一篇：第七轮赛程及场地安排 →",
            "发表评论", "您的电子邮箱地址不会被公开。 必填项已用 * 标注",
            "友情链接：海陵区业余足球 秀英区业余足球 祁阳市业余足球 嘉禾县业余足球 黄埔区业余足球"]
    text = clean("\n".join(["雨夜逆转", "2023年11月12日"] + body + tail)).text
    for line in ("第六轮战罢，积分榜前四名如下：", "1 青藤联队 13", "● 罗毅（北岸老男孩）5球"):
        assert line in text
    for line in ("上一篇", "电子邮箱地址", "友情链接", "海陵区"):
        assert line not in text


def test_reader_responses_with_american_times_are_a_comment_thread():
    lines = ["日落公园华人商家抱怨施工影响生意", "2023-11-14",
             "日落公园八大道的道路施工已持续四个月，沿街华人商家表示生意受到明显影响。",
             "市交通局表示，工程预计明年一月完工，届时将恢复正常通行。",
             "读者回应 (2)",
             "老法拉盛：早就该修了，但拖这么久实在说不过去。　11/14/2023 09:02 PM",
             "Kevin W.：支持商家，市府应该给补偿。　11/15/2023 07:48 AM"]
    text = clean("\n".join(lines)).text
    assert "市交通局表示" in text and "读者回应" not in text and "早就该修了" not in text


def test_a_bracketed_group_of_search_phrases_that_repeat_the_title_is_spam():
    title = "流浪乞讨人员怎么救助？深圳拟分类管理"
    line = "7月2日，深圳市法制办公布了条例草案，再次公开征求意见。（深圳社会救助条例 流浪乞讨救助 深圳最新消息）此次条例增加了两章内容。"
    assert [line[a:b] for a, b in spam.keyword_groups(line, title)] == ["（深圳社会救助条例 流浪乞讨救助 深圳最新消息）"]
    listed = "三地（北京市区 上海市区 广州市区）同步开售。"
    assert spam.keyword_groups(listed, "北京上海广州三地同步开售新款") == []  # items shorter than search phrases


def test_markdown_from_a_web_clipper_keeps_its_text_and_loses_its_marks():
    lines = ["# 深圳拟分类管理流浪乞讨人员", "2023-07-05",
             "据[深圳市民政局](https://mz.example.gov.cn/a/1.html)消息，**新规**将于下月实施。",
             "> 一位双职工家长在问卷中写道：“希望条例能早日落地。”",
             "中奖名单：151****2897、139****0547。"]
    article, = clean("\n".join(lines)).articles
    assert article.title == "深圳拟分类管理流浪乞讨人员"
    assert article.paragraphs == ["据深圳市民政局消息，新规将于下月实施。", "一位双职工家长在问卷中写道：“希望条例能早日落地。”", lines[4]]


def test_an_epaper_pages_lists_of_pages_and_pieces_go_and_the_headline_over_its_subtitle_stays():
    text = ("版面导航\n第A01版：要闻\n第A02版：综合\n本版标题导航\n· 老旧小区加装电梯 今年再开工300部\n· 夜校开课 名额一上午抢光\n"
            "老旧小区加装电梯 今年再开工300部\n每部最高补贴20万元 “一梯一策”破解协调难题\n某某晚报 | 2024年05月06日 | 第A05版：城市·民生\n"
            "记者从市住房城乡建委了解到，今年全市计划新开工老旧小区加装电梯300部，截至4月底已开工87部。\n"
            "本版责编：贺一凡　　美编：苏蕾　　校对：林可\n上一版　　下一版　　返回目录\n")
    (article,) = clean(text).articles
    assert (article.title, article.subtitle, article.editor) == ("老旧小区加装电梯 今年再开工300部", "每部最高补贴20万元 “一梯一策”破解协调难题", "贺一凡")
    assert len(article.paragraphs) == 1


def test_a_video_pages_list_of_clips_goes_whole_and_the_next_page_keeps_its_header():
    page = ("{title}\n发布时间：{date}　　来源：某县融媒体中心\n视频文字稿\n{text}\n记者：冉某　通讯员：郑某川\n相关视频\n"
            "· 某县举办第三届油茶文化节　03:12\n· 某镇：冬季植树正当时　01:58\n· 【某县新闻】2023年11月5日　15:36\n")
    first = page.format(title="某县油茶进入采摘旺季", date="2023-11-06 19:20", text="眼下正值油茶采摘旺季，村民们一大早就上山采摘，一天能挣一百多块钱。")
    second = page.format(title="某县开展冬季森林防灭火应急演练", date="2023-11-08 18:45", text="11月8日上午，某县在林区开展冬季森林防灭火应急演练，多支队伍参加。")
    articles = clean(first + second).articles
    assert [(a.title, a.date, a.author) for a in articles] == [
        ("某县油茶进入采摘旺季", "2023-11-06T19:20", "冉某 郑某川"), ("某县开展冬季森林防灭火应急演练", "2023-11-08T18:45", "冉某 郑某川")]
    assert all(len(a.paragraphs) == 1 for a in articles)


def test_a_translation_under_each_line_goes_and_one_english_quotation_stays():
    pairs = [("小明每天早上七点起床，先喝一杯水。", "Xiao Ming gets up at seven every morning and drinks some water."),
             ("然后他去公园跑步，跑半个小时。", "Then he goes running in the park for half an hour."),
             ("跑完步，他回家吃早饭。", "After running, he goes home for breakfast.")]
    text = "小明的早晨\n2024-03-01\n" + "".join(f"{zh}\n{en}\n" for zh, en in pairs)
    (article,) = clean(text).articles
    assert article.paragraphs == [zh for zh, _ in pairs]
    quoted = "某公司发布新品\n2024-03-01\n发布会上，总裁用英文说了一句话。\nWe will change the way people work.\n随后他介绍了产品的价格和上市时间。\n"
    assert "We will change the way people work." in clean(quoted).articles[0].paragraphs
