"""Finding input files, reading them safely and writing results atomically.

In-place writes go to a temporary file in the same directory, are fsynced and
then renamed over the original, keeping its permission bits: a run killed at
any moment leaves each file either as it was or fully cleaned. Temporary files
a killed run left behind (``.<name>.cleannews-*.tmp``) are removed by the next
run over that directory.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, Optional

DEFAULT_GLOB = "*.txt"
TMP_MARK = ".cleannews-"
MAX_BYTES = 2 * 1024**3  # refuse inputs above 2 GiB rather than exhaust memory


class FileError(Exception):
    """A file that cannot be processed; the message is one line for the user."""


def iter_inputs(paths: Iterable[str], pattern: str = DEFAULT_GLOB, skip: Iterable[str] = ()) -> Iterator[tuple[Path, Path]]:
    """Yield ``(file, base)`` for every input; ``base`` is the directory given (for mirroring), or the file itself.

    Directories are searched recursively for ``pattern``; files given by name are
    taken whatever their name. Paths matching a ``skip`` glob are left out.
    """
    skip = tuple(skip)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _remove_stale_temporaries(path)
            for file in sorted(path.rglob(pattern)):
                # a broken symlink is yielded too, so that it is reported rather than silently skipped
                if (file.is_file() or file.is_symlink()) and not _skipped(file, skip) and TMP_MARK not in file.name:
                    yield file, path
        else:
            if not _skipped(path, skip):
                yield path, path


def _skipped(path: Path, skip: tuple[str, ...]) -> bool:
    return any(path.match(pattern) or any(part == pattern for part in path.parts) for pattern in skip)


def _remove_stale_temporaries(directory: Path) -> None:
    for leftover in directory.rglob(f".*{TMP_MARK}*.tmp"):
        try:
            leftover.unlink()
        except OSError:
            pass


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a :class:`FileError` saying in one line why not."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileError("broken symbolic link" if path.is_symlink() else "no such file") from None
    except PermissionError:
        raise FileError("permission denied") from None
    except OSError as exc:
        raise FileError(exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileError("is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise FileError("not a regular file")
    if info.st_size > MAX_BYTES:
        raise FileError(f"file too large ({info.st_size / 1024**3:.1f} GiB > {MAX_BYTES / 1024**3:.0f} GiB)")
    try:
        return path.read_bytes()
    except PermissionError:
        raise FileError("permission denied") from None
    except OSError as exc:
        raise FileError(exc.strerror or str(exc)) from None


class AtomicWriter:
    """Write a file in pieces, atomically: nothing is visible at ``path`` until :meth:`commit`.

    The text (or bytes, with ``binary=True``: ``handle`` is then a binary file for
    compressors and Parquet writers) goes to a temporary file in the same directory; ``commit`` fsyncs it,
    copies the permission bits of the file it replaces and renames it over ``path``
    (through a symlink: the link is kept and its target replaced). ``abort`` (or an
    exception inside a ``with`` block) removes the temporary file and leaves ``path`` alone.
    """

    def __init__(self, path: Path, binary: bool = False) -> None:
        path = Path(path)
        self.target = path.resolve() if path.is_symlink() else path
        self.target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}{TMP_MARK}", suffix=".tmp", dir=self.target.parent)
        self.handle = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self.handle.write(text)

    def commit(self) -> None:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            try:
                mode = stat.S_IMODE(self.target.stat().st_mode)
            except FileNotFoundError:  # a new file gets the usual mode, not mkstemp's 0600
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(self.tmp, mode)
            os.replace(self.tmp, self.target)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        if not self.handle.closed:
            self.handle.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, kind, value, trace) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically, keeping its permissions."""
    with AtomicWriter(path) as writer:
        writer.write(text)


def fingerprint(path: Path) -> tuple[int, int, int]:
    """What tells us a file changed under us between reading and writing it."""
    info = path.stat()
    return info.st_ino, info.st_size, info.st_mtime_ns


def changed_since(path: Path, seen: Optional[tuple]) -> bool:
    """Whether ``path`` is no longer the file whose :func:`fingerprint` was ``seen`` (gone counts as changed)."""
    try:
        return fingerprint(path) != seen
    except OSError:
        return True
