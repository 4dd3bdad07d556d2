"""wikikg: Wikipedia articles -> a typed, dated, sourced knowledge graph in RDF."""

__all__ = ["Article", "BuildResult", "Citation", "DateValue", "Entity", "Evidence", "Mention",
           "ParsedArticle", "Problem", "Statement", "build", "extract_article"]
__version__ = "0.1.0"
_PIPELINE = ("BuildResult", "build", "extract_article")
_MODEL = tuple(n for n in __all__ if n not in _PIPELINE)  # the records of wikikg.model


def __getattr__(name: str):
    """The records and build, extract_article and BuildResult, imported on first use (so `import
    wikikg.cli` and a query stay light)."""
    if name in _PIPELINE:
        from wikikg.pipeline import stages

        return getattr(stages, name)
    if name in _MODEL:
        from wikikg import model

        return getattr(model, name)
    raise AttributeError(f"module 'wikikg' has no attribute {name!r}")
