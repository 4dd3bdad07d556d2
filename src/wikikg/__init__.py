"""wikikg: Wikipedia articles -> a typed, dated, sourced knowledge graph in RDF."""
from wikikg.model import Article, Citation, DateValue, Entity, Evidence, Mention, ParsedArticle, Statement
from wikikg.pipeline.stages import BuildResult, build, extract_article

__all__ = ["Article", "BuildResult", "Citation", "DateValue", "Entity", "Evidence", "Mention",
           "ParsedArticle", "Statement", "build", "extract_article"]
__version__ = "0.1.0"
