"""A learned relation classifier over every ontology property, beside the rules.

The rules are precise but miss many plain statements.  This stage scores every candidate entity
pair of a sentence (:mod:`.candidates`) with a multinomial logistic regression over sparse
features (:mod:`.features`, the rules' own readings of the pair among them) shipped as JSON
(:mod:`.model`), and keeps a label above its threshold unless a rule guard vetoes it
(:mod:`.guards`, :mod:`.classify`).  Trained by ``scripts/train_relations.py`` on the team's news
corpus and CoNLL04 train (docs/learned-relations.md).

    model       the weights file, validated on load
    candidates  entity pairs of a sentence (and through coreference)
    features    the sparse features, shared with training
    guards      where the rules' reading of a clause vetoes a learned fact
    classify    learned_relations, beyond_rules
"""

from kg.extract.learned.candidates import Candidate, candidates
from kg.extract.learned.classify import beyond_rules, learned_relations, scored_candidates
from kg.extract.learned.features import candidate_features, mention_classes, pair_features, rule_features
from kg.extract.learned.model import NONE, RelationModel, default_model_path, load_model, parse_model

__all__ = ["Candidate", "candidates", "learned_relations", "scored_candidates", "beyond_rules", "candidate_features",
           "mention_classes", "pair_features", "rule_features", "NONE", "RelationModel", "default_model_path",
           "load_model", "parse_model"]
