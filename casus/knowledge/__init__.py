"""casus.knowledge."""
