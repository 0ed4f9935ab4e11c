"""Candidate pairs of the learned classifier.

Every ordered pair of distinct entity keys with a mention in the same sentence, at most
:data:`MAX_DISTANCE` tokens apart, whose classes one of the model's properties admits; the pair
is represented by its two closest mentions.  With ``coreference``, a pronoun or description the
resolver tied to exactly one entity ("he", "the minister") counts as a mention of it, so that
"He met Doe" pairs the person "he" stands for with Doe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc

from kg.extract.mentions.records import Mention
from kg.extract.resolve.records import Resolution
from kg.resources import Resources

__all__ = ["Candidate", "candidates", "MAX_DISTANCE", "gap"]

MAX_DISTANCE = 40  # tokens between the two mentions


@dataclass(frozen=True, slots=True)
class Candidate:
    """An ordered entity pair in one sentence, represented by its two closest mentions."""

    subject: str
    object: str
    subject_cls: str
    object_cls: str
    s: Mention
    o: Mention


def gap(a: Mention, b: Mention) -> int:
    """Tokens between two mentions (0 when they touch or overlap)."""
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _mentions_by_sentence(doc: Doc, mentions: Sequence[Mention], resolution: Resolution,
                          coreference: bool) -> dict[int, list[tuple[Mention, str]]]:
    by_sent: dict[int, list[tuple[Mention, str]]] = {}
    for m, key in zip(mentions, resolution.mention_keys):
        if not key or key not in resolution.entities or m.end <= m.start:
            continue
        sent = doc[m.start].sent
        if m.end > sent.end:  # a mention across a sentence break
            continue
        by_sent.setdefault(sent.start, []).append((m, key))
    if coreference:
        for i, keys in sorted(resolution.coref.items()):
            if len(keys) == 1 and keys[0] in resolution.entities and i not in resolution.token_keys:
                cls = resolution.entities[keys[0]].cls
                m = Mention(i, i + 1, doc[i].text, cls, "coref", role="coref")
                by_sent.setdefault(doc[i].sent.start, []).append((m, keys[0]))
    return by_sent


def candidates(doc: Doc, mentions: Sequence[Mention], resolution: Resolution, res: Resources,
               properties: Sequence[str], *, coreference: bool = False) -> list[Candidate]:
    """All candidate pairs of the document, in a deterministic order (see the module docstring)."""
    onto = res.ontology
    props = [p for p in properties if p in onto.properties]
    out: list[Candidate] = []
    by_sent = _mentions_by_sentence(doc, mentions, resolution, coreference)
    for start in sorted(by_sent):
        items = sorted(by_sent[start], key=lambda x: (x[0].start, x[0].end))
        best: dict[tuple[str, str], tuple[int, int, Mention, Mention]] = {}
        for a, ka in items:
            for b, kb in items:
                if ka == kb:
                    continue
                g = gap(a, b)
                if g > MAX_DISTANCE:
                    continue
                rank = (g, (a.source == "coref") + (b.source == "coref"))  # a name before a pronoun
                known = best.get((ka, kb))
                if known is None or rank < known[:2]:
                    best[(ka, kb)] = (*rank, a, b)
        for (ka, kb) in sorted(best, key=lambda k: (best[k][2].start, best[k][3].start, k)):
            ca, cb = resolution.entities[ka].cls, resolution.entities[kb].cls
            if not any(onto.admits(p, ca, cb) for p in props):
                continue
            _, _, a, b = best[(ka, kb)]
            out.append(Candidate(ka, kb, ca, cb, a, b))
    return out
