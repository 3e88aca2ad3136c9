"""A datatrove pipeline step that cleans each ``Document.text`` with cleannews.

Any datatrove executor (local, Slurm, Ray) can then run cleannews between a
reader and a writer::

    from cleannews.integrations.datatrove import CleannewsStep
    LocalPipelineExecutor(pipeline=[JsonlReader("raw/"), CleannewsStep(target="zh-hans"),
                                    JsonlWriter("clean/")], tasks=8).run()

The cleaned text replaces ``doc.text``; ``doc.metadata["cleannews"]`` gets the
articles, the edit counts per pass, ``changed`` and ``error`` (the fields of
:func:`cleannews.records.clean_record_text`). A document that cannot be cleaned
keeps its text and gets the error; no document is dropped.

The step class subclasses datatrove's ``PipelineStep``, so it is built on first
access: importing this module (as pytest's doctest collection does) never
needs datatrove; using the step without it raises an ImportError naming the extra.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import Options
from ..records import METADATA_FIELD, clean_record_text, require


@lru_cache(maxsize=None)
def _step_class() -> type:
    base = require("datatrove.pipeline.base", "datatrove").PipelineStep

    class CleannewsStep(base):
        """Clean ``doc.text`` and record what was done in ``doc.metadata["cleannews"]``.

        Takes :class:`cleannews.Options` or its keywords (``target="zh-tw"``).
        Stats: ``total``, ``changed`` and ``errors`` documents.
        """

        name = "🧹 cleannews"
        type = "✂️ - FORMAT"

        def __init__(self, options: Options | None = None, **keywords):
            super().__init__()
            self.options = options or Options(**keywords)

        def run(self, data, rank: int = 0, world_size: int = 1):
            for doc in data:
                self.stat_update("total")
                with self.track_time():
                    fields = clean_record_text(doc.text, self.options)
                metadata = fields[METADATA_FIELD]
                if metadata["error"] is not None:
                    self.stat_update("errors")
                elif metadata["changed"]:
                    self.stat_update("changed")
                    doc.text = fields["text"]
                doc.metadata[METADATA_FIELD] = metadata
                yield doc

    CleannewsStep.__module__ = __name__
    CleannewsStep.__qualname__ = "CleannewsStep"  # so pickle (and dill) find it as this module's attribute
    return CleannewsStep


def __getattr__(name: str):
    if name == "CleannewsStep":
        return _step_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
