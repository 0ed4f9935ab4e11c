"""The department a cabinet title heads, found by its portfolio.

"Defence Secretary X" in a text that names "the Defence Ministry", "Interior Minister X" with "the
Ruritanian Interior Ministry", "Secretary of State X" with "the State Department": X leads that body
(the guideline's rule on cabinet titles).  The words are data (``department_heads``,
``department_nouns`` and ``portfolio_spellings`` of lexicon/relations.toml); a body whose name starts
with another state than the title's ("the Ruritanian Defence Ministry" for "Freedonian Defence
Minister X") is not the one.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.relations.records import Arg
from kg.extract.relations.view import DocView

__all__ = ["headed_departments", "text_state", "title_state"]


def _portfolio(words: list[str], heads: frozenset[str]) -> list[str]:
    """The portfolio words of a title: "defence secretary" and "secretary of (the) defence" -> defence."""
    if len(words) >= 2 and words[-1] in heads:
        return words[:-1]
    if len(words) >= 3 and words[0] in heads and words[1] == "of":
        return words[3:] if words[2] == "the" else words[2:]
    return []


def _spellings(portfolio: str, pairs: frozenset[str]) -> set[str]:
    out = {portfolio}
    for pair in pairs:
        one, other = pair.split("|")
        out |= {p.replace(one, other) for p in set(out)} | {p.replace(other, one) for p in set(out)}
    return out


def _forms(v: DocView, portfolio: list[str]) -> set[str]:
    """The names of the bodies a portfolio's head leads: "defence ministry", "ministry of (the) defence"."""
    words = v.words
    return {f for p in _spellings(" ".join(portfolio), words.portfolio_spellings) for n in words.department_nouns
            for f in (f"{p} {n}", f"{n} of {p}", f"{n} of the {p}")}


def _state_of(v: DocView, prefix: str) -> str | None:
    key = v.gazetteer_key(prefix)
    if key is None:
        return None
    entry = v.res.gazetteer.entries.get(key)
    return key if v.cls(key) == "Country" or entry is None else (entry.country or key)


def _name_words(v: DocView, key: str) -> set[str]:
    ent = v.entity(key)
    return {w for n in (ent.name, *ent.aliases) for w in n.lower().split()} if ent is not None else set()


def headed_departments(v: DocView, title: str, owners: list[Arg]) -> list[str]:
    """The bodies of the text a cabinet title heads: by its portfolio ("Defence Secretary"), or the
    department the title names before a bare head word ("Department of Energy Secretary")."""
    owned = [o.key for o in owners if v.is_a(o.key, "Organization") and any(
        f"{title.lower()}|{w}" in v.words.owned_department_heads for w in _name_words(v, o.key))]
    if owned:
        return owned
    portfolio = _portfolio(title.lower().split(), v.words.department_heads)
    if not portfolio:
        return []
    forms = _forms(v, portfolio)
    states = {o.key for o in owners if v.cls(o.key) == "Country"}
    out = []
    for key, ent in v.r.entities.items():
        if not v.is_a(key, "Organization") or any(o.key == key for o in owners):
            continue
        for name in (n[4:] if n.lower().startswith("the ") else n for n in (ent.name, *ent.aliases)):
            form = next((f for f in forms if name.lower() == f or name.lower().endswith(" " + f)), None)
            if form is None:
                continue
            prefix = name[: len(name) - len(form)].strip()  # as written: "Ruritanian"
            state = _state_of(v, prefix) if prefix else None
            if prefix and (state is None or states and state not in states):
                continue  # "the Acme Defence Department", or another state's ministry
            out.append(key)
            break
    return out


def text_state(v: DocView, tok: Token) -> str | None:
    """The state a text is about up to ``tok``: the only country named so far, at least twice ("Foreign
    Minister X" with no state written, in a text about Ruritania alone, is Ruritania's: the guideline's
    cabinet titles "whose country the article makes obvious"; with two states named it is not obvious)."""
    counts: dict[str, int] = {}
    for m in v.mentions:
        if m.start >= tok.i:
            break
        key = v.r.token_keys.get(m.start)
        if key is not None and v.cls(key) == "Country":
            counts[key] = counts.get(key, 0) + 1
    if len(counts) != 1 or max(counts.values()) < 2:
        return None  # no state, or several: the text is not about one
    return next(iter(counts))


def title_state(v: DocView, words: list[str], tok: Token) -> str | None:
    """The state a title with no state written holds a post of: a cabinet title ("Foreign Minister
    X") in a text about one state (:func:`text_state`); a title only one state has
    (``national_titles``: "National Security Adviser X", "Home Secretary X") in a text that names
    that state anywhere."""
    if set(words) & v.words.cabinet_words:
        return text_state(v, tok)
    title = " ".join(words)
    for entry in v.words.national_titles:
        name, _, state = entry.rpartition("|")
        if (title == name or title.endswith(" " + name)) and state in v.r.entities:  # the text names it
            return state
    return None
