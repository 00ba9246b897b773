"""casus.analysis."""
