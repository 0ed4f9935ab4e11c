"""Tests for the gold format, the scorer (kg.eval.score) and the CoNLL04 loader (kg.eval.conll04)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib

from kg.eval.conll04 import CONLL04_PROPERTIES, detokenize, evaluate_conll04, load_conll04
from kg.eval.corpora import clean_agnews_text, default_data_dir, load_gold_documents
from kg.eval.gold import GoldError, ambiguous_names, gold_from_dict, load_gold
from kg.eval.names import normalise
from kg.eval.score import evaluate
from kg.eval.terms import relation_properties, symmetric_properties
from kg.vocab import KG_NS

REPO = Path(__file__).resolve().parents[2]
FIX = REPO / "tests" / "fixtures" / "eval"
GOLD = REPO / "tests" / "gold"
DATA = default_data_dir(REPO)
needs_data = pytest.mark.skipif(not (DATA / "news").is_dir(), reason=f"shared data not found at {DATA}")


def graph(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(FIX / name, format="turtle")


def facts(lines) -> set[tuple[str, str, str, str | None]]:
    return {(f.subject, f.property, f.object, f.doc) for f in lines}


# -- normalisation and cleaning ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [("U.S.", "US"), ("the United States", "United States"), ("Schröder", "Schroder"),
     ("Aynsley-Green", "Aynsley Green"), ("St. James's Palace", "St James's Palace"), ("  AT&T ", "AT T")],
)
def test_normalise_equates_surface_variants(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_normalise_keeps_distinct_names_apart() -> None:
    assert normalise("US") != normalise("USA")
    assert normalise("Theresa May") == "theresa may"  # only a separate leading "the" is dropped


def test_clean_agnews_text_undoes_csv_escapes() -> None:
    raw = r"Putin faults Georgia on  #39;90s tactics: the  quot;foolish quot; move by AT amp;T \$10 for\the  #36;5 Dell Inc. &lt;DELL.O&gt; said"
    assert clean_agnews_text(raw) == "Putin faults Georgia on '90s tactics: the \"foolish\" move by AT&T $10 for the $5 Dell Inc. said"
    assert clean_agnews_text("Bomb found near Berlusconi #39;s villa") == "Bomb found near Berlusconi's villa"


# -- ontology ---------------------------------------------------------------------------------


def test_relation_and_symmetric_properties_come_from_the_ontology() -> None:
    rels = relation_properties()
    assert {"worksFor", "leaderOf", "metWith", "suppliesArmsTo", "elected"} <= rels
    assert "relation" not in rels and "fromDocument" not in rels and "sentence" not in rels
    assert symmetric_properties() == {"metWith", "agreedWith", "allyOf", "disputesWith"}


# -- scoring: the small fixture -----------------------------------------------------------------


@pytest.fixture(scope="module")
def small_report():
    return evaluate(graph("pred_small.ttl"), load_gold(FIX / "gold_small.json"))


def test_small_micro_and_macro_scores(small_report) -> None:
    r = small_report
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (3, 2, 2)
    assert r.micro.precision == pytest.approx(0.6)
    assert r.micro.recall == pytest.approx(0.6)
    assert r.micro.f1 == pytest.approx(0.6)
    # six properties with gold or predictions: allyOf, basedIn, leaderOf = 1; metWith, sanctions, worksFor = 0
    assert set(r.per_property) == {"allyOf", "basedIn", "leaderOf", "metWith", "sanctions", "worksFor"}
    assert r.macro_f1 == pytest.approx(0.5)
    assert r.macro_precision == pytest.approx(0.5)
    assert r.macro_recall == pytest.approx(0.5)


def test_small_per_property_counts(small_report) -> None:
    got = {p: (v.tp, v.fp, v.fn) for p, v in small_report.per_property.items()}
    assert got == {
        "allyOf": (1, 0, 0), "basedIn": (1, 0, 0), "leaderOf": (1, 0, 0),
        "metWith": (0, 1, 1), "sanctions": (0, 1, 0), "worksFor": (0, 0, 1),
    }


def test_symmetric_fact_matches_in_reverse_and_counts_once(small_report) -> None:
    # the graph has Japan allyOf US and US allyOf Japan; gold has usa allyOf jpn
    assert small_report.per_property["allyOf"].tp == 1
    assert small_report.per_property["allyOf"].fp == 0
    assert ("United States", "allyOf", "Japan", "d1") in facts(small_report.correct)


def test_optional_and_implied_predictions_are_ignored(small_report) -> None:
    assert small_report.ignored_optional == 1  # Roe visited Tokyo
    assert small_report.ignored_implied == 1  # Roe worksFor Freedonia, implied by gold leaderOf
    assert "visited" not in small_report.per_property


def test_hedged_statement_without_triple_is_not_a_prediction(small_report) -> None:
    assert "attacked" not in small_report.per_property
    assert small_report.predicted_facts == 8


def test_missed_and_wrong_lists_carry_evidence(small_report) -> None:
    assert facts(small_report.missed) == {
        ("Jane Roe", "metWith", "John Doe", "d1"), ("John Doe", "worksFor", "Acme Corp", "d2"),
    }
    wrong = {(f.subject, f.property, f.object): f for f in small_report.wrong}
    assert set(wrong) == {("Jane Roe", "metWith", "Max Mustermann"), ("US", "sanctions", "Japan")}
    assert wrong[("US", "sanctions", "Japan")].evidence == "The U.S. and Japan are allies."
    assert wrong[("US", "sanctions", "Japan")].confidence == pytest.approx(0.4)
    assert wrong[("Jane Roe", "metWith", "Max Mustermann")].gold_object == ()
    missed = {(f.subject, f.property): f for f in small_report.missed}
    assert missed[("John Doe", "worksFor")].evidence == "John Doe works for Acme Corp"


def test_entities_duplicates_and_false_merges(small_report) -> None:
    r = small_report
    assert (r.entity_found, r.entity_total) == (7, 8)  # Bloggs Ltd is not in the graph
    assert r.entity_recall == pytest.approx(7 / 8)
    assert {(d.gold_id, d.nodes) for d in r.duplicates} == {
        ("doe", ("Doe", "John Doe")), ("roe", ("Jane Roe", "Roe")),
    }
    assert [(m.label, m.gold_ids) for m in r.false_merges] == [("Doe", ("acme", "doe"))]
    # Freedonia is typed Place (a super-class of the gold Country); Roe has no type but Jane Roe does
    assert r.entity_type_agree == 6


def test_canonical_name_wins_over_metonymic_alias(small_report) -> None:
    # "Tokyo" is an alias of Japan and the name of the city: the node "Tokyo" is the city,
    # so it is neither a false merge nor a duplicate of Japan
    assert all("tokyo" not in m.gold_ids for m in small_report.false_merges)
    assert all(d.gold_id != "jpn" for d in small_report.duplicates)


def test_report_text_and_dict(small_report) -> None:
    text = small_report.to_text()
    assert "matching used: a predicted node" in text
    assert "'U.K.' == 'UK'" in text
    assert re.search(r"^micro\s+5\s+5\s+3\s+2\s+2\s+0\.600\s+0\.600\s+0\.600$", text, re.M)
    data = json.loads(json.dumps(small_report.to_dict()))
    assert data["micro"] == {"tp": 3, "fp": 2, "fn": 2, "gold": 5, "predicted": 5,
                             "precision": 0.6, "recall": 0.6, "f1": 0.6}
    assert data["mode"] == "global"
    assert data["entities"]["false_merges"] == [
        {"node": "https://example.org/kg/entity/mixed", "label": "Doe", "gold": ["acme", "doe"]}
    ]


def test_properties_filter_restricts_both_sides() -> None:
    r = evaluate(graph("pred_small.ttl"), load_gold(FIX / "gold_small.json"), properties={"allyOf", "metWith"})
    assert set(r.per_property) == {"allyOf", "metWith"}
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (1, 1, 1)
    assert r.ignored_unscored == 5  # leaderOf, basedIn, worksFor, visited, sanctions
    assert "properties scored: allyOf, metWith" in r.to_text()
    with pytest.raises(ValueError, match="not relation properties"):
        evaluate(rdflib.Graph(), load_gold(FIX / "gold_small.json"), properties={"friendOf"})


def test_empty_prediction_has_zero_precision_and_full_misses() -> None:
    r = evaluate(rdflib.Graph(), load_gold(FIX / "gold_small.json"))
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (0, 0, 5)
    assert r.micro.f1 == 0.0 and r.entity_found == 0


# -- per-document mode ----------------------------------------------------------------------


def test_per_document_mode_keys_facts_by_statement_document() -> None:
    gold = load_gold(FIX / "gold_per_doc.json")
    r = evaluate(graph("pred_per_doc.ttl"), gold, per_document=True, properties={"worksFor"})
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (1, 2, 1)
    assert facts(r.correct) == {("Smith", "worksFor", "Globex", "s2")}
    assert facts(r.wrong) == {("Smith", "worksFor", "Acme", "s2"), ("Smith", "worksFor", "Globex", "s1")}
    assert r.ignored_unscored == 1
    assert r.false_merges == ()  # the two Smiths live in different documents
    assert "mode: per-document" in r.to_text()


def test_global_mode_on_the_same_data_ignores_documents() -> None:
    r = evaluate(graph("pred_per_doc.ttl"), load_gold(FIX / "gold_per_doc.json"))
    assert r.per_property["worksFor"].tp == 2 and r.per_property["worksFor"].fp == 0
    # one node for the two texts' Smiths: the per-document gold cannot say whether that is one person
    assert r.false_merges == ()
    assert [m.gold_ids for m in r.cross_document] == [("s1:smith", "s2:smith")]
    assert "nodes joining gold entities of several documents: 1 (not judged" in r.to_text()
    assert r.to_dict()["entities"]["cross_document_joins"][0]["gold"] == ["s1:smith", "s2:smith"]


def test_canonical_name_preference_stays_inside_one_document() -> None:
    # one node "Republican Party": text p1 calls the party "Republican Party", text p2 only
    # "Republican"; the node matches both texts' entities, so p2's fact is found
    gold = gold_from_dict({
        "name": "parties", "description": "one party named two ways in two texts",
        "documents": [{"id": "p1", "source": {"text": "Jo Roe joined the Republican Party."}},
                      {"id": "p2", "source": {"text": "Republican Sen. Al Doe spoke."}}],
        "entities": [
            {"id": "p1:roe", "name": "Jo Roe", "type": "Person", "doc": "p1"},
            {"id": "p1:gop", "name": "Republican Party", "type": "Group", "doc": "p1"},
            {"id": "p2:doe", "name": "Al Doe", "type": "Person", "doc": "p2"},
            {"id": "p2:gop", "name": "Republican", "aliases": ["GOP"], "type": "Group", "doc": "p2"}],
        "relations": [
            {"subject": "p1:roe", "property": "memberOf", "object": "p1:gop", "doc": "p1", "evidence": "joined"},
            {"subject": "p2:doe", "property": "memberOf", "object": "p2:gop", "doc": "p2", "evidence": "Sen."}],
        "optional": []})
    ex, kg = rdflib.Namespace("https://example.org/x/"), rdflib.Namespace(KG_NS)
    g = rdflib.Graph()
    for node, label in (("roe", "Jo Roe"), ("doe", "Al Doe"), ("gop", "Republican Party")):
        g.add((ex[node], rdflib.RDFS.label, rdflib.Literal(label)))
    g.add((ex.gop, rdflib.SKOS.altLabel, rdflib.Literal("Republican")))
    g.add((ex.roe, kg.memberOf, ex.gop))
    g.add((ex.doe, kg.memberOf, ex.gop))
    r = evaluate(g, gold, properties={"memberOf"})
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (2, 0, 0)


# -- gold validation ------------------------------------------------------------------------


def _gold(**over):
    data = json.loads((FIX / "gold_small.json").read_text())
    data.update(over)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"relations": [{"subject": "usa", "property": "friendOf", "object": "jpn", "doc": "d1"}]}, "not a relation property"),
        ({"relations": [{"subject": "usa", "property": "allyOf", "object": "nowhere", "doc": "d1"}]}, "object 'nowhere' is not an entity id"),
        ({"relations": [{"subject": "usa", "property": "allyOf", "object": "jpn", "doc": "d9"}]}, "doc 'd9' is not listed"),
        ({"entities": [{"id": "x", "name": "X", "type": "Planet"}]}, "not a class of the ontology"),
        ({"documents": [{"id": "d1", "source": {"url": "http://x"}}]}, "source needs"),
    ],
)
def test_gold_validation_errors_say_what_is_wrong(change, message) -> None:
    with pytest.raises(GoldError, match=message):
        gold_from_dict(_gold(**change))


def test_inline_documents_resolve() -> None:
    docs = load_gold_documents(load_gold(FIX / "gold_small.json"))
    assert [d.id for d in docs] == ["d1", "d2"]
    assert docs[1].text.startswith("John Doe works for Acme Corp")


# -- the real gold sets -------------------------------------------------------------------------

ACCEPTANCE = [
    ("Japan", "allyOf", "United States"), ("United States", "deters", "China"), ("Japan", "deters", "China"),
    ("Pete Hegseth", "announced", "US Forces Japan"), ("Pete Hegseth", "metWith", "Gen Nakatani"),
    ("Pete Hegseth", "visited", "Japan"), ("Pete Hegseth", "visited", "Philippines"),
    ("Pete Hegseth", "worksFor", "United States"), ("Gen Nakatani", "worksFor", "Japan"),
    ("Donald Trump", "leaderOf", "United States"), ("United States", "agreedWith", "Japan"),
    ("United States", "develops", "AMRAAM"), ("Japan", "develops", "AMRAAM"),
    ("Japan", "launched", "Japan Joint Operations Command"), ("US Forces Japan", "locatedIn", "Japan"),
    ("China", "claims", "Taiwan"), ("United States", "suppliesArmsTo", "Taiwan"),
    ("Donald Trump", "threatened", "Japan"), ("Philippines", "disputesWith", "China"),
]


def test_seed_gold_contains_the_acceptance_list() -> None:
    gold = load_gold(GOLD / "seed.json")
    name = {e.id: e.name for e in gold.entities}
    symmetric = symmetric_properties()
    have = set()
    for f in gold.relations:
        have.add((name[f.subject], f.property, name[f.object]))
        if f.property in symmetric:
            have.add((name[f.object], f.property, name[f.subject]))
    missing = [fact for fact in ACCEPTANCE if fact not in have]
    assert missing == []
    aliases = {normalise(a) for e in gold.entities if e.name == "AMRAAM" for a in e.names()}
    assert {normalise("Advanced Medium-Range Air to Air Missiles"), "mraam"} <= aliases
    assert "jjoc" in {normalise(a) for e in gold.entities if e.id == "jjoc" for a in e.names()}


@pytest.mark.parametrize(("name", "min_docs", "min_relations"), [("seed", 1, 19), ("dev", 16, 60)])
def test_gold_sets_load_and_are_consistent(name: str, min_docs: int, min_relations: int) -> None:
    gold = load_gold(GOLD / f"{name}.json")  # validates ids, properties, classes, documents
    assert len(gold.documents) >= min_docs
    assert len(gold.relations) >= min_relations
    assert ambiguous_names(gold) == {}
    rels = relation_properties()
    ids = {e.id for e in gold.entities}
    for f in gold.relations + gold.optional:
        assert f.subject in ids and f.object in ids and f.property in rels
        assert f.evidence, f"{f} has no evidence"
    symmetric = symmetric_properties()

    def key(f):
        s, o = (sorted((f.subject, f.object)) if f.property in symmetric else (f.subject, f.object))
        return (s, f.property, o, f.doc)

    required = [key(f) for f in gold.relations]
    assert len(required) == len(set(required)), "a relation is listed twice for the same document"
    assert not set(required) & {key(f) for f in gold.optional}, "a fact is both required and optional"


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@needs_data
@pytest.mark.parametrize("name", ["seed", "dev"])
def test_gold_documents_resolve_and_evidence_is_quoted(name: str) -> None:
    gold = load_gold(GOLD / f"{name}.json")
    docs = {d.id: d for d in load_gold_documents(gold, repo_root=REPO, data_dir=DATA)}
    assert set(docs) == {d.id for d in gold.documents}
    assert all(len(d.text) > 100 for d in docs.values())
    for f in gold.relations + gold.optional:
        assert _ws(f.evidence) in _ws(docs[f.doc].text), f"evidence not in {f.doc}: {f.evidence!r}"
    all_text = normalise(" ".join(d.text for d in docs.values()))
    for ent in gold.entities:
        assert any(f" {normalise(n)} " in f" {all_text} " for n in ent.names()), f"{ent.id} not in any text"


@needs_data
def test_dev_gold_mixes_bbc_and_agnews_world() -> None:
    gold = load_gold(GOLD / "dev.json")
    bbc = [d for d in gold.documents if d.source.get("dataset") == "bbc"]
    ag = [d for d in gold.documents if d.source.get("dataset") == "agnews"]
    assert len(bbc) >= 10 and all(d.source["id"].startswith("politics/") for d in bbc)
    assert len(ag) >= 6
    import csv

    with open(DATA / "news" / "ag_news_test.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert all(rows[d.source["row"]][0] == "1" for d in ag)  # label 1 = World


# -- CoNLL04 ----------------------------------------------------------------------------------


def test_detokenize() -> None:
    toks = ["Mikoyan", "`", "`", "preempted", "Khrushchev", "'s", "order", ",", "'", "'", "they", "say",
            "-LRB-", "AP", "-RRB-", "."]
    assert detokenize(toks) == 'Mikoyan "preempted Khrushchev\'s order," they say (AP).'


def test_load_conll04_builds_per_sentence_gold(tmp_path: Path) -> None:
    items = [
        {"tokens": ["Smith", "works", "for", "Acme", "in", "Boston", "."],
         "entities": [{"type": "Peop", "start": 0, "end": 1}, {"type": "Org", "start": 3, "end": 4},
                      {"type": "Loc", "start": 5, "end": 6}],
         "relations": [{"type": "Work_For", "head": 0, "tail": 1}, {"type": "OrgBased_In", "head": 1, "tail": 2}],
         "orig_id": 7},
        {"tokens": ["Smith", "killed", "Jones", "with", "a", "Colt", "."],
         "entities": [{"type": "Peop", "start": 0, "end": 1}, {"type": "Peop", "start": 2, "end": 3},
                      {"type": "Other", "start": 5, "end": 6}],
         "relations": [{"type": "Kill", "head": 0, "tail": 1}], "orig_id": 9},
    ]
    path = tmp_path / "conll04_test.json"
    path.write_text(json.dumps(items))
    docs, gold = load_conll04(path)
    assert [(d.id, d.text) for d in docs] == [
        ("conll04-test-7", "Smith works for Acme in Boston."), ("conll04-test-9", "Smith killed Jones with a Colt."),
    ]
    assert [(e.name, e.type, e.doc) for e in gold.entities] == [
        ("Smith", "Person", "conll04-test-7"), ("Acme", "Organization", "conll04-test-7"),
        ("Boston", "Place", "conll04-test-7"), ("Smith", "Person", "conll04-test-9"),
        ("Jones", "Person", "conll04-test-9"),
    ]
    assert [(f.property, f.doc) for f in gold.relations] == [
        ("worksFor", "conll04-test-7"), ("basedIn", "conll04-test-7"), ("killed", "conll04-test-9"),
    ]
    # a graph that puts the kill in the wrong sentence gets no credit for it
    pred = rdflib.Graph().parse(data="""
        @prefix kg: <https://w3id.org/newskg/ontology#> . @prefix ex: <https://example.org/e/> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix dct: <http://purl.org/dc/terms/> .
        ex:d7 dct:identifier "conll04-test-7" . ex:d9 dct:identifier "conll04-test-9" .
        ex:smith rdfs:label "Smith" . ex:acme rdfs:label "Acme" . ex:jones rdfs:label "Jones" .
        ex:boston rdfs:label "Boston" .
        ex:smith kg:worksFor ex:acme . ex:smith kg:killed ex:jones . ex:acme kg:announced ex:boston .
        [] a rdf:Statement ; rdf:subject ex:smith ; rdf:predicate kg:worksFor ; rdf:object ex:acme ;
           kg:fromDocument ex:d7 ; kg:modality "asserted" ; kg:sentence "Smith works for Acme in Boston." .
        [] a rdf:Statement ; rdf:subject ex:smith ; rdf:predicate kg:killed ; rdf:object ex:jones ;
           kg:fromDocument ex:d7 ; kg:modality "asserted" ; kg:sentence "Smith works for Acme in Boston." .
    """, format="turtle")
    r = evaluate_conll04(pred, gold)
    assert r.per_document and set(r.properties) == CONLL04_PROPERTIES
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (1, 1, 2)
    assert r.ignored_unscored == 1  # announced is not a CoNLL04 property
    text = r.to_text()
    assert "scored per sentence" in text and "only worksFor, livesIn, locatedIn, basedIn, killed are scored" in text


@pytest.mark.skipif(not (DATA / "conll04").is_dir(), reason=f"CoNLL04 not found under {DATA}")
def test_load_real_conll04_test_split() -> None:
    docs, gold = load_conll04(DATA / "conll04" / "conll04_test.json")
    assert len(docs) == 288 and len({d.id for d in docs}) == 288
    # 422 relations in the file; 16 repeat a (name, type, name) fact inside one sentence
    assert len(gold.relations) == 406
    assert {f.property for f in gold.relations} == CONLL04_PROPERTIES
    text = {d.id: d.text for d in docs}
    for ent in gold.entities:
        assert ent.name in text[ent.doc]


# -- a gold set scored against itself is perfect ----------------------------------------------


def _graph_from_gold(gold) -> rdflib.Graph:
    """What a perfect builder would export: one node per entity, one statement per fact."""
    from rdflib import RDF, RDFS, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, SKOS

    kg = Namespace("https://w3id.org/newskg/ontology#")
    base = "https://example.org/perfect/"
    g = rdflib.Graph()
    for d in gold.documents:
        g.add((URIRef(base + "doc/" + d.id), DCTERMS.identifier, Literal(d.id)))
    for e in gold.entities:
        node = URIRef(base + "e/" + e.id)
        g.add((node, RDF.type, kg[e.type]))
        g.add((node, RDFS.label, Literal(e.name)))
        for a in e.aliases:
            g.add((node, SKOS.altLabel, Literal(a)))
    for i, f in enumerate(gold.relations):
        s, o = URIRef(base + "e/" + f.subject), URIRef(base + "e/" + f.object)
        g.add((s, kg[f.property], o))
        st = URIRef(f"{base}st/{i}")
        for p, v in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, kg[f.property]), (RDF.object, o),
                     (kg.fromDocument, URIRef(base + "doc/" + f.doc)), (kg.modality, Literal("asserted")),
                     (kg.sentence, Literal(f.evidence))):
            g.add((st, p, v))
    return g


@pytest.mark.parametrize("name", ["seed", "dev"])
@pytest.mark.parametrize("per_document", [False, True])
def test_gold_against_itself_is_perfect(name: str, per_document: bool) -> None:
    gold = load_gold(GOLD / f"{name}.json")
    r = evaluate(_graph_from_gold(gold), gold, per_document=per_document)
    assert (r.micro.fp, r.micro.fn) == (0, 0)
    assert r.micro.f1 == 1.0 and r.macro_f1 == 1.0
    assert r.entity_found == r.entity_total == len(gold.entities)
    assert r.entity_type_agree == r.entity_total
    assert r.duplicates == () and r.false_merges == ()


def test_conll04_relaxed_names_drop_titles_and_region_suffixes():
    from kg.eval.conll04 import _relaxed_aliases

    assert _relaxed_aliases("President James A. Garfield") == ("James A. Garfield",)
    assert _relaxed_aliases("North Bend, Ohio") == ("North Bend",)
    assert _relaxed_aliases("Dr. Martin Luther King Jr.") == ("Martin Luther King Jr.",)
    assert _relaxed_aliases("Lincoln") == ()


# -- why a gold fact was missed -------------------------------------------------------------------

CAUSES_PRED = """
@prefix kg: <https://w3id.org/newskg/ontology#> . @prefix ex: <https://example.org/kg/entity/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:roe a kg:Person ; rdfs:label "Jane Roe" .          ex:doe a kg:Person ; rdfs:label "John Doe" .
ex:freedonia a kg:Country ; rdfs:label "Freedonia" .  ex:acme a kg:Organization ; rdfs:label "Acme Corp" .
ex:tokyo a kg:City ; rdfs:label "Tokyo" .
ex:freedonia kg:leaderOf ex:roe .
ex:doe kg:visited ex:acme .
ex:s1 a rdf:Statement ; rdf:subject ex:roe ; rdf:predicate kg:metWith ; rdf:object ex:doe ; kg:modality "hedged" .
"""


def test_each_missed_fact_says_why() -> None:
    data = json.loads((FIX / "gold_small.json").read_text(encoding="utf-8"))
    data["relations"] = data["relations"][1:] + [
        {"subject": "acme", "property": "disputesWith", "object": "bloggs", "doc": "d2", "evidence": "a rival"}]
    r = evaluate(rdflib.Graph().parse(data=CAUSES_PRED, format="turtle"), gold_from_dict(data))
    why = {(f.subject, f.property, f.object): f.cause for f in r.missed}
    assert why == {
        ("Jane Roe", "leaderOf", "Freedonia"): "wrong direction",
        ("Jane Roe", "metWith", "John Doe"): "hedged or negated",
        ("John Doe", "worksFor", "Acme Corp"): "other property",
        ("Acme Corp", "basedIn", "Tokyo"): "pair found, no relation",
        ("Acme Corp", "disputesWith", "Bloggs Ltd"): "entity not found",
    }
    assert r.miss_causes == {"entity not found": 1, "wrong direction": 1, "hedged or negated": 1,
                             "other property": 1, "pair found, no relation": 1}
    assert "missed facts by cause: entity not found 1, wrong direction 1" in r.to_text()
    assert r.to_dict()["miss_causes"] == r.miss_causes and all(f.cause == "" for f in r.correct)
