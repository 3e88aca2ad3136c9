"""Memos: for functions of one line, and for the tables the passes derive from the package data.

``functools.lru_cache`` would keep every key it is given; one 40 MB line would
then stay in memory as long as the process. :func:`line_cache` remembers only
lines up to :data:`LONGEST_CACHED` characters and computes longer ones each time.

The mojibake pass derives tables from the frequency files (pair log-probabilities,
byte-pattern indexes) that take seconds to build and a tenth of that to load, so
:func:`table_cache` keeps them on disk between runs: a pre-commit hook or a batch
worker then starts in well under a second instead of three.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import lru_cache, wraps
from pathlib import Path
from typing import Callable, Optional, TypeVar

from .files import AtomicWriter

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


#: set to a directory to keep the derived tables there, or to "" to keep none on disk
CACHE_ENV = "CLEANNEWS_CACHE_DIR"


@lru_cache(maxsize=1)
def table_dir() -> Optional[Path]:
    """Where :func:`table_cache` keeps tables: one folder per version of the code and data that build them.

    ``$CLEANNEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleannews``, else ``~/.cache/cleannews``;
    None when the variable is set empty. The folder's name hashes the package's modules and data
    files and the Python version (marshal's format), so a change to any of them starts afresh.
    """
    configured = os.environ.get(CACHE_ENV)
    if configured == "":
        return None
    if configured:
        root = Path(configured)
    else:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cleannews"
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{sys.version_info[:2]} {marshal.version}".encode())
    for path in sorted(package.glob("*.py")) + sorted((package / "data").glob("*")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return root / f"tables-{digest.hexdigest()[:16]}"


def table_cache(function: Callable[..., T]) -> Callable[..., T]:
    """``lru_cache(maxsize=None)`` for a table builder, whose result is also kept on disk with marshal.

    The arguments must be few and plain (they name the file); the result must be marshal-able
    (dicts, tuples, lists, frozensets of strings and numbers). A file that cannot be read is
    rebuilt; one that cannot be written is not kept: the cache never makes a run fail.
    """

    @lru_cache(maxsize=None)
    @wraps(function)
    def cached(*args):
        folder = table_dir()
        if folder is None:
            return function(*args)
        path = folder / ("-".join([function.__module__, function.__qualname__, *map(str, args)]) + ".marshal")
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass
        value = function(*args)
        _write_atomically(path, marshal.dumps(value))
        return value

    return cached


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with :class:`cleannews.files.AtomicWriter`; give up quietly on any OS error."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            _remove_older_tables(path.parent)
        with AtomicWriter(path, binary=True) as writer:
            writer.write(data)
    except OSError:
        pass


def _remove_older_tables(current: Path) -> None:
    """Delete the table folders of other versions (an upgrade, or an edit of the code in a checkout)."""
    for folder in current.parent.glob("tables-*"):
        if folder != current:
            for file in folder.glob("*"):
                file.unlink(missing_ok=True)
            folder.rmdir()
