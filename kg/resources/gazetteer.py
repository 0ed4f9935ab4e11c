"""The gazetteer (``ontologies/gazetteer/*.jsonl``): countries, organisations, regions and cities
with their aliases, demonyms, capitals and Wikidata ids."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kg.errors import DataFileError
from kg.resources.ontology import Ontology

log = logging.getLogger(__name__)

__all__ = ["GazetteerEntry", "Gazetteer", "load_gazetteer"]


_ID_RE = re.compile(r"^(country|org|city|region)/[a-z0-9-]+$")
_QID_RE = re.compile(r"^Q[0-9]+$")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    id: str
    cls: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    heads: tuple[str, ...] = ()  # lower-cased titles of the body's head ("secretary of state")
    codes: tuple[str, ...] = ()  # postal codes, read only in a party tag ("Rep. X (D-CA)")
    seat: str | None = None  # where a body no state owns is based (an outlet, a company): a country id


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry]
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # surface -> entry ids
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym -> country id
    capitals: dict[str, str] = field(default_factory=dict)  # capital surface -> country id
    codes: dict[str, str] = field(default_factory=dict)  # postal code ("CA") -> region id

    def lookup(self, surface: str) -> tuple[GazetteerEntry, ...]:
        return tuple(self.entries[i] for i in self.names.get(surface, ()))

    def lookup_caps(self, surface: str) -> tuple[GazetteerEntry, ...]:
        """Entries for an all-capitals surface ("PORT-AU-PRINCE", "NEW YORK"), whatever the case of
        the name in the gazetteer; () when the surface is not all capitals or nothing matches."""
        if not surface.isupper():
            return ()
        return tuple(self.entries[i] for i in self.folded.get(surface.casefold(), ()))

    @cached_property
    def folded(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for surface, ids in self.names.items():
            out.setdefault(surface.casefold(), []).extend(i for i in ids if i not in out.get(surface.casefold(), ()))
        return {k: tuple(v) for k, v in out.items()}


def load_gazetteer(folder: Path, ontology: Ontology) -> Gazetteer:
    entries: dict[str, GazetteerEntry] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                entry = GazetteerEntry(
                    id=row["id"],
                    cls=row["class"],
                    name=row["name"],
                    aliases=tuple(row.get("aliases") or ()),
                    demonyms=tuple(row.get("demonyms") or ()),
                    capitals=tuple(row.get("capitals") or ()),
                    country=row.get("country"),
                    wikidata=row.get("wikidata"),
                    heads=tuple(str(h).lower() for h in row.get("heads") or ()),
                    codes=tuple(row.get("codes") or ()),
                    seat=row.get("seat"),
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise DataFileError(f"{path}:{lineno}: invalid gazetteer entry ({exc}).") from exc
            if not _ID_RE.match(entry.id) or entry.cls not in ontology.classes:
                raise DataFileError(f"{path}:{lineno}: bad id {entry.id!r} or class {entry.cls!r}.")
            if entry.wikidata is not None and not _QID_RE.match(entry.wikidata):
                raise DataFileError(f"{path}:{lineno}: wikidata must look like Q123, got {entry.wikidata!r}.")
            if entry.id in entries:
                raise DataFileError(f"{path}:{lineno}: duplicate gazetteer id {entry.id!r}.")
            if entry.seat is not None and not entry.seat.startswith("country/"):
                raise DataFileError(f"{path}:{lineno}: seat must be a country id (country/xxx), got {entry.seat!r}.")
            entries[entry.id] = entry
    names: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    codes: dict[str, str] = {}
    for entry in entries.values():
        for surface in (entry.name, *entry.aliases):
            for form in {surface, _strip_the(surface), *_acronym_forms(surface)}:
                ids = names.setdefault(form, [])
                if entry.id not in ids:
                    ids.append(entry.id)
        for d in entry.demonyms:
            demonyms.setdefault(d, entry.id)
        for c in entry.capitals:
            capitals.setdefault(c, entry.id)
        for c in entry.codes:
            codes.setdefault(c, entry.id)
    log.debug("gazetteer: %d entries, %d surface forms", len(entries), len(names))
    return Gazetteer(entries, {k: tuple(v) for k, v in names.items()}, demonyms, capitals, codes)


def _strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


def _acronym_forms(s: str) -> tuple[str, ...]:
    """An acronym as other news styles write it: "FBI" -> "F.B.I.", "U.S." -> "U.S" (its last full
    stop left out, as some wires do); other names have none.

    >>> _acronym_forms("FBI"), _acronym_forms("U.S."), _acronym_forms("Reuters")
    (('F.B.I.',), ('U.S',), ())
    """
    if 2 <= len(s) <= 5 and s.isalpha() and s.isupper():
        return ("".join(f"{c}." for c in s),)
    if re.fullmatch(r"(?:[A-Z]\.){2,5}", s):
        return (s[:-1],)
    return ()
