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
