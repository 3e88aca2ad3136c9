"""Blind held-out furniture set 8 for the synthetic dump benchmark (``--templates held-out-8``).

Written by a helper session on 2026-11-23, from memory of real Chinese-language web pages and without
reading the cleaning rules, their vocabulary or the other held-out sets. It imitates the page furniture
of national ministries and provincial government portals (政府信息公开 pages), court and procuratorate
news sites, state-owned enterprise news centres, sports and entertainment portals, financial and
securities news sites, regional evening papers, county-level 融媒体中心 sites, overseas Chinese outlets
in North America and Europe, and the web pages of news aggregator apps.

Rule writers must not read this file: it is kept unseen so that its figures stay an honest measure of
how the cleaner does on sites it was not written against. Look only at the aggregate figures the
benchmark prints for it.
"""

BREADCRUMBS = (
    "首页 > 政府信息公开 > {sec}",
    "您现在的位置：首页 > 新闻发布 > 工作动态",
    "当前位置： 首页 > 政务公开 > 政务动态 > 部门动态",
    "您当前的位置 ： 首页 > 新闻中心 > 法院新闻",
    "首页 > 检察动态 > 基层动态",
    "当前位置：首页 >> 新闻资讯 >> 企业动态",
    "{site}体育 > 中国足球 > 中超",
    "{site} > 股票 > 公司新闻 > 正文",
    "{site} > 数字报 > A05版：城事",
    "当前位置：首页 > 县域新闻 > 乡镇动态",
    "首页 » 北美新闻 » 华人社区",
    "首页 › 欧洲华人 › {sec}",
    "{site} > {sec} > 资讯详情",
)

WIDGETS = (
    "【字体：大 中 小】 【打印本页】 【关闭窗口】",
    "视力保护色： 【打印】 【关闭】",
    "分享到： 微信 微博 QQ好友 复制链接",
    "上证指数 3051.24 -0.37%  深证成指 9612.08 +0.21%  创业板指 1843.55 +0.45%",
    "自选股 | 行情中心 | 数据中心 | 研报中心",
    "打开APP 阅读全文",
    "展开全文",
    "直播 | 比分 | 赛程 | 积分榜",
    "Facebook Twitter 微信 Email 打印",
    "扫一扫下载融媒体客户端",
    "点赞 0 | 转发 | 评论",
    "听新闻 0:00 / 3:12",
    "【收藏】 【纠错】 【打印】",
    "举报 | 收藏 | 评论(0)",
)

RELATED = (
    "相关新闻：",
    "今日推荐",
    "24小时热文",
    "为您推荐",
    "点击排行",
    "相关视频 更多>",
    "★ 相关报道",
    "编辑精选",
    "相关专题",
    "精彩推荐 换一换",
    "财经热读",
    "排行榜 日榜 周榜",
)

FOOTERS = (
    "主办单位：{site}  网站标识码：33{n8}",
    "浙公网安备 330{n11}号",
    "备案号：苏ICP备{n8}号-3",
    "版权所有：{site}  技术支持：法院信息技术服务中心",
    "Copyright © {site} All Rights Reserved.",
    "风险提示：本文所提到的观点仅代表个人的意见，所涉及标的不作推荐，据此买卖，风险自负。",
    "郑重声明：{site}发布此信息的目的在于传播更多信息，与本站立场无关。",
    "市场有风险，投资需谨慎。",
    "报料热线：0571-{n8}  广告热线：0571-{n8}",
    "© 2024 {site} 保留所有权利",
    "本网站内容仅供参考，不代表本网立场；转载请注明出处。",
    "网络文化经营许可证 京网文〔2022〕{n3}-{n3}号",
    "互联网新闻信息服务许可证：{n11}",
    "用户协议 | 隐私政策 | 侵权投诉 | 未成年人保护",
)

DEBRIS = (
    "|:---:|:---:|",
    '<img src="/uploads/{n8}.jpg" alt="">',
    "![](https://inews.gtimg.com/newsapp_bt/0/{n8}/1000)",
    "&nbsp;&nbsp;",
    "+--------+--------+",
    '<p style="text-align: center;"></p>',
    "</td></tr><tr><td>",
)

NAV = (
    "« 上一篇文章 {t}",
    "下一篇文章 {t} »",
    "前一篇 « {t}",
    "后一篇 » {t}",
)
