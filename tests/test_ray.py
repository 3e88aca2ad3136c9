"""Ray Data: the map_batches path cleans like clean() does, in every batch format."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cleannews import clean

from conftest import SAMPLES

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")
pa = pytest.importorskip("pyarrow")
pandas = pytest.importorskip("pandas")

from cleannews.integrations import ray as ray_integration  # noqa: E402  (after the skips)
from cleannews.integrations.ray import CleanBatch, clean_dataset  # noqa: E402

# Ray Data warns about its own deprecated settings whenever it builds a DataContext
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.data.context")


@pytest.fixture(scope="module")
def dumps() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def local_ray():
    """A one-CPU local Ray instance: with one worker a batch step never waits for a second CPU."""
    ray.init(address="local", num_cpus=1, include_dashboard=False, configure_logging=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


class FailsOnce(CleanBatch):
    """A worker whose first batch fails, as one hit by a transient fault would."""

    marker: Path  # set by the test; the class travels to the worker by value, with it

    def __call__(self, batch):
        if not self.marker.exists():
            self.marker.touch()
            raise OSError("transient fault")
        return super().__call__(batch)


def test_clean_dataset_on_a_local_cluster_retries_a_failed_batch(local_ray, dumps, tmp_path, monkeypatch):
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module
    monkeypatch.setattr(FailsOnce, "marker", tmp_path / "failed", raising=False)
    monkeypatch.setattr(ray_integration, "CleanBatch", FailsOnce)
    ds = ray.data.from_items([{"id": i, "text": text} for i, text in enumerate(dumps)] + [{"id": 99, "text": None}])

    rows = sorted(clean_dataset(ds, batch_size=2).take_all(), key=lambda row: row["id"])

    assert (tmp_path / "failed").exists()  # a batch did fail, and the job went on
    assert [row["text"] for row in rows] == [clean(text).text for text in dumps] + [None]
    assert [row["cleannews"]["error"] for row in rows] == [None] * len(dumps) + ["no text to clean (null)"]
    assert rows[0]["cleannews"]["articles"][0]["title"] == clean(dumps[0]).articles[0].title


@pytest.mark.parametrize("to_batch, column", [
    (lambda table: table, lambda batch, name: batch.column(name).to_pylist()),
    (lambda table: table.to_pandas(), lambda batch, name: list(batch[name])),
    (lambda table: {name: table.column(name).to_numpy(zero_copy_only=False) for name in table.column_names},
     lambda batch, name: list(batch[name])),
], ids=["pyarrow", "pandas", "numpy"])
def test_clean_batch_answers_in_the_format_it_is_given(dumps, to_batch, column):
    batch = to_batch(pa.table({"body": dumps[:2], "n": [1, 2]}))

    cleaned = CleanBatch(text_field="body", target="zh-hant")(batch)

    assert type(cleaned) is type(batch)
    assert column(cleaned, "body") == [clean(text, target="zh-hant").text for text in dumps[:2]]
    assert column(cleaned, "n") == [1, 2]
    assert [meta["error"] for meta in column(cleaned, "cleannews")] == [None, None]


def test_a_missing_text_column_fails_loudly(dumps):
    with pytest.raises(KeyError, match="no column 'text'"):
        CleanBatch()(pa.table({"body": dumps[:1]}))
