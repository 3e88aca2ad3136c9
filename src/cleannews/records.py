"""Record formats: clean the text field of JSON Lines, Parquet and WARC files, streaming.

Corpus builders keep text as records (JSONL or Parquet, often compressed) or as
crawls (WARC); this module reads them record by record, cleans one field with
:func:`cleannews.pipeline.clean` and writes the records back with a
``cleannews`` field added::

    {"text": <cleaned text>, ..., "cleannews": {"articles": [...], "edits": {"mojibake": 0, ...},
                                                "changed": true, "error": null}}

A record that cannot be cleaned is kept with its text unchanged and the reason
in ``cleannews.error``: one bad record never stops a run, and nothing is
dropped silently. Every record carries the same ``cleannews`` keys, so Hugging
Face ``datasets`` and Arrow infer one schema for the whole file.

Formats come from the file name (:func:`detect_format`); ``.gz`` (stdlib) and
``.zst`` (``zstandard``) are read and written transparently. Parquet needs
``pyarrow``, WARC ``fastwarc`` and zstd ``zstandard``: ``pip install
'cleannews[formats]'``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from itertools import islice, tee
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Optional, Union

from . import batch as pieces  # large inputs cut into pieces, as the CLI cleans them
from .document import ARTICLE_FIELDS, Options
from .files import AtomicWriter, read_bytes
from .pipeline import STEPS, clean

FORMATS = ("text", "jsonl", "parquet", "warc")
# file-name suffix (lower case) -> format; a compression suffix may follow
SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".warc": "warc",
    ".txt": "text",
    ".text": "text",
    ".html": "text",
    ".htm": "text",
}
COMPRESSIONS = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd"}
# input format -> output formats clean_file can write for it
OUTPUTS = {"jsonl": ("jsonl",), "warc": ("jsonl",), "text": ("text", "jsonl"), "parquet": ("parquet",)}
HTML_TYPES = ("text/html", "application/xhtml+xml")
METADATA_FIELD = "cleannews"
BATCH_RECORDS = 64  # records per batch handed to a worker process


@dataclass(frozen=True)
class Record:
    """One record read from a file.

    ``value`` is what gets cleaned (``str``, or ``bytes`` for WARC payloads and
    text files so the decoder honours their charset); ``fields`` is the record
    as it will be written back; ``error`` says why a record could not be read
    (it is then written with ``value`` as its text, uncleaned).
    """

    id: Union[int, str]
    value: Any
    fields: dict
    error: Optional[str] = None


@dataclass(frozen=True)
class Counts:
    """What :func:`clean_file` did: records written, records whose text changed, records with an error."""

    records: int = 0
    changed: int = 0
    errors: int = 0


def require(module: str, extra: str = "formats"):
    """Import an optional dependency, or say in one line which extra installs it."""
    try:
        return import_module(module)
    except ImportError:
        raise ImportError(f"{module.partition('.')[0]} is not installed: pip install 'cleannews[{extra}]'") from None


def split_compression(path: Union[str, Path]) -> tuple[str, Optional[str]]:
    """The file name without its compression suffix, and the compression (``None``, ``gzip`` or ``zstd``).

    >>> split_compression("crawl/part-0001.jsonl.zst")
    ('part-0001.jsonl', 'zstd')
    """
    name = Path(path).name
    suffix = Path(name).suffix.lower()
    if suffix in COMPRESSIONS:
        return name[: -len(suffix)], COMPRESSIONS[suffix]
    return name, None


def detect_format(path: Union[str, Path]) -> str:
    """The record format of ``path`` from its name: one of :data:`FORMATS`.

    >>> detect_format("dump.jsonl.gz"), detect_format("a.parquet"), detect_format("CC-1.warc.gz")
    ('jsonl', 'parquet', 'warc')
    """
    name, compression = split_compression(path)
    fmt = SUFFIXES.get(Path(name).suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(SUFFIXES))
        raise ValueError(f"cannot tell the format of {Path(path).name!r}: expected {known} (optionally .gz or .zst)")
    if fmt == "parquet" and compression:
        raise ValueError(f"{Path(path).name!r}: Parquet compresses its own pages; use a plain .parquet file")
    return fmt


def default_output(src: Union[str, Path]) -> Path:
    """Where a record file is cleaned to when no destination is given: over itself, except WARC, which gives JSON Lines beside it.

    >>> default_output("crawl/CC-1.warc.gz").as_posix(), default_output("data/part-0.parquet").as_posix()
    ('crawl/CC-1.jsonl.gz', 'data/part-0.parquet')
    """
    src = Path(src)
    if detect_format(src) != "warc":
        return src
    name, _ = split_compression(src)
    return src.with_name(Path(name).stem + ".jsonl" + src.name[len(name):])


def open_compressed(path: Union[str, Path]) -> BinaryIO:
    """A binary stream of ``path``'s content, decompressed as its name says."""
    _, compression = split_compression(path)
    if compression == "gzip":
        return gzip.open(path, "rb")
    if compression == "zstd":
        decompressor = require("zstandard").ZstdDecompressor()
        # read_across_frames: files written in pieces (or by `cat a.zst b.zst`) hold several frames
        return io.BufferedReader(decompressor.stream_reader(open(path, "rb"), read_across_frames=True))
    return open(path, "rb")


# --- cleaning -----------------------------------------------------------------


def _metadata(articles: Optional[list], edits: dict, changed: bool, error: Optional[str]) -> dict:
    return {"articles": articles, "edits": edits, "changed": changed, "error": error}


def _kept(value: Any, error: str) -> dict:
    """The fields for a record left as it was, saying why."""
    return {"text": value, METADATA_FIELD: _metadata(None, dict.fromkeys(STEPS, 0), False, error)}


def _article_record(article) -> dict:
    """An article as a record: its ``to_dict`` without ``text`` (a copy of the paragraphs) and file/index (its position says them)."""
    record = article.to_dict()
    for implied in ("text", "file", "index"):
        del record[implied]
    return record


def clean_record_text(value: Any, options: Optional[Options] = None) -> dict:
    """Clean one record's text; returns ``{"text": ..., "cleannews": {...}}``. Never raises.

    A text longer than :data:`cleannews.batch.PIECE_BYTES` is cleaned in windows, as the CLI
    cleans a large dump, so that one huge record does not need memory for the pipeline in proportion.

    >>> fields = clean_record_text("某地举行冬季运动会\\n小字号\\n运动会吸引了上千名群众参加。")
    >>> fields["text"].splitlines()[0], fields["cleannews"]["edits"]["boilerplate"], fields["cleannews"]["error"]
    ('标题：某地举行冬季运动会', 1, None)
    >>> clean_record_text(None)["cleannews"]["error"]
    'no text to clean (null)'
    """
    if not isinstance(value, (str, bytes)):
        return _kept(value, f"no text to clean ({'null' if value is None else type(value).__name__})")
    options = options or Options()
    outputs, articles, counts = [], [], Counter()
    try:
        for window in pieces.windows(value) if isinstance(value, str) else [value]:
            result = clean(window, options=options)
            outputs.append(result.text)
            counts.update(edit.pass_name for edit in result.edits)
            articles.extend(_article_record(a) for a in result.articles or ())
    except Exception as exc:  # one bad record must not stop a corpus run: it is kept, with the reason
        return _kept(value, f"{type(exc).__name__}: {exc}")
    text = pieces.joiner(options).join(output for output in outputs if output) if len(outputs) > 1 else outputs[0]
    edits = {name: counts.get(name, 0) for name in STEPS}
    articles = articles if options.runs("segment") else None
    return {"text": text, METADATA_FIELD: _metadata(articles, edits, text != value, None)}


def clean_batch(texts: list, options: Optional[Options] = None) -> list[dict]:
    """:func:`clean_record_text` over a batch: the unit of work of worker processes and Ray actors."""
    return [clean_record_text(text, options) for text in texts]


def clean_batches(batches: Iterable[list], options: Optional[Options] = None, jobs: int = 1) -> Iterator[list[dict]]:
    """:func:`clean_batch` over each batch, results in input order.

    With ``jobs > 1`` the batches go to that many worker processes, at most
    ``2 * jobs`` at a time: input is pulled only as results are taken, so memory
    stays flat whatever the file size.
    """
    if jobs <= 1:
        for batch in batches:
            yield clean_batch(batch, options)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(pool.submit(clean_batch, batch, options))
            if len(in_flight) >= 2 * jobs:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# --- reading ------------------------------------------------------------------


def read_records(path: Union[str, Path], input_format: Optional[str] = None, text_field: str = "text") -> Iterator[Record]:
    """Yield the records of ``path`` one by one, never holding the whole file.

    JSONL: one record per line (id: line number; blank lines are skipped). Parquet:
    one per row (id: row number), read a batch at a time. WARC: one per HTML
    response (id: WARC-Record-ID; value: the payload bytes). Text: the whole file.
    """
    fmt = input_format or detect_format(path)
    readers = {"jsonl": _read_jsonl, "parquet": _read_parquet, "warc": _read_warc, "text": _read_text}
    if fmt not in readers:
        raise ValueError(f"unknown input format {fmt!r}; choose from {', '.join(FORMATS)}")
    return readers[fmt](Path(path), text_field)


def _read_jsonl(path: Path, text_field: str) -> Iterator[Record]:
    with open_compressed(path) as stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            line = raw.decode("utf-8-sig", "replace").rstrip("\r\n")  # -sig: a BOM, as some exporters write, is no JSON
            try:
                fields = json.loads(line)
            except ValueError as exc:
                yield Record(number, line, {}, f"line {number}: not valid JSON ({exc})")
                continue
            if isinstance(fields, dict):
                yield Record(number, fields.get(text_field), fields)
            else:
                yield Record(number, line, {}, f"line {number}: a JSON {type(fields).__name__}, not an object")


def _parquet_tables(path: Path, batch_rows: int = BATCH_RECORDS):
    """``path``'s rows as small Arrow tables, read one batch at a time."""
    pa = require("pyarrow")
    parquet = require("pyarrow.parquet")
    with parquet.ParquetFile(path) as source:
        for batch in source.iter_batches(batch_size=batch_rows):
            yield pa.Table.from_batches([batch], schema=source.schema_arrow)


def _read_parquet(path: Path, text_field: str) -> Iterator[Record]:
    row = 0
    for table in _parquet_tables(path):
        for fields in table.to_pylist():
            yield Record(row, fields.get(text_field), fields)
            row += 1


def _read_warc(path: Path, text_field: str) -> Iterator[Record]:
    warc = require("fastwarc.warc")
    with open(path, "rb") as stream:  # FastWARC detects gzip (and zstd) members itself
        for record in warc.ArchiveIterator(stream, record_types=warc.WarcRecordType.response, parse_http=True, auto_decode="all"):
            if (record.http_content_type or "").lower() not in HTML_TYPES:
                continue
            fields = {"id": record.record_id, "url": record.headers.get("WARC-Target-URI"), "date": record.headers.get("WARC-Date")}
            yield Record(record.record_id, record.reader.read(), fields)


def _read_text(path: Path, text_field: str) -> Iterator[Record]:
    _, compression = split_compression(path)
    if compression:
        with open_compressed(path) as stream:
            data = stream.read()
    else:
        data = read_bytes(path)  # refuses oversized and special files with a one-line reason
    yield Record(path.name, data, {"id": path.name})


# --- writing ------------------------------------------------------------------


@contextmanager
def _compressing(handle: BinaryIO, compression: Optional[str]) -> Iterator[BinaryIO]:
    """``handle`` wrapped in the compressor its file name asks for; output is byte-for-byte reproducible."""
    if compression is None:
        yield handle
    elif compression == "gzip":
        with gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0) as compressed:
            yield compressed
    else:
        zstandard = require("zstandard")
        with zstandard.ZstdCompressor(level=3).stream_writer(handle, closefd=False) as compressed:
            yield compressed


def _output_row(record: Record, result: dict, text_field: str) -> dict:
    """The record as written: its fields, the text field replaced in place (bytes that could not be decoded become null), the metadata appended."""
    row = dict(record.fields)
    row[text_field] = None if isinstance(result["text"], bytes) else result["text"]
    already = row.get(METADATA_FIELD)
    # a record cleaned before and unchanged now keeps what the first run said, so a second run changes nothing
    if not (isinstance(already, dict) and not result[METADATA_FIELD]["changed"] and not result[METADATA_FIELD]["error"]):
        row[METADATA_FIELD] = result[METADATA_FIELD]
    return row


def clean_file(
    src: Union[str, Path],
    dst: Union[str, Path],
    options: Optional[Options] = None,
    *,
    input_format: Optional[str] = None,
    text_field: str = "text",
    jobs: int = 1,
) -> Counts:
    """Clean the ``text_field`` of every record of ``src`` into ``dst``; returns the counts.

    JSONL gives JSONL (every field kept), Parquet gives Parquet (same schema plus
    a ``cleannews`` column), WARC gives JSONL (id, url, date, text), a text file
    gives text or JSONL; the output format and compression come from ``dst``'s
    name. ``dst`` is replaced atomically, so it may be ``src``. ``jobs``: worker
    processes (0 = all cores). Raises ``ValueError`` for an unsupported pair of
    formats, ``OSError`` (or ``EOFError`` for truncated compressed files) when
    ``src`` cannot be read; records that cannot be cleaned only count as errors.
    """
    options = options or Options()
    in_format = input_format or detect_format(src)
    out_format = detect_format(dst)
    if out_format not in OUTPUTS.get(in_format, ()):
        raise ValueError(f"cannot write {in_format} input as {out_format}; {in_format} input gives {' or '.join(OUTPUTS.get(in_format, ('nothing',)))}")
    jobs = jobs if jobs > 0 else os.cpu_count() or 1
    if in_format == "parquet":
        return _clean_parquet(Path(src), Path(dst), options, text_field, jobs)
    if in_format == out_format == "text":
        return _clean_text_dump(Path(src), Path(dst), options, jobs)
    records, to_clean = tee(_chunks(read_records(src, in_format, text_field), BATCH_RECORDS))
    values = ([None if r.error else r.value for r in chunk] for chunk in to_clean)
    counts = Counter()
    with AtomicWriter(dst, binary=True) as writer, _compressing(writer.handle, split_compression(dst)[1]) as out:
        for chunk, results in zip(records, clean_batches(values, options, jobs)):
            for record, result in zip(chunk, results):
                if record.error:
                    result = _kept(record.value, record.error)
                _count(counts, result)
                if out_format == "text":
                    text = result["text"]
                    out.write(text.encode("utf-8") if isinstance(text, str) else text)
                else:
                    row = _output_row(record, result, text_field)
                    out.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
    return Counts(**counts)


def _clean_text_dump(src: Path, dst: Path, options: Options, jobs: int) -> Counts:
    """A (compressed) text dump cleaned to text as the CLI cleans a large dump: read, cleaned and
    written window by window, so memory stays bounded whatever its size. A dump that cannot be
    cleaned is copied as it is, with its error counted, like any record."""
    compression = split_compression(dst)[1]
    changed = wrote = failed = False
    writer = AtomicWriter(dst, binary=True)
    try:
        with open_compressed(src) as stream, _compressing(writer.handle, compression) as out:
            for result in pieces.run_tasks(pieces.tasks_for([src.name], stdin=stream), pieces.Settings(options), jobs):
                if result.error:
                    failed = True
                    break
                if result.output:
                    out.write(((pieces.joiner(options) if wrote else "") + result.output).encode("utf-8"))
                    wrote = True
                changed |= result.changed
        if failed:
            writer.abort()
            writer = AtomicWriter(dst, binary=True)
            with open_compressed(src) as stream, _compressing(writer.handle, compression) as out:
                shutil.copyfileobj(stream, out)
    except BaseException:
        writer.abort()
        raise
    writer.commit()
    return Counts(records=1, changed=int(changed and not failed), errors=int(failed))


def _count(counts: Counter, result: dict) -> None:
    metadata = result[METADATA_FIELD]
    counts["records"] += 1
    counts["changed"] += metadata["changed"]
    counts["errors"] += metadata["error"] is not None


# --- Arrow and Parquet ----------------------------------------------------------


@lru_cache(maxsize=None)
def metadata_type():
    """The Arrow type of the ``cleannews`` column (fixed, so every batch and file agrees)."""
    pa = require("pyarrow")
    article = pa.struct([(name, pa.string()) for name in ARTICLE_FIELDS] + [("paragraphs", pa.list_(pa.string()))])
    edits = pa.struct([(name, pa.int64()) for name in STEPS])
    return pa.struct([("articles", pa.list_(article)), ("edits", edits), ("changed", pa.bool_()), ("error", pa.string())])


def _put_column(table, name: str, array):
    if name in table.column_names:
        return table.set_column(table.column_names.index(name), name, array)
    return table.append_column(name, array)


def _table_with_results(table, text_field: str, results: list[dict]):
    """``table`` with the cleaned texts in ``text_field`` (its type kept) and the ``cleannews`` column."""
    pa = require("pyarrow")
    column_type = table.schema.field(text_field).type
    binary = pa.types.is_binary(column_type) or pa.types.is_large_binary(column_type)
    texts = [r["text"].encode("utf-8") if binary and isinstance(r["text"], str) else r["text"] for r in results]
    table = _put_column(table, text_field, pa.array(texts, type=column_type))
    return _put_column(table, METADATA_FIELD, pa.array([r[METADATA_FIELD] for r in results], type=metadata_type()))


def clean_table(table, text_field: str = "text", options: Optional[Options] = None):
    """Clean the ``text_field`` column of an Arrow table (the unit of work on Ray)."""
    if text_field not in table.column_names:
        raise KeyError(f"no column {text_field!r} to clean; columns: {', '.join(table.column_names)}")
    return _table_with_results(table, text_field, clean_batch(table.column(text_field).to_pylist(), options))


def _clean_parquet(src: Path, dst: Path, options: Options, text_field: str, jobs: int) -> Counts:
    pa = require("pyarrow")
    parquet = require("pyarrow.parquet")
    schema = parquet.read_schema(src)
    if text_field not in schema.names:
        raise ValueError(f"{src.name}: no column {text_field!r} to clean; columns: {', '.join(schema.names)}")
    out_schema = _put_column(schema.empty_table(), METADATA_FIELD, pa.array([], type=metadata_type())).schema
    tables, to_clean = tee(_parquet_tables(src))
    values = (table.column(text_field).to_pylist() for table in to_clean)
    counts = Counter()
    with AtomicWriter(dst, binary=True) as atomic, parquet.ParquetWriter(atomic.handle, out_schema) as writer:
        for table, results in zip(tables, clean_batches(values, options, jobs)):
            for result in results:
                _count(counts, result)
            writer.write_table(_table_with_results(table, text_field, results))
    return Counts(**counts)
