"""casus.store."""
