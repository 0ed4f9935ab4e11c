"""The on-disk store: builds accumulate, documents are replaced or removed without stale facts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from rdflib import RDF, Namespace
from typer.testing import CliRunner

from kg.export.formats import serialize
from kg.export.rdf import DEFAULT_BASE, entity_iri
from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation
from kg.store.embedded import META, StoreError, export_store, store_documents
from kg.store.update import remove_documents, update_store

KG = Namespace("https://w3id.org/newskg/ontology#")
S1 = "Ruritania and Freedonia signed a pact, Minister Ana Lind said."
S2 = "Freedonia criticized Ruritania on Monday."
S3 = "Ruritania sanctioned Freedonia, said Lind."


def doc1(version: int = 1) -> DocResult:
    ents = [Entity("country/rur", "Country", "Ruritania", {"Ruritanian"} if version == 1 else {"Rurit."}, 2, {"d1"}, "Q1"),
            Entity("country/fre", "Country", "Freedonia", set(), 1, {"d1"}),
            Entity("person/ana-lind", "Person", "Ana Lind", {"Lind"}, 2, {"d1"}, job_titles={"Minister"})]
    rels = [Relation("person/ana-lind", "worksFor", "country/rur", Evidence("d1", S1, 0, len(S1), "role-title", 0.8))]
    if version == 1:
        rels.append(Relation("country/rur", "agreedWith", "country/fre", Evidence("d1", S1, 0, len(S1), "collective", 0.7)))
    else:
        rels.append(Relation("country/rur", "sanctions", "country/fre", Evidence("d1", S3, 0, len(S3), "verb-svo", 0.6)))
    return DocResult(Document("d1", S1 if version == 1 else S3, title=f"v{version}"), ents, rels)


def doc2() -> DocResult:
    ents = [Entity("country/rur", "Country", "Ruritania", {"Ruritanian Republic"}, 3, {"d2"}, "Q1"),
            Entity("country/fre", "Country", "Freedonia", set(), 1, {"d2"})]
    rels = [Relation("country/fre", "criticized", "country/rur", Evidence("d2", S2, 0, len(S2), "verb-svo", 0.9))]
    return DocResult(Document("d2", S2, title="Criticism"), ents, rels)


def model(res, *results: DocResult) -> KnowledgeGraph:
    g = KnowledgeGraph(symmetric=res.ontology.symmetric)
    for r in results:
        g.add(r)
    return g


def per_doc(*results: DocResult) -> dict[str, list[Entity]]:
    return {r.document.id: r.entities for r in results}


def load(path) -> rdflib.Graph:
    return rdflib.Graph().parse(data=export_store(path, "ntriples"), format="nt")


RUR = entity_iri(DEFAULT_BASE, "country/rur")
FRE = entity_iri(DEFAULT_BASE, "country/fre")
LIND = entity_iri(DEFAULT_BASE, "person/ana-lind")


def test_first_build_stores_exactly_what_the_model_serialises(res, tmp_path):
    g = model(res, doc1())
    report = update_store(tmp_path / "store", g, resources=res)
    assert report.added == ("d1",) and report.documents == 1 and report.entities_updated == 3
    for fmt in ("turtle", "trig", "jsonld"):
        assert export_store(tmp_path / "store", fmt) == serialize(g, fmt, resources=res)


def test_builds_accumulate_and_entities_merge(res, tmp_path):
    path = tmp_path / "store"
    update_store(path, model(res, doc1()), resources=res)
    report = update_store(path, model(res, doc2()), resources=res)
    assert report.added == ("d2",) and report.documents == 2
    assert store_documents(path) == ["d1", "d2"]
    # Same bytes as one build of both documents (mention counts summed, aliases merged).
    both = model(res, doc1(), doc2())
    assert export_store(path, "trig") == serialize(both, "trig", resources=res)
    g = load(path)
    assert g.value(RUR, KG.mentionCount).toPython() == 5
    assert {str(o) for o in g.objects(RUR, rdflib.SKOS.altLabel)} == {"Ruritanian", "Ruritanian Republic"}


def test_rebuilding_the_same_documents_changes_nothing(res, tmp_path):
    path = tmp_path / "store"
    g = model(res, doc1(), doc2())
    update_store(path, g, resources=res)
    before = export_store(path, "nquads")
    report = update_store(path, g, resources=res)
    assert report.unchanged == ("d1", "d2") and report.added == report.replaced == ()
    assert export_store(path, "nquads") == before


def test_a_changed_document_replaces_its_graph_without_stale_facts(res, tmp_path):
    path = tmp_path / "store"
    update_store(path, model(res, doc1(), doc2()), resources=res, doc_entities=per_doc(doc1(), doc2()))
    report = update_store(path, model(res, doc1(version=2)), resources=res, doc_entities=per_doc(doc1(version=2)))
    assert report.replaced == ("d1",) and report.added == ()
    g = load(path)
    assert (RUR, KG.agreedWith, FRE) not in g and (FRE, KG.agreedWith, RUR) not in g  # stale fact gone
    assert (RUR, KG.sanctions, FRE) in g
    assert len(list(g.subjects(RDF.predicate, KG.agreedWith))) == 0  # its provenance too
    assert len(list(g.subjects(RDF.predicate, KG.worksFor))) == 1  # no duplicate statement
    assert {str(o) for o in g.objects(RUR, rdflib.SKOS.altLabel)} == {"Rurit.", "Ruritanian Republic"}  # old alias gone
    assert [str(t) for t in g.objects(None, rdflib.namespace.DCTERMS.title)].count("v1") == 0
    # Identical to a fresh build of the current versions.
    assert export_store(path, "trig") == serialize(model(res, doc1(version=2), doc2()), "trig", resources=res)


def test_removing_a_document_recomputes_entities(res, tmp_path):
    path = tmp_path / "store"
    update_store(path, model(res, doc1(), doc2()), resources=res, doc_entities=per_doc(doc1(), doc2()))
    report = remove_documents(path, ["d1"])
    assert report.removed == ("d1",) and report.documents == 1
    g = load(path)
    assert (LIND, None, None) not in g  # mentioned only in d1
    assert g.value(RUR, KG.mentionCount).toPython() == 3  # d2's share only
    assert export_store(path, "trig") == serialize(model(res, doc2()), "trig", resources=res)
    remove_documents(path, ["d2"])
    assert export_store(path, "nquads") == b""


def test_mention_counts_without_per_document_entities_keep_the_total(res, tmp_path):
    path = tmp_path / "store"
    update_store(path, model(res, doc1(), doc2()), resources=res)  # no doc_entities: shares are split
    assert load(path).value(RUR, KG.mentionCount).toPython() == 5


def test_removing_an_unknown_document_is_a_clear_error(res, tmp_path):
    path = tmp_path / "store"
    update_store(path, model(res, doc1()), resources=res)
    with pytest.raises(StoreError, match=r"no document 'nope' in the store .*known ids: d1"):
        remove_documents(path, ["nope"])


def test_a_store_remembers_its_base(res, tmp_path):
    path = tmp_path / "store"
    update_store(path, model(res, doc1()), resources=res)
    with pytest.raises(StoreError, match="built with --base 'https://example.org/newskg/'"):
        update_store(path, model(res, doc2()), base="https://other.example/kg/", resources=res)


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match=r"no newskg store at .*kg build INPUT --out DIR"):
        export_store(tmp_path / "nothing", "turtle")


def test_an_interrupted_update_is_repaired_on_next_open(res, tmp_path):
    path = tmp_path / "store"
    update_store(path, model(res, doc1(), doc2()), resources=res, doc_entities=per_doc(doc1(), doc2()))
    good = export_store(path, "nquads")
    store = ox.Store(str(path))  # simulate a crash between the two transactions
    merged = ox.NamedNode(DEFAULT_BASE + "kg/entities")
    store.remove_graph(merged)
    store.add(ox.Quad(META, ox.NamedNode("urn:newskg:entitiesStale"),
                      ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")), META))
    del store
    report = update_store(path, model(res, doc2()), resources=res, doc_entities=per_doc(doc2()))
    assert report.unchanged == ("d2",)
    assert export_store(path, "nquads") == good


def test_cli_remove_and_export(res, tmp_path):
    from kg.cli import app

    path = tmp_path / "store"
    update_store(path, model(res, doc1(), doc2()), resources=res, doc_entities=per_doc(doc1(), doc2()))
    runner = CliRunner()
    done = runner.invoke(app, ["remove", "d2", "--store", str(path)])
    assert done.exit_code == 0, done.output
    assert "Removed 1 document(s)" in done.output and "1 document(s)" in done.output
    done = runner.invoke(app, ["export", "--store", str(path), "--format", "nquads", "-o", str(tmp_path / "all.nq")])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "all.nq").read_bytes() == serialize(model(res, doc1()), "nquads", resources=res)
    done = runner.invoke(app, ["remove", "d2", "--store", str(path)])
    assert done.exit_code == 1 and "Error: no document 'd2'" in done.output


def test_reported_quad_count_is_the_number_of_public_quads(res, tmp_path):
    # the document graphs' count is kept by every write (first build, added, replaced, removed,
    # a store written before the count was kept): always the real count
    from kg.store.embedded import open_store
    from kg.store.meta import _DOC_QUADS

    path = tmp_path / "store"
    for results in ((doc1(),), (doc2(),), (doc1(2),)):
        report = update_store(path, model(res, *results), resources=res)
        assert report.quads == len(export_store(path, "nquads").splitlines())
    report = remove_documents(path, ["d1"])
    assert report.quads == len(export_store(path, "nquads").splitlines())
    store = open_store(path)
    store.remove(next(iter(store.quads_for_pattern(META, _DOC_QUADS, None, META))))  # as an older newskg left it
    del store
    report = update_store(path, model(res, doc1()), resources=res)
    assert report.quads == len(export_store(path, "nquads").splitlines())


def test_an_interrupted_first_build_is_cleared_and_built_again(res, tmp_path):
    from kg.store.embedded import open_store
    from kg.store.meta import _FIRST_BUILD, _TRUE

    path = tmp_path / "store"
    update_store(path, model(res, doc1()), resources=res)
    store = open_store(path)
    # as if a first build of d2 had died half-way: its marker and part of its graphs are there
    store.remove_graph(next(g for g in store.named_graphs() if g.value.endswith("kg/entities")))
    store.extend([ox.Quad(META, _FIRST_BUILD, _TRUE, META)])
    store.flush()
    del store
    report = update_store(path, model(res, doc1(), doc2()), resources=res)
    assert report.added == ("d1", "d2")
    assert export_store(path, "trig") == serialize(model(res, doc1(), doc2()), "trig", resources=res)


def test_a_stale_entity_graph_is_repaired_for_readers(res, tmp_path):
    path = tmp_path / "store"
    update_store(path, model(res, doc1(), doc2()), resources=res, doc_entities=per_doc(doc1(), doc2()))
    good = export_store(path, "nquads")
    store = ox.Store(str(path))  # as an older newskg left it when killed between its transactions
    store.remove_graph(ox.NamedNode(DEFAULT_BASE + "kg/entities"))
    store.add(ox.Quad(META, ox.NamedNode("urn:newskg:entitiesStale"),
                      ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")), META))
    del store
    assert export_store(path, "nquads") == good


def test_a_large_store_is_written_from_its_view_with_the_same_triples(res, tmp_path, monkeypatch):
    """Above LARGE_TRIPLES, Turtle and N-Triples come from the store's view, written by pyoxigraph:
    the same triples as the model (N-Triples the same bytes), and the same bytes however many
    builds brought the documents."""
    import kg.store.embedded as embedded

    monkeypatch.setattr(embedded, "LARGE_TRIPLES", 5)
    both = model(res, doc1(), doc2())
    one, two = tmp_path / "one", tmp_path / "two"
    update_store(one, both, resources=res)
    update_store(two, model(res, doc2()), resources=res)
    update_store(two, model(res, doc1()), resources=res)
    assert export_store(one, "ntriples") == serialize(both, "ntriples", resources=res)
    ttl = export_store(one, "turtle")
    expected = rdflib.Graph().parse(data=serialize(both, "turtle", resources=res), format="turtle")
    assert rdflib.compare.isomorphic(rdflib.Graph().parse(data=ttl, format="turtle"), expected)
    assert ttl.startswith(b"@prefix") and export_store(two, "turtle") == ttl
