"""Metadata lines: dates, sources, authors and editors as Chinese news pages print them.

A news page prints its metadata as labelled fields (``来源：``, ``作者：``,
``责任编辑：``, ``发布时间：``), often several on one line with separators and
widgets between them, or as a bare byline (``本报记者 王志强``) or date. This
module recognises such lines and parses them into fields; the segmentation
pass decides what to do with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

from .caching import line_cache
from .vocabulary import SECTION_TOPICS, UI_WORDS, variants

# 北京时间, 香港時間: the zone a time is given in, printed before it
_ZONE_TIME = r"(?:北京|香港|澳门|澳門|台北|臺北|当地|當地)?(?:时间|時間)"
_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    # the weekday (（星期二）, 周二) and the time zone's name (香港时间16时30分) may come between day and time
    r"(?:\s*[（(]?\s*(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]\s*[）)]?)?"
    r"(?:\s*(?:[T ]|\s)*(?:%s)?(?P<half>上午|中午|下午|晚上|凌晨|早上|傍晚|夜间|夜間)?"
    r"\s*(?P<H>\d{1,2})\s*[:：时時]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2})秒?|分)?)?" % _ZONE_TIME
)
_AFTERNOON = ("下午", "晚上", "傍晚", "夜间", "夜間")  # 下午4:35 is 16:35
# 15/01/2024 10:32 (Southeast Asian and Hong Kong pages put the day first; 7/5/2005 9:23:57 PM, with
# AM/PM or a month over 12 in second place, is an American month first)
_DAY_FIRST_DATE = re.compile(
    r"(?<![\dA-Za-z/.])(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d/.])"  # 07.11.2023 too
    r"(?:\s+(?:às\s+|at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?P<meridiem>\s*[AaPp]\.?[Mm]\.?)?)?"  # 17/07/2012 às 14:20
)
# 二〇二三年五月六日: the date in Chinese numerals (transcripts, official notices)
_CN_DATE = re.compile(
    r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<d>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
)
# Wed, 24 Aug 2011 15:20:00 +0800 (a feed's pubDate): the local time as printed, its offset dropped
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ENGLISH_MONTH = re.compile(r"\b(?:%s)" % "|".join(_MONTHS))
_RFC822_DATE = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>%s)[a-z]*\.?,?\s+(?P<y>(?:19|20)\d{2})"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?:[+-]\d{4}|GMT|UTC))?)?" % "|".join(_MONTHS)
)
# Mar 5, 2024 · 6:00 AM, March 4, 2024 at 3:40pm: an English page's (or an overseas Chinese paper's) date
_MONTH_FIRST_DATE = re.compile(
    r"\b(?P<m>%s)[a-z]*\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})(?!\d)"
    r"(?:\s*(?:[·•,]|at)?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?P<meridiem>\s*[AaPp]\.?[Mm]\.?)?)?" % "|".join(_MONTHS)
)
# 17 de julho de 2012 · 10:24, terça-feira, 17 de julho de 2012: a Portuguese page's date (Brazil, Portugal, Macau)
_PORTUGUESE_MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro")
_PORTUGUESE_DATE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s+de\s+(?P<m>%s)\s+de\s+(?P<y>(?:19|20)\d{2})(?!\d)"
    r"(?:\s*[·•,]?\s*(?:às\s*)?(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?)?" % "|".join(_PORTUGUESE_MONTHS),
    re.I,
)
# Mon Jan  1 09:17:42 2001: the C library's clock, as a BBS stamps its posts (发信站: … (Mon Jan  1 09:17:42 2001))
_CTIME_DATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(?P<m>%s)\s+(?P<d>\d{1,2})\s+(?P<H>\d{1,2}):(?P<M>\d{2}):(?P<S>\d{2})\s+(?P<y>(?:19|20)\d{2})"
    % "|".join(_MONTHS)
)
_CN_DIGIT = {ch: n for n, chars in enumerate(("〇○零", "一", "二", "三", "四", "五", "六", "七", "八", "九")) for ch in chars}


def _number(text: str) -> int:
    """``text`` as a number: ASCII digits, a year digit by digit (二〇二三) or a day (二十六)."""
    if text.isdigit() and text.isascii():
        return int(text)
    if text in _MONTHS:
        return _MONTHS.index(text) + 1
    if text.lower() in _PORTUGUESE_MONTHS:
        return _PORTUGUESE_MONTHS.index(text.lower()) + 1
    if "十" not in text:
        return int("".join(str(_CN_DIGIT[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    return 10 * (_CN_DIGIT[tens] if tens else 1) + (_CN_DIGIT[ones] if ones else 0)


# 24-03-15, 23-10-21 21:58: a year in two digits, always 20xx on a news page
_SHORT_YEAR_DATE = re.compile(
    r"(?<![\d/.:-])(?P<y>\d{2})-(?:(?P<m>\d{2})-(?P<d>\d{2})(?![\d:-])|(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?=\s+\d{1,2}:\d{2}))"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"  # 12-7-23 10:05: one-digit month or day only with a time
)
# 113-04-18, 民國113年4月18日: Taiwan's official (Republic of China) year, 1911 years behind
_ROC_DATE = re.compile(
    r"(?:(?<![\d/.:-])|(?<=民國)|(?<=民国))(?P<y>1[01]\d)\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_YEAR_OFFSET = {_SHORT_YEAR_DATE: 2000, _ROC_DATE: 1911}


def _date_match(text: str) -> Optional[re.Match]:
    """The first date of ``text``, in digits, in Chinese numerals or as a feed writes it (RFC 822)."""
    match = _DATE.search(text)
    if match:
        return match
    if "年" in text and "月" in text and (match := _CN_DATE.search(text) or _ROC_DATE.search(text)):
        return match
    if ("/" in text or "." in text) and (match := _DAY_FIRST_DATE.search(text) or _ROC_DATE.search(text)):
        return match  # 07/11/2023, 07.11.2023; 112/11/07 (Taiwan)
    if "-" in text and (match := _SHORT_YEAR_DATE.search(text) or _ROC_DATE.search(text)):
        return match
    if " de " in text and (match := _PORTUGUESE_DATE.search(text)):
        return match
    if not _ENGLISH_MONTH.search(text):
        return None
    return _RFC822_DATE.search(text) or _CTIME_DATE.search(text) or _MONTH_FIRST_DATE.search(text)


# After a date label, a page may print month and day only (发布：04-14 14:48): the year is the page's.
_MONTH_DAY = re.compile(
    r"(?<!\d)(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
)
# 11月7日 09:48 without a label: a header's date without its year (04-08 20:14 stamps a list's items)
_BARE_MONTH_DAY = re.compile(  # not glued to words (某某体育10月21日讯 opens a dateline)
    r"(?<![\d年.\u4e00-\u9fff])\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}\s*[:：]\s*\d{2})?(?![\d:\u4e00-\u9fff])"
)
CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"  # 09:48, 10:02:15: a live entry's, a transcript's or a stamp's time
_CLOCK_IN_ROW = re.compile(rf"(?<![\d:]){CLOCK}(?![\d:])")


def at_time(date: str, clock: str) -> str:
    """``date`` at the time ``clock``.

    >>> at_time("2024-03-15", "9:05"), at_time("2024-03-15", "10:02:15")
    ('2024-03-15T09:05', '2024-03-15T10:02:15')
    """
    return f"{date}T{clock.zfill(len(clock) + (clock.index(':') == 1))}"


# 3小时前, 刚刚, 昨天 14:20: when the page was looked at, not when the article appeared
_RELATIVE_TIME = re.compile(
    r"(?:\d{1,3}\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月)前|刚刚|剛剛|(?:今天|昨天|前天)(?:\s*\d{1,2}[:：]\d{2})?)"
)
FIELD_LABELS = {
    "date": "Published|Publish Date|Release Date|Release time|Date posted|Posted on|Posted|Date|Pubblicato il|Pubblicato|Data di pubblicazione|Data pubblicazione|Data|Publicado em|Publicado el|Publicado|Publié le|发布时间|发布日期|发表时间|发表日期|发稿时间|出版时间|公告日期|公开日期|发文日期|成文日期|印发日期|发布于|日期|时间|发布|发表|发稿|刊发|出版|首发|기사입력|입력|등록|승인",
    "updated": "Last updated|Last modified|Updated|Modified|Aggiornato il|Aggiornato|Atualizado em|Actualizado el|Mis à jour le|最后更新时间|最后更新|更新时间|更新日期|更新于|修改时间|编辑于|更新|答复时间|回复时间|최종수정|수정",  # the article's date only when the page prints no other
    "source": "文章来源|新闻来源|消息来源|本文来源|信息来源|稿件来源|供稿单位|发布单位|发布机构|发文机关|发文单位|报纸名称|来源|稿源|供稿|出处|来自|出品",
    "editor": "责任编辑|值班编辑|编辑|责编",
    "author": "原文作者|文案|作者|编译|本报记者|本台记者|本刊记者|本网记者|特约记者|见习记者|实习记者|首席记者|驻站记者|全媒体记者|融媒记者|公民记者|前方记者|记者|撰文|撰稿|采写|报道|通讯员|摄影|文字|文|图",
    "review": "图片编辑|美术编辑|美编|视觉编辑|视频编辑|审核|终审|复审|初审|审校|审稿|校对|编审|签发|监制|统筹|策划|译者|翻译|剪辑|后期",
    "aside": "联络人|联系人|联络电话|联系电话|供图|订阅源|原文链接|原文地址|原文网址|本文链接|本文地址|链接|网址|导出时间|原标题|公告类型|公告编号|证券代码|证券简称|股票代码|股票简称|答复单位|回复单位|办理单位|受理单位|留言编号|发布者|发稿人|版次|版面|索引号|主题分类|产业分类|新闻分类|文章分类|体裁分类|组配分类|服务对象|发文字号|文号|公开方式|公开范围|有效性",  # read, not stored
    "junk": "点击数|点击量|点击|点阅次数|点阅|浏览次数|浏览量|浏览|阅读量|阅读|访问量|热度|人气|字号|字级|分享到|分享|조회수|조회",
}
_RESPONSIBLE_EDITOR = ("责任编辑", "責任編輯")
_CONTRIBUTED = ("供稿",)  # a source label whose value may be a person: then the author
_PEOPLE_FIELDS = ("author", "editor", "review")  # labels whose value is a list of names
_LABEL = re.compile(  # a label never continues a Han word (组图：… is a title, not 图：); traditional forms too
    "(?<![\u4e00-\u9fff])(?:本页|本頁|本版|本期)?(?P<label>"  # 本版编辑：, 本页值班编辑：: the page's or edition's
    + "|".join(f"(?P<{name}>{'|'.join(variants(tuple(alts.split('|'))))})" for name, alts in FIELD_LABELS.items())
    # 来源：某某, and after a label of two characters or more a slash or bar: 发布/2023年…, 编辑｜某某
    # 文｜某某 and 图/某某 too, where the one-character label opens the line or follows a gap
    + r")\s*(?:[:：]|(?:(?<=[\u4e00-\u9fff]{2})|(?<=^[文图圖])|(?<=\s[文图圖]))\s*[/／｜|](?=\s*[\w\u4e00-\u9fff《])"
    r"|(?<=[于於])(?=\s*\d)"  # 发布于 2023-…
    r"|(?<=[\uac00-\ud7a3])(?=\s*\d))\s*"  # 입력 2023.11.07 09:48: a Korean site's labels take no colon
)
_ROLE = r"(?:(?:特约|特約|见习|見習|全媒体|全媒體|融媒|首席)?(?:记者|記者|通讯员|通訊員)|实习生|實習生)"
_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,3}?"  # lazy: 山东冠县报道 is no name
_ROLE_WORD = re.compile(_ROLE)
# How outlet names end (某某网, 某某日报, 某某电视台, 某某通讯社, 某某在线, 某某传媒): a crumb or token
# ending otherwise (国内, 政务动态, 文化新闻) names a section, not the publisher.
OUTLET_END = re.compile(r"(?:网|網|网站|網站|官网|官網|报|報|台|社|刊|在线|在線|传媒|傳媒|融媒|媒体中心|媒體中心|时评|時評|快讯|快訊|视点|視點|资讯网|周刊|杂志|雜誌|客户端|客戶端)$")
_OUTLET_TOKEN = re.compile(r"[\u4e00-\u9fff·]{2,14}")
_URL_TOKEN = re.compile(r"(?:https?://)?(?:[\w-]+\.)+(?:com|cn|net|org|gov|edu|hk|tw|mo)(?:[/:?#]\S*)?", re.I)
POSTED_VIA = re.compile(r"(?:来自|來自)\s*[\w·]{1,12}(?:\s+[A-Za-z][\w.]{1,15})?")  # 来自 微博 weibo.com, 来自 iPhone客户端
_POSTED_AT = re.compile(r"(?:发表于|發表於|发布于|發佈於)[\u4e00-\u9fff]{2,8}")  # 发表于江苏: where a post was sent from
# 记者 王静 通讯员 刘洋 / 谭晓雨 彭湃 / 李某；晏某 (a library record) after a label: names one space apart, roles between them (a wider
# gap, a bar or the next label ends the value)
_PEOPLE = re.compile(
    rf"\s*(?:{_ROLE}\s?)?[\u4e00-\u9fff·]{{2,4}}(?:(?:[ \u3000、，,；]|\s?{_ROLE}\s?)[\u4e00-\u9fff·]{{2,4}})*(?![\u4e00-\u9fff·])"
)
# 山东冠县报道 / 发自北京 after the names; a photo credit (摄影报道) is a caption line, not a byline
_REPORT = r"(?:报道|報道|报导|報導)"
_REPORTED = rf"(?:\s*[／/]?\s*[\u4e00-\u9fff]{{0,8}}{_REPORT}|\s*(?:发自|發自)[\u4e00-\u9fff]{{2,8}})"
_BYLINE = re.compile(
    r"^(?!.*(?:摄影|攝影))[（(\[【]?\s*[□■●◆◇▲△★☆◎]?\s*"  # an ornament may lead: □本报记者 某某
    # an outlet may precede 记者, but 据某报记者 某某 报道 opens a sentence
    r"(?:本报|本報|本台|本刊|本网|本網|(?![据據由])[\u4e00-\u9fff·]{1,12}?(?:报|報|社|台|网|網|新闻|新聞|客户端)"
    r"|(?![据據由])[\u4e00-\u9fff]{2,3}(?=记者|記者))?"  # 每经记者, 总台记者: an outlet's short name
    rf"{_ROLE}(?:\s+(?P<names>{_NAMES})(?:\s+{_ROLE}\s+(?P<more>{_NAMES}))?{_REPORTED}?"
    rf"|\s*(?P<joined>[\u4e00-\u9fff·]{{2,4}}){_REPORTED})"  # 本报记者罗某发自北京: no space needs the tail
    r"\s*[）)\]】]?$"
)
# Every field needs a label's colon, a date's digits, a byline's 记者/通讯员 or slash, or an editor's
# title: a cheap test first.
_MAYBE_METADATA = re.compile(r"[:：\d/／]|[〇○零一二三四五六七八九]{4}年|^本文|^文章|^此文|记者|記者|通讯员|通訊員|编辑|編輯|责编|責編|刚刚|剛剛|" + _REPORT + "$")
# A bar after a label (来源 | 某某, 文｜某某) is a colon; a bar between menu items is not
_BAR_AFTER_LABEL = re.compile(
    "(?:%s)\\s*[|｜]" % "|".join(variants(tuple("|".join(FIELD_LABELS.values()).split("|")) + ("撰文",)))
)
_SEPARATORS = re.compile(r"[\s|｜/／\\·•・\-—_>＞›»]+")
_BRACKET_TAG = re.compile(r"[\[【［][^\]】］]{1,6}[\]】］]")
# Values that name no one: content farms fill the author field with them.
_PLACEHOLDER_AUTHORS = {"综合", "佚名", "本站", "网络", "未知", "admin", "管理员", "小编", "匿名", "网友"}
# Kinds of report (专题 报道, 独家 报道): before 报道 they name no reporter.
_NO_NAMES = _PLACEHOLDER_AUTHORS | set(variants((
    "专题", "深度", "独家", "现场", "特别", "联合", "系列", "跟踪", "追踪", "连续", "相关", "图片", "视频", "新闻",
    "媒体", "本报", "本台", "本网", "集中", "重点", "综合性", "详细", "最新", "后续", "调查",
)))


@dataclass
class Fields:
    """Metadata parsed from one line; ``consumed`` is how many characters were metadata."""

    date: Optional[str] = None
    source: Optional[str] = None
    author: Optional[str] = None
    editor: Optional[str] = None
    updated: Optional[str] = None  # when the page says it was last changed: the date only when it prints no other
    consumed: int = 0
    rest: str = ""
    found: list[str] = field(default_factory=list)
    widgets: bool = False  # widget words (回复, 打印, 字号) were among the rest

    @property
    def heads_article(self) -> bool:
        """Date, source or byline: what a header prints under a title (an editor line closes an article)."""
        return bool(self.date or self.source or self.author)

    @property
    def names_someone(self) -> bool:
        """A source, author or editor: the article's credits, wherever they sit."""
        return bool(self.source or self.author or self.editor)

    @property
    def date_only(self) -> bool:
        """A date and no one named: a time stamp, a page's date, a link's date."""
        return bool(self.date) and not self.names_someone

    @property
    def closes_article(self) -> bool:
        """Date, source or editor: printed after the body, the article's last lines."""
        return bool(self.date or self.source or self.editor)


def parse_date(text: str) -> Optional[str]:
    """The first date in ``text`` as ISO 8601, as precise as the source.

    >>> parse_date("2021年08月25日16:51 | 来源:山东工会网")
    '2021-08-25T16:51'
    >>> parse_date("时间:2024-03-29 19:49:02")
    '2024-03-29T19:49:02'
    >>> parse_date("发布日期:2022-12-23 打印")
    '2022-12-23'
    >>> parse_date("2012/07/27 23:11:01")
    '2012-07-27T23:11:01'
    >>> parse_date("共计捐款344.703万元") is None
    True
    >>> parse_date("来源：某某网　二〇二三年五月六日"), parse_date("二〇二四年十二月二十六日")
    ('2023-05-06', '2024-12-26')
    >>> parse_date("发布时间：Wed, 24 Aug 2011 15:20:00 +0800")
    '2011-08-24T15:20:00'
    >>> parse_date("2024年3月8日 下午4:35"), parse_date("2024年3月8日 上午9:10")
    ('2024-03-08T16:35', '2024-03-08T09:10')
    >>> parse_date("发布于 15/01/2024 10:32 WIB"), parse_date("7/5/2005 9:23:57 PM")
    ('2024-01-15T10:32', '2005-07-05T21:23:57')
    >>> parse_date("2024年3月12日（星期二）香港时间16时30分"), parse_date("2023年11月7日 星期二 09:48")
    ('2024-03-12T16:30', '2023-11-07T09:48')
    >>> parse_date("发布日期：24-03-15"), parse_date("23-10-21 21:58"), parse_date("發布日期：113-04-18")
    ('2024-03-15', '2023-10-21T21:58', '2024-04-18')
    >>> parse_date("12-7-23 10:05　来自 某某头条文章"), parse_date("电话 3-2-1")
    ('2012-07-23T10:05', None)
    >>> parse_date("Mar 5, 2024 · 6:00 AM"), parse_date("March 4, 2024"), parse_date("更新于 21/02/2024 3:40pm")
    ('2024-03-05T06:00', '2024-03-04', '2024-02-21T15:40')
    >>> parse_date("17 de julho de 2012 · 10:24"), parse_date("São Paulo, terça-feira, 17 de julho de 2012")
    ('2012-07-17T10:24', '2012-07-17')
    
    """
    match = _date_match(text)
    if not match:
        return None
    groups = match.groupdict()
    month, day = (groups["m"], groups["d"]) if groups.get("m") else (groups.get("m1"), groups.get("d1"))
    y, m, d = _number(match["y"]) + _YEAR_OFFSET.get(match.re, 0), _number(month), _number(day)
    if match.re is _DAY_FIRST_DATE and (m > 12 or (match["meridiem"] and d <= 12)):  # 7/5/2005 9:23:57 PM: month first
        m, d = d, m
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return _iso(f"{y:04d}-{m:02d}-{d:02d}", match)


def _iso(day: str, match: re.Match) -> str:
    """``day`` with the time of ``match``, as precise as printed."""
    if match["H"] is not None and int(match["H"]) < 24 and int(match["M"]) < 60:
        hour = int(match["H"])
        groups = match.groupdict()
        meridiem = (groups.get("meridiem") or "").replace(".", "").strip().upper()
        if (groups.get("half") in _AFTERNOON or meridiem == "PM") and hour < 12:
            hour += 12
        elif meridiem == "AM" and hour == 12:  # 12:30 AM is half past midnight
            hour = 0
        day += f"T{hour:02d}:{match['M']}"
        if match["S"] is not None:
            day += f":{match['S']}"
    return day


def _month_day(value: str) -> Optional[str]:
    """A date without its year (``04-14 14:48``) as ISO 8601's ``--04-14T14:48``; the article takes
    the year from the page (:func:`complete_date`).

    >>> _month_day("04-14 14:48"), _month_day("8月25日"), _month_day("13-01")
    ('--04-14T14:48', '--08-25', None)
    """
    match = _MONTH_DAY.match(value.strip())
    if not match or not (1 <= int(match["m"]) <= 12 and 1 <= int(match["d"]) <= 31):
        return None
    return _iso(f"--{int(match['m']):02d}-{int(match['d']):02d}", match)


# 香港时间11时45分, 11:45: a time printed on the line under its date
_TIME_ONLY = re.compile(r"^(?:%s\s*)?(?P<H>\d{1,2})\s*[:：时時]\s*(?P<M>\d{2})\s*分?$" % _ZONE_TIME)


def with_time_below(date: Optional[str], following: str) -> Optional[str]:
    """``date`` (a day without its time) with the time that ``following`` alone prints, else ``None``.

    >>> with_time_below("2024-03-14", "香港时间11时45分"), with_time_below("2024-03-14T09:00", "11:45")
    ('2024-03-14T11:45', None)
    """
    match = _TIME_ONLY.match(following.strip())
    if not (date and "T" not in date and match and int(match["H"]) < 24 and int(match["M"]) < 60):
        return None
    return f"{date}T{int(match['H']):02d}:{match['M']}"


def complete_date(date: Optional[str], page_date: Optional[str]) -> Optional[str]:
    """``date``, given the year of ``page_date`` if it printed none; a date still without a year is no date.

    >>> complete_date("--04-14T14:48", "2024-04-14"), complete_date("--04-14", None), complete_date("2023-01-02", "2024-01-01")
    ('2024-04-14T14:48', None, '2023-01-02')
    """
    if date is None or not date.startswith("--"):
        return date
    return page_date[:4] + date[1:] if page_date and not page_date.startswith("--") else None


def _clean_value(value: str) -> str:
    value = _BRACKET_TAG.sub("", value)
    return value.strip(" \t\u3000|｜()（）[]【】:：,，;；")


# 文/李婧, 文｜周屿, 秦朗/文, 撰文／某某, 图/文 某某, 钟佩玲　报道: a writer's credit without 记者
# Who the writer is, between 文/ and the name: 本报记者, 观察者网专栏作者, 《某某周刊》记者, 特约评论员
_CREDIT_ROLE = (
    rf"(?:《?[\u4e00-\u9fff·]{{0,10}}?》?(?:{_ROLE}|专栏作者|專欄作者|特约作者|特約作者|特约撰稿人|特約撰稿人|撰稿人|特约评论员|特約評論員|评论员|評論員)\s*)?"
)
_LEADING_ROLE = re.compile(r"\s*" + _CREDIT_ROLE)
_CREDIT_BYLINE = re.compile(
    rf"^[【\[]?(?:(?:文|撰文|作者)\s*[/／｜|]\s*{_CREDIT_ROLE}(?P<names>{_NAMES}(?:\s*{_ROLE}\s*{_NAMES})*)(?:\s*[（(][^（）()]{{1,8}}[）)])?"
    rf"|(?P<joined>{_NAMES})\s*[/／]\s*(?:文|撰文)"
    rf"|(?:图|圖)\s*[/／]\s*文\s*[/／｜|:：]?\s*(?P<more>{_NAMES})"
    rf"|(?P<reporter>{_NAMES})\s+{_REPORT})[】\]]?$"
)
_CREDIT_HINT = re.compile(rf"[/／｜|]|{_REPORT}$")
# 本文来自微信公众号“某某”（ID：xxx），作者：某某，某站经授权发布。: a repost names where it came from
# 发信人: haiyan (海燕), 信区: News / 发信站: 某某BBS (Mon Jan  1 09:17:42 2001), 站内信件 /
# 【转载自《人民日报》2001年1月1日】 / 【 以下文字转载自 Headline 讨论区 】 / 【 原文由 haiyan 所发表 】
_BBS_HEADER = re.compile(
    r"^(?:(?:发信人|發信人)\s*[:：]\s*\S+(?:\s*\([^()]*\))?\s*[,，]\s*(?:信区|信區)\s*[:：]\s*\S+"
    r"|(?:发信站|發信站)\s*[:：]\s*[^()]+?\s*\((?P<stamp>[^()]+)\)(?:\s*[,，]\s*\S+)?"
    r"|【\s*(?:转载自|轉載自)\s*《(?P<paper>[^》】]{2,20})》[^】]{0,20}】"
    r"|【\s*(?:以下文字)?(?:转载自|轉載自)\s*\S+\s*(?:讨论区|討論區)\s*】|【\s*原文由\s*\S+\s*所发表\s*】)$"
)
_REPOST_NOTE = re.compile(
    r"^(?:本文|文章|此文)(?:来自|來自|来源于|來源於|转载自|轉載自|转自|轉自|首发于|首發於)\s*"
    r"(?:微信公众号|微信公眾號|公众号|公眾號|微信号|微信號)?\s*[“「\"《]?(?P<source>[\u4e00-\u9fffA-Za-z0-9·]{2,20}?)[”」\"》]?\s*"
    r"(?:[（(](?:微信)?ID\s*[:：][^）)]*[）)])?"
    r"(?:\s*[，,]\s*作者\s*[:：]\s*(?P<author>[\u4e00-\u9fff·]{2,4}(?:[、 ][\u4e00-\u9fff·]{2,4}){0,3}))?"
    r"(?:\s*[，,][^。，,]{0,30}(?:授权|授權|发布|發佈|发表|發表|转载|轉載))?\s*[。.]?$"
)
_REPOST_OPENINGS = ("本文", "文章", "此文")
# 《 某某日报 》（ 2023年11月07日   第 05 版）: the print edition an online article reproduces
_PRINT_EDITION = re.compile(
    r"^《\s*(?P<paper>[\u4e00-\u9fffA-Za-z0-9·]{2,16}?)\s*》\s*[（(]?\s*(?P<date>[^（）()]{6,20}?)"
    r"\s*(?:第\s*[A-Z]?\s*\d{1,3}\s*版(?:\s*[:：]\s*[\u4e00-\u9fff·]{1,12})?)?\s*[）)]?$"
)
# （编辑 梁某某）, (责任编辑 某某): an editor's credit closing the article, without a colon
_BRACKETED_EDITOR = re.compile(rf"^[（(]\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s+(?P<names>{_NAMES})\s*[）)]$")


def _byline(text: str) -> Optional[str]:
    """The names of a byline that is the whole of ``text``; the cheap tests first, most lines name no reporter."""
    if _ROLE_WORD.search(text):
        if byline := _BYLINE.match(text):
            return _byline_names(byline)
        if names := _glued_credits(text):
            return names
    if not _CREDIT_HINT.search(text):
        return None
    credit = _CREDIT_BYLINE.match(text)
    return _byline_names(credit) if credit and _credit_names(credit) not in _NO_NAMES else None


def _credit_names(credit: re.Match) -> str:
    return next(name for name in credit.groups() if name)


def _without_roles(credits: str) -> str:
    """The names of a credit one space apart, its roles and separators gone (记者／黄某　实习生／朱某 → 黄某 朱某)."""
    return " ".join(_CREDIT_NOISE.sub(" ", credits).split())


def _byline_names(byline: re.Match) -> str:
    names = (byline.groupdict().get(g) for g in ("names", "more", "joined", "reporter"))
    return " ".join(_without_roles(n) for n in names if n)


@lru_cache(maxsize=1)
def _family_names() -> dict[str, str]:
    """Family name → ``common``, ``ambiguous`` (also a common word: 和, 江, 文) or ``compound`` (欧阳);
    ``data/surnames.tsv``, see ``PROVENANCE-surnames.md``."""
    table = resources.files("cleannews").joinpath("data", "surnames.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in table.splitlines())


def is_personal_name(text: str, cautious: bool = False) -> bool:
    """``text`` reads as a Chinese personal name: two or three Han characters after a family name
    (one more after a compound one). ``cautious`` refuses family names that are also common words,
    where a word would otherwise pass for a name.

    >>> is_personal_name("韩景玮"), is_personal_name("欧阳明月"), is_personal_name("手记"), is_personal_name("潍工宣")
    (True, True, False, False)
    >>> is_personal_name("江边"), is_personal_name("江边", cautious=True)
    (True, False)
    """
    if not _HAN_NAME.fullmatch(text):
        return False
    names = _family_names()
    if names.get(text[:2]) == "compound":
        return len(text) in (3, 4)
    kind = names.get(text[0])
    return len(text) in (2, 3) and (kind == "common" or (kind == "ambiguous" and not cautious))


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_ROLE_SPLIT = re.compile(f"({_ROLE})")


def _glued_credits(text: str) -> Optional[str]:
    """记者韩景玮实习生高鸿鹏, （记者韩景玮）: roles with names glued to them, no space between, as
    a closing credit prints them; each name must open with a family name (记者手记 is a heading).

    >>> _glued_credits("记者韩景玮实习生高鸿鹏"), _glued_credits("（记者韩景玮）"), _glued_credits("记者手记")
    ('韩景玮 高鸿鹏', '韩景玮', None)
    """
    pieces = _ROLE_SPLIT.split(text.strip("（(【[ ）)】]"))
    if pieces[0] or len(pieces) < 3:
        return None
    names = pieces[2::2]
    return " ".join(names) if all(is_personal_name(name) for name in names) else None


def parse_fields(line: str) -> Fields:
    """Parse every labelled field of ``line``.

    >>> f = parse_fields("[要闻] 时间:2023-05-06 08:30:00 来源:某某日报 作者:综合 点击:42次")
    >>> (f.date, f.source, f.author, f.rest)
    ('2023-05-06T08:30:00', '某某日报', None, '[要闻]')
    >>> parse_fields("(责编:郑浦丽、邢曼华)").editor
    '郑浦丽、邢曼华'
    >>> f = parse_fields("来源: 发布日期:2022-12-23 打印")
    >>> (f.source, f.date)
    (None, '2022-12-23')
    >>> parse_fields("本报记者 王志强").author, parse_fields("光明日报记者 王建宏 张文攀").author
    ('王志强', '王建宏 张文攀')
    >>> parse_fields("□ 本报记者 李明 通讯员 赵亮").author, parse_fields("本报记者周小雨发自上海").author
    ('李明 赵亮', '周小雨')
    >>> parse_fields("某某报记者 钱进 河北阜平报道").author
    '钱进'
    >>> parse_fields("【文/某某网专栏作者 王文】").author, parse_fields("文/本报记者 王文").author
    ('王文', '王文')
    >>> parse_fields("文／记者肖某某　实习生陈某洁　（除署名外）").author
    '肖某某 陈某洁'
    >>> parse_fields("发信站: 某某BBS (Mon Jan  1 09:17:42 2001), 站内信件").date, parse_fields("【转载自《人民日报》2001年1月1日】").source
    ('2001-01-01T09:17:42', '人民日报')
    >>> parse_fields("TUNGSTAR/文并图").author, parse_fields("文｜沈某禾　　图｜受访者提供").author
    ('TUNGSTAR', '沈某禾')
    >>> f = parse_fields("出品：某某晚报全媒体中心　　前方记者：韩某 程某　　值班编辑：韦某鸣")
    >>> f.source, f.author, f.editor
    ('某某晚报全媒体中心', '韩某 程某', '韦某鸣')

    >>> f = parse_fields("作者：叶某秋（某某大学大气科学学院）　　审核：韩某　某市气象台高级工程师")
    >>> (f.author, f.rest)
    ('叶某秋', '')
    >>> parse_fields("作者：周某航律师").author
    '周某航'
    >>> f = parse_fields("来源：某某日报　记者 刘峰　通讯员 汪思琪")
    >>> (f.source, f.author, f.rest)
    ('某某日报', '刘峰 汪思琪', '')
    >>> parse_fields("2023-6-8 17:42 来自 某某 example.com　已编辑").rest
    ''
    >>> f = parse_fields("发布于 2023-09-12 22:40・IP 属地浙江")
    >>> f.date, f.rest, parse_fields("编辑于 2023-09-14 21:06").date
    ('2023-09-12T22:40', '', None)
    >>> f = parse_fields("责任编辑：某某_NF4425")
    >>> f.editor, f.rest
    ('某某', '')
    >>> parse_fields("记者：这次事故的原因查清了吗？有关部门怎样答复，家属们又是什么态度？").author is None
    True
    >>> f = parse_fields("입력 2023.11.07 09:48 | 수정 2023.11.08 10:00 | 조회수 1,234")
    >>> f.date, f.updated, f.rest
    ('2023-11-07T09:48', '2023-11-08T10:00', '')
    >>> f = parse_fields("《 某某日报 》（ 2023年11月07日   第 05 版）")
    >>> f.source, f.date, parse_fields("《某某日报》（2023年11月07日）").source
    ('某某日报', '2023-11-07', '某某日报')
    >>> parse_fields("2012-07-24 16:05 · 本地资讯领域创作者").rest
    ''
    >>> parse_fields("记者：冉某　通讯员：郑某川").author, parse_fields("通讯员：邹某轩　摄影：韩某").author
    ('冉某 郑某川', '邹某轩')
    >>> f = parse_fields("| 发布机构： | 某市税务局 | 成文日期： | 二〇二三年十一月七日 |")
    >>> f.source, f.date, f.rest
    ('某市税务局', '2023-11-07', '')
    """
    fields = Fields()
    line = _LABEL_CELL.sub(r"\1", line)  # | 成文日期： | 2023-11-06 |: a table row of labels and their values
    stripped = line.strip()
    byline = _byline(stripped)
    if byline:
        fields.author = byline
        fields.consumed = len(stripped)
        fields.found.append("author")
        return fields
    credit = _ROLE_AFTER_NAME.match(stripped) if "/" in stripped or "／" in stripped else None
    if credit:
        fields.author = credit["name"]
        fields.consumed = len(stripped)
        fields.found.append("author")
        return fields
    repost = _REPOST_NOTE.match(stripped) if stripped[:2] in _REPOST_OPENINGS else None
    if repost:
        fields.source = repost["source"]
        fields.author = repost["author"]
        fields.consumed = len(stripped)
        fields.found.append("source")
        return fields
    edition = _PRINT_EDITION.match(stripped) if stripped[:1] == "《" else None
    day = _date_match(edition["date"]) if edition else None
    if day and day.start() == 0 and day.end() == len(edition["date"]):  # 《某某日报》（2023年11月07日 第05版）: the paper and its day
        fields.source, fields.date = edition["paper"], parse_date(edition["date"])
        fields.consumed = len(stripped)
        fields.found.append("date")
        return fields
    bbs = _BBS_HEADER.match(stripped) if stripped[:2] in ("发信", "發信", "【 ", "【转", "【轉") else None
    if bbs:  # a BBS post's header: who posted where (not stored), the site's stamp, a reposted paper
        fields.date = parse_date(bbs["stamp"]) if bbs["stamp"] else None
        fields.source = bbs["paper"]
        fields.consumed = len(stripped)
        fields.found.append("date" if bbs["stamp"] else "source" if bbs["paper"] else "aside")
        return fields
    editor = _BRACKETED_EDITOR.match(stripped) if stripped[:1] in "（(" else None
    if editor:
        fields.editor = editor["names"]
        fields.consumed = len(stripped)
        fields.found.append("editor")
        return fields
    labels = list(_LABEL.finditer(line))
    contributor = None
    reporting = False  # the author so far is a reporter (记者, 通讯员): more reporters join them
    rest_parts: list[str] = []
    cursor = 0
    for i, match in enumerate(labels):
        rest_parts.append(line[cursor : match.start()])
        end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
        raw = line[match.end() : end]
        kind = next(name for name in FIELD_LABELS if match[name])
        value, tail = _split_value(kind, raw)
        rest_parts.append(tail)
        cursor = end
        fields.consumed += len(match.group(0)) + len(raw) - len(tail)
        fields.found.append(kind)
        if kind == "date" and value:
            fields.date = fields.date or parse_date(value) or _month_day(value)
        elif kind == "updated" and value:
            fields.updated = fields.updated or parse_date(value)
        elif kind == "source" and value and match["label"] in _CONTRIBUTED and is_personal_name(value):
            contributor = value  # 供稿：林秀珍: a person contributed the text, as 供稿：陈列展览部 a department did
        elif kind == "source" and value and not fields.source:
            fields.source = value
        elif kind == "author" and value and not fields.author:
            fields.author = None if value in _PLACEHOLDER_AUTHORS else value
            reporting = bool(_ROLE_WORD.search(match["label"]))
        elif kind == "author" and value and reporting and _ROLE_WORD.search(match["label"]):
            fields.author += " " + value  # 记者：甲　通讯员：乙: the reporters, one credit (a photographer is not one)
        elif kind == "editor" and value and (not fields.editor or match["label"] in _RESPONSIBLE_EDITOR):
            fields.editor = value  # 编辑：甲　责任编辑：乙: the responsible editor is the one to store
    rest_parts.append(line[cursor:])
    fields.author = fields.author or contributor  # a writer credited as such (撰稿：) comes first
    rest = "".join(rest_parts)
    posted = False  # IP属地 beside the date: a social post's header
    for stamp in (_UPDATE_NOTE, _FILING_CODE, _IP_REGION, _READING_TIME, _FILED_UNDER, _COMMENT_COUNT, _PLAYS, _CREATOR_BADGE):
        if (match := stamp.search(rest)) and (stamp is not _FILING_CODE or labels):
            posted = posted or stamp is _IP_REGION
            fields.consumed += match.end() - match.start()
            fields.found.append("updated" if stamp is _UPDATE_NOTE else "junk" if stamp in _COUNTERS else "aside")
            rest = rest[: match.start()] + rest[match.end() :]
    if fields.date is None:
        date = parse_date(rest)
        match = _date_match(rest)
        if date and "/" not in rest[match.start() - 1 : match.start()] + rest[match.end() : match.end() + 1]:  # not a URL's path
            fields.date = date
            fields.consumed += match.end() - match.start()
            fields.found.append("date")
            rest = rest[: match.start()] + rest[match.end() :]
            if "T" not in date and (clock := _CLOCK_IN_ROW.search(rest)):  # 15:05 2023-11-07: the time first
                fields.date = at_time(date, clock.group(0))
                fields.consumed += clock.end() - clock.start()
                rest = rest[: clock.start()] + rest[clock.end() :]
    if fields.date is None and (day := _BARE_MONTH_DAY.search(rest)) and not _PROSE_MARK.search(rest):
        # 11月7日 09:48 on a header line: the page's year completes it (see complete_date)
        fields.date = _month_day(day.group(0))
        fields.consumed += day.end() - day.start()
        fields.found.append("date")
        rest = rest[: day.start()] + rest[day.end() :]
    if fields.date is None and (relative := _RELATIVE_TIME.search(rest)) and not _PROSE_MARK.search(rest):
        fields.consumed += relative.end() - relative.start()  # 周屿 · 3小时前: a stamp, not a date
        fields.found.append("updated")
        rest = rest[: relative.start()] + rest[relative.end() :]
    if fields.date and (weekday := _WEEKDAY.search(rest)):  # Tuesday, November 7, 2023
        fields.consumed += weekday.end() - weekday.start()
        rest = rest[: weekday.start()] + rest[weekday.end() :]
    if fields.date and (zone := _TIME_ZONE.search(rest)):  # 10:32 WIB: the zone of the time just read
        fields.consumed += zone.end() - zone.start()
        rest = rest[: zone.start()] + rest[zone.end() :]
    if (fields.date or labels) and not _PROSE_MARK.search(rest):  # a sentence with a date in it stays one
        rest = _explain_tokens(rest, fields, posted)
    without_widgets = _strip_ui_words(rest)
    fields.widgets = without_widgets.split() != rest.split()
    fields.rest = _SEPARATORS.sub(" ", without_widgets).strip()
    return fields


# a label's colon, then the bar between its cell and the value's (an information-disclosure table of a 政务公开 page)
_LABEL_CELL = re.compile(r"([:：])\s*[|｜]\s*(?=[^|｜\s])")


def _explain_tokens(rest: str, fields: Fields, posted: bool = False) -> str:
    """What is left of a dated or labelled line once its unlabelled tokens are read: the page's
    address, an e-paper's page, an outlet's name beside a date (the source), a byline (记者某某／台南报道), where
    a post was sent from or with what (来自 iPhone客户端). Only such a line is read so: on its own
    a token proves nothing."""
    if via := POSTED_VIA.search(rest):
        fields.consumed += via.end() - via.start()
        rest = rest[: via.start()] + " " + rest[via.end() :]
    kept: list[str] = []
    by_tokens = fields.author is None  # no labelled author: the bylines among the tokens name them
    for token in _unlabelled_tokens(rest):
        if _URL_TOKEN.fullmatch(token) or _POSTED_AT.fullmatch(token) or _PAGE_LABEL.fullmatch(token) or _STOCK.fullmatch(token):
            pass
        elif fields.source is None and fields.date and (is_outlet_name(token) or (_NEWS_OUTLET.fullmatch(token) and not _SECTION_NEWS.search(token))):
            fields.source = token
        elif fields.source is None and fields.date and (issued := _ISSUED_BY.fullmatch(token)):
            fields.source = issued["issuer"]  # 沧南省气象台发布: the body that issued it
        elif by_tokens and (byline := _byline(token) or _spaced_credit(token)):  # 记者 某某　通讯员 某某: one byline in two tokens
            fields.author = " ".join(filter(None, (fields.author, byline)))
        elif posted and fields.date and not (fields.source or fields.author) and _ROW_TOKEN.match(token):
            # 某某身边事　2023年07月06日 21:48　IP属地：浙江: a social post's header names who posted it
            if is_personal_name(token):
                fields.author = token
            else:
                fields.source = token
        else:
            kept.append(token)
            continue
        fields.consumed += len(token)
    return " ".join(kept)


# （11/08 18:05 更新）after the date: when the page was last changed
_UPDATE_NOTE = re.compile(
    r"[（(]\s*(?:\d{2,4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*"
    r"(?:更新|更新于|更新於|修改)\s*[）)]"
)
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Fri|Sat|Sun)\b\.?,?")
_TIME_ZONE = re.compile(  # in brackets too: 09:00 (GMT+8)
    r"(?:[（(]\s*)?(?<![A-Za-z])(?:WIB|WITA|WIT|SGT|MYT|HKT|CST|JST|KST|GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?(?![A-Za-z])(?:\s*[)）])?"
    r"|^[+-](?:0\d|1[0-4]):?[0-5]\d(?!\d)"  # 2023-11-07T09:48:00+08:00: the offset right after the time
)
# IP属地：浙江 beside a post's date: where the poster was, not the article's source
# 阅读约12分钟, 閱讀時間約 6 分鐘: how long the page says it takes to read, beside its date
_READING_TIME = re.compile(r"(?:阅读|閱讀)(?:时间|時間|时长|時長)?\s*(?:大约|大約|约|約)?\s*\d{1,3}\s*(?:分钟|分鐘|min)")
_COMMENT_COUNT = re.compile(r"(?<![\d.:：])\d{1,6}(?: ?(?:条|條|则|則) ?| )(?:评论|評論|留言|回复|回覆|Comments?)(?![\u4e00-\u9fff])")  # 3 条评论 beside a post's date
# 48分钟 · 2.1万次播放 beside an episode's date: its length and how often it was played
_PLAYS = re.compile(
    r"(?<![\d.:：])(?:\d{1,3}\s*(?:分钟|分鐘)\s*[·•・|｜]\s*)?\d+(?:[.,]\d+)?\s*[万萬]?\s*次(?:播放|观看|觀看|收听|收聽)"
    r"(?:\s*[·•・|｜]\s*\d{1,3}\s*(?:分钟|分鐘)(?![前内內]))?"
)
_FILED_UNDER = re.compile(r"(?:Posted|Filed)\s+(?:in|under)\s+\S+")  # Posted in 社区: a blog's category beside its date
_COUNTERS = (_READING_TIME, _COMMENT_COUNT, _PLAYS)  # stamps that count, read as widget labels are
# 本地资讯领域创作者, 优质科技领域创作者: a platform's badge for the account beside its post's date
_CREATOR_BADGE = re.compile(r"(?:优质)?[\u4e00-\u9fff]{2,6}领域(?:优质)?(?:创作者|作者)")
_IP_REGION = re.compile(r"IP\s*(?:属地|屬地)\s*[:：]?\s*[\u4e00-\u9fff]{2,8}")
# （编辑：某某）1121108: a wire service's filing code after the closing credit
_FILING_CODE = re.compile(r"(?<=[）)])\s*\d{4,8}\s*$")
_PROSE_MARK = re.compile(r"[，。！？；]")
# an e-paper's page (第A05版：城市·民生) or a magazine's issue (2023年第42期)
_PAGE_LABEL = re.compile(r"第?[A-Z]?\d{1,3}版(?:[:：]\S{1,12})?|(?:(?:19|20)\d{2}年)?第\d{1,3}期")
_WIDE_GAP = re.compile(r"\s{2,}|[\u3000|｜]")
_STOCK = re.compile(r"[\u4e00-\u9fffA-Z*]{2,8}\s*[（(]\d{6}[）)]")  # 晏阳精工(600979): the listed company a finance page is about
_NEWS_OUTLET = re.compile(r"[\u4e00-\u9fff]{2,8}(?:新闻|新聞)")  # 每日经济新闻 beside a date: the source
# 社区新闻, 国际新闻: the topic of a section beside the date, not an outlet
_SECTION_NEWS = re.compile("(?:%s)(?:新闻|新聞)$" % "|".join(variants(SECTION_TOPICS)))
_ISSUED_BY = re.compile(  # 某某省气象台发布, 某某市卫生健康委员会发布 beside a date: who issued it
    r"(?P<issuer>[\u4e00-\u9fff]{2,16}(?:台|局|厅|廳|署|委员会|委員會|办公室|辦公室|政府|中心|协会|協會|公司|集团|集團|医院|醫院|法院|检察院|檢察院|大学|大學|学院|學院|研究所|研究院))"
    r"(?:发布|發布|發佈)"
)


def _unlabelled_tokens(rest: str) -> list[str]:
    """The tokens of ``rest``: its fields between wide gaps or bars, a field that reads as a byline
    (记者 某某) whole, any other split at its spaces."""
    tokens: list[str] = []
    for piece in _WIDE_GAP.split(rest):
        piece = piece.strip()
        whole = (_ROLE_WORD.search(piece) and _BYLINE.match(piece)) or _spaced_credit(piece)
        tokens.extend([piece] if whole else piece.split())
    return tokens


_SPACED_CREDIT = re.compile(r"^(?:作者|撰文|撰稿|文字)\s+(?P<name>[\u4e00-\u9fff]{2,4})$")


def _spaced_credit(token: str) -> Optional[str]:
    """作者 林小满: a writer's label and name a space apart, no colon (a blog's post header); the name
    must read as one, since 作者 说 would split the same way."""
    match = _SPACED_CREDIT.match(token) if token[:1] in "作撰文" else None
    return match["name"] if match and is_personal_name(match["name"]) else None


# 新华社北京3月5日电（记者 张三、李四）/ 本报讯（记者 张三 通讯员 李四）/ 某某网北京4月5日消息（记者 …）:
# a dateline names the reporters
_DATELINE_OPENING = (
    r"^\s*[【\[［]?(?:据|據)?(?:[\u4e00-\u9fff·]{1,16}?(?:社|报|報|台|网|網|客户端|新闻|新聞)[\u4e00-\u9fff]{0,8}?"
    r"(?:\d{1,2}月\d{1,2}日)?(?:电|電|讯|訊|消息)|[\u4e00-\u9fff]{1,16}?(?:网|網)\d{1,2}月\d{1,2}日(?:报道|報道)"  # 某某网3月8日报道
    r"|[\u4e00-\u9fff]{2,8}?(?:讯|訊))[】\]］]?"  # 【某某报讯】, 某某娱乐讯
)
_CREDIT = rf"{_ROLE}\s*[／/:：]?\s*{_NAMES}"  # 记者 张三、李四 / 实习生／朱某
_DATELINE = re.compile(_DATELINE_OPENING + rf"\s*[（(]\s*(?P<credits>{_CREDIT}(?:\s*{_CREDIT}){{0,3}})\s*[）)]")
_CREDIT_NOISE = re.compile(rf"{_ROLE}|[／/:：；\s]+")
# （本报雅加达讯）记者林某报道：… / 本报讯 记者 林某 报道：…: the reporter named after the opening
_REPORTED_OPENING = re.compile(
    rf"^\s*[（(【\[]?[\u4e00-\u9fff]{{0,12}}?(?:讯|訊|电|電)[）)】\]]?\s*(?P<names>{_CREDIT}(?:\s*{_CREDIT}){{0,3}})\s*{_REPORT}(?:\s*[：:，,]|\s)"
)
# 【本报记者 周某某】一年一度的……: the byline in brackets opens the first paragraph, without a dateline
# 〔記者張菁雅／台中報導〕: a Taiwan paper's, with where it was reported
_BRACKETED_CREDITS = re.compile(
    rf"^\s*[【\[［（(〔]\s*(?:本报|本報|本台|本刊|本网|本網)?(?P<credits>{_CREDIT}(?:\s*{_CREDIT}){{0,3}}){_REPORTED}?\s*[】\]］）)〕](?=\S)"
)
_AGENCY = re.compile(r"\s*(?:据|據)?([\u4e00-\u9fff]{1,8}?社)")  # 新华社北京…电: a news agency's dispatch
# （中央社記者林宏達台北8日電）: agency, reporters and the place run together inside the brackets
_AGENCY_DATELINE = re.compile(
    r"^\s*[（(]\s*(?P<agency>[\u4e00-\u9fff]{1,8}社)\s*(?:记者|記者)\s*"
    r"(?P<people>[\u4e00-\u9fff·]{2,4}(?:[、，,\s][\u4e00-\u9fff·]{2,4}){0,3}?[\u4e00-\u9fff]{2,4})"
    r"\s*\d{1,2}日(?:电|電)\s*[）)]"
)
# （某某社8日讯）, （某某社香港8日电）: an agency's dispatch without its reporter
_AGENCY_OPENING = re.compile(r"^\s*[（(]\s*(?P<agency>[\u4e00-\u9fff]{1,8}社)[\u4e00-\u9fff]{0,6}?\d{1,2}日(?:电|電|讯|訊)\s*[）)]")
# 某某财经3月15日电，…: an outlet's own dispatch, the date right after its name
_OUTLET_DISPATCH = re.compile(r"^\s*(?P<agency>(?!本[报報台网網刊])[\u4e00-\u9fff]{2,8})\d{1,2}月\d{1,2}日(?:电|電)[，,]")
# 深圳2024年5月6日 /某某新闻稿/ --: a press wire's dateline, the place before the full date
_BARE_DATELINE = re.compile(r"(?:" + _DATELINE_OPENING + r"|^\s*[\u4e00-\u9fff]{2,8}\d{4}年\d{1,2}月\d{1,2}日)\s*$")


def is_dateline(line: str) -> bool:
    """A dateline alone on its line (某某网北京2月13日消息): the opening of the first paragraph that a
    scraper cut off, never a subtitle.

    >>> is_dateline("新华社北京3月5日电"), is_dateline("新华社北京3月5日电 记者从……获悉"), is_dateline("深圳2024年5月6日")
    (True, False, True)
    >>> is_dateline("某某参考网3月8日报道")
    True
    """
    return bool(_BARE_DATELINE.match(line))


def is_outlet_name(line: str) -> bool:
    """A line that only names an outlet (某某日报, 某某网): printed under a title, the source.

    >>> is_outlet_name("云南日报"), is_outlet_name("云南日报记者走基层"), is_outlet_name("赛事战报")
    (True, False, False)
    """
    text = line.strip()
    return len(text) <= 12 and bool(_OUTLET_TOKEN.fullmatch(text)) and bool(OUTLET_END.search(text)) and not _KIND_OF_REPORT.search(text)


# 赛事战报, 工作简报, 天气预报: a kind of report (a section or a document), not a paper, though it ends in 报
_REPORT_KINDS = ("战报", "简报", "公报", "通报", "情报", "海报", "喜报", "捷报", "汇报", "举报", "预报", "警报", "电报")
_KIND_OF_REPORT = re.compile("(?:%s)$" % "|".join(variants(_REPORT_KINDS)))


def dateline_credits(paragraph: str) -> tuple[Optional[str], Optional[str]]:
    """``(author, source)`` of a wire dateline opening ``paragraph``: the reporters it names, and
    the news agency (某某社) whose dispatch it is; ``(None, None)`` without one.

    >>> dateline_credits("新华社拉萨1月5日电（记者 张三、李四）记者近日从自治区农业农村厅获悉……")
    ('张三、李四', '新华社')
    >>> dateline_credits("本报讯（记者 王五 通讯员 赵六）近日，……"), dateline_credits("据悉（记者了解）")
    (('王五 赵六', None), (None, None))
    >>> dateline_credits("（中央社記者林宏達台北8日電）台北市政府今天表示……")
    ('林宏達', '中央社')
    >>> dateline_credits("某某日报讯　（记者／黄某宏　实习生／朱子某　通讯员／成某伟）“学习……")[0]
    '黄某宏 朱子某 成某伟'
    >>> dateline_credits("（本报雅加达讯）记者林某娟报道：13日晚至14日凌晨……")
    ('林某娟', None)
    >>> dateline_credits("某快报讯　记者　罗某　实习生　葛某　通讯员　王某　报道　施工不当损伤树木……")
    ('罗某 葛某 王某', None)
    >>> dateline_credits("【本报记者 周某琳】一年一度的送水节就要到了。")
    ('周某琳', None)
    >>> dateline_credits("（港财社8日讯）港股今早低开后跌幅扩大……")
    (None, '港财社')
    >>> dateline_credits("某某财经3月15日电，A股三大指数午前集体收涨……")
    (None, '某某财经')

    """
    match = _DATELINE.match(paragraph)
    if match:
        agency = _AGENCY.match(paragraph)
        return _without_roles(match["credits"]), agency and agency[1]
    if match := _REPORTED_OPENING.match(paragraph):
        return _without_roles(match["names"]), None
    if match := _BRACKETED_CREDITS.match(paragraph):
        return _without_roles(match["credits"]), None
    match = _AGENCY_DATELINE.match(paragraph)
    if not match:
        agency = _AGENCY_OPENING.match(paragraph) or _OUTLET_DISPATCH.match(paragraph)
        return None, agency and agency["agency"]
    *names, last = re.split(r"[、，,\s]+", match["people"])
    # the place (台北, 屏東) is glued to the last name: two characters, or three after a long run
    names.append(last[:-3] if len(last) >= 6 else last[:-2] if len(last) >= 4 else last)
    return " ".join(names), match["agency"]


_SIGNATURE = re.compile(r"[（(](?P<names>[\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,2})[）)]\s*$")
# 张先生, 李女士, 王某: people the text mentions, not who wrote it
_NOT_A_WRITER = re.compile(r"(?:先生|女士|小姐|老师|老師|同学|同學|师傅|師傅|阿姨|大爷|大爺|大妈|大媽|某)$")


def closing_signature(paragraph: str) -> Optional[str]:
    """The writer a last paragraph signs with in brackets (……的作用了。”（王景亮）), names one space
    apart; ``None`` for a unit's abbreviation (（潍工宣）) or a person the text mentions (（张先生）).
    Only family names that are no common word count here: a signature has nothing else to go by.

    >>> closing_signature("……则主要看政府价格调整杠杆的作用了。”（王景亮）"), closing_signature("……圆满结束。(潍工宣)")
    ('王景亮', None)
    >>> closing_signature("……记者联系了当事人（张先生）"), closing_signature("……（江南）")
    (None, None)
    """
    match = _SIGNATURE.search(paragraph) if paragraph.endswith(("）", ")")) else None
    if not match:
        return None
    names = re.split(r"[ 、]", match["names"])
    if all(is_personal_name(name, cautious=True) and not _NOT_A_WRITER.search(name) for name in names):
        return " ".join(names)
    return None


def signature_line(text: str) -> Optional[str]:
    """The writer when ``text`` is nothing but the bracketed signature a text ends with, on a line of
    its own ((王鹏) under a report).

    >>> signature_line("(王鹏)"), signature_line("（王鹏 李娜）"), signature_line("（完）"), signature_line("……圆满结束。（王鹏）")
    ('王鹏', '王鹏 李娜', None, None)
    """
    match = _SIGNATURE.match(text.strip())
    return closing_signature(text.strip()) if match else None


def _split_value(kind: str, raw: str) -> tuple[str, str]:
    """Split a field's raw text into its value and what follows it on the line."""
    if kind in ("date", "updated"):
        match = _date_match(raw)
        if not (match and not raw[: match.start()].strip()):
            match = _MONTH_DAY.match(raw) or _RELATIVE_TIME.match(raw.lstrip())
            if match and match.re is _RELATIVE_TIME:
                return "", raw.lstrip()[match.end() :]
        if match and not raw[: match.start()].strip():
            return raw[: match.end()], raw[match.end() :]
        return "", raw
    if kind == "junk":
        match = re.match(r"\s*[\d,，.]*\s*[次人万℃]?", raw)
        return "", raw[match.end() :]
    if kind in _PEOPLE_FIELDS:
        role = _LEADING_ROLE.match(raw)  # 作者：某某网专栏作者 王文
        people = _PEOPLE.match(raw, role.end())
        if people:
            if kind == "review":  # never stored: a reviewer's title after the name (韩墨　某某台高级工程师) goes too
                return people.group(0).strip(), ""
            # 杨倩_NF4425, 叶知秋（某某大学大气科学学院）: a staff code or an affiliation goes with the name
            after = _STAFF_CODE.match(raw, people.end()) or _AFFILIATION.match(raw, people.end())
            return _without_roles(people.group(0)), raw[after.end() if after else people.end() :]
        if kind == "review":  # 审核：, 策划： before anything but names opens a sentence, not a credit
            return "", raw
        if latin := _LATIN_PERSON.match(raw):  # 编辑：Grace Xu: a Latin name keeps its surname
            return latin.group(0).strip(), raw[latin.end() :]
    # a value runs to the next separator (a run of spaces, a bar) or closing bracket
    match = re.match(r"\s*([^|｜\s（）()\[\]【】]*(?:[、，,][^|｜\s（）()\[\]【】]+)*)", raw)
    value = _clean_value(match.group(1))
    if kind in _PEOPLE_FIELDS and (len(value) > _LONGEST_CREDIT or _SENTENCE_END.search(value)):
        return "", raw  # 记者：某某说… is an interview's question, not a byline
    if kind in _PEOPLE_FIELDS and (titled := _NAME_WITH_TITLE.fullmatch(value)):
        value = titled["name"]  # 周某航律师: the name without the profession
    end = match.end()
    if kind == "source" and (gloss := _LATIN_GLOSS.match(raw, end)):
        end = gloss.end()  # 北桥信使报（The Northbridge Courier）: the outlet's own name in English goes with it
    return value, raw[end:]


# 王某/文, TUNGSTAR/文并图: the credit with the role after the name
_ROLE_AFTER_NAME = re.compile(
    r"^(?P<name>[\u4e00-\u9fff·]{2,4}|[A-Za-z][A-Za-z .'-]{1,30})\s*[/／]\s*(?:文|图|圖|摄|攝)(?:[并並和/／](?:文|图|圖|摄|攝))?$"
)
_AFFILIATION = re.compile(r"\s*[（(][^（）()]{2,30}[）)]")
_LATIN_GLOSS = re.compile(r"\s*[（(][A-Za-z][A-Za-z0-9 .,'&-]{1,40}[）)]")
_NAME_WITH_TITLE = re.compile(
    r"(?P<name>[\u4e00-\u9fff·]{2,4}?)(?:律师|律師|教授|副教授|博士|医生|醫生|医师|醫師|老师|老師|研究员|研究員|工程师|工程師)"
)
_LATIN_PERSON = re.compile(r"\s*[A-Z][a-z]+\.?(?: [A-Z][a-z]*\.?){1,2}(?![\w])")  # Grace Xu, Lily W.
_STAFF_CODE = re.compile(r"[_\s]?[A-Z]{1,4}\d{2,6}(?![\w])")
_LONGEST_CREDIT = 30  # characters of an author or editor value that is no list of names (某某大学法学院教授 张三)
_SENTENCE_END = re.compile(r"[。！？；!?;]")


# One-character widget labels (大 中 小, 顶, 赞) count only as a token of their own, never inside a name.
_SINGLE_UI = re.compile(
    "(?<![\u4e00-\u9fff])[%s]+(?![\u4e00-\u9fff])" % re.escape("".join(w for w in UI_WORDS if len(w) == 1))
)


# Widget labels of two or more characters, longest first (打印本页 before 打印): one scan of the line.
_MULTI_UI = re.compile(
    "(?:" + "|".join(map(re.escape, sorted((word for word in UI_WORDS if len(word) > 1), key=len, reverse=True)))
    + r")(?:\s*[(（]?\s*\d[\d,.]*\s*[万萬千kKwW]?\+?\s*[)）]?)?"  # with the count it shows: 阅读 3,208
)


def _strip_ui_words(text: str) -> str:
    """``text`` without widget labels (字号, 打印 …), so what is left tells whether the line is metadata.

    >>> _strip_ui_words("王小明 【打印】 大 中 小").split()
    ['王小明']
    """
    return _SINGLE_UI.sub(" ", _MULTI_UI.sub(" ", text))


_LONGEST_METADATA = 120  # characters: a longer line is prose, whatever dates or labels it holds


@line_cache(16384)
def metadata_fields(line: str) -> Optional[Fields]:
    """The fields of ``line`` when it is (nearly) all metadata — fields, separators and widget
    words — else ``None``. Cached: the passes ask about the same lines many times (the result is
    shared, not to be modified).

    >>> metadata_fields("2021年08月25日16:51 | 来源:山东工会网").source
    '山东工会网'
    >>> metadata_fields("2月22日上午10:00从嵩明杨桥出发，运输蔬菜的货车到达武汉。") is None
    True
    """
    stripped = line.strip()
    if not stripped or len(stripped) > _LONGEST_METADATA:
        return None
    if not _MAYBE_METADATA.search(stripped) and not (("|" in stripped or "｜" in stripped) and _BAR_AFTER_LABEL.search(stripped)):
        return None
    fields = parse_fields(stripped)
    if not set(fields.found) - {"junk"}:  # widget labels alone (字号：, 点击：) are not metadata
        return None
    rest = _BRACKET_TAG.sub("", fields.rest).replace(" ", "")
    if len(rest) <= 4 and fields.consumed >= len(rest):
        return fields
    return fields if fields.date and (_byline_tokens(fields.rest) or _LONE_TOKEN.fullmatch(fields.rest)) else None


def labelled_row(line: str) -> Optional[Fields]:
    """The fields of a dated row whose other fields stand under labels this tool does not know
    (发布时间：2023-11-07 | 责任单位：某局 | 信息类别：通知): read where a header prints it, over the text,
    since a notice's text may list 时间：…　地点：… the same way.

    >>> labelled_row("发布时间：2023-11-07 09:48 | 责任单位：某某局 | 信息类别：通知").date
    '2023-11-07T09:48'
    >>> labelled_row("会议时间：2023-11-07 下午三点在市政府召开") is None, labelled_row("责任单位：某某局 | 信息类别：通知") is None
    (True, True)
    """
    stripped = line.strip()
    if len(stripped) > _LONGEST_METADATA or not _WIDE_GAP.search(stripped) or not _LABELLED_TOKEN.search(stripped):
        return None  # a row: fields between bars or wide gaps
    fields = parse_fields(stripped)
    tokens = fields.rest.split()
    return fields if fields.date and tokens and all(_LABELLED_TOKEN.fullmatch(token) for token in tokens) else None


_LABELLED_TOKEN = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,8}[:：][^\s:：，。！？；]{0,16}")


# one short word beside a date (某某融媒·2023-11-07, 首页 > 2023年11月7日): an outlet, section or account; a
# headline printed with its date is longer
_LONE_TOKEN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{2,7}")


_ROW_TOKEN = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9·]{2,8}$")
_BADGES = ("原创", "转载", "置顶", "精选", "独家", "首发")  # a post's badge beside its byline


def _byline_tokens(rest: str) -> bool:
    """Two or three short words left beside a date (原创　某某融媒　某某发布　2023年10月08日 18:30　浙江): a byline
    row's badge, account and place, not a sentence, and not a headline (one long piece) printed with its date.

    >>> _byline_tokens("原创 某某发布 浙江"), _byline_tokens("某某活动圆满结束"), _byline_tokens("他说 这是 一件 好事")
    (True, False, False)
    >>> _byline_tokens("原创 某某 某某公安 广东")  # a WeChat post's badge, writer, account and province
    True
    """
    tokens = [token for token in rest.split() if token not in variants(_BADGES)]
    return 2 <= len(tokens) <= 3 and all(_ROW_TOKEN.match(t) for t in tokens)


_LONGEST_DANGLING_VALUE = 16  # characters of a name or outlet printed on the line after its label


_SHARE_LABELS = ("分享到", "分享", "字号", "字號")  # junk labels whose value is buttons, not a count
# 1,482 / 3.6万+ / 12次: a count as a counter or a comment header prints it
COUNT = re.compile(r"\d+(?:[.,]\d+)?\s*[万萬千kKwW亿億]?\+?\s*[次人条條个個则則]?")


def with_dangling_value(line: str, following: str) -> Optional[Fields]:
    """The fields of ``line`` when it ends with an empty label (作者：) and ``following`` is its
    value on a line of its own, as a page flattened one text node a line prints it; else ``None``.

    >>> with_dangling_value("作者：", "安东尼").author, with_dangling_value("发布时间：", "2023-05-06 08:30").date
    ('安东尼', '2023-05-06T08:30')
    >>> with_dangling_value("作者：", "他说，这件事要从头讲起。") is None, with_dangling_value("作者：王五", "李四") is None
    (True, True)
    >>> with_dangling_value("来源：图书馆　点击：", "1,482") is not None, with_dangling_value("来源：图书馆　点击：", "夜读灯下")
    (True, None)
    """
    value = following.strip()
    last = None
    for last in _LABEL.finditer(line):
        pass
    if last is None or line[last.end() :].strip() or not 0 < len(value) <= _LONGEST_DANGLING_VALUE or _PROSE_MARK.search(value):
        return None
    kind = next(name for name in FIELD_LABELS if last[name])
    if kind == "junk" and last["label"] not in _SHARE_LABELS and not COUNT.fullmatch(value):
        return None  # 点击： left empty by the page's script: the line under it (the headline) is no count
    own = metadata_fields(value)
    if own is not None and set(own.found) - {kind}:  # a field of its own (编辑：某某), not this label's value
        return None
    fields = metadata_fields(line.rstrip() + value)
    if fields is None:
        return None
    # a stored field must have taken the value; a label read and not stored (联络人：) must have been found
    stored = getattr(fields, kind) if kind in ("date", "source", "author", "editor") else kind in fields.found
    return fields if stored else None


@lru_cache(maxsize=1)
def _bare_label() -> "re.Pattern[str]":
    labels = sorted(variants(tuple("|".join(FIELD_LABELS.values()).split("|"))), key=len, reverse=True)
    return re.compile("^(?:%s)$" % "|".join(map(re.escape, labels)))


def bare_label(line: str) -> bool:
    """A field's label alone on its line, without a colon (發布日期 over 113-04-18): its value is the next line.

    >>> bare_label("发布单位"), bare_label("发布日期："), bare_label("市政新闻")
    (True, False, False)
    """
    text = line.strip()
    return 2 <= len(text) <= 6 and bool(_bare_label().match(text))


def is_metadata_line(line: str) -> bool:
    """True when ``line`` is (nearly) all metadata.

    >>> is_metadata_line("(责任编辑:综合)")
    True
    """
    return metadata_fields(line) is not None
