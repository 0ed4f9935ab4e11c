"""The registry of relation rules: every rule id, its confidence factor and what it reads.

A rule id is what a statement records as ``kg:rule``.  Python rules register with
:func:`rule`; the rules of the trigger patterns (``ontologies/lexicon/patterns.toml``) are
declared in :data:`PATTERN_RULES`, since their code is one engine and their constructions are
data.  The factor multiplies the property's base confidence (``confidence`` in
``lexicon/relations.toml``), then the arguments' factors; the result is capped at 0.99.
The rules table of ``docs/rules.md`` is generated from here (:func:`rule_table`); a test checks
that the two agree.

>>> RULES["verb-svo"].factor
1.0
>>> "chain" in RULES and "learned" in RULES
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

__all__ = ["Rule", "RULES", "RuleFunction", "FUNCTIONS", "rule", "declare", "rule_factors", "rule_table", "STAGES"]

# The order in which the engine runs the stages; inside a stage, functions run in registration
# order, each on every unit of the stage ("mention": each mention; "token": each token).
STAGES = ("titles", "roles", "clauses", "closing")


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule id as statements record it, with its confidence factor."""

    id: str
    factor: float
    summary: str
    family: str  # the module (or "patterns", "after") that writes it


@dataclass(frozen=True, slots=True)
class RuleFunction:
    """A registered rule function ``(view, unit, learned) -> RuleResult`` and the ids it writes."""

    name: str
    stage: str
    unit: str
    writes: tuple[str, ...]
    function: Callable


RULES: dict[str, Rule] = {}
FUNCTIONS: list[RuleFunction] = []


def declare(rule_id: str, *, factor: float, summary: str, family: str) -> None:
    """Declare a rule id (once): what ``kg:rule`` it is written as and its confidence factor."""
    if rule_id in RULES:
        raise ValueError(f"relation rule {rule_id!r} is declared twice")
    RULES[rule_id] = Rule(rule_id, factor, summary, family)


def rule(*writes: str, stage: str, unit: str) -> Callable:
    """Register a rule function that writes the (declared) rule ids ``writes``.

    ``unit`` is what the engine passes as the second argument: ``"mention"`` (each mention's
    index, in text order), ``"token"`` (each token) or ``"readings"`` (once, after the stage's
    other functions: the tuple of every reading so far, for rules that read facts off facts)."""
    if stage not in STAGES or unit not in ("mention", "token", "readings"):
        raise ValueError(f"rule {writes}: stage must be one of {STAGES} and unit mention, token or readings")
    unknown = [w for w in writes if w not in RULES]
    if unknown:
        raise ValueError(f"rule {writes}: declare {unknown} first")

    def register(fn: Callable) -> Callable:
        FUNCTIONS.append(RuleFunction(fn.__name__, stage, unit, writes, fn))
        return fn

    return register


# Rule ids written by the trigger patterns (their constructions: ontologies/lexicon/patterns.toml)
for _id, _factor, _summary in (
    ("verb-svo", 1.0, 'subject -verb-> direct object ("A deters B")'),
    ("verb-prep", 1.0, 'subject -verb prep-> object ("A met with B")'),
    ("verb-passive", 0.95, "object was VERBed by subject"),
    ("verb-xcomp", 0.85, 'object found in a complement clause ("threatened to act on B")'),
    ("collective", 0.9, 'coordinated or plural subject of a collective verb ("A and B agreed")'),
    ("noun-prep", 0.9, 'nominalisation ("A\'s talks with B", "A held talks with B")'),
    ("noun-between", 0.9, '"alliance between A and B"'),
    ("inverse-noun", 0.85, '"Z drew opposition from A" -> A opposes owner of Z'),
    ("compound-pair", 0.85, '"the A-B alliance"'),
    ("evaluation", 0.85, 'a judgement word on a named agent ("A called B a thug", "A said B was reckless")'),
    ("adjective-prep", 0.95, 'a predicative adjective and its preposition ("A was critical of B")'),
):
    declare(_id, factor=_factor, summary=_summary, family="patterns")

# Rule ids of the Python rule families (kg/extract/relations/*.py register their functions)
for _id, _factor, _family, _summary in (
    ("role-title", 1.0, "titles", '"<org/country> <title> <Person>" -> worksFor / leaderOf'),
    ("title-default", 0.6, "titles", '"President X" without an explicit country: nearest country'),
    ("office-holder", 0.95, "titles", '"President X", "Defence Secretary X" without a country: the office-holder tables at the report\'s date'),
    ("name-structure", 0.8, "titles", '"<X> Forces <Place>" -> unit locatedIn Place'),
    ("role-apposition", 0.95, "roles", '"B, a key A ally", "X, chairman of Y"'),
    ("role-copula", 0.9, "roles", '"B is our partner", "called B a partner"'),
    ("role-inclusion", 0.9, "roles", '"U.S. allies, including B", "Iranian officials such as X"'),
    ("role-demonym", 0.85, "roles", '"X\'s Russian backers", "Assad\'s Iranian allies" -> the country holds the role for X'),
    ("role-appointment", 0.9, "roles", '"made X president of Y", "named X chief executive of Y"'),
    ("hyphen-adjective", 0.9, "hyphens", '"A-backed B", "B-based A" (direction from the ontology)'),
    ("stance-prefix", 0.8, "hyphens", '"the anti-A B movement" -> B opposes A; "X, a pro-A politician" -> X supports A'),
    ("place-apposition", 0.85, "places", '"City, Country" and datelines "CITY, Country --"'),
    ("place-of", 0.85, "places", '"the <demonym> city of X" -> X locatedIn country'),
    ("possessive-place", 0.7, "places", '"Place\'s Org" -> basedIn, "Country\'s Place" -> locatedIn'),
    ("person-of-place", 0.6, "places", '"X of Place" (a person) -> livesIn'),
    ("place-in", 0.75, "places", '"X in Y" between places -> locatedIn'),
    ("home-of", 0.85, "places", '"X\'s Riverton home", "X\'s hometown of Riverton" -> livesIn'),
    ("person-of-org", 0.75, "organisations", '"X of Acme", "X at Acme" (a person without a title) -> worksFor'),
    ("org-of-place", 0.75, "organisations", '"Acme Inc. of Riverton" -> basedIn'),
    ("org-apposition", 0.85, "organisations", '"Acme, a Riverton construction firm" -> basedIn'),
    ("source-line", 0.95, "organisations", '"Riverton RADIO RIVERTON in Ruritanian 1700 GMT" -> outlet basedIn city'),
    ("credit-line", 0.85, "organisations", '"Ana Lind, Daily Planet" on a line of its own -> worksFor the outlet'),
    ("meeting-venue", 0.9, "venues", '"A met B in <City>" -> the one from another country visited the city'),
):
    declare(_id, factor=_factor, summary=_summary, family=_family)

# Rule ids of the stages after the rules: their confidence is their own (kg.extract.learned, kg.extract.infer)
declare("learned", factor=1.0, family="after",
        summary="a pair classifier (docs/learned-relations.md): its calibrated probability, above per-property thresholds")
declare("announced-harm", factor=0.9, family="after",
        summary='a harm the agent itself says it may do ("A said it may strike B") -> A threatened B')
declare("chain", factor=1.0, family="after",
        summary="an owl:propertyChainAxiom of newskg.ttl over two asserted facts of one sentence: the product of their confidences")


def rule_factors() -> dict[str, float]:
    """Rule id -> confidence factor (rules whose confidence is computed otherwise excluded)."""
    return {r.id: r.factor for r in RULES.values() if r.family != "after"}


def rule_table() -> str:
    """The rules as a Markdown table (id, factor, stage, what it reads), in registry order."""
    lines = ["| rule | factor | family | reads |", "|---|---|---|---|"]
    for r in RULES.values():
        factor = "own" if r.family == "after" else f"{r.factor:.2f}"
        lines.append(f"| `{r.id}` | {factor} | {r.family} | {r.summary.replace('|', '/')} |")
    return "\n".join(lines) + "\n"
