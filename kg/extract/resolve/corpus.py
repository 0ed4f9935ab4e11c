"""Resolution across documents: entities of several documents that are one real-world entity."""

from __future__ import annotations

import logging

from kg.model import Entity, KnowledgeGraph
from kg.resources import Resources, load_resources

log = logging.getLogger(__name__)

__all__ = ["resolve_across_documents"]


def _sexes(persons: list[Entity], res: Resources | None) -> dict[str, frozenset[str]]:
    """The sexes each person's titled names tell ("Mrs Lind": female); none for most."""
    words = (res or load_resources()).entities.words
    female, male = words.female_titles, words.male_titles
    out = {}
    for e in persons:
        firsts = {n.split()[0].lower() for n in (e.name, *e.aliases) if len(n.split()) >= 2}
        out[e.key] = frozenset(({"female"} if firsts & female else set()) | ({"male"} if firsts & male else set()))
    return out


def resolve_across_documents(kg: KnowledgeGraph, resources: Resources | None = None) -> list[tuple[str, str]]:
    """Join a person known only by one name in some documents ("Lind") to the one person of
    the build whose full name ends with it ("Ana Lind").  Ambiguous short names stay apart.
    Titles that tell different sexes ("Baroness Lind", "Mr Lind") keep two people apart.
    Returns the merges made, as (short key, full key)."""
    persons = [e for e in kg.entities.values() if e.cls == "Person"]
    by_last: dict[str, list[str]] = {}
    for e in persons:
        words = e.name.split()
        if len(words) >= 2:
            by_last.setdefault(words[-1].casefold(), []).append(e.key)
    merges = []
    # a bare surname typed as an organisation by the NER ("Lindqvist said") is a person too
    shorts = persons + [e for e in kg.entities.values() if e.cls == "Organization" and e.key.startswith("org/")
                        and len(e.name.split()) == 1 and not e.aliases and e.name[:1].isupper()
                        and not e.name.isupper()]
    sexes = _sexes(persons, resources)
    for e in sorted(shorts, key=lambda e: e.key):
        words = e.name.split()
        if len(words) == 1:
            full = sorted(set(by_last.get(words[0].casefold(), [])))
            if len(full) == 1 and not (sexes.get(e.key) and sexes.get(full[0]) and sexes[e.key] != sexes[full[0]]):
                merges.append((e.key, full[0]))  # not "Baroness Lind" into the "Mr Lind" of another text
    for src, dst in merges:
        log.info("merging %s into %s across documents", src, dst)
        kg.merge_entity(src, dst)
    return merges
