"""The synthetic-dump benchmark: deterministic generation, scores in [0, 1] (targets are not asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import SHARED

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "synthetic_dumps.py"


@pytest.fixture(scope="module")
def bench():
    if not (SHARED / "corpora").is_dir():
        pytest.skip("../shared is not present (it only exists in the development workspace)")
    spec = importlib.util.spec_from_file_location("synthetic_dumps", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sources(bench):
    return bench.load_sources(SHARED)


def test_generator_is_deterministic(bench, sources):
    a = bench.generate(sources, 20, seed=7)
    b = bench.generate(sources, 20, seed=7)
    assert [d.text for d in a] == [d.text for d in b]
    assert [[g.paragraphs for g in d.articles] for d in a] == [[g.paragraphs for g in d.articles] for d in b]
    assert [[j.line for j in d.junk] for d in a] == [[j.line for j in d.junk] for d in b]
    assert [d.text for d in bench.generate(sources, 20, seed=8)] != [d.text for d in a]


def test_dumps_hold_their_truth(bench, sources):
    for dump in bench.generate(sources, 20, seed=7):
        assert 1 <= len(dump.articles) <= 3
        for article in dump.articles:
            assert article.title in dump.text
            assert 2 <= len([p for p in article.paragraphs if not p[1:2] == "、"]) <= 6
        for junk in dump.junk:
            assert junk.line in dump.text


def test_scores_are_in_unit_interval(bench, sources):
    dumps = bench.generate(sources, 20, seed=7)
    scores = [bench.score_dump(d) for d in dumps]
    summary = bench.summarize(scores)
    for value in (summary.body_f1, summary.para_f1, summary.title, summary.meta, summary.junk_gone, summary.count):
        assert 0.0 <= value <= 1.0
    for s in scores:
        for value in (s.body_f1, s.para_f1, s.title_rate, s.meta_rate, s.junk_rate, s.overall):
            assert 0.0 <= value <= 1.0
    text, _ = bench.report(scores, worst=3)
    assert "overall" in text and "targets:" in text


def test_missing_shared_exits_with_message(bench, tmp_path, capsys):
    assert bench.main(["--shared", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["HELD_OUT", "HELD_OUT_2", "HELD_OUT_3", "HELD_OUT_4", "HELD_OUT_5", "HELD_OUT_6", "HELD_OUT_7", "HELD_OUT_8"])
def test_held_out_templates_copy_no_other_set(bench, name):
    """A held-out set was written apart from the others: none of its lines appears in another set."""
    held_out = getattr(bench, name)
    others = [t for t in bench.TEMPLATE_SETS.values() if t is not held_out]
    for field in held_out._fields:
        for i, template in enumerate(getattr(held_out, field)):
            assert all(template not in getattr(other, field) for other in others), f"{name}.{field}[{i}]"


@pytest.mark.parametrize("name", ["HELD_OUT", "HELD_OUT_2", "HELD_OUT_3", "HELD_OUT_4", "HELD_OUT_5", "HELD_OUT_6", "HELD_OUT_7", "HELD_OUT_8"])
def test_held_out_dumps_hold_their_truth(bench, sources, name):
    templates = getattr(bench, name)
    dumps = bench.generate(sources, 10, seed=3, templates=templates)
    assert [d.text for d in dumps] == [d.text for d in bench.generate(sources, 10, seed=3, templates=templates)]
    seen = bench.generate(sources, 10, seed=3)
    assert [d.text for d in dumps] != [d.text for d in seen]
    for dump in dumps:
        assert all(junk.line in dump.text for junk in dump.junk)
        for article in dump.articles:
            assert article.title in dump.text and all(p in dump.text for p in article.paragraphs if p[1:2] != "、")


def test_held_out_sets_fill_every_field_and_placeholder(bench):
    """Each set has furniture for every slot the generator fills, nav in two pairs, and only known placeholders;
    widgets and related headers are printed as written, so they hold none."""
    import string

    placeholders = {"sec", "site", "t", "n3", "n7", "n8", "n11"}
    for name, templates in bench.TEMPLATE_SETS.items():
        assert all(getattr(templates, f) for f in templates._fields), name
        assert len(templates.nav) == 4, name
        for template in (t for f in templates._fields for t in getattr(templates, f)):
            used = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
            assert used <= placeholders, (name, template)
        for template in templates.widgets + templates.related:
            assert all(f is None for _, f, _, _ in string.Formatter().parse(template)), (name, template)


def test_cli_reports_which_template_set(bench, capsys):
    for name in ("held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6"):
        assert bench.main(["-n", "2", "--templates", name, "--worst", "0", "--shared", str(SHARED)]) == 0
        assert f"{name} templates" in capsys.readouterr().out.splitlines()[0]
    assert bench.main(["-n", "2", "--held-out", "--worst", "0", "--shared", str(SHARED)]) == 0
    assert ", held-out templates" in capsys.readouterr().out.splitlines()[0]
