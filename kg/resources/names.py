"""The name lexicon (``ontologies/lexicon/names.toml``): given-name variants, transliterations,
surname conventions and the words organisations' short forms drop, as one frozen record.

Validated on load: an unknown table or key, a group with fewer than two names, a name listed
twice in one group or a word listed twice in one list is a :class:`~kg.errors.DataFileError`
naming the file and the key.

>>> from kg.resources.names import load_name_lexicon
>>> lex = load_name_lexicon()
>>> bool(lex.given_groups("vince") & lex.given_groups("Vincent"))
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import tomllib

from kg.errors import DataFileError

__all__ = ["NameLexicon", "load_name_lexicon"]

_SCHEMA: dict[str, tuple[str, ...]] = {
    "given_names": ("variants",),
    "transliterations": ("groups",),
    "surnames": ("first", "particles", "suffixes", "address_titles"),
    "organisations": ("drop_heads", "drop_leads", "connectors"),
}


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """What resolution knows about names (all words case-folded)."""

    given_variants: Mapping[str, frozenset[int]]  # given name -> ids of its variant groups
    transliterated: Mapping[str, frozenset[int]]  # name part -> ids of its transliteration groups
    surname_first: frozenset[str]  # family names written first ("kim")
    particles: frozenset[str]  # surname particles ("van", "bin", "al")
    suffixes: frozenset[str]  # generation suffixes ("jr")
    address_titles: frozenset[str]  # forms of address that make a name a person's ("mr", "dr", "lord")
    drop_heads: frozenset[str]  # last words a short form of an organisation drops ("party")
    drop_leads: frozenset[str]  # first words a short form drops besides places ("new")
    connectors: frozenset[str]  # small words an acronym skips ("of", "and")
    given_sex: Mapping[str, str] = field(default_factory=dict)  # given name -> "f"/"m" (given_names.tsv)

    def given_groups(self, name: str) -> frozenset[int]:
        return self.given_variants.get(name.casefold(), frozenset())

    def transliteration_groups(self, name: str) -> frozenset[int]:
        return self.transliterated.get(name.casefold(), frozenset())


def _groups(value: Any, where: str, path: Path) -> dict[str, frozenset[int]]:
    if not isinstance(value, list):
        raise DataFileError(f"{path}: {where} must be a list of name groups (lists of strings).")
    out: dict[str, set[int]] = {}
    for n, group in enumerate(value):
        if not isinstance(group, list) or not all(isinstance(w, str) and w.strip() for w in group):
            raise DataFileError(f"{path}: {where}[{n}] must be a list of non-empty strings.")
        words = [w.strip().casefold() for w in group]
        if len(words) < 2:
            raise DataFileError(f"{path}: {where}[{n}] lists fewer than two names; a group needs two or more.")
        if len(set(words)) != len(words):
            raise DataFileError(f"{path}: {where}[{n}] lists a name twice ({group}); remove one.")
        for w in words:
            out.setdefault(w, set()).add(n)
    return {w: frozenset(ids) for w, ids in out.items()}


def _words(value: Any, where: str, path: Path) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DataFileError(f"{path}: {where} must be a list of non-empty strings.")
    words = [w.strip().casefold() for w in value]
    twice = sorted({w for w in words if words.count(w) > 1})
    if twice:
        raise DataFileError(f"{path}: {where} lists {twice[0]!r} twice; remove one.")
    return frozenset(words)


def _check_schema(data: dict, path: Path) -> None:
    unknown = sorted(set(data) - set(_SCHEMA))
    if unknown:
        raise DataFileError(f"{path}: unknown table(s) {', '.join(unknown)}; allowed: {', '.join(_SCHEMA)}.")
    for table, keys in _SCHEMA.items():
        got = data.get(table)
        if not isinstance(got, dict):
            raise DataFileError(f"{path}: the table [{table}] is missing; it needs the keys {', '.join(keys)}.")
        extra = sorted(set(got) - set(keys))
        if extra:
            raise DataFileError(f"{path}: [{table}] has unknown key(s) {', '.join(extra)}; allowed: {', '.join(keys)}.")
        missing = [k for k in keys if k not in got]
        if missing:
            raise DataFileError(f"{path}: [{table}] lacks {', '.join(missing)}; add it (an empty list is allowed).")


def read_name_lexicon(path: Path) -> NameLexicon:
    """Read and validate one name lexicon file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the name lexicon ({exc}); fix the TOML syntax.") from exc
    _check_schema(data, path)
    org, sur = data["organisations"], data["surnames"]
    return NameLexicon(
        given_variants=_groups(data["given_names"]["variants"], "[given_names].variants", path),
        transliterated=_groups(data["transliterations"]["groups"], "[transliterations].groups", path),
        surname_first=_words(sur["first"], "[surnames].first", path),
        particles=_words(sur["particles"], "[surnames].particles", path),
        suffixes=_words(sur["suffixes"], "[surnames].suffixes", path),
        address_titles=_words(sur["address_titles"], "[surnames].address_titles", path),
        drop_heads=_words(org["drop_heads"], "[organisations].drop_heads", path),
        drop_leads=_words(org["drop_leads"], "[organisations].drop_leads", path),
        connectors=_words(org["connectors"], "[organisations].connectors", path),
        given_sex=read_given_sex(path.parent / "given_names.tsv"),
    )


def read_given_sex(path: Path) -> dict[str, str]:
    """Given name -> "f" or "m" from ``given_names.tsv`` (``#`` comments; name TAB sex); {} without
    the file.  A bad line or a name listed twice is a DataFileError naming the line."""
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in ("f", "m") or not parts[0].strip():
            raise DataFileError(f"{path}:{n}: expected 'name<TAB>f' or 'name<TAB>m', got {line!r}; fix the line.")
        name = parts[0].strip().casefold()
        if name in out:
            raise DataFileError(f"{path}:{n}: {name!r} is listed twice; remove one.")
        out[name] = parts[1]
    return out


@lru_cache(maxsize=4)
def load_name_lexicon(folder: Path | None = None) -> NameLexicon:
    """The shipped name lexicon (``<data folder>/lexicon/names.toml``), loaded once."""
    from kg.resources import data_dir

    return read_name_lexicon(Path(folder or data_dir()) / "lexicon" / "names.toml")
