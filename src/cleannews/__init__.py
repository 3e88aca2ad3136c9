r"""cleannews: turn raw dumps of scraped Chinese news into clean, structured articles.

>>> from cleannews import clean, Options
>>> result = clean("某地举行冬季运动会\n小字号\n运动会吸引了上千名群众参加，现场气氛热烈。")
>>> result.articles[0].title, result.articles[0].paragraphs
('某地举行冬季运动会', ['运动会吸引了上千名群众参加，现场气氛热烈。'])
"""

from .document import Article, Options

__version__ = "0.1.0"
__all__ = ["Article", "Options", "clean"]


def clean(data, name=None, options=None, **keywords):
    """Clean one dump (``str`` or raw ``bytes``); keywords build :class:`Options` (``target="zh-tw"``).

    Returns a :class:`cleannews.pipeline.Result` with ``articles``, ``text`` and ``edits``.
    """
    from .pipeline import clean as _clean  # imported lazily: `cleannews --help` stays fast

    return _clean(data, name=name, options=options or Options(**keywords))
