"""Relations: rules over the dependency parse, driven by the trigger lexicon.

Every trigger in ``ontologies/lexicon/relations.toml`` belongs to an ontology property and every
construction that joins a trigger to its arguments is a DependencyMatcher pattern in
``ontologies/lexicon/patterns.toml``; the rule families below are generic and know no property
by name, except the title and role rules, which read the ``worksFor``/``leaderOf`` role lists.
Candidates are filtered by the property's domain and range.  The rule ids, their confidence
factors and what each reads are in :data:`~kg.extract.relations.registry.RULES` (the table of
``docs/rules.md`` is generated from it).

    records      Arg, Reading, RuleResult, Learned: what rules exchange
    registry     rule ids, factors, the registered functions and their order
    view         DocView: a read-only view of one document (entities, look-through, admission)
    clauses      a verb's agents, prepositional objects, scene-setting phrases
    posts        what a role noun or title says of a person's post
    modality     asserted / hedged / negated
    patterns     the constructions of patterns.toml, compiled for spaCy's DependencyMatcher
    triggers     the trigger rules: constructions run, read by named readers and guards
    titles, roles, hyphens, places, organisations, parties, scenes: the Python rule families
    engine       runs everything in order: extract_relations
"""

from kg.extract.relations.engine import RuleOutput, extract_relations, gazetteer_entities
from kg.extract.relations.registry import RULES, rule_factors, rule_table

__all__ = ["extract_relations", "gazetteer_entities", "RuleOutput", "RULES", "rule_factors", "rule_table"]
