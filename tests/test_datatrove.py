"""datatrove: the pipeline step cleans each Document like clean() does and records it in the metadata."""

from __future__ import annotations

import pickle

import pytest

from cleannews import clean

from conftest import SAMPLES

pytest.importorskip("datatrove")
from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402

from cleannews.integrations.datatrove import CleannewsStep  # noqa: E402


@pytest.fixture(scope="module")
def dumps() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]


def test_step_cleans_documents_and_keeps_the_ones_it_cannot(dumps):
    docs = [Document(text=text, id=str(i), metadata={"url": f"u{i}"}) for i, text in enumerate(dumps)]
    docs.append(Document(text=None, id="broken"))
    step = CleannewsStep(target="zh-hant")

    out = list(step.run(iter(docs)))

    assert [doc.id for doc in out] == [str(i) for i in range(len(dumps))] + ["broken"]
    assert [doc.text for doc in out[:-1]] == [clean(text, target="zh-hant").text for text in dumps]
    assert out[0].metadata["url"] == "u0"
    assert out[0].metadata["cleannews"]["articles"][0]["title"] == clean(dumps[0], target="zh-hant").articles[0].title
    assert out[-1].text is None and out[-1].metadata["cleannews"]["error"] == "no text to clean (null)"
    assert (step.stats["total"].total, step.stats["changed"].total, step.stats["errors"].total) == (len(dumps) + 1, len(dumps), 1)


def test_step_survives_pickling_as_executors_ship_it():
    step = pickle.loads(pickle.dumps(CleannewsStep(target="zh-tw")))
    assert type(step) is CleannewsStep and step.options.target == "zh-tw"


def test_local_executor_runs_the_step(tmp_path, dumps):
    seen = []

    def read(data, rank=0, world_size=1):
        yield from (Document(text=text, id=str(i)) for i, text in enumerate(dumps))

    def collect(data, rank=0, world_size=1):
        for doc in data:
            seen.append(doc)
            yield doc

    LocalPipelineExecutor(pipeline=[read, CleannewsStep(), collect], tasks=1, logging_dir=str(tmp_path / "logs")).run()

    assert [doc.text for doc in seen] == [clean(text).text for text in dumps]
