"""Mentions -> entities: canonical titles, aliases, types; cross-article merge."""
