"""casus.web."""
