"""The Oxigraph store, named queries, results, query workers and the SPARQL endpoint."""
