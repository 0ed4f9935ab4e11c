"""Evaluation: gold files, the corpora they name, the scorer, CoNLL04 and the quality table.

    gold       the gold format, read and validated (GoldError names the file and the entry)
    corpora    the texts of gold documents (shared data sets, leads of articles)
    names      name normalisation for matching
    terms      what the scorer needs of the ontology (through kg.resources, the one loader)
    predicted  a predicted graph as the scorer reads it
    score      evaluate(graph, gold) -> Report
    report     the Report and its parts
    conll04    CoNLL04 sentences as documents and gold
    table      the quality table of the README
"""

from kg.eval.corpora import default_data_dir, load_gold_documents
from kg.eval.gold import Gold, GoldError, gold_from_dict, load_gold
from kg.eval.names import normalise
from kg.eval.report import Report
from kg.eval.score import MATCHING_RULE, evaluate
from kg.eval.terms import relation_properties, symmetric_properties

__all__ = ["Gold", "GoldError", "gold_from_dict", "load_gold", "load_gold_documents", "default_data_dir",
           "normalise", "Report", "evaluate", "MATCHING_RULE", "relation_properties", "symmetric_properties"]
