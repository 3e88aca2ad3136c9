"""Edit records: a frozen dataclass whose hand-written constructor must behave as the generated one."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from cleannews.edits import Edit

FIELDS = ("pass_name", "rule", "line", "start", "end", "before", "after", "reason")
VALUES = ("script", "tw2s", 3, 0, 2, "關愛", "关爱", "traditional to simplified")


def test_an_edit_is_built_the_same_from_positions_or_keywords():
    edit = Edit(*VALUES)
    assert edit == Edit(**dict(zip(FIELDS, VALUES)))
    assert [getattr(edit, name) for name in FIELDS] == list(VALUES)
    assert [field.name for field in dataclasses.fields(Edit)] == list(FIELDS)


def test_an_edit_is_frozen_hashable_and_copies_as_a_dataclass():
    edit = Edit(*VALUES)
    with pytest.raises(dataclasses.FrozenInstanceError):
        edit.line = 4
    assert hash(edit) == hash(Edit(*VALUES)) and len({edit, Edit(*VALUES)}) == 1
    assert dataclasses.replace(edit, line=4).line == 4 and edit.line == 3
    assert pickle.loads(pickle.dumps(edit)) == edit  # edits travel between worker processes


def test_to_dict_is_a_copy_in_field_order():
    edit = Edit(*VALUES)
    record = edit.to_dict()
    assert list(record.items()) == list(zip(FIELDS, VALUES))
    record["line"] = 99
    assert edit.line == 3 and edit.to_dict()["line"] == 3
