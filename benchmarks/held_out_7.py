"""Held-out furniture set 7 for ``synthetic_dumps.py`` (``--templates held-out-7``): a BLIND set.

Written on 2026-11-23 by a helper session, from memory of real Chinese-language news pages
and without reading the cleaner's rules or vocabulary (``src/cleannews/``) or the other
held-out sets. It imitates the furniture of: provincial newspaper groups' websites, city TV
station portals, university news sites, company press pages, Hong Kong / Taiwan / Singapore /
Malaysia Chinese outlets, news apps' web share pages, WeChat-article mirrors, self-media pages
(Baijiahao, Toutiao, Sohu, NetEase style) and forum reposts.

RULE WRITERS MUST NOT READ THIS FILE: its figures are only honest while whoever writes the
rules has never seen its lines. Look at the aggregate figures it produces, nothing else.

Placeholders are those of ``synthetic_dumps._fill``: {site}, {sec}, {t}, {n3}, {n7}, {n8}, {n11}.
Widgets and related headers are inserted as they are (not filled), so they hold no placeholders.
"""

BREADCRUMBS = (
    "您当前的位置 ：{site} >> {sec} >> 正文",
    "当前位置： 首页 > 新闻中心 > 公司新闻",
    "您现在的位置：首页 > 学校要闻",
    "你的位置：{site} > 视频 > {sec}",
    "首頁 > {sec} > 即時新聞",
    "主頁 > 港聞",
    "新闻 > {sec}",
    "{site}首页 > 新闻频道 > {sec}",
    "所在位置：{site} → {sec} → 正文",
    "门户 › 资讯 › 查看内容",
    "论坛 › 社会百态 › 查看帖子",
    "新闻中心 > 滚动新闻 > 正文",
)

WIDGETS = (
    "分享到： 微信 新浪微博 QQ好友 复制链接",
    "浏览次数：1286  【大 中 小】【打印】【关闭】",
    "阅读 10万+  在看 326",
    "打开APP，阅读全文",
    "举报/反馈",
    "▶ 00:00 / 03:42 听新闻",
    "收藏  举报  1.2万阅读  36评论",
    "微信扫一扫 分享到朋友圈",
    "分享至 Facebook Twitter WhatsApp 複製連結",
    "A- A+ 字體大小",
    "返回搜狐，查看更多",
    "只看该作者 | 倒序浏览 | 阅读模式",
    "+关注",
)

RELATED = (
    "相关新闻",
    "更多精彩内容",
    "往期回顾",
    "相關新聞",
    "延伸閱讀",
    "24小时点击排行",
    "编辑推荐",
    "精彩推荐",
    "最新动态",
    "相关报道：",
    "热门排行",
)

FOOTERS = (
    "主办单位：{site}  承办单位：{site}新媒体中心",
    "声明：本文由入驻搜狐公众平台的作者撰写，除搜狐官方账号外，观点仅代表作者本人，不代表搜狐立场。",
    "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。",
    "免责声明：本文仅代表作者个人观点，与{site}无关。其原创性以及文中陈述文字和内容未经本站证实，请读者仅作参考，并请自行核实相关内容。",
    "文章转载自微信公众号，版权归原作者所有，如有侵权请联系删除。",
    "新闻热线：0531-{n8}  广告热线：0531-{n8}",
    "互联网新闻信息服务许可证编号：{n11}",
    "主办：党委宣传部（新闻中心）  技术支持：网络与信息中心",
    "苏ICP备{n8}号-2",
    "本網站內容版權所有，非經同意不得轉載。",
    "©版权所有 {site} 2024",
    "地址：人民路{n3}号  邮编：{n3}001  联系电话：0771-{n7}",
)

DEBRIS = (
    "| :--- | ---: |",
    "|:---:|:---:|:---:|",
    "![图片](https://mmbiz.qpic.cn/mmbiz_jpg/{n8}/640?wx_fmt=jpeg)",
    "[图片]",
    "|-|-|-|-|",
    "| | | |",
    "+------+------+",
    "<br/>",
)

NAV = ("上一篇 {t}", "下一篇 {t}", "上一則：{t}", "下一則：{t}")
