"""A small learned relation classifier for worksFor, livesIn, locatedIn, basedIn and killed.

The rules of :mod:`kg.extract.relations` are precise but miss many plain statements ("X, who
works at Y", "X, a Y native").  This module adds a multinomial logistic regression over sparse
string features of an entity pair in one sentence.  It is trained on CoNLL04 *train* by
``scripts/train_relations.py`` (selected and thresholded on CoNLL04 *dev*, never on test) and
ships as plain JSON (``ontologies/models/relations.json``).  Inference is a pure-Python sparse
dot product: no machine-learning library is needed at run time.

Candidates
    Every ordered pair of distinct entity keys with a *mention* in the same sentence (pronouns and
    descriptions are not used), at most :data:`MAX_DISTANCE` tokens apart, whose classes one of
    the five properties admits.  A pair is represented by its two closest mentions.

Features (:func:`pair_features`)
    classes and NER labels of both sides, their order and distance, the words between (bag,
    first, last, the whole short string), two words around the pair, the dependency path between
    the mention heads (labels with directions, with and without the lemmas on it, capped at
    :data:`MAX_PATH` edges), the lowest common ancestor, trigger words of the relation lexicon
    (roles, verbs, nouns) on the path or between the mentions, and a few surface patterns
    ("X, Y", "X's Y", "X of Y", "X in Y", apposition).

Dense features (optional, :func:`dense_features`)
    A model file may also weigh the mean ``doc.tensor`` rows of the subject, the object, the words
    between and the dependency path (and the subject x object product), with a sparse-only
    ``fallback`` for documents without a usable tensor.  The shipped model has none: they did not
    raise dev F1 (docs/learned-relations.md).

Output
    For each candidate, the most probable of the properties the ontology admits for the pair's
    classes, if its calibrated probability reaches that property's threshold in the model file
    (thresholds may be below 0.5: ``NONE`` need not be beaten) and the pair's heads are at most the
    label's path limit apart (``max_path_by_label``, else ``max_path``).  No worksFor after a past
    marker ("former Acme chief X"), as in the rules.  Its evidence has ``rule="learned"``,
    ``confidence`` = the calibrated probability (softmax with the temperature fitted on dev), and
    the modality of the rules (negation / hedge above the pair's lowest common ancestor).
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from kg.errors import DataFileError
from kg.extract.mentions.records import Mention
from kg.extract.relations.clauses import is_dateline, subjects
from kg.extract.relations.modality import modality as modality_of
from kg.extract.relations.posts import of_state
from kg.extract.relations.view import DocView, lies_on_water
from kg.model import Evidence, Relation
from kg.extract.resolve.document import Resolution
from kg.resources import Resources, data_dir

log = logging.getLogger(__name__)

__all__ = [
    "PROPERTIES",
    "NONE",
    "MODEL_FORMAT",
    "MAX_DISTANCE",
    "MAX_PATH",
    "Candidate",
    "RelationModel",
    "default_model_path",
    "load_model",
    "parse_model",
    "candidates",
    "pair_features",
    "DENSE_BLOCKS",
    "usable_tensor",
    "dense_features",
    "learned_relations",
    "beyond_rules",
]

PROPERTIES: tuple[str, ...] = ("worksFor", "livesIn", "locatedIn", "basedIn", "killed")
NONE = "NONE"
MODEL_FORMAT = "newskg-relation-model"
MODEL_VERSION = 2  # 2: optional dense weights and a sparse-only fallback (version 1 files still load)
MAX_DISTANCE = 40  # tokens between the two mentions
MAX_PATH = 6  # dependency edges; longer paths are one "long" feature
_TRIGGER_KINDS = ("roles", "verbs", "nouns", "inverse_nouns", "hyphen_adjectives")


# --------------------------------------------------------------------------------------------
# model file
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RelationModel:
    """The shipped weights: ``weights[feature][k]`` is the weight of ``labels[k]``.

    A model may also weigh a dense vector per candidate (:func:`dense_features` of ``doc.tensor``):
    ``dense[j][k]`` is the weight of its ``j``-th number for ``labels[k]``, and ``dense_bias`` is
    added with it (the training mean and scale are folded into both).  Its ``fallback`` (the
    sparse-only model) is used for a document without a usable tensor."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    temperature: float
    thresholds: Mapping[str, float]
    meta: Mapping[str, Any]
    max_path: int | None = None  # emit only pairs whose heads are at most this many dependency edges apart
    # per label, instead of max_path (None: no limit); labels not listed use max_path
    max_path_by_label: Mapping[str, int | None] = field(default_factory=dict)
    dense_width: int = 0  # columns of doc.tensor the dense weights expect (0: sparse-only model)
    dense: Any = field(default=None, compare=False, repr=False)  # numpy array (len(DENSE_BLOCKS) * width, labels)
    dense_bias: tuple[float, ...] = ()
    fallback: RelationModel | None = field(default=None, compare=False, repr=False)

    def path_limit(self, label: str) -> int | None:
        """The longest dependency path (edges) at which ``label`` is emitted (None: any)."""
        return self.max_path_by_label[label] if label in self.max_path_by_label else self.max_path

    def dense_scores(self, vectors: Any) -> Any:
        """Per candidate (rows of ``vectors``, from :func:`dense_features`), the dense part of the scores."""
        return vectors @ self.dense + self.dense_bias

    def probabilities(self, features: Sequence[str], dense: Sequence[float] | None = None) -> dict[str, float]:
        """Calibrated class probabilities for one candidate's features (``dense``: its
        :meth:`dense_scores` row; without it, the dense part counts as the training average)."""
        scores = list(self.bias)
        if dense is not None:
            for k, v in enumerate(dense):
                scores[k] += float(v)
        for f in features:
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    scores[k] += v
        top = max(scores)
        exps = [math.exp((s - top) / self.temperature) for s in scores]
        total = sum(exps)
        return {lab: e / total for lab, e in zip(self.labels, exps)}


def default_model_path() -> Path:
    return data_dir() / "models" / "relations.json"


def parse_model(data: Any, *, where: str = "relation model") -> RelationModel:
    """Validate the JSON structure of a model file (raises :class:`DataFileError`)."""
    fix = "retrain it with `python scripts/train_relations.py train` or reinstall newskg"

    def bad(why: str) -> DataFileError:
        return DataFileError(f"{where}: {why}; {fix}.")

    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise bad(f"not a {MODEL_FORMAT} file (missing or wrong 'format')")
    if data.get("version") not in (1, MODEL_VERSION):
        raise bad(f"version {data.get('version')!r} is not supported (expected {MODEL_VERSION})")
    labels = data.get("labels")
    if not (isinstance(labels, list) and labels and all(isinstance(x, str) for x in labels) and NONE in labels):
        raise bad(f"'labels' must be a list of strings containing {NONE!r}")
    unknown = set(labels) - {NONE, *PROPERTIES}
    if unknown:
        raise bad(f"unknown labels {sorted(unknown)}")
    n = len(labels)

    def vector(v: Any, what: str) -> tuple[float, ...]:
        if not (isinstance(v, list) and len(v) == n and all(isinstance(x, (int, float)) for x in v)):
            raise bad(f"{what} must be a list of {n} numbers")
        return tuple(float(x) for x in v)

    bias = vector(data.get("bias"), "'bias'")
    raw = data.get("weights")
    if not isinstance(raw, dict):
        raise bad("'weights' must be an object {feature: [weights per label]}")
    weights = {str(f): vector(v, f"weights[{f!r}]") for f, v in raw.items()}
    temperature = data.get("temperature", 1.0)
    if not isinstance(temperature, (int, float)) or temperature <= 0:
        raise bad("'temperature' must be a positive number")
    thresholds = data.get("thresholds")
    if not isinstance(thresholds, dict) or not all(
            p in labels and isinstance(t, (int, float)) and 0.0 <= t <= 1.0 for p, t in thresholds.items()):
        raise bad("'thresholds' must map labels of the model to numbers in [0, 1]")
    max_path = data.get("max_path")
    if max_path is not None and not (isinstance(max_path, int) and max_path >= 1):
        raise bad("'max_path' must be a positive integer or null")
    by_label = data.get("max_path_by_label", {})
    if not isinstance(by_label, dict) or not all(
            p in labels and (v is None or (isinstance(v, int) and v >= 1)) for p, v in by_label.items()):
        raise bad("'max_path_by_label' must map labels of the model to positive integers or null")
    dense_width, dense, dense_bias, fallback = 0, None, (), None
    if "dense" in data:
        import numpy

        block = data["dense"]
        if not isinstance(block, dict):
            raise bad("'dense' must be an object {width, bias, weights}")
        dense_width = block.get("width")
        if not (isinstance(dense_width, int) and dense_width >= 1):
            raise bad("'dense.width' must be a positive integer")
        dense_bias = vector(block.get("bias"), "'dense.bias'")
        rows = block.get("weights")
        if not (isinstance(rows, list) and len(rows) == len(DENSE_BLOCKS) * dense_width):
            raise bad(f"'dense.weights' must be a list of {len(DENSE_BLOCKS)} x width rows")
        dense = numpy.array([vector(r, "a row of 'dense.weights'") for r in rows], dtype=numpy.float64)
        if "fallback" in data:
            fallback = parse_model(data["fallback"], where=f"{where} (fallback)")
            if fallback.dense_width or fallback.labels != tuple(labels):
                raise bad("'fallback' must be a sparse-only model with the same labels")
    return RelationModel(tuple(labels), bias, weights, float(temperature),
                         {p: float(t) for p, t in thresholds.items()}, dict(data.get("meta", {})), max_path,
                         dict(by_label), dense_width, dense, dense_bias, fallback)


@lru_cache(maxsize=4)
def _load(path: str) -> RelationModel:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the relation model ({exc}); retrain it with "
                            "`python scripts/train_relations.py train` or reinstall newskg.") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}: the relation model is not valid JSON ({exc}); retrain it with "
                            "`python scripts/train_relations.py train` or reinstall newskg.") from exc
    model = parse_model(data, where=path)
    log.info("loaded relation model %s (%d features)", path, len(model.weights))
    return model


def load_model(path: str | Path | None = None) -> RelationModel:
    """Load (once; cached) the model file, by default the shipped one."""
    return _load(str(Path(path).resolve() if path else default_model_path()))


# --------------------------------------------------------------------------------------------
# candidates
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Candidate:
    """An ordered entity pair in one sentence, represented by its two closest mentions."""

    subject: str
    object: str
    subject_cls: str
    object_cls: str
    s: Mention
    o: Mention


def _admitted(res: Resources, cls_s: str, cls_o: str) -> tuple[str, ...]:
    onto = res.ontology
    return tuple(p for p in PROPERTIES if p in onto.properties and onto.admits(p, cls_s, cls_o))


def candidates(doc: Doc, mentions: Sequence[Mention], resolution: Resolution, res: Resources) -> list[Candidate]:
    """All candidate pairs of the document, in a deterministic order (see the module docstring)."""
    by_sent: dict[int, list[tuple[Mention, str]]] = {}
    for m, key in zip(mentions, resolution.mention_keys):
        if not key or key not in resolution.entities or m.end <= m.start:
            continue
        sent = doc[m.start].sent
        if m.end > sent.end:  # a mention across a sentence break
            continue
        by_sent.setdefault(sent.start, []).append((m, key))
    out: list[Candidate] = []
    for start in sorted(by_sent):
        items = sorted(by_sent[start], key=lambda x: (x[0].start, x[0].end))
        best: dict[tuple[str, str], tuple[int, Mention, Mention]] = {}
        for a, ka in items:
            for b, kb in items:
                if ka == kb:
                    continue
                gap = _gap(a, b)
                if gap > MAX_DISTANCE:
                    continue
                known = best.get((ka, kb))
                if known is None or gap < known[0]:
                    best[(ka, kb)] = (gap, a, b)
        for (ka, kb) in sorted(best, key=lambda k: (best[k][1].start, best[k][2].start, k)):
            ca, cb = resolution.entities[ka].cls, resolution.entities[kb].cls
            if not _admitted(res, ca, cb):
                continue
            _, a, b = best[(ka, kb)]
            out.append(Candidate(ka, kb, ca, cb, a, b))
    return out


def _gap(a: Mention, b: Mention) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


# --------------------------------------------------------------------------------------------
# features
# --------------------------------------------------------------------------------------------
_TRIGGER_CACHE: dict[int, tuple[Resources, dict[str, tuple[str, ...]]]] = {}


def _triggers(res: Resources) -> dict[str, tuple[str, ...]]:
    """lemma -> ("roles:worksFor", ...) for the lexicon triggers of the five properties (and leaderOf)."""
    hit = _TRIGGER_CACHE.get(id(res))
    if hit is not None and hit[0] is res:
        return hit[1]
    wanted = set(PROPERTIES) | {"leaderOf"}
    out: dict[str, set[str]] = {}
    for kind in _TRIGGER_KINDS:
        for t in res.relations.triggers.get(kind, ()):
            if t.prop in wanted:
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


def _head(doc: Doc, m: Mention) -> Token:
    return doc[m.start:m.end].root


def _chain(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 60:
        out.append(out[-1].head)
    return out


def _dep_path(a: Token, b: Token) -> tuple[list[Token], Token, list[Token]] | None:
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
    token_cls = token_cls or {}
    trig = _triggers(res)
    feats: set[str] = set()
    pair = f"{cls_s}>{cls_o}"
    first, second = (s, o) if s.start <= o.start else (o, s)
    order = "so" if first is s else "os"
    gap = _gap(s, o)
    feats |= {f"cls={pair}", f"order={order}", f"cls+order={pair}|{order}", f"dist={_bucket(gap)}",
              f"dist+order={_bucket(gap)}|{order}"}
    hs, ho = _head(doc, s), _head(doc, o)
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
    path = _dep_path(hs, ho)
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


# dense features: means of the parser's token vectors (doc.tensor)
DENSE_BLOCKS: tuple[str, ...] = ("subject", "object", "between", "path", "product")


def usable_tensor(doc: Doc, width: int) -> Any:
    """``doc.tensor`` as a float32 array when it has one row of ``width`` numbers per token, else None
    (a transformer pipeline leaves ``doc.tensor`` empty; a joined long document has none)."""
    import numpy

    t = getattr(doc, "tensor", None)
    if t is None or not hasattr(t, "shape") or len(t.shape) != 2 or t.shape[0] != len(doc) or t.shape[1] != width:
        return None
    return numpy.asarray(t, dtype=numpy.float32)


def dense_features(doc: Doc, s: Mention, o: Mention, tensor: Any) -> Any:
    """The dense vector of the ordered pair (subject ``s``, object ``o``): the mean token vector of
    the subject, of the object, of the words between them, of the inner nodes of the dependency
    path between their heads (zeros when there are none), and the elementwise product of the first
    two (:data:`DENSE_BLOCKS`, each ``tensor.shape[1]`` wide)."""
    import numpy

    width = tensor.shape[1]
    zeros = numpy.zeros(width, dtype=numpy.float32)
    ms = tensor[s.start:s.end].mean(axis=0)
    mo = tensor[o.start:o.end].mean(axis=0)
    first, second = (s, o) if s.start <= o.start else (o, s)
    mb = tensor[first.end:second.start].mean(axis=0) if second.start > first.end else zeros
    hs, ho = _head(doc, s), _head(doc, o)
    path = _dep_path(hs, ho)
    inner: list[int] = []
    if path is not None:
        up, lca, down = path
        inner = [t.i for t in up[1:]] + [t.i for t in down[1:]]
        if lca.i != hs.i and lca.i != ho.i:
            inner.append(lca.i)
    mp = tensor[sorted(set(inner))].mean(axis=0) if inner else zeros
    return numpy.concatenate([ms, mo, mb, mp, ms * mo])


# --------------------------------------------------------------------------------------------
# inference
# --------------------------------------------------------------------------------------------
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
    others = {i: c for i, c in token_cls.items() if i not in own}
    return pair_features(doc, cand.s, cand.o, cand.subject_cls, cand.object_cls, res, token_cls=others)


def learned_relations(doc: Doc, mentions: list[Mention], resolution: Resolution, res: Resources, doc_id: str,
                      *, model: RelationModel | None = None) -> list[Relation]:
    """The learned relations of one document (see the module docstring)."""
    model = model or load_model()
    cands = candidates(doc, mentions, resolution, res)
    if not cands:
        return []
    model, dense = _dense_rows(model, doc, cands)
    token_cls = mention_classes(mentions, resolution)
    past = res.relations.words.past_markers
    ctx = None
    out: list[Relation] = []
    for n, cand in enumerate(cands):
        probs = model.probabilities(candidate_features(doc, cand, res, token_cls),
                                    None if dense is None else dense[n])
        admitted = [lab for lab in model.labels if lab in model.thresholds
                    and res.ontology.admits(lab, cand.subject_cls, cand.object_cls)
                    and not (lab == "locatedIn" and cand.subject_cls == "Country")  # a state is in no state
                    and not (lab == "locatedIn" and lies_on_water(res, cand.subject_cls,
                                                                  resolution.entities[cand.object].name))]
        if not admitted:
            continue
        label = max(admitted, key=lambda lab: (probs[lab], lab))
        p = probs[label]
        if round(min(0.99, p), 3) < model.thresholds[label]:  # the confidence the fact will carry
            continue
        if label == "worksFor" and _past_post(doc, cand, past):
            continue  # "former minister X": the rules assert no past post, nor does the classifier
        hs, ho = _head(doc, cand.s), _head(doc, cand.o)
        path = _dep_path(hs, ho)
        if path is None:
            continue
        limit = model.path_limit(label)
        if limit is not None and len(path[0]) + len(path[2]) > limit:
            continue
        anchor = path[1]
        if ctx is None:
            ctx = DocView.of(doc, mentions, resolution, res, doc_id)  # the rules' reading of the clause
        if _rules_name_another_agent(ctx, path, label, cand.subject, cand.object, res):
            continue
        if label == "worksFor" and (_a_brief(ctx, ho) or _party_arena_of(ctx, ho)):
            continue
        if label != "killed" and _act_on(path, res):  # "fired the shots that killed X" is both
            continue
        if label == "livesIn" and _scene_of_an_act(ctx, hs, ho, res):
            continue
        modality = modality_of(res.relations.words, anchor)
        sent: Span = hs.sent
        ev = Evidence(
            doc_id=doc_id, sentence=sent.text.strip(), start=sent.start_char,
            end=sent.start_char + len(sent.text.rstrip()), rule="learned",
            confidence=round(min(0.99, p), 3), modality=modality,
        )
        out.append(Relation(cand.subject, label, cand.object, ev))
    return out


def _rules_name_another_agent(ctx: DocView, path: tuple[list[Token], Token, list[Token]], label: str, subject: str,
                              obj: str, res: Resources) -> bool:
    """True when a trigger verb of ``label`` on the dependency path between the pair has, by the rules'
    reading, an agent that is neither of the two ("A said B killed C"), or hangs on a participle of a
    common noun that is its agent ("A, who wed the man convicted of killing C": the man killed C, not
    A).  The classifier sees words and a path; the rules know whose verb it is, and they win."""
    table = _triggers(res)
    for tok in (*path[0], path[1], *path[2]):
        if tok.pos_ != "VERB" or f"verbs:{label}" not in table.get(tok.lemma_.lower(), ()):
            continue
        agents, passive = subjects(ctx, tok)
        keys = {a.key for a in agents}
        if keys and subject not in keys and obj not in keys:
            return True
        if not keys and not passive and _under_participle_of_noun(ctx, tok):
            return True  # the agent is a noun phrase that names no entity ("the man convicted of killing")
    return False


def _act_on(path: tuple[list[Token], Token, list[Token]], res: Resources) -> bool:
    """The pair is joined by a verb the subject is the agent of, and the lexicon gives that verb to
    a stance property (``stance_properties``): "X backs a veto for members of the Y" is a stance on
    Y, not a post in it; the rules read such verbs and the classifier's guess would misname it."""
    anchor = path[1]
    if anchor.pos_ != "VERB" or not path[0] or path[0][-1].dep_ != "nsubj":
        return False
    lemma = anchor.lemma_.lower()
    props = {t.prop.lower() for t in res.relations.triggers.get("verbs", ()) if t.lemma.split()[0] == lemma}
    return bool(props & res.relations.words.stance_properties)


def _a_brief(ctx: DocView, obj: Token) -> bool:
    """"the <Party> spokesman for the <Office>", "Secretary of State for <X>": after a role noun
    that already names its owner, "for X" is the brief the person covers, not an employer (the
    rules read it so; the classifier sees only the words)."""
    prep = obj.head
    role = prep.head
    if obj.dep_ != "pobj" or prep.lower_ != "for" or role.pos_ != "NOUN" or role.i == prep.i:
        return False
    return of_state(role) or any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < role.i
                                 and c.i in ctx.r.token_keys for c in role.children)


def _party_arena_of(ctx: DocView, obj: Token) -> bool:
    """"the <Party>'s <House> leader X", "the party's <Office> spokesman X": the institution before
    the role is where or on what the person speaks for a party, as the rules read it."""
    role = obj.head
    if obj.dep_ not in ("compound", "amod", "nmod") or role.i == obj.i:
        return False
    parties = ctx.words.party_nouns
    keys = ctx.r.token_keys
    own = keys.get(obj.i)
    if own is not None and ctx.cls(own) == "Group":
        return False  # "<Party> leader X" itself
    return any(c.i < obj.i and c.dep_ in ("poss", "compound", "amod", "nmod") and (  # the party comes first
        c.lemma_.lower() in parties or c.i in keys and keys[c.i] != own and ctx.cls(keys[c.i]) == "Group")
        for c in role.children)


def _scene_of_an_act(ctx: DocView, person: Token, place: Token, res: Resources) -> bool:
    """The place is where the person did something, not where he lives: the dateline the story was
    filed from ("LOURDES, France - The Pope celebrated Mass"), an incident noun between the two
    ("the Ruritania kidnap victim X"), a contest with the person as opponent ("a lead over X in Y"),
    or a place hung on a verb the person is the agent of ("X inaugurated a bridge in southern
    France", "was inaugurated by X in Y") other than a livesIn trigger ("lives in", "was born in")."""
    if is_dateline(place.sent[0]) and place.i < place.sent.start + 6:
        return True
    incidents = res.relations.words.incident_nouns
    if place.i < person.i and any(t.lemma_.lower() in incidents or t.lower_ in incidents
                                  for t in place.doc[place.i + 1:person.i]):
        return True  # "the Ruritania kidnap victim X", "a Riverton crash survivor": where it happened
    if person.dep_ == "pobj" and person.head.lower_ in res.relations.words.opponent_preps:
        return True  # "a lead over X in Y", "ran against X in Y": a contest there, X's opponent
    prep = place.head
    verb = prep.head
    if place.dep_ == "pobj" and prep.dep_ == "prep" and verb.i == person.i and person.dep_ == "pobj" \
            and person.head.dep_ == "agent":
        return True  # "inaugurated by X in Y": the parser hangs the scene on the agent
    if place.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return False
    homes = {t.lemma.split()[0] for t in res.relations.triggers.get("verbs", ()) if t.prop == "livesIn"}
    if verb.lemma_.lower() in homes:
        return False
    agents, _ = subjects(ctx, verb)
    key = ctx.r.token_keys.get(person.i)
    return key is not None and key in {a.key for a in agents}


def _under_participle_of_noun(ctx: DocView, tok: Token) -> bool:
    """``tok`` hangs (through a preposition) on a participle that modifies a common noun
    naming no entity: "the man convicted of killing B", "soldiers accused of shooting B"."""
    t = tok
    for _ in range(5):
        if t.dep_ == "acl" and t.tag_ in ("VBN", "VBG") and t.head.pos_ == "NOUN" \
                and t.head.i not in ctx.r.token_keys and t.head.dep_ != "appos":
            return True
        if t.dep_ not in ("pcomp", "prep") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _dense_rows(model: RelationModel, doc: Doc, cands: Sequence[Candidate]) -> tuple[RelationModel, Any]:
    """The model to use for ``doc`` and the dense part of each candidate's scores (None: none).

    A dense model needs ``doc.tensor`` of its width; without one, its sparse-only ``fallback`` is
    used (else the dense part counts as the training average)."""
    if not model.dense_width:
        return model, None
    tensor = usable_tensor(doc, model.dense_width)
    if tensor is None:
        return (model.fallback or model), None
    import numpy

    vectors = numpy.stack([dense_features(doc, c.s, c.o, tensor) for c in cands])
    return model, model.dense_scores(vectors).tolist()


def _past_post(doc: Doc, cand: Candidate, past: frozenset[str]) -> bool:
    """A past marker ("former", "ex-") in the three words before the pair or between its mentions
    ("former Acme chief X", "X, a former Acme chief")."""
    first, second = (cand.s, cand.o) if cand.s.start <= cand.o.start else (cand.o, cand.s)
    sent = doc[first.start].sent
    window = list(range(max(sent.start, first.start - 3), first.start)) + list(range(first.end, second.start))
    return any(doc[i].lower_ in past or doc[i].lower_.rstrip("-") in past for i in window)


def beyond_rules(learned: Sequence[Relation], rules: Sequence[Relation]) -> list[Relation]:
    """The learned relations worth adding to the rules' ones.

    A learned relation is dropped when the rules already relate the same two entities (by any
    property, in either direction): the rules' reading is the more specific one ("Ruritanian
    President X" is X leaderOf Ruritania; a learned "X livesIn Ruritania" from the same words would
    only repeat it less precisely).  The one exception is a learned property that the rules'
    property entails (:data:`_ENTAILED`: X leaderOf Y is also X worksFor Y): it adds nothing false.
    A learned locatedIn is also dropped for a place the rules already locate.
    """
    related: dict[tuple[str, str], set[str]] = {}
    placed = {r.subject for r in rules if r.predicate == "locatedIn"}
    for r in rules:
        related.setdefault((r.subject, r.object), set()).add(r.predicate)
        related.setdefault((r.object, r.subject), set()).add("~" + r.predicate)
    out = []
    for r in learned:
        if r.predicate == "locatedIn" and r.subject in placed:
            continue  # the rules already say where it is ("CITY, Country" datelines): no second guess
        props = related.get((r.subject, r.object))
        if props is None or (r.predicate not in props and all(
                r.predicate in _ENTAILED.get(p, ()) for p in props)):
            out.append(r)
    return out


# rule property -> the learned properties it entails (rdfs:subPropertyOf in ontologies/newskg.ttl)
_ENTAILED: dict[str, tuple[str, ...]] = {"leaderOf": ("worksFor",), "elected": ("worksFor",)}
