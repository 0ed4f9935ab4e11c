"""Check an annotation file: python scripts/news_gold_check.py BATCH.json

Checks the JSON shape, entity ids/docs, property names and classes, and that every evidence
string occurs in the item's text (whitespace-insensitive). Prints problems; exit 1 if any.
"""
import json
import re
import sys
from pathlib import Path

PROPS = set("worksFor leaderOf memberOf livesIn basedIn locatedIn killed metWith visited agreedWith allyOf "
            "disputesWith deters threatened criticized opposes supports attacked sanctions suppliesArmsTo claims "
            "announced launched develops partOf elected".split())
CLASSES = set("Person Organization GovernmentBody MilitaryUnit Group Place Country City Product WeaponSystem Event Law".split())
STATUS = {"current", "former", "future"}
ITEMS = Path(__file__).parent / "items"

def text_of(doc):
    t = (ITEMS / f"{doc}.txt").read_text(encoding="utf-8")
    return t.split("----- text -----\n", 1)[1]

def squash(s):
    return re.sub(r"\s+", " ", s).strip()

def main(path):
    g = json.load(open(path, encoding="utf-8"))
    errs = []
    docs = {d["id"] for d in g.get("documents", [])}
    for d in docs:
        if not (ITEMS / f"{d}.txt").is_file():
            errs.append(f"document {d}: no such item")
    ents = {}
    for e in g.get("entities", []):
        for k in ("id", "name", "type", "doc"):
            if k not in e:
                errs.append(f"entity {e}: missing {k}")
        if e.get("type") not in CLASSES:
            errs.append(f"entity {e.get('id')}: unknown type {e.get('type')}")
        if e.get("doc") not in docs:
            errs.append(f"entity {e.get('id')}: doc {e.get('doc')} not in documents")
        if not str(e.get("id", "")).startswith(f"{e.get('doc')}:"):
            errs.append(f"entity {e.get('id')}: id must start with '<doc>:'")
        if e.get("id") in ents:
            errs.append(f"entity {e.get('id')}: duplicate id")
        ents[e.get("id")] = e
        if e.get("doc") in docs:
            t = squash(text_of(e["doc"])).lower()
            for n in [e.get("name", "")] + list(e.get("aliases", [])):
                if n and squash(n).lower() not in t and n != e.get("name"):
                    errs.append(f"entity {e['id']}: alias {n!r} not in the text")
    texts = {d: squash(text_of(d)) for d in docs}
    for key in ("relations", "optional"):
        for f in g.get(key, []):
            w = f"{key} {f.get('subject')} {f.get('property')} {f.get('object')}"
            if f.get("property") not in PROPS:
                errs.append(f"{w}: unknown property")
            for r in ("subject", "object"):
                if f.get(r) not in ents:
                    errs.append(f"{w}: {r} is no entity id")
                elif ents[f[r]]["doc"] != f.get("doc"):
                    errs.append(f"{w}: {r} belongs to another doc")
            if f.get("subject") == f.get("object"):
                errs.append(f"{w}: an entity related to itself")
            if f.get("doc") not in docs:
                errs.append(f"{w}: doc not in documents")
            elif squash(f.get("evidence", "")) not in texts[f["doc"]]:
                errs.append(f"{w}: evidence not found verbatim in the text: {f.get('evidence','')[:80]!r}")
            if "status" in f and f["status"] not in STATUS:
                errs.append(f"{w}: status must be one of {sorted(STATUS)}")
            if "speaker" in f and f["speaker"] != "unnamed" and f["speaker"] not in ents:
                errs.append(f"{w}: speaker must be an entity id or 'unnamed'")
            if "time" in f:
                t = f["time"]
                if not isinstance(t, dict) or "text" not in t or not ({"start", "end"} & t.keys()):
                    errs.append(f"{w}: time needs text and start and/or end")
                for k in ("start", "end"):
                    if k in t and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(t[k])):
                        errs.append(f"{w}: time {k} must be YYYY-MM-DD")
    for e in errs:
        print(e)
    n = len(g.get("relations", []))
    print(f"{path}: {len(docs)} documents, {len(ents)} entities, {n} facts, {len(g.get('optional', []))} optional; {len(errs)} problem(s)")
    sys.exit(1 if errs else 0)

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__)
    main(sys.argv[1])
