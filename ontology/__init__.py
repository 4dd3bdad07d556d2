"""ontology/ ships inside the package as wikikg.kb.data (pyproject.toml); only wikikg.kb reads it."""
