"""The spaCy stage: model choice (:mod:`.model`), the components newskg adds
(:mod:`.components`) and text preparation (:mod:`.text`)."""

from kg.nlp.model import PREFERRED_MODELS, default_model, load_pipeline
from kg.nlp.text import dateline_word, prepare_text, prepare_with, split_text

__all__ = ["PREFERRED_MODELS", "default_model", "load_pipeline", "dateline_word", "prepare_text", "prepare_with", "split_text"]
