"""CoNLL04 (Roth & Yih 2004, SpERT JSON) as documents plus a :class:`kg.eval.score.Gold`.

Each sentence becomes one :class:`kg.model.Document` with id ``conll04-<split>-<orig_id>``
(``conll04-<split>-i<index>`` when an item has no ``orig_id`` or repeats one).  Its text is
the tokens joined by :func:`detokenize`.  Entities are scoped to their sentence: the same name
in two sentences is two gold entities, so CoNLL04 must be scored per document
(:func:`evaluate_conll04` does that).  Two mentions with the same normalised name in one
sentence are one gold entity.

Type mapping: ``Peop`` -> Person, ``Org`` -> Organization, ``Loc`` -> Place; ``Other`` mentions
are not gold entities (no CoNLL04 relation uses them).  Relation mapping: ``Work_For`` ->
worksFor, ``Live_In`` -> livesIn, ``Located_In`` -> locatedIn, ``OrgBased_In`` -> basedIn,
``Kill`` -> killed; only these five properties are scored.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import rdflib

from kg.eval.gold import Gold, GoldDocument, GoldEntity, GoldFact
from kg.eval.names import normalise
from kg.eval.report import Report
from kg.eval.score import evaluate
from kg.model import Document

__all__ = [
    "CONLL04_PROPERTIES",
    "ENTITY_TYPES",
    "RELATION_TYPES",
    "detokenize",
    "load_conll04",
    "conll04_sentence",
    "evaluate_conll04",
]

log = logging.getLogger(__name__)

ENTITY_TYPES: dict[str, str | None] = {"Peop": "Person", "Org": "Organization", "Loc": "Place", "Other": None}
RELATION_TYPES: dict[str, str] = {
    "Work_For": "worksFor",
    "Live_In": "livesIn",
    "Located_In": "locatedIn",
    "OrgBased_In": "basedIn",
    "Kill": "killed",
}
CONLL04_PROPERTIES: frozenset[str] = frozenset(RELATION_TYPES.values())

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}", "-LSB-": "[", "-RSB-": "]"}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "'s", "'re", "'t", "n't", "'ll", "'d",
                    "'ve", "'m", "'S", "N'T"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenize(tokens: Sequence[str]) -> str:
    """Join CoNLL04 tokens into readable text.

    PTB bracket tokens (``-LRB-`` ...) become brackets; the quote pairs ``` ` ` `` and
    ``' '`` (two tokens each) become ``"``; no space is put before ``, . ; : ? ! % ) ] }`` and
    clitics (``'s``, ``n't``, ...) or a closing quote, nor after ``( [ { $`` or an opening
    quote.  Everything else is separated by one space.
    """
    toks: list[tuple[str, str]] = []  # (text, kind) kind: "open", "close", "word"
    i = 0
    while i < len(tokens):
        tok = _BRACKETS.get(tokens[i], tokens[i])
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in ("`", "``") and (tok == "``" or nxt == "`"):
            toks.append(('"', "open"))
            i += 1 if tok == "``" else 2
            continue
        if tok in ("'", "''") and (tok == "''" or nxt == "'"):
            toks.append(('"', "close"))
            i += 1 if tok == "''" else 2
            continue
        toks.append((tok, "word"))
        i += 1
    out: list[str] = []
    glue_next = False
    for text, kind in toks:
        glue = glue_next or not out or kind == "close" or text in _NO_SPACE_BEFORE
        out.append(text if glue else " " + text)
        glue_next = kind == "open" or text in _NO_SPACE_AFTER
    return "".join(out)


def _split_name(path: Path) -> str:
    m = re.match(r"conll04_(\w+?)\.json$", path.name)
    return m.group(1) if m else path.stem


@lru_cache(maxsize=4)
def _read(path: str) -> tuple[dict[str, Any], ...]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of sentences (SpERT format), got {type(data).__name__}")
    return tuple(data)


def conll04_sentence(path: str | Path, index: int) -> str:
    """Detokenised text of item ``index`` of a SpERT CoNLL04 file."""
    items = _read(str(Path(path).resolve()))
    if not isinstance(index, int) or not 0 <= index < len(items):
        raise IndexError(f"{path}: no item {index!r} (file has {len(items)})")
    return detokenize(items[index]["tokens"])


# Relaxed name matching (``relaxed=True``): CoNLL04 spans keep titles and state suffixes
# ("President James A. Garfield", "North Bend, Ohio") that the graph keeps apart (a title is a
# jobTitle, the state is its own place).  The relaxed gold adds, as aliases, the name without
# leading title words and without a trailing ", <Region>".
TITLE_WORDS = frozenset(
    "president vice prime minister secretary sen. sen senator rep. rep gov. gov governor dr. dr rev. rev "
    "mr. mr mrs. mrs ms. ms gen. gen general adm. col. lt. sgt. capt. maj. king queen prince princess "
    "emperor roman archduke austrian pope saint st. sir lord lady judge justice chief mayor chancellor "
    "premier ayatollah sheik sheikh cardinal bishop father brother sister the former late u.s. us".split()
)


def _relaxed_aliases(name: str) -> tuple[str, ...]:
    words = name.split()
    out = []
    n = 0
    while n < len(words) - 1 and words[n].lower() in TITLE_WORDS:
        n += 1
    if n:
        out.append(" ".join(words[n:]))
    if "," in name:
        head = name.split(",", 1)[0].strip()
        if head:
            out.append(head)
    return tuple(dict.fromkeys(a for a in out if a and a != name))


def load_conll04(path: str | Path, *, relaxed: bool = False) -> tuple[list[Document], Gold]:
    """Read ``conll04_<split>.json`` (SpERT format) into documents and a per-sentence gold set.

    ``relaxed`` adds title-less and region-less variants of gold names as aliases (see
    :data:`TITLE_WORDS`); the report says so."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found; CoNLL04 lives in <data>/conll04/conll04_{{train,dev,test}}.json")
    split = _split_name(path)
    documents: list[Document] = []
    gold_docs: list[GoldDocument] = []
    entities: list[GoldEntity] = []
    relations: list[GoldFact] = []
    seen_ids: set[str] = set()
    skipped_other = 0
    for index, item in enumerate(_read(str(path.resolve()))):
        orig = item.get("orig_id")
        doc_id = f"conll04-{split}-{orig}" if orig is not None else f"conll04-{split}-i{index}"
        if doc_id in seen_ids:
            doc_id = f"conll04-{split}-i{index}"
        seen_ids.add(doc_id)
        text = detokenize(item["tokens"])
        documents.append(Document(doc_id, text, source=f"conll04:{split}:{index}"))
        gold_docs.append(GoldDocument(doc_id, {"dataset": "conll04", "split": split, "index": index}))
        ents, mention_ids, other = _sentence_entities(item, doc_id, relaxed, f"{path} item {index}")
        entities += ents
        skipped_other += other
        relations += _sentence_facts(item, doc_id, text, mention_ids, f"{path} item {index}")
    relations = list(dict.fromkeys(relations))  # the same fact stated twice in one sentence is one fact
    log.info("CoNLL04 %s: %d sentences, %d entities, %d relations, %d Other mentions skipped",
             split, len(documents), len(entities), len(relations), skipped_other)
    gold = Gold(name=f"conll04-{split}", documents=tuple(gold_docs), entities=tuple(entities),
                relations=tuple(relations), description="CoNLL04 (Roth & Yih 2004), SpERT JSON",
                notes=_notes(split, len(documents), relaxed), path=str(path))
    return documents, gold


def _sentence_entities(item: dict, doc_id: str, relaxed: bool, where: str
                       ) -> tuple[list[GoldEntity], list[str | None], int]:
    """The gold entities of one sentence (one per normalised name), the entity of each mention
    (None for an 'Other' mention) and how many 'Other' mentions were skipped."""
    tokens = item["tokens"]
    by_name: dict[str, str] = {}
    entities: list[GoldEntity] = []
    mention_ids: list[str | None] = []
    skipped = 0
    for ent in item["entities"]:
        cls = ENTITY_TYPES.get(ent["type"], "missing")
        if cls == "missing":
            raise ValueError(f"{where}: unknown entity type {ent['type']!r}")
        if cls is None:
            skipped += 1
            mention_ids.append(None)
            continue
        name = detokenize(tokens[ent["start"]:ent["end"]])
        key = normalise(name)
        if key not in by_name:
            ent_id = f"{doc_id}:e{len(by_name)}"
            by_name[key] = ent_id
            entities.append(GoldEntity(ent_id, name, cls, _relaxed_aliases(name) if relaxed else (), doc_id))
        mention_ids.append(by_name[key])
    return entities, mention_ids, skipped


def _sentence_facts(item: dict, doc_id: str, text: str, mention_ids: list[str | None], where: str) -> list[GoldFact]:
    out = []
    for rel in item["relations"]:
        prop = RELATION_TYPES.get(rel["type"])
        if prop is None:
            raise ValueError(f"{where}: unknown relation type {rel['type']!r}")
        head, tail = mention_ids[rel["head"]], mention_ids[rel["tail"]]
        if head is None or tail is None or head == tail:
            log.debug("%s: skipping %s between an Other mention or the same entity", doc_id, rel["type"])
            continue
        out.append(GoldFact(head, prop, tail, doc_id, text))
    return out


def _notes(split: str, n: int, relaxed: bool) -> tuple[str, ...]:
    return (
        f"CoNLL04 {split} (Roth & Yih 2004, SpERT split): {n} sentences, scored per sentence "
        "(a fact counts only if it comes from that sentence)",
        "only worksFor, livesIn, locatedIn, basedIn, killed are scored; predictions of other properties are "
        "ignored; CoNLL04 'Other' mentions are not gold entities",
    ) + (("relaxed names: gold names also match without leading titles ('President X' = 'X') and without a "
          "trailing ', Region' ('Town, State' = 'Town')",) if relaxed else ())


def evaluate_conll04(pred: rdflib.Graph, gold: Gold, **kwargs: Any) -> Report:
    """:func:`kg.eval.score.evaluate` in CoNLL04 mode: per document, the five mapped properties."""
    return evaluate(pred, gold, per_document=True, properties=CONLL04_PROPERTIES, **kwargs)
