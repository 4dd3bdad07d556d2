"""The knowledge base: the only reader of ontology/ (classes, properties, rules, mappings)."""
