"""Segmentation: articles, metadata fields and run-together paragraphs on unseen layouts."""

from __future__ import annotations

import pytest

from cleannews import segment
from cleannews.document import Document, Options
from cleannews.metadata import metadata_fields, parse_date, parse_fields
from cleannews.pipeline import clean


def _articles(text: str):
    doc, _ = segment.run(Document.from_text(text), Options())
    return list(doc.articles)


def test_two_articles_in_one_dump():
    text = (
        "省内首条城际铁路开通运营\n2019/12/30 09:00 来源：交通日报 作者：李明\n"
        "今天上午，省内首条城际铁路正式开通运营，全程运行时间缩短至四十分钟。\n"
        "责任编辑：王芳\n"
        "全市中小学今起放寒假\n发布时间：2020年01月15日 记者 赵刚\n"
        "记者从市教育局了解到，全市中小学今天起陆续放寒假，寒假时间为四周。\n"
    )
    first, second = _articles(text)
    assert (first.title, first.date, first.source, first.author, first.editor) == (
        "省内首条城际铁路开通运营", "2019-12-30T09:00", "交通日报", "李明", "王芳")
    assert second.title == "全市中小学今起放寒假" and second.date == "2020-01-15"
    assert len(first.paragraphs) == 1 and len(second.paragraphs) == 1


def test_separator_lines_cut_articles():
    text = "标题一号文章\n\n第一篇正文，内容比较长，而且有标点。\n\n---\n\n标题二号文章\n\n第二篇正文，内容比较长，而且有标点。"
    assert [a.title for a in _articles(text)] == ["标题一号文章", "标题二号文章"]


def test_run_together_paragraphs_with_fullwidth_spaces():
    text = "今日要闻标题\n第一段讲了一件事，说得很清楚。　　第二段讲了另一件事，也说得清楚。　　（一）小标题 第三段接着讲下去，把剩下的所有内容讲完整。"
    (article,) = _articles(text)
    assert article.paragraphs == [
        "第一段讲了一件事，说得很清楚。", "第二段讲了另一件事，也说得清楚。", "（一）小标题", "第三段接着讲下去，把剩下的所有内容讲完整。"]


def test_no_title_when_the_dump_starts_with_prose():
    text = "这是一段很长的正文，没有标题，直接从第一段开始，说了很多事情，内容很丰富，一直说下去，说到这里还没有结束，还要继续说很多。"
    (article,) = _articles(text)
    assert article.title is None and len(article.paragraphs) == 1


def test_date_formats():
    assert parse_date("2012年7月27日 23:11") == "2012-07-27T23:11"
    assert parse_date("2012.07.27") == "2012-07-27"
    assert parse_date("2012-7-27T08:05:09") == "2012-07-27T08:05:09"
    assert parse_date("第2012号文件") is None


def test_labels_and_bylines():
    f = parse_fields("编辑：张三 | 来源：新华社 | 时间：2021-01-02")
    assert (f.editor, f.source, f.date) == ("张三", "新华社", "2021-01-02")
    assert parse_fields("作者：佚名").author is None
    assert parse_fields("（记者 李四 王五）").author == "李四 王五"


def test_an_indented_heading_splits_like_an_unindented_one():
    line = "某市召开专题会议 部署下一阶段工作 8月22日下午，某市召开专题会议，研究部署下一阶段的各项重点工作。"
    assert [t for _, t in segment.split_run_together("  " + line)] == [t for _, t in segment.split_run_together(line)]
    assert len(segment.split_run_together("  " + line)) == 3


_FIRST = (
    "滨江新区启动老旧小区改造\n发布时间：2023-04-02 来源：滨江日报\n"
    "滨江新区今年将改造老旧小区四十个，涉及居民一万两千户，改造内容包括管网和电梯。\n"
    "区住建局表示，改造将分批推进，年底前全部完工，居民可通过热线反映意见。\n"
)
_SECOND_BODY = (
    "市气象台今天发布寒潮蓝色预警，预计未来两天全市气温将下降八到十摄氏度。\n"
    "气象专家提醒市民注意添衣保暖，出行关注道路结冰情况，农户做好防冻措施。\n"
)


def test_an_article_whose_metadata_comes_at_the_end_is_not_merged_into_the_one_before():
    text = _FIRST + "寒潮来袭全市气温骤降\n" + _SECOND_BODY + "2021-11-05 08:30 来源：江南晚报\n责任编辑：周丽\n"
    first, second = _articles(text)
    assert (first.title, first.date, len(first.paragraphs)) == ("滨江新区启动老旧小区改造", "2023-04-02", 2)
    assert (second.title, second.date, second.source, second.editor) == ("寒潮来袭全市气温骤降", "2021-11-05T08:30", "江南晚报", "周丽")
    assert len(second.paragraphs) == 2


def test_an_editor_line_closes_the_article_and_the_next_title_starts_one():
    text = _FIRST + "编辑：陈晨\n寒潮来袭全市气温骤降\n" + _SECOND_BODY
    first, second = _articles(text)
    assert (first.editor, second.title, len(second.paragraphs)) == ("陈晨", "寒潮来袭全市气温骤降", 2)


def test_a_byline_under_a_title_starts_an_article():
    text = _FIRST + "寒潮来袭全市气温骤降\n记者 林海\n" + _SECOND_BODY
    first, second = _articles(text)
    assert (second.title, second.author) == ("寒潮来袭全市气温骤降", "林海")


def test_unnumbered_subheadings_and_a_repeated_date_stay_in_one_article():
    """A trailer repeating the header's date is not a second article, nor is a sub-heading."""
    text = _FIRST + "专家解读\n" + _SECOND_BODY + "2023-04-02 来源：滨江日报\n"
    (article,) = _articles(text)
    assert "专家解读" in article.paragraphs and len(article.paragraphs) == 5


def test_a_segmented_chrome_line_above_the_title_is_not_taken_for_the_title():
    text = "本站｜地方｜正文\n寒潮来袭全市气温骤降\n2021-11-05 来源：江南晚报\n" + _SECOND_BODY
    (article,) = _articles(text)
    assert (article.title, article.subtitle) == ("寒潮来袭全市气温骤降", None)


def test_a_long_subtitle_field_of_our_own_output_is_read_back_as_the_subtitle():
    subtitle = "“" + "关爱一线执勤人员" * 8 + "”系列活动"
    (article,) = _articles(f"标题：寒潮来袭\n副标题：{subtitle}\n来源：江南晚报\n\n" + _SECOND_BODY)
    assert (article.subtitle, article.source, len(article.paragraphs)) == (subtitle, "江南晚报", 2)


def test_a_title_like_line_far_above_the_header_is_not_taken_for_the_title():
    header = "某地开展冬季送温暖活动\n2024-01-02 来源：某报\n志愿者走访了二十多户困难家庭，送去棉衣和米面油。\n"
    far = "注册会员领取专属福利" + "\n" * 8  # what boilerplate removal left of a page's menus
    (article,) = _articles(far + header)
    assert article.title == "某地开展冬季送温暖活动"
    (stacked,) = _articles("走访困难家庭\n" + header)  # right above it: the title over its subtitle
    assert (stacked.title, stacked.subtitle) == ("走访困难家庭", "某地开展冬季送温暖活动")


def test_a_bracketed_note_under_the_title_stays_in_the_body():
    text = "某地开展冬季送温暖活动\n（原标题：冬季送温暖 志愿者在行动）\n志愿者走访了二十多户困难家庭，送去棉衣和米面油。\n"
    (article,) = _articles(text)
    assert article.subtitle is None and article.paragraphs[0].startswith("（原标题")


def test_the_headline_over_a_byline_stack_is_the_title_not_the_outlet_above_the_date():
    text = "海螺沟寻子一个月：搜寻无果母亲不舍离去\n原创\n南方都市报\n2019-09-09 16:01:46\n8岁儿子在景区失联的第32天，温先生启程返回湖北。\n"
    (article,) = _articles(text)
    assert article.title == "海螺沟寻子一个月：搜寻无果母亲不舍离去"


def test_a_headline_that_asks_and_answers_is_one_title():
    text = "账号外泄？ 官方辟谣称消息不实\n2018年12月28日 19:55 来源：某报\n有网友称大量账号信息外泄，官方随即发布声明予以否认。\n"
    (article,) = _articles(text)
    assert article.title == "账号外泄？ 官方辟谣称消息不实"


def test_a_byline_may_name_its_outlet_but_a_sentence_opening_is_no_byline():
    assert parse_fields("光明日报记者 王建宏 张文攀").author == "王建宏 张文攀"
    assert parse_fields("新华社记者 张三").author == "张三"
    assert parse_fields("据人民日报记者 王五 报道").author is None


def test_reporters_from_a_wire_dateline_or_a_closing_byline():
    wire = ("西部某地改造户用卫生厕所三万座\n2021-01-05 10:20\n"
            "新华社拉萨1月5日电（记者 张三、李四）记者近日从自治区农业农村厅获悉，去年全区改造户用卫生厕所三万座。\n")
    (article,) = _articles(wire)
    assert (article.author, article.source) == ("张三 李四", "新华社")  # names one space apart; the agency's dispatch
    assert article.paragraphs[0].startswith("新华社拉萨1月5日电（记者 张三、李四）")  # the dateline stays in the text
    closing = ("某县果农喜迎丰收\n2020-11-26 08:04\n今年全县苹果产量比去年增长两成，果农收入明显提高，销售渠道也更广了。\n"
               "某某报记者 钱进 河北阜平报道\n")
    (article,) = _articles(closing)
    assert article.author == "钱进" and len(article.paragraphs) == 1


def test_an_e_paper_page_prints_its_date_above_the_title():
    text = ("2022年02月13日\n“厕所革命”改善农牧区人居环境\n去年改造户用卫生厕所四万多座\n"
            "记者近日从自治区农业农村厅召开的全区农牧业工作会议上了解到，去年改造户用卫生厕所四万多座。\n")
    (article,) = _articles(text)
    assert (article.title, article.subtitle, article.date) == (
        "“厕所革命”改善农牧区人居环境", "去年改造户用卫生厕所四万多座", "2022-02-13")
    assert len(article.paragraphs) == 1


def test_metadata_rows_as_portals_print_them():
    row = parse_fields("发布时间：2022年3月28日 10:26:41 | 来源：某县融媒体中心 | 作者：记者 王静 通讯员 刘洋 | 阅读：1362")
    assert (row.date, row.source, row.author) == ("2022-03-28T10:26:41", "某县融媒体中心", "王静 刘洋")
    credits = parse_fields("文/图：谭小雨 彭一湃　　审核：周建国　　编辑：刘露　　发布时间：2021/3/20　　点击数：")
    assert (credits.author, credits.editor, credits.date) == ("谭小雨 彭一湃", "刘露", "2021-03-20")
    unlabelled = parse_fields("http://finance.example.com.cn 2009年03月03日 08:22  某某时报")
    assert (unlabelled.date, unlabelled.source) == ("2009-03-03T08:22", "某某时报")
    byline = parse_fields("2017-11-30 16:45 某合报 记者吴小玲／台南即时报导")
    assert (byline.source, byline.author) == ("某合报", "吴小玲")
    assert parse_fields("https://img.example.com/upload/2023/10/08/a1b2c3d4.jpg").date is None  # a path, not a date


def test_a_long_metadata_row_is_the_header_not_the_first_paragraph():
    text = ("某县融媒体中心\n首页 | 要闻 | 乡镇\n当前位置：首页 › 乡镇动态 › 正文\n某县：春茶开采正当时 茶园飘香富茶农\n"
            "发布时间：2022年3月28日 10:26:41 | 来源：某县融媒体中心 | 作者：记者 王静 通讯员 刘洋 | 阅读：1362\n"
            "春分过后，各地茶园陆续进入春茶采摘期，茶农们穿梭在茶垄间采摘新芽，一派繁忙景象。\n")
    (article,) = _articles(text)
    assert (article.title, article.author) == ("某县：春茶开采正当时 茶园飘香富茶农", "王静 刘洋")


def test_a_masthead_over_the_title_is_no_title():
    for masthead in ("某某新闻\u3000\u3000[打开]", "某某县融媒体中心"):
        text = f"{masthead}\n某市公厕提供免费卫生纸 每天被扯两千米\n来源：某某早报 2012-06-25 07:05\n端午小长假，一些来旅游的细心游客发现，景区的公厕有了免费提供的卫生纸。\n"
        (article,) = _articles(text)
        assert article.title == "某市公厕提供免费卫生纸 每天被扯两千米", masthead


def test_an_outlet_under_the_title_is_the_source_and_a_bare_dateline_no_subtitle():
    text = ("全省十七种产品入选国家绿色制造名单\n某南日报\n2022-02-13 07:00\n"
            "近年来，全省加速向智能制造、绿色制造方向转型升级，多家企业入选。\n")
    (article,) = _articles(text)
    assert (article.title, article.source, article.subtitle) == ("全省十七种产品入选国家绿色制造名单", "某南日报", None)
    text = ("某部门发布新版装备管理规定\n2022-02-13 07:00\n某广网北京2月13日消息\n"
            "据本台报道，有关部门日前发布新规定，自2022年2月10日起施行。\n")
    (article,) = _articles(text)
    assert article.subtitle is None and article.paragraphs[0] == "某广网北京2月13日消息"


def test_credits_without_colons():
    assert (parse_fields("文/李小婧").author, parse_fields("秦小朗/文").author) == ("李小婧", "秦小朗")
    assert parse_fields("（编辑 梁小欣）").editor == "梁小欣"
    assert parse_fields("某经记者 别小冶 发自北京").author == "别小冶"
    dated = parse_fields("2024-05-06 09:12　某岛新闻网　记者 何小诗")
    assert (dated.source, dated.author) == ("某岛新闻网", "何小诗")
    assert parse_fields("2009年03月05日 01:38　每日某某新闻").source == "每日某某新闻"


def test_the_page_date_above_the_masthead_is_not_the_article_header():
    text = ("某绒日报 | 海外华文新闻网\n2024年4月14日 星期日\n首页　国内　国际　财经\n某地 > 某州\n"
            "开斋节假期尾声 长堤车龙绵延 通关耗时逾4小时\n报道：林小仪\n发布时间：2024-04-14 14:48\n"
            "开斋节长假进入尾声，大批在外工作的人返乡度假后回程，长堤今早再现长长车龙。\n")
    (article,) = clean(text).articles  # the menus go first, as in a real run
    assert (article.title, article.author, article.date) == ("开斋节假期尾声 长堤车龙绵延 通关耗时逾4小时", "林小仪", "2024-04-14T14:48")


def test_a_subtitle_sits_right_under_its_title_never_past_the_metadata():
    text = ("新款某某X7上市 新增插电混动版\n来源：某车网　2024-03-28 15:20\n新款某某X7　指导价：12.98万\n"
            "3月28日，某某汽车旗下紧凑型SUV新款X7正式上市，新车共推出5款车型。\n")
    (article,) = _articles(text)
    assert article.subtitle is None
    text = "某车网-汽车报价_汽车图片_汽车资讯\n新款某某X7上市 新增插电混动版\n2024-03-28 15:20\n3月28日，新车正式上市，共推出5款车型，售价有所下调。\n"
    (article,) = _articles(text)
    assert (article.title, article.subtitle) == ("新款某某X7上市 新增插电混动版", None)


def test_an_e_paper_header_names_its_page_and_trainees_are_reporters():
    row = parse_fields("某州晚报 | 2024年05月06日 | 第A05版：城市·民生")
    assert (row.source, row.date) == ("某州晚报", "2024-05-06")
    assert parse_fields("首席记者 陈小岚 通讯员 向小东").author == "陈小岚 向小东"
    from cleannews.metadata import dateline_credits
    assert dateline_credits("本报讯（记者 黄小雨 实习生 邓小欣）非洲鼓、手工皮具……") == ("黄小雨 邓小欣", None)


# ------------------------------------------------------- metadata as unseen sites print it (session 7)


def test_labels_with_a_slash_or_bar_and_an_update_time_that_is_not_the_date():
    f = metadata_fields("发布/2021年03月02日09:15")
    assert f is not None and f.date == "2021-03-02T09:15"
    assert metadata_fields("编辑｜马腾").editor == "马腾" and metadata_fields("来源 | 某某晚报").source == "某某晚报"
    assert metadata_fields("更新/2021年03月02日11:40").date is None  # consumed, never the article's date
    f = metadata_fields("2021/03/02 09:15（03/02 11:40 更新）")
    assert f is not None and f.date == "2021-03-02T09:15"
    assert metadata_fields("新闻/评论") is None and metadata_fields("发布会将于3月5日举行") is None


def test_a_date_without_its_year_takes_the_pages_year():
    text = "2021年3月2日 星期二\n某市地铁四号线今日通车\n发布：03-02 09:15　更新：03-02 11:40\n地铁四号线今天上午正式开通运营，全线共设车站二十座，沿线市民出行更加便利。\n"
    (article,) = _articles(text)
    assert article.date == "2021-03-02T09:15"
    (alone,) = _articles("某市地铁四号线今日通车\n发布：03-02 09:15\n地铁四号线今天上午正式开通运营，全线共设车站二十座，沿线市民出行更加便利。\n")
    assert alone.date is None  # no year anywhere: no date rather than a wrong one


def test_relative_times_chinese_numerals_and_feed_dates():
    assert metadata_fields("马腾 · 5小时前") is not None and metadata_fields("马腾 · 5小时前").date is None
    assert parse_date("来源：某某台　二〇二一年三月二日") == "2021-03-02"
    assert parse_date("二〇一九年十月三十一日") == "2019-10-31"
    assert parse_date("pubDate: Tue, 02 Mar 2021 09:15:00 +0800") == "2021-03-02T09:15:00"


def test_credits_without_a_reporter_label():
    assert metadata_fields("马腾　报道").author == "马腾"
    assert metadata_fields("文｜马腾").author == "马腾" and metadata_fields("图/文 马腾").author == "马腾"
    for genre in ("专题 报道", "深度报道", "综合 报道"):
        assert metadata_fields(genre) is None or metadata_fields(genre).author is None
    note = metadata_fields("本文来自微信公众号“某某观察”（ID：moumou），作者：马腾，某站经授权发布。")
    assert (note.source, note.author) == ("某某观察", "马腾")


def test_the_responsible_editor_and_credits_that_are_not_stored():
    assert metadata_fields("编辑：甲乙　责任编辑：丙丁").editor == "丙丁"
    f = metadata_fields("责任编辑：丙丁　图片编辑：戊己")
    assert f.editor == "丙丁"
    assert metadata_fields("校对：戊己") is not None  # a credit line, dropped
    assert metadata_fields("策划：本报新媒体中心") is None and metadata_fields("审核：这是一句很长的话，有逗号。") is None
    assert metadata_fields("（编辑：丙丁）1100302").editor == "丙丁"  # a wire service's filing code after it


def test_agency_datelines_name_reporters_and_the_agency():
    text = "南部果农试行海运外销\n2021/03/02 10:20\n（某通社記者陳大文高雄2日電）南部縣政府今天表示，首批水果將以海運冷鏈方式出口，目標今年外銷量倍增。\n"
    (article,) = _articles(text)
    assert (article.author, article.source) == ("陳大文", "某通社")
    text = "某地推进垃圾分类\n2021-03-02 09:00 来源：某某网\n【某某日报讯】（记者　甲乙丙　实习生　丁戊）记者昨天从市城管局了解到，全市垃圾分类覆盖率已达九成。\n"
    (article,) = _articles(text)
    assert (article.author, article.source) == ("甲乙丙 丁戊", "某某网")


def test_names_are_one_space_apart_and_media_tags_leave_the_title():
    text = "[视频]某地举行龙舟赛\n2021-06-14 来源：某某网 作者：甲乙、丙丁\n端午节当天，某地举行龙舟赛，二十支队伍参赛，吸引上万名市民观看。\n"
    (article,) = _articles(text)
    assert (article.title, article.author) == ("某地举行龙舟赛", "甲乙 丙丁")
    # a column's tag goes as well (【独家】, 【便民】), an outlet's stays: the story is credited to it
    assert _articles("【独家】某某专访\n2021-06-14\n记者专访了某某，谈到了他的新作品和未来的创作计划。\n")[0].title == "某某专访"
    assert _articles("【某某周刊】某地新政今起施行\n2021-06-14\n某地新政今天起施行，市民办事可以少跑腿。\n")[0].title == "【某某周刊】某地新政今起施行"


def test_item_numbers_and_bracketed_columns_leave_the_title():
    # a digest numbers its items ([2]), a text browser its links ([12]), a table leaves its bar: none is the headline's
    body = "\n2021-06-14\n某地新政今天起施行，市民办事可以少跑腿。\n"
    titles = [_articles(head + body)[0].title for head in ("[2] 某地新政今起施行", "[12]某地新政今起施行", "| 某地新政今起施行", "[政务] 某地新政今起施行")]
    assert titles == ["某地新政今起施行"] * 4
    assert _articles("2024 | 某地新政今起施行" + body)[0].title == "2024 | 某地新政今起施行"  # a year is no item number


def test_an_export_header_without_text_is_no_article():
    text = ("某阅读器 导出　共2条\n导出时间：2021-03-05 10:00:00\n=====\n标题：第一篇文章的标题\n来源：某某网\n"
            "第一篇的正文，内容比较长，而且有句号。\n=====\n标题：第二篇文章的标题\n来源：某某报\n第二篇的正文，内容比较长，而且有句号。\n")
    assert [a.title for a in _articles(text)] == ["第一篇文章的标题", "第二篇文章的标题"]


def test_datelines_and_latin_names_are_not_paragraph_breaks():
    pieces = [t for _, t in segment.split_run_together("某某网3月2日电 据当地媒体报道，该市今年新增公园二十座，绿地面积继续扩大。")]
    assert len(pieces) == 1
    pieces = [t for _, t in segment.split_run_together("协会主席Hugh Lee表示，这种趋势给当地居民带来了新的机会和体验。")]
    assert len(pieces) == 1


def test_a_page_date_above_a_login_bar_and_the_headline():
    text = ("某某早报 Morning Post\n2021年3月2日 星期二\n登录　|　订阅\n年轻人接棒老字号摊位 手艺得以延续\n马腾　报道\n"
            "发布/2021年03月02日16:51\n老城区一座熟食中心里，几位年轻摊主接过了长辈的锅铲，开始经营自己的摊位。\n")
    (article,) = _articles(text)
    assert (article.title, article.date, article.author) == ("年轻人接棒老字号摊位 手艺得以延续", "2021-03-02T16:51", "马腾")


def test_a_headline_named_by_the_previous_pages_links_starts_the_next_article():
    text = ("全市启动夏季防汛演练\n发布时间：2023-06-10 09:00　来源：某某日报\n今天上午，全市十二个部门联合开展防汛应急演练，检验了预案的可操作性。\n"
            "责任编辑：甲乙\n上一篇：某区新建口袋公园三座\n下一篇：渔港开展伏季休渔护渔行动\n"
            "网站简介 - 广告服务 - 联系我们 - 版权声明\n某某日报社主办 版权所有 浙ICP备12345678号\n首页 > 本地新闻\n渔港开展伏季休渔护渔行动\n千余艘渔船回港休渔 海上执法力量全时段巡航\n发布时间：2023-06-11 19:42　来源：某某日报\n"
            "6月11日一早，执法艇从渔港出发，开始为期三个半月的伏季休渔巡查，确保休渔秩序平稳。\n")
    result = clean(text)
    assert [(a.title, a.subtitle) for a in result.articles] == [
        ("全市启动夏季防汛演练", None), ("渔港开展伏季休渔护渔行动", "千余艘渔船回港休渔 海上执法力量全时段巡航")]


def test_an_e_paper_headline_after_the_pages_bulleted_title_list():
    text = ("某某晚报 | 2024年05月06日\n本版标题导航\n· 轨道交通日均客运量创新高\n· 老旧小区加装电梯 今年再开工三百部\n"
            "老旧小区加装电梯 今年再开工三百部\n每部最高补贴二十万元 “一梯一策”破解协调难题\n某某晚报 | 2024年05月06日 | 第A05版：城市·民生\n"
            "记者 甲乙丙\n住在某小区六楼的周大爷，这几天终于不用再扶着栏杆一步步爬楼了，小区加装的电梯正式投用。\n")
    (article,) = clean(text).articles
    assert (article.title, article.subtitle) == ("老旧小区加装电梯 今年再开工三百部", "每部最高补贴二十万元 “一梯一策”破解协调难题")


def test_an_interviews_questions_after_a_reporter_label_stay_paragraphs():
    text = (
        "县医院院长谈分级诊疗\n2023-04-02 09:10　来源：某县融媒体中心\n"
        "记者：分级诊疗推行一年来，县医院接诊的病人有什么变化？\n"
        "答：常见病留在了乡镇卫生院，县医院的床位周转快了不少。\n"
        "记者：下一步还有哪些打算？\n"
        "答：我们准备把远程会诊延伸到每一个村卫生室。\n"
    )
    article = clean(text).articles[0]
    assert article.author is None
    assert article.paragraphs[0] == "记者：分级诊疗推行一年来，县医院接诊的病人有什么变化？" and len(article.paragraphs) == 4


def test_the_headline_named_by_the_page_title_wins_over_an_accounts_blurb_above_the_date():
    text = (
        "江心岛渡口恢复夜航_某某头条\n头条文章\n江心岛渡口恢复夜航\n江心岛发布\nV\n江心岛区人民政府新闻办公室官方账号\n"
        "2023-6-8 17:42 来自 某某 example.com　已编辑\n来源：江心日报　记者 刘峰　通讯员 汪思琪\n"
        "江心岛渡口自本月起恢复夜间航班，末班船延后至晚上十点。\n渡口管理处表示，夜航期间每船配备两名安全员。\n"
    )
    article = clean(text).articles[0]
    assert (article.title, article.subtitle) == ("江心岛渡口恢复夜航", None)
    assert (article.date, article.source, article.author) == ("2023-06-08T17:42", "江心日报", "刘峰 汪思琪")
    assert article.paragraphs == ["江心岛渡口自本月起恢复夜间航班，末班船延后至晚上十点。", "渡口管理处表示，夜航期间每船配备两名安全员。"]


def test_comments_stamped_with_the_client_they_were_sent_from_go_with_their_header():
    text = (
        "江心岛渡口恢复夜航\n2023-06-08 17:42\n江心岛渡口自本月起恢复夜间航班，末班船延后至晚上十点。渡口管理处表示，夜航期间每船配备两名安全员。\n"
        "评论 58\n小满不满：终于等到了。\n6月8日 18:05 来自 iPhone客户端\n回复　赞 235\n阿蒙：周末也能延长吗？\n6月8日 18:31 来自 某某 Android\n回复　赞 97\n"
    )
    article = clean(text).articles
    assert len(article) == 1 and len(article[0].paragraphs) == 1


def test_a_column_page_dates_by_its_published_stamp_not_its_edited_one():
    text = (
        "县城夜市为什么越来越热闹\n\u200b关注他\n1,284 人赞同了该文章\n"
        "今年夏天，我先后在三个县城各住了十天左右，几乎每晚都去逛夜市。\n在江西的一个县城，老城区一条街道晚上会摆出上百个摊位。\n"
        "编辑于 2023-09-14 21:06\n发布于 2023-09-12 22:40・IP 属地浙江\n"
    )
    article = clean(text).articles[0]
    assert article.date == "2023-09-12T22:40" and len(article.paragraphs) == 2
    assert "\u200b" not in article.title + "".join(article.paragraphs)


def test_a_long_article_saved_page_after_page_is_one_article_with_each_pages_heading():
    page = (
        "老厂房变身文创园{n}_城市频道_某某网\n某某网 > 城市 > 深度\n老厂房变身文创园\n2021年08月25日16:51　来源：某某日报\n"
        "{heading}\n{text}\n上一页　1　2　下一页\n本文共2页　第1页：厂房里的咖啡馆　第2页：从拆到留\n"
    )
    text = page.format(n="", heading="", text="周六上午十点，文创园刚开门，咖啡馆里已经坐满了人。") + page.format(
        n="(2)", heading="从拆到留", text="老厂区怎么改，当初有过不少争论，规划团队走访了上百位老职工。"
    )
    articles = clean(text).articles
    assert len(articles) == 1 and articles[0].title == "老厂房变身文创园"
    assert articles[0].paragraphs == ["周六上午十点，文创园刚开门，咖啡馆里已经坐满了人。", "从拆到留", "老厂区怎么改，当初有过不少争论，规划团队走访了上百位老职工。"]


def test_two_articles_under_the_same_title_at_different_times_stay_two():
    text = (
        "某地举行茶产业大会\n2024-05-18 11:26　来源：某某网\n大会于17日开幕，现场签约项目32个。\n"
        "----\n某地举行茶产业大会\n2024-05-18 12:40　来源：某某网\n大会期间还将举办茶艺交流展演。\n"
    )
    assert len(clean(text).articles) == 2


def test_two_press_releases_of_a_portal_each_keep_their_headline_and_issuing_body():
    page = (
        "{title} - 某某政讯网\n某某政讯网\n首頁 > 新聞稿\n{title}\n{issuer}\n2024-05-06 {time}\n{text}\n"
        "相關新聞\n・某局公佈四月入境旅客數字\n・某計劃第二期累計接待逾一萬二千人次\n・黃金周期間熱線接獲查詢三百餘宗\n返回\n"
        "某某政讯网 © 版權所有　使用條款　私隱政策\n"
    )
    text = page.format(title="旅遊推廣局推出第三期社區步行路線", issuer="旅遊推廣局", time="17:32", text="旅遊推廣局今日宣佈新增四條步行路線，由導賞員帶領。") + page.format(
        title="公共交通事務局：湖畔巴士總站下月啟用", issuer="公共交通事務局", time="18:05", text="公共交通事務局表示，新巴士總站設有六個月台。"
    )
    articles = clean(text).articles
    assert [(a.title, a.source) for a in articles] == [
        ("旅游推广局推出第三期社区步行路线", "旅游推广局"), ("公共交通事务局：湖畔巴士总站下月启用", "公共交通事务局")
    ]


def test_a_press_wire_dateline_opens_its_paragraph():
    text = "某公司发布新一代扫地机器人\n2024年5月6日 09:00\n深圳2024年5月6日 /某某新闻稿/ -- 某公司今日发布新一代扫地机器人，续航提升至240分钟。\n"
    assert clean(text).articles[0].paragraphs == ["深圳2024年5月6日 /某某新闻稿/ -- 某公司今日发布新一代扫地机器人，续航提升至240分钟。"]


def test_two_notices_keep_their_shared_sentence_and_their_signatures():
    notice = (
        "某某公司：关于{what}的公告\n公告日期：2024-04-{day}　　公告类型：{kind}　　来源：某某公司\n"
        "证券代码：600000　　证券简称：某某公司　　公告编号：2024-0{day}\n"
        "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。\n"
        "{text}\n特此公告。\n某某股份有限公司董事会\n2024年4月{day}日\n"
    )
    text = notice.format(what="签订重大合同", day="12", kind="重大合同", text="公司与某某电池有限公司签订销售合同，金额约4.36亿元。") + notice.format(
        what="召开业绩说明会", day="16", kind="投资者关系", text="公司定于2024年4月25日召开2023年度业绩说明会。"
    )
    articles = clean(text).articles
    assert [a.title for a in articles] == ["某某公司：关于签订重大合同的公告", "某某公司：关于召开业绩说明会的公告"]
    for article, day in zip(articles, ("12", "16")):
        assert article.date == f"2024-04-{day}"
        assert article.paragraphs[0].startswith("本公司董事会及全体董事保证")
        assert article.paragraphs[-3:] == ["特此公告。", "某某股份有限公司董事会", f"2024年4月{day}日"]


def test_a_print_copy_under_the_same_title_is_still_a_repeat():
    body = "大会于17日开幕，现场签约项目32个，总投资额达86.5亿元。\n大会期间还将举办两岸茶艺交流展演等活动。\n"
    text = "某地举行茶产业大会\n2024-05-18 11:26　来源：某某网\n" + body + "打印本页\n某地举行茶产业大会\n2024-05-18 11:26　来源：某某网\n" + body
    articles = clean(text).articles
    assert len(articles) == 1 and len(articles[0].paragraphs) == 2


def test_a_blog_posts_dated_headline_and_its_counters():
    text = (
        "汽车玻璃贴膜更难砸_某某说车_某博客\n某某说车的博客\n博客等级：12　博客积分：1,876　博客访问：326,418\n"
        "汽车玻璃贴膜更难砸　(2012-07-25 21:48:16)　转载▼\n标签：逃生锤 车窗\n"
        "据专家介绍，贴过膜的汽车玻璃强度是未贴膜的7倍，从车内更难砸开。\n文／记者肖某某　实习生陈某洁　（除署名外）\n"
    )
    article = clean(text).articles[0]
    assert (article.title, article.date, article.author) == ("汽车玻璃贴膜更难砸", "2012-07-25T21:48:16", "肖某某 陈某洁")
    assert article.paragraphs == ["据专家介绍，贴过膜的汽车玻璃强度是未贴膜的7倍，从车内更难砸开。"]


def test_the_site_name_a_page_title_names_is_no_headline_even_over_the_page_date():
    text = (
        "商会动态-某某市工商业联合会（总商会）\n某某市工商业联合会（总商会）\n2023年11月7日 星期二\n"
        "市总商会召开五届三次会员大会\n"
        "11月6日，市总商会五届三次会员大会在市民营经济服务中心召开，260余名会员代表参加会议。\n"
        "会议还对2023年度优秀会员企业和优秀商会工作者进行了表彰。\n"
    )
    (article,) = clean(text).articles
    assert (article.title, article.date) == ("市总商会召开五届三次会员大会", "2023-11-07")
    assert article.paragraphs[0].startswith("11月6日")


def test_a_headline_between_its_kicker_and_its_subtitle_survives_the_masthead_run_above_it():
    text = (
        "岳江日报\n打开APP　阅读体验更佳\n[打开]\n春分时节备耕忙\n梧阳青禾：“共享农机”开进丘陵小田块\n"
        "全县今春主要农作物耕种收综合机械化率预计突破八成\n岳江日报客户端　2024年03月18日 07:32\n"
        "春分将至，梧阳市青禾县丘陵山区的田野里一派繁忙，一台小型旋耕机正在梯田里来回作业。\n"
        "截至目前，平台已入驻农机合作社46家、各类农机具1300余台（套）。\n"
    )
    (article,) = clean(text).articles
    assert (article.title, article.subtitle) == ("梧阳青禾：“共享农机”开进丘陵小田块", "全县今春主要农作物耕种收综合机械化率预计突破八成")
    assert "春分时节备耕忙" not in article.paragraphs


def test_an_official_document_keeps_its_two_line_title_its_attachments_and_loses_its_page_numbers():
    text = (
        "某某市人民政府办公室\n关于做好2024年城镇老旧小区改造工作的通知\n\n各县（市、区）人民政府，市政府各部门：\n"
        "为贯彻落实国家和省关于推进城镇老旧小区改造的决策部署，经市政府同意，现就有关工作通知如下。\n"
        "一、明确目标任务。2024年，全市计划改造城镇老旧小区126个，涉及居民1.38万户。\n"
        "附件：1．2024年某某市城镇老旧小区改造项目清单\n2．某某市老旧小区改造居民意愿征询表（样式）\n\n— 2 —\n\n"
        "某某市人民政府办公室\n2024年3月12日\n"
    )
    articles = clean(text).articles
    assert [(a.title, a.date) for a in articles] == [("某某市人民政府办公室关于做好2024年城镇老旧小区改造工作的通知", "2024-03-12")]
    assert articles[0].paragraphs[0] == "各县（市、区）人民政府，市政府各部门："
    assert "附件：1．2024年某某市城镇老旧小区改造项目清单" in articles[0].paragraphs
    assert not any("— 2 —" in p for p in articles[0].paragraphs)


def test_a_last_paragraph_that_looks_like_a_title_over_a_credit_line_is_not_lost():
    text = (
        "某导演谈新作大呼拍片比煮咖啡难\n时间:2010-07-20 14:05:25\n"
        "台湾导演蔡某9日在自己开的咖啡馆与媒体茶叙，谈电影新作。\n"
        "他也不讳言的说，拍片比起煮咖啡卖咖啡要难太多了，演员档期最难协调。\n"
        "他也希望将来电影上映时，观众能够看见更不一样的新风貌！\n"
        "TUNGSTAR/文并图\n"
    )
    (article,) = clean(text).articles
    assert article.paragraphs[-1] == "他也希望将来电影上映时，观众能够看见更不一样的新风貌！"
    assert article.author == "TUNGSTAR"


def test_a_press_release_under_a_rule_of_asterisks_with_its_date_and_time_below_the_end():
    release = (
        "「小店数码起步」资助计划下月接受申请\n*****************************\n"
        "政府今日（三月十二日）宣布，「小店数码起步」资助计划将于四月八日起接受申请，协助小店数码转型。\n"
        "计划由工商小企支援办公室推行，预算为一亿五千万元，每间合资格商户可获最高五万元资助。\n"
        "完\n2024年3月14日（星期四）\n香港时间11时45分\n"
    )
    (article,) = clean(release).articles
    assert (article.title, article.date) == ("「小店数码起步」资助计划下月接受申请", "2024-03-14T11:45")
    assert article.paragraphs[0].startswith("政府今日")
    assert not any("*" in p or "11时45分" in p for p in article.paragraphs)


def test_a_later_page_under_the_same_title_and_day_continues_the_article_even_without_its_source():
    page = "试驾某某T6增程版：城市通勤很省心\n2024-05-21　{source}作者：顾某\n{text}\n"
    text = page.format(source="来源：某某网　", text="增程式混动车型这两年很受欢迎，某某T6是某某汽车今年推出的新车。") + page.format(
        source="", text="动力方面，T6增程版搭载一台1.5L增程器和一台最大功率150千瓦的驱动电机。")
    (article,) = clean(text).articles
    assert (article.source, len(article.paragraphs)) == ("某某网", 2)


def test_labelled_lines_under_the_header_metadata_are_header_not_text():
    text = (
        "某市便民生活圈建设进展新闻发布会\n发布时间：2024年10月15日 星期二　10:00　来源：市政府新闻办\n"
        "发布地点：市政府新闻发布厅\n发布人：市商务局局长 陆某明\n"
        "主持人　邢某：各位媒体朋友，大家上午好！欢迎出席市政府新闻办今天举行的新闻发布会。\n"
    )
    (article,) = clean(text).articles
    assert article.date == "2024-10-15T10:00"
    assert article.paragraphs == ["主持人　邢某：各位媒体朋友，大家上午好！欢迎出席市政府新闻办今天举行的新闻发布会。"]


def test_a_short_headline_over_a_wechat_byline_row_and_a_labelled_source_at_the_end():
    text = (
        "秋收正忙_某某发布_某某网\n秋收正忙\n原创　某某融媒　某某发布　2023年10月08日 18:30　浙江\n"
        "金秋十月，稻谷飘香。连日来，某某县32.6万亩晚稻陆续进入收割期，田间一派繁忙景象。\n"
        "颗粒归仓有保障\n为解决农户晒粮难问题，今年某某县新建粮食烘干中心6个，日烘干能力达到900吨。\n"
        "来源：某某县融媒体中心\n编辑：俞某\n"
    )
    (article,) = clean(text).articles
    assert (article.title, article.date, article.source, article.editor) == (
        "秋收正忙", "2023-10-08T18:30", "某某县融媒体中心", "俞某")
    assert "颗粒归仓有保障" in article.paragraphs


def test_the_headline_a_page_title_names_after_dashes_is_the_title_not_the_section_over_the_date():
    text = (
        "研究揭示高山杜鹃耐寒“分子开关”----某某研究所\n某某研究所\n科研进展\n2023.11.07\n"
        "研究揭示高山杜鹃耐寒“分子开关”\n来源：高山植物适应研究组　　【打印】\n"
        "高山杜鹃是横断山区高海拔灌丛的优势类群，可在冬季零下20℃以下的环境中安然越冬。\n"
        "研究人员发现，当气温降至4℃时，叶片中一个转录因子的表达量迅速升高。\n"
    )
    (article,) = clean(text).articles
    assert (article.title, article.date, article.source) == ("研究揭示高山杜鹃耐寒“分子开关”", "2023-11-07", "高山植物适应研究组")


def test_labels_without_their_colon_over_their_values_are_metadata():
    text = (
        "機車定檢免費再延長 環保局：6月底前到站檢測送好禮\n發布日期\n113-04-18\n發布單位\n環境保護局\n聯絡人\n空氣品質科 林美玲\n"
        "為鼓勵市民落實機車定期檢驗，嵐港市政府環境保護局宣布，原訂4月底截止的免費定檢優惠延長至6月底。\n"
        "環保局表示，今年1月至3月已有約4.2萬輛機車完成定檢，定檢率較去年同期提高。\n"
    )
    (article,) = clean(text).articles
    assert (article.date, article.source) == ("2024-04-18", "环境保护局")
    assert article.paragraphs[0].startswith("为鼓励市民")


def test_an_app_outlet_and_all_media_reporters_in_a_dateline():
    text = (
        "梧阳青禾：“共享农机”开进丘陵小田块\n岳江日报客户端　2024年03月18日 07:32\n"
        "岳江日报3月17日讯（全媒体记者 周明远 通讯员 孙瑶 刘川）春分将至，梧阳市青禾县丘陵山区的田野里一派繁忙。\n"
        "截至目前，平台已入驻农机合作社46家、各类农机具1300余台（套）。\n"
    )
    (article,) = clean(text).articles
    assert (article.source, article.author) == ("岳江日报客户端", "周明远 孙瑶 刘川")


def test_a_bbs_post_captured_by_telnet():
    lines = [
        "\x1b[1;44;37m【 精华区 】 新世纪特辑                              讨论区 [News]\x1b[m",
        " 编号   [类别] 标    题                            整 理      编辑日期",
        "    1   [文件] 极地遥送爱国情                            haiyan      01.01",
        "    2   [文件] 巴以争端仍是沉重话题                        sealion     01.01",
        "", "发信人: haiyan (海燕), 信区: News", "标  题: 极地遥送爱国情",
        "发信站: 某某BBS (Mon Jan  1 09:17:42 2001), 站内信件", "", "【转载自《人民日报》2001年1月1日】", "",
        "　　世纪更替之时，我们是一批离祖国最遥远的人。此刻，我们远在17502",
        "公里之外的中国南极长城考察站，在这里遥祝祖国繁荣昌盛，迎接新世纪",
        "的活动，我们早早就开始了。我作为出版社学者南极行活动的代表，随同",
        "站长参加了乌拉圭南极考察站的周年纪念活动，科学家们热情地为我们加油",
        "\x1b[0;1;44;32m下面还有喔 (68%)\x1b[33m  │ 结束 ← <q> │ ↑/↓/PgUp/PgDn 移动 │ ? 辅助说明 │\x1b[m",
        "的到来，这里离祖国虽然遥远，但再高的山，再大的洋，都隔不断我们与祖国",
        "的血肉之情。（本报南极长城站2000年12月31日专电）", "", "--",
        "※ 来源:·某某BBS bbs.example.edu.cn·[FROM: 10.12.37.8]",
    ]
    (article,) = clean("\n".join(lines)).articles
    assert (article.title, article.date, article.source) == ("极地遥送爱国情", "2001-01-01T09:17:42", "人民日报")
    assert article.paragraphs[-1] == (
        "世纪更替之时，我们是一批离祖国最遥远的人。此刻，我们远在17502公里之外的中国南极长城考察站，在这里遥祝祖国繁荣昌盛，迎接新世纪"
        "的活动，我们早早就开始了。我作为出版社学者南极行活动的代表，随同站长参加了乌拉圭南极考察站的周年纪念活动，科学家们热情地为我们加油"
        "的到来，这里离祖国虽然遥远，但再高的山，再大的洋，都隔不断我们与祖国的血肉之情。（本报南极长城站2000年12月31日专电）"
    )
    assert not any(mark in p for p in article.paragraphs for mark in ("发信", "下面还有", "※", "[文件]", "\x1b"))


def test_a_column_tag_leaves_the_title_and_a_dash_line_under_it_is_its_subtitle():
    text = (
        "【校园新闻】“走读枫川河”研学实践活动圆满结束\n——记我校初二年级综合实践活动周\n"
        "作者：王某娟　　文章来源：某某二中教务处　　点击数：328　　热度：3287℃\n"
        "5月8日至11日，我校初二年级12个班560余名学生分批走出校园，开展为期四天的研学实践活动。\n"
        "活动结束后，各小组将在两周内完成研学报告，学校将于6月初举办成果展示。\n"
    )
    (article,) = clean(text).articles
    assert (article.title, article.subtitle, article.source) == (
        "“走读枫川河”研学实践活动圆满结束", "——记我校初二年级综合实践活动周", "某某二中教务处")


def test_the_headline_under_a_section_and_date_line_that_the_page_title_names_with_hyphens():
    text = (
        "黑脸琵鹭回来了-会讯-某某观鸟会\n某某观鸟会 Linjiang Birdwatching Society\n会讯 | 2023-12-04\n黑脸琵鹭回来了\n"
        "12月2日至3日，某某观鸟会组织42名会员和志愿者，分成9个小组，开展了今冬第一次水鸟同步调查。\n"
        "两天共记录到水鸟57种、21630只，种类和数量均高于去年同期。\n"
    )
    (article,) = clean(text).articles
    assert (article.title, article.date) == ("黑脸琵鹭回来了", "2023-12-04")


def test_an_archive_record_names_its_title_and_paper_in_table_cells():
    text = "| 题名 | 柬埔寨国葬宋双 |\n| 报纸名称 | 人民日报 |\n| 出版日期 | 1997-04-02 |\n新华社金边4月1日电 柬埔寨今天为前国民议会主席举行国葬，数万人参加了葬礼。\n"
    (article,) = clean(text).articles
    assert (article.title, article.source) == ("柬埔寨国葬宋双", "人民日报")


def test_the_update_stamp_is_the_date_only_when_the_page_prints_no_other():
    body = "县城里的夜班公交开通后，晚自习的孩子和夜班工人回家方便了很多。\n每天晚上九点以后，两条线路各有四个班次，票价两元。\n"
    alone = "某县开通夜班公交的效果如何？\n" + body + "编辑于 2023-08-14 17:02・IP 属地浙江\n"
    both = "某县开通夜班公交的效果如何？\n发布于 2023-08-10 09:00\n" + body + "编辑于 2023-08-14 17:02\n"
    assert [clean(t).articles[0].date for t in (alone, both)] == ["2023-08-14T17:02", "2023-08-10T09:00"]


def test_a_video_credit_row_and_a_short_year_with_one_digit_month():
    text = "某县植保无人机飞进稻田\n12-7-23 10:05　来自 某某头条文章\n记者：覃某燕 韦某帆　剪辑：莫某北\n三千亩早稻“一喷三防”两天完成，比人工作业快了十几倍。\n"
    (article,) = clean(text).articles
    assert (article.date, article.author) == ("2012-07-23T10:05", "覃某燕 韦某帆")


def test_a_newsletter_saved_as_text_gives_its_items_as_articles():
    rule = "━" * 20
    items = [
        ("1｜某市地铁末班车延后30分钟", "某市新闻讯（记者 许晴）自5月10日起，某市地铁1号线末班车发车时间延后30分钟，方便夜间出行的市民。", "来源：某市新闻"),
        ("2｜住房公积金贷款最高额度提高", "某市住房公积金管理中心昨日发布通知，自5月15日起，缴存职工家庭购买首套住房的贷款额度提高。", ""),
    ]
    lines = ["发件人: 某某早报 <morning@news.example.cn>", "收件人: reader@mail.example.net",
             "主题: =?UTF-8?B?5r6c5aOw5pep5oql?=", rule]
    for title, text, source in items:
        lines += [title, text, "其他线路的运营时间暂不调整，市民可通过官方App查询各站首末班车时刻。"]
        lines += ([source] if source else []) + ["▶ 阅读全文：https://news.example.cn/a/1", rule]
    lines += ["【广告】某某银行“安居贷”限时优惠，首套房贷利率低至3.45%，详询95xxx。", rule, "你收到这封邮件，是因为你订阅了某某早报。", "退订 | 管理订阅"]
    result = clean("\n".join(lines))
    text = result.text
    assert [a.title for a in result.articles if a.paragraphs] == ["某市地铁末班车延后30分钟", "住房公积金贷款最高额度提高"]
    for gone in ("reader@mail.example.net", "阅读全文", "安居贷", "订阅了", "退订", "=?UTF-8?"):
        assert gone not in text
    assert {"mime-word", "mail-header", "advert"} <= {e.rule for e in result.edits}


def test_a_speaker_after_their_role_stays_on_the_line_and_a_heading_before_a_speaker_splits():
    role = "（同期声）热力公司维修工 赵建国：今年我们重点查老小区，有些管子用了二十多年，得一户一户看。"
    assert [t for _, t in segment.split_run_together(role)] == [role]
    heading = "良性竞争最重要 孙威：这个行业已经很好了，但是现在很多企业也在追求跨界的发展。"
    assert [t for _, t in segment.split_run_together(heading)] == ["良性竞争最重要", heading.split(" ", 1)[1]]


def test_the_headline_under_the_date_when_only_the_site_name_is_above_it():
    lines = ["汾汀网_汾汀广播电视台官方网站", "2023-11-07 19:48　　来源：汾汀广播电视台", "供暖倒计时！热力工人入户排查",
             "主持人：再过一周，我市就将正式进入供暖季。为了让市民家里按时暖起来，这几天热力公司的工人开始入户排查。"]
    assert clean("\n".join(lines)).articles[0].title == "供暖倒计时！热力工人入户排查"
    short = ["沣川大学新闻网", "发布日期：2024.06.03　　作者：许知言　　来源：图书馆　　点击：", "夜读灯下",
             "期末考试周临近，图书馆三楼的24小时自习室又一次坐满了人，很多同学从早到晚都在这里复习。"]
    article = clean("\n".join(short)).articles[0]
    assert (article.title, article.source, article.author) == ("夜读灯下", "图书馆", "许知言")


def test_an_announcement_on_a_finance_portal_takes_the_documents_own_title_unless_the_portal_prints_one():
    head = ["晏阳精工：关于股票交易异常波动的公告_晏阳精工(600979)_公告正文_金穗财经",
            "晏阳精工(600979)　　公告日期：2024-03-16　　公告类型：风险提示",
            "证券代码：600979　　　证券简称：晏阳精工　　　公告编号：2024-012"]
    document = ["晏阳精密工业股份有限公司", "关于股票交易异常波动的公告"]
    body = ["本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。", "特此公告。"]
    article = clean("\n".join(head + document + body)).articles[0]
    assert (article.title, article.date) == ("晏阳精密工业股份有限公司关于股票交易异常波动的公告", "2024-03-16")
    printed = head[:1] + ["晏阳精工：关于股票交易异常波动的公告"] + head[1:]
    article = clean("\n".join(printed + document + body)).articles[0]
    assert article.title == "晏阳精工：关于股票交易异常波动的公告" and article.paragraphs == body


def test_a_bulletin_issued_by_a_body_names_it_as_the_source():
    fields = metadata_fields("2024年06月18日16时00分　　沧南省气象台发布")
    assert (fields.date, fields.source) == ("2024-06-18T16:00", "沧南省气象台")
    assert metadata_fields("2024年06月18日　今日发布").source is None


def test_latin_names_posters_and_a_blogs_category_are_read_as_metadata():
    assert metadata_fields("（编辑：Grace Xu）").editor == "Grace Xu"
    fields = metadata_fields("更新于 21/02/2024 3:40pm　　Posted in 社区")
    assert fields is not None and fields.updated == "2024-02-21T15:40"
    assert metadata_fields("發佈者：西河林氏網編輯部") is not None  # who posted it: read, not a source


def test_pages_of_one_article_dated_only_on_the_last_page_are_one_article():
    head = ["椋城第一条公交线路，是怎样开通的？", "文：顾秋实　　来源：编研处"]
    page1 = head + ["在椋城市档案馆，保存着一卷编号为“J45-1-12”的档案，里面是1956年筹办公共汽车的全部文件。",
                    "图为1955年《关于筹办公共汽车的报告》首页。（椋城市档案馆藏）"]
    page2 = head + ["1956年3月，市人民委员会批复同意筹办公共汽车，由市建设局负责购置客车、招收司机和售票员。",
                    "发布时间：2023-10-30 15:21:07　　责任编辑：马知远"]
    articles = clean("\n".join(page1 + ["上一页　1　[2]　下一页"] + page2)).articles
    assert len(articles) == 1
    assert (articles[0].date, articles[0].editor) == ("2023-10-30T15:21:07", "马知远")
    assert articles[0].paragraphs == page1[2:] + page2[2:3]


def test_a_reporter_label_with_its_kind_of_reporter_and_a_metadata_row_below_the_body():
    assert parse_fields("本报记者：王芳　2023-11-07").author == "王芳"
    assert parse_fields("特約記者：林志明").author == "林志明"
    body = ["老屋里的手机课：阿嬷们开始自己视讯给孙子了",
            "每周二下午两点，红瓦里一间八十多年的红砖老屋里，总会传出一阵阵笑声。",
            "课程由附近大学的学生志工担任小老师，一对一或一对二教学，内容以生活中用得到的功能为主。",
            "公民记者：阿树　　发布时间：2023/11/07 21:05　　最后更新：2023/11/08 09:12"]
    article, = clean("\n".join(body)).articles
    assert (article.author, article.date) == ("阿树", "2023-11-07T21:05")
    assert article.paragraphs == body[1:3]


def test_a_bracketed_byline_opening_the_first_paragraph_names_the_author_and_stays_in_the_text():
    lines = ["送水节将至，金边王宫周边哪些路段封闭？",
             "2023-11-21 07:30",
             "【本报记者 周慧琳】一年一度的送水节就要到了。",
             "据金边市政府20日发布的通告，2023年送水节将于11月26日至28日举行，其间洞里萨河沿岸将举办龙舟赛。"]
    article, = clean("\n".join(lines)).articles
    assert article.author == "周慧琳"
    assert article.paragraphs == lines[2:]


def test_credits_told_apart_by_family_names():
    # a reporter's name glued to the role; a heading that opens with the same role is no byline
    assert parse_fields("记者韩景玮实习生高鸿鹏　（来源：大河网）").author == "韩景玮 高鸿鹏"
    assert parse_fields("记者手记").author is None
    # a person who contributed the text is its author, a department its source; a writer's own label wins
    assert (parse_fields("（供稿：林秀珍）").author, parse_fields("供稿：陈列展览部").source) == ("林秀珍", "陈列展览部")
    assert parse_fields("（供稿：林秀珍　撰稿：陆晓东）").author == "陆晓东"
    # a library record separates authors with semicolons
    assert parse_fields("作者：李超碧；晏明").author == "李超碧 晏明"


def test_a_last_paragraph_signed_in_brackets_names_the_author_but_not_a_units_abbreviation():
    def last_signed(signature):
        text = "\n".join(["出租车燃油费跟涨不跟跌", "2012-07-18 16:42",
                          "全国大部分城市的出租车燃油附加费仍然未作调整。",
                          "而垄断行业方面，则主要看政府价格调整杠杆的作用了。" + signature])
        article, = clean(text).articles
        assert article.paragraphs[-1].endswith(signature)
        return article.author

    assert last_signed("（王景亮）") == "王景亮"
    assert last_signed("(潍工宣)") is None
    assert last_signed("（张先生）") is None


def test_a_department_before_the_writers_name_is_not_part_of_it():
    lines = ["秋冬季儿童呼吸道疾病高发，家长要注意什么？", "作者：儿科　周敏　　发布时间：2023-11-02",
             "入秋以来，儿科门诊量明显增加，其中以呼吸道感染为主。"]
    article, = clean("\n".join(lines)).articles
    assert article.author == "周敏"


def test_a_dateline_under_a_kicker_names_every_credit_even_without_brackets():
    lines = ["广州将推绿化管理条例 施工致树死亡最高罚50万",
             "时间：2012-06-29 09:12　　来源：新快报",
             "广州下月起实施新绿化管理条例",
             "新快报讯　记者　罗琼　实习生　葛晶　通讯员　王玮　报道　施工不当损伤树木，即罚2万-10万元，若是损害古树名木，最高可罚50万！",
             "《条例》明确，城市绿化管理方面的全部行政处罚权移交林业和园林部门。"]
    article, = clean("\n".join(lines)).articles
    assert article.author == "罗琼 葛晶 王玮"


def test_a_blog_post_header_with_a_spaced_credit_its_category_and_comment_count():
    fields = metadata_fields("2023年11月12日　作者 林小满　·　赛事战报　·　3 条评论")
    assert fields is not None
    assert (fields.date, fields.author, fields.source) == ("2023-11-12", "林小满", None)  # 战报 is a kind of report, no paper
    assert parse_fields("2023年11月12日　作者 说明").author is None  # no name after the label
    # a clock before 回复 is a comment's stamp, not a count of comments
    assert "junk" not in parse_fields("2012-06-25 10:02　回复　赞 57").found


def test_a_kicker_title_and_subtitle_under_a_page_title_with_dashes_and_a_section_beside_the_date():
    lines = ["湖底“年轮”记下两千年季风变化 - 科研进展 - 科澜网", "首页 > 科研进展 > 地球科学",
             "高原湖泊沉积研究取得新进展", "湖底“年轮”记下两千年季风变化", "研究揭示亚洲夏季风降水存在约80年的准周期波动",
             "发稿时间：2023-11-07 06:30　　来源：科澜日报",
             "本报讯　记者11月6日从澜州大学地理科学学院获悉，该院古气候团队在高原湖泊沉积研究中取得新进展。"]
    article, = clean("\n".join(lines)).articles
    assert (article.title, article.subtitle) == (lines[3], lines[4])
    fields = metadata_fields("November 16, 2023 10:02 AM　·　社区新闻　·　记者 周启文")
    assert (fields.source, fields.author) == (None, "周启文")  # 社区新闻 names a section, not an outlet


def test_a_social_posts_card_and_header_name_the_account_as_source_and_a_person_as_author():
    def post(name):
        lines = ["东门菜场改造后重新开业 摊位统一电子秤", name, "粉丝 1.2万　获赞 6.8万", "+ 关注",
                 name + "　2023年07月06日 21:48　IP属地：浙江",
                 "关了三个多月的东门菜场，今天终于重新开门了，改造后的菜场把原来的露天摊位全部移进了室内。"]
        article, = clean("\n".join(lines)).articles
        return article.source, article.author, article.date

    assert post("澜港身边事") == ("澜港身边事", None, "2023-07-06T21:48")
    assert post("林予安") == (None, "林予安", "2023-07-06T21:48")


@pytest.mark.parametrize("line, date", [
    ("112/11/07", "2023-11-07"),  # Taiwan's year with slashes
    ("07.11.2023 15:05", "2023-11-07T15:05"),  # day first with dots
    ("7th November 2023", "2023-11-07"),
    ("Tuesday, November 7, 2023", "2023-11-07"),
    ("Published: 7 November 2023", "2023-11-07"),
    ("15:05 2023-11-07", "2023-11-07T15:05"),  # the time first
    ("2023-11-07T09:48:00+08:00", "2023-11-07T09:48:00"),
    ("二〇二三年十一月七日", "2023-11-07"),
    ("11月7日 09:48", "--11-07T09:48"),  # the page's year completes it
    ("2012-07-18 16:42·车市观察家", "2012-07-18T16:42"),  # one short word beside the date
    ("Jan 16, 2024 · 48分钟 · 2.1万次播放", "2024-01-16"),  # an episode's length and plays
])
def test_dates_as_headers_print_them(line, date):
    fields = metadata_fields(line)
    assert fields is not None and fields.date == date


@pytest.mark.parametrize("line", ["v1.2.2023", "球点体育10月21日讯", "11月7日上午，市政府召开会议。", "某某活动圆满结束 2023-11-07"])
def test_what_only_looks_like_a_dated_header(line):
    fields = metadata_fields(line)
    assert fields is None or fields.date is None


def test_a_yearless_header_date_takes_the_pages_year_and_an_agencys_bracketed_dateline_names_the_source():
    lines = ["港股半日跌1.2% 内房股领跌", "2023年11月8日 星期三", "港股半日跌1.2% 内房股领跌", "11月8日 12:05",
             "（港财社8日讯）港股今早低开后跌幅扩大，恒生指数半日收报17,459点，跌213点或1.2%。",
             "相关股票：星河优选(09863)　宏达置业(01972)　港湾通讯(06128)",
             "Disclaimer: The information above is for reference only and does not constitute investment advice."]
    article, = clean("\n".join(lines)).articles
    assert (article.date, article.source) == ("2023-11-08T12:05", "港财社")
    assert article.paragraphs == [lines[4]]


def test_a_flash_list_gives_each_timed_item_as_an_article():
    lines = ["7×24小时全球财经快讯", "2024年03月15日 星期五",
             "11:02", "【沪指半日涨0.62% 算力概念股走强】", "金榕财经3月15日电，A股三大指数午前集体收涨，沪指报3058.21点，涨0.62%。",
             "10:47 金榕财经3月15日电，恒越新材（603718）公告，公司与澄海能源签订储能项目合作协议。",
             "09:58 【飞澜科技：与三家车企达成激光雷达定点合作】金榕财经3月15日电，飞澜科技公告称已获定点。",
             "飞澜科技同时表示，定点合作不代表最终订单数量。",
             "本页值班编辑：程思远"]
    result = clean("\n".join(lines))
    titles = [(a.title, a.date, a.source, a.editor) for a in result.articles]
    assert titles == [
        ("沪指半日涨0.62% 算力概念股走强", "2024-03-15T11:02", "金榕财经", "程思远"),
        (None, "2024-03-15T10:47", "金榕财经", "程思远"),
        ("飞澜科技：与三家车企达成激光雷达定点合作", "2024-03-15T09:58", "金榕财经", "程思远"),
    ]
    assert result.articles[2].paragraphs == ["金榕财经3月15日电，飞澜科技公告称已获定点。", lines[7]]
    # a live blog's timed entries carry no headline or dateline each: one article
    blog = ["全程马拉松直播", "2023-11-05", "07:30 发令枪响，两万名选手从市民广场出发。",
            "08:12 领先集团通过10公里点，配速稳定。", "09:05 男子组冲线，成绩2小时11分。"]
    assert len(clean("\n".join(blog)).articles) == 1


def test_a_row_of_fields_under_the_title_is_no_subtitle():
    lines = ["植保无人机飞进稻田 三千亩早稻两天完成", "活动时间：6月11日至12日　　地点：石塘镇 Shitang",
             "6月11日至12日，澄化县石塘镇三千亩早稻田里，8架植保无人机轮番起降，完成“一喷三防”作业。"]
    article, = clean("\n".join(lines)).articles
    assert article.subtitle is None and article.paragraphs == lines[2:]  # the row is in the edits, as a header line
    kept = ["老旧小区加装电梯 今年再开工300部", "每部最高补贴20万元 “一梯一策”破解协调难题", "2024年05月06日",
            "记者从市住建局获悉，今年全市计划新开工老旧小区加装电梯300部，每部最高补贴20万元。"]
    assert clean("\n".join(kept)).articles[0].subtitle == kept[1]


def test_headers_of_disclosure_tables_print_editions_and_korean_sites():
    body = "为贯彻落实有关决定，现就专项附加扣除标准调整的有关政策解读如下，请纳税人及时了解。\n"
    table = ("| 索引号： | 11330000/2023-00123 | 主题分类： | 财政、税务 |\n"
             "| 发布机构： | 某市税务局 | 成文日期： | 二〇二三年十一月六日 |\n关于专项附加扣除标准的解读\n")
    (article,) = _articles(table + body)
    assert (article.title, article.date, article.source) == ("关于专项附加扣除标准的解读", "2023-11-06", "某市税务局")
    (article,) = _articles("某地新建公园二十座\n《 某某日报 》（ 2023年11月07日   第 05 版）\n" + body)
    assert (article.date, article.source) == ("2023-11-07", "某某日报")
    (article,) = _articles("某地新建公园二十座\n입력 2023.11.07 09:48 | 수정 2023.11.08 10:00 | 조회수 1,234\n" + body)
    assert article.date == "2023-11-07T09:48" and article.paragraphs == [body.strip()]


def test_a_headline_and_date_without_prose_is_no_article():
    article = "全市中小学今起放寒假\n2020-01-15 来源：某某日报\n记者从市教育局了解到，全市中小学今天起陆续放寒假，寒假时间为四周。\n"
    related = "某区举办迎新春书画展\n2020-01-14 09:30\n阅读 1,204\n"
    articles = _articles(article + related)
    assert [a.title for a in articles] == ["全市中小学今起放寒假"] and articles[0].date == "2020-01-15"
    assert "阅读 1,204" in articles[0].paragraphs  # kept where it was printed, not lost
    # a short item of a digest is an article: it has a sentence
    short = "某区举办迎新春书画展\n2020-01-14 09:30\n展览展出本区书画爱好者的作品两百余件，持续到元宵节。\n"
    assert [a.title for a in _articles(article + short)] == ["全市中小学今起放寒假", "某区举办迎新春书画展"]


def test_a_label_that_names_no_one_does_not_anchor_the_header():
    # 主题分类：首页 in a menu is read (an information-disclosure table's label), but the headline sits over the date
    text = ("登录\n新用户？\n主题分类：首页\n从原子弹爆炸原理想开去\n2005-01-16 11:40\n"
            "原子弹的原理并不复杂，难的是把它变成现实，这需要无数人多年的努力。\n")
    (article,) = _articles(text)
    assert (article.title, article.date) == ("从原子弹爆炸原理想开去", "2005-01-16T11:40")


def test_headers_of_a_cached_page_a_wire_a_magazine_and_a_translation():
    body = "本报讯 全市今年新建公园二十座，绿地面积继续扩大，市民休闲有了更多去处。\n"
    cached = ("这是 http://news.example.cn/a/1.htm 的快照，是该网页在2023年11月8日 06:42:17 的存档。当前页面可能已经更改，请点击此处查看最新页面。\n"
              "某市新建公园二十座\n来源：某某日报　　版次：第03版　　发布时间：2023年11月07日 07:05　　【字体：大 中 小】\n")
    (article,) = clean(cached + body).articles
    assert (article.title, article.date, article.source) == ("某市新建公园二十座", "2023-11-07T07:05", "某某日报")
    assert not any("快照" in p for p in article.paragraphs)
    wire = "某公司发布新一代贴片\n发布时间：2023/11/07 09:00 (GMT+8)　|　产业分类：医疗器材、人工智能\n"
    assert clean(wire + body).articles[0].date == "2023-11-07T09:00"
    magazine = ("县城咖啡，卷到第几层了\n导语：一杯9.9元的美式背后，是加盟品牌和返乡年轻人之间的一场拉锯。\n"
                "来源：某某商业周刊　2023年第42期　　2023.11.06 08:00\n文｜《某某商业周刊》记者 夏知微　　编辑｜邵临\n")
    (article,) = clean(magazine + body).articles
    assert (article.source, article.author, article.editor) == ("某某商业周刊", "夏知微", "邵临")
    assert article.paragraphs == [body.strip()]  # the page's pitch (导语) is not the article's text
    translated = "德国街角面包店一年少了近千家\n2023-11-06 14:27　　来源：某某参阅网　　编译：宋嘉言　　参与评论(12)\n"
    assert clean(translated + body).articles[0].author == "宋嘉言"


def test_a_taiwan_papers_bracketed_byline_and_a_page_title_with_a_full_width_dash():
    text = ("電動公車達62輛 重返全國第一－地方新聞－某城新聞網\n首頁 | 市政 | 地方\n電動公車達62輛 重返全國第一\n增加8輛 再度超越桃園\n"
            "2017/06/29 07:45　｜　來源：自由時報\n〔記者張菁雅／台中報導〕七十四路公車已於五月卅一日上路，市府交通局長表示電動公車總數已達六十二輛。\n"
            "※本文轉載自自由時報，著作權歸原作者所有，如有侵權請來信告知，我們將儘速處理。\n")
    (article,) = clean(text).articles
    assert (article.title, article.subtitle, article.author) == ("电动公车达62辆 重返全国第一", "增加8辆 再度超越桃园", "张菁雅")
    assert len(article.paragraphs) == 1  # the repost notice is furniture


def test_a_wechat_notice_keeps_its_signature_and_tip_and_loses_the_account_card():
    text = ("警情通报\n原创 某某公安 某某公安 2023-11-07 21:36 广东\n某某公安\n微信号 mougong_gaj\n"
            "功能介绍 某市公安局官方微信公众号，发布警务资讯，提供便民服务。\n"
            "11月6日18时40分许，某区一小区内发生一起因邻里纠纷引发的故意伤害案件，犯罪嫌疑人已被依法刑事拘留。\n"
            "某市公安局某某分局\n2023年11月7日\n【警方提示】\n邻里之间发生矛盾纠纷，应当通过协商、调解等合法途径解决，切勿意气用事。\n"
            "编辑：叶蔓  审核：程子谦\n来源：某某分局\n微信扫一扫可打开此内容，\n使用完整服务\n")
    (article,) = clean(text).articles
    assert (article.title, article.date, article.source, article.editor) == ("警情通报", "2023-11-07T21:36", "某某分局", "叶蔓")
    assert article.paragraphs[1:4] == ["某市公安局某某分局", "2023年11月7日", "【警方提示】"]
    assert len(article.paragraphs) == 5 and not any("微信" in p for p in article.paragraphs)


def test_a_reports_lineups_stay_and_its_bracketed_signature_names_the_writer():
    text = ("江苏客场不敌吉林被双杀\n2011年02月11日21:58　　来源：某某体育\n"
            "某某体育讯北京时间2月11日，吉林队主场以106比100战胜江苏队，本赛季对江苏两回合全胜。\n"
            "双方首发：\n吉林：卢伟、李涛、钟诚、于澍龙、杰米尔\n江苏：胡雪峰、易立、孟达、刘亚晖、莫伊索\n[技术统计]\n(王鹏)\n本场最佳\n相关新闻\n")
    (article,) = clean(text).articles
    assert article.author == "王鹏"
    assert article.paragraphs[1:] == ["双方首发：", "吉林：卢伟、李涛、钟诚、于澍龙、杰米尔", "江苏：胡雪峰、易立、孟达、刘亚晖、莫伊索"]


def test_a_self_media_post_reads_its_creator_badge_and_loses_its_bracketed_keywords_and_bio():
    text = ("济南小清河支流漏油20吨！环保局通报原因\n泉城鲜事汇\n2012-07-24 16:05 · 本地资讯领域创作者\n"
            "小清河出现大面积油污，沿岸很多村民出现不适症状。（济南漏油 小清河污染 蓝星石油漏油事件）23日，环保局通报了处置情况。\n"
            "【作者简介】沈某秋，某大学公共管理学院副教授，长期关注环境治理。\n")
    (article,) = clean(text).articles
    assert article.date == "2012-07-24T16:05"
    assert article.paragraphs == ["小清河出现大面积油污，沿岸很多村民出现不适症状。23日，环保局通报了处置情况。"]


def test_dates_under_european_and_english_labels_and_a_row_naming_its_column():
    body = "\n某地新建公园二十座，绿地面积继续扩大，市民休闲有了更多去处。\n"
    for row, date in (("Pubblicato il: 07/11/2023 09:48", "2023-11-07T09:48"), ("Release time: 2023/11/07 09:48", "2023-11-07T09:48"),
                      ("所属栏目：要闻 | 作者：张三 | 发布时间：2023-11-07 09:48", "2023-11-07T09:48")):
        assert _articles("某地新建公园二十座\n" + row + body)[0].date == date
    assert _articles("某地新建公园二十座\nAggiornato il: 08/11/2023 10:00" + body)[0].date == "2023-11-08T10:00"  # the only date printed


def test_a_dated_row_of_unknown_labels_over_the_text_is_the_header_but_a_notices_time_and_place_stay():
    body = "为做好冬季安全生产工作，现将有关事项通知如下，请各单位认真贯彻落实。\n"
    (article,) = _articles("关于做好冬季安全生产工作的通知\n发布时间：2023-11-07 09:48 | 责任单位：某某局 | 信息类别：通知\n" + body)
    assert article.date == "2023-11-07T09:48" and article.paragraphs == [body.strip()]
    notice = "关于召开安全生产会议的通知\n2023-11-01\n" + body + "会议时间：2023-11-07　地点：市政府三楼会议室\n"
    assert "会议时间：2023-11-07　地点：市政府三楼会议室" in _articles(notice)[0].paragraphs
