"""A table that the article's text introduces stays as rows of text; tables nothing introduces
(spec sheets under a caption, grids of links, footers) are still furniture."""

from __future__ import annotations

from cleannews import tables
from cleannews.document import Document, Options
from cleannews.edits import replay
from cleannews.pipeline import clean

HEAD = ["临江观鸟会开展冬季水鸟同步调查", "2023-12-04　来源：临江观鸟会"]
LEAD = ["12月2日至3日，临江观鸟会组织42名会员和志愿者，分成9个小组，开展了今冬第一次水鸟同步调查。两天共记录到水鸟57种、21630只。"]
AFTER = ["调查组也注意到一些变化。东滩的部分养殖塘今年改成了光伏养殖，原本在塘里觅食的鹭类明显减少。",
         "观鸟会已把调查数据提交给湿地保护管理站，并建议在越冬高峰期减少人为干扰。"]
PIPE_TABLE = ["| 鸟种 | 保护级别 | 数量（只） | 去年同期（只） |", "|---|---|---|---|", "| 黑脸琵鹭 | 国家一级 | 31 | 22 |",
              "|  |  |  |  |", "| 黑腹滨鹬 | — | 8460 | 7120 |", "| 反嘴鹬 | 国家二级（省级重点） | 1106 | 864 |"]
ROWS = ["鸟种 保护级别 数量（只） 去年同期（只）", "黑脸琵鹭 国家一级 31 22", "黑腹滨鹬 — 8460 7120", "反嘴鹬 国家二级（省级重点） 1106 864"]


def paragraphs(lines: list[str]) -> list[str]:
    result = clean("\n".join(lines))
    assert len(result.articles) == 1
    return result.articles[0].paragraphs


def test_an_introduced_table_becomes_one_line_per_row_and_its_separator_and_empty_rows_go():
    lines = HEAD + LEAD + ["本次调查记录的主要水鸟数量如下："] + PIPE_TABLE + AFTER
    doc, edits = tables.run(Document(tuple(lines)), Options())
    assert replay(lines, edits) == list(doc.lines)
    assert [line for line in doc.lines[4:10] if line] == ROWS
    assert {e.rule for e in edits} == {"table-row"} and len(edits) == len(PIPE_TABLE)
    assert paragraphs(lines) == LEAD + ["本次调查记录的主要水鸟数量如下："] + ROWS + AFTER


def test_the_rows_survive_a_second_cleaning_so_the_output_is_stable():
    first = clean("\n".join(HEAD + LEAD + ["本次调查记录的主要水鸟数量如下："] + PIPE_TABLE + AFTER)).text
    assert all(row in first for row in ROWS)
    assert clean(first).text == first


def test_a_table_under_a_bare_caption_stays_furniture():
    lines = HEAD + LEAD + AFTER + ["溯风T6 2024款 增程版 主要参数", "| 车型 | 长续航版 | 旗舰版 |", "|---|---|---|",
                                   "| 指导价 | 17.58万 | 19.58万 |", "| 纯电续航 | 210km | 210km |"]
    assert tables.pipe_tables(lines) == []
    assert paragraphs(lines) == LEAD + AFTER


def test_a_widget_row_ending_in_a_label_introduces_no_table_and_protects_no_footer():
    lines = ["【打印本页】　【关闭窗口】　　分享到：", "主办单位：某某县人民政府办公室　承办单位：某某县大数据中心",
             "网站标识码：3411240001　皖ICP备05017754号"]
    assert not tables.table_rows(lines)
    grid = ["更多精彩内容请点击下面的链接：", "| 首页 | 新闻 | 体育 |", "| 财经 | 科技 | 汽车 |"]
    assert tables.pipe_tables(grid) == []  # no figure in its rows: a grid of links


def test_an_introduction_over_a_few_paragraphs_reaches_the_table_under_them_and_nothing_else_does():
    lines = HEAD + ["受高空槽东移影响，19日至20日我省将有一次较明显的降雨过程。具体预报如下：",
                    "19日：北部地区阴有中到大雨，局部暴雨；南部地区多云。", "20日：中部和南部地区阴有中雨，局部大雨。",
                    "| 城市 | 19日 | 20日 |", "|---|---|---|", "| 丹垣 | 大雨 23～28℃ | 阵雨 22～29℃ |", "| 苇塘 | 中雨 22～27℃ | 阵雨 22～28℃ |"] + AFTER
    assert tables.pipe_tables(lines) == [(5, 9)]
    first = clean("\n".join(lines)).text
    assert "丹垣 大雨 23～28℃ 阵雨 22～29℃" in first and clean(first).text == first
    # a quoted post's "引用…的发言：" announces no table: the buttons and posts under it are no rows
    thread = ["引用2楼 方块达人 的发言：", "1亿次付费下载，这个数字太吓人了。", "二十多年的老游戏了，卖多少都不奇怪。",
              "[回复]　[支持(7)]　[反对(2)]", "4楼　台北方块迷　　2010-01-22 13:05"]
    assert not tables.table_rows(thread)
