"""Corpus resolution in the store: documents added over several builds give the same entities and
IRIs as one build of all of them (kg.store.entities)."""

from __future__ import annotations

import rdflib
from corpus_helpers import FILLER, LABOUR, doc, ent, graph
from rdflib import OWL, Literal
from typer.testing import CliRunner

from kg.export.rdf import DEFAULT_BASE, entity_iri
from kg.extract.resolve.corpus import resolve_across_documents
from kg.store.embedded import export_store
from kg.store.update import remove_documents, update_store
from kg.vocab import KG

NO10 = ent("Downing Street", "GovernmentBody")
DOCS = [
    doc("d1", ent("Blair", titles={"prime minister"}), LABOUR, NO10),
    doc("d2", ent("Vincent Cable", "Organization")),
    doc("d3", ent("UKIP", "Organization")),
    doc("d4", ent("Tony Blair", titles={"prime minister"}), LABOUR, NO10),
    doc("d5", ent("Vince Cable")),
    doc("d6", ent("UK Independence Party", "Group")),
]


def build_into(path, res, results) -> None:
    g = graph(res, *results)
    resolve_across_documents(g, res)  # what merge_results does at the end of a build
    update_store(path, g, resources=res)


def test_three_builds_give_the_store_of_one_build(res, tmp_path):
    once, thrice = tmp_path / "once", tmp_path / "thrice"
    build_into(once, res, DOCS)
    for part in (DOCS[:2], DOCS[2:4], DOCS[4:]):
        build_into(thrice, res, part)
    assert export_store(thrice, "nquads") == export_store(once, "nquads")
    g = rdflib.Graph().parse(data=export_store(thrice, "ntriples"), format="nt")
    blair, tony = entity_iri(DEFAULT_BASE, "person/blair"), entity_iri(DEFAULT_BASE, "person/tony-blair")
    assert (blair, OWL.sameAs, tony) in g and (blair, KG.mergeRule, Literal("person-office")) in g
    # (the office-holder table knows one Prime Minister Blair: the undated title decides before the co-mentions)
    assert g.value(tony, rdflib.RDFS.label) == Literal("Tony Blair")
    assert Literal("Blair") in set(g.objects(tony, rdflib.SKOS.altLabel))


def test_a_later_build_rewrites_the_stored_document_a_merge_reaches(res, tmp_path):
    path = tmp_path / "store"
    build_into(path, res, [DOCS[0], *FILLER])
    first = rdflib.Graph().parse(data=export_store(path, "ntriples"), format="nt")
    blair = entity_iri(DEFAULT_BASE, "person/blair")
    assert (blair, rdflib.RDFS.label, Literal("Blair")) in first
    report_g = graph(res, DOCS[3])
    resolve_across_documents(report_g, res)
    report = update_store(path, report_g, resources=res)
    assert report.added == ("d4",) and report.rewritten == ("d1",) and report.replaced == ()  # d1 now names Tony Blair
    # not "replaced" (the CLI warns about those: another version of a document under the same id)
    assert "0 replaced, 1 rewritten (entities resolved with the new documents)" in report.summary()
    g = rdflib.Graph().parse(data=export_store(path, "ntriples"), format="nt")
    assert (blair, rdflib.RDFS.label, None) not in g and (blair, OWL.sameAs, None) in g


def test_rebuilding_the_same_documents_changes_nothing(res, tmp_path):
    path = tmp_path / "store"
    build_into(path, res, DOCS)
    before = export_store(path, "nquads")
    g = graph(res, *DOCS)
    resolve_across_documents(g, res)
    report = update_store(path, g, resources=res)
    assert report.replaced == () and len(report.unchanged) == len(DOCS)
    assert export_store(path, "nquads") == before


def test_removing_the_full_name_splits_again_on_the_next_build(res, tmp_path):
    path = tmp_path / "store"
    build_into(path, res, DOCS)
    remove_documents(path, ["d4"])
    build_into(path, res, DOCS[4:5])  # any later build re-resolves what the store holds
    alone = tmp_path / "alone"
    build_into(alone, res, [d for d in DOCS if d.document.id != "d4"])
    assert export_store(path, "nquads") == export_store(alone, "nquads")


def test_three_cli_builds_equal_one(tmp_path):
    from kg.cli import app

    texts = {  # the full forms come last: builds 1 and 2 are rewritten by build 3
        "a1.txt": "Iraqi leader Iyad Allawi spoke in Baghdad on Monday.",
        "a2.txt": "Vince Cable, the Liberal Democrat, criticised the plan.",
        "a3.txt": "Prime Minister Eyad Allawi met Vincent Cable in London.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    for name in texts:
        r = runner.invoke(app, ["build", str(tmp_path / name), "--out", str(tmp_path / "inc"), "--no-html"])
        assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["build", *(str(tmp_path / n) for n in texts), "--out", str(tmp_path / "one"), "--no-html"])
    assert r.exit_code == 0, r.output
    assert export_store(tmp_path / "inc" / "store", "nquads") == export_store(tmp_path / "one" / "store", "nquads")
    assert (tmp_path / "inc" / "graph.ttl").read_bytes() == (tmp_path / "one" / "graph.ttl").read_bytes()
    g = rdflib.Graph().parse(tmp_path / "inc" / "graph.ttl")
    iyad = entity_iri(DEFAULT_BASE, "person/iyad-allawi")  # build 1's IRI, now the same as build 3's
    assert g.value(iyad, OWL.sameAs) == entity_iri(DEFAULT_BASE, "person/eyad-allawi")
