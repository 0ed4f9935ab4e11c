"""Corpus-level resolution on hand-built document results: what merges, what stays apart, why."""

from __future__ import annotations

import random

import pytest
from corpus_helpers import BUDGET, FILLER, IRAQ, LABOUR, LIB_DEMS, TREASURY, UK, WHITE_HOUSE, doc, ent, graph, names_of

from kg.extract.resolve.corpus import resolve_across_documents, resolve_corpus


def resolved(res, *results):
    g = graph(res, *results, *FILLER)
    r = resolve_across_documents(g, res)
    return g, r


def president(name: str):
    return ent(name, titles={"president"})


# -- people: variants of one name merge ---------------------------------------------------------------
def test_a_middle_initial_is_one_person_when_the_texts_agree(res):
    g, r = resolved(res, doc("a", president("George W. Bush"), WHITE_HOUSE, IRAQ),
                    doc("b", president("George Bush"), WHITE_HOUSE, IRAQ))
    assert names_of(g)["George Bush"] == names_of(g)["George W. Bush"] == "person/george-w-bush"
    assert g.entities["person/george-w-bush"].merged == {"person/george-bush": "person-middle-name"}


def test_variants_of_a_name_whose_texts_share_nothing_stay_two(res):
    g, r = resolved(res, doc("a", ent("Jim Morrison", titles={"singer"}), ent("The Doors", "Organization")),
                    doc("b", ent("James Morrison"), ent("Home Office", "GovernmentBody")))
    assert names_of(g)["Jim Morrison"] != names_of(g)["James Morrison"]
    assert any("share too little" in ev for _, _, ev in r.suspects)


def test_a_variant_and_a_middle_name_at_once_are_two_people(res):
    g, _ = resolved(res, doc("a", ent("Tom Jones"), WHITE_HOUSE, IRAQ), doc("b", ent("Tommy Lee Jones"), WHITE_HOUSE, IRAQ))
    assert names_of(g)["Tom Jones"] != names_of(g)["Tommy Lee Jones"]


def test_a_name_that_fits_father_and_son_joins_neither(res):
    g, _ = resolved(res, doc("a", president("George W. Bush"), WHITE_HOUSE, IRAQ),
                    doc("b", president("George H. W. Bush"), WHITE_HOUSE, IRAQ),
                    doc("c", president("George Bush"), WHITE_HOUSE, IRAQ))
    keys = names_of(g)
    assert len({keys["George Bush"], keys["George W. Bush"], keys["George H. W. Bush"]}) == 3


def test_a_first_name_variant_typed_as_an_organisation_is_the_person(res):
    g, _ = resolved(res, doc("a", ent("Vince Cable", titles={"business secretary"}), LIB_DEMS, TREASURY, BUDGET),
                    doc("b", ent("Vincent Cable", "Organization"), LIB_DEMS, TREASURY, BUDGET))
    e = g.entities[names_of(g)["Vincent Cable"]]
    assert e.cls == "Person" and e.key == "person/vince-cable" and "Vincent Cable" in e.aliases
    assert e.merged == {"org/vincent-cable": "person-given-variant"}


def test_transliterations_are_one_person(res):
    g, _ = resolved(res, doc("a", ent("Iyad Allawi")), doc("b", ent("Eyad Allawi")), doc("c", ent("Ayad Allawi")))
    assert len({names_of(g)[n] for n in ("Iyad Allawi", "Eyad Allawi", "Ayad Allawi")}) == 1


def test_spellings_of_korean_names_are_one_but_father_and_son_are_two(res):
    g, _ = resolved(res, doc("a", ent("Kim Jong Un"), ent("Kim Jong Il")), doc("b", ent("Kim Jong-un")))
    keys = names_of(g)
    assert keys["Kim Jong Un"] == keys["Kim Jong-un"] != keys["Kim Jong Il"]


def test_a_titled_surname_typed_as_an_organisation_joins_the_person_named_in_its_text(res):
    g, _ = resolved(res, doc("a", ent("Nigel Farage"), ent("Mr Farage", "Organization")))
    e = g.entities[names_of(g)["Mr Farage"]]
    assert e.key == "person/nigel-farage" and e.cls == "Person"


def test_a_lone_titled_name_is_typed_a_person(res):
    g, _ = resolved(res, doc("a", ent("Mr Farage", "Organization")))
    assert g.entities[names_of(g)["Mr Farage"]].cls == "Person"


# -- people: a surname alone goes where its text's evidence points ------------------------------------------
GORDON = [doc("g1", ent("Gordon Brown", titles={"chancellor"}), TREASURY, BUDGET, LABOUR),
          doc("g2", ent("Gordon Brown", titles={"chancellor"}), TREASURY, BUDGET, UK)]
NICK = [doc("n1", ent("Nick Brown", titles={"chief whip"}), ent("Commons", "GovernmentBody"), UK)]


def test_a_surname_alone_joins_the_person_its_text_speaks_of(res):
    res = _with_holders(res)  # no office-holder table: the text's evidence alone decides
    g, r = resolved(res, *GORDON, *NICK, doc("x", ent("Brown", titles={"chancellor"}), TREASURY, BUDGET))
    assert r.key_of("x", "person/brown") == "person/gordon-brown"
    assert "person/brown" not in g.entities
    merge = next(m for m in r.merges if m.doc == "x")
    assert merge.rule == "person-short-name" and "Gordon Brown" in merge.evidence and "chancellor" in merge.evidence


def test_a_surname_alone_in_another_text_is_not_the_son_named_with_his_generation(res):
    """"Brown" in a text that shares the son's company is still no "Gordon Brown Jr.": news calls
    the son "Brown Jr."; the lone surname is left alone (or goes to the father, with evidence)."""
    res = _with_holders(res)
    junior = doc("j1", ent("Gordon Brown Jr."), ent("Acme Tobacco", "Organization"), IRAQ)
    g, r = resolved(res, *GORDON, junior, doc("x", ent("Brown"), ent("Acme Tobacco", "Organization"), IRAQ))
    assert r.key_of("x", "person/brown") != "person/gordon-brown-jr"
    g, r = resolved(res, *GORDON, junior, doc("y", ent("Gordon Brown Jr."), ent("Brown")))
    assert r.key_of("y", "person/brown") in ("person/gordon-brown-jr", "person/brown")  # its own text decides


def test_a_surname_alone_in_a_text_naming_father_and_son_is_the_father(res):
    """A text that names "Gordon Brown" and "Gordon Brown Jr." calls the son "Brown Jr.": its lone
    "Brown" is the father (before, the two tied and the surname stayed a node of its own)."""
    res = _with_holders(res)
    g, r = resolved(res, *GORDON, doc("z", ent("Gordon Brown"), ent("Gordon Brown Jr."), ent("Brown")))
    assert r.key_of("z", "person/brown") == "person/gordon-brown"


def test_the_one_person_of_a_name_often_in_the_news_takes_a_surname_on_some_evidence(res):
    """"Lind" alone in a text that shares a little with the ten texts of the only Ana Lind of the
    corpus: her prior makes up what the evidence lacks (not so when another Lind is named)."""
    res = _with_holders(res)
    acme, riverton = ent("Acme Mining", "Organization"), ent("Riverton", "City")
    lind = [doc(f"l{i}", ent("Ana Lind", titles={"minister"}), acme, *([riverton] if i < 6 else []),
                ent(f"Other Body {i}", "Organization")) for i in range(10)]
    more = [doc(f"m{i}", ent(f"Filler Two {i}", "Organization")) for i in range(20)]
    lone = doc("x", ent("Lind"), acme, riverton)
    r = resolve_across_documents(graph(res, *lind, lone, *FILLER, *more), res)
    assert r.key_of("x", "person/lind") == "person/ana-lind"
    r = resolve_across_documents(graph(res, *lind, *BO_LIND, lone, *FILLER, *more), res)
    assert r.key_of("x", "person/lind") == "person/lind"


def test_a_surname_alone_joins_the_one_person_of_that_name_named_in_full_in_several_texts(res):
    """"Lind" in a text that shares nothing with the texts of the corpus's only Lind: named in full in
    three texts or more, she is the one its readers know; named in two, the surname stays apart."""
    res = _with_holders(res)
    lind = [doc(f"l{i}", ent("Ana Lind", titles={"minister"}), ent(f"Other Body {i}", "Organization"))
            for i in range(3)]
    lone = doc("x", ent("Lind"), ent("Zenith Works", "Organization"))
    r = resolve_across_documents(graph(res, *lind, lone, *FILLER), res)
    assert r.key_of("x", "person/lind") == "person/ana-lind"
    r = resolve_across_documents(graph(res, *lind[:2], lone, *FILLER), res)
    assert r.key_of("x", "person/lind") == "person/lind"


def test_a_titled_surname_needs_a_known_sex_to_join_the_one_person_without_evidence(res):
    """"Mrs Lind" beside a corpus's only "Xanthe Lind", whose given name tells no sex: no evidence,
    no join ("Mrs Wilkinson" of a musical was joined to Jonny Wilkinson); "Mrs Lind" beside "Ana Lind"
    (a woman's given name) joins."""
    res = _with_holders(res)
    lone = doc("x", ent("Lind", aliases=("Mrs Lind",)), ent("Zenith Works", "Organization"))
    for full, joins in (("Xanthe Lind", False), ("Ana Lind", True)):
        lind = [doc(f"l{i}", ent(full, titles={"minister"}), ent(f"Other Body {i}", "Organization")) for i in range(3)]
        r = resolve_across_documents(graph(res, *lind, lone, *FILLER), res)
        key = "person/" + full.lower().replace(" ", "-")
        assert (r.key_of("x", "person/lind") == key) is joins, full


def _with_holders(res, *rows):
    from dataclasses import replace

    from kg.resources.offices import offices_from_rows
    countries = frozenset(k for k, e in res.gazetteer.entries.items() if e.cls == "Country")
    return replace(res, offices=offices_from_rows([("test", r) for r in rows], countries))


LIND = {"name": "Ana Lind", "surname": "Lind", "country": "country/fra", "titles": ["president"],
        "start": "2001-05-01", "end": "2006-05-01"}
BO_LIND = [doc("b1", ent("Bo Lind", titles={"novelist"}), ent("Acme Books", "Organization"))]


def test_a_titled_surname_joins_the_office_holder_of_its_date(res):
    """"President Lind" in a text of 2003 is Ana Lind by the office-holder table, although nothing
    else in its text speaks of what Ana Lind's texts speak of (and another Lind exists)."""
    res = _with_holders(res, LIND)
    texts = [doc("a1", president("Ana Lind"), UK), *BO_LIND,
             doc("x", ent("Lind", aliases={"President Lind"}, titles={"President"}), IRAQ, date="2003-02-01")]
    g = graph(res, *texts, *FILLER)
    r = resolve_across_documents(g, res)
    assert r.key_of("x", "person/lind") == "person/ana-lind"
    merge = next(m for m in r.merges if m.doc == "x")
    assert merge.rule == "person-office" and "office-holder table" in merge.evidence


def test_a_titled_surname_before_the_term_stays_apart(res):
    res = _with_holders(res, LIND)
    texts = [doc("a1", president("Ana Lind"), UK), *BO_LIND,
             doc("x", ent("Lind", aliases={"President Lind"}, titles={"President"}), IRAQ, date="1999-02-01")]
    g = graph(res, *texts, *FILLER)
    assert resolve_across_documents(g, res).key_of("x", "person/lind") != "person/ana-lind"


def test_an_undated_titled_surname_joins_only_the_tables_sole_holder(res):
    """Without a date, "President Lind" is Ana Lind when the table knows no other President Lind;
    with a second one (another country, another time) it stays apart."""
    texts = [doc("a1", president("Ana Lind"), UK), *BO_LIND,
             doc("x", ent("Lind", aliases={"President Lind"}, titles={"President"}), IRAQ)]
    g = graph(_with_holders(res, LIND), *texts, *FILLER)
    r = resolve_across_documents(g, _with_holders(res, LIND))
    assert r.key_of("x", "person/lind") == "person/ana-lind"
    assert "no date" in next(m for m in r.merges if m.doc == "x").evidence
    other = {**LIND, "name": "Cy Lind", "country": "country/irq", "start": "1980-01-01", "end": "1985-01-01"}
    two = _with_holders(res, LIND, other)
    assert resolve_across_documents(graph(two, *texts, *FILLER), two).key_of("x", "person/lind") != "person/ana-lind"


def test_a_titled_surname_after_the_term_joins_the_one_former_holder(res):
    res = _with_holders(res, LIND)
    texts = [doc("a1", president("Ana Lind"), UK), *BO_LIND,
             doc("x", ent("Lind", aliases={"President Lind"}, titles={"President"}), IRAQ, date="2012-02-01")]
    g = graph(res, *texts, *FILLER)
    assert resolve_across_documents(g, res).key_of("x", "person/lind") == "person/ana-lind"


def test_an_untitled_surname_of_a_dated_text_joins_the_head_in_office(res):
    """"Lind" alone in a text of 2003 that names no Lind in full is the one head of state of that
    surname in office then; before the term, or beside "Bo Lind" in its own text, it stays apart."""
    res = _with_holders(res, LIND)
    base = [doc("a1", president("Ana Lind"), UK), *BO_LIND]
    for date, extra, joined in (("2003-02-01", (), True), ("1999-02-01", (), False),
                                ("2003-02-01", (ent("Bo Lind"),), False)):
        texts = [*base, doc("x", ent("Lind"), IRAQ, *extra, date=date)]
        r = resolve_across_documents(graph(res, *texts, *FILLER), res)
        assert (r.key_of("x", "person/lind") == "person/ana-lind") is joined, (date, extra)
        if joined:
            assert "untitled" in next(m for m in r.merges if m.doc == "x").evidence


def test_an_untitled_surname_typed_a_body_joins_the_head_in_office_in_a_text_of_the_country(res):
    """"Lind" the NER typed an organisation ("criticizes Lind") in a text of 2003 that names France
    is President Ana Lind, and the person keeps her class however often the word was typed a body;
    in a text that does not name her country (a "Lind" of a place name) it stays apart."""
    res = _with_holders(res, LIND)
    france = ent("France", "Country", key="country/fra")
    base = [doc("a1", president("Ana Lind"), UK), *BO_LIND]
    g = graph(res, *base, doc("x", ent("Lind", "Organization", mentions=5), france, date="2003-02-01"), *FILLER)
    assert resolve_across_documents(g, res).key_of("x", "org/lind") == "person/ana-lind"
    assert g.entities["person/ana-lind"].cls == "Person"
    g = graph(res, *base, doc("y", ent("Lind", "Organization"), IRAQ, date="2003-02-01"), *FILLER)
    assert resolve_across_documents(g, res).key_of("y", "org/lind") != "person/ana-lind"


def test_an_untitled_surname_after_the_term_joins_the_former_head_unless_another_bears_it(res):
    """"Lind" alone in a text of 2010 is former President Ana Lind when the corpus names no one
    else called Lind in full; beside "Bo Lind" in another text it could be either: it stays apart."""
    res = _with_holders(res, LIND)
    base = [doc("a1", president("Ana Lind"), UK), doc("x", ent("Lind"), IRAQ, date="2010-02-01")]
    r = resolve_across_documents(graph(res, *base, *FILLER), res)
    assert r.key_of("x", "person/lind") == "person/ana-lind"
    r = resolve_across_documents(graph(res, *base, *BO_LIND, *FILLER), res)
    assert r.key_of("x", "person/lind") != "person/ana-lind"


def test_a_name_of_another_generation_is_not_the_head_in_office(res):
    """"Lind Jr." in a text of 2003 is not President Ana Lind; "Lind" alone beside "Ana Lind Jr."
    in such a text is the president (news writes "Lind Jr." for the son), not the son."""
    res = _with_holders(res, LIND)
    base = [doc("a1", president("Ana Lind"), UK), *BO_LIND]
    texts = [*base, doc("x", ent("Lind Jr."), IRAQ, date="2003-02-01"),
             doc("y", ent("Ana Lind Jr."), ent("Lind"), IRAQ, date="2003-02-01")]
    r = resolve_across_documents(graph(res, *texts, *FILLER), res)
    assert r.key_of("x", "person/lind-jr") != "person/ana-lind"
    assert r.key_of("y", "person/lind") == "person/ana-lind"


def test_full_names_the_table_gives_one_person_are_one_untitled(res):
    """"Ana B. Lind", never titled, and "Ana Lind" are one person by the table's aliases."""
    res = _with_holders(res, {**LIND, "aliases": ["Ana B. Lind"]})
    g = graph(res, doc("a1", president("Ana Lind"), UK), doc("a2", ent("Ana B. Lind"), IRAQ), *FILLER)
    resolve_across_documents(g, res)
    keys = names_of(g)
    assert keys["Ana B. Lind"] == keys["Ana Lind"]


def test_full_names_the_table_gives_one_holder_are_one_person_when_both_are_titled(res):
    """"Ana B. Lind" and "Ana Lind", both titled president, are one holder by the table, although
    "Ana Lind Jr." keeps the name rules from joining them."""
    res = _with_holders(res, {**LIND, "aliases": ["Ana B. Lind"]})
    g = graph(res, doc("a1", president("Ana Lind"), UK), doc("a2", president("Ana B. Lind"), IRAQ),
              doc("a3", ent("Ana Lind Jr."), ent("Acme Books", "Organization")), *FILLER)
    r = resolve_across_documents(g, res)
    keys = names_of(g)
    assert keys["Ana B. Lind"] == keys["Ana Lind"] != keys["Ana Lind Jr."]
    assert any(m.rule == "person-office" for m in r.merges)


def test_a_surname_without_evidence_stays_apart(res):
    g, r = resolved(res, *GORDON, *NICK, doc("y", ent("Brown"), ent("Acme Tobacco", "Organization")))
    assert r.key_of("y", "person/brown") == "person/brown"
    assert any(rule == "person-short-name" and "person/brown" in keys for rule, keys, _ in r.suspects)


def test_one_surname_in_two_texts_can_be_two_people(res):
    g, r = resolved(res, *GORDON, *NICK, doc("x", ent("Brown", titles={"chancellor"}), TREASURY, BUDGET),
                    doc("z", ent("Brown", titles={"chief whip"}), ent("Commons", "GovernmentBody")))
    assert r.key_of("x", "person/brown") == "person/gordon-brown"
    assert r.key_of("z", "person/brown") == "person/nick-brown"


def test_a_surname_in_a_text_naming_two_people_with_it_stays_apart(res):
    g, r = resolved(res, doc("a", ent("Jeb Bush"), ent("George W. Bush"), ent("Bush")))
    assert r.key_of("a", "person/bush") == "person/bush"


def test_titles_of_two_sexes_keep_two_people_apart(res):
    g, r = resolved(res, doc("a", ent("Michael Howard", aliases={"Mr Howard"}), LABOUR),
                    doc("b", ent("Howard", aliases={"Mrs Howard"}), LABOUR))
    assert r.key_of("b", "person/howard") == "person/howard"


def test_a_surname_is_no_given_name_when_a_surname_fits(res):
    g, r = resolved(res, doc("a", ent("Rand Paul"), ent("Paul Singer"), ent("Paul")))
    assert r.key_of("a", "person/paul") == "person/rand-paul"


# -- organisations ----------------------------------------------------------------------------------------
def test_an_acronym_that_only_spells_a_name_needs_texts_that_agree(res):
    g, r = resolved(res, doc("a", ent("NHS", "Organization"), ent("Department of Health", "GovernmentBody"), UK),
                    doc("b", ent("Norfolk High School", "Organization"), ent("Ofsted", "GovernmentBody")))
    assert names_of(g)["NHS"] != names_of(g)["Norfolk High School"]
    assert any(rule == "org-acronym" for rule, _, _ in r.suspects)


def test_an_acronym_defined_in_a_text_joins_its_expansion_everywhere(res):
    g, _ = resolved(res, doc("a", ent("NHS", "Organization")),
                    doc("b", ent("National Health Service", "GovernmentBody", aliases={"NHS"})))
    assert names_of(g)["NHS"] == "org/national-health-service"


def test_a_bodys_other_name_in_one_text_joins_the_body_so_named_in_another(res):
    g, _ = resolved(res, doc("a", ent("Acme Corp", "Organization", aliases={"Zenith Holdings"})),
                    doc("b", ent("Zenith Holdings", "Organization")),
                    doc("c", ent("Zenith Bank", "Organization")))
    keys = names_of(g)
    assert keys["Zenith Holdings"] == keys["Acme Corp"]
    assert "org-other-name" in g.entities[keys["Acme Corp"]].merged.values()
    assert keys["Zenith Bank"] != keys["Acme Corp"]  # a name sharing a word is no other name


def test_an_acronym_joins_its_expansion_written_in_another_text(res):
    strike = ent("Civil Service Strike", "Event")
    g, _ = resolved(res, doc("a", ent("PCS", "Organization"), strike, TREASURY, BUDGET),
                    doc("b", ent("Public and Commercial Services Union", "Organization"), strike, TREASURY, BUDGET))
    keys = names_of(g)
    assert keys["PCS"] == keys["Public and Commercial Services Union"]
    assert g.entities[keys["PCS"]].name == "Public and Commercial Services Union"


def test_party_names_acronyms_and_short_forms_are_one_group(res):
    farage, brussels = ent("Nigel Farage"), ent("European Parliament", "GovernmentBody")
    g, _ = resolved(res, doc("a", ent("UKIP", "Organization"), farage, brussels),
                    doc("b", ent("UK Independence Party", "Group"), farage, brussels),
                    doc("c", ent("Independence Party", "Group"), UK))
    keys = names_of(g)
    assert keys["UKIP"] == keys["UK Independence Party"] == keys["Independence Party"]
    assert g.entities[keys["UKIP"]].cls == "Group"  # every party one class


def test_a_party_without_its_head_word_is_the_gazetteer_party(res):
    g, _ = resolved(res, doc("a", ent("Conservative", "Group")), doc("b", ent("Conservative Party", "Group",
                                                                             key="org/conservative-party-uk")))
    assert names_of(g)["Conservative"] == "org/conservative-party-uk"


def test_another_states_body_named_after_its_state_stays_apart_from_the_gazetteer_body(res):
    g, _ = resolved(res, doc("a", ent("Congress (Mexico)", "GovernmentBody", aliases={"Congress"})),
                    doc("b", ent("United States Congress", "GovernmentBody", key="org/us-congress",
                                 aliases={"Congress"})))
    assert names_of(g)["Congress (Mexico)"] != "org/us-congress"


def test_washington_the_city_the_state_and_the_person_stay_three(res):
    g, _ = resolved(res, doc("a", ent("Washington", "City", key="city/washington-usa")),
                    doc("b", ent("Washington", "Place", key="region/us-wa")),
                    doc("c", ent("George Washington"), ent("Washington")),
                    doc("d", ent("Washington", "Place")))
    classes = {e.key: e.cls for e in g.entities.values()}
    assert classes["city/washington-usa"] == "City" and classes["region/us-wa"] == "Place"
    assert classes["person/george-washington"] == "Person"
    assert "place/washington" in classes  # not merged into the person


# -- stability -------------------------------------------------------------------------------------------
def test_the_result_does_not_depend_on_the_order_of_the_documents(res):
    docs = [*GORDON, *NICK, doc("x", ent("Brown"), TREASURY, BUDGET), doc("v", ent("Vincent Cable", "Organization")),
            doc("w", ent("Vince Cable")), doc("u", ent("UKIP", "Organization")),
            doc("t", ent("UK Independence Party", "Group")), *FILLER]
    first = resolve_corpus({d.document.id: d for d in docs}, res)
    for seed in range(3):
        random.Random(seed).shuffle(docs)
        again = resolve_corpus({d.document.id: d for d in docs}, res)
        assert again.targets == first.targets and again.by_key == first.by_key and again.by_doc == first.by_doc


def test_a_merged_key_stays_resolvable_with_its_rule_in_rdf(res):
    from rdflib import OWL, Literal

    from kg.export.rdf import DEFAULT_BASE, entity_iri, to_rdf
    from kg.vocab import KG

    g, _ = resolved(res, doc("a", president("George W. Bush"), WHITE_HOUSE, IRAQ),
                    doc("b", president("George Bush"), WHITE_HOUSE, IRAQ))
    rdf = to_rdf(g, resources=res)
    old, new = entity_iri(DEFAULT_BASE, "person/george-bush"), entity_iri(DEFAULT_BASE, "person/george-w-bush")
    assert (old, OWL.sameAs, new) in rdf and (old, KG.mergeRule, Literal("person-middle-name")) in rdf
    assert set(rdf.predicates(old, None)) == {OWL.sameAs, KG.mergeRule}


def test_the_union_of_the_dataset_is_to_rdf_with_merged_iris(res):
    from rdflib.compare import isomorphic

    from kg.export.dataset import dataset_quads, union_graph
    from kg.export.rdf import to_rdf

    g, _ = resolved(res, doc("a", president("George W. Bush"), WHITE_HOUSE, IRAQ),
                    doc("b", president("George Bush"), WHITE_HOUSE, IRAQ))
    assert g.entities["person/george-w-bush"].merged
    assert isomorphic(union_graph(dataset_quads(g, resources=res)), to_rdf(g, resources=res))


@pytest.mark.parametrize("shape_ok", [True])
def test_merged_iris_conform_to_the_shapes(res, shape_ok):
    from kg.export.rdf import to_rdf
    from kg.store.validate import validate_graph

    g, _ = resolved(res, doc("a", president("George W. Bush"), WHITE_HOUSE, IRAQ),
                    doc("b", president("George Bush"), WHITE_HOUSE, IRAQ))
    assert g.entities["person/george-w-bush"].merged
    report = validate_graph(to_rdf(g, resources=res))
    assert report.conforms is shape_ok, [v.line() for v in report.violations]


# -- typing from all mentions -----------------------------------------------------------------------------
def test_a_lone_word_no_one_has_as_surname_is_the_body_other_texts_name(res):
    g, r = resolved(res, doc("a", ent("Yukos", mentions=5)), doc("b", ent("Yukos", mentions=4)),
                    doc("c", ent("Yukos", "Organization", aliases={"Yukos oil"}, mentions=6)))
    (node,) = {names_of(g)["Yukos"]}
    assert node == "org/yukos" and g.entities[node].cls == "Organization" and g.entities[node].mentions == 15
    assert {m.rule for m in r.merges} == {"same-name-two-types"}


def test_a_singer_typed_a_body_once_stays_a_person(res):
    g, _ = resolved(res, doc("a", ent("Jamelia", mentions=5)), doc("b", ent("Jamelia", mentions=4)),
                    doc("c", ent("Jamelia", "Organization", aliases={"Jamelia Davis"}, mentions=1)))
    assert g.entities[names_of(g)["Jamelia"]].cls == "Person"


def test_a_lone_word_that_is_someones_surname_is_not_moved_to_a_body(res):
    g, r = resolved(res, doc("a", ent("Mourinho")), doc("b", ent("Jose Mourinho"), ent("Chelsea", "Organization")),
                    doc("c", ent("Mourinho", "Organization", aliases={"Mourinho Ltd"})))
    assert r.key_of("a", "person/mourinho") != "org/mourinho"


def test_an_acronym_typed_a_place_is_the_body(res):
    g, _ = resolved(res, doc("a", ent("BT", "Place", mentions=3)), doc("b", ent("BT", "Organization")))
    assert g.entities[names_of(g)["BT"]].cls == "Organization" and len({names_of(g)["BT"]}) == 1


def test_singular_and_plural_of_an_event_are_one(res):
    g, _ = resolved(res, doc("a", ent("Olympic", "Event")), doc("b", ent("Olympics", "Event")))
    assert names_of(g)["Olympic"] == names_of(g)["Olympics"]


def test_a_rank_is_no_form_of_address(res):
    g, _ = resolved(res, doc("a", ent("General Motors", "Organization")), doc("b", ent("Lord Motors", "Organization")))
    assert g.entities[names_of(g)["General Motors"]].cls == "Organization"
    assert g.entities[names_of(g)["Lord Motors"]].cls == "Person"


def test_a_fact_read_under_a_class_the_corpus_corrected_is_dropped(res):
    russia = ent("Russia", "Country", key="country/rus")
    results = [doc("a", ent("Yukos", mentions=5), russia, facts=[("Yukos", "livesIn", "Russia")]),
               doc("b", ent("Yukos", "Organization", aliases={"Yukos oil"}, mentions=6), russia,
                   facts=[("Yukos", "basedIn", "Russia")])]
    g, _ = resolved(res, *results)
    assert set(g.facts) == {("org/yukos", "basedIn", "country/rus")}  # "Yukos livesIn Russia" was a person's
