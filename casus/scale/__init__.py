"""casus.scale."""
