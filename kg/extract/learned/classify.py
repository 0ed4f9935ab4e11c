"""Inference: the learned relations of one document, and how they join the rules' relations.

For each candidate pair (:mod:`.candidates`) the model's most probable label among the properties
the ontology admits for the pair's classes is emitted when its calibrated probability reaches the
label's threshold, the pair's heads are within the label's path limit, and no guard of the rules
vetoes it (:mod:`.guards`).  Evidence: ``rule="learned"``, ``confidence`` = the probability,
``modality`` from the rules' negation/hedge logic at the pair's lowest common ancestor.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from spacy.tokens import Doc

from kg.extract.learned.candidates import Candidate, candidates
from kg.extract.learned.features import candidate_features, dep_path, head, mention_classes, rule_features
from kg.extract.learned.guards import (
    a_beat,
    a_brief,
    a_destination,
    act_on,
    list_items,
    may_head,
    party_arena_of,
    past_post,
    post_status,
    rules_name_another_agent,
    rules_name_another_object,
    scene_of_an_act,
)
from kg.extract.learned.model import RelationModel, load_models
from kg.extract.mentions.records import Mention
from kg.extract.relations.geography import lies_on_water
from kg.extract.relations.holders import surely_a_body
from kg.extract.relations.modality import modality
from kg.extract.relations.posts import names_a_topic
from kg.extract.relations.records import Arg
from kg.extract.relations.view import DocView, word_in
from kg.extract.resolve.records import Resolution
from kg.model import Evidence, Relation
from kg.resources import Resources
from kg.resources.offices import Offices

__all__ = ["learned_relations", "featured_candidates", "scored_candidates", "beyond_rules", "COREFERENCE"]

COREFERENCE = True  # pronouns and descriptions tied to one entity make candidates too
_POSTS = ("worksFor", "leaderOf", "memberOf")


def featured_candidates(doc: Doc, mentions: list[Mention], resolution: Resolution, res: Resources,
                        rules: Sequence[Relation], properties: Sequence[str]) -> list[tuple[Candidate, list[str]]]:
    """Every candidate (admitted by one of ``properties``) with its features (training uses this too)."""
    cands = candidates(doc, mentions, resolution, res, properties, coreference=COREFERENCE)
    if not cands:
        return []
    token_cls = mention_classes(mentions, resolution)
    by_sentence: dict[int, list[Relation]] = {}
    for r in rules:
        by_sentence.setdefault(r.evidence.start, []).append(r)
    out = []
    for cand in cands:
        sent = doc[cand.s.start].sent
        out.append((cand, candidate_features(doc, cand, res, token_cls)
                    + rule_features(cand, by_sentence.get(sent.start_char, ()))))
    return out


def scored_candidates(doc: Doc, mentions: list[Mention], resolution: Resolution, res: Resources,
                      rules: Sequence[Relation], model: RelationModel) -> list[tuple[Candidate, list[str], dict[str, float]]]:
    """Every candidate with its features and the model's probabilities."""
    return [(c, f, model.probabilities(f))
            for c, f in featured_candidates(doc, mentions, resolution, res, rules, model.properties)]


def learned_relations(doc: Doc, mentions: list[Mention], resolution: Resolution, res: Resources, doc_id: str,
                      *, rules: Sequence[Relation] = (), model: RelationModel | None = None) -> list[Relation]:
    """The learned relations of one document (see the module docstring): of ``model``, or of every
    shipped model (:func:`~kg.extract.learned.model.load_models`), the most confident reading of a
    pair in a sentence kept when two models read one."""
    models = (model,) if model is not None else load_models()
    props = sorted({p for m in models for p in m.thresholds})
    if not props:
        return []
    view = DocView.of(doc, mentions, resolution, res, doc_id)
    best: dict[tuple[str, str, str, int], Relation] = {}
    for cand, feats in featured_candidates(doc, mentions, resolution, res, rules, props):
        for m in models:
            probs = m.probabilities(feats)
            label = _label(cand, probs, m, resolution, res)
            rel = _relation(view, cand, label, probs[label], m) if label is not None else None
            if rel is None:
                continue
            key = (rel.subject, rel.predicate, rel.object, rel.evidence.start)
            if key not in best or rel.evidence.confidence > best[key].evidence.confidence:
                best[key] = rel
    return list(best.values())


def _label(cand: Candidate, probs: dict[str, float], model: RelationModel, resolution: Resolution,
           res: Resources) -> str | None:
    admitted = [lab for lab in model.labels if lab in model.thresholds
                and not (lab == "leaderOf" and not may_head(resolution.entities[cand.subject], cand.object,
                                                           cand.object_cls, res))
                and res.ontology.admits(lab, cand.subject_cls, cand.object_cls)
                and not (lab == "locatedIn" and cand.subject_cls == "Country")  # a state is in no state
                and not (lab == "locatedIn" and lies_on_water(res, cand.subject_cls,
                                                              resolution.entities[cand.object].name))]
    if not admitted:
        return None
    label = max(admitted, key=lambda lab: (probs[lab], lab))
    if round(min(0.99, probs[label]), 3) < model.thresholds[label]:  # the confidence the fact will carry
        return None
    return label


def _relation(v: DocView, cand: Candidate, label: str, p: float, model: RelationModel) -> Relation | None:
    doc, res = v.doc, v.res
    status = post_status(doc, cand, res.time) if label in res.ontology.posts else None
    if label in _POSTS and status == "current" and past_post(doc, cand, res.relations.words.past_markers):
        return None  # a past marker the status lists do not know
    hs, ho = head(doc, cand.s), head(doc, cand.o)
    path = dep_path(hs, ho)
    if path is None:
        return None
    if list_items(doc, hs, ho):
        return None
    limit = model.path_limit(label)
    if limit is not None and len(path[0]) + len(path[2]) > limit:
        return None
    if rules_name_another_agent(v, path, label, cand.subject, cand.object, res) \
            or rules_name_another_object(v, path, label, cand.subject, cand.object, res):
        return None
    if label == "worksFor" and (a_brief(v, ho) or a_beat(v, ho) or party_arena_of(v, ho)):
        return None
    if label in ("livesIn", "worksFor") and a_destination(v, ho):
        return None
    if label != "killed" and act_on(path, res):  # "fired the shots that killed X" is both
        return None
    if label == "livesIn" and scene_of_an_act(v, hs, ho, res):
        return None
    if label in ("livesIn", "worksFor") and names_a_topic(v, ho):
        return None  # "a Russia analyst" (the rules read it so)
    if label == "worksFor" and ho.dep_ == "pobj" and ho.head.lower_ == "of" and not surely_a_body(v, cand.object, ho):
        return None  # "diver X of Millinocket": a one-word "body" after "of" is mostly a town (as the rules read it)
    if label in _POSTS and any(word_in(t, v.words.people_nouns) for t in (*path[0], path[1], *path[2])):
        return None  # "X, a critic of the Acme Party": a stance the rules read, no post
    if v.reading(label, Arg(cand.subject), Arg(cand.object), "learned", path[1]) is None:
        return None  # what the rules would not admit either (a town "in" a sea, a region in another country)
    sent = hs.sent
    ev = Evidence(doc_id=v.doc_id, sentence=sent.text.strip(), start=sent.start_char,
                  end=sent.start_char + len(sent.text.rstrip()), rule="learned",
                  confidence=round(min(0.99, p), 3),
                  modality="hedged" if status == "future" else modality(res.relations.words, path[1],
                                                                           label in res.ontology.events),
                  role_status=status)
    return Relation(cand.subject, label, cand.object, ev)


def beyond_rules(learned: Sequence[Relation], rules: Sequence[Relation],
                 classes: Mapping[str, str] | None = None, *, names: Mapping[str, str] | None = None,
                 offices: Offices | None = None, date: str | None = None) -> list[Relation]:
    """The learned relations worth adding to the rules' ones.

    A learned relation is dropped when the rules already relate the same two entities (by any
    property, in either direction): the rules' reading is the more specific one ("Ruritanian
    President X" is X leaderOf Ruritania; a learned "X livesIn Ruritania" from the same words would
    only repeat it less precisely).  The one exception is a learned property that the rules'
    property entails (:data:`_ENTAILED`: X leaderOf Y is also X worksFor Y): it adds nothing false.
    A learned locatedIn is also dropped for a place the rules already locate, and a learned post
    for a person the rules give a post in another institution of the same class in that sentence
    ("German Chancellor X and French President Y": not X leaderOf France), and a learned leaderOf
    for a person the rules already make the head of something else in the text, or of something
    whose head the rules name in that sentence ("Ruritania's President X ..., his spokesperson,
    Y": not Y leaderOf Ruritania), or that the
    office-holder table contradicts (``names``: entity key -> name, ``date``: the text's ISO date;
    see :meth:`Offices.may_lead`): on 200 unseen AllSides articles the classifier's heads of states
    were right 5 times in 19 (read by the lead session): "Trump leaderOf France".
    """
    related: dict[tuple[str, str], set[str]] = {}
    placed = {r.subject for r in rules if r.predicate == "locatedIn"}
    posts: dict[tuple[str, int], set[str]] = {}
    leads: dict[str, set[str]] = {}
    headed: dict[tuple[str, int], set[str]] = {}  # (what is led, sentence) -> its heads by the rules
    for r in rules:
        related.setdefault((r.subject, r.object), set()).add(r.predicate)
        related.setdefault((r.object, r.subject), set()).add("~" + r.predicate)
        if r.predicate in _POSTS:
            posts.setdefault((r.subject, r.evidence.start), set()).add(r.object)
        if r.predicate == "leaderOf" and r.evidence.modality == "asserted":
            leads.setdefault(r.subject, set()).add(r.object)
            headed.setdefault((r.object, r.evidence.start), set()).add(r.subject)
    out = []
    for r in learned:
        if r.predicate == "locatedIn" and r.subject in placed:
            continue  # the rules already say where it is ("CITY, Country" datelines): no second guess
        if r.predicate == "leaderOf" and leads.get(r.subject, set()) - {r.object}:
            continue  # the rules already say what the person leads ("President X" of one state): no second head
        if r.predicate == "leaderOf" and headed.get((r.object, r.evidence.start), set()) - {r.subject}:
            continue  # the rules name its head in this sentence ("Ruritania's President X ..., his spokesperson, Y")
        if r.predicate == "leaderOf" and offices is not None and names is not None and classes is not None \
                and classes.get(r.object) == "Country" and not offices.may_lead(names.get(r.subject, ""), r.object, date):
            continue  # the office-holder table knows the person as another state's head, or the state's
            # head on the text's date as someone else
        held = posts.get((r.subject, r.evidence.start), set()) - {r.object}
        if r.predicate in _POSTS and held and (classes is None or any(
                classes.get(o) == classes.get(r.object) for o in held)):
            continue
        props = related.get((r.subject, r.object))
        if props is None or (r.predicate not in props and all(
                r.predicate in _ENTAILED.get(p, ()) for p in props)):
            out.append(r)
    return out


# rule property -> the learned properties it entails (rdfs:subPropertyOf in ontologies/newskg.ttl)
_ENTAILED: dict[str, tuple[str, ...]] = {"leaderOf": ("worksFor",), "elected": ("worksFor",)}
