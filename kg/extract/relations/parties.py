"""Party membership written around a person's name: a legislator's tag ("Sen. Ana Lind, R-Ky.",
"Rep. Ana Lind (D-Calif.)": rule ``party-tag``, the letters in ``party_letters`` of the lexicon)
and a party in apposition ("Ana Lind, a Republican,": rule ``party-apposition``)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.records import NOTHING, Arg, Learned, RuleResult, result_of
from kg.extract.relations.registry import declare, rule
from kg.extract.relations.view import DocView

__all__ = ["party_tags", "party_appositions"]

declare("party-tag", factor=1.0, family="parties", summary='"Sen. X, R-Ky.", "Rep. X (D-Calif.)" -> memberOf the party')
declare("party-apposition", factor=0.95, family="parties", summary='"X, a Republican," -> memberOf the party')


def _letters(v: DocView) -> dict[str, str]:
    return dict(w.split("|", 1) for w in v.words.party_letters)


@rule("party-tag", stage="clauses", unit="mention")
def party_tags(v: DocView, n: int, learned: Learned) -> RuleResult:
    """A person's name followed by ", R-Ky." or "(D-Calif.)": a member of the party the letter names."""
    key = v.r.mention_keys[n]
    m = v.mentions[n]
    if not key or v.cls(key) != "Person" or m.end + 3 >= len(v.doc):
        return NOTHING
    doc = v.doc
    opener, letter, dash, state = doc[m.end], doc[m.end + 1], doc[m.end + 2], doc[m.end + 3]
    party = _letters(v).get(letter.text.lower()) if letter.text.isupper() and len(letter.text) == 1 else None
    if opener.text not in (",", "(") or dash.text not in ("-", "–") or not state.text[:1].isupper() or party is None:
        return NOTHING
    return result_of([v.reading("memberOf", Arg(key), Arg(party), "party-tag", doc[m.start], "asserted")])


@rule("party-apposition", stage="clauses", unit="token")
def party_appositions(v: DocView, tok: Token, learned: Learned) -> RuleResult:
    """"Ana Lind, a Republican,": a party of the gazetteer in apposition to a person's name."""
    key = v.r.token_keys.get(tok.i)
    if not key or v.cls(key) != "Person" or v.r.token_keys.get(tok.i + 1) == key:
        return NOTHING
    out = []
    for app in (c for c in tok.children if c.dep_ == "appos" and c.i in v.r.token_keys):
        party = v.r.token_keys[app.i]
        entry = v.res.gazetteer.entries.get(party)
        if entry is not None and entry.cls == "Group" and entry.country \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in app.children):
            out.append(v.reading("memberOf", Arg(key), Arg(party, 0.95), "party-apposition", tok))
    return result_of(out)
