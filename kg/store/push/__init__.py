"""``kg push``: load the store's documents into any SPARQL 1.1 server shared with other stores.

Per document, two named graphs are sent (each in one request, or one SPARQL Update for both):
its facts ``<base>graph/<doc>`` and its share of the entity descriptions
``<base>kg-entities/<doc>``.  The server's merged ``<base>kg/entities`` graph is then recomputed,
for the entities this push touched, from *every* share on the server, so documents of other
stores keep their descriptions and an entity is described as one store holding all the server's
documents would describe it; the fact summaries ``<base>kg/facts`` are then recomputed from every
document graph on the server and replaced as a whole.  A bookkeeping graph records which source
(store) pushed which document, so ``--prune`` deletes only this source's removed documents.  See
``run`` for the order of steps, ``server`` for the layout on the server, ``transport`` for
redirects, time and size limits, ``target`` for credentials.

Two protocols carry the document graphs:

``gsp``
    SPARQL 1.1 Graph Store HTTP Protocol: ``PUT <graph-store>?graph=<g>`` with the graph as
    N-Triples (sent as ``text/turtle``, of which N-Triples is a subset).
``update``
    SPARQL 1.1 Update: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }`` posted as
    ``application/sparql-update``; the triples are written by pyoxigraph's N-Triples serialiser.

Reading the server and merging always use the query endpoint and SPARQL Update.
"""

from kg.errors import PushError
from kg.store.push.run import Pushed, PushReport, push
from kg.store.push.server import state_graph_iri
from kg.store.push.source import GraphData, PushData, PushDocument, data_from_file, data_from_store, default_source
from kg.store.push.target import PASSWORD_ENV, USER_ENV, Target, safe_url, target_from_env

__all__ = ["PushError", "Target", "target_from_env", "safe_url", "USER_ENV", "PASSWORD_ENV", "GraphData",
           "PushDocument", "PushData", "data_from_store", "data_from_file", "default_source", "Pushed",
           "PushReport", "push", "state_graph_iri"]
