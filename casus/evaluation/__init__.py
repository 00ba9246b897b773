"""casus.evaluation."""
