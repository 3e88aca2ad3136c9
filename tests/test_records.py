"""Record formats: every format round-trips, bad records are kept, reading streams, jobs do not change output."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cleannews import clean
from cleannews import records
from cleannews.records import Counts, clean_batches, clean_file, clean_record_text, detect_format, read_records

from conftest import SAMPLES

METADATA_KEYS = ["articles", "edits", "changed", "error"]


@pytest.fixture(scope="module")
def dumps() -> list[str]:
    """The dirty sample dumps: mojibake, traditional script, boilerplate."""
    return [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]


def write_jsonl(path: Path, rows: list) -> None:
    data = "".join((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n" for row in rows).encode()
    if path.suffix == ".gz":
        data = gzip.compress(data)
    elif path.suffix == ".zst":
        data = pytest.importorskip("zstandard").ZstdCompressor().compress(data)
    path.write_bytes(data)


def read_jsonl(path: Path) -> list[dict]:
    return [record.fields for record in read_records(path)]


@pytest.mark.parametrize(
    "name, fmt",
    [("a.jsonl", "jsonl"), ("a.ndjson.gz", "jsonl"), ("a.JSONL.ZST", "jsonl"), ("a.parquet", "parquet"),
     ("CC-1.warc.gz", "warc"), ("a.warc", "warc"), ("a.txt.gz", "text"), ("page.html", "text")],
)
def test_format_comes_from_the_name(name, fmt):
    assert detect_format(name) == fmt


@pytest.mark.parametrize("name", ["a.csv", "noext", "a.parquet.gz"])
def test_unknown_or_impossible_names_are_refused(name):
    with pytest.raises(ValueError):
        detect_format(name)


@pytest.mark.parametrize("suffix", ["", ".gz", ".zst"])
def test_jsonl_round_trip_cleans_the_text_and_keeps_every_other_field(tmp_path, dumps, suffix):
    src, dst = tmp_path / f"in.jsonl{suffix}", tmp_path / f"out.jsonl{suffix}"
    write_jsonl(src, [{"id": i, "text": text, "meta": {"site": "x", "n": i}} for i, text in enumerate(dumps)])

    counts = clean_file(src, dst)

    rows = read_jsonl(dst)
    assert counts == Counts(records=len(dumps), changed=len(dumps), errors=0)
    assert [row["text"] for row in rows] == [clean(text).text for text in dumps]
    assert [list(row) for row in rows] == [["id", "text", "meta", "cleannews"]] * len(dumps)
    assert [(row["id"], row["meta"]) for row in rows] == [(i, {"site": "x", "n": i}) for i in range(len(dumps))]
    first = rows[0]["cleannews"]
    assert list(first) == METADATA_KEYS and first["error"] is None
    assert first["articles"][0]["paragraphs"] == clean(dumps[0]).articles[0].paragraphs
    assert first["edits"]["script"] > 0  # the first sample is traditional Chinese


def test_bad_records_are_kept_with_an_error_and_the_run_goes_on(tmp_path, dumps):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, [{"id": 1, "text": None}, {"id": 2, "text": 42}, "{not json", "[1, 2]", "",
                      {"id": 3}, {"id": 4, "text": dumps[1]}])

    counts = clean_file(src, dst)

    rows = read_jsonl(dst)
    assert counts == Counts(records=6, changed=1, errors=5)  # the blank line is no record
    assert [row["text"] for row in rows] == [None, 42, "{not json", "[1, 2]", None, clean(dumps[1]).text]
    assert [row.get("id") for row in rows] == [1, 2, None, None, 3, 4]
    errors = [row["cleannews"]["error"] for row in rows]
    assert all(errors[:5]) and errors[5] is None
    assert "not valid JSON" in errors[2] and "list" in errors[3]
    assert all(list(row["cleannews"]) == METADATA_KEYS for row in rows)  # one schema for every row


def test_reading_is_lazy_and_a_truncated_file_leaves_no_output(tmp_path, dumps):
    src, dst = tmp_path / "in.jsonl.gz", tmp_path / "out.jsonl"
    write_jsonl(src, [{"text": dumps[i % len(dumps)]} for i in range(20)])
    src.write_bytes(src.read_bytes()[: src.stat().st_size // 2])  # a download cut short

    stream = read_records(src)
    assert next(stream).value == dumps[0]  # the first record comes before the broken end is reached
    with pytest.raises(EOFError):
        list(stream)
    with pytest.raises(EOFError):
        clean_file(src, dst)
    assert list(tmp_path.iterdir()) == [src]  # neither output nor temporary file


def test_jobs_do_not_change_the_output(tmp_path, dumps, monkeypatch):
    monkeypatch.setattr(records, "BATCH_RECORDS", 2)  # several batches in flight at once
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": i, "text": dumps[i % len(dumps)]} for i in range(11)])

    one, two = clean_file(src, tmp_path / "one.jsonl.gz", jobs=1), clean_file(src, tmp_path / "two.jsonl.gz", jobs=2)

    assert one == two == Counts(records=11, changed=11, errors=0)
    assert (tmp_path / "one.jsonl.gz").read_bytes() == (tmp_path / "two.jsonl.gz").read_bytes()


def test_worker_processes_pull_input_only_as_results_are_taken(dumps):
    pulled = []

    def batches():
        for i in range(20):
            pulled.append(i)
            yield [dumps[i % len(dumps)]]

    results = clean_batches(batches(), jobs=2)
    assert next(results)[0]["text"] == clean(dumps[0]).text
    assert len(pulled) <= 4  # at most 2 * jobs batches in flight
    results.close()


def test_cleaning_in_place_replaces_the_file(tmp_path, dumps):
    src = tmp_path / "data.jsonl"
    write_jsonl(src, [{"text": dumps[2]}])
    clean_file(src, src)
    assert read_jsonl(src)[0]["text"] == clean(dumps[2]).text


def test_text_files_give_text_or_records_and_binary_input_is_kept(tmp_path, dumps):
    page, binary = tmp_path / "page.txt", tmp_path / "blob.txt"
    page.write_bytes(dumps[3].encode("gb18030"))
    binary.write_bytes(b"\x00\x01\xff" * 50)

    assert clean_file(page, tmp_path / "page.out.txt") == Counts(1, 1, 0)
    assert (tmp_path / "page.out.txt").read_text(encoding="utf-8") == clean(page.read_bytes()).text
    assert clean_file(binary, tmp_path / "blob.out.txt") == Counts(1, 0, 1)
    assert (tmp_path / "blob.out.txt").read_bytes() == binary.read_bytes()
    assert clean_file(binary, tmp_path / "blob.jsonl") == Counts(1, 0, 1)
    (row,) = read_jsonl(tmp_path / "blob.jsonl")
    assert row["id"] == "blob.txt" and row["text"] is None and "binary" in row["cleannews"]["error"]


def test_unsupported_format_pairs_are_refused(tmp_path):
    with pytest.raises(ValueError, match="warc input gives jsonl"):
        clean_file(tmp_path / "a.warc.gz", tmp_path / "a.parquet")


def test_parquet_round_trip_keeps_the_schema_and_adds_the_metadata_column(tmp_path, dumps):
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": range(len(dumps) + 1), "text": dumps + [None], "score": [0.5] * (len(dumps) + 1)})
    parquet.write_table(table.replace_schema_metadata({b"huggingface": b"{}"}), tmp_path / "in.parquet", row_group_size=2)

    counts = clean_file(tmp_path / "in.parquet", tmp_path / "out.parquet", jobs=1)

    out = parquet.read_table(tmp_path / "out.parquet")
    assert counts == Counts(records=len(dumps) + 1, changed=len(dumps), errors=1)
    assert out.column_names == ["id", "text", "score", "cleannews"]
    assert out.schema.field("text").type == pa.string() and out.schema.metadata == {b"huggingface": b"{}"}
    assert out.column("text").to_pylist() == [clean(text).text for text in dumps] + [None]
    assert out.column("id").to_pylist() == list(range(len(dumps) + 1))
    assert out.column("cleannews").to_pylist()[-1]["error"] == "no text to clean (null)"


def test_binary_parquet_text_is_cleaned_as_bytes_and_undecodable_rows_are_kept(tmp_path, dumps):
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    blob = b"\x00\x01\x02\xff" * 10
    parquet.write_table(pa.table({"text": pa.array([dumps[4].encode("gb18030"), blob], pa.binary())}), tmp_path / "in.parquet")

    assert clean_file(tmp_path / "in.parquet", tmp_path / "out.parquet") == Counts(2, 1, 1)

    out = parquet.read_table(tmp_path / "out.parquet")
    assert out.schema.field("text").type == pa.binary()
    assert out.column("text").to_pylist() == [clean(dumps[4]).text.encode("utf-8"), blob]


def warc_record(headers: dict, block: bytes) -> bytes:
    """One WARC record, gzipped on its own as crawlers write them."""
    head = "WARC/1.0\r\n" + "".join(f"{key}: {value}\r\n" for key, value in headers.items())
    return gzip.compress(f"{head}Content-Length: {len(block)}\r\n\r\n".encode() + block + b"\r\n\r\n", mtime=0)


def test_warc_html_responses_become_records(tmp_path, dumps):
    pytest.importorskip("fastwarc")
    paragraphs = "".join(f"<p>{line}</p>" for line in dumps[1].splitlines() if line.strip())
    page = f'<html><head><meta charset="gbk"><title>新闻</title></head><body>{paragraphs}</body></html>'.encode("gb18030")
    response = {"WARC-Type": "response", "WARC-Date": "2024-05-01T08:00:00Z", "Content-Type": "application/http; msgtype=response"}
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_record({"WARC-Type": "warcinfo", "WARC-Record-ID": "<urn:uuid:0>", "Content-Type": "application/warc-fields"}, b"software: t\r\n")
        + warc_record({**response, "WARC-Record-ID": "<urn:uuid:1>", "WARC-Target-URI": "http://news.example/a"},
                      b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=gbk\r\n\r\n" + page)
        + warc_record({**response, "WARC-Record-ID": "<urn:uuid:2>", "WARC-Target-URI": "http://news.example/a.png"},
                      b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n")
    )

    assert clean_file(warc, tmp_path / "out.jsonl") == Counts(records=1, changed=1, errors=0)

    (row,) = read_jsonl(tmp_path / "out.jsonl")
    assert (row["id"], row["url"], row["date"]) == ("<urn:uuid:1>", "http://news.example/a", "2024-05-01T08:00:00Z")
    assert row["text"] == clean(page).text
    assert row["cleannews"]["articles"][0]["paragraphs"] == clean(page).articles[0].paragraphs


def many_dirty_articles(count: int) -> str:
    from conftest import DIRTY

    return "\n---\n\n".join(DIRTY.replace("冬季运动会", f"第{i}届冬季运动会").replace("上千名", f"{i + 2}千名")
                             for i in range(count))


@pytest.fixture
def spied_windows(monkeypatch, pipeline_inputs):
    """Cleaning windows of at most 2,000 characters, and the length of every text the pipeline was given."""
    from cleannews import batch

    monkeypatch.setattr(batch, "PIECE_BYTES", 2000)
    return pipeline_inputs


def test_a_long_record_is_cleaned_in_bounded_windows_like_the_whole_text(spied_windows):
    text = many_dirty_articles(150)
    fields = clean_record_text(text)
    assert len(spied_windows) > 5 and max(spied_windows) <= 2000
    whole = clean(text)
    assert fields["text"] == whole.text and len(fields["cleannews"]["articles"]) == 150
    assert fields["cleannews"]["edits"]["boilerplate"] == sum(e.pass_name == "boilerplate" for e in whole.edits) > 150


def test_a_compressed_text_dump_is_streamed_in_windows(tmp_path, spied_windows):
    text = many_dirty_articles(150)
    src, dst = tmp_path / "dump.txt.gz", tmp_path / "out.txt.gz"
    src.write_bytes(gzip.compress(text.encode("utf-8")))
    assert clean_file(src, dst) == Counts(records=1, changed=1, errors=0)
    assert len(spied_windows) > 5 and max(spied_windows) <= 2000
    assert gzip.decompress(dst.read_bytes()).decode("utf-8") == clean(text).text
    assert clean_file(dst, tmp_path / "again.txt") == Counts(records=1, changed=0, errors=0)  # its output is clean
