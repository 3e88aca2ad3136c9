"""A memo for functions of one line: lines of a site's furniture recur, long lines do not.

``functools.lru_cache`` would keep every key it is given; one 40 MB line would
then stay in memory as long as the process. :func:`line_cache` remembers only
lines up to :data:`LONGEST_CACHED` characters and computes longer ones each time.
"""

from __future__ import annotations

from functools import lru_cache, wraps
from typing import Callable, TypeVar

LONGEST_CACHED = 1000  # characters: a furniture line is short; a paragraph this long rarely recurs

T = TypeVar("T")


def line_cache(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Like ``lru_cache(maxsize)`` for a function whose first argument is a line, but keys
    no line longer than :data:`LONGEST_CACHED`. The wrapper keeps ``cache_info`` and ``cache_clear``.

    >>> @line_cache(8)
    ... def width(line: str) -> int:
    ...     return len(line)
    >>> width("短"), width("长" * 2000), width("短")
    (1, 2000, 1)
    >>> width.cache_info().hits, width.cache_info().currsize
    (1, 1)
    """

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def wrapper(line: str, *args, **kwargs) -> T:
            if len(line) > LONGEST_CACHED:
                return function(line, *args, **kwargs)
            return cached(line, *args, **kwargs)

        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
