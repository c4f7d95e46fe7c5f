"""Annotating a folder of documents with Dask into a Parquet span table (the `dask` extra).

    >>> from distributed import Client, LocalCluster
    >>> client = Client(LocalCluster(n_workers=4))        # or Client("scheduler:8786")
    >>> annotate_folder_to_parquet("corpus/", "spans.parquet", client=client)
    >>> pandas.read_parquet("spans.parquet")               # or DuckDB, Spark, ...

The same code runs on a laptop and on a cluster: the file list is built here, each
partition of paths is read and annotated on a worker (so the folder must be visible to
the workers, e.g. a shared file system), and each worker process loads the pipeline
once and reuses it for every partition it runs. The output is the flat span table of
`govtext.integrations.pandas.TABLE_COLUMNS` (doc_id, path, offsets, label, text,
section, the registry's attribute columns with exact values as strings and float
columns next to them, the document's date and year), typed by `arrow_schema()`; a
document without spans has no rows.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any, Sequence

from ..pipeline import Pipeline, default_pipeline
from .pandas import arrow_schema, table_frame, table_rows

DEFAULT_PATTERNS = ("*.txt",)

# One pipeline per worker process, keyed by its pickled configuration: tasks arrive
# with a fresh unpickled copy, and reusing the first copy keeps dictionaries loaded.
_PIPELINES: dict[str, Pipeline] = {}


def worker_pipeline(pipeline: Pipeline | None) -> Pipeline:
    """The pipeline to use in this process: loaded once, then reused."""
    if pipeline is None:
        return default_pipeline()
    try:
        data = pickle.dumps(pipeline)
    except (pickle.PicklingError, AttributeError, TypeError):
        import cloudpickle  # a pipeline class shipped by value (defined in a notebook)

        data = cloudpickle.dumps(pipeline)
    key = f"{type(pipeline).__qualname__}:{hashlib.sha256(data).hexdigest()}"
    return _PIPELINES.setdefault(key, pipeline)


def _read(path: Path) -> str:
    try:
        from ..text.reading import read
    except ImportError:
        try:
            return path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path}: cannot decode as UTF-8 at byte {exc.start}") from None
    return read(path)


def annotate_partition(paths: Any, pipeline: Pipeline | None = None) -> Any:
    """A pandas frame of paths (columns doc_id, path) -> the span table of those files.
    Runs on a worker."""
    nlp = worker_pipeline(pipeline)
    rows: list[dict[str, Any]] = []
    for doc_id, path in zip(paths["doc_id"], paths["path"]):
        doc = nlp(_read(Path(path)))
        rows.extend(table_rows(doc, str(doc_id), str(path)))
    return table_frame(rows)


def list_documents(folder: str | Path, patterns: Sequence[str] = DEFAULT_PATTERNS
                   ) -> list[tuple[str, str]]:
    """(doc_id, path) of every matching file under `folder`, sorted; doc_id is the
    path relative to the folder."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    found = sorted({p for pattern in patterns for p in root.rglob(pattern) if p.is_file()})
    return [(p.relative_to(root).as_posix(), str(p)) for p in found]


def annotate_folder_to_parquet(folder: str | Path, out_dir: str | Path, *,
                               client: Any = None, partition_size: int = 16,
                               patterns: Sequence[str] = DEFAULT_PATTERNS,
                               pipeline: Pipeline | None = None) -> Path:
    """Annotate every file matching `patterns` under `folder` and write the span table
    to the Parquet dataset `out_dir` (one part per partition of `partition_size`
    files). With `client` (a `distributed.Client`) the work runs on its cluster;
    without, on Dask's default scheduler. Returns `out_dir`."""
    import dask
    import dask.dataframe as dd
    import pandas as pd

    documents = list_documents(folder, patterns)
    if not documents:
        raise FileNotFoundError(f"{folder}: no files matching {', '.join(patterns)}")
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, got {partition_size}")
    paths = pd.DataFrame(documents, columns=["doc_id", "path"])
    npartitions = -(-len(paths) // partition_size)
    frame = dd.from_pandas(paths, npartitions=npartitions, sort=False)
    spans = frame.map_partitions(annotate_partition, pipeline, meta=table_frame([]),
                                 enforce_metadata=False)
    schema = arrow_schema()
    out = Path(out_dir)
    task = spans.to_parquet(str(out), write_index=False, schema=schema, compute=False)
    if client is not None:
        dask.compute(task, scheduler=client)
    else:
        dask.compute(task)
    return out


__all__ = ["annotate_folder_to_parquet", "annotate_partition", "list_documents",
           "worker_pipeline"]
