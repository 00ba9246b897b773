"""casus.ingest."""
