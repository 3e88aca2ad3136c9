"""Batch runs: many inputs, and large inputs cut into pieces, over a pool of processes.

A small file is one task, read by the worker that cleans it. A file (or standard
input) larger than :data:`PIECE_BYTES` is read by the parent in windows that end at
an article boundary where one can be found (:func:`cut_point`), so memory stays
bounded whatever the input's size and the pieces of one large file run on all
cores. Results come back in input order, with at most a few tasks in flight per
worker, and the caller streams each file's output into an atomic writer.
"""

from __future__ import annotations

import codecs
import os
import re
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from .document import Options

PIECE_BYTES = int(os.environ.get("CLEANNEWS_PIECE_BYTES", 2 * 1024 * 1024))
_BLOCK = 1024 * 1024
# Where a dump may be cut, best first: before an article separator line, at two blank
# lines, at a blank line, at a line break, after a sentence inside one huge line.
_CUTS = (
    re.compile(r"\n[ \t]*(?:[-=*_~#—━─]{3,})[ \t]*\n"),
    re.compile(r"\n\n\n"),
    re.compile(r"\n\n"),
    re.compile(r"\n"),
    re.compile(r"[。！？!?]"),
)


@dataclass(frozen=True)
class Task:
    """One unit of work: a whole file (``path``) or one piece of a large input (``text``)."""

    file: int
    piece: int
    last: bool
    path: Optional[str] = None  # a whole file, read by the worker
    data: Optional[bytes] = None  # a whole small input read by the parent (standard input)
    text: Optional[str] = None  # one decoded piece of a large input
    encoding: str = ""  # of a piece's input
    raw_changed: bool = False  # the input's bytes differ from its text in UTF-8 (codec, BOM, CR)
    line_offset: int = 0  # lines of the input before this piece
    column_offset: int = 0  # characters of this piece's first line held by the previous piece
    error: Optional[str] = None  # reading failed: nothing to clean


@dataclass
class PieceResult:
    """What cleaning one task produced; edits are in the coordinates of the whole input."""

    file: int
    piece: int
    last: bool
    output: str = ""
    input_text: str = ""  # kept only when the caller asked for it (diffs, review reports)
    articles: Optional[list] = None  # Article.to_dict() records without file/index
    edits: list = field(default_factory=list)
    changed: bool = False
    encoding: str = ""
    error: Optional[str] = None
    fingerprint: Optional[tuple] = None
    source_lines: Optional[list] = None  # the lines the passes saw when not the input's (an HTML page)


@dataclass(frozen=True)
class Settings:
    """What every worker needs, sent once per worker rather than with every task."""

    options: Options
    keep_input: bool = False
    debug: bool = False


_SETTINGS: Optional[Settings] = None


def _init_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def cut_point(text: str, limit: int) -> int:
    """Where to end a piece of at most ``limit`` characters: the best boundary in its second half.

    >>> text = "甲。\\n\\n乙。\\n\\n---\\n\\n丙。\\n"
    >>> text[: cut_point(text, 12)]
    '甲。\\n\\n乙。\\n'
    >>> cut_point("一句话。又一句话。", 7)
    4
    """
    if len(text) <= limit:
        return len(text)
    low = limit // 2
    for pattern in _CUTS:
        best = None
        for match in pattern.finditer(text, low, limit):
            best = match
        if best is not None:
            # just before a separator line (its blank line goes with it), else just after the match
            return best.start() if pattern is _CUTS[0] else best.end()
    return limit


def _utf8_prefix(data: bytes) -> bytes:
    """``data`` without a UTF-8 sequence cut at its end (a window of one huge line), if it is UTF-8.

    >>> _utf8_prefix("新闻".encode()[:-1]).decode()
    '新'
    """
    for cut in range(min(4, len(data))):
        candidate = data[: len(data) - cut]
        try:
            candidate.decode("utf-8")
            return candidate
        except UnicodeDecodeError as exc:
            if exc.start < len(candidate) - 4:
                break  # invalid well before the end: not UTF-8
    return data


def _decoder_for(head: bytes, name: str):
    """Detect the encoding on the first window; return (incremental decoder, bytes to skip, encoding)."""
    from .decode import InputError, decode_bytes

    sample = head[: head.rfind(b"\n") + 1] or _utf8_prefix(head)
    decoded = decode_bytes(sample)
    if decoded.encoding.startswith(("utf-16", "utf-32")):
        raise InputError(f"{name}: {decoded.encoding} input over {PIECE_BYTES // 2**20} MiB is not supported; convert it to UTF-8")
    skip = len(codecs.BOM_UTF8) if decoded.had_bom else 0
    return codecs.getincrementaldecoder(decoded.encoding)(errors="strict"), skip, decoded.encoding


def read_pieces(stream: BinaryIO, name: str, limit: int, head: bytes = b"") -> Iterator[tuple[str, str, bool]]:
    """Decode a large input window by window; yield ``(piece, encoding, raw_changed)`` cut at good boundaries.

    Newlines are normalised as :func:`cleannews.decode.decode_bytes` does, across window
    edges too; ``raw_changed`` says whether the bytes so far differ from the text in UTF-8.
    """
    from .decode import InputError

    head = head or stream.read(limit)
    decoder, skip, encoding = _decoder_for(head, name)
    raw_changed = bool(skip) or encoding != "utf-8"
    block, consumed, buffer = head[skip:], skip, ""
    while True:
        try:
            text = decoder.decode(block, final=not block)
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid {encoding} after byte {consumed}") from None
        consumed += len(block)
        buffer += text
        if "\r" in buffer:
            raw_changed = True
            held = buffer.endswith("\r") and bool(block)  # its \n may start the next block
            body = buffer[:-1] if held else buffer
            buffer = body.replace("\r\n", "\n").replace("\r", "\n") + ("\r" if held else "")
        while len(buffer) > limit:
            at = cut_point(buffer, limit)
            yield buffer[:at], encoding, raw_changed
            buffer = buffer[at:]
        if not block:
            break
        block = stream.read(_BLOCK)
    if buffer or consumed == skip:
        yield buffer, encoding, raw_changed


def _clean(task: Task, settings: Settings) -> PieceResult:
    from .decode import InputError
    from .files import FileError, fingerprint, read_bytes
    from .pipeline import SafetyError, clean

    result = PieceResult(task.file, task.piece, task.last, error=task.error)
    if task.error:
        return result
    try:
        if task.path is not None:
            path = Path(task.path)
            data: object = read_bytes(path)
            result.fingerprint = fingerprint(path)
        else:
            data = task.data if task.data is not None else task.text
        cleaned = clean(data, options=settings.options)  # the caller names the file in messages
    except (InputError, FileError) as exc:
        result.error = str(exc)
        return result
    except SafetyError as exc:
        result.error = f"safety check failed, file left unchanged: {exc}"
        return result
    except Exception as exc:  # an internal error must not become a traceback for the user
        if settings.debug:
            raise
        result.error = f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the trace)"
        return result
    result.output = cleaned.text
    if isinstance(data, bytes):
        result.encoding = cleaned.encoding
        result.changed = cleaned.text.encode("utf-8") != data
    else:  # a piece: the file is unchanged when the joined outputs reproduce the joined pieces
        result.encoding = task.encoding
        joined = joiner(settings.options) + cleaned.text if task.piece and cleaned.text else cleaned.text
        result.changed = task.raw_changed or joined != data
    if settings.keep_input:
        from .review import source_lines

        result.input_text = cleaned.input_text
        lines = source_lines(cleaned.document.lines, cleaned.edits)
        if lines != cleaned.input_text.split("\n"):
            result.source_lines = lines
    if cleaned.articles is not None:
        result.articles = [a.to_dict() for a in cleaned.articles]
    for edit in cleaned.edits:
        record = edit.to_dict()
        if record["line"] == 0 and task.column_offset:
            record["start"] += task.column_offset
            record["end"] += task.column_offset
        record["line"] += task.line_offset
        result.edits.append(record)
    return result


def joiner(options: Options) -> str:
    """What goes between the outputs of consecutive pieces: an article separator once segmented."""
    from .textformat import ARTICLE_SEPARATOR

    return f"\n{ARTICLE_SEPARATOR}\n\n" if options.runs("segment") else ""


def _work(task: Task) -> PieceResult:
    assert _SETTINGS is not None
    return _clean(task, _SETTINGS)


def piece_size(size: int, limit: int = PIECE_BYTES) -> int:
    """Pieces small enough that a large input keeps several workers busy; never dependent on ``-j``,
    so the output (which depends on where pieces are cut) is the same whatever the worker count.

    >>> piece_size(10 * 2**20, 4 * 2**20) // 1024, piece_size(100 * 2**20, 4 * 2**20) // 1024
    (1280, 4096)
    """
    return max(min(limit, 256 * 1024), min(limit, size // 8))


def tasks_for(files: Iterable[str], limit: int = PIECE_BYTES, stdin: Optional[BinaryIO] = None) -> Iterator[Task]:
    """Tasks for every input in order: a small file is one task, a large one (or ``stdin``) many."""
    for index, path in enumerate(files):
        if stdin is not None:
            head = stdin.read(limit + 1)
            if len(head) <= limit:
                yield Task(index, 0, True, path=None, data=head)
            else:
                yield from _piece_tasks(index, path, limit, stdin, head)
            continue
        try:
            size = os.stat(path).st_size
        except OSError:
            size = 0  # the worker reports why it cannot be read
        if size > limit:
            yield from _piece_tasks(index, path, piece_size(size, limit))
        else:
            yield Task(index, 0, True, path=path)


def _piece_tasks(index: int, name: str, limit: int, stream: Optional[BinaryIO] = None, head: bytes = b"") -> Iterator[Task]:
    """The pieces of one large input; a reading error ends them with an error task."""
    from .decode import InputError

    previous: Optional[Task] = None
    lines = column = 0
    try:
        handle = stream or open(name, "rb")
    except OSError as exc:
        yield Task(index, 0, True, error=exc.strerror or str(exc))
        return
    try:
        for number, (piece, encoding, raw_changed) in enumerate(read_pieces(handle, name, limit, head)):
            if previous is not None:
                yield previous
            previous = Task(index, number, False, text=piece, encoding=encoding, raw_changed=raw_changed,
                            line_offset=lines, column_offset=column)
            breaks = piece.count("\n")
            lines += breaks
            column = len(piece) - piece.rfind("\n") - 1 if breaks else column + len(piece)
    except (InputError, OSError) as exc:
        if previous is not None:
            yield previous
        yield Task(index, previous.piece + 1 if previous else 0, True, error=str(exc))
        return
    finally:
        if stream is None:
            handle.close()
    if previous is not None:
        yield replace(previous, last=True)


def run_tasks(tasks: Iterable[Task], settings: Settings, workers: int) -> Iterator[PieceResult]:
    """Clean tasks on ``workers`` processes; yield results in task order, a bounded number in flight.

    A single task runs in this process: starting a pool would cost more than a small file (pre-commit).
    """
    tasks = iter(tasks)
    head = list(islice(tasks, 2))
    if workers <= 1 or len(head) < 2:
        for task in chain(head, tasks):
            yield _clean(task, settings)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: deque = deque()
        for task in chain(head, tasks):
            pending.append(pool.submit(_work, task))
            while len(pending) >= 3 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
