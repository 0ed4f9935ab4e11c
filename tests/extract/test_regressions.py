"""Sentence-level regressions as data: every case of ``tests/cases/*.toml`` is one text run through
the whole extraction (the real spaCy pipeline) and checked against the facts and names that must and
must not appear.  The format is described in ``tests/cases/README.md``; the table is validated when
it is loaded (an unknown key, property, class or modality is an error naming the file and case), so
a typo cannot make a "must not" check pass silently."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomllib
from helpers import ROOT

from kg.model import MODALITIES

CASES_DIR = ROOT / "tests" / "cases"
ANY = "any"  # a fact pattern's modality: every reading, whatever its modality
OPERATORS = ("contains", "startswith", "endswith", "not")

CASE_KEYS = {"id", "text", "source", "note", "doc_id", "title", "date", "facts", "no_facts", "entities", "no_entities"}
FACT_KEYS = {"subject", "property", "object", "modality", "modalities", "valid_from", "valid_until", "event_start",
             "event_end"}
# facts only: the validity bounds of a post and the event time of an event fact (docs/time.md)
BOUND_KEYS = ("valid_from", "valid_until", "event_start", "event_end")
ENTITY_KEYS = {"name", "key", "class", "count", "aliases", "job_titles"}
NO_ENTITY_KEYS = {"name", "key", "class", "alias", "job_title"}


class CaseFormatError(ValueError):
    """A case table breaks the format of tests/cases/README.md."""


@dataclass(frozen=True)
class Case:
    """One validated case: a text and the checks on what its extraction must and must not give."""

    id: str
    text: str
    source: str
    doc_id: str = "t"
    title: str | None = None
    date: str | None = None  # the document date, ISO (the base of relative times)
    note: str | None = None
    facts: tuple[dict, ...] = ()
    no_facts: tuple[dict, ...] = ()
    entities: tuple[dict, ...] = ()
    no_entities: tuple[dict, ...] = ()


# --- loading and validation -------------------------------------------------------------------

def _vocabulary() -> tuple[set[str], set[str]]:
    """Property and class names of the shipped ontology (read without the spaCy pipeline)."""
    from kg.resources import data_dir, load_ontology

    onto = load_ontology(data_dir() / "newskg.ttl")
    return set(onto.properties), set(onto.classes)


def _check_matcher(value, where: str, allowed: set[str] | None = None) -> None:
    """A matcher is a string, a list of strings (any of) or a one-key table {contains|startswith|
    endswith|not = ...}; exact names are checked against ``allowed`` when it is given."""
    if isinstance(value, dict):
        if len(value) != 1 or next(iter(value)) not in OPERATORS:
            raise CaseFormatError(f"{where}: a matcher table has one key of {OPERATORS}, got {sorted(value)}")
        op, arg = next(iter(value.items()))
        if op == "not":
            _check_matcher(arg, where, allowed)
        elif not isinstance(arg, str) or not arg:
            raise CaseFormatError(f"{where}: '{op}' takes a non-empty string, got {arg!r}")
        return
    names = value if isinstance(value, list) else [value]
    if not names or not all(isinstance(n, str) and n for n in names):
        raise CaseFormatError(f"{where}: expected a string, a list of strings or a matcher table, got {value!r}")
    if allowed is not None and (unknown := sorted(set(names) - allowed)):
        raise CaseFormatError(f"{where}: unknown name(s) {unknown} (not in ontologies/newskg.ttl)")


def _check_keys(entry, known: set[str], where: str) -> None:
    if not isinstance(entry, dict):
        raise CaseFormatError(f"{where}: expected a table, got {entry!r}")
    if unknown := sorted(set(entry) - known):
        raise CaseFormatError(f"{where}: unknown key(s) {unknown}; known keys: {sorted(known)}")


def _fact(entry, where: str, props: set[str], must: bool) -> dict:
    """A fact pattern; ``["S", "P", "O"]`` is short for an asserted fact with those exact names."""
    if isinstance(entry, list):
        if len(entry) != 3 or not all(isinstance(x, str) and x for x in entry):
            raise CaseFormatError(f"{where}: a fact written as a list is [subject, property, object], got {entry!r}")
        entry = dict(zip(("subject", "property", "object"), entry))
    _check_keys(entry, FACT_KEYS if must else FACT_KEYS - {"modalities", *BOUND_KEYS}, where)
    for field in BOUND_KEYS:
        if field in entry and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry[field])):
            raise CaseFormatError(f"{where}.{field}: expected an ISO date YYYY-MM-DD, got {entry[field]!r}")
    for field in ("subject", "property", "object"):
        if field in entry:
            _check_matcher(entry[field], f"{where}.{field}", props if field == "property" else None)
    if "modalities" in entry:
        mods = entry["modalities"]
        if "modality" in entry or not isinstance(mods, list) or not mods or not set(mods) <= set(MODALITIES):
            raise CaseFormatError(f"{where}: 'modalities' is a non-empty list of {MODALITIES} and excludes "
                                  f"'modality', got {entry!r}")
    elif entry.get("modality", "asserted") not in (*MODALITIES, ANY):
        raise CaseFormatError(f"{where}: modality must be one of {(*MODALITIES, ANY)}, got {entry['modality']!r}")
    return entry


def _entity(entry, where: str, classes: set[str]) -> dict:
    """An entity that must exist; a plain string is short for ``{name = "..."}``."""
    if isinstance(entry, str):
        entry = {"name": entry}
    _check_keys(entry, ENTITY_KEYS, where)
    if not isinstance(entry.get("name", entry.get("key")), str):
        raise CaseFormatError(f"{where}: an entity that must appear is selected by 'name' or 'key' (a string)")
    if "key" in entry and not isinstance(entry["key"], str):
        raise CaseFormatError(f"{where}.key: expected a string, got {entry['key']!r}")
    if "class" in entry:
        _check_matcher(entry["class"], f"{where}.class", classes)
        if isinstance(entry["class"], dict):
            raise CaseFormatError(f"{where}.class: a class that must hold is a name or a list of names")
    if "count" in entry and (not isinstance(entry["count"], int) or entry["count"] < 1):
        raise CaseFormatError(f"{where}.count: expected a positive integer, got {entry['count']!r}")
    for field in ("aliases", "job_titles"):
        if field in entry and (not isinstance(entry[field], list) or not all(isinstance(a, str) for a in entry[field])):
            raise CaseFormatError(f"{where}.{field}: expected a list of strings, got {entry[field]!r}")
    return entry


def _no_entity(entry, where: str, classes: set[str]) -> dict:
    """An entity pattern no entity may match; a plain string is short for ``{name = "..."}``."""
    if isinstance(entry, str):
        entry = {"name": entry}
    _check_keys(entry, NO_ENTITY_KEYS, where)
    if not entry:
        raise CaseFormatError(f"{where}: an empty entity pattern would forbid every entity")
    for field, value in entry.items():
        _check_matcher(value, f"{where}.{field}", classes if field == "class" else None)
    return entry


def _case(raw, where: str, props: set[str], classes: set[str]) -> Case:
    _check_keys(raw, CASE_KEYS, where)
    for field in ("id", "text", "source"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise CaseFormatError(f"{where}: '{field}' is required (a non-empty string)")
    where = f"{where} ({raw['id']})"
    for field in ("doc_id", "title", "note", "date"):
        if field in raw and not isinstance(raw[field], str):
            raise CaseFormatError(f"{where}.{field}: expected a string, got {raw[field]!r}")
    if "date" in raw and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw["date"]):
        raise CaseFormatError(f"{where}.date: expected an ISO date YYYY-MM-DD, got {raw['date']!r}")
    lists = {}
    for field in ("facts", "no_facts", "entities", "no_entities"):
        value = raw.get(field, [])
        if not isinstance(value, list):
            raise CaseFormatError(f"{where}.{field}: expected a list, got {value!r}")
        lists[field] = value
    if not any(lists.values()):
        raise CaseFormatError(f"{where}: a case checks something (facts, no_facts, entities or no_entities)")
    return Case(
        id=raw["id"], text=raw["text"], source=raw["source"], doc_id=raw.get("doc_id", "t"),
        title=raw.get("title"), note=raw.get("note"), date=raw.get("date"),
        facts=tuple(_fact(e, f"{where}.facts[{i}]", props, True) for i, e in enumerate(lists["facts"])),
        no_facts=tuple(_fact(e, f"{where}.no_facts[{i}]", props, False) for i, e in enumerate(lists["no_facts"])),
        entities=tuple(_entity(e, f"{where}.entities[{i}]", classes) for i, e in enumerate(lists["entities"])),
        no_entities=tuple(_no_entity(e, f"{where}.no_entities[{i}]", classes)
                          for i, e in enumerate(lists["no_entities"])),
    )


def load_cases(paths, props: set[str], classes: set[str]) -> list[Case]:
    """Every case of the given TOML files, validated; case ids are unique across the files."""
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in paths:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise CaseFormatError(f"{path.name}: not valid TOML ({exc})") from exc
        if set(data) - {"case"} or not isinstance(data.get("case"), list):
            raise CaseFormatError(f"{path.name}: the file holds only [[case]] tables, got keys {sorted(data)}")
        for n, raw in enumerate(data["case"]):
            case = _case(raw, f"{path.name}: case {n + 1}", props, classes)
            if case.id in seen:
                raise CaseFormatError(f"{path.name}: case id {case.id!r} is used twice (also in {seen[case.id]})")
            seen[case.id] = path.name
            cases.append(case)
    return cases


# --- checking -----------------------------------------------------------------------------------

def matches(matcher, value: str) -> bool:
    if isinstance(matcher, dict):
        (op, arg), = matcher.items()
        if op == "not":
            return not matches(arg, value)
        return {"contains": arg in value, "startswith": value.startswith(arg), "endswith": value.endswith(arg)}[op]
    return value in matcher if isinstance(matcher, list) else value == matcher


def readings(g) -> dict[tuple[str, str, str], frozenset[str]]:
    """Every (subject name, property, object name) read, with the modalities of its evidence;
    symmetric facts in both directions (as ``helpers.named_facts``)."""
    out: dict[tuple[str, str, str], set[str]] = {}
    for (s, p, o), evs in g.facts.items():
        sn, on = g.entities[s].name, g.entities[o].name
        for fact in ((sn, p, on), (on, p, sn)) if p in g.symmetric else ((sn, p, on),):
            out.setdefault(fact, set()).update(e.modality for e in evs)
    return {f: frozenset(m) for f, m in out.items()}


def _bounds(g, found: list[tuple[str, str, str]]) -> set[tuple[str | None, ...]]:
    """The (valid_from, valid_until, event_start, event_end) of every evidence of the facts ``found`` (by name)."""
    out = set()
    for (s, p, o), evs in g.facts.items():
        sn, on = g.entities[s].name, g.entities[o].name
        if (sn, p, on) in found or (on, p, sn) in found:
            out.update((e.valid_from, e.valid_until, e.event_start, e.event_end) for e in evs)
    return out


def _bound_matches(pattern: dict, bounds: set) -> bool:
    """Some evidence has the pattern's bounds and event time (one left out matches any)."""
    return any(all(b[n] == pattern[k] for n, k in enumerate(BOUND_KEYS) if k in pattern) for b in bounds)


def _matching_facts(pattern: dict, read: dict) -> list[tuple[str, str, str]]:
    modality = pattern.get("modality", ANY if "modalities" in pattern else "asserted")
    return sorted(f for f, mods in read.items()
                  if (modality == ANY or modality in mods)
                  and all(matches(pattern[k], v) for k, v in zip(("subject", "property", "object"), f) if k in pattern))


def _entity_matches(pattern: dict, e) -> bool:
    return (all(matches(pattern[k], v) for k, v in (("name", e.name), ("key", e.key), ("class", e.cls)) if k in pattern)
            and ("alias" not in pattern or any(matches(pattern["alias"], a) for a in e.aliases))
            and ("job_title" not in pattern or any(matches(pattern["job_title"], t) for t in e.job_titles)))


def _entity_problems(want: dict, ents: list) -> list[str]:
    """An entity that must appear: selected by name (else key), every selected one meets the rest."""
    sel = [e for e in ents if (e.name == want["name"] if "name" in want else e.key == want["key"])]
    if not sel:
        return [f"no entity {want}"]
    out = []
    if "count" in want and len(sel) != want["count"]:
        out.append(f"{len(sel)} entities for {want}, expected {want['count']}")
    for e in sel:
        if "key" in want and e.key != want["key"]:
            out.append(f"{e.name!r} has key {e.key!r}, expected {want['key']!r}")
        if "class" in want and not matches(want["class"], e.cls):
            out.append(f"{e.name!r} ({e.key}) has class {e.cls!r}, expected {want['class']!r}")
        for field, have in (("aliases", e.aliases), ("job_titles", e.job_titles)):
            if missing := sorted(set(want.get(field, ())) - have):
                out.append(f"{e.name!r} ({e.key}) lacks {field} {missing}; has {sorted(have)}")
    return out


def problems(case: Case, g) -> list[str]:
    """What the graph ``g`` of the case's text gets wrong, one line each (empty when it passes)."""
    read = readings(g)
    out = []
    for pattern in case.facts:
        found = _matching_facts(pattern, read)
        if not found:
            out.append(f"missing fact {pattern}")
        elif "modalities" in pattern and (got := set().union(*(read[f] for f in found))) != set(pattern["modalities"]):
            out.append(f"fact {pattern} read with modalities {sorted(got)}: {found}")
        elif any(k in pattern for k in BOUND_KEYS) and not _bound_matches(pattern, bounds := _bounds(g, found)):
            out.append(f"fact {pattern} read with bounds (from, until, start, end) "
                       f"{sorted(bounds, key=str)}: {found}")
    for pattern in case.no_facts:
        if found := _matching_facts(pattern, read):
            out.append(f"unwanted fact {pattern}: {found}")
    ents = list(g.entities.values())
    for want in case.entities:
        out.extend(_entity_problems(want, ents))
    for pattern in case.no_entities:
        if found := [f"{e.name} ({e.cls}, {e.key})" for e in ents if _entity_matches(pattern, e)]:
            out.append(f"unwanted entity {pattern}: {found}")
    return out


def report(case: Case, g, failed: list[str]) -> str:
    """The failure message: the text, what failed, and everything that was found."""
    read = readings(g)
    lines = [f"case {case.id} ({case.source})", f"text: {case.text}", "failed:"]
    lines += [f"  {p}" for p in failed]
    lines.append("readings found (modalities):")
    lines += [f"  {f}  {sorted(m)}" for f, m in sorted(read.items())] or ["  (none)"]
    lines.append("entities found:")
    lines += [f"  {e.name!r} {e.cls} {e.key} aliases={sorted(e.aliases)} job_titles={sorted(e.job_titles)}"
              for e in sorted(g.entities.values(), key=lambda e: e.key)] or ["  (none)"]
    return "\n".join(lines)


# --- the runner ------------------------------------------------------------------------------------

CASES = load_cases(sorted(CASES_DIR.glob("*.toml")), *_vocabulary())


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_regression(case, nlp, res):
    from kg.builder import build
    from kg.model import Document

    g = build([Document(case.doc_id, case.text, title=case.title, date=case.date)], nlp=nlp, resources=res)
    failed = problems(case, g)
    assert not failed, report(case, g, failed)


# --- the format and the checks themselves (no model) ----------------------------------------------

PROPS, CLASSES = {"visited", "allyOf", "worksFor"}, {"Person", "Country", "Organization"}


def _load(tmp_path, body: str, name: str = "t.toml") -> list[Case]:
    (tmp_path / name).write_text(body, encoding="utf-8")
    return load_cases([tmp_path / name], PROPS, CLASSES)


@pytest.mark.parametrize("body, message", [
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nfact = [["A", "visited", "B"]]\n', r"unknown key\(s\) \['fact'\]"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nfacts = [["A", "visits", "B"]]\n', r"unknown name\(s\) \['visits'\]"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nentities = [{ name = "A", class = "City" }]\n', "City"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nno_facts = [{ subjects = "A" }]\n', "subjects"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nno_facts = [{ subject = { has = "A" } }]\n', "matcher"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nfacts = [{ property = "visited", modality = "maybe" }]\n',
     "modality"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nno_facts = [{ property = "visited", modalities = ["hedged"] }]\n',
     "modalities"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nfacts = [{ property = "worksFor", valid_from = "2002" }]\n',
     "ISO date"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nno_facts = [{ property = "worksFor", valid_until = "2002-12-31" }]\n',
     "valid_until"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\n', "checks something"),
    ('[[case]]\nid = "a"\ntext = "T."\nno_facts = [{}]\n', "'source' is required"),
    ('[[case]]\nid = "a"\ntext = "T."\nsource = "s"\nno_facts = [{}]\n[[case]]\nid = "a"\ntext = "U."\nsource = "s"\n'
     'no_facts = [{}]\n', "used twice"),
    ('title = "x"\n', "only \\[\\[case\\]\\]"),
])
def test_a_malformed_table_is_a_load_error_naming_file_and_case(tmp_path, body, message):
    with pytest.raises(CaseFormatError, match=message) as err:
        _load(tmp_path, body)
    assert str(err.value).startswith("t.toml")


def _graph():
    """Norway allyOf Sweden (symmetric), a hedged visit, an asserted post; no spaCy involved."""
    from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation

    g = KnowledgeGraph(symmetric={"allyOf"})
    ents = [Entity("country/nor", "Country", "Norway", set(), 1, {"t"}),
            Entity("country/swe", "Country", "Sweden", set(), 1, {"t"}),
            Entity("person/ana-lind", "Person", "Ana Lind", {"Minister Ana Lind"}, 1, {"t"}),
            Entity("org/acme", "Organization", "Acme Systems", set(), 1, {"t"})]

    def ev(modality="asserted", **bounds):
        return Evidence("t", "T.", 0, 2, "test", 0.9, modality, **bounds)
    g.add(DocResult(Document("t", "T."), ents, [
        Relation("country/swe", "allyOf", "country/nor", ev()),
        Relation("person/ana-lind", "visited", "country/nor", ev("hedged")),
        Relation("person/ana-lind", "worksFor", "org/acme", ev(valid_from="2002-01-01"))]))
    return g


def test_a_case_that_holds_passes(tmp_path):
    case, = _load(tmp_path, '''[[case]]
id = "holds"
text = "T."
source = "s"
facts = [["Norway", "allyOf", "Sweden"], ["Sweden", "allyOf", "Norway"],
         { subject = "Ana Lind", property = "visited", modalities = ["hedged"] },
         { subject = { startswith = "Ana" }, object = { contains = "Systems" } },
         { subject = "Ana Lind", property = "worksFor", valid_from = "2002-01-01" }]
no_facts = [["Ana Lind", "visited", "Norway"], { property = "worksFor", object = { not = "Acme Systems" } }]
entities = ["Norway", { name = "Ana Lind", class = ["Person"], count = 1, aliases = ["Minister Ana Lind"] },
            { key = "org/acme", class = "Organization" }]
no_entities = ["Denmark", { name = { endswith = "Systems" }, class = { not = "Organization" } },
               { alias = { contains = "President" } }]
''')
    assert problems(case, _graph()) == []


def test_a_case_that_fails_says_what_failed(tmp_path):
    case, = _load(tmp_path, '''[[case]]
id = "fails"
text = "T."
source = "s"
facts = [["Ana Lind", "visited", "Norway"], { subject = "Ana Lind", property = "visited", modalities = ["asserted"] }]
no_facts = [{}, { property = "visited", modality = "hedged" }]
entities = ["Denmark", { name = "Ana Lind", class = "Country", aliases = ["Lind"], count = 2 }]
no_entities = [{ name = { contains = "Acme" } }]
''')
    g = _graph()
    failed = problems(case, g)
    assert [p.split(" ", 2)[:2] for p in failed] == [
        ["missing", "fact"], ["fact", "{'subject':"], ["unwanted", "fact"], ["unwanted", "fact"], ["no", "entity"],
        ["1", "entities"], ["'Ana", "Lind'"], ["'Ana", "Lind'"], ["unwanted", "entity"]]
    message = report(case, g, failed)
    assert "text: T." in message and "('Norway', 'allyOf', 'Sweden')  ['asserted']" in message
    assert "'Acme Systems' Organization org/acme" in message


def test_a_wrong_bound_fails(tmp_path):
    case, = _load(tmp_path, '''[[case]]
id = "bound"
text = "T."
source = "s"
facts = [{ subject = "Ana Lind", property = "worksFor", valid_from = "2003-01-01" },
         { subject = "Ana Lind", property = "worksFor", valid_until = "2005-12-31" }]
''')
    assert [p.split(" (from")[0].split(" read with ")[1] for p in problems(case, _graph())] == ["bounds"] * 2
