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

from cleannews import batch, pipeline
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
    real = pipeline.clean

    def clean_while_someone_edits(*args, **kwargs):
        result = real(*args, **kwargs)
        with target.open("a", encoding="utf-8") as handle:
            handle.write("有人刚刚追加的一段。\n")
        return result

    monkeypatch.setattr(pipeline, "clean", clean_while_someone_edits)  # between reading the file and writing it
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


# --- a batch of many files: the cross-file prescan, worker-written outputs, bounded input ------------------

CHROME = ("融媒中心 手机版 客户端下载", "网站地图 | 联系我们 | 投稿信箱")


def chrome_batch(folder: Path, count: int = 9) -> list[Path]:
    """Pages of one site sharing two chrome lines, the repository's samples, a GBK page, a binary file."""
    folder.mkdir()
    pages = []
    for i in range(count):
        page = folder / f"page{i:02d}.txt"
        page.write_text(f"{CHROME[0]}\n" + dirty_dump(2).replace("冬季", f"第{i}季") + f"\n{CHROME[1]}\n", encoding="utf-8")
        pages.append(page)
    for sample in sorted(SAMPLES.glob("*.txt")):
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "gbk.txt").write_bytes((f"{CHROME[0]}\n" + DIRTY).encode("gbk"))
    (folder / "binary.txt").write_bytes(b"\x00\x01binary\x00")
    return sorted(folder.iterdir())


@pytest.mark.parametrize("workers", [1, 2])
def test_prescan_in_workers_finds_what_counting_every_line_finds(tmp_path, monkeypatch, workers):
    from cleannews.boilerplate import common_lines
    from cleannews.cli import _with_common_lines
    from cleannews.decode import decode_bytes
    from cleannews.document import Options

    files = chrome_batch(tmp_path / "dumps")
    large = tmp_path / "dumps" / "large.txt"
    large.write_text(f"{CHROME[0]}\n{CHROME[1]}\n" * 3000, encoding="utf-8")
    files.append(large)
    monkeypatch.setattr(batch, "PIECE_BYTES", 100_000)  # the large file is cut in pieces: the prescan skips it
    readable = [decode_bytes(f.read_bytes()).text for f in files if f.name not in ("binary.txt", "large.txt")]
    expected = common_lines(readable, max(3, -(-len(files) // 5)))  # every line of every small file, counted in one place

    found = _with_common_lines(Options(), [str(f) for f in files], workers).common_lines

    assert found == expected and set(CHROME) <= found


def tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_a_directory_gives_the_same_files_with_one_or_two_workers(tmp_path, fmt):
    folder = tmp_path / "dumps"
    chrome_batch(folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_text(DIRTY, encoding="utf-8")
    outputs, reports = {}, {}
    for jobs in ("1", "2"):
        out, report = tmp_path / f"out{jobs}", tmp_path / f"report{jobs}.json"
        proc = cli("fix", str(folder), "-o", str(out), "--format", fmt, "-j", jobs, "-q", "--report", str(report))
        assert proc.returncode == 1 and "binary.txt" in proc.stderr.decode()  # the binary file fails, the rest is written
        outputs[jobs], reports[jobs] = tree(out), json.loads(report.read_text(encoding="utf-8"))
    assert outputs["1"] == outputs["2"] and reports["1"] == reports["2"]
    page = next(f for f in reports["1"]["files"] if f["file"].endswith("page00.txt"))
    assert page["passes"]["boilerplate"]["edits"] >= 2 and page["articles"] == 2
    suffix = ".jsonl" if fmt == "jsonl" else ".txt"
    assert f"sub/nested{suffix}" in outputs["1"] and "binary.txt" not in outputs["1"]
    assert not any(line.encode() in data for data in outputs["1"].values() for line in CHROME)
    assert not [name for name in outputs["1"] if ".cleannews-" in name]  # no temporary file left
    if fmt == "jsonl":
        first = json.loads(outputs["1"]["page00.jsonl"].decode().splitlines()[0])
        assert first["file"] == str(folder / "page00.txt") and first["index"] == 0


def test_in_place_with_two_workers_matches_the_mirror_and_leaves_clean_files_alone(tmp_path):
    folder = tmp_path / "dumps"
    chrome_batch(folder)
    assert cli("fix", str(folder), "-o", str(tmp_path / "mirror"), "-j", "2", "-q").returncode == 1
    clean_file = folder / "already_clean.txt"
    clean_file.write_text(clean(DIRTY.encode()).text, encoding="utf-8")
    before = clean_file.stat().st_mtime_ns
    proc = cli("fix", str(folder), "-j", "2")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert f"cleaned {folder / 'page00.txt'}\n" in err and f"cleaned {clean_file}" not in err
    mirrored = tree(tmp_path / "mirror")
    assert {name: data for name, data in tree(folder).items() if name in mirrored} == mirrored
    assert clean_file.stat().st_mtime_ns == before  # unchanged: not rewritten


def test_workers_are_given_input_only_as_results_are_taken():
    from cleannews.document import Options

    pulled = []

    def tasks():
        for i in range(30):
            pulled.append(i)
            yield batch.Task(i, 0, True, text=f"第{i}条\n")

    taken = 0
    for result in batch.run_tasks(tasks(), batch.Settings(Options(passes=("script",))), workers=2):
        assert result.file == taken
        taken += 1
        assert len(pulled) - taken < batch.IN_FLIGHT * 2  # never more than IN_FLIGHT tasks per worker ahead
    assert taken == 30


def test_one_huge_line_is_read_in_bounded_windows(tmp_path):
    line = "这是一个没有换行的超长句子，内容重复。" * 60_000  # 3.4 MB of UTF-8, one line
    stream = open_bytes(tmp_path, line)
    limit, yielded = 20_000, 0
    for piece, _, _ in batch.read_pieces(stream, "x", limit):
        yielded += len(piece.encode())
        assert len(piece) <= limit and piece.endswith("。")  # cut after a sentence
        assert stream.tell() - yielded <= 4 * limit + batch._BLOCK  # read ahead by at most a window and a block
    assert yielded == len(line.encode())


def test_the_pipeline_never_gets_more_than_a_window_of_one_huge_line(tmp_path, monkeypatch, pipeline_inputs):
    line = "这是一个没有换行的超长句子，内容重复。" * 10_000  # 190,000 characters, one line
    target = tmp_path / "line.txt"
    target.write_text(line, encoding="utf-8")
    monkeypatch.setattr(batch, "PIECE_BYTES", 20_000)
    seen = pipeline_inputs
    outcome = CliRunner().invoke(app, ["fix", str(target), "--passes", "mojibake,script,boilerplate", "-j", "1"])
    assert outcome.exit_code == 0, outcome.output
    assert len(seen) >= 10 and max(seen) <= 20_000
    assert target.read_text(encoding="utf-8") == line  # clean text, cut in windows and joined back
