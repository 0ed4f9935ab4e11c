"""The result of resolving one document: entities, and the key of every mention and resolved
pronoun or description token."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import Entity

__all__ = ["Resolution"]


@dataclass
class Resolution:
    entities: dict[str, Entity]
    mention_keys: list[str]  # aligned with mentions
    token_keys: dict[int, str] = field(default_factory=dict)  # token index -> entity key
    coref: dict[int, tuple[str, ...]] = field(default_factory=dict)  # pronoun/description -> keys
    mention_at: dict[int, int] = field(default_factory=dict)  # token index -> mention index

    def keys_at(self, i: int) -> tuple[str, ...]:
        if i in self.token_keys:
            return (self.token_keys[i],)
        return self.coref.get(i, ())

    def cls(self, key: str) -> str:
        return self.entities[key].cls
