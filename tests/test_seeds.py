"""The five seed dumps come out as their expected articles (issue #2's acceptance figures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleannews.document import Options
from cleannews.evaluate import main as evaluate_main
from cleannews.evaluate import score_directory, score_dump
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


SITE_DUMPS = Path(__file__).resolve().parents[1] / "benchmarks" / "site_dumps"


@pytest.mark.parametrize("name, dumps, floor", [
    ("dev", 12, (0.97, 0.85, 0.9, 10)),
    ("dev2", 14, (0.93, 0.85, 0.9, 11)),
    ("dev3", 14, (0.97, 0.9, 0.9, 12)),
    ("dev4", 13, (0.96, 0.85, 0.9, 11)),
    ("dev5", 12, (0.95, 0.9, 0.9, 11)),
    ("dev6", 12, (0.90, 0.85, 0.85, 10)),
    ("dev7", 12, (0.96, 0.95, 0.95, 10)),
    ("dev8", 12, (0.91, 0.7, 0.7, 10)),
    ("dev9", 12, (0.98, 0.95, 0.95, 11)),
    ("dev10", 12, (0.96, 0.95, 0.9, 11)),
    ("dev11", 12, (0.96, 0.8, 0.85, 9)),
    ("dev12", 12, (0.97, 0.8, 0.85, 10)),
])
def test_dumps_of_sites_the_rules_never_saw_meet_the_floor(name, dumps, floor):
    """The development sets of hand-written dumps imitating other sites (benchmarks/site_dumps/dev*):
    body F1, titles, metadata and article counts stay at or near what the studied sets reach."""
    scores = score_directory(SITE_DUMPS / name / "dumps", SITE_DUMPS / name / "expected")
    n = len(scores)
    body, titles, metadata, counts = floor
    assert n == dumps
    assert sum(s.body_f1 for s in scores) / n >= body
    assert sum(s.title_exact for s in scores) / n >= titles
    assert sum(s.metadata_accuracy for s in scores) / n >= metadata
    assert sum(s.article_count[0] == s.article_count[1] for s in scores) >= counts


def test_evaluate_summary_prints_no_dump_strings(capsys):
    evaluate_main([str(SAMPLES), str(EXPECTED), "--summary"])
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[1].startswith("mean") and "5/5" in out[1]


def test_evaluate_reports_bad_folders_and_missing_dumps_without_a_traceback(tmp_path, capsys):
    assert evaluate_main([str(tmp_path), str(tmp_path)]) == 2  # no expected files
    (tmp_path / "a.json").write_text('{"file": "gone.txt", "articles": []}', encoding="utf-8")
    assert evaluate_main([str(tmp_path), str(tmp_path)]) == 2
    assert "gone.txt" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        evaluate_main([str(tmp_path / "nowhere")])
    assert exit_.value.code == 2
