"""casus: political event data from news text.

Data flow: ``casus.ingest`` (files → Article) → ``casus.nlp`` (parse) → ``casus.extract``
(actors, times, places, events, quotes, agreements) → ``casus.store`` (DuckDB) →
``casus.analysis`` → ``casus.web``. Records live in ``casus.records``.
"""
__version__ = "0.1.0"
