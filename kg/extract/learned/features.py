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
    p = _Pair(doc, s, o, f"{cls_s}>{cls_o}", {} if token_cls is None else token_cls, _triggers(res))
    feats = _basic_features(p)
    feats |= _between_features(p)
    feats |= _context_features(p)
    feats |= _path_features(p)
    return sorted(feats)


class _Pair:
    """One ordered pair and what every feature group reads of it."""

    def __init__(self, doc: Doc, s: Mention, o: Mention, pair: str, token_cls: Mapping[int, str],
                 trig: Mapping[str, tuple[str, ...]]) -> None:
        self.doc, self.s, self.o, self.pair, self.token_cls, self.trig = doc, s, o, pair, token_cls, trig
        self.first, self.second = (s, o) if s.start <= o.start else (o, s)
        self.order = "so" if self.first is s else "os"
        self.gap = pair_gap(s, o)
        self.hs, self.ho = head(doc, s), head(doc, o)

    def word_at(self, i: int) -> str:
        return f"E:{self.token_cls[i]}" if i in self.token_cls else _word(self.doc[i])

    def trigger_tags(self, tok: Token) -> set[str]:
        return {tag for w in {tok.lower_, (tok.lemma_ or tok.text).lower()} for tag in self.trig.get(w, ())}


def _basic_features(p: _Pair) -> set[str]:
    s, o, order, gap = p.s, p.o, p.order, p.gap
    return {f"cls={p.pair}", f"order={order}", f"cls+order={p.pair}|{order}", f"dist={_bucket(gap)}",
            f"dist+order={_bucket(gap)}|{order}", f"ner={p.hs.ent_type_ or '-'}>{p.ho.ent_type_ or '-'}",
            f"src={s.source}>{o.source}", f"srole={s.role}", f"orole={o.role}",
            f"shead={_word(p.doc[s.end - 1])}", f"ohead={_word(p.doc[o.end - 1])}"}


def _between_features(p: _Pair) -> set[str]:
    """The words between the mentions (another entity's tokens as one ``E:<class>`` word)."""
    feats: set[str] = set()
    span = range(p.first.end, p.second.start)
    squashed: list[str] = []
    for i in span:
        w = p.word_at(i)
        if w.startswith("E:") and squashed and squashed[-1] == w and (i - 1) in p.token_cls:
            continue
        squashed.append(w)
    if not squashed:
        feats.add("bw=<none>")
    else:
        feats |= {f"bw={w}" for w in squashed}
        feats |= {f"bwf={squashed[0]}|{p.order}", f"bwl={squashed[-1]}|{p.order}"}
        if len(squashed) <= 4:
            feats |= {f"bws={' '.join(squashed)}|{p.order}", f"bws+cls={' '.join(squashed)}|{p.pair}|{p.order}"}
    feats |= {f"trig-between={tag}" for i in span if i not in p.token_cls for tag in p.trigger_tags(p.doc[i])}
    words = [p.doc[i].lower_ for i in span]
    if words == [","]:
        feats.add(f"pat=comma|{p.order}|{p.pair}")
    if words in (["'s"], ["’s"]):
        feats.add(f"pat=poss|{p.order}|{p.pair}")
    if words in (["of"], ["in"], ["at"], ["for"], ["from"], ["with"], [",", "a"], [",", "an"], [",", "the"]):
        feats.add(f"pat={' '.join(words)}|{p.order}|{p.pair}")
    if p.gap == 0:
        feats.add(f"pat=adjacent|{p.order}|{p.pair}")
    return feats


def _context_features(p: _Pair) -> set[str]:
    """Two words before and after the pair, within its sentence."""
    sent = p.doc[p.s.start].sent
    feats: set[str] = set()
    for k in (1, 2):
        i = p.first.start - k
        feats.add(f"bef{k}={p.word_at(i) if i >= sent.start else '<s>'}")
        j = p.second.end - 1 + k
        feats.add(f"aft{k}={p.word_at(j) if j < sent.end else '</s>'}")
    return feats


def _path_features(p: _Pair) -> set[str]:
    """The dependency path between the heads: length, lowest common ancestor, labels, words."""
    hs, ho = p.hs, p.ho
    path = dep_path(hs, ho)
    if path is None:
        return {"path=<none>"}
    up, lca, down = path
    n_edges = len(up) + len(down)
    lca_w = "<s>" if lca.i == hs.i else "<o>" if lca.i == ho.i else p.word_at(lca.i)
    feats = {f"plen={min(n_edges, MAX_PATH + 1)}", f"lca={lca_w}", f"lca+cls={lca_w}|{p.pair}", f"lcapos={lca.pos_}"}
    feats |= _edge_features(p, up, lca, down) if n_edges <= MAX_PATH else {"pd=<long>"}
    if lca.i != hs.i and lca.i != ho.i:
        if hs.dep_ == "appos" and hs.head.i == ho.i or ho.dep_ == "appos" and ho.head.i == hs.i:
            feats.add(f"pat=appos|{p.pair}")
    elif hs.head.i == ho.i or ho.head.i == hs.i:
        dep = hs.dep_ if hs.head.i == ho.i else ho.dep_
        feats.add(f"direct={dep}|{'s-child' if hs.head.i == ho.i else 'o-child'}|{p.pair}")
    return feats


def _edge_features(p: _Pair, up: list[Token], lca: Token, down: list[Token]) -> set[str]:
    """A short path's labels (with and without its inner words) and the triggers on and beside it."""
    deps = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in reversed(down)]
    feats = {f"pd={' '.join(deps)}", f"pd+cls={' '.join(deps)}|{p.pair}"}
    nodes = up + [lca] + list(reversed(down))
    parts: list[str] = []
    for n_, edge in enumerate(deps):
        parts.append(edge)
        if n_ + 1 < len(nodes) - 1:
            parts.append(p.word_at(nodes[n_ + 1].i))
    feats.add(f"pf={' '.join(parts)}")
    inner = [nodes[k] for k in range(1, len(nodes) - 1)]
    feats |= {f"pw={p.word_at(t.i)}" for t in inner}
    feats |= {f"trig-path={tag}" for t in inner if t.i not in p.token_cls for tag in p.trigger_tags(t)}
    # compound/amod modifiers of the path nodes: "a Riverton lawyer", "Acme spokesman"
    feats |= {f"trig-mod={tag}" for t in inner for c in t.children
              if c.dep_ in ("compound", "amod") and c.i not in p.token_cls for tag in p.trigger_tags(c)}
    return feats


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
