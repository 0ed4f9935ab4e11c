"""Helpers shared by test modules (import as ``from helpers import ...``)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3628763bc4f5a88c.txt"
SHARED_DATA = Path(os.environ.get("NEWSKG_DATA", ROOT.parent / "shared" / "data"))


# Short invented news sentences shared by the streaming and distributed tests.
NEWS_TEXTS = (
    "Maria Lopez, the chief executive of Northwind Energy, met President Arturo Vidal in Lima on Monday.",
    "The European Union agreed new sanctions against Russia on Tuesday, officials in Brussels said.",
    "Germany and France signed a defence agreement in Paris on Friday.",
    "Prime Minister Ana Lind visited Norway and met the Norwegian foreign minister in Oslo.",
    "Brazil criticized Argentina over the trade dispute, the ministry said in a statement.",
    "Tom Berg, a spokesman for the United Nations, said the talks in Geneva would continue.",
)


def named_facts(g, modality: str = "asserted") -> set[tuple[str, str, str]]:
    """Facts as (subject name, property, object name); symmetric ones in both directions."""
    out = set()
    for (s, p, o), evs in g.facts.items():
        if modality == "asserted" and not g.is_asserted((s, p, o)):
            continue
        if modality != "asserted" and not any(e.modality == modality for e in evs):
            continue
        sn, on = g.entities[s].name, g.entities[o].name
        out.add((sn, p, on))
        if p in g.symmetric:
            out.add((on, p, sn))
    return out
