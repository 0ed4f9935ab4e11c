"""Mentions: the named things of one parsed document (NER, gazetteer, patterns, repairs)."""
