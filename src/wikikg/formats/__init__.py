"""Output formats by extension: RDF syntaxes, GraphML/GEXF, FtM, QuickStatements, the view."""
