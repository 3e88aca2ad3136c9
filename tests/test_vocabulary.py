"""The shipped traditional forms of the built-in vocabulary are current, and used."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from cleannews.metadata import parse_fields

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_variants_match_opencc():
    spec = importlib.util.spec_from_file_location("build_variants", ROOT / "scripts" / "build_variants.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((ROOT / "src" / "cleannews" / "data" / "variants.json").read_text(encoding="utf-8"))
    assert shipped == module.build(), "run scripts/build_variants.py"


def test_traditional_labels_are_metadata():
    assert parse_fields("(責編:李嘉燕)").editor == "李嘉燕"
    fields = parse_fields("來源：中央社 發佈時間：2014年02月24日")
    assert fields.source == "中央社" and fields.date == "2014-02-24"
