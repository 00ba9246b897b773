"""casus.scale: coding at corpus scale.

- ``workers``: code an article stream in-process or on N worker processes (``casus code --workers N``).
- ``checkpoint``: the ``checkpoints`` table, written with the articles, that makes runs resumable.
- ``cluster``: ``casus code --dask``: partitions coded on a Dask cluster, written as Parquet by day.
- ``prefilter``: the fast path that skips parsing articles which cannot hold an event (``--prefilter``).
- ``watch``: ``casus watch``: poll feeds and folders, code what is new, share the store with readers.
- ``progress``: progress bar (or log lines) with articles/s and an ETA.

See README.md here for running on a cluster.
"""
