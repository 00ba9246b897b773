"""casus.extract."""
