"""HTML entities and crawl escapes are undone at ingest, and nothing else moves."""

from __future__ import annotations

import json

import pytest
from helpers import SEED
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest import clean_agnews_text, clean_text
from kg.ingest.read import iter_documents


@pytest.mark.parametrize("raw,clean", [
    ("Axel Bugge&lt;/p&gt;&lt;p&gt; BRASILIA, Brazil", "Axel Bugge BRASILIA, Brazil"),
    ("&lt;p&gt;By Axel Bugge&lt;/p&gt;", "By Axel Bugge"),
    ("Texas Instruments Inc. &lt;TXN.N&gt;, STMicro", "Texas Instruments Inc., STMicro"),
    ("Staples &lt;A HREF=&quot;http://x/q?s=SPLS&quot;&gt;SPLS.O&lt;/A&gt; said", "Staples SPLS.O said"),
    ("Bomb found near Berlusconi #39;s villa", "Bomb found near Berlusconi's villa"),
    ("the  quot;foolish quot; move by AT amp;T", "the \"foolish\" move by AT&T"),
    ("a contest for the  #36;10 million prize", "a contest for the $10 million prize"),
    ("said Caf&eacute; owner &amp; O&#39;Neil", "said Café owner & O'Neil"),
    ("A second\\team of rocketeers for\\privately funded flight", "A second team of rocketeers for privately funded flight"),
    ("costs \\$5 now", "costs $5 now"),
    ("He said so.\\nThe minister left.", "He said so.\nThe minister left."),
])
def test_escapes_are_undone(raw, clean):
    assert clean_text(raw) == clean
    assert clean_text(clean) == clean   # idempotent


@pytest.mark.parametrize("text", [
    "AT&T and R&D rose; P&O fell.",
    "Ranked #1; the rest followed. Call #12 now.",
    "Files are in C:\\Users\\ana\\news and \\\\server\\share\\x.",
    "Fish &chips; a 5 < 6 > 4 comparison; x &lt y.",
    "¯\\_(ツ)_/¯ said the minister.",
])
def test_ordinary_text_is_left_alone(text):
    assert clean_text(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="&;\\", blacklist_categories=("Cs",))))
def test_text_without_escape_characters_is_unchanged(text):
    assert clean_text(text) == text


def test_the_seed_article_is_unchanged():
    text = SEED.read_text(encoding="utf-8")
    assert clean_text(text) == text
    (doc,) = iter_documents([SEED])
    assert doc.text == text


def test_ingest_cleans_text_and_metadata(tmp_path):
    f = tmp_path / "ag.jsonl"
    f.write_text(json.dumps({"id": "ag1", "title": "Burning Makes Brazil a Polluter #39;s Claim",
                             "text": "&lt;p&gt; By Axel Bugge&lt;/p&gt;&lt;p&gt; BRASILIA, Brazil (Reuters) - Burning of "
                                     "the Amazon accounts for  quot;most quot; emissions.&lt;/p&gt;"}) + "\n",
                 encoding="utf-8")
    (doc,) = iter_documents([f])
    assert doc.text == " By Axel Bugge BRASILIA, Brazil (Reuters) - Burning of the Amazon accounts for \"most\" emissions."
    assert doc.title == "Burning Makes Brazil a Polluter's Claim"


def test_the_evaluation_reads_ag_news_with_the_ingest_cleaner():
    import kg.eval.corpora as score

    assert score.clean_agnews_text is clean_agnews_text
    raw = r"Putin faults Georgia on  #39;90s tactics: the  quot;foolish quot; move by AT amp;T \$10 for\the  #36;5 Dell Inc. &lt;DELL.O&gt; said"
    assert score.agnews_text("T", raw)[1] == ("T. Putin faults Georgia on '90s tactics: the \"foolish\" move by AT&T $10 "
                                              "for the $5 Dell Inc. said")
