"""Person pronouns against the blind antecedents of tests/gold/pronouns (rule coreference).

    NEWSKG_DATA=/work/shared/data python scripts/pronoun_gold.py [--split dev|test|all] [--errors]

The gold holds the 405 he/him/his/she/her/hers of 36 unseen AllSides articles, each given its
referent by a helper session that read only the article and the guideline (README.md there); 50
pronouns in 4 articles were done by both annotators.  This script parses each article (texts from
``NEWSKG_DATA``, never copied into the repository) through the same stages as ``kg build``
(spaCy, mentions, per-document resolution with its coreference) and reports, per split:

* ``accuracy``: pronouns whose referent is named in the article and that resolve to exactly that
  person (the entity's label or an alias has the referent's name words, surnames equal);
* ``precision``: of those the rules resolve, how many are right;
* how many pronouns of unnamed or generic people the rules resolve to someone anyway.

``--errors`` lists the dev split's wrong pronouns (never read the test split's).
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "pronouns" / "pronouns.json"
NOT_NAMED = ("UNNAMED", "GENERIC", "NOT-PERSON")
_FORMS = ("mr", "mrs", "ms", "dr", "jr", "sr")


def _words(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return [w for w in re.split(r"[^a-z]+", plain) if w and w not in _FORMS]


def same_person(gold: str, names: list[str]) -> bool:
    """Does one of ``names`` (an entity's label and aliases) name the gold referent?

    >>> same_person("Paul Manafort", ["Manafort"]), same_person("Paul Manafort", ["Paul Ryan"])
    (True, False)
    """
    g = _words(gold)
    for name in names:
        e = _words(name)
        if e and g and (set(e) <= set(g) or set(g) <= set(e)) and e[-1] == g[-1]:
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--errors", action="store_true", help="list the dev split's wrong pronouns")
    args = ap.parse_args()
    from kg.eval.corpora import default_data_dir
    from kg.extract.mentions import extract_mentions
    from kg.extract.resolve.document import resolve
    from kg.nlp import load_pipeline, prepare_with
    from kg.resources import load_resources

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    docs = gold["splits"]["dev"] + gold["splits"]["test"] if args.split == "all" else gold["splits"][args.split]
    data = default_data_dir() / "news" / "allsides_world_politics.jsonl"
    wanted = set(docs)
    texts = {}
    with data.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                texts[row["id"]] = row["text"]
    nlp, res = load_pipeline(None), load_resources()
    prepare = prepare_with(res.entities.words)  # as kg build prepares a text
    named = right = resolved = unnamed = unnamed_resolved = 0
    for doc_id in docs:
        text = texts[doc_id]
        doc = nlp(prepare(text))
        r = resolve(doc, extract_mentions(doc, res), res, doc_id)
        for item in (i for i in gold["items"] if i["doc"] == doc_id):
            span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
            keys = r.coref.get(span[0].i, ()) if span is not None else ()
            ents = [r.entities[k] for k in keys if k in r.entities]
            if item["referent"] in NOT_NAMED:
                unnamed += 1
                unnamed_resolved += bool(ents)
                continue
            ok = len(ents) == 1 and same_person(item["referent"], [ents[0].name, *ents[0].aliases])
            named, right, resolved = named + 1, right + ok, resolved + bool(ents)
            if args.errors and args.split == "dev" and not ok:
                s = max(0, item["start"] - 160)
                context = text[s:item["end"] + 40].replace("\n", " ")
                print(f"{item['id']} gold={item['referent']!r} got={[e.name for e in ents]} | ...{context}")
    print(f"split {args.split}: {len(docs)} articles, {named} pronouns of named people; accuracy {right}/{named} = "
          f"{right / max(named, 1):.3f}; precision {right}/{resolved} = {right / max(resolved, 1):.3f}; "
          f"{unnamed_resolved} of {unnamed} pronouns of unnamed or generic people resolved anyway")


if __name__ == "__main__":
    main()
