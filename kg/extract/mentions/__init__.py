"""Mentions: the named things of one parsed document (NER, gazetteer, patterns, repairs).

    records    Mention, entity keys made from names
    find       extract_mentions: the candidate sources and the choice among them
    ner        the NER's names, cut and retyped
    names      what a name span is (head word, town, district, person described)
    acronyms   acronyms defined in the text
    lines      headlines, datelines, agency credits, monitoring source lines
    matchers   the gazetteer and naming-pattern matchers
"""

from kg.extract.mentions.find import extract_mentions
from kg.extract.mentions.records import QUOTE_MARKS, Mention, family_of, make_key, normalise, span_of

__all__ = ["extract_mentions", "Mention", "family_of", "make_key", "normalise", "span_of", "QUOTE_MARKS"]
