"""Clean the text column of a Ray Dataset, on as many machines as the cluster has.

Either call :func:`clean_dataset`, or hand :class:`CleanBatch` to
``map_batches`` yourself::

    ds = ds.map_batches(CleanBatch, fn_constructor_kwargs={"text_field": "text"},
                        batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=8))

Each row gets the cleaned text and a ``cleannews`` struct column (articles,
edit counts per pass, changed, error), the same fields as
:func:`cleannews.records.clean_file` writes. A record that cannot be cleaned
never fails its batch: it keeps its text and gets an error. What can fail is a
worker (killed for memory, a node lost): Ray Data restarts the actors of a
``map_batches`` actor pool and retries their batches by default
(``max_restarts=-1``, ``max_task_retries=-1``), and :func:`clean_dataset` also
retries a batch whose code raised (``DataContext.retried_map_errors``).
See docs/ray.md.
"""

from __future__ import annotations

from typing import Optional

from ..document import Options
from ..records import clean_table, require

DEFAULT_BATCH_SIZE = 64  # rows per call: a few hundred KB of news text, seconds of work


class CleanBatch:
    """A ``map_batches`` callable: as a class, each Ray actor builds it once and reuses its loaded tables.

    Takes and returns the batch in the format it was given: ``pyarrow.Table``
    (fastest), ``pandas.DataFrame`` or ``dict`` of NumPy arrays.
    """

    def __init__(self, text_field: str = "text", options: Optional[Options] = None, **keywords):
        self.text_field = text_field
        self.options = options or Options(**keywords)

    def __call__(self, batch):
        pyarrow = require("pyarrow", "ray")
        if isinstance(batch, pyarrow.Table):
            return clean_table(batch, self.text_field, self.options)
        if isinstance(batch, require("pandas", "ray").DataFrame):
            return clean_table(pyarrow.Table.from_pandas(batch, preserve_index=False), self.text_field, self.options).to_pandas()
        cleaned = clean_table(pyarrow.table(dict(batch)), self.text_field, self.options)
        return {name: cleaned.column(name).to_numpy(zero_copy_only=False) for name in cleaned.column_names}


def clean_dataset(
    ds: "ray.data.Dataset",
    text_field: str = "text",
    *,
    workers: int = 1,
    num_cpus: float = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    retries: int = 3,
    **options,
) -> "ray.data.Dataset":
    """``ds`` with its ``text_field`` cleaned by a pool of ``workers`` actors (lazy, like any Ray transform).

    Each actor reserves ``num_cpus`` (cleaning is single-threaded): keep
    ``workers * num_cpus`` below the cluster's CPUs, or the read and write tasks
    never get one and the job waits forever. ``options`` are
    :class:`cleannews.Options` keywords (``target="zh-tw"``).
    ``retries``: how often a batch whose code raised is retried before the job
    fails; it is set on the dataset's ``DataContext`` (``retried_map_errors``,
    ``max_map_retries``), which the whole pipeline of ``ds`` shares; 0 leaves it as it is.
    """
    ray_data = require("ray.data", "ray")
    if retries:
        ds.context.retried_map_errors = True
        ds.context.max_map_retries = retries
    return ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"text_field": text_field, "options": Options(**options)},
        batch_format="pyarrow",
        batch_size=batch_size,
        compute=ray_data.ActorPoolStrategy(size=workers),
        num_cpus=num_cpus,
        udf_modifying_row_count=False,
    )
