"""The constructions of ``ontologies/lexicon/patterns.toml``: loaded, validated, compiled.

A :class:`Construction` is one DependencyMatcher pattern with what the engine needs around it:
the trigger kinds whose words fill its anchor, the rule id it writes, its tier, guards and
readers.  :func:`compiled` turns the constructions into one matcher for a vocabulary and lexicon
(cached): one pattern per construction and preposition, with the anchor node restricted to the
trigger words, so that matching costs one pass per document.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomllib
from spacy.matcher import DependencyMatcher
from spacy.vocab import Vocab

from kg.errors import DataFileError
from kg.extract.relations.treematch import TreeMatcher, supported
from kg.resources import RelationLexicon

__all__ = ["Construction", "Constructions", "load_constructions", "compiled", "KIND_LOOKUP"]

# How a token is looked up among the triggers of a kind: by its lemma (verbs), by its word and
# then its lemma (nouns), by its lemma else its word (compound heads).  Lemmas of verbs and common
# nouns are lower case in spaCy's English lemmatizer; proper nouns keep their case, and are found
# by their lower-cased word.
KIND_LOOKUP = {"verbs": "lemma", "inverse_verbs": "lemma", "collective_verbs": "lemma",
               "nouns": "word+lemma", "inverse_nouns": "word+lemma", "compounds": "lemma|word",
               "evaluations": "word+lemma", "adjectives": "word+lemma", "misdeeds": "lemma",
               "reciprocal_nouns": "word+lemma"}
_KEYS = {"id", "rule", "triggers", "preps", "exclude_preps", "voice", "guards", "tier", "fallback", "subject",
         "object", "mode", "pattern"}


@dataclass(frozen=True)
class Construction:
    id: str
    rule: str
    triggers: tuple[str, ...]
    preps: str | tuple[str, ...]  # "none", "any" or the prepositions admitted
    exclude_preps: tuple[str, ...]
    voice: str
    guards: tuple[str, ...]
    tier: int
    fallback: str  # "unread" | "unmatched"
    subject: str | None
    object: str | None
    mode: str  # "pair" | "subjects" | "mutual" | "objects"
    pattern: tuple[dict[str, Any], ...]

    def admits_prep(self, prep: str | None) -> bool:
        if prep in self.exclude_preps:
            return False
        if self.preps == "none":
            return prep is None
        if self.preps == "any":
            return prep is not None
        return prep in self.preps

    @property
    def uses_prep_node(self) -> bool:
        return any(n.get("RIGHT_ATTRS", {}).get("LOWER") == "@prep" for n in self.pattern)


@dataclass(frozen=True)
class Constructions:
    items: tuple[Construction, ...]
    swap_kinds: frozenset[str]
    path: Path

    def by_id(self) -> dict[str, Construction]:
        return {c.id: c for c in self.items}


def load_constructions(path: Path, *, rules: frozenset[str], guards: frozenset[str],
                       readers: frozenset[str]) -> Constructions:
    """Read and validate ``patterns.toml``; ``rules``, ``guards`` and ``readers`` are the names
    the code provides (an unknown one is a load error naming the construction)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the construction patterns ({exc}).") from exc
    unknown = sorted(set(data) - {"swap_kinds", "constructions"})
    if unknown:
        raise DataFileError(f"{path}: unknown top-level key(s) {', '.join(unknown)}; allowed: swap_kinds, constructions.")
    items, seen = [], set()
    for n, raw in enumerate(data.get("constructions", [])):
        c = _construction(raw, f"{path}: constructions[{n}]", rules, guards, readers)
        if c.id in seen:
            raise DataFileError(f"{path}: construction id {c.id!r} is used twice; ids must be unique.")
        seen.add(c.id)
        items.append(c)
    swap = frozenset(data.get("swap_kinds", []))
    if not swap <= set(KIND_LOOKUP):
        raise DataFileError(f"{path}: swap_kinds names unknown trigger kinds {sorted(swap - set(KIND_LOOKUP))}.")
    return Constructions(tuple(items), swap, path)


def _construction(raw: dict, where: str, rules: frozenset[str], guards: frozenset[str],
                  readers: frozenset[str]) -> Construction:
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: must be a table.")
    extra = sorted(set(raw) - _KEYS)
    if extra:
        raise DataFileError(f"{where}: unknown key(s) {', '.join(extra)}; allowed: {', '.join(sorted(_KEYS))}.")
    for key in ("id", "rule", "triggers", "pattern"):
        if key not in raw:
            raise DataFileError(f"{where}: missing {key!r}.")
    cid = raw["id"]
    where = f"{where} ({cid})"

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(f"{where}: {msg}")

    check(raw["rule"] in rules, f"rule {raw['rule']!r} is not declared in kg/extract/relations/registry.py.")
    triggers = tuple(raw["triggers"])
    check(bool(triggers) and all(t in KIND_LOOKUP for t in triggers),
          f"triggers must name trigger kinds among {sorted(KIND_LOOKUP)}.")
    preps = raw.get("preps", "none")
    check(preps in ("none", "any") or (isinstance(preps, list) and all(isinstance(p, str) for p in preps)),
          "preps must be \"none\", \"any\" or a list of prepositions.")
    voice = raw.get("voice", "any")
    check(voice in ("active", "passive", "any"), "voice must be active, passive or any.")
    unknown_guards = sorted(set(raw.get("guards", [])) - guards)
    check(not unknown_guards, f"unknown guard(s) {unknown_guards}; known: {sorted(guards)}.")
    for role in ("subject", "object"):
        check(raw.get(role) is None or raw[role] in readers, f"unknown {role} reader {raw.get(role)!r}; known: {sorted(readers)}.")
    mode = raw.get("mode", "pair")
    check(mode in ("pair", "subjects", "mutual", "objects"), "mode must be pair, subjects, mutual or objects.")
    check(mode != "pair" or (raw.get("subject") and raw.get("object")), "a pair needs a subject and an object reader.")
    check(raw.get("fallback", "unread") in ("unread", "unmatched"), "fallback must be unread or unmatched.")
    pattern = raw["pattern"]
    check(isinstance(pattern, list) and pattern and pattern[0].get("RIGHT_ID") == "anchor",
          "pattern must be a non-empty list whose first node has RIGHT_ID = \"anchor\".")
    names = {n.get("RIGHT_ID") for n in pattern}
    for role in ("subject", "object"):
        if role in names:
            check(raw.get(role) is not None, f"the node {role!r} needs a {role} reader.")
    return Construction(
        id=cid, rule=raw["rule"], triggers=triggers, preps=preps if isinstance(preps, str) else tuple(preps),
        exclude_preps=tuple(raw.get("exclude_preps", [])), voice=voice, guards=tuple(raw.get("guards", [])),
        tier=int(raw.get("tier", 1)), fallback=raw.get("fallback", "unread"), subject=raw.get("subject"),
        object=raw.get("object"), mode=mode, pattern=tuple(pattern),
    )


def trigger_words(lex: RelationLexicon, kind: str, c: Construction, prep: str | None) -> tuple[list[str], list[str]]:
    """(lemmas, words) that fill the anchor of ``c`` for the triggers of ``kind`` with ``prep``
    (``prep`` None: every preposition the construction admits)."""
    words = sorted({t.anchor for t in lex.triggers.get(kind, ())
                    if c.admits_prep(t.prep) and (prep is None or t.prep == prep)})
    how = KIND_LOOKUP[kind]
    return (words if "lemma" in how else []), (words if "word" in how else [])


def _anchored(c: Construction, preps: list[str] | None, attr: str, words: list[str],
              lex: RelationLexicon) -> list[dict[str, Any]]:
    """The pattern of ``c`` with its anchor restricted to ``words``, its "@prep" node to
    ``preps`` and every other "@name" value to the word list ``name`` of the lexicon's [words]."""
    pattern = copy.deepcopy(list(c.pattern))
    pattern[0]["RIGHT_ATTRS"] = {**pattern[0].get("RIGHT_ATTRS", {}), attr: {"IN": words}}
    for node in pattern[1:]:
        attrs = node.get("RIGHT_ATTRS", {})
        for name, value in list(attrs.items()):
            if value == "@prep" and name == "LOWER":
                attrs[name] = {"IN": preps}
            elif isinstance(value, str) and value.startswith("@"):
                attrs[name] = {"IN": sorted(_word_list(lex, c, value[1:]))}
    return pattern


def _word_list(lex: RelationLexicon, c: Construction, name: str) -> frozenset[str]:
    """The word list ``name`` of relations.toml [words] that a pattern of ``c`` refers to as "@name"."""
    words = getattr(lex.words, name, None)
    if not isinstance(words, frozenset):
        raise DataFileError(f"construction {c.id!r}: its pattern refers to \"@{name}\", which is no word list of "
                            "relations.toml [words]; add the list there or fix the name.")
    return words


def prep_node(c: Construction) -> str | None:
    """The name of the construction's preposition node ("@prep"), if it has one."""
    return next((n["RIGHT_ID"] for n in c.pattern if n.get("RIGHT_ATTRS", {}).get("LOWER") == "@prep"), None)


_COMPILED: dict[tuple[int, int, int], tuple[Any, Any, dict[int, tuple[str, str | None]]]] = {}


def compiled(vocab: Vocab, lex: RelationLexicon, cons: Constructions) -> tuple[Any, dict[int, tuple[str, str | None]]]:
    """A matcher over ``vocab`` holding every construction (cached per vocab, lexicon and
    constructions), and the map from a match id to (construction id, name of its preposition node
    or None).  The matcher is a :class:`~kg.extract.relations.treematch.TreeMatcher` when every
    pattern stays inside its subset (the shipped ones do), else spaCy's ``DependencyMatcher``."""
    key = (id(vocab), id(lex), id(cons))
    hit = _COMPILED.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], (vocab, lex, cons))):
        return hit[1], hit[2]
    simple = all(supported(list(c.pattern)) for c in cons.items)
    matcher: Any = TreeMatcher(vocab) if simple else DependencyMatcher(vocab, validate=True)
    names: dict[int, tuple[str, str | None]] = {}
    for c in cons.items:
        # one key per construction: a construction with a preposition node matches every preposition
        # it admits, and the reader keeps the matches whose preposition is the trigger's
        preps = sorted({t.prep for kind in c.triggers for t in lex.triggers.get(kind, ())
                        if t.prep and c.admits_prep(t.prep)}) if c.uses_prep_node else None
        if preps == []:
            continue
        patterns = []
        for kind in c.triggers:
            lemmas, words = trigger_words(lex, kind, c, None)
            if lemmas:
                patterns.append(_anchored(c, preps, "LEMMA", lemmas, lex))
            if words:
                patterns.append(_anchored(c, preps, "LOWER", words, lex))
        if patterns:
            matcher.add(c.id, patterns)
            names[vocab.strings[c.id]] = (c.id, prep_node(c))
    _COMPILED[key] = ((vocab, lex, cons), matcher, names)
    return matcher, names
