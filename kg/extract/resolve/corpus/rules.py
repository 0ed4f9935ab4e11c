"""The merge rules: a registry of small named functions, applied in order.

Each rule reads a :class:`View` (units, the clusters the earlier rules left, the evidence, the name
knowledge) and yields :class:`Proposal` s; the stage applies them one by one through the cluster
constraints (:mod:`kg.extract.resolve.corpus.clusters`), so a rule never has to know what must
stay apart.  A rule that finds several candidates proposes nothing and reports a :class:`Suspect`
for ``kg entities`` to show.

Rule ids are what ``kg:mergeRule`` records on a merged IRI; ``docs/entities.md`` lists them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterator

from kg.extract.resolve.corpus.clusters import Clusters
from kg.extract.resolve.corpus.evidence import MIN_SCORE, Candidate, Side, affinity, choose, describe
from kg.extract.resolve.corpus.generations import both_generations, junior, surname_group
from kg.extract.resolve.corpus.units import INSTITUTIONS, Context, Unit
from kg.extract.resolve.names import NEEDS_EVIDENCE, RULE_STRENGTH, NameKit, fold, is_acronym
from kg.resources import Resources
from kg.resources.offices import fold_name

__all__ = ["Proposal", "Suspect", "View", "RULES", "rule", "is_institution", "org_name"]


@dataclass(frozen=True, slots=True)
class Proposal:
    a: int
    b: int
    rule: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Suspect:
    """Two or more entities a rule could not tell apart or join: for a person to review."""

    rule: str
    units: tuple[int, ...]
    evidence: str


@dataclass
class View:
    units: list[Unit]
    clusters: Clusters
    context: Context
    kit: NameKit
    res: Resources
    suspects: list[Suspect] = field(default_factory=list)

    @property
    def gazetteer(self):
        return self.res.gazetteer.entries


RuleFn = Callable[[View], Iterator[Proposal]]
RULES: list[tuple[str, RuleFn]] = []


def rule(name: str, *, before: str | None = None) -> Callable[[RuleFn], RuleFn]:
    """Register a rule under ``name`` (applied in registration order, or just ``before`` another)."""
    def register(fn: RuleFn) -> RuleFn:
        at = [n for n, _ in RULES].index(before) if before else len(RULES)
        RULES.insert(at, (name, fn))
        return fn
    return register


def is_institution(u: Unit) -> bool:
    """A body's name: typed so (a lone capitalised word too, unless a form of address makes it a
    person's), or a key of a body that per-document typing made a person without a person's full
    name ("General Motors" after the rank "General")."""
    if u.short and u.person is not None and u.person.address:
        return False
    return u.cls in INSTITUTIONS or (u.cls == "Person" and u.family in ("org", "group")
                                     and not (u.person is not None and u.person.full))


def org_name(name: str) -> str:
    """A body's name folded, without an unclosed bracket's tail ("Party(BNP"; "Congress (Mexico)" stays)."""
    return fold(re.sub(r"\s*\([^)]*$", "", name)) or fold(name)


def singular(folded: str) -> str:
    """"oscars" -> "oscar", "olympics" -> "olympic"; not "times", "news", "business", "congress"."""
    if len(folded) > 3 and folded.endswith("s") and not folded.endswith(("ss", "us", "es", "is")):
        return folded[:-1]
    return folded


def _place_words(res: Resources) -> frozenset[str]:
    """Folded country names, aliases and demonyms: words a short form of a name may drop."""
    out = set()
    for e in res.gazetteer.entries.values():
        if e.cls == "Country":
            out |= {fold(n) for n in (e.name, *e.aliases, *e.demonyms)}
    return frozenset(out)


# -- organisations ---------------------------------------------------------------------------------
@rule("gazetteer-name")
def gazetteer_name(view: View) -> Iterator[Proposal]:
    """A body the gazetteer knows, written in a form per-document matching missed: other case
    ("International Olympic committee"), without its head word ("Conservative" for the
    Conservative Party), singular or plural ("Democrat"/"Democrats")."""
    index: dict[str, set[int]] = defaultdict(set)
    for u in view.units:
        entry = view.gazetteer.get(u.key) if u.gazetteer else None
        if entry is not None and entry.cls in INSTITUTIONS:
            for n in (entry.name, *entry.aliases):
                index[fold(n)].add(u.uid)
    heads = view.kit.lex.drop_heads
    for u in view.units:
        if not is_institution(u) or u.gazetteer:
            continue
        hits: set[int] = set()
        for f in {org_name(u.name)}:
            forms = {f, f + "s", f[:-1] if f.endswith("s") else f} | {f"{f} {h}" for h in heads}
            for g in forms:
                hits |= index.get(g, set())
        if len(hits) == 1:
            (target,) = hits
            yield Proposal(u.uid, target, "gazetteer-name", f"{u.name!r} is a form of {view.units[target].name!r}")
        elif len(hits) > 1:
            view.suspects.append(Suspect("gazetteer-name", (u.uid, *sorted(hits)), f"{u.name!r} fits several entries"))


@rule("org-same-name")
def org_same_name(view: View) -> Iterator[Proposal]:
    """One body typed two ways in two texts (a party as a Group here, an Organization there)."""
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for u in view.units:
        if is_institution(u):
            by_name[("body", singular(org_name(u.name)))].append(u.uid)
        elif u.cls == "Event":  # "Olympic" / "Olympics"
            by_name[("event", singular(fold(u.name)))].append(u.uid)
    for uids in by_name.values():
        for other in uids[1:]:
            yield Proposal(other, uids[0], "org-same-name", f"one name {view.units[uids[0]].name!r}")


@rule("org-acronym")
def org_acronym(view: View) -> Iterator[Proposal]:
    """An acronym joins the one body whose name it abbreviates: first the bodies a text defined it
    for ("the Public and Commercial Services Union (PCS)" gives the union the alias PCS), else the
    one body in the corpus whose initials it spells, when their texts speak of the same things
    ("NHS" is not the "Norfolk High School" of one text)."""
    kit = view.kit
    spelled: dict[str, list[Unit]] = defaultdict(list)  # acronym -> bodies whose name it spells
    for v in view.units:
        if is_institution(v) and len(v.name.split()) >= 2:
            for acr in sorted({a for n in v.names for a in kit.acronyms(n)}):
                spelled[acr].append(v)
    for u in view.units:
        if not is_institution(u) or not is_acronym(u.name):
            continue
        acr = u.name.replace(".", "")
        fits = spelled.get(acr.upper(), [])
        defined = [v for v in fits if any(f.replace(".", "") == acr for f in v.forms)]
        for pool, how in ((defined, "defined in a text as"), (fits, "spells the initials of")):
            roots = {view.clusters.find(v.uid) for v in pool}
            if len(roots) == 1:
                evidence = f"{u.name!r} {how} {pool[0].name!r}"
                if pool is fits:  # "NHS" is no "Norfolk High School": the texts must agree
                    score, why = affinity(Side.of(view.clusters.cluster(u.uid), view.context),
                                          Side.of(view.clusters.cluster(pool[0].uid), view.context), view.context)
                    if score < MIN_SCORE:
                        view.suspects.append(Suspect("org-acronym", (u.uid, pool[0].uid),
                                                     f"{evidence}, but their texts share too little ({score:.2f})"))
                        break
                    evidence += f" ({score:.2f} [{', '.join(why[:4])}])"
                yield Proposal(u.uid, pool[0].uid, "org-acronym", evidence)
                break
            if len(roots) > 1:
                view.suspects.append(Suspect("org-acronym", (u.uid, *(v.uid for v in pool)),
                                             f"{u.name!r} abbreviates several names"))
                break


@rule("org-short-form")
def org_short_form(view: View) -> Iterator[Proposal]:
    """A short form of a body's name: a country word or "new" dropped in front ("the Independence
    Party" for the UK Independence Party), or the head word "Party" dropped at the end.  A dropped
    country must be mentioned in every text of the short form; only one body may fit."""
    lex = view.kit.lex
    places = _place_words(view.res)
    full: dict[str, list[Unit]] = defaultdict(list)
    for v in view.units:
        if is_institution(v) and not is_acronym(v.name):
            full[org_name(v.name)].append(v)
    country_of = {fold(n): e.id for e in view.gazetteer.values() if e.cls == "Country"
                  for n in (e.name, *e.aliases, *e.demonyms)}
    for name, vs in sorted(full.items()):
        words = name.split()
        for u in vs:
            shorts = set()
            cut = words[:-1] if len(words) >= 2 and words[-1] in lex.drop_heads else None
            if cut:
                shorts.add((" ".join(cut), None))
            for n in (1, 2):
                lead = " ".join(words[:n])
                if len(words) - n >= 2 and (lead in places or lead in lex.drop_leads):
                    shorts.add((" ".join(words[n:]), country_of.get(lead)))
            for short, country in shorts:
                for s in full.get(short, ()):
                    if s.uid == u.uid or (country and not all(country in view.context.doc_keys[d] for d in s.docs)):
                        continue
                    yield Proposal(s.uid, u.uid, "org-short-form", f"{s.name!r} is a short form of {u.name!r}")


# -- people -----------------------------------------------------------------------------------------
def _person_like(u: Unit, kit: NameKit) -> bool:
    """A full name of a person, or a name the NER typed otherwise that reads as one ("Vincent Cable"
    as an organisation: 2-4 capitalised words, none an organisation's head word)."""
    if u.short or u.gazetteer:
        return False
    if u.cls == "Person":
        return u.person is not None and u.person.full
    words = u.name.split()
    return u.cls in INSTITUTIONS and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
        and not any(fold(w) in _ORG_WORDS for w in words) and not is_acronym(words[0])


_ORG_WORDS = frozenset({"party", "union", "council", "committee", "group", "office", "bank", "news", "times",
                        "association", "league", "club", "institute", "agency", "company", "corporation",
                        "ministry", "department", "commission", "court", "house", "street", "university",
                        "college", "school", "fund", "trust", "foundation", "society", "service", "services",
                        "post", "radio", "television", "tv", "press", "inc", "ltd", "plc", "corp", "international"})


@rule("person-name")
def person_name(view: View) -> Iterator[Proposal]:
    """Full names of one person: the same name (also typed otherwise: "Vincent Cable" as an
    organisation), a transliteration ("Eyad"/"Iyad Allawi"), and, when their texts speak of the
    same things (:func:`~kg.extract.resolve.corpus.evidence.affinity`), with or without a middle
    name or a generation suffix, a given-name variant ("Vince"/"Vincent") or an initial
    ("G. Brown").  A name that fits two people who cannot be one ("George Bush" beside "George W.
    Bush" and "George H. W. Bush") joins neither."""
    kit = view.kit
    people = [u for u in view.units if _person_like(u, kit)]
    parsed = {u.uid: (u.person if u.cls == "Person" else kit.person(u.name)) for u in people}
    groups: dict[str, list[Unit]] = defaultdict(list)
    for u in people:
        p = parsed[u.uid]
        if p is not None and p.full:
            groups[surname_group(kit, p.surname)].append(u)
    proposals = []
    for members in groups.values():
        fits: dict[int, dict[int, str]] = defaultdict(dict)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                how = kit.match(parsed[a.uid], parsed[b.uid])
                if how and (a.cls == "Person" or b.cls == "Person"):
                    fits[a.uid][b.uid] = fits[b.uid][a.uid] = how
        for a, partners in fits.items():
            for b, how in partners.items():
                if a < b and _clique(kit, parsed, partners.keys() | fits[b].keys() | {a, b}):
                    proposals.append((RULE_STRENGTH.index(how), a, b, how))
                elif a < b:
                    view.suspects.append(Suspect(how, (a, b), "the name also fits someone else"))
    for _, a, b, how in sorted(proposals):
        ua, ub = view.units[a], view.units[b]
        evidence = f"{ua.name!r} and {ub.name!r}"
        if how in NEEDS_EVIDENCE:
            score, why = affinity(Side.of(view.clusters.cluster(a), view.context),
                                  Side.of(view.clusters.cluster(b), view.context), view.context)
            if score < MIN_SCORE:
                view.suspects.append(Suspect(how, (a, b), f"{evidence}: their texts share too little "
                                                          f"({score:.2f} [{', '.join(why[:4])}])"))
                continue
            evidence += f" ({score:.2f} [{', '.join(why[:4])}])"
        elif how == "person-same-name" and "Person" not in (ua.cls, ub.cls) or ua.cls != ub.cls:
            how = "same-name-two-types"  # one name the NER typed a person in one text, a body in another
        yield Proposal(a, b, how, evidence)


def _credible(name: str) -> bool:
    """Does a name typed a person's read as one: capitalised words, no acronym, no body's word, no
    "v" ("BBC Sport Wales", "Swansea v Leicester" are no one's names)?"""
    words = name.replace("-", " ").split()
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words) \
        and not any(is_acronym(w) and len(w) > 1 for w in words) and not any(fold(w) in _ORG_WORDS for w in words)


_PARTICLES = frozenset({"van", "von", "der", "de", "da", "di", "du", "del", "la", "le", "bin", "ibn", "al", "el"})


def _clique(kit: NameKit, parsed, uids) -> bool:
    """Can all these names be one person (every pair matches)?"""
    uids = sorted(uids)
    return all(kit.match(parsed[x], parsed[y]) for i, x in enumerate(uids) for y in uids[i + 1:])


@rule("person-short-name")
def person_short_name(view: View) -> Iterator[Proposal]:
    """A surname or a given name alone in a text ("Blair", "Mr Farage", "Saddam") joins the one
    person with that name whom the text's evidence points to: facts and co-mentioned entities
    shared with the person's other texts (rarer ones weigh more), shared job titles.  Without
    evidence, or with two people equally likely, it stays as it is (see
    :mod:`kg.extract.resolve.corpus.evidence`)."""
    kit = view.kit
    by_word: dict[str, set[int]] = defaultdict(set)
    for root in view.clusters.roots():
        for u in view.clusters.cluster(root):
            p = u.person if u.cls == "Person" else None
            if p is None or not p.full or u.short or not _credible(u.name):
                continue
            by_word[surname_group(kit, p.surname)].add(root)
            core = kit.core(p.surname)
            by_word[surname_group(kit, core)].add(root)
            if " " in core:  # "Kilroy" for Kilroy-Silk
                by_word[surname_group(kit, core.split()[0])].add(root)
            by_word["given:" + p.given[0]].add(root)
    # texts writing a surname with its generation ("Trump Jr.", or naming both generations): a lone "Trump"
    # there is the other generation (kg.extract.resolve.corpus.generations)
    generations = {(u.doc, surname_group(kit, u.person.surname)) for u in view.units if u.short and u.person.suffix}
    generations |= both_generations(view.units, kit)
    cache: dict[int, Candidate] = {}
    for u in view.units:
        # joined to a person named in full by an earlier rule (aliases, office holders): it stays
        if not u.short or view.clusters.named(u.uid):
            continue
        word = u.person.surname
        other_generation = not u.person.suffix and (u.doc, surname_group(kit, word)) in generations
        # a lone name is a surname first ("Paul said": Rand Paul, not Paul Singer); a given name
        # only for the one person its own text names so ("Ken ... Ken Livingstone")
        roots = by_word.get(surname_group(kit, word), set())
        given, regnal = not roots, view.res.entities.words.regnal_titles
        if given:  # "Prince Charles": a royal's given name is only a royal's ("Prince Ahmed bin X"), not Charles Kennedy's
            roots = {r for r in by_word.get("given:" + word, set()) if not u.titles_before(word) & regnal
                     or view.units[r].titles_before(view.units[r].name) & regnal}
        held = _holder_names(view, u)  # "President Trump" in 2017 beside "Melania Trump": only the holder
        roots = {r for r in roots if view.clusters.conflict(u.uid, r) is None
                 and not (other_generation and view.units[r].person is not None and view.units[r].person.suffix)
                 and not (not other_generation and junior(view.clusters, r, u.doc))
                 and (not held or fold_name(view.units[r].name) in held)}
        if not roots:
            continue
        cands = []
        for r in sorted(roots):
            if r not in cache:
                cache[r] = Candidate.of(view.clusters.cluster(r), view.context)
            cands.append(cache[r])
        if (given or u.cls != "Person" and not u.person.titled) and not any(u.doc in c.docs for c in cands):
            continue  # a given name, or a lone word typed a body ("Thomson"): only its own text can tell
        best, scores = choose(u, cands, view.context, kit.lex.given_sex)
        if best is not None:
            yield Proposal(u.uid, best.uid, "person-short-name", describe(u, best, scores, cands))
        elif len(cands) > 1 or scores:
            view.suspects.append(Suspect("person-short-name", (u.uid, *(c.uid for c in cands)),
                                         describe(u, None, scores, cands)))


def _holder_names(view: View, u: Unit) -> set[str]:
    """The names of the office holder a titled short name denotes on its text's date, by the tables."""
    date = view.context.dates.get(u.doc)
    return {fold_name(n) for t in u.titles_before(u.person.surname) if t and date
            for h in view.res.offices.holders(u.person.surname, t, date) for n in h.names}


@rule("same-name-two-types")
def same_name_two_types(view: View) -> Iterator[Proposal]:
    """One name the NER typed a body in some texts and a person or a place in others: a lone word
    that is no given name and no full name in the corpus has as a surname ("Yukos said", "Chelsea
    won": no one is called Yukos), or an acronym typed a place ("BT").  Runs after the people's
    rules: a lone word they placed stays placed."""
    kit = view.kit
    bodies: dict[str, Unit] = {}
    for u in view.units:
        if is_institution(u):
            bodies.setdefault(org_name(u.name), u)
    surnames = {surname_group(kit, u.person.surname) for u in view.units
                if u.cls == "Person" and u.person is not None and u.person.full}
    for u in view.units:
        lone = u.short and u.cls == "Person" and not u.person.titled \
            and surname_group(kit, u.person.surname) not in surnames \
            and not kit.lex.given_groups(u.person.surname) \
            and len(view.clusters.members[view.clusters.find(u.uid)]) == 1
        placed = u.cls in ("Place", "City") and not u.gazetteer and is_acronym(u.name)
        body = bodies.get(org_name(u.name)) if lone or placed else None
        if body is not None:
            why = "no one in the corpus has this surname" if lone else "an acronym is no place"
            yield Proposal(u.uid, body.uid, "same-name-two-types", f"{u.name!r} is {body.name!r} ({why})")
