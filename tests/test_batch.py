"""Batch runs: large inputs in pieces, bounded memory, kills, symlinks, files changing under us."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleannews import batch
from cleannews.cli import app
from cleannews.pipeline import clean

from conftest import DIRTY, SAMPLES, cli



def dirty_dump(count: int) -> str:
    """Distinct dirty articles (identical ones would rightly be merged as repeats)."""
    return "\n---\n\n".join(
        DIRTY.replace("冬季运动会", f"第{i}届冬季运动会").replace("上千名", f"{i + 2}千名") for i in range(count)
    )




def many_articles(count: int) -> str:
    """A dump in the article format: what a previous run wrote, ready to be cleaned again."""
    body = "记者从有关部门获悉，今年以来全市共新建各类公共设施三百余处，惠及群众数十万人。"
    articles = [f"标题：第{i}篇新闻的标题\n日期：2024-01-{1 + i % 28:02d}\n\n{body}\n{body[:-1]}，第{i}段。\n" for i in range(count)]
    return "\n---\n\n".join(articles)


def test_pieces_follow_article_boundaries(tmp_path):
    text = many_articles(300)
    pieces = [p for p, _, _ in batch.read_pieces(open_bytes(tmp_path, text), "x", 4000)]
    assert "".join(pieces) == text
    assert all(len(p) <= 4000 for p in pieces) and len(pieces) > 5
    assert all(p.startswith("\n---\n") for p in pieces[1:])  # cut just before a separator line


def open_bytes(tmp_path: Path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode(encoding))
    return path.open("rb")


def test_pieces_decode_legacy_encodings_and_crlf_across_windows(tmp_path):
    text = many_articles(40)
    stream = open_bytes(tmp_path, text.replace("\n", "\r\n"), "gbk")
    pieces = list(batch.read_pieces(stream, "x", 1000))
    assert "".join(p for p, _, _ in pieces) == text
    assert {enc for _, enc, _ in pieces} == {"gb18030"} and all(raw for _, _, raw in pieces)


def test_a_large_file_in_pieces_matches_the_whole_file(tmp_path):
    text = clean(many_articles(120)).text  # already clean: a fixed file must stay as it is
    target = tmp_path / "big.txt"
    target.write_text(text, encoding="utf-8")
    env = {"CLEANNEWS_PIECE_BYTES": "5000"}
    assert cli("check", str(target), env=env).returncode == 0
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(dirty_dump(60), encoding="utf-8")
    whole = clean(dirty.read_bytes()).text
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.txt"
        proc = cli("fix", str(dirty), "-o", str(out), "-j", jobs, env=env)
        assert proc.returncode == 0, proc.stderr
        assert out.read_text(encoding="utf-8") == whole


def test_jsonl_from_pieces_numbers_articles_through_the_file(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(dirty_dump(40), encoding="utf-8")
    proc = cli("fix", str(dirty), "--format", "jsonl", "-j", "2", env={"CLEANNEWS_PIECE_BYTES": "3000"})
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["index"] for r in records] == list(range(40))
    assert [r["title"] for r in records] == [f"某地举行第{i}届冬季运动会" for i in range(40)]


def test_keep_removed_positions_are_in_whole_file_lines(tmp_path):
    dirty = tmp_path / "dirty.txt"
    dirty.write_text(dirty_dump(30), encoding="utf-8")
    audit = tmp_path / "removed.jsonl"
    cli("fix", str(dirty), "--check", "--keep-removed", str(audit), env={"CLEANNEWS_PIECE_BYTES": "2000"})
    lines = dirty.read_text(encoding="utf-8").split("\n")
    edits = [json.loads(line) for line in audit.read_text(encoding="utf-8").splitlines()]
    widgets = [e for e in edits if e["before"] == "返回顶部"]
    assert len(widgets) == 30 and all(lines[e["line"]] == "返回顶部" for e in widgets)


def peak_rss_mb(path: Path, env: dict) -> float:
    """Run the CLI on ``path`` and return its own peak resident memory."""
    code = (
        "import resource, runpy, sys\n"
        "sys.argv = ['cleannews', 'fix', sys.argv[1], '--passes', 'mojibake,script,boilerplate', '-j', '1', '-q']\n"
        "try:\n    runpy.run_module('cleannews', run_name='__main__')\n"
        "finally:\n    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=600, env={**os.environ, **env})
    assert proc.returncode == 0, proc.stderr
    return int(proc.stderr.decode().split()[-1]) / 1024


def test_memory_stays_flat_on_one_huge_line(tmp_path):
    sentence = "这是一个没有换行的超长句子，内容重复。"
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_bytes((sentence * 20_000).encode())  # ~1.1 MB, one line
    large.write_bytes((sentence * 100_000).encode())  # ~5.7 MB, one line
    env = {"CLEANNEWS_PIECE_BYTES": "262144"}
    grow = peak_rss_mb(large, env) - peak_rss_mb(small, env)
    assert grow < 30, f"peak memory grew by {grow:.0f} MB for 4.6 MB more input"
    assert large.read_bytes() == (sentence * 100_000).encode()  # clean text, cut in pieces and joined back


def test_sigkill_mid_batch_leaves_each_file_old_or_clean(tmp_path):
    folder = tmp_path / "dumps"
    folder.mkdir()
    sample = (SAMPLES / sorted(p.name for p in SAMPLES.glob("*.txt"))[0]).read_text(encoding="utf-8")
    originals = {}
    for i in range(40):
        text = f"第{i}号文件\n" + sample
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
        originals[f"{i:02d}.txt"] = text
    proc = subprocess.Popen([sys.executable, "-m", "cleannews", "fix", str(folder), "-j", "1", "-q"])
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if any((folder / name).read_text(encoding="utf-8") != text for name, text in originals.items()):
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    cleaned = {name: clean(text.encode()).text for name, text in originals.items()}
    states = [(folder / n).read_text(encoding="utf-8") in (originals[n], cleaned[n]) for n in originals]
    assert all(states)
    assert any((folder / n).read_text(encoding="utf-8") == originals[n] for n in originals), "run finished before the kill"
    assert cli("fix", str(folder), "-q").returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(originals)  # no stray temporary files
    assert all((folder / n).read_text(encoding="utf-8") == cleaned[n] for n in originals)


def test_symlinks_are_cleaned_through_once_and_broken_ones_reported(tmp_path):
    folder = tmp_path / "dumps"
    folder.mkdir()
    (folder / "a.txt").write_text(DIRTY, encoding="utf-8")
    (folder / "link.txt").symlink_to("a.txt")
    (folder / "broken.txt").symlink_to("missing.txt")
    proc = cli("fix", str(folder), "-j", "1")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "broken.txt: broken symbolic link" in err and err.count("cleaned ") == 1
    assert (folder / "link.txt").is_symlink() and "返回顶部" not in (folder / "a.txt").read_text(encoding="utf-8")


def test_a_file_changed_during_the_run_is_left_as_it_now_is(tmp_path, monkeypatch):
    target = tmp_path / "dump.txt"
    target.write_text(DIRTY, encoding="utf-8")
    real = batch._clean

    def clean_while_someone_edits(task, settings):
        result = real(task, settings)
        with target.open("a", encoding="utf-8") as handle:
            handle.write("有人刚刚追加的一段。\n")
        return result

    monkeypatch.setattr(batch, "_clean", clean_while_someone_edits)
    outcome = CliRunner().invoke(app, ["fix", str(target), "-j", "1"])
    assert outcome.exit_code == 1 and "changed while it was being cleaned" in outcome.output
    assert target.read_text(encoding="utf-8") == DIRTY + "有人刚刚追加的一段。\n"
    assert not [p for p in tmp_path.iterdir() if p.name != "dump.txt"]


def test_unreadable_file_is_reported_and_the_rest_cleaned(tmp_path, monkeypatch):
    folder = tmp_path / "dumps"
    folder.mkdir()
    (folder / "a.txt").write_text(DIRTY, encoding="utf-8")
    (folder / "secret.txt").write_text(DIRTY, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    outcome = CliRunner().invoke(app, ["fix", str(folder), "-j", "1"])
    assert outcome.exit_code == 1 and "secret.txt: permission denied" in outcome.output
    assert "返回顶部" not in (folder / "a.txt").read_text(encoding="utf-8")
    assert (folder / "secret.txt").read_text(encoding="utf-8") == DIRTY


def test_fifo_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = cli("fix", str(fifo))
    assert proc.returncode == 1 and "not a regular file" in proc.stderr.decode()


def test_single_output_is_not_written_when_an_input_fails(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00")
    out = tmp_path / "all.txt"
    proc = cli("fix", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out))
    assert proc.returncode == 1 and not out.exists() and "not written" in proc.stderr.decode()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_terminal_gets_a_summary_table(tmp_path):
    folder = tmp_path / "dumps"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(DIRTY, encoding="utf-8")
    leader, follower = os.openpty()
    proc = subprocess.run([sys.executable, "-m", "cleannews", "fix", str(folder), "-j", "1"], stderr=follower,
                          stdout=subprocess.PIPE, timeout=120, env={**os.environ, "COLUMNS": "100"})
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    text = shown.decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "3 file(s): 3 cleaned, 0 failed" in text and "boilerplate" in text and "characters removed" in text


def test_large_standard_input_is_streamed_in_pieces():
    text = dirty_dump(40)
    proc = cli("fix", "-", "-j", "2", env={"CLEANNEWS_PIECE_BYTES": "3000"}, stdin=text.encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == clean(text.encode()).text
    check = cli("check", "-", env={"CLEANNEWS_PIECE_BYTES": "3000"}, stdin=proc.stdout)
    assert check.returncode == 0  # its own output, streamed again, is clean
