"""Extractors: pure functions from a ParsedArticle to Statements, run in the order of registry.EXTRACTORS."""
