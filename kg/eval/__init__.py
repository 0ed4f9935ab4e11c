"""Evaluation: gold files, the corpora they name, the scorer, CoNLL04 and the quality table."""
