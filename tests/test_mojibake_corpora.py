"""Pass 1 (mojibake) on real dumps from ../shared: the SogouCA GBK dump with lost bytes,
and the clean news corpora the gate is calibrated on."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from cleannews import mojibake as M
from cleannews.document import Document, Options

SOGOUCA = "corpora/dirty-web/sogouca-smarty/news_tensite_xml.smarty.gbk.xml"
THUCNEWS = "corpora/news-zh-hans/thucnews-1000/cnews.val.txt"
TAIWANSTAT = "corpora/news-zh-hant/taiwanstat-2017"
_FIELD = re.compile(r'"(?:title|content)"\s*:\s*"((?:[^"\\]|\\.)*)"')


@pytest.fixture
def sogouca(shared) -> list[str]:
    """Article bodies of the SogouCA sample: GBK whose lost bytes were saved as '?'."""
    text = (shared / SOGOUCA).read_bytes().decode("gbk")
    return re.findall(r"<content>(.*?)</content>", text, re.S)[:30]


def test_sogouca_lost_bytes_are_repaired(sogouca):
    before = sum(len(M.suspect_spans(doc)) for doc in sogouca)
    repaired = [M.repair(doc) for doc in sogouca]
    after = sum(len(M.suspect_spans(doc)) for doc in repaired)
    assert before >= 50  # the sample really is damaged
    assert after <= 0.4 * before
    assert sum(doc.count("?") for doc in repaired) < 0.95 * sum(doc.count("?") for doc in sogouca)
    rules = Counter(fix[0] for doc in sogouca for fix in M.repair_line(doc)[1])
    assert rules["gbk-misaligned"] >= 20


def test_sogouca_repairs_stay_local_and_are_stable(sogouca):
    for doc in sogouca[:10]:
        out, fixes = M.repair_line(doc)
        assert len(out) >= 0.9 * len(doc)
        for _, start, end, before, _, _ in fixes:
            assert end - start <= 60  # a window around the damage, never the whole article
        assert M.repair_line(out)[0] == out


def _traditional_lines(shared) -> list[str]:
    lines = []
    for path in sorted((shared / TAIWANSTAT).glob("*.json")):
        for m in _FIELD.finditer(path.read_text(encoding="utf-8")):
            try:
                value = json.loads(f'"{m.group(1)}"')
            except ValueError:  # raw tabs in the not-quite-JSON files
                value = m.group(1)
            lines.extend(line.rstrip("\r") for line in value.split("\n"))
    return lines


def test_gate_passes_clean_news(shared):
    """Calibration: the byte searches see (almost) no line of clean simplified or traditional news."""
    articles = [line.split("\t", 1)[-1] for line in (shared / THUCNEWS).read_text(encoding="utf-8").split("\n")]
    for texts in (articles, _traditional_lines(shared)):
        sentences = [s for text in texts for s in re.split("(?<=[。！？])", text) if s]
        assert len(sentences) > 15000
        suspect = [sentences[i] for i in M.candidate_lines(sentences) if M.suspect_spans(sentences[i])]
        assert len(suspect) <= 0.0005 * len(sentences), suspect[:5]  # a few with a literal U+FFFD


def test_clean_traditional_news_gets_no_codec_repair(shared):
    lines = _traditional_lines(shared)
    doc = Document.from_text("\n".join(lines))
    _, edits = M.run(doc, Options())
    assert {e.rule for e in edits} <= {"html-entity", "control-char"}  # the crawl's real debris


PKU = "corpora/news-zh-hans/sighan2005/pku_test.utf8.txt"
AS = "corpora/news-zh-hant/sighan2005/as_test.utf8.txt"
CITYU = "corpora/news-zh-hant/sighan2005/cityu_test.utf8.txt"


def _sample(shared, rels: list[str], n: int, encodable: str) -> list[str]:
    """``n`` clean sentences of 8 to 80 characters that ``encodable`` can write (a fixed draw)."""
    import random

    pool = []
    for rel in rels:
        for line in (shared / rel).read_text(encoding="utf-8-sig").split("\n"):
            line = line.strip()
            try:
                line.encode(encodable)
            except UnicodeEncodeError:
                continue
            if 8 <= len(line) <= 80:
                pool.append(line)
    return random.Random(20231).sample(pool, n)


def _mean_similarity(lines: list[str], corrupt) -> float:
    from cleannews.metrics import line_similarity

    return sum(line_similarity(M.repair_line(corrupt(s))[0], s) for s in lines) / len(lines)


def test_lossy_families_on_news_lines(shared):
    """Issue #3's lossy families on a fixed draw of clean news lines (the benchmark draws others): mean similarity.

    This draw is harder than the benchmark's (whole THUCNews articles cut at 80
    characters, a byte dropped mid-line): the dictionary-only searches scored
    0.932 (Big5), 0.948 (UTF-8) and 0.933 (dropped byte) on it; the running-text
    bigrams made them 0.950, 0.971, 0.940, and the UTF-8 holes restricted to bytes
    GBK rejects 0.984. UTF-8 read by a strict cp1252 decoder (U+FFFD for its five
    undefined bytes) scored 0.788 before those holes were filled; now 0.983.
    """
    hant = _sample(shared, [AS, CITYU], 150, "big5")
    hans = _sample(shared, [PKU, THUCNEWS], 150, "gbk")
    hans = [s.split("\t", 1)[-1][:80] for s in hans]
    raw = [s.encode("gbk") for s in hans]
    dropped = {s: (b[: len(b) // 2] + b[len(b) // 2 + 1 :]).decode("gbk", "replace") for s, b in zip(hans, raw)}
    assert _mean_similarity(hant, lambda s: s.encode("big5").decode("gbk", "replace")) >= 0.945
    assert _mean_similarity(hans, lambda s: s.encode("utf-8").decode("gbk", "replace")) >= 0.98
    assert _mean_similarity(hans, lambda s: s.encode("utf-8").decode("cp1252", "replace")) >= 0.975
    assert _mean_similarity(hans, dropped.__getitem__) >= 0.935


_MARKERS = re.compile(r"[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|&#?[A-Za-z0-9]+;?")


def test_clean_news_changes_only_where_the_corpus_carries_damage(shared):
    """Clean PKU and THUCNews lines: only entities and control characters are repaired; a lone U+FFFD stays."""
    lines = (shared / PKU).read_text(encoding="utf-8-sig").split("\n")
    lines += [line.split("\t", 1)[-1] for line in (shared / THUCNEWS).read_text(encoding="utf-8").split("\n")]
    for line in lines:
        out, fixes = M.repair_line(line)
        if out != line:
            assert _MARKERS.search(line), fixes
            assert {fix[0] for fix in fixes} <= {"html-entity", "control-char"}, fixes
        assert out.count("\ufffd") == line.count("\ufffd") or not _MARKERS.search(line.replace("\ufffd", ""))
