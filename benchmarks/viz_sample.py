"""Graphs for demos, tests and benchmarks of the HTML page.

:func:`sample_graph` is a small, hand-written news graph about invented people, countries and
organisations (no real events).  :func:`synthetic_graph` is a large seeded random graph with the
same shape of data, for scale tests.
"""

from __future__ import annotations

import random

from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation

__all__ = ["SYMMETRIC", "sample_graph", "synthetic_graph"]

SYMMETRIC = ("agreedWith", "allyOf", "disputesWith", "metWith")

_DOCS = (
    Document("d1", "", "Veloria and Ostmark sign border accord", "2031-03-02", "https://news.example.org/accord", "Example Wire"),
    Document("d2", "", "Ostmark minister criticises port deal", "2031-03-05", None, "Daily Example"),
    Document("d3", "", "Coastal Guard expands drone programme", "2031-03-09", "https://news.example.org/drones", "Example Wire"),
)

# key, class, name, aliases, mentions, docs, wikidata, job titles
_ENTITIES = (
    ("person/anna keller", "Person", "Anna Keller", {"President Keller", "A. Keller"}, 9, {"d1", "d2"}, None, {"President"}),
    ("person/tomas brandt", "Person", "Tomas Brandt", {"Brandt"}, 6, {"d1", "d2"}, None, {"Prime Minister"}),
    ("person/lena ortiz", "Person", "Lena Ortiz", {"Ortiz"}, 4, {"d2"}, None, {"Trade Minister"}),
    ("person/marek vos", "Person", "Marek Vos", {"General Vos"}, 3, {"d3"}, None, {"Commander"}),
    ("person/ida narvik", "Person", "Ida Narvik", set(), 2, {"d3"}, None, {"Spokesperson"}),
    ("country/vel", "Country", "Veloria", {"Republic of Veloria"}, 12, {"d1", "d2", "d3"}, "Q90000001", set()),
    ("country/ost", "Country", "Ostmark", {"Kingdom of Ostmark"}, 10, {"d1", "d2"}, "Q90000002", set()),
    ("country/sal", "Country", "Salvara", set(), 3, {"d2"}, None, set()),
    ("city/port renn", "City", "Port Renn", set(), 4, {"d2"}, None, set()),
    ("city/halden", "City", "Halden", set(), 2, {"d1"}, None, set()),
    ("governmentbody/velorian parliament", "GovernmentBody", "Velorian Parliament", {"the parliament"}, 3, {"d1"}, None, set()),
    ("governmentbody/ostmark trade ministry", "GovernmentBody", "Ostmark Trade Ministry", set(), 2, {"d2"}, None, set()),
    ("organization/northsea shipping", "Organization", "Northsea Shipping", {"NSS"}, 5, {"d2"}, None, set()),
    ("organization/coastal trade union", "Organization", "Coastal Trade Union", {"CTU"}, 2, {"d2"}, None, set()),
    ("militaryunit/coastal guard", "MilitaryUnit", "Coastal Guard", {"the Guard"}, 5, {"d3"}, None, set()),
    ("group/harbour front", "Group", "Harbour Front", set(), 2, {"d2"}, None, set()),
    ("weaponsystem/kestrel drone", "WeaponSystem", "Kestrel drone", {"Kestrel"}, 4, {"d3"}, None, set()),
    ("product/tidewatch radar", "Product", "Tidewatch radar", set(), 2, {"d3"}, None, set()),
    ("event/halden summit", "Event", "Halden Summit", set(), 3, {"d1"}, None, set()),
    ("law/border accord", "Law", "Border Accord", {"the accord"}, 4, {"d1"}, None, set()),
)

_S1 = "President Anna Keller of Veloria met Prime Minister Tomas Brandt of Ostmark at the Halden Summit."
_S2 = "Veloria and Ostmark agreed on the Border Accord, which the Velorian Parliament must ratify."
_S3 = "Keller said the two countries were close allies."
_S4 = "Trade Minister Lena Ortiz criticised the port deal between Northsea Shipping and Salvara."
_S5 = "Northsea Shipping may move its headquarters to Port Renn, a union official said."
_S6 = "Ortiz denied that Ostmark sanctions Salvara."
_S7 = "General Marek Vos, who leads the Coastal Guard, said the Guard develops the Kestrel drone."
_S8 = "The Coastal Guard launched a Tidewatch radar test off Port Renn, spokesperson Ida Narvik said."
_S9 = "The Harbour Front group threatened Northsea Shipping over the port deal."

# subject, property, object, doc, sentence, rule, confidence, modality
_FACTS = (
    ("person/anna keller", "metWith", "person/tomas brandt", "d1", _S1, "dep:met_with", 0.9, "asserted"),
    ("person/anna keller", "leaderOf", "country/vel", "d1", _S1, "appos:title_of", 0.85, "asserted"),
    ("person/tomas brandt", "leaderOf", "country/ost", "d1", _S1, "appos:title_of", 0.85, "asserted"),
    ("event/halden summit", "locatedIn", "city/halden", "d1", _S1, "gazetteer:event_place", 0.7, "asserted"),
    ("city/halden", "locatedIn", "country/vel", "d1", _S1, "gazetteer:city_country", 0.95, "asserted"),
    ("country/vel", "agreedWith", "country/ost", "d1", _S2, "dep:agree_on", 0.8, "asserted"),
    ("governmentbody/velorian parliament", "partOf", "country/vel", "d1", _S2, "name:demonym", 0.75, "asserted"),
    ("country/vel", "allyOf", "country/ost", "d1", _S3, "dep:ally", 0.6, "hedged"),
    ("person/lena ortiz", "worksFor", "governmentbody/ostmark trade ministry", "d2", _S4, "appos:title_of", 0.8, "asserted"),
    ("person/lena ortiz", "criticized", "organization/northsea shipping", "d2", _S4, "dep:criticize", 0.75, "asserted"),
    ("person/lena ortiz", "criticized", "country/sal", "d2", _S4, "dep:criticize", 0.7, "asserted"),
    ("organization/northsea shipping", "basedIn", "city/port renn", "d2", _S5, "dep:based_in", 0.55, "hedged"),
    ("city/port renn", "locatedIn", "country/ost", "d2", _S5, "gazetteer:city_country", 0.95, "asserted"),
    ("country/ost", "sanctions", "country/sal", "d2", _S6, "dep:sanction", 0.7, "negated"),
    ("governmentbody/ostmark trade ministry", "partOf", "country/ost", "d2", _S4, "name:demonym", 0.75, "asserted"),
    ("organization/coastal trade union", "opposes", "organization/northsea shipping", "d2", _S5, "dep:oppose", 0.5, "hedged"),
    ("group/harbour front", "threatened", "organization/northsea shipping", "d2", _S9, "dep:threaten", 0.8, "asserted"),
    ("person/marek vos", "leaderOf", "militaryunit/coastal guard", "d3", _S7, "dep:lead", 0.85, "asserted"),
    ("militaryunit/coastal guard", "develops", "weaponsystem/kestrel drone", "d3", _S7, "dep:develop", 0.8, "asserted"),
    ("militaryunit/coastal guard", "partOf", "country/vel", "d3", _S7, "name:demonym", 0.6, "asserted"),
    ("militaryunit/coastal guard", "launched", "product/tidewatch radar", "d3", _S8, "dep:launch", 0.75, "asserted"),
    ("person/ida narvik", "worksFor", "militaryunit/coastal guard", "d3", _S8, "appos:title_of", 0.8, "asserted"),
    ("militaryunit/coastal guard", "visited", "city/port renn", "d3", _S8, "prep:off", 0.4, "hedged"),
)


def sample_graph() -> KnowledgeGraph:
    """A small invented news graph: 3 documents, 20 entities, 23 facts of every modality."""
    graph = KnowledgeGraph(symmetric=SYMMETRIC)
    for doc in _DOCS:
        ents = [
            Entity(k, c, n, set(a), m, {doc.id}, w, set(j))
            for k, c, n, a, m, ds, w, j in _ENTITIES
            if doc.id in ds
        ]
        rels = [
            Relation(s, p, o, Evidence(d, sent, 0, len(sent), rule, conf, mod))
            for s, p, o, d, sent, rule, conf, mod in _FACTS
            if d == doc.id
        ]
        graph.add(DocResult(doc, ents, rels))
    # mentions were split over documents above; restore the totals of the table
    for k, _c, _n, _a, m, *_rest in _ENTITIES:
        graph.entities[k].mentions = m
    return graph


_CLASSES = ("Person", "Organization", "GovernmentBody", "MilitaryUnit", "Group", "Country", "City",
            "Product", "WeaponSystem", "Event", "Law")
_PROPERTIES = ("worksFor", "leaderOf", "memberOf", "livesIn", "basedIn", "locatedIn", "metWith",
               "visited", "agreedWith", "allyOf", "disputesWith", "criticized", "opposes", "supports",
               "attacked", "sanctions", "announced", "launched", "develops", "partOf")
_SYLLABLES = ("ka", "lo", "ve", "ri", "sta", "mon", "dar", "eli", "nor", "tu", "bas", "qui", "zen", "pa", "rho")


def _name(rng: random.Random) -> str:
    parts = [rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))]
    return ("".join(parts)).capitalize() + " " + "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()


def synthetic_graph(
    *, nodes: int = 5000, edges: int = 20000, docs: int = 500, seed: int = 13, linked: float = 1.0
) -> KnowledgeGraph:
    """A seeded random graph of ``nodes`` entities and about ``edges`` facts (preferential attachment).

    Only the first ``linked`` share of the entities take part in facts; the others are mentioned
    and nothing is read about them, as most entities of a news corpus (``linked=0.3`` is close to
    a build of BBC articles, where 554 of 2,192 entities have a fact)."""
    rng = random.Random(seed)
    graph = KnowledgeGraph(symmetric=SYMMETRIC)
    for d in range(docs):
        doc_id = f"doc{d:05d}"
        graph.documents[doc_id] = Document(doc_id, "", f"Synthetic report {d}", f"2030-{1 + d % 12:02d}-{1 + d % 28:02d}",
                                           f"https://news.example.org/{d}" if d % 2 else None, "Synthetic")
    keys: list[str] = []
    for i in range(nodes):
        cls = _CLASSES[rng.randrange(len(_CLASSES))]
        name = f"{_name(rng)} {i}"
        key = f"{cls.lower()}/{name.lower()}"
        doc_ids = {f"doc{rng.randrange(docs):05d}" for _ in range(rng.randint(1, 3))}
        graph.entities[key] = Entity(key, cls, name, {name.split()[0]}, rng.randint(1, 30), doc_ids,
                                     f"Q{100000 + i}" if i % 5 == 0 else None, set())
        keys.append(key)
    keys = keys[:max(2, int(len(keys) * linked))]
    targets = list(keys)  # grows with chosen endpoints: preferential attachment
    attempts = 0
    while len(graph.facts) < edges and attempts < edges * 5:
        attempts += 1
        s = keys[rng.randrange(len(keys))]
        o = targets[rng.randrange(len(targets))]
        if s == o:
            continue
        p = _PROPERTIES[rng.randrange(len(_PROPERTIES))]
        doc_id = f"doc{rng.randrange(docs):05d}"
        r = rng.random()
        modality = "asserted" if r < 0.85 else ("hedged" if r < 0.95 else "negated")
        sentence = f"{graph.entities[s].name} {p} {graph.entities[o].name}, the synthetic report said."
        graph.add_relation(Relation(s, p, o, Evidence(doc_id, sentence, 0, len(sentence), "synthetic",
                                                      round(rng.uniform(0.3, 0.95), 2), modality)))
        targets.append(o)
    return graph
