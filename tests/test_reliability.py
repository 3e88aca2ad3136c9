"""Nothing lost without trace, bad input handled, crash-free and idempotent on arbitrary input."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleannews import pipeline
from cleannews.document import Document, Options
from cleannews.pipeline import SafetyError, clean, run_passes

from conftest import DIRTY, SAMPLES, cli





def test_keep_removed_records_every_edit(tmp_path):
    target = tmp_path / "d.txt"
    target.write_text(DIRTY, encoding="utf-8")
    log = tmp_path / "removed.jsonl"
    assert cli("fix", str(target), "--keep-removed", str(log)).returncode == 0
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    removed = {r["before"] for r in records}
    assert {"首页 > 新闻", "小字号", "返回顶部"} <= removed
    assert all({"file", "pass_name", "rule", "line", "start", "end", "reason"} <= set(r) for r in records)


def test_report_summarises_per_file(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary\x00")
    report = tmp_path / "report.json"
    cli("fix", str(tmp_path), "--check", "--report", str(report), "-j", "1")
    files = {Path_name(f["file"]): f for f in json.loads(report.read_text(encoding="utf-8"))["files"]}
    assert files["a.txt"]["articles"] == 1 and files["a.txt"]["passes"]["boilerplate"]["chars_removed"] > 0
    assert files["b.txt"]["error"] and "binary" in files["b.txt"]["error"]


def Path_name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def test_config_file_sets_target_and_protects(tmp_path):
    (tmp_path / "cleannews.toml").write_text('to = "zh-tw"\nprotect = ["返回顶部"]\n', encoding="utf-8")
    proc = cli("fix", "-", "--passes", "script,boilerplate", stdin="返回顶部\n发布日期\n".encode(), cwd=tmp_path)
    assert proc.stdout.decode() == "返回頂部\n發佈日期\n"


def test_bad_config_is_a_usage_error(tmp_path):
    (tmp_path / "cleannews.toml").write_text("colour = 1\n", encoding="utf-8")
    proc = cli("fix", "-", stdin=b"x", cwd=tmp_path)
    assert proc.returncode == 2 and "unknown setting" in proc.stderr.decode()


def test_safety_check_refuses_unrecorded_changes(monkeypatch):
    from cleannews import script

    def sloppy(doc, options):  # a pass that changes text without recording it
        return doc.with_lines([line.replace("甲", "乙") for line in doc.lines]), []

    monkeypatch.setattr(script, "run", sloppy)
    with pytest.raises(SafetyError):
        run_passes(Document.from_text("甲"), Options())


def test_crlf_and_bom_are_normalised():
    data = "\ufeff某地举行冬季运动会\r\n运动会吸引了上千名群众参加，现场气氛热烈。\r\n".encode("utf-8")
    result = clean(data)
    assert result.articles[0].title == "某地举行冬季运动会" and "\r" not in result.text


def test_one_huge_line_finishes(tmp_path):
    line = ("这是一个没有换行的超长句子，内容重复。" * 200_000).encode("utf-8")  # ~11 MB, one line
    target = tmp_path / "huge.txt"
    target.write_bytes(line)
    proc = cli("fix", str(target), "--passes", "mojibake,script,boilerplate")
    assert proc.returncode == 0, proc.stderr


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_random_text_never_crashes_and_is_idempotent(text):
    once = clean(text).text
    assert clean(once).text == once


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_random_bytes_give_a_result_or_a_clear_error(data):
    from cleannews.decode import InputError

    try:
        clean(data)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SAMPLES.glob("*.txt"))), st.integers(0, 10_000), st.integers(1, 40))
def test_samples_with_random_cuts_stay_idempotent(sample, at, length):
    text = sample.read_text(encoding="utf-8")
    at %= max(1, len(text))
    damaged = text[:at] + text[at + length :]
    once = clean(damaged).text
    assert clean(once).text == once


def test_segmentation_check_finds_paragraphs_in_any_order():
    from cleannews.document import Article
    from cleannews.pipeline import verify

    before = Document.from_text("甲段\n乙段")
    verify("segment", before, dataclasses.replace(before, articles=(Article(paragraphs=["乙段", "甲段"]),)), [])
    with pytest.raises(SafetyError):
        verify("segment", before, dataclasses.replace(before, articles=(Article(paragraphs=["丙段"]),)), [])
