"""Hand-built document results for corpus-resolution tests (no spaCy)."""

from __future__ import annotations

from kg.extract.mentions.records import family_of, make_key
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation


def ent(name: str, cls: str = "Person", *, key: str | None = None, aliases=(), mentions: int = 1,
        titles=(), wikidata: str | None = None) -> Entity:
    return Entity(key or make_key(family_of(cls), name), cls, name, set(aliases), mentions, set(),
                  wikidata, set(titles))


def doc(doc_id: str, *entities: Entity, facts=(), date: str | None = None) -> DocResult:
    """A document mentioning ``entities``; ``facts``: (subject name, property, object name)."""
    ents = []
    for e in entities:
        ents.append(Entity(e.key, e.cls, e.name, set(e.aliases), e.mentions, {doc_id}, e.wikidata, set(e.job_titles)))
    by_name = {e.name: e.key for e in ents}
    rels = [Relation(by_name[s], p, by_name[o], Evidence(doc_id, f"{s} {p} {o}.", 0, 10, "test", 0.9))
            for s, p, o in facts]
    return DocResult(Document(doc_id, " ".join(e.name for e in ents), date=date), ents, rels)


def graph(res, *results: DocResult) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for r in results:
        g.add(r)
    return g


def names_of(g: KnowledgeGraph) -> dict[str, str]:
    """Every name and alias -> the key of the entity that carries it."""
    out = {}
    for e in g.entities.values():
        for n in (e.name, *e.aliases):
            out[n] = e.key
    return out


# Context entities shared by texts about one person
LABOUR = ent("Labour Party", "Group", key="org/labour-party-uk")
TREASURY = ent("Treasury", "GovernmentBody")
BUDGET = ent("Budget", "Event")
UK = ent("United Kingdom", "Country", key="country/gbr", wikidata="Q145")
WHITE_HOUSE = ent("White House", "GovernmentBody")
IRAQ = ent("Iraq", "Country", key="country/irq")
LIB_DEMS = ent("Liberal Democrats", "Group", key="org/liberal-democrats-uk")
# Unrelated texts: in a corpus of a handful of texts every entity is "common"; these make it a corpus
FILLER = tuple(doc(f"filler{i}", ent(f"Filler Body {i}", "Organization")) for i in range(12))
