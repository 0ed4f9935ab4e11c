"""Helpers shared by test modules (import as ``from helpers import ...``)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3628763bc4f5a88c.txt"
SHARED_DATA = Path(os.environ.get("NEWSKG_DATA", ROOT.parent / "shared" / "data"))


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
