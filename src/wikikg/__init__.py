"""wikikg: Wikipedia articles -> a typed, dated, sourced knowledge graph in RDF."""
from wikikg.model import Article, Citation, DateValue, Entity, Evidence, Mention, ParsedArticle, Problem, Statement

__all__ = ["Article", "BuildResult", "Citation", "DateValue", "Entity", "Evidence", "Mention",
           "ParsedArticle", "Problem", "Statement", "build", "extract_article"]
__version__ = "0.1.0"
_PIPELINE = ("BuildResult", "build", "extract_article")


def __getattr__(name: str):
    """build, extract_article and BuildResult, imported on first use (so `import wikikg.cli` stays light)."""
    if name in _PIPELINE:
        from wikikg.pipeline import stages

        return getattr(stages, name)
    raise AttributeError(f"module 'wikikg' has no attribute {name!r}")
