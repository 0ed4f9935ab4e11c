"""The features of a candidate pair: sparse strings, shared by inference and training.

classes and NER labels of both sides, their order and distance, the words between (bag, first,
last, the whole short string), two words around the pair, the dependency path between the mention
heads (labels with directions, with and without the lemmas on it, capped at :data:`MAX_PATH`
edges), the lowest common ancestor, trigger words of the relation lexicon on the path or between
the mentions, a few surface patterns ("X, Y", "X's Y", "X of Y", apposition) and what the rules
read for the pair in that sentence (:func:`rule_features`): the model learns when to trust them.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from spacy.tokens import Doc, Token

from kg.extract.learned.candidates import Candidate
from kg.extract.learned.candidates import gap as pair_gap
from kg.extract.mentions.records import Mention
from kg.extract.resolve.records import Resolution
from kg.model import Relation
from kg.resources import Resources

__all__ = ["MAX_PATH", "pair_features", "candidate_features", "rule_features", "mention_classes", "dep_path", "head"]

MAX_PATH = 6  # dependency edges; longer paths are one "long" feature
_TRIGGER_KINDS = ("roles", "verbs", "inverse_verbs", "nouns", "inverse_nouns", "hyphen_adjectives", "collective_verbs",
                  "compounds")


_TRIGGER_CACHE: dict[int, tuple[Resources, dict[str, tuple[str, ...]]]] = {}


def _triggers(res: Resources) -> dict[str, tuple[str, ...]]:
    """lemma -> ("roles:worksFor", "verbs:criticized", ...) for every trigger of the lexicon."""
    hit = _TRIGGER_CACHE.get(id(res))
    if hit is not None and hit[0] is res:
        return hit[1]
    out: dict[str, set[str]] = {}
    for kind in _TRIGGER_KINDS:
        for t in res.relations.triggers.get(kind, ()):
            if True:
                for word in (t.lemma, t.lemma.split()[-1]):
                    out.setdefault(word, set()).add(f"{kind}:{t.prop}")
    table = {k: tuple(sorted(v)) for k, v in out.items()}
    _TRIGGER_CACHE[id(res)] = (res, table)
    return table


def _word(tok: Token) -> str:
    if tok.like_num:
        return "#num"
    return (tok.lemma_ or tok.text).lower()


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12"), (20, "13-20")):
        if n <= limit:
            return name
    return "21+"


def head(doc: Doc, m: Mention) -> Token:
    return doc[m.start:m.end].root


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 60:
        out.append(out[-1].head)
    return out


def dep_path(a: Token, b: Token) -> tuple[list[Token], Token, list[Token]] | None:
    """(tokens going up from a, lowest common ancestor, tokens going up from b)."""
    ua, ub = _chain(a), _chain(b)
    pos_b = {t.i: n for n, t in enumerate(ub)}
    for n, t in enumerate(ua):
        if t.i in pos_b:
            return ua[:n], t, ub[:pos_b[t.i]]
    return None


def pair_features(doc: Doc, s: Mention, o: Mention, cls_s: str, cls_o: str, res: Resources,
                  *, token_cls: Mapping[int, str] | None = None) -> list[str]:
    """The sorted, de-duplicated feature strings of the ordered pair (subject ``s``, object ``o``).

    ``token_cls`` maps token indices of *other* entity mentions to their class; such tokens are
    replaced by ``E:<class>`` in word features.  The same function is used by the training script.
    """
    token_cls = {} if token_cls is None else token_cls
    trig = _triggers(res)
    feats: set[str] = set()
    pair = f"{cls_s}>{cls_o}"
    first, second = (s, o) if s.start <= o.start else (o, s)
    order = "so" if first is s else "os"
    gap = pair_gap(s, o)
    feats |= {f"cls={pair}", f"order={order}", f"cls+order={pair}|{order}", f"dist={_bucket(gap)}",
              f"dist+order={_bucket(gap)}|{order}"}
    hs, ho = head(doc, s), head(doc, o)
    feats.add(f"ner={hs.ent_type_ or '-'}>{ho.ent_type_ or '-'}")
    feats.add(f"src={s.source}>{o.source}")
    feats.add(f"srole={s.role}")
    feats.add(f"orole={o.role}")
    feats.add(f"shead={_word(doc[s.end - 1])}")
    feats.add(f"ohead={_word(doc[o.end - 1])}")

    def word_at(i: int) -> str:
        if i in token_cls:
            return f"E:{token_cls[i]}"
        return _word(doc[i])

    sent = doc[s.start].sent
    between = [word_at(i) for i in range(first.end, second.start)]
    # collapse a multi-token other entity into one word
    squashed: list[str] = []
    for i, w in zip(range(first.end, second.start), between):
        if w.startswith("E:") and squashed and squashed[-1] == w and (i - 1) in token_cls:
            continue
        squashed.append(w)
    if not squashed:
        feats.add("bw=<none>")
    else:
        feats |= {f"bw={w}" for w in squashed}
        feats.add(f"bwf={squashed[0]}|{order}")
        feats.add(f"bwl={squashed[-1]}|{order}")
        if len(squashed) <= 4:
            feats.add(f"bws={' '.join(squashed)}|{order}")
            feats.add(f"bws+cls={' '.join(squashed)}|{pair}|{order}")
    for k in (1, 2):
        i = first.start - k
        feats.add(f"bef{k}={word_at(i) if i >= sent.start else '<s>'}")
        j = second.end - 1 + k
        feats.add(f"aft{k}={word_at(j) if j < sent.end else '</s>'}")
    # triggers between the mentions
    for i in range(first.end, second.start):
        if i in token_cls:
            continue
        t = doc[i]
        for w in {t.lower_, (t.lemma_ or t.text).lower()}:
            for tag in trig.get(w, ()):
                feats.add(f"trig-between={tag}")
    # surface patterns
    words = [doc[i].lower_ for i in range(first.end, second.start)]
    if words == [","]:
        feats.add(f"pat=comma|{order}|{pair}")
    if words in (["'s"], ["’s"]):
        feats.add(f"pat=poss|{order}|{pair}")
    if words in (["of"], ["in"], ["at"], ["for"], ["from"], ["with"], [",", "a"], [",", "an"], [",", "the"]):
        feats.add(f"pat={' '.join(words)}|{order}|{pair}")
    if gap == 0:
        feats.add(f"pat=adjacent|{order}|{pair}")
    # dependency path
    path = dep_path(hs, ho)
    if path is None:
        feats.add("path=<none>")
    else:
        up, lca, down = path
        n_edges = len(up) + len(down)
        feats.add(f"plen={min(n_edges, MAX_PATH + 1)}")
        lca_w = "<s>" if lca.i == hs.i else "<o>" if lca.i == ho.i else word_at(lca.i)
        feats.add(f"lca={lca_w}")
        feats.add(f"lca+cls={lca_w}|{pair}")
        feats.add(f"lcapos={lca.pos_}")
        if n_edges <= MAX_PATH:
            deps = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in reversed(down)]
            feats.add(f"pd={' '.join(deps)}")
            feats.add(f"pd+cls={' '.join(deps)}|{pair}")
            # labels with the lemmas of the inner nodes
            nodes = up + [lca] + list(reversed(down))
            parts: list[str] = []
            for n_, edge in enumerate(deps):
                parts.append(edge)
                if n_ + 1 < len(nodes) - 1:
                    parts.append(word_at(nodes[n_ + 1].i))
            feats.add(f"pf={' '.join(parts)}")
            inner = [nodes[k] for k in range(1, len(nodes) - 1)]
            for t in inner:
                feats.add(f"pw={word_at(t.i)}")
                if t.i not in token_cls:
                    for w in {t.lower_, (t.lemma_ or t.text).lower()}:
                        for tag in trig.get(w, ()):
                            feats.add(f"trig-path={tag}")
            # compound/amod modifiers of the path nodes: "a Riverton lawyer", "Acme spokesman"
            for t in inner:
                for c in t.children:
                    if c.dep_ in ("compound", "amod") and c.i not in token_cls:
                        for w in {c.lower_, (c.lemma_ or c.text).lower()}:
                            for tag in trig.get(w, ()):
                                feats.add(f"trig-mod={tag}")
        else:
            feats.add("pd=<long>")
        if lca.i != hs.i and lca.i != ho.i:
            if hs.dep_ == "appos" and hs.head.i == ho.i or ho.dep_ == "appos" and ho.head.i == hs.i:
                feats.add(f"pat=appos|{pair}")
        elif hs.head.i == ho.i or ho.head.i == hs.i:
            dep = hs.dep_ if hs.head.i == ho.i else ho.dep_
            feats.add(f"direct={dep}|{'s-child' if hs.head.i == ho.i else 'o-child'}|{pair}")
    return sorted(feats)


def mention_classes(mentions: Sequence[Mention], resolution: Resolution) -> dict[int, str]:
    """token index -> class of the entity mentioned there (for ``E:<class>`` words)."""
    out: dict[int, str] = {}
    for m, key in zip(mentions, resolution.mention_keys):
        if key and key in resolution.entities:
            for i in range(m.start, m.end):
                out[i] = resolution.entities[key].cls
    return out


def candidate_features(doc: Doc, cand: Candidate, res: Resources, token_cls: Mapping[int, str]) -> list[str]:
    """:func:`pair_features` for a candidate, other mentions masked (shared with training)."""
    own = set(range(cand.s.start, cand.s.end)) | set(range(cand.o.start, cand.o.end))
    return pair_features(doc, cand.s, cand.o, cand.subject_cls, cand.object_cls, res, token_cls=_Without(token_cls, own))


class _Without(Mapping[int, str]):
    """``token_cls`` without the candidate's own tokens, without copying it (a long document has
    many mentions and many candidates)."""

    def __init__(self, base: Mapping[int, str], hidden: set[int]) -> None:
        self.base, self.hidden = base, hidden

    def __getitem__(self, i: int) -> str:
        if i in self.hidden:
            raise KeyError(i)
        return self.base[i]

    def __contains__(self, i: object) -> bool:
        return i not in self.hidden and i in self.base

    def __iter__(self):
        return (i for i in self.base if i not in self.hidden)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def rule_features(cand: Candidate, sentence_rules: Iterable[Relation]) -> list[str]:
    """What the rules read between the pair in its sentence: ``rule=<property>|<direction>|<rule>``
    and ``rule-prop=<property>|<direction>|<modality>`` (direction ``same`` or ``rev``)."""
    out: set[str] = set()
    for r in sentence_rules:
        if (r.subject, r.object) == (cand.subject, cand.object):
            d = "same"
        elif (r.subject, r.object) == (cand.object, cand.subject):
            d = "rev"
        else:
            continue
        out.add(f"rule={r.predicate}|{d}|{r.evidence.rule}")
        out.add(f"rule-prop={r.predicate}|{d}|{r.evidence.modality}")
    if not out:
        out.add("rule=<none>")
    return sorted(out)
