"""The user's alias file: entities the user names, merged or kept apart before any rule runs.

TOML::

    [[entity]]
    name = "Vince Cable"                     # the entity's label
    aliases = ["Vincent Cable", "Dr Cable"]  # other names of it: always merged
    class = "Person"                         # optional: its class (an ontology class)
    wikidata = "Q298154"                     # optional: owl:sameAs wd:Q298154
    distinct = ["Vincent Cable Jr"]          # optional: names that are never this entity

CSV (a header row; lists separated by ``|``)::

    name,aliases,class,wikidata,distinct
    Vince Cable,Vincent Cable|Dr Cable,Person,Q298154,

Each entry is one entity: every entity named (as per-document resolution named it) by its name or
an alias is merged into it, whatever the rules say (rule id ``alias-file``); two entries are never
merged with each other, nor an entry with a name in its ``distinct``.  Names compare folded
(case, accents, full stops and hyphens aside).  A bad file is a :class:`~kg.errors.DataFileError`
naming the file, the entry and the fix.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import tomllib

from kg.errors import DataFileError
from kg.extract.resolve.names import fold

if TYPE_CHECKING:
    from kg.extract.resolve.corpus.rules import View

__all__ = ["AliasEntry", "AliasTable", "load_aliases", "apply_aliases"]

_FIELDS = ("name", "aliases", "class", "wikidata", "distinct")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    name: str
    aliases: tuple[str, ...] = ()
    cls: str | None = None
    wikidata: str | None = None
    distinct: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class AliasTable:
    entries: tuple[AliasEntry, ...]
    path: str = ""


def _entry(raw: dict, where: str, classes) -> AliasEntry:
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        raise DataFileError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(_FIELDS)}.")
    name = raw.get("name")
    if not isinstance(name, str) or not fold(name):
        raise DataFileError(f"{where}: needs a non-empty name (the entity's label).")

    def names(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and fold(v) for v in value):
            raise DataFileError(f"{where}: {key} must be a list of non-empty names.")
        return tuple(v.strip() for v in value)

    cls = raw.get("class") or None
    if cls is not None and (not isinstance(cls, str) or cls not in classes):
        raise DataFileError(f"{where}: class {cls!r} is not a class of the ontology; use one of "
                            f"{', '.join(sorted(c for c in classes if c != 'Document'))}.")
    qid = raw.get("wikidata") or None
    if qid is not None and (not isinstance(qid, str) or not _QID.match(qid)):
        raise DataFileError(f"{where}: wikidata {qid!r} is not a Wikidata item id like Q298154.")
    return AliasEntry(name.strip(), names("aliases"), cls, qid, names("distinct"))


def _rows(path: Path, text: str) -> list[tuple[str, dict]]:
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        header = reader.fieldnames or []
        if "name" not in header or sorted(set(header) - set(_FIELDS)):
            raise DataFileError(f"{path}: the CSV header must be name[,aliases,class,wikidata,distinct]; "
                                f"got {','.join(header) or 'nothing'}.")
        out = []
        for n, row in enumerate(reader, 2):
            raw = {k: (v or "").strip() for k, v in row.items() if k}
            for key in ("aliases", "distinct"):
                raw[key] = [x.strip() for x in raw.get(key, "").split("|") if x.strip()]
            out.append((f"{path}:{n}", raw))
        return out
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path}: not valid TOML ({exc}); see docs/entities.md for the format.") from exc
    if set(data) - {"entity"} or not isinstance(data.get("entity", []), list):
        raise DataFileError(f"{path}: expected only [[entity]] tables; see docs/entities.md for the format.")
    return [(f"{path}: [[entity]] {n + 1}", raw) for n, raw in enumerate(data.get("entity", []))]


def load_aliases(path: str | Path, classes) -> AliasTable:
    """Read and check an alias file (``.toml`` or ``.csv``); ``classes``: the ontology's class names."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the alias file ({exc}); pass a UTF-8 .toml or .csv file.") from exc
    entries = []
    owner: dict[str, str] = {}
    for where, raw in _rows(path, text):
        entry = _entry(raw, where, classes)
        for n in entry.names:
            if fold(n) in owner:
                raise DataFileError(f"{where}: the name {n!r} is already listed for {owner[fold(n)]!r}; "
                                    "a name can belong to one entry only.")
            owner[fold(n)] = entry.name
        clash = {fold(n) for n in entry.distinct} & {fold(n) for n in entry.names}
        if clash:
            raise DataFileError(f"{where}: {sorted(clash)[0]!r} is both a name and distinct; remove one.")
        entries.append(entry)
    return AliasTable(tuple(entries), str(path))


def apply_aliases(table: AliasTable, view: "View") -> dict[int, AliasEntry]:
    """Merge every unit an entry names (forced) and mark what must stay apart; returns the entry
    of each unit it names."""
    by_name: dict[str, int] = {}
    not_of: dict[str, set[int]] = {}
    for n, entry in enumerate(table.entries):
        for name in entry.names:
            by_name[fold(name)] = n
        for name in entry.distinct:
            not_of.setdefault(fold(name), set()).add(n)
    first: dict[int, int] = {}
    out: dict[int, AliasEntry] = {}
    for u in view.units:
        names = {fold(n) for n in u.names}
        hits = {by_name[n] for n in names if n in by_name}
        for n in sorted(hits)[:1]:
            view.clusters.mark(u.uid, entry=n)
            out[u.uid] = table.entries[n]
            if n in first:
                view.clusters.union(first[n], u.uid, "alias-file", f"named in {table.path}", forced=True)
            else:
                first[n] = u.uid
        for name in names:
            for n in not_of.get(name, ()):
                view.clusters.mark(u.uid, excluded=n)
    return out
