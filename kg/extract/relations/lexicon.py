"""The trigger lexicon as the rules look it up, built once per loaded lexicon (not per document)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.resources import RelationLexicon, Trigger

__all__ = ["TriggerTables", "trigger_tables"]


@dataclass(frozen=True)
class TriggerTables:
    """Triggers by lemma for each kind, and the property each role phrase gives."""

    verbs: dict[str, list[Trigger]]
    inverse_verbs: dict[str, list[Trigger]]
    collective: dict[str, list[Trigger]]
    nouns: dict[str, list[Trigger]]
    inverse_nouns: dict[str, list[Trigger]]
    roles: dict[str, list[Trigger]]
    compounds: dict[str, list[Trigger]]
    hyphen: dict[str, list[Trigger]]
    evaluations: dict[str, list[Trigger]]  # "called X a thug", "said X was reckless": the judgement word
    adjectives: dict[str, list[Trigger]]  # "X was critical of Y": a predicative adjective and its preposition
    misdeeds: dict[str, list[Trigger]]  # "X said Y lied": a verb whose doer the report blames
    reciprocal_nouns: dict[str, list[Trigger]]  # "A and B exchanged insults": what two agents trade
    role_props: dict[str, str]  # role phrase -> leaderOf beats worksFor when listed under both
    # kind -> anchor word -> the triggers of several words found by it: a verb's first word ("step
    # up", the others among its dependents), a noun's last ("bombing campaign", the others just before it)
    multiword: dict[str, dict[str, list[Trigger]]]

    @classmethod
    def build(cls, lex: RelationLexicon) -> "TriggerTables":
        roles = lex.by_lemma("roles")
        role_props = {lemma: sorted(trigs, key=lambda t: (t.prop != "leaderOf", t.prop))[0].prop
                      for lemma, trigs in roles.items()}
        return cls(
            verbs=lex.by_lemma("verbs"), inverse_verbs=lex.by_lemma("inverse_verbs"),
            collective=lex.by_lemma("collective_verbs"), nouns=lex.by_lemma("nouns"),
            inverse_nouns=lex.by_lemma("inverse_nouns"), roles=roles, compounds=lex.by_lemma("compounds"),
            hyphen=lex.by_lemma("hyphen_adjectives"), evaluations=lex.by_lemma("evaluations"),
            adjectives=lex.by_lemma("adjectives"), misdeeds=lex.by_lemma("misdeeds"),
            reciprocal_nouns=lex.by_lemma("reciprocal_nouns"), role_props=role_props,
            multiword={kind: _by_anchor(lex, kind) for kind in ("verbs", "inverse_verbs", "nouns", "inverse_nouns")},
        )


def _by_anchor(lex: RelationLexicon, kind: str) -> dict[str, list[Trigger]]:
    out: dict[str, list[Trigger]] = {}
    for t in lex.triggers.get(kind, ()):
        if " " in t.lemma:
            out.setdefault(t.anchor, []).append(t)
    return out


_TABLES: dict[int, tuple[RelationLexicon, TriggerTables]] = {}


def trigger_tables(lex: RelationLexicon) -> TriggerTables:
    """The tables of ``lex`` (cached for the lexicon object's lifetime)."""
    hit = _TABLES.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = (lex, TriggerTables.build(lex))
        _TABLES[id(lex)] = hit
    return hit[1]
