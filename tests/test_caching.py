"""Tests for cleannews.caching: the on-disk cache of derived tables must never change a result or fail a run."""

from __future__ import annotations

import marshal

import pytest

from cleannews import caching, mojibake, plausibility


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(caching.CACHE_ENV, str(tmp_path / "cache"))
    caching.table_dir.cache_clear()
    yield tmp_path / "cache"
    caching.table_dir.cache_clear()


def counting_table():
    calls = []

    @caching.table_cache
    def table(codec: str) -> dict:
        calls.append(codec)
        return {"发布": -4.5, codec: (1, None, frozenset({"a"}))}

    return table, calls


def test_a_table_is_built_once_then_read_from_disk(cache_dir):
    table, calls = counting_table()
    first = table("gbk")
    files = list(cache_dir.glob("tables-*/*.marshal"))
    assert len(files) == 1 and "gbk" in files[0].name
    table.cache_clear()  # a new process: only the disk remembers
    assert table("gbk") == first and calls == ["gbk"]
    assert table("big5") != first and calls == ["gbk", "big5"]


def test_an_unreadable_table_file_is_rebuilt(cache_dir):
    table, calls = counting_table()
    table("gbk")
    (path,) = cache_dir.glob("tables-*/*.marshal")
    path.write_bytes(b"\x00garbage")
    table.cache_clear()
    assert table("gbk")["发布"] == -4.5 and calls == ["gbk", "gbk"]
    assert marshal.loads(path.read_bytes())["发布"] == -4.5  # and written again


def test_an_unwritable_cache_costs_nothing_but_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(caching.CACHE_ENV, str(blocker / "cache"))
    caching.table_dir.cache_clear()
    try:
        table, calls = counting_table()
        assert table("gbk")["发布"] == -4.5
    finally:
        caching.table_dir.cache_clear()


def test_an_empty_variable_keeps_nothing_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv(caching.CACHE_ENV, "")
    caching.table_dir.cache_clear()
    try:
        assert caching.table_dir() is None
        table, calls = counting_table()
        table("gbk")
        table.cache_clear()
        table("gbk")
        assert calls == ["gbk", "gbk"]
    finally:
        caching.table_dir.cache_clear()


def test_tables_of_another_version_are_removed(cache_dir):
    old = cache_dir / "tables-0000000000000000"
    old.mkdir(parents=True)
    (old / "x.marshal").write_bytes(b"")
    table, _ = counting_table()
    table("gbk")
    assert not old.exists() and len(list(cache_dir.glob("tables-*"))) == 1


@pytest.mark.parametrize("builder", [plausibility._pair_logprobs, mojibake._next_chars, mojibake._utf8_hole_bytes])
def test_real_tables_read_back_equal_to_the_built_ones(cache_dir, builder):
    built = builder.__wrapped__.__wrapped__()  # the builder itself, past both memos
    builder.cache_clear()
    try:
        assert builder() == built  # written
        builder.cache_clear()
        assert builder() == built  # read
        assert list(builder()) == list(built)  # in the same order
    finally:
        builder.cache_clear()
