"""The graph once built: the embedded store, SPARQL queries, the endpoint, push, SHACL validation."""
