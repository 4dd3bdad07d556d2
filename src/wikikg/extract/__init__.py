"""Extractors: pure functions from a ParsedArticle to Mentions and Statements."""
