"""Synthetic dump benchmark: clean news wrapped in invented page furniture, cleaned, scored.

Articles come from the clean news text in ``../shared/corpora`` (Sohu/SogouCS
titles and bodies, THUCNews/Sina items, TaiwanStat 2017 items). Each synthetic
dump holds 1-3 of them with metadata headers in varied formats (names, sources
and dates are made up here, never taken from a seed) and is wrapped in page
furniture from templates invented for this benchmark, in several styles. Every
injected junk line is recorded, so the scorer knows exactly what must go.

The furniture comes in nine sets (``--templates``): ``seen``, the one the rules
were written against; ``held-out`` to ``held-out-4``, written unseen but since used
to study failures; ``held-out-5`` to ``held-out-7`` (the last in ``held_out_7.py``),
written unseen but since tuned on through their aggregate figures; ``held-out-8``
(in ``held_out_8.py``, so that a rule writer need not open it), kept unseen by
whoever writes rules, the honest figure for new sites.

The dumps go through :func:`cleannews.pipeline.clean` with default options and
are scored against the truth: body char-bigram F1, paragraph F1, exact titles,
metadata accuracy, share of injected junk gone and share of dumps with the
right number of articles; overall, per template style, per junk kind and per
metadata format. Traditional-script articles are compared after converting
both sides with OpenCC ``tw2s`` (what the default ``zh-hans`` target does), so
script conversion is not what is measured here.

Usage::

    python benchmarks/synthetic_dumps.py [-n 200] [--seed 0] [--shared DIR]
                                         [--templates {seen,held-out,held-out-2,...,held-out-8}]
                                         [--worst 10] [--dump-failures DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

from cleannews.metrics import bigram_f1, paragraph_f1
from cleannews.pipeline import clean

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
GAZETTEER = Path(__file__).resolve().parents[1] / "src" / "cleannews" / "data" / "gazetteer.tsv"
TARGETS = {"body_f1": 0.95, "para_f1": 0.85, "title": 0.90, "meta": 0.80, "junk_gone": 0.95, "count": 0.90}
META_FIELDS = ("date", "source", "author", "editor")

# ---------------------------------------------------------------------------
# invented vocabulary (no seed data): people, outlets, headings, furniture
# ---------------------------------------------------------------------------
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武洪"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红娟建国志文斌辉鹏宇浩凯欣怡晨轩雪梅海燕琳晓东振宁博远思佳嘉瑞德新春立"
OUTLETS = (
    "江城晚报", "东方新闻网", "南山日报", "新城融媒体中心", "华夏时报网", "北岸商报", "云岭视点", "青禾日报",
    "滨海在线", "中原观察网", "西江都市报", "长河新闻", "星海财经", "湖畔晨报", "山城快讯", "蓝鲸资讯网",
    "九州时评", "晨光网", "海峡导报网", "绿洲日报",
)
HEADINGS = (
    "强化组织保障", "压实工作责任", "推动政策落地", "聚焦民生实事", "创新服务方式", "加强宣传引导", "完善体制机制",
    "狠抓项目建设", "深化改革创新", "提升服务水平", "坚持问题导向", "做好风险防控",
)
NUMERALS = "一二三四五六"

# Page templates (styles). Each says which furniture it uses and where; the words are invented
# variations on what portals, government sites, mobile pages, content farms and table dumps print.
BREADCRUMBS = (
    "首页 > {sec} > 正文", "当前位置：主页 » {sec}", "网站首页 / 新闻中心", "您所在的位置：首页 > {sec} > 详情",
    "{site} > {sec} > 正文", "位置：网站首页 >> {sec}", "首页 › {sec} › 内容页", "当前页：首页 - {sec}",
)
SECTIONS = ("国内", "要闻", "本地新闻", "社会", "财经", "体育", "文化", "政务动态", "综合资讯", "时政")
WIDGETS = (
    "【字体：大 中 小】", "分享到：微信 微博 QQ空间", "打印本页 | 关闭窗口", "扫一扫在手机打开当前页", "【打印】【关闭】",
    "字号：T | T", "【我要纠错】 【打印】", "分享：", "收藏 | 分享 | 评论", "扫码阅读手机版", "A+ A- 默认", "【返回顶部】",
)
RELATED = ("相关阅读", "猜你喜欢", "热点推荐", "相关稿件", "延伸阅读：", "大家都在看", "推荐阅读 更多>>", "热门文章")
FOOTERS = (
    "Copyright © 2003-2024 {site} 版权所有", "京ICP备{n7}号", "联系我们 | 关于我们 | 网站地图", "{site}主办 版权所有 未经授权禁止转载",
    "粤ICP备{n8}号-1 京公网安备 {n11}号", "本站所有内容未经许可不得转载", "违法和不良信息举报电话：010-{n8}", "建议使用1366×768分辨率浏览",
)
DEBRIS = ("|", "||", "![]()", "| |", "|||", "![](/images/pic{n3}.jpg)")
NAV = ("上一篇：{t}", "下一篇：{t}", "上一条：{t}", "下一条：{t}")


class Templates(NamedTuple):
    """The furniture a dump is wrapped in."""

    breadcrumbs: tuple[str, ...]
    widgets: tuple[str, ...]
    related: tuple[str, ...]
    footers: tuple[str, ...]
    debris: tuple[str, ...]
    nav: tuple[str, ...]


SEEN = Templates(BREADCRUMBS, WIDGETS, RELATED, FOOTERS, DEBRIS, NAV)
# Held out: furniture written for this set only, its words absent from cleannews.vocabulary, to
# measure the rules on templates they were not written against. Never tune the rules on it.
HELD_OUT = Templates(
    breadcrumbs=(
        "导航：主站 → {sec} → 阅读", "所在栏目：{sec} ＞ 文章详情", "本页处于: 门户 > {sec} > 内容", "{site} · {sec} · 文章",
        "栏目导航 {sec} / 新闻动态 / 正文阅读",
    ),
    widgets=(
        "【调大文字】【调小文字】", "发给朋友 | 存为书签", "用手机继续读", "夜间模式", "听新闻", "【存档】【关窗】",
        "推送到手机", "点此订阅本栏目", "文字大小：特大 标准 较小", "朗读本文 | 存档本文",
    ),
    related=("同栏目文章", "本栏其余文章", "你也许还想读", "此刻热议", "编者精选", "同类资讯"),
    footers=(
        "本网络平台由{site}运营维护", "网络违规线索受理电话：12377", "信息产业部备案编号：{n8}", "© {site} 2010-2024 保留一切权利",
        "转载须经书面授权", "站点运维：{site}技术部", "地址：{site}大厦 邮编：{n3}000",
    ),
    debris=("｜｜｜", "<<  >>", "[图]", "◆◆◆"),
    nav=("前一则：{t}", "后一则：{t}", "上则：{t}", "下则：{t}"),
)
# Held out, second set: written without reading the rules, for the figure on templates nobody tuned
# on. Its furniture follows other real sites (central portals, county government sites, app share
# pages, content farms, Discuz forums and WordPress blogs, Taiwan and Hong Kong news sites). Do not
# look at its failures or dumps while writing rules: once a set is looked at it is no longer unseen.
HELD_OUT_2 = Templates(
    breadcrumbs=(
        "{site} >> {sec}频道 >> 文章内容", "主頁 ＞ 新聞 ＞ {sec}", "HOME / {sec} / NEWS",
        "栏目：{sec} ›› 新闻详情", "即時新聞 ▸ {sec}", "{sec}新聞 > 即時報導",
    ),
    widgets=(
        "視力保護色：", "无障碍浏览 | 长者模式", "字級：小 中 大", "加入書籤 | 轉寄好友 | 列印", "生成海报",
        "展开剩余85%", "长按识别图中码关注我们", "点击蓝字 关注我们", "語音朗讀", "赞 | 踩", "我来说两句",
    ),
    related=("往期精彩", "精彩图集", "熱門新聞", "看了本文的人还看了", "本周热榜", "點閱排行", "最新發佈"),
    footers=(
        "网站标识码：{n3}{n7}", "广播电视节目制作经营许可证：（京）字第{n3}号", "信息网络传播视听节目许可证：{n7}",
        "{site} 著作權所有，轉載必究", "網站隱私權政策 | 服務條款", "Powered by Discuz! X3.4", "网站制作：{site}网络科技有限公司",
        "客服專線：(02)2{n7}",
    ),
    debris=("| --- | --- |", "&nbsp;", "[img]{n8}.jpg[/img]", "* * *", "[attach]{n7}[/attach]"),
    nav=("上篇：{t}", "下篇：{t}", "« {t}", "{t} »"),
)
# Held out, third set: written unseen after the first two were studied, but now studied for failures
# as well. Written without reading the rules or the other held-out sets, after site
# families the others cover thinly: provincial newspaper groups, university and enterprise news
# pages, finance and sports portals, WeChat-article mirrors, Singapore/Malaysia Chinese media, Taiwan
# and Hong Kong sites.
HELD_OUT_3 = Templates(
    breadcrumbs=(
        "{site}数字报 > 版面导航 > {sec}版", "学校主页 / 新闻网 / 综合新闻", "集团官网 > 新闻中心 > 基层动态",
        "{site} > 财经频道 > 滚动播报", "{site} / 社會 / 社會萬象", "每日新聞 › 港聞 › 社會事", "新闻 » 国内 » 全国新闻",
    ),
    widgets=(
        "喜欢作者", "赞 在看 写留言", "继续滑动看下一个", "点击上方蓝字，设为星标", "APP内阅读体验更佳",
        "视频集锦 | 文字直播 | 技术统计", "LINE 噗浪 複製連結", "不用抽 不用搶 現在用APP看新聞 保證天天中獎",
        "WhatsApp Facebook Telegram 電郵", "浏览次数：", "关怀版",
    ),
    related=("喜欢此内容的人还喜欢", "历史文章", "你可能也會喜歡", "編輯推介", "今日必读", "本周点击榜", "校园快讯", "今日焦点"),
    footers=(
        "{site}传媒集团旗下网站", "广告经营许可证：{n7}", "新闻热线：0571-{n8}",
        "声明：{site}发布此信息的目的在于传播信息，不代表本站观点。",
        "本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。", "{site}有限公司 © 2024 不得轉載",
        "下载{site}应用程序，新闻随身看", "{site}党委宣传部制作维护",
    ),
    debris=("<div></div>", "▲", "<br />", "｜　｜　｜", "![图片](https://mmbiz.qpic.cn/mmbiz_jpg/{n11}/640)"),
    nav=("【上一篇】{t}", "【下一篇】{t}", "较早文章：{t}", "较新文章：{t}"),
)
# Held out, fourth set: written unseen after the first three were studied, but now studied for failures
# as well. Written without reading the rules or the other held-out sets, after what real
# pages print: national portals, TV station sites, government sites, newspaper e-papers, auto, real
# estate and finance portals, self-media platforms, forums and blogs, Taiwan, Hong Kong and Singapore
# media.
HELD_OUT_4 = Templates(
    breadcrumbs=(
        "{site} >> {sec} >> 新闻正文", "{site}新闻频道 › {sec}", "所在栏目：{sec}", "数字报 > 第04版：{sec}",
        "{site}论坛 » 社区 › {sec} › 查看帖子", "即時新聞 ＞ {sec}", "资讯中心 > {sec} > 车闻", "{site} / {sec} / 內文",
    ),
    widgets=(
        "视频加载中，请稍候...", "询底价　预约试驾　参数配置", "变价通知我　开盘通知我", "阅读 10万+", "+ 关注",
        "上一张 下一张", "跟贴 0 参与 0", "回复(0) 收起回复", "行情 股吧 研报", "赞(0)", "加入好友",
    ),
    related=("精彩视频", "楼市热点", "热门帖子", "博主推荐", "今日要聞", "新闻排行", "娱乐热点", "作者其他文章"),
    footers=(
        "网站标识码：5101000{n3}", "您是第{n7}位访问者", "通讯地址：{site}大楼 邮编：{n3}001", "聯絡我們｜隱私權政策｜著作權聲明",
        "本文内容由互联网用户自发贡献，该文观点仅代表作者本人。本站仅提供信息存储空间服务，不拥有所有权，不承担相关法律责任。",
        "京网文〔2022〕{n7}号", "网络视听许可证{n7}号", "Co. Regn. No. 20{n7}H",
    ),
    debris=(
        "![](data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==)", "[/td][/tr]",
        "| :---: | :---: | :---: |", "javascript:void(0);", "![](//inews.gtimg.com/newsapp_bt/0/{n11}/1000)",
    ),
    nav=("前一篇：{t}", "后一篇：{t}", "上一篇文章：{t}", "下一篇文章：{t}"),
)
# Held out, fifth set: written unseen after the fourth was studied for failures, but the rules have since been
# tuned on its aggregate figures, so it is no longer unseen (the sixth set is). Written without reading the rules
# or the other held-out sets, after what real pages print: central media and TV channels, commercial portals and
# their app-share pages, county media centres, trade papers, courts and police, hospitals and schools, Hong Kong,
# Taiwan and overseas Chinese sites. When written (commit e85e1a1) none of its lines held a word of
# cleannews.vocabulary; words added since, from what real sites print, may now match some.
HELD_OUT_5 = Templates(
    breadcrumbs=(
        "{site} > 新闻频道 > {sec}", "{site}／即時／{sec}", "港聞 》 {sec} 》 即時報道", "Home › 院务公开 › 审判动态",
        "学校主页->新闻网->校园要闻", "平安之窗 >> 警务动态 >> 基层警讯", "导航：医院新闻 · 院务动态 · 详细内容",
        "县融媒体中心 - 乡镇传真 - {sec}",
    ),
    widgets=(
        "在App内打开", "安装应用，高清视频随时看", "A－ A＋ 文字大小", "点右上角 ··· 发送给朋友", "字数 1826 ｜ 约 5 分钟", "▶ 语音播报",
        "赞(36) | 踩(2)", "訂閱YouTube頻道", "👍 36\u3000💬 12", "简 | 繁", "推荐指数 ★★★★☆",
    ),
    related=("读过这篇的人还读了", "本週最多人讀", "好文推荐", "【前情回顾】", "你可能还想看", "相關報導：", "专题报道 ››", "推荐视频"),
    footers=(
        "{site} © 2009-2024 All rights reserved.", "网站主管：区政府办公室\u3000标识码：{n7}{n3}",
        "视听节目备案：{n11}\u3000收视监督：0571-{n8}", "承办：{site}\u3000运维单位：{site}信息中心",
        "院址：解放路{n3}号\u3000预约咨询：0532-{n8}", "{site}｜刊登廣告｜私隱聲明｜聯絡本社",
        "最后更新：2023年12月29日\u3000累计访问：{n7}", "出版：{site}\u3000邮发代号：1-{n3}",
    ),
    debris=(
        "&emsp;&emsp;", "<p><br/></p>", "![](//p{n3}.itc.cn/q_70/images03/{n8}/{n7}.jpeg)", "[align=center][/align]",
        "|\u3000\u3000|\u3000\u3000|",
    ),
    nav=("上一则新闻 {t}", "下一则新闻 {t}", "← {t}", "{t} →"),
)
# Held out, sixth set: the honest figure for templates nobody has seen, since the fifth is now tuned on through
# its aggregate figures. Written without reading the rules or the other held-out sets, after what real pages
# print beyond the obvious: central media audio players and CMS leftovers, portal mood votes, live blogs, video
# pages, app-share pages, self-media statements, press-release wires and investor-relations pages, e-paper
# page lists, county media centres, agri news, courts, procuratorates and police, hospitals and universities,
# TV stations, local forums, Hong Kong and Taiwan sites. Nobody who writes rules may read it, its dumps or its
# failures. When written, none of its lines held a word of cleannews.vocabulary; words added since, from what
# real sites print, may now match some, as they would on a real site never seen.
HELD_OUT_6 = Templates(
    breadcrumbs=(
        "{site} › {sec} › 稿件正文", "栏目导航：{site} >> {sec} >> 查看文章", "融媒主站 / 乡镇动态 / {sec}",
        "警务公开 > 警方通报 > {sec}", "即時新聞 › {sec} › 港聞", "第{n3}期 》 第A04版：{sec}", "HOME > 投资者关系 > {sec}",
        "三农资讯 - 农技推广 - {sec}", "审判执行 | 庭审纪实 | {sec}",
    ),
    widgets=(
        "中文 ｜ English ｜ 日本語", "▶ 听本文 00:00 / 03:12", "App 内体验更佳", "时长 02:46 ｜ 超清 高清 标清 ｜ 倍速 1.0x",
        "心情：感动 32 ｜ 愤怒 4 ｜ 同情 7", "1286 人看过", "[ 直播中 ] 每30秒自动刷新 · 正序 倒序", "讚好 留言",
        "作品声明：个人观点，仅供参考", "附件：新闻发布会实录.docx（56KB）", "Your browser does not support the video tag.",
    ),
    related=("本版导读", "本周热帖", "专题链接：", "同類新聞", "你可能还想了解", "同期视频 ▶", "本栏目近期稿件", "精选专题 MORE+"),
    footers=(
        "{site}出品 · 县委宣传部指导", "新出网证（京）字{n3}号", "本台节目表仅供参考，以实际播出为准",
        "本網站所刊載之文字與圖片，版權均屬{site}所有", "院址：滨江路{n3}号  急诊电话：0571-{n8}",
        "投资者热线：400-{n7}  董秘办邮箱：dmb@hxgf.com.cn", "12309检察服务热线  来访接待：工作日 9:00-17:00",
        "党委宣传部 · 网络信息中心 ｜ 更新：2024-05-17",
    ),
    debris=(
        "<!--/enpcontent-->", "[img]/attachment/forum/{n7}.jpg[/img]", "┃　┃　┃", "---|---|---",
        "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
    ),
    nav=("« 上一主题：{t}", "下一主题：{t} »", "PREV：{t}", "NEXT：{t}"),
)
TEMPLATE_SETS = {
    "seen": SEEN, "held-out": HELD_OUT, "held-out-2": HELD_OUT_2, "held-out-3": HELD_OUT_3, "held-out-4": HELD_OUT_4,
    "held-out-5": HELD_OUT_5, "held-out-6": HELD_OUT_6,
}
# held-out-7: a blind set in its own file, so rule writers need not see it; loaded by path so it
# works however this module is imported (script, or importlib from the tests)
import importlib.util as _ilu  # noqa: E402

_h7_spec = _ilu.spec_from_file_location("held_out_7", Path(__file__).resolve().with_name("held_out_7.py"))
_h7 = _ilu.module_from_spec(_h7_spec)
_h7_spec.loader.exec_module(_h7)
HELD_OUT_7 = Templates(_h7.BREADCRUMBS, _h7.WIDGETS, _h7.RELATED, _h7.FOOTERS, _h7.DEBRIS, _h7.NAV)
TEMPLATE_SETS["held-out-7"] = HELD_OUT_7
_h8_spec = _ilu.spec_from_file_location("held_out_8", Path(__file__).resolve().with_name("held_out_8.py"))
_h8 = _ilu.module_from_spec(_h8_spec)
_h8_spec.loader.exec_module(_h8)
HELD_OUT_8 = Templates(_h8.BREADCRUMBS, _h8.WIDGETS, _h8.RELATED, _h8.FOOTERS, _h8.DEBRIS, _h8.NAV)
TEMPLATE_SETS["held-out-8"] = HELD_OUT_8
STYLES = {
    # style: (breadcrumb, widgets, related, footer, debris, nav, spam) probabilities
    "portal": (0.9, 0.8, 0.7, 0.9, 0.1, 0.4, 0.05),
    "gov": (0.9, 0.9, 0.2, 0.9, 0.2, 0.8, 0.0),
    "mobile": (0.3, 0.9, 0.9, 0.4, 0.0, 0.5, 0.05),
    "farm": (0.5, 0.5, 0.8, 0.7, 0.3, 0.3, 0.8),
    "table": (0.6, 0.4, 0.3, 0.6, 0.9, 0.3, 0.1),
}


# ---------------------------------------------------------------------------
# clean sources
# ---------------------------------------------------------------------------
@dataclass
class Source:
    title: str
    sentences: list[str]
    origin: str
    hant: bool = False


_SENT = re.compile(r".+?(?:[。！？][”’」』）)]*|$)", re.S)
_WS = re.compile(r"\s+")
_RESIDUE = re.compile(
    r"分享|facebook|字級|（圖／|\(圖／|攝影|攝\S|點我看|▲|►|http|www\.|<|>|\||\[|\]|報導[）)】〕]|小編|[／╱]"
    r"|(?:時間|时间|來源|来源|編輯|编辑|記者|记者)[：:]|^[【〔（(]|&\w+;?|》\S*》|［|］|．．|\.\.\.|…"
)


def _tidy(text: str) -> str:
    """Collapse white space: drop it between CJK characters, keep one space between Latin words."""
    text = re.sub("[\ue000-\uf8ff]", "", text)  # private-use residue of the GBK originals
    text = text.replace("\u3000", " ").replace("\xa0", " ")

    def repl(m: re.Match) -> str:
        a = text[m.start() - 1] if m.start() else ""
        b = text[m.end()] if m.end() < len(text) else ""
        return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""

    return _WS.sub(repl, text).strip()


def _sentences(content: str) -> list[str]:
    sents = [s.strip() for s in _SENT.findall(_tidy(content)) if s.strip()]
    return sents


def _usable(title: str, sents: list[str]) -> bool:
    if not (6 <= len(title) <= 40) or len(sents) < 2 or re.search("[\ufffd\ue000-\uf8ff]", title + "".join(sents)):
        return False
    if _RESIDUE.search(title) or any(_RESIDUE.search(s) for s in sents):
        return False
    if len(set(sents)) != len(sents) or any(len(s) < 6 or len(s) > 300 for s in sents):
        return False
    if title[-1] in "。；;，,、：:" or re.search(r"[。]", title):
        return False
    return all(s[-1] in "。！？”’」』）)" for s in sents[:-1])


def _lenient_json_items(text: str) -> list[dict]:
    """Items of a JSON array file that may be several arrays glued together or not valid JSON at all."""
    items: list[dict] = []
    decoder = json.JSONDecoder(strict=False)
    pos = 0
    try:
        while pos < len(text):
            while pos < len(text) and text[pos] in " \r\n\t":
                pos += 1
            if pos >= len(text):
                break
            value, pos = decoder.raw_decode(text, pos)
            items.extend(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, dict))
        return items
    except json.JSONDecodeError:
        pass
    items = []  # regex fallback: unescaped quotes, raw tabs
    for block in re.split(r"\n\s*\},?\s*\n?\s*\{|^\s*\[\s*\{|\}\s*\]\s*$", text):
        record = {}
        for m in re.finditer(r'"(title|content|date)"\s*:\s*"(.*?)"\s*(?=,\s*"\w+"\s*:|\s*\}|\s*$)', block, re.S):
            record[m.group(1)] = m.group(2).replace('\\"', '"').replace("\\n", "\n")
        if record:
            items.append(record)
    return items


def load_sources(shared: Path) -> list[Source]:
    corpora = shared / "corpora"
    out: list[Source] = []
    sogou = corpora / "news-zh-hans/sogoucs-smarty/news_sohusite_xml.smarty.xml"
    text = sogou.read_text(encoding="utf-8", errors="replace")
    for m in re.finditer(r"<contenttitle>(.*?)</contenttitle>\s*<content>(.*?)</content>", text, re.S):
        title, sents = _tidy(m.group(1)), _sentences(m.group(2))
        if _usable(title, sents):
            out.append(Source(title, sents, "sogou"))
    thuc = corpora / "news-zh-hans/thucnews-1000/cnews.val.txt"
    marker = re.compile(r"^(?P<title>.{6,40}?)(?P<marker>新浪\w{0,4}讯)")
    for line in thuc.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("\t", 1)[-1]
        m = marker.match(body)
        if m:
            title, sents = _tidy(m["title"]), _sentences(body[m.end("title") :])
            if _usable(title, sents):
                out.append(Source(title, sents, "thucnews"))
    for path in sorted((corpora / "news-zh-hant/taiwanstat-2017").glob("*.json")):
        for item in _lenient_json_items(path.read_text(encoding="utf-8", errors="replace")):
            title, sents = _tidy(item.get("title") or ""), _sentences(item.get("content") or "")
            if _usable(title, sents):
                out.append(Source(title, sents, "taiwanstat:" + path.stem, hant=True))
    seen, unique = set(), []
    for s in out:
        if s.title not in seen:
            seen.add(s.title)
            unique.append(s)
    return unique


@lru_cache(maxsize=1)
def gazetteer_names() -> tuple[str, ...]:
    names = []
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names.append(line.split("\t", 1)[0])
    return tuple(sorted(set(names)))


# ---------------------------------------------------------------------------
# generation
# ---------------------------------------------------------------------------
@dataclass
class GoldArticle:
    title: str
    date: Optional[str]
    source: Optional[str]
    author: Optional[str]
    editor: Optional[str]
    paragraphs: list[str]
    origin: str
    hant: bool
    formats: dict = field(default_factory=dict)  # field -> format label (for the breakdown)


@dataclass
class Junk:
    kind: str
    line: str


@dataclass
class Dump:
    name: str
    style: str
    text: str
    articles: list[GoldArticle]
    junk: list[Junk]


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _date(rng: random.Random) -> tuple[str, str, str]:
    """(label, printed, ISO) for a random date in a random format."""
    y, mo, d, h, mi, s = rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    iso_day = f"{y:04d}-{mo:02d}-{d:02d}"
    formats = (
        ("cn-minute", f"{y}年{mo:02d}月{d:02d}日{h:02d}:{mi:02d}", f"{iso_day}T{h:02d}:{mi:02d}"),
        ("cn-day", f"{y}年{mo}月{d}日", iso_day),
        ("slash-second", f"{y}/{mo:02d}/{d:02d} {h:02d}:{mi:02d}:{s:02d}", f"{iso_day}T{h:02d}:{mi:02d}:{s:02d}"),
        ("label-发布时间", f"发布时间：{iso_day}", iso_day),
        ("label-时间", f"时间:{iso_day} {h:02d}:{mi:02d}:{s:02d}", f"{iso_day}T{h:02d}:{mi:02d}:{s:02d}"),
        ("label-发布日期", f"发布日期：{y}年{mo:02d}月{d:02d}日", iso_day),
        ("iso-minute", f"{iso_day} {h:02d}:{mi:02d}", f"{iso_day}T{h:02d}:{mi:02d}"),
    )
    return rng.choice(formats)


def _paragraphs(rng: random.Random, sents: list[str]) -> list[str]:
    sents = sents[: rng.randint(4, 14)] if len(sents) > 4 else sents
    k = min(rng.randint(2, 6), len(sents))
    cuts = sorted(rng.sample(range(1, len(sents)), k - 1))
    bounds = [0] + cuts + [len(sents)]
    return ["".join(sents[a:b]) for a, b in zip(bounds, bounds[1:])]


def _fill(rng: random.Random, template: str, site: str, titles: list[str]) -> str:
    return template.format(
        sec=rng.choice(SECTIONS), site=site, n3=_digits(rng, 3), n7=_digits(rng, 7), n8=_digits(rng, 8),
        n11=_digits(rng, 11), t=rng.choice(titles) if titles else "无",
    )


def _build_article(rng: random.Random, src: Source) -> tuple[list[str], list[str], GoldArticle]:
    """Lines above the body (title and header), body lines, trailer lines; returns (lines, gold)."""
    fmt: dict[str, str] = {}
    date = source = author = editor = None
    parts: list[str] = []  # header fields that may share a line
    standalone: list[str] = []  # header lines of their own (bylines)
    trailer: list[str] = []
    if rng.random() < 0.9:
        label, printed, date = _date(rng)
        parts.append(printed)
        fmt["date"] = label
    if rng.random() < 0.8:
        source = rng.choice(OUTLETS)
        label = rng.choice(("来源：", "稿源：", "来源:", "文章来源："))
        parts.append(label + source)
        fmt["source"] = label.rstrip("：:")
    if rng.random() < 0.6:
        author = _person(rng)
        form = rng.choice(("作者：", "记者 ", "本报记者 "))
        fmt["author"] = form.strip("： ")
        if form == "作者：":
            parts.append(form + author)
        else:
            standalone.append(form + author)
    if rng.random() < 0.6:
        editor = _person(rng) if rng.random() < 0.8 else _person(rng) + "、" + _person(rng)
        form = rng.choice(("责任编辑：{}", "(责编:{})", "（责任编辑：{}）", "编辑：{}"))
        fmt["editor"] = form.split("{")[0].strip("(（：:")
        if rng.random() < 0.25 and form == "责任编辑：{}":
            parts.append(form.format(editor))
            fmt["editor"] += "@header"
        else:
            trailer.append(form.format(editor))
    rng.shuffle(parts)
    if parts and fmt.get("date") and rng.random() < 0.7:  # the date usually comes first
        date_part = next(p for p in parts if not re.match(r"(来源|稿源|文章来源|作者|责任编辑)", p))
        parts.remove(date_part)
        parts.insert(0, date_part)
    # the header right under the title (on one line, or one field a line), or everything at the end
    placement = rng.choices(("after-title", "split-lines", "end"), (0.6, 0.25, 0.15))[0]
    sep = rng.choice((" | ", "  ", "\u3000", " ", "　|　", " ｜ "))
    meta_lines = [sep.join(parts)] if parts else []
    if placement == "split-lines":
        meta_lines = list(parts)
    for key in fmt:
        if not fmt[key].endswith("@header") or key != "editor":
            fmt[key] = f"{fmt[key]}@{placement}" if key in ("date", "source") or (key == "author" and fmt[key] == "作者") else fmt[key]

    body = _paragraphs(rng, src.sentences)
    gold_paras: list[str] = []
    heading_mode = rng.random() < 0.2 and len(body) >= 2
    layout_paras: list[str] = []
    for i, para in enumerate(body):
        if heading_mode and i < len(NUMERALS):
            heading = f"{NUMERALS[i]}、{rng.choice(HEADINGS)}"
            gold_paras.append(heading)
            layout_paras.append(heading)
        gold_paras.append(para)
        layout_paras.append(para)
    run_together = rng.random() < 0.2
    if run_together:
        joiner = rng.choice((" ", "\u3000", "  ", "\u3000\u3000"))
        body_lines = [joiner.join(layout_paras)]
    else:
        indent = rng.choice(("", "", "\u3000\u3000", "    "))
        body_lines = [indent + p for p in layout_paras]
    fmt["layout"] = ("run-together" if run_together else "lines") + ("+headings" if heading_mode else "")

    head: list[str] = []
    if placement == "end":
        head += [src.title] + standalone
        trailer = meta_lines + trailer
    else:
        head += [src.title] + meta_lines + standalone
    gold = GoldArticle(src.title, date, source, author, editor, gold_paras, src.origin, src.hant, fmt)
    return head, body_lines + trailer, gold


def generate(sources: list[Source], n: int = 200, seed: int = 0, templates: Templates = SEEN) -> list[Dump]:
    """``n`` synthetic dumps, the same for the same sources, ``n``, ``seed`` and ``templates``."""
    rng = random.Random(seed)
    names = gazetteer_names()
    dumps = []
    styles = sorted(STYLES)
    pools: dict[str, list[int]] = defaultdict(list)
    for i, src in enumerate(sources):
        pools[src.origin.split(":")[0]].append(i)
    origins = sorted(pools)
    weights = [len(pools[o]) ** 0.5 for o in origins]
    for k in range(n):
        style = styles[k % len(styles)] if k < len(styles) else rng.choice(styles)
        p_crumb, p_widget, p_related, p_footer, p_debris, p_nav, p_spam = STYLES[style]
        chosen = []
        for _ in range(rng.choices((1, 2, 3), (0.5, 0.3, 0.2))[0]):  # a corpus by the square root of its size
            pool = pools[rng.choices(origins, weights)[0]]
            pick = rng.choice(pool)
            if pick not in chosen:
                chosen.append(pick)
        others = [sources[i].title for i in rng.sample(range(len(sources)), 12) if i not in chosen][:8]
        site = rng.choice(OUTLETS)
        lines: list[str] = []
        junk: list[Junk] = []
        gold_articles = []
        blank = rng.random() < 0.5  # blank lines between paragraphs or not

        def add_junk(kind: str, line: str) -> None:
            lines.append(line)
            junk.append(Junk(kind, line))

        if rng.random() < p_crumb:
            add_junk("breadcrumb", _fill(rng, rng.choice(templates.breadcrumbs), site, others))
        for a, index in enumerate(chosen):
            head, body, gold = _build_article(rng, sources[index])
            gold_articles.append(gold)
            if a and rng.random() < 0.5:
                lines.append("---" if rng.random() < 0.3 else "")
            lines.extend(head)
            if rng.random() < p_widget:
                add_junk("widget", rng.choice(templates.widgets))
            if rng.random() < p_spam:
                count = rng.randint(10, 30)
                add_junk("place-spam", "| ".join(rng.sample(names, count)) + rng.choice(("", "|")))
            for i, line in enumerate(body):
                if blank:
                    lines.append("")
                lines.append(line)
                if i == 0 and rng.random() < p_debris:
                    add_junk("table-debris", _fill(rng, rng.choice(templates.debris), site, others))
            if rng.random() < p_debris:
                add_junk("table-debris", _fill(rng, rng.choice(templates.debris), site, others))
            if rng.random() < p_widget * 0.6:
                add_junk("widget", rng.choice(templates.widgets))
            if rng.random() < p_nav:
                for tpl in rng.sample(templates.nav[:2], 2) if rng.random() < 0.5 else rng.sample(templates.nav[2:], 2):
                    add_junk("nav", _fill(rng, tpl, site, others))
            if rng.random() < p_related:
                add_junk("related", rng.choice(templates.related))
                for t in rng.sample(others, rng.randint(3, 6)):
                    add_junk("related", t)
        if rng.random() < p_footer:
            for tpl in rng.sample(templates.footers, rng.randint(1, 3)):
                add_junk("footer", _fill(rng, tpl, site, others))
        text = "\n".join(lines) + "\n"
        dumps.append(Dump(f"syn{k:04d}_{style}", style, text, gold_articles, junk))
    return dumps


# ---------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _tw2s():
    import opencc

    return opencc.OpenCC("tw2s.json")


def norm(text: Optional[str]) -> Optional[str]:
    """Compare in simplified script, white space ignored at the edges, and the corpus's zero-width
    spaces too (pass 1 removes them: invisible, they are no part of a title)."""
    if text is None:
        return None
    return _tw2s().convert(text).replace("\u200b", "").strip()


_PIECES = re.compile(r"[\s|｜/>»›：:【】\[\]()（）!,，\-]+")


def junk_pieces(line: str) -> list[str]:
    """The pieces of a junk line that must not survive (words of 2+ characters, or the line itself)."""
    pieces = [p for p in _PIECES.split(line) if len(p) >= 2]
    return pieces or [line.strip()]


@dataclass
class DumpScore:
    name: str
    style: str
    body_f1: float
    para_f1: float
    titles_right: int
    meta_right: int
    meta_total: int
    junk_gone: int
    junk_total: int
    count_right: bool
    n_gold: int
    n_got: int
    problems: list[str]
    meta_by_format: dict  # format label -> [right, total]
    junk_by_kind: dict  # kind -> [gone, total]
    title_by_format: dict  # placement/layout label -> [right, total]
    output: str = ""

    @property
    def title_rate(self) -> float:
        return self.titles_right / self.n_gold if self.n_gold else 1.0

    @property
    def meta_rate(self) -> float:
        return self.meta_right / self.meta_total if self.meta_total else 1.0

    @property
    def junk_rate(self) -> float:
        return self.junk_gone / self.junk_total if self.junk_total else 1.0

    @property
    def overall(self) -> float:
        return (self.body_f1 + self.para_f1 + self.title_rate + self.meta_rate + self.junk_rate + self.count_right) / 6


def _visible(values: list[Optional[str]]) -> str:
    return "\n".join(v for v in values if v)


def _short(s: Optional[str], n: int = 18) -> str:
    if s is None:
        return "None"
    return s if len(s) <= n else s[: n - 1] + "…"


def score_dump(dump: Dump) -> DumpScore:
    result = clean(dump.text, name=dump.name)
    got = result.articles or []
    got_paras = [[norm(p) for p in a.paragraphs] for a in got]
    gold_paras = [[norm(p) for p in g.paragraphs] for g in dump.articles]
    all_got = [p for ps in got_paras for p in ps]
    all_gold = [p for ps in gold_paras for p in ps]
    body = bigram_f1("\n".join(all_got), "\n".join(all_gold))
    para = paragraph_f1(all_got, all_gold)
    problems: list[str] = []

    # align each gold article with the unused predicted article whose body overlaps most
    unused = list(range(len(got)))
    titles_right = meta_right = meta_total = 0
    meta_by_format: dict = defaultdict(lambda: [0, 0])
    title_by_format: dict = defaultdict(lambda: [0, 0])
    for gi, gold in enumerate(dump.articles):
        best, best_f1 = None, 0.0
        for j in unused:
            f1 = bigram_f1("\n".join(got_paras[j]), "\n".join(gold_paras[gi]))
            if f1 > best_f1:
                best, best_f1 = j, f1
        if best is not None:
            unused.remove(best)
        article = got[best] if best is not None else None
        title = norm(article.title) if article else None
        ok = title == norm(gold.title)
        titles_right += ok
        tkey = "meta " + next((v.split("@")[1] for k, v in gold.formats.items() if k in ("date", "source") and "@" in v), "none")
        for key in (tkey, "layout " + gold.formats["layout"]):
            title_by_format[key][0] += ok
            title_by_format[key][1] += 1
        if not ok:
            problems.append(f"title#{gi + 1} got {_short(title)!r} want {_short(norm(gold.title))!r}")
        for key in META_FIELDS:
            want = getattr(gold, key)
            if want is None:
                continue
            have = norm(getattr(article, key)) if article else None
            right = have == norm(want)
            meta_total += 1
            meta_right += right
            label = f"{key}: {gold.formats.get(key, '?')}"
            meta_by_format[label][0] += right
            meta_by_format[label][1] += 1
            if not right:
                problems.append(f"{key}#{gi + 1} got {_short(have)!r} want {want!r}")

    gold_visible = norm(_visible([v for g in dump.articles for v in (g.title, g.date, g.source, g.author, g.editor, *g.paragraphs)]))
    got_visible = norm(_visible([v for a in got for v in (a.title, a.subtitle, a.date, a.source, a.author, a.editor, *a.paragraphs)]))
    junk_gone = 0
    junk_by_kind: dict = defaultdict(lambda: [0, 0])
    leaked = []
    for j in dump.junk:
        pieces = [norm(p) for p in junk_pieces(j.line)]
        left = [p for p in pieces if got_visible.count(p) > gold_visible.count(p)]
        gone = not left
        junk_gone += gone
        junk_by_kind[j.kind][0] += gone
        junk_by_kind[j.kind][1] += 1
        if not gone:
            leaked.append(f"{j.kind}:{_short(j.line, 24)!r}")
    if leaked:
        problems.append("junk left " + ", ".join(leaked[:4]) + (f" (+{len(leaked) - 4})" if len(leaked) > 4 else ""))
    count_right = len(got) == len(dump.articles)
    if not count_right:
        problems.append(f"articles {len(got)}/{len(dump.articles)}")
    if body < 0.95:
        problems.insert(0, f"body F1 {body:.3f}")
    if para < 0.85:
        problems.insert(0, f"para F1 {para:.3f} ({len(all_got)} paras, want {len(all_gold)})")
    return DumpScore(
        dump.name, dump.style, body, para, titles_right, meta_right, meta_total, junk_gone, len(dump.junk), count_right,
        len(dump.articles), len(got), problems, dict(meta_by_format), dict(junk_by_kind), dict(title_by_format),
        result.text,
    )


@dataclass
class Summary:
    dumps: int
    body_f1: float
    para_f1: float
    title: float
    meta: float
    junk_gone: float
    count: float


def summarize(scores: list[DumpScore]) -> Summary:
    n = len(scores)
    if not n:
        return Summary(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    return Summary(
        n,
        sum(s.body_f1 for s in scores) / n,
        sum(s.para_f1 for s in scores) / n,
        sum(s.titles_right for s in scores) / max(1, sum(s.n_gold for s in scores)),
        sum(s.meta_right for s in scores) / max(1, sum(s.meta_total for s in scores)),
        sum(s.junk_gone for s in scores) / max(1, sum(s.junk_total for s in scores)),
        sum(s.count_right for s in scores) / n,
    )


def _row(label: str, s: Summary) -> str:
    return (
        f"{label:14} {s.dumps:>5} {s.body_f1:8.3f} {s.para_f1:8.3f} {s.title:7.1%} {s.meta:7.1%} "
        f"{s.junk_gone:7.1%} {s.count:7.1%}"
    )


def _breakdown(title: str, scores: list[DumpScore], attr: str) -> list[str]:
    totals: dict = defaultdict(lambda: [0, 0])
    for s in scores:
        for key, (right, total) in getattr(s, attr).items():
            totals[key][0] += right
            totals[key][1] += total
    out = [title]
    for key in sorted(totals, key=lambda k: (totals[k][0] / totals[k][1], k)):
        right, total = totals[key]
        out.append(f"  {key:34} {right:>4}/{total:<4} {right / total:7.1%}")
    return out


def report(scores: list[DumpScore], worst: int = 10) -> tuple[str, Summary]:
    overall = summarize(scores)
    lines = [
        f"{'style':14} {'dumps':>5} {'body F1':>8} {'para F1':>8} {'titles':>7} {'meta':>7} {'junk':>7} {'count':>7}",
        _row("overall", overall),
    ]
    for style in sorted({s.style for s in scores}):
        lines.append(_row(style, summarize([s for s in scores if s.style == style])))
    t = TARGETS
    checks = [
        ("body F1", overall.body_f1, t["body_f1"]), ("para F1", overall.para_f1, t["para_f1"]),
        ("titles", overall.title, t["title"]), ("metadata", overall.meta, t["meta"]),
        ("junk gone", overall.junk_gone, t["junk_gone"]), ("article count", overall.count, t["count"]),
    ]
    lines.append("")
    lines.append("targets: " + "  ".join(f"{name} {v:.3f}/{goal:.2f} {'ok' if v >= goal else 'MISS'}" for name, v, goal in checks))
    lines.append("")
    lines += _breakdown("junk gone by kind:", scores, "junk_by_kind")
    lines += _breakdown("metadata right by field and format (format@placement):", scores, "meta_by_format")
    lines += _breakdown("titles right by header placement / body layout:", scores, "title_by_format")
    lines.append("")
    lines.append(f"{worst} worst dumps:")
    for s in sorted(scores, key=lambda s: (s.overall, s.name))[:worst]:
        lines.append(f"  {s.name:20} score {s.overall:.2f}  " + "; ".join(s.problems[:5]))
    return "\n".join(lines), overall


def write_failures(directory: Path, dumps: list[Dump], scores: list[DumpScore], worst: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    by_name = {d.name: d for d in dumps}
    for s in sorted(scores, key=lambda s: (s.overall, s.name))[:worst]:
        dump = by_name[s.name]
        (directory / f"{s.name}.txt").write_text(dump.text, encoding="utf-8")
        (directory / f"{s.name}.out.txt").write_text(s.output, encoding="utf-8")
        truth = {"style": dump.style, "articles": [asdict(a) for a in dump.articles], "junk": [asdict(j) for j in dump.junk]}
        (directory / f"{s.name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        (directory / f"{s.name}.problems.txt").write_text("\n".join(s.problems) + "\n", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--n", type=int, default=200, help="number of dumps (default 200)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/ data directory")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--dump-failures", type=Path, metavar="DIR", help="write the worst dumps, outputs and truth here")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write per-dump scores as JSON")
    ap.add_argument("--templates", choices=sorted(TEMPLATE_SETS), default="seen",
                    help="furniture to wrap the dumps in: the set the rules were written against, or a held-out one (report separately)")
    ap.add_argument("--held-out", dest="templates", action="store_const", const="held-out", help="same as --templates held-out")
    args = ap.parse_args(argv)
    if not (args.shared / "corpora" / "news-zh-hans").is_dir():
        print(
            f"error: clean news sources not found under {args.shared}/corpora (news-zh-hans, news-zh-hant); "
            "this benchmark needs the development workspace's shared/ data (or pass --shared DIR)",
            file=sys.stderr,
        )
        return 2
    sources = load_sources(args.shared)
    origins = Counter(s.origin.split(":")[0] for s in sources)
    dumps = generate(sources, args.n, args.seed, TEMPLATE_SETS[args.templates])
    print(
        f"{len(dumps)} dumps, seed {args.seed}, {args.templates} templates, {sum(len(d.articles) for d in dumps)} articles, "
        f"{sum(len(d.junk) for d in dumps)} junk lines; source pool: "
        + ", ".join(f"{k} {v}" for k, v in sorted(origins.items()))
    )
    scores = [score_dump(d) for d in dumps]
    text, _ = report(scores, args.worst)
    print(text)
    if args.dump_failures:
        write_failures(args.dump_failures, dumps, scores, args.worst)
        print(f"worst dumps written to {args.dump_failures}")
    if args.json:
        args.json.write_text(
            json.dumps([{k: v for k, v in asdict(s).items() if k != "output"} for s in scores], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
