"""The command-line contract: in-place fixes, stdin, formats, --check/--diff/--explain, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path


from conftest import DIRTY, SAMPLES, cli





def test_stdin_jsonl_has_the_contract_keys():
    proc = cli("fix", "-", "--format", "jsonl", stdin=DIRTY.encode())
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert set(record) == {"title", "subtitle", "date", "source", "author", "editor", "paragraphs", "text", "file", "index"}
    assert record["title"] == "某地举行冬季运动会" and record["date"] == "2024-01-05T10:00"
    assert record["paragraphs"] == ["运动会吸引了上千名群众参加，现场气氛热烈。"] and record["subtitle"] is None


def test_output_dash_is_standard_output_never_a_file_named_dash(tmp_path):
    target = tmp_path / "dump.txt"
    target.write_text(DIRTY, encoding="utf-8")
    for args, stdin in ((("-",), DIRTY.encode()), ((str(target),), None)):
        proc = cli("fix", *args, "-o", "-", stdin=stdin, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.decode().startswith("标题：某地举行冬季运动会\n")
    assert not (tmp_path / "-").exists() and target.read_text(encoding="utf-8") == DIRTY  # nothing written in place


def test_fix_in_place_then_check_is_clean(tmp_path):
    target = tmp_path / "dump.txt"
    target.write_text(DIRTY, encoding="utf-8")
    assert cli("check", str(target)).returncode == 1
    assert target.read_text(encoding="utf-8") == DIRTY  # check never writes
    assert cli("fix", str(target)).returncode == 0
    fixed = target.read_text(encoding="utf-8")
    assert "返回顶部" not in fixed and fixed.startswith("标题：某地举行冬季运动会\n")
    assert cli("check", str(target)).returncode == 0
    assert cli("fix", str(target)).returncode == 0 and target.read_text(encoding="utf-8") == fixed


def test_diff_writes_nothing_and_shows_changes(tmp_path):
    target = tmp_path / "dump.txt"
    target.write_text(DIRTY, encoding="utf-8")
    proc = cli("fix", "--diff", str(target))
    assert proc.returncode == 0
    assert "-返回顶部" in proc.stdout.decode() and target.read_text(encoding="utf-8") == DIRTY


def test_explain_lists_edits_with_pass_and_reason():
    proc = cli("fix", "-", "--explain", stdin=DIRTY.encode())
    err = proc.stderr.decode()
    assert "[boilerplate:widget]" in err and "返回顶部" in err and "[boilerplate:breadcrumb]" in err


def test_passes_subset_keeps_lines():
    proc = cli("fix", "-", "--passes", "script", stdin="睡不著覺\n第二行\n".encode())
    assert proc.stdout.decode() == "睡不着觉\n第二行\n"


def test_output_mirrors_a_directory(tmp_path):
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "a.txt").write_text(DIRTY, encoding="utf-8")
    out = tmp_path / "out"
    proc = cli("fix", str(tmp_path / "in"), "-o", str(out), "--format", "jsonl", "-j", "1")
    assert proc.returncode == 0, proc.stderr
    records = (out / "sub" / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(records[0])["source"] == "某某网"
    assert (src / "a.txt").read_text(encoding="utf-8") == DIRTY


def test_bad_files_are_reported_and_counted(tmp_path):
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = cli("fix", str(tmp_path), "-j", "2")
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert "bad.txt" in err and "binary" in err and "Traceback" not in err
    assert "返回顶部" not in (tmp_path / "good.txt").read_text(encoding="utf-8")
    assert (tmp_path / "empty.txt").read_bytes() == b""


def test_missing_path_is_one_clear_line(tmp_path):
    proc = cli("fix", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    lines = proc.stderr.decode().strip().splitlines()
    assert lines[0].startswith("error:") and "no such file" in lines[0] and "Traceback" not in proc.stderr.decode()


def test_usage_error_exits_2():
    assert cli("fix", "-", "--passes", "nonsense", stdin=b"x").returncode == 2
    assert cli("fix", "-", "--to", "klingon", stdin=b"x").returncode == 2


def test_gbk_file_is_decoded_and_rewritten_as_utf8(tmp_path):
    target = tmp_path / "legacy.txt"
    target.write_bytes(DIRTY.encode("gbk"))
    assert cli("fix", str(target)).returncode == 0
    assert "某地举行冬季运动会" in target.read_text(encoding="utf-8")


def test_in_place_write_keeps_permissions(tmp_path):
    target = tmp_path / "dump.txt"
    target.write_text(DIRTY, encoding="utf-8")
    os.chmod(target, 0o640)
    cli("fix", str(target))
    assert (target.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["dump.txt"]  # no temporary left behind


def test_sample_runs_through_the_console_script():
    proc = cli("fix", "-", "--format", "jsonl", stdin=(SAMPLES / "002_2e15a51dbed6caa4.txt").read_bytes())
    record = json.loads(proc.stdout.decode().splitlines()[0])
    assert record["title"] == "寒冬送温暖 关爱暖人心" and "看到他们拿到药" in record["text"]


def test_html_report_of_a_checked_directory(tmp_path):
    report = tmp_path / "review.html"
    before = {p.name: p.read_bytes() for p in SAMPLES.iterdir()}
    proc = cli("check", str(SAMPLES), "--html-report", str(report), "-j", "2", "-q")
    assert proc.returncode == 1  # the samples are dirty
    page = report.read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>") and "<script src=" not in page and "http://" not in page.split("<body", 1)[0]
    for expected in sorted((Path(__file__).parent / "expected").glob("*.json")):
        title = json.loads(expected.read_text(encoding="utf-8"))["articles"][0]["title"]
        assert json.dumps(title, ensure_ascii=False)[1:-1] in page or title in page
    assert {p.name: p.read_bytes() for p in SAMPLES.iterdir()} == before  # check never writes


def test_jsonl_records_are_cleaned_in_place_by_the_cli(tmp_path):
    import gzip

    target = tmp_path / "corpus.jsonl.gz"
    rows = [{"id": 1, "text": DIRTY}, {"id": 2, "text": None}, {"id": 3, "text": "正文一段。"}]
    target.write_bytes(gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()))
    proc = cli("fix", str(target))
    assert proc.returncode == 1  # the record without text is kept and reported
    assert "1 record(s) could not be cleaned" in proc.stderr.decode()
    out = [json.loads(line) for line in gzip.decompress(target.read_bytes()).decode().splitlines()]
    assert [r["id"] for r in out] == [1, 2, 3]
    assert "返回顶部" not in out[0]["text"] and out[0]["cleannews"]["articles"][0]["title"] == "某地举行冬季运动会"
    assert out[1]["text"] is None and out[1]["cleannews"]["error"]
    assert cli("fix", str(target), "--check").returncode == 2  # check is for text dumps
    once = target.read_bytes()
    cli("fix", str(target))
    assert target.read_bytes() == once  # cleaning cleaned records changes nothing


def test_new_output_files_get_the_usual_mode(tmp_path):
    out = tmp_path / "out.txt"
    proc = cli("fix", "-", "-o", str(out), stdin=DIRTY.encode())
    assert proc.returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
