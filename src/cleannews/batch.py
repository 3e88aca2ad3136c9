"""Batch runs: many inputs, and large inputs cut into pieces, over a pool of processes.

A small file is one task, read by the worker that cleans it. A file (or standard
input) larger than :data:`PIECE_BYTES` is read by the parent in windows of at most
:data:`PIECE_CHARS` characters that end at an article boundary where one can be
found (:func:`cut_point`), so memory stays flat whatever the input's size and the
many pieces of one large file keep all cores busy. Results come back in input order, with at most :data:`IN_FLIGHT` tasks in
flight per worker. A whole file whose output is a file of its own (in place, or
in a mirror directory) is written, fsynced and renamed by the worker that cleaned
it, so the parent only tallies small results; the outputs of pieces, standard
output and a single output file are streamed by the caller into an atomic writer.
Before a batch is cleaned, the workers also reduce each file to the lines that may
be site chrome (:func:`candidate_lines`), which the caller counts across files.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from .document import Options

PIECE_BYTES = int(os.environ.get("CLEANNEWS_PIECE_BYTES", 2 * 1024 * 1024))  # larger inputs are cut in pieces
PIECE_CHARS = 512 * 1024  # the most characters in one piece (PIECE_BYTES, when smaller, lowers it)
IN_FLIGHT = 3  # tasks per worker submitted ahead of the result being taken: bounds the parent's memory
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
    target: Optional[str] = None  # a whole file: the worker writes its output here itself


@dataclass
class PieceResult:
    """What cleaning one task produced; edits are in the coordinates of the whole input."""

    file: int
    piece: int
    last: bool
    output: str = ""
    input_text: str = ""  # kept only when the caller asked for it (diffs, review reports)
    articles: Optional[list] = None  # Article.to_dict() records, when the caller writes them or keeps the input
    article_count: int = 0
    edits: list = field(default_factory=list)  # edit records, when the caller asked for them
    by_pass: dict = field(default_factory=dict)  # pass -> {"edits", "chars_removed", "chars_added"}
    written: bool = False  # the worker took care of the output at ``Task.target`` (wrote it, or left an unchanged file)
    changed: bool = False
    encoding: str = ""
    error: Optional[str] = None
    fingerprint: Optional[tuple] = None
    source_lines: Optional[list] = None  # the lines the passes saw when not the input's (an HTML page)


@dataclass(frozen=True)
class Settings:
    """What every worker needs, sent once per worker rather than with every task."""

    options: Options
    keep_input: bool = False  # the caller shows diffs or a review report: results carry everything
    keep_edits: bool = False  # the caller lists or saves every edit
    jsonl: bool = False  # outputs are articles as JSON Lines, not text
    in_place: bool = True  # a worker leaves an unchanged file alone and checks it did not change under it
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
    if isinstance(data, bytes):
        result.encoding = cleaned.encoding
        result.changed = cleaned.text.encode("utf-8") != data
    else:  # a piece: the file is unchanged when the joined outputs reproduce the joined pieces
        result.encoding = task.encoding
        joined = joiner(settings.options) + cleaned.text if task.piece and cleaned.text else cleaned.text
        result.changed = task.raw_changed or joined != data
    result.article_count = len(cleaned.articles or ())
    records_wanted = cleaned.articles is not None and (settings.jsonl or settings.keep_input)
    articles = [a.to_dict() for a in cleaned.articles] if records_wanted else None
    result.by_pass = count_edits(cleaned.edits)
    if task.target is not None:
        _write(task, result, cleaned.text, articles, settings)
    if settings.keep_input:
        from .review import source_lines

        result.input_text = cleaned.input_text
        lines = source_lines(cleaned.document.lines, cleaned.edits)
        if lines != cleaned.input_text.split("\n"):
            result.source_lines = lines
    if not result.written or settings.keep_input:  # the caller writes (or shows) the output
        result.output = cleaned.text
        result.articles = articles
    if settings.keep_edits or settings.keep_input:
        result.edits = [_placed(edit.to_dict(), task) for edit in cleaned.edits]
    return result


def _placed(record: dict, task: Task) -> dict:
    """An edit record moved from its piece's coordinates to the whole input's."""
    if record["line"] == 0 and task.column_offset:
        record["start"] += task.column_offset
        record["end"] += task.column_offset
    record["line"] += task.line_offset
    return record


def count_edits(edits) -> dict:
    """Edits and characters removed and added, by pass: what a file's summary says of its edits.

    >>> from cleannews.edits import Edit
    >>> count_edits([Edit("boilerplate", "widget", 3, 0, 4, "返回顶部", "", "widget")])
    {'boilerplate': {'edits': 1, 'chars_removed': 4, 'chars_added': 0}}
    """
    by_pass: dict = {}
    for edit in edits:
        entry = by_pass.setdefault(edit.pass_name, {"edits": 0, "chars_removed": 0, "chars_added": 0})
        entry["edits"] += 1
        entry["chars_removed"] += len(edit.before)
        entry["chars_added"] += len(edit.after) if edit.after != "\n" else 0
    return by_pass


def jsonl_text(articles: list, name: str, first_index: int = 0) -> str:
    """Articles (``Article.to_dict()`` records) as JSON Lines, numbered through their file from ``first_index``."""
    return "".join(
        json.dumps({**record, "file": name, "index": first_index + i}, ensure_ascii=False) + "\n"
        for i, record in enumerate(articles)
    )


def _write(task: Task, result: PieceResult, text: str, articles: Optional[list], settings: Settings) -> None:
    """Write a whole file's output at ``task.target`` atomically, in the worker: the parent never waits on the disk.

    In place, an unchanged file is left alone, and one that changed since it was read is not overwritten.
    """
    from .files import AtomicWriter, changed_since

    result.written = True
    if settings.in_place and not result.changed:
        return
    try:
        writer = AtomicWriter(Path(task.target))
    except OSError as exc:
        result.error = f"cannot write {task.target}: {exc.strerror or exc}"
        return
    try:
        writer.write(jsonl_text(articles or [], task.path) if settings.jsonl else text)
        if settings.in_place and changed_since(Path(task.path), result.fingerprint):
            writer.abort()
            result.error = "the file changed while it was being cleaned; left as it is now"
            return
        writer.commit()
    except BaseException as exc:  # an interrupted worker leaves no temporary file either
        writer.abort()
        if not isinstance(exc, OSError):
            raise
        result.error = f"cannot write {task.target}: {exc.strerror or exc}"


def joiner(options: Options) -> str:
    """What goes between the outputs of consecutive pieces: an article separator once segmented."""
    from .textformat import ARTICLE_SEPARATOR

    return f"\n{ARTICLE_SEPARATOR}\n\n" if options.runs("segment") else ""


def _work(task: Task) -> PieceResult:
    assert _SETTINGS is not None
    return _clean(task, _SETTINGS)


def piece_chars(limit: Optional[int] = None) -> int:
    """The characters of one piece of a large input: a fixed window, so that memory does not grow
    with the input and its many pieces keep every worker busy. It never depends on ``-j``, so the
    output (which depends on where pieces are cut) is the same whatever the worker count.

    >>> piece_chars(2 * 2**20) // 1024, piece_chars(3000)
    (512, 3000)
    """
    return min(PIECE_BYTES if limit is None else limit, PIECE_CHARS)


def windows(text: str) -> Iterator[str]:
    """``text`` cut as a large input is (:func:`cut_point`, windows of :func:`piece_chars`), or whole
    when it is not larger than :data:`PIECE_BYTES`: a text of any length is then cleaned in bounded memory.

    >>> [len(window) for window in windows("一句话。" * 600_000)][:3]
    [524288, 524288, 524288]
    """
    limit = piece_chars() if len(text) > PIECE_BYTES else len(text)
    position = 0
    while True:
        end = position + cut_point(text[position : position + limit + 1], limit)
        yield text[position:end]
        if end >= len(text):
            return
        position = end


def tasks_for(files: Iterable[str], limit: Optional[int] = None, stdin: Optional[BinaryIO] = None,
              targets: Optional[list] = None) -> Iterator[Task]:
    """Tasks for every input in order: a small file is one task, one over ``limit`` bytes
    (:data:`PIECE_BYTES` by default), or ``stdin``, many.

    ``targets`` (one path or ``None`` per file) are where workers write small files' outputs themselves.
    """
    limit = PIECE_BYTES if limit is None else limit
    for index, path in enumerate(files):
        if stdin is not None:
            head = stdin.read(limit + 1)
            if len(head) <= limit:
                yield Task(index, 0, True, path=None, data=head)
            else:
                yield from _piece_tasks(index, path, piece_chars(limit), stdin, head)
            continue
        try:
            size = os.stat(path).st_size
        except OSError:
            size = 0  # the worker reports why it cannot be read
        if size > limit:
            yield from _piece_tasks(index, path, piece_chars(limit))
        else:
            yield Task(index, 0, True, path=path, target=targets[index] if targets else None)


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
            while len(pending) >= IN_FLIGHT * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def candidate_lines(path: str) -> frozenset[str]:
    """The lines of one small file that could be site chrome (:func:`cleannews.boilerplate.common_lines`
    of the file alone): what the batch prescan counts across files, computed in the workers.

    Large and unreadable files give none (cleaning them reports why they cannot be read).
    """
    from .boilerplate import common_lines
    from .decode import InputError, decode_bytes
    from .files import FileError, read_bytes

    try:
        file = Path(path)
        if file.stat().st_size > PIECE_BYTES:
            return frozenset()
        return common_lines([decode_bytes(read_bytes(file)).text], 1)
    except (OSError, FileError, InputError):
        return frozenset()


def map_files(function, files: list, workers: int) -> Iterator:
    """``function`` over ``files`` on ``workers`` processes, results in order; chunks spare small files a round trip each."""
    if workers <= 1 or len(files) < 2:
        yield from map(function, files)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(function, files, chunksize=max(1, min(64, len(files) // (8 * workers))))
