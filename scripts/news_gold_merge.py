"""Merge the annotators' batch files of the news corpus into the split gold files.

    python scripts/news_gold_merge.py PARTS_DIR

reads ``PARTS_DIR/batch*.json`` (one annotator each, every item of ``tests/gold/news/items.json``
once) and writes ``tests/gold/news/{train,dev,test}.json`` with the documents' sources from the
manifest; ``PARTS_DIR/second.json`` (the blind second annotation of 40 items) is copied to
``tests/gold/news/second.json``.  Every output is validated with :func:`kg.eval.score.gold_from_dict`.

    python scripts/news_gold_merge.py --extend PARTS_DIR [NAME]

merges the batches of a further training batch (``tests/gold/news/items-NAME.json``, NAME
``train2`` by default, or ``train3``) into ``tests/gold/news/NAME.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.eval.gold import gold_from_dict

NEWS = Path(__file__).resolve().parent.parent / "tests" / "gold" / "news"


def _with_sources(part: dict, sources: dict[str, dict], name: str, description: str) -> dict:
    keep = {d["id"] for d in part["documents"]}
    return {
        "name": name,
        "description": description,
        "documents": [{"id": i, "source": sources[i]} for i in sorted(keep)],
        "entities": [e for e in part["entities"] if e["doc"] in keep],
        "relations": [f for f in part["relations"] if f["doc"] in keep],
        "optional": [f for f in part.get("optional", []) if f["doc"] in keep],
    }


def main(parts: Path) -> None:
    manifest = json.loads((NEWS / "items.json").read_text(encoding="utf-8"))
    sources = {i["id"]: i["source"] for i in manifest["items"]}
    split = {i["id"]: i["split"] for i in manifest["items"]}
    merged: dict = {"documents": [], "entities": [], "relations": [], "optional": []}
    annotator: dict[str, str] = {}
    for path in sorted(parts.glob("batch*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        for d in part["documents"]:
            if d["id"] in annotator:
                sys.exit(f"{path}: document {d['id']} already annotated in {annotator[d['id']]}")
            annotator[d["id"]] = path.stem
        for key in merged:
            merged[key] += part.get(key, [])
    missing = sorted(set(sources) - set(annotator))
    if missing:
        sys.exit(f"not annotated: {', '.join(missing)}")
    desc = ("News relation corpus ({split}): leads of AllSides world-politics and BBC politics articles and AG News "
            "World items, annotated from the text under tests/gold/GUIDELINE.md by helper sessions, one "
            "annotator per item, before the extractor was run on them.")
    for s in ("train", "dev", "test"):
        part = {"documents": [d for d in merged["documents"] if split[d["id"]] == s],
                "entities": merged["entities"], "relations": merged["relations"], "optional": merged["optional"]}
        data = _with_sources(part, sources, f"news-{s}", desc.format(split=s))
        gold_from_dict(data, path=f"news-{s}")
        (NEWS / f"{s}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{s}: {len(data['documents'])} documents, {len(data['entities'])} entities, "
              f"{len(data['relations'])} facts, {len(data['optional'])} optional")
    second = json.loads((parts / "second.json").read_text(encoding="utf-8"))
    data = _with_sources(second, sources, "news-second", "Blind second annotation of 40 items of the news corpus "
                         "(agreement only; see AGREEMENT.md).")
    gold_from_dict(data, path="news-second")
    (NEWS / "second.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


_ANNOTATORS = {"train2": "second training batch", "train3": "third training batch"}


def extend(parts: Path, name: str = "train2") -> None:
    manifest = json.loads((NEWS / f"items-{name}.json").read_text(encoding="utf-8"))
    sources = {i["id"]: i["source"] for i in manifest["items"]}
    merged: dict = {"documents": [], "entities": [], "relations": [], "optional": []}
    seen: dict[str, str] = {}
    for path in sorted(parts.glob("batch*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        ids = [d["id"] for d in part["documents"] if d["id"] in sources]
        for i in ids:
            if i in seen:
                sys.exit(f"{path}: document {i} already annotated in {seen[i]}")
            seen[i] = path.stem
        keep = set(ids)
        merged["documents"] += [{"id": i} for i in ids]
        for key in ("entities", "relations", "optional"):
            merged[key] += [x for x in part.get(key, []) if x["doc"] in keep]
    missing = sorted(set(sources) - set(seen))
    if missing:
        sys.exit(f"not annotated: {', '.join(missing)}")
    annotators = len(list(parts.glob("batch*.json")))
    desc = (f"News relation corpus, {_ANNOTATORS.get(name, name)}: leads of AllSides world-politics articles outside "
            "every other gold file (scripts/news_gold_items.py --extend), annotated from the text under "
            f"tests/gold/GUIDELINE.md by {annotators} helper sessions, one annotator per item, before the extractor "
            "was run on them.")
    data = _with_sources(merged, sources, f"news-{name}", desc)
    gold_from_dict(data, path=f"news-{name}")
    (NEWS / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{name}: {len(data['documents'])} documents, {len(data['entities'])} entities, "
          f"{len(data['relations'])} facts, {len(data['optional'])} optional")


if __name__ == "__main__":
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--extend":
        extend(Path(sys.argv[2]), *sys.argv[3:])
    elif len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__)
    else:
        main(Path(sys.argv[1]))
