"""casus.nlp."""
