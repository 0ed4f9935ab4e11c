"""The ontology is the contract: required terms, alignment, lexicon consistency, no seed leakage."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg.vocab import KG, KG_NS

ROOT = Path(__file__).resolve().parents[2]
ONTO = ROOT / "ontologies" / "newskg.ttl"
REQUIRED = ("worksFor leaderOf memberOf livesIn basedIn locatedIn killed metWith visited agreedWith allyOf "
            "disputesWith deters threatened criticized opposes supports attacked sanctions suppliesArmsTo claims "
            "announced launched develops").split()
SYMMETRIC = {"metWith", "agreedWith", "allyOf", "disputesWith"}
CLASSES = ("Person Organization GovernmentBody MilitaryUnit Country City Place Group WeaponSystem Product Event "
           "Law Document").split()


@pytest.fixture(scope="module")
def onto():
    return rdflib.Graph().parse(ONTO)


def test_vocab_terms_are_declared(onto):
    for name in KG.__annotations__:
        assert (KG[name], None, None) in onto, name


@pytest.mark.parametrize("name", REQUIRED)
def test_relation_property_declared_with_label_comment_domain_range(onto, name):
    iri = rdflib.URIRef(KG_NS + name)
    assert (iri, RDF.type, OWL.ObjectProperty) in onto
    for p in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
        assert onto.value(iri, p) is not None, (name, p)
    assert ((iri, RDF.type, OWL.SymmetricProperty) in onto) == (name in SYMMETRIC)


@pytest.mark.parametrize("name", CLASSES)
def test_classes_aligned_to_schema_org(onto, name):
    iri = rdflib.URIRef(KG_NS + name)
    assert (iri, RDF.type, OWL.Class) in onto
    supers = {str(o) for o in onto.transitive_objects(iri, RDFS.subClassOf)} | {
        str(o) for o in onto.objects(iri, OWL.equivalentClass)}
    assert any(s.startswith("https://schema.org/") for s in supers) or any(
        str(o).startswith("https://schema.org/") for c in onto.transitive_objects(iri, RDFS.subClassOf)
        for o in onto.objects(c, OWL.equivalentClass)), name


def test_loaded_ontology_matches_file(res):
    assert set(REQUIRED) <= set(res.ontology.properties)
    assert res.ontology.symmetric == SYMMETRIC
    assert res.ontology.is_a("Country", "Agent") and res.ontology.is_a("City", "Place")


def test_every_lexicon_property_has_triggers(res):
    props_with_triggers = {t.prop for ts in res.relations.triggers.values() for t in ts}
    assert set(REQUIRED) <= props_with_triggers


def test_a_new_relation_needs_no_code_change(tmp_path):
    """Add a property to a copy of the data folder: the lexicon accepts it and the rules use it."""
    import shutil

    from kg.resources import load_resources

    folder = tmp_path / "ontologies"
    shutil.copytree(ROOT / "ontologies", folder)
    ttl = folder / "newskg.ttl"
    ttl.write_text(ttl.read_text(encoding="utf-8") + """
kg:praised a owl:ObjectProperty ; rdfs:subPropertyOf kg:relation ; rdfs:label "praised"@en ;
    rdfs:comment "An agent praised another."@en ; rdfs:domain kg:Agent ; rdfs:range kg:Entity .
""", encoding="utf-8")
    lex = folder / "lexicon" / "relations.toml"
    text = lex.read_text(encoding="utf-8").replace("[words]", '[properties.praised]\nverbs = ["praise", "laud"]\n\n[words]', 1)
    lex.write_text(text, encoding="utf-8")
    res = load_resources(folder)
    assert "praised" in res.ontology.properties
    assert any(t.prop == "praised" for t in res.relations.triggers["verbs"])


def test_unknown_property_in_lexicon_is_rejected(tmp_path):
    import shutil

    from kg.errors import DataFileError
    from kg.resources import load_resources

    folder = tmp_path / "ontologies"
    shutil.copytree(ROOT / "ontologies", folder)
    lex = folder / "lexicon" / "relations.toml"
    lex.write_text(lex.read_text(encoding="utf-8") + '\n[properties.alyOf]\nverbs = ["x"]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="alyOf"):
        load_resources(folder)


def test_a_person_reading_must_name_a_property(tmp_path):
    import shutil

    from kg.errors import DataFileError
    from kg.resources import load_resources

    folder = tmp_path / "ontologies"
    shutil.copytree(ROOT / "ontologies", folder)
    lex = folder / "lexicon" / "relations.toml"
    text = lex.read_text(encoding="utf-8").replace('person_subject_means = "criticized"', 'person_subject_means = "critcized"')
    lex.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="critcized"):
        load_resources(folder)


def test_person_reading_words_must_be_a_list_of_words(tmp_path):
    import shutil

    from kg.errors import DataFileError
    from kg.resources import load_resources

    folder = tmp_path / "ontologies"
    shutil.copytree(ROOT / "ontologies", folder)
    lex = folder / "lexicon" / "relations.toml"
    text = lex.read_text(encoding="utf-8")
    start = text.index("person_subject_words = [")
    end = text.index("]", start) + 1
    lex.write_text(text[:start] + 'person_subject_words = "fight"' + text[end:], encoding="utf-8")
    with pytest.raises(DataFileError, match="person_subject_words must be a list"):
        load_resources(folder)


def test_no_seed_article_knowledge_in_code_or_data():
    pattern = re.compile(r"hegseth|nakatani|jjoc|joint operations command|war-fighting|iwo jima|mraam|sm-6|forces japan",
                         re.IGNORECASE)
    hits = []
    for folder in ("kg", "ontologies"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".ttl", ".toml", ".jsonl", ".json", ".md", ".rq", ".jsonld", ".js", ".css"}:
                if pattern.search(path.read_text(encoding="utf-8", errors="replace")):
                    hits.append(str(path.relative_to(ROOT)))
    assert hits == []


def test_a_union_range_is_read_as_its_members(res):
    announced = res.ontology.properties["announced"]
    assert "Law" in announced.range and "Person" not in announced.range
    assert res.ontology.admits("announced", "Person", "MilitaryUnit")  # a subclass of a member
    assert not res.ontology.admits("announced", "Person", "Person")
    assert res.ontology.admits("allyOf", "Country", "Country")
