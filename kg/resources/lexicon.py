"""The lexicons: relation triggers per property (``lexicon/relations.toml``) and the entity
lexicon (``lexicon/entities.toml``: NER label mapping, head words, patterns, word lists)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from kg.errors import DataFileError
from kg.resources.ontology import Ontology
from kg.resources.words import EntityWords, RelationWords, TimeWords, load_words

__all__ = ["TRIGGER_KINDS", "PREPOSITIONS", "Trigger", "RelationLexicon", "EntityLexicon",
           "load_relation_lexicon", "load_entity_lexicon"]


TRIGGER_KINDS = ("verbs", "inverse_verbs", "nouns", "inverse_nouns", "roles", "compounds", "hyphen_adjectives",
                 "collective_verbs", "evaluations", "adjectives", "misdeeds", "reciprocal_nouns")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger: ``lemma`` (possibly several words) and an optional preposition."""

    prop: str
    kind: str
    lemma: str
    prep: str | None

    @property
    def anchor(self) -> str:
        """The word of the trigger the text is searched for (see HEAD_LAST_KINDS)."""
        words = self.lemma.split()
        return words[-1] if self.kind in HEAD_LAST_KINDS else words[0]

    @classmethod
    def parse(cls, prop: str, kind: str, text: str) -> "Trigger":
        words = text.lower().split()
        if not words:
            raise ValueError("empty trigger")
        if kind in ("verbs", "inverse_verbs", "nouns", "inverse_nouns", "roles", "adjectives") and len(words) > 1 \
                and words[-1] in PREPOSITIONS:
            return cls(prop, kind, " ".join(words[:-1]), words[-1])
        return cls(prop, kind, " ".join(words), None)


PROPERTY_KEYS = ("theme", "confidence", "yields_to", "intransitive", "person_subject_means", "person_subject_words")

PREPOSITIONS = frozenset(
    "with to in into on against of for from between by at over about among near toward towards through alongside behind".split()
)

# Kinds whose triggers of several words are found by their last word, the head noun ("bombing
# campaign against": "campaign", with "bombing" just before it); the others by their first ("step up").
HEAD_LAST_KINDS = frozenset({"nouns", "inverse_nouns"})


@dataclass(frozen=True)
class RelationLexicon:
    triggers: dict[str, tuple[Trigger, ...]]  # kind -> triggers
    themes: dict[str, frozenset[str]]  # property -> theme lemmas that must be present
    confidence: dict[str, float]  # property -> base confidence
    words: RelationWords  # named word lists (hedges, negations, ...)
    # property -> properties it yields to for the same pair, sentence and rule (kg.extract.infer)
    yields_to: dict[str, frozenset[str]] = field(default_factory=dict)
    # properties whose "verb + preposition" triggers only count without a direct object
    intransitive: frozenset[str] = frozenset()
    # property -> the property it means with a person as subject and a non-person as object
    # ("X attacked the party's plans": a person's attack on an institution is verbal)
    person_reading: dict[str, str] = field(default_factory=dict)
    # property -> the trigger words (lemma or as written) person_reading is limited to, if any
    person_reading_words: dict[str, frozenset[str]] = field(default_factory=dict)

    def by_lemma(self, kind: str) -> dict[str, list[Trigger]]:
        out: dict[str, list[Trigger]] = {}
        for t in self.triggers.get(kind, ()):
            out.setdefault(t.lemma, []).append(t)
        return out


def load_time_words(path: Path) -> TimeWords:
    """The word lists of ``lexicon/time.toml`` (role status, time expressions, attribution)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the time lexicon ({exc}).") from exc
    _only_keys(data, ("words",), path)
    words = load_words(TimeWords, data.get("words", {}), path)
    for name, form in (("fixed_days", "%m-%d"), ("named_days", "%Y-%m-%d")):
        for entry in getattr(words, name):
            day = entry.rpartition("|")[2]
            try:
                dt.datetime.strptime(("2000-" + day) if form == "%m-%d" else day, "%Y-%m-%d")
            except ValueError:
                raise DataFileError(f"{path}: [words].{name} entry {entry!r} is not 'name|{form.replace('%', '')}'"
                                    "; write the day after a '|', e.g. 'christmas|12-25'.") from None
    for entry in words.period_thirds:
        word, _, third = entry.rpartition("|")
        if not word or third not in ("1", "2", "3"):
            raise DataFileError(f"{path}: [words].period_thirds entry {entry!r} is not 'word|1', 'word|2' or "
                                "'word|3'; write the third after a '|', e.g. 'late|3'.")
    return words


def load_relation_lexicon(path: Path, ontology: Ontology) -> RelationLexicon:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the relation lexicon ({exc}).") from exc
    _only_keys(data, ("properties", "words"), path)
    acc = _Properties({k: [] for k in TRIGGER_KINDS}, {}, {}, {}, set(), {}, {})
    for prop, spec in sorted(data.get("properties", {}).items()):
        if prop not in ontology.properties:
            raise DataFileError(
                f"{path}: [properties.{prop}] names no relation property of the ontology; "
                f"declare kg:{prop} in newskg.ttl or fix the spelling."
            )
        for key, value in spec.items():
            acc.add(prop, key, value, ontology, f"{path}: [properties.{prop}]")
    return RelationLexicon(
        triggers={k: tuple(v) for k, v in acc.triggers.items()},
        themes=acc.themes,
        confidence=acc.confidence,
        words=load_words(RelationWords, data.get("words", {}), path),
        yields_to=acc.yields_to,
        intransitive=frozenset(acc.intransitive),
        person_reading=acc.person_reading,
        person_reading_words=acc.person_reading_words,
    )


@dataclass
class _Properties:
    """What the ``[properties.*]`` tables of the relation lexicon say, gathered while loading."""

    triggers: dict[str, list[Trigger]]
    themes: dict[str, frozenset[str]]
    confidence: dict[str, float]
    yields_to: dict[str, frozenset[str]]
    intransitive: set[str]
    person_reading: dict[str, str]
    person_reading_words: dict[str, frozenset[str]]

    def add(self, prop: str, key: str, value, ontology: Ontology, where: str) -> None:
        def need(ok: bool, msg: str) -> None:
            if not ok:
                raise DataFileError(f"{where} {msg}")

        if key == "theme":
            self.themes[prop] = frozenset(w.lower() for w in value)
        elif key == "confidence":
            need(0 < float(value) <= 1, "confidence must be in (0, 1].")
            self.confidence[prop] = float(value)
        elif key == "intransitive":
            need(isinstance(value, bool), "intransitive must be true or false.")
            if value:
                self.intransitive.add(prop)
        elif key == "person_subject_means":
            need(value in ontology.properties, f"person_subject_means names no relation property of newskg.ttl: {value!r}.")
            self.person_reading[prop] = value
        elif key == "person_subject_words":
            need(isinstance(value, list) and all(isinstance(w, str) for w in value),
                 "person_subject_words must be a list of trigger words.")
            self.person_reading_words[prop] = frozenset(w.lower() for w in value)
        elif key == "yields_to":
            unknown = [q for q in value if q not in ontology.properties]
            need(not unknown, f"yields_to names unknown properties {', '.join(unknown)}; use relation properties "
                              "of newskg.ttl.")
            self.yields_to[prop] = frozenset(value)
        elif key in TRIGGER_KINDS:
            seen: set[str] = set()
            for text in value:
                need(text.lower() not in seen, f".{key} lists {text.lower()!r} twice; remove one.")
                seen.add(text.lower())
                try:
                    self.triggers[key].append(Trigger.parse(prop, key, text))
                except ValueError as exc:
                    raise DataFileError(f"{where} {key}: {exc}") from exc
        else:
            need(False, f"has unknown key {key!r}; allowed: {', '.join(TRIGGER_KINDS + PROPERTY_KEYS)}.")


# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EntityLexicon:
    ner_classes: dict[str, str]  # spaCy label -> ontology class ("" = ignore)
    head_classes: dict[str, str]  # lowercase head word -> class ("missiles" -> WeaponSystem)
    patterns: tuple[dict, ...]  # spaCy Matcher patterns: {"id", "class", "pattern"}
    designation: re.Pattern[str]  # weapon designations like "XX-12"
    words: EntityWords


def load_entity_lexicon(path: Path, ontology: Ontology) -> EntityLexicon:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the entity lexicon ({exc}).") from exc
    _only_keys(data, ("designation_regex", "ner_classes", "head_classes", "words", "patterns"), path)
    ner = data.get("ner_classes", {})
    heads: dict[str, str] = {}
    for cls, words in data.get("head_classes", {}).items():
        for w in words:
            heads[w.lower()] = cls
    patterns = tuple(data.get("patterns", []))
    for cls in list(ner.values()) + list(heads.values()) + [p.get("class", "") for p in patterns]:
        if cls and cls not in ontology.classes:
            raise DataFileError(f"{path}: class {cls!r} is not declared in newskg.ttl.")
    for p in patterns:
        if not {"id", "class", "pattern"} <= set(p):
            raise DataFileError(f"{path}: every [[patterns]] entry needs id, class and pattern; got {p}.")
    try:
        designation = re.compile(data.get("designation_regex", r"^$"))
    except re.error as exc:
        raise DataFileError(f"{path}: designation_regex is not a valid regex ({exc}).") from exc
    words = load_words(EntityWords, data.get("words", {}), path)
    return EntityLexicon(ner, heads, patterns, designation, words)


def _only_keys(data: dict, allowed: tuple[str, ...], path: Path) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise DataFileError(f"{path}: unknown top-level key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}.")


def _no_duplicates(items: list[str], where: str, path: Path) -> None:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise DataFileError(f"{path}: {where} lists {item!r} twice; remove one.")
        seen.add(item)
