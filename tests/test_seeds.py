"""The five seed dumps come out as their expected articles (issue #2's acceptance figures)."""

from __future__ import annotations

import json

import pytest

from cleannews.document import Options
from cleannews.evaluate import score_dump
from cleannews.pipeline import clean

from conftest import EXPECTED, SAMPLES

CASES = sorted(EXPECTED.glob("*.json"))


@pytest.mark.parametrize("expected_file", CASES, ids=[c.stem for c in CASES])
def test_seed_meets_acceptance_figures(expected_file):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    dump = SAMPLES / expected["file"]
    score = score_dump(dump.read_bytes(), expected, dump.name)
    assert score.body_f1 >= 0.97
    assert score.paragraph_f1 >= 0.9
    assert score.title_exact
    assert score.metadata_accuracy >= 0.8
    assert score.missing == []
    assert score.leaked == []
    assert score.article_count[0] == score.article_count[1]


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_fixing_fixed_output_changes_nothing(sample):
    once = clean(sample.read_bytes()).text
    twice = clean(once.encode("utf-8"))
    assert twice.text == once
    assert [e for e in twice.edits if e.pass_name != "segment" or e.rule != "metadata"] == []


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_without_segmentation_lines_stay_line_for_line(sample):
    data = sample.read_bytes()
    result = clean(data, options=Options(passes=("mojibake", "script", "boilerplate")))
    assert len(result.text.split("\n")) == len(data.decode("utf-8").split("\n"))
    assert result.articles is None
