"""Outputs of a graph: RDF (every format), NetworkX/GraphML, the HTML page, and writing them."""
