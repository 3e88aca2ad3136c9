"""Vocabulary of Chinese news-site furniture: widgets, block headers, footers, breadcrumbs.

These are the words page templates print around an article, not words of any
one site: the labels of share/print/font-size widgets, the headers of
related-article blocks, copyright and ICP footers, breadcrumb prefixes. The
lists follow the UI conventions of mainland, Hong Kong and Taiwan portals
(people.com.cn, xinhuanet, sina, 163, qq, ifeng, udn, ltn …) and are all in
simplified form because the boilerplate pass runs after script normalization;
``variants`` adds the traditional forms for runs that keep traditional text.
"""

from __future__ import annotations

from functools import lru_cache

# Widget labels: a line made only of these (plus brackets and separators) is furniture.
UI_WORDS = tuple(
    sorted(
        {
            "小字号", "中字号", "大字号", "字号", "字体", "默认", "大", "中", "小", "打印本页", "打印", "关闭窗口", "关闭",
            "收藏本页", "收藏", "加入收藏", "分享到", "分享至", "已编辑", "有用", "没用", "点击上方蓝字", "点击蓝字", "设为星标", "阅读体验更佳", "体验更佳", "换一换", "换一批", "重新浏览", "重新播放", "跳至导览", "跳至搜寻", "跳到导航", "跳到搜索", "检视历史", "查看历史", "分享让更多人看到", "分享", "转发", "复制链接", "复制网址",
            "返回顶部", "回到顶部", "返回首页", "返回目录", "返回列表", "返回", "顶部", "扫一扫", "微信扫一扫",
            "扫描二维码", "二维码", "微信", "微博", "朋友圈", "QQ空间", "QQ好友", "易信", "好友", "新浪微博", "腾讯微博", "人人网",
            "豆瓣", "手机看新闻", "手机版", "电脑版", "纠错", "我要纠错", "举报", "评论", "发表评论", "我要评论",
            "点赞", "赞", "顶", "踩", "更多", "查看更多", "点击查看", "点击加载更多", "加载更多", "展开全文",
            "阅读全文", "全文", "正文", "【", "】", "打开APP", "下载APP", "客户端", "责任编辑", "上一页", "下一页", "上一版", "下一版",
            "首页", "尾页", "Tags", "标签", "关键词", "编辑推荐", "【打印】", "【关闭】", "【收藏】", "【字号",
            "在手机打开当前页", "手机打开", "扫码阅读", "扫码", "当前页", "A+", "A-", "T", "默认字号", "放大", "缩小", "护眼", "护眼模式", "隐藏边栏", "显示边栏",
            # WeChat/Sohu mirrors, Taiwan and Hong Kong portals, accessible government sites
            "我来说两句", "关注我们", "点击蓝字", "长按识别", "长按二维码", "识别二维码", "展开剩余", "阅读原文", "生成海报",
            "语音朗读", "朗读", "听新闻", "收听", "字级", "列印", "友善列印", "转寄", "跳到主要内容区块", "跳到主要内容", "跳至主要内容", "跳到主内容区", "跳过导航", "Skip to main content", "Skip to content", "加入书签", "书签", "无障碍浏览", "无障碍",
            "长者模式", "关怀模式", "适老化", "视力保护色", "护眼模式", "夜间模式", "繁体", "简体", "关怀版",
            "设为星标", "点击上方", "在看", "写留言", "喜欢作者", "继续滑动看下一个", "阅读体验更佳", "浏览次数", "点阅次数", "点阅",
            # Portuguese widgets of the Chinese press of Brazil, Portugal and Macau
            "Compartilhar", "Partilhar", "Responder", "Imprimir", "Comentar", "Comentários", "Voltar ao topo", "Deixe um comentário",
            # share targets
            "Facebook", "Twitter", "WhatsApp", "Telegram", "Messenger", "Viber", "Iklan", "KakaoTalk", "Reddit", "Threads", "LINE", "Line", "Email", "E-mail", "电邮", "噗浪", "Plurk", "Weibo",
            "WeChat", "LinkedIn", "QQ", "X", "A",  # X (Twitter) in a share row; A A A: font sizes
            # advertisement slots between paragraphs
            "广告", "Advertisement", "ADVERTISEMENT", "赞助内容",
            # counters and follow buttons (阅读 10万+, 赞(0), 跟贴 0 参与 0): numbers go with them
            "关注", "加关注", "已关注", "取消关注", "粉丝", "加入好友", "加好友", "私信", "阅读", "阅读量", "浏览",
            "浏览量", "点击", "点击量", "点击数", "回复", "收起回复", "展开回复", "收起", "跟贴", "跟帖", "参与", "参与评论",
            "播放", "播放量", "人气", "热度", "围观", "喜欢", "不喜欢", "有用", "没用",
            # galleries and players
            "上一张", "下一张", "上一幅", "下一幅", "上一组", "下一组", "查看原图", "原图", "查看大图", "大图",
            "高清大图", "全屏", "重播", "视频加载中", "正在加载", "加载中", "请稍候", "请稍后",
            "倍速", "清晰度", "标清", "高清", "超清", "蓝光", "流畅", "静音", "画中画", "退出全屏", "弹幕",
            # buttons of vertical portals (cars, property, finance)
            "询底价", "询价", "预约试驾", "参数配置", "车型对比", "口碑", "经销商", "变价通知我", "开盘通知我",
            "降价通知我", "看房团", "楼盘详情", "户型图", "行情", "股吧", "研报", "资金流向", "加自选", "自选股",
            # subscription, app and reader-mode prompts
            "我要投稿", "投稿", "免费订阅", "订阅", "微信公众号", "公众号", "小程序", "收藏本文", "反馈", "举报/反馈",
            "在APP内打开", "APP内打开", "打开", "下载客户端", "立即下载", "下载", "查看评论", "查看精彩图片", "打印此页",
            "关闭此页", "顶一下", "踩一下", "阅读模式", "列表", "新闻列表", "栏目首页", "频道首页", "投诉", "访问次数", "阅读次数", "浏览次数", "语音播报", "播报",
            # forum (Discuz, phpwind) post bars: floor names, post buttons, user counters
            "楼主", "沙发", "板凳", "地板", "发表于", "只看该作者", "只看楼主", "倒序浏览", "正序浏览", "使用道具",
            "快速回复", "发新帖", "回帖", "发帖", "支持", "反对", "复制链接", "电梯直达", "帖子", "积分",
        },
        key=len,
        reverse=True,
    )
)

# Labels of a page's tag bar (关键词：甲 乙 丙): the keywords under them are links, not prose.
# What a bracketed tag before a headline says the page carries ([视频]某地…, 【组图】…): not the title's words.
# Topics a portal names its sections by (社区新闻, 国际新闻): before 新闻 they make a section, not an outlet.
SECTION_TOPICS = (
    "国内", "国际", "本地", "地方", "社区", "社会", "财经", "体育", "娱乐", "科技", "时政", "要闻", "图片", "视频", "军事",
    "教育", "健康", "文化", "旅游", "汽车", "房产", "法治", "民生", "综合", "热点", "滚动", "即时", "实时", "最新", "今日",
    "城市", "区县", "县区", "乡镇", "两岸", "港澳", "华人", "侨社", "侨界", "海外", "环球", "全球", "中国", "本网", "本站",
)
MEDIA_TAGS = ("视频", "图", "组图", "图文", "图集", "音频", "直播", "多图", "动图", "高清", "视频新闻")
# A forum's or portal's category before a thread title: [新闻] 某某, [转帖] 某某.
CATEGORY_TAGS = ("新闻", "原创", "转帖", "转载", "转贴", "分享", "公告", "资讯", "讨论", "求助")
TAG_LABELS = (
    "关键词", "关键字", "标签", "相关标签", "热词", "Tags", "TAGS", "Tag", "TAG", "主题词", "分类", "页面分类", "Categories",
    "相关搜索", "热门搜索", "大家都在搜", "热搜词",  # a search box's suggested queries: links too
)

# Headers of blocks that list other articles; the block under them goes with them.
RELATED_HEADERS = (
    "相关新闻", "相关阅读", "相关文章", "相关内容", "相关报道", "相关链接", "相关推荐", "推荐阅读", "延伸阅读",
    "扩展阅读", "猜你喜欢", "你可能感兴趣", "您可能感兴趣", "热点推荐", "热门推荐", "精彩推荐", "编辑推荐",
    "为您推荐", "热门点击", "热门文章", "热门新闻", "热点新闻", "热点排行", "点击排行", "排行榜", "最新文章",
    "最新新闻", "最新资讯", "最新推荐", "今日推荐", "图片新闻", "图文推荐", "往期回顾", "友情链接", "更多新闻",
    "更多精彩", "24小时热文", "热门排行", "阅读排行", "专题推荐", "大家都在看", "看了又看", "网友评论",
    "相关专题", "新闻推荐", "相关稿件", "相关资讯", "相关热词", "热门阅读", "往期精彩", "往期推荐", "精彩回顾",
    "本周热榜", "热榜", "热读", "热文", "看了本文的人", "看过本文的人", "最新发布", "推荐文章", "精选文章", "你可能还喜欢", "你可能也会喜欢", "你可能会喜欢", "您可能也喜欢", "你也许会喜欢",
    "相关公告", "相关图集", "更多精彩内容", "相关股票", "相关个股", "相关基金",  # a finance wire's quotes of the stocks it names
    "本版标题导航",  # an e-paper page's list of its pieces (a bare 本版导航 or 版面导航 may be a tab over the text)
    "相关视频", "更多视频", "热门视频", "推荐视频", "精彩视频", "相关节目", "相关音频",  # a video or audio page's other clips
    # a wiki article's appendices: its sources and links, not its text (a paper's 参考文献 is the paper's)
    "参考资料", "外部链接", "参见", "External links", "See also",
    # the English headers of bilingual and overseas Chinese sites
    "Related Stories", "Related News", "Related Articles", "Related Posts", "Related Content", "More Stories", "More News",
    "You May Also Like", "You Might Also Like", "Recommended", "Most Popular", "Most Read", "Top Stories", "Trending",
    "Notícias relacionadas", "Leia também", "Veja também", "Mais lidas",
)

# Headers of a comment section (评论 (191), 热门评论, 我要跟帖): the thread under them goes with them.
COMMENT_HEADERS = (
    "评论", "条评论", "热门评论", "最新评论", "最热评论", "我来说两句", "相关问答", "网友问答", "精选问答", "全部评论", "精彩评论", "热评", "热评论", "评论区", "用户评论", "读者评论",
    "网友评论", "网友跟帖", "热门跟帖", "最新跟帖", "跟帖", "跟贴", "我要跟帖", "我要跟贴", "发表评论", "我要评论", "我要留言", "精选留言", "留言区",
    "留言", "全部回复", "网友回复", "讨论区", "读者留言", "读者来信", "读者回应", "网友回应", "我的笔记", "我的标注", "我的划线", "网友点评", "用户点评", "最新点评",
    # the English headers of bilingual and overseas Chinese sites (WordPress: 2 Comments, Leave a Reply)
    "Comments", "Comment", "Responses", "Leave a Reply", "Leave a Comment",
    "Comentários", "Deixe um comentário", "Deixe seu comentário",
)

# Footer furniture. A short line holding any of these words is a page footer. Article prose
# may use the ordinary ones (联系我们, 技术支持, 隐私政策), so a sentence needs two marks, or one
# of FOOTER_MARKS: phrases that speak of "this site" or cite a licence, never an article's words.
FOOTER_MARKS = (
    "Copyright", "copyright", "COPYRIGHT", "©", "All Rights Reserved", "ICP备", "ICP证", "公网安备", "网安备",
    "增值电信业务", "互联网新闻信息服务许可证", "违法和不良信息举报", "不良信息举报", "本网站所刊登", "凡本网注明",
    "本站部分信息来源于网络", "未经授权禁止转载", "未经许可不得转载", "转载请注明", "著作权所有", "转载必究",
    "不得转载", "转载请联系", "仅代表作者个人观点", "本文原载", "本文刊于", "不代表本站观点", "不代表本网观点", "不代表本站立场", "不代表本网立场", "视听节目许可证",
    "新闻信息服务许可", "网站标识码", "位访问者", "仅代表作者本人", "仅代表作者观点", "传递更多信息之目的",
    "并不意味着赞同其观点", "不意味着赞同其观点", "仅代表该作者观点", "仅提供信息发布平台", "仅提供信息存储",
    "版权归原作者所有", "著作权归原作者所有", "版权归原作者及原出处所有", "如有侵权请联系删除", "如有侵权，请联系删除",
    # a search engine's cache banner above the page it kept
    "网页快照", "百度快照", "搜狗快照", "360快照", "快照是网页", "的快照。", "的快照，", "您查询的关键词是", "被搜索网站", "快照谨为",
    "快照更新时间", "关键词已被标亮", "网页的缓存", "的缓存版本", "当前页可能在此期间已经更改", "当前页面可能已经更改",
    # a web archive's toolbar above the page it captured, and its note below
    "Wayback Machine", "INTERNET ARCHIVE", "Internet Archive", "About this capture", "COLLECTED BY",
    # a wiki's tagline, licence and revision note (MediaWiki: Wikipedia, Wikinews)
    "自由的百科全书", "自由的新闻源", "本页面最后修订于", "最后修订于", "知识共享", "Creative Commons",
    # a financial site's standing disclaimer
    "不构成投资建议", "据此操作风险自担", "据此操作，风险自担", "本页面所载",
    # a newsletter's note on why the reader got it
    "因为你订阅了", "因为您订阅了", "您订阅的邮件", "如果邮件无法正常显示", "如果邮件无法正常阅读",
    # a blog's comment form (WordPress: "Your email address will not be published. Required fields are marked *")
    "电子邮箱地址不会被公开", "邮箱地址不会被公开", "必填项已用", "Required fields are marked",
    # WeChat's own lines under a post read in a browser
    "轻点两下取消赞", "轻点两下取消在看", "微信扫一扫可打开此内容", "使用完整服务",
)
FOOTER_WORDS = FOOTER_MARKS + (
    "版权所有", "版权声明", "举报电话", "举报邮箱", "联系我们", "关于我们", "网站地图", "网站声明", "免责声明",
    "隐私政策", "使用条款", "广告服务", "广告合作", "主办单位", "主办：", "承办单位", "技术支持", "建议使用",
    "分辨率", "浏览器访问", "经营许可证", "旗下网站", "制作维护", "访问人次", "总访问量", "联络我们", "隐私权政策",
    "隐私权保护", "著作权声明", "服务条款", "用户协议", "意见反馈", "网站纠错", "投稿邮箱", "投诉邮箱", "主管单位",
    "协办单位", "邮政编码", "邮编", "信息存储空间", "不拥有所有权", "不承担相关法律责任", "如有侵权", "联系删除",
    "侵权删除", "请联系本站", "新闻热线", "广告热线", "投稿热线", "客服热线", "网上有害信息举报", "互联网举报中心",
    "网络文化经营许可证", "出版物经营许可证", "节目制作经营许可证", "统一社会信用代码", "Powered by", "诚聘英才",
    "加入我们", "广告刊登", "法律顾问", "私隐政策", "广告查询", "客户服务", "Sdn Bhd", "Pte Ltd", "Processed in",
    "About Us", "Contact Us", "Terms of Use", "Terms of Service", "Privacy Policy", "Advertise", "Site Map", "Todos os direitos reservados",
    "退订", "取消订阅", "管理订阅", "Unsubscribe",
)

# Headers of a legal notice (copyright, disclaimer) that closes a page; its clauses are prose.
NOTICE_HEADERS = ("反侵权公告", "版权声明", "免责声明", "特别声明", "郑重声明", "侵权声明", "法律声明", "风险提示", "Disclaimer", "DISCLAIMER")

# Headers of a box about the author or the expert quoted (photo, career, clinic hours), beside the text, not of it.
BIO_HEADERS = ("作者简介", "专家简介", "记者简介", "译者简介", "嘉宾简介", "医生简介", "专家介绍", "作者介绍", "关于作者")

# Prefixes of a breadcrumb ("you are here") line.
BREADCRUMB_PREFIXES = (
    "您当前的位置", "你当前的位置", "您现在的位置", "你现在的位置", "您的位置", "你的位置", "当前位置", "所在位置",
    "您所在的位置", "你所在的位置", "当前页面", "当前页", "位置：", "位置:", "所在栏目", "所属栏目", "当前栏目",
    "栏目：", "栏目:", "所在频道", "所属频道", "所在分类", "所属分类", "所在版块", "所属版块", "首页 >", "首页>", "首页 »", "首页»", "首页 /", "首页|", "首页 |",
    "Você está em", "Está em",
)

# Site roots that say nothing about the publisher.
# Last crumbs that name no section, only "the page you are on": 某某频道 · 正文.
GENERIC_LEAVES = ("正文", "内文", "正文内容", "详情", "详细内容", "详细信息", "内容", "阅读", "文章", "查看帖子", "新闻正文", "全文")

GENERIC_ROOTS = (
    "首页", "主页", "网站首页", "本站首页", "Home", "home", "HOME", "返回首页", "数字报", "电子报", "电子版", "读报", "Início", "Página Inicial",
)


@lru_cache(maxsize=1)
def _shipped_variants() -> dict[str, list[str]]:
    """Traditional forms of the built-in words (data/variants.json, built by scripts/build_variants.py)."""
    import json
    from importlib.resources import files

    table = files("cleannews").joinpath("data/variants.json")
    return json.loads(table.read_text(encoding="utf-8")) if table.is_file() else {}  # {} only while building it


@lru_cache(maxsize=None)
def variants(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` plus their traditional forms (Taiwan and Hong Kong), longest first.

    Built-in words take their forms from the shipped table; only words a user adds
    are converted with OpenCC here.

    >>> "相關新聞" in variants(("相关新闻",))
    True
    """
    shipped = _shipped_variants()
    forms = set(words)
    for word in words:
        forms.update(shipped.get(word, ()))
    missing = [word for word in words if word not in shipped and any("\u4e00" <= ch <= "\u9fff" for ch in word)]
    if missing:
        from .script import convert

        for target in ("zh-tw", "zh-hk", "zh-hant"):
            forms.update(convert(word, target) for word in missing)
    return tuple(sorted(forms, key=len, reverse=True))
