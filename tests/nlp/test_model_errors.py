"""``--model`` mistakes are one line that says what is wrong with the model and what to do."""

from __future__ import annotations

import pytest
import spacy
from helpers import SEED
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import ModelNotFound, ModelUnusable
from kg.nlp.model import _installed_pipelines, load_pipeline

runner = CliRunner()


def one_error_line(result) -> str:
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def test_a_pipeline_not_installed_names_what_is_installed_and_how_to_get_it(tmp_path):
    installed = _installed_pipelines()
    line = one_error_line(runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path), "--model", "en_core_web_md"]))
    assert "'en_core_web_md' is not installed" in line
    assert f"installed: {', '.join(installed)}" in line
    assert "python -m spacy download en_core_web_md" in line
    assert not any(f"pip install {name}" in line or name.replace("_", "-") + "==" in line for name in installed)


def test_a_missing_path_is_a_missing_path(tmp_path):
    with pytest.raises(ModelNotFound, match="the path does not exist"):
        load_pipeline(str(tmp_path / "no" / "model"))
    line = one_error_line(runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path), "--model",
                                              str(tmp_path / "no" / "model")]))
    assert "not installed" not in line and "does not exist" in line


def test_a_folder_that_is_no_pipeline(tmp_path):
    with pytest.raises(ModelUnusable, match="not a spaCy pipeline folder"):
        load_pipeline(str(tmp_path))


def test_a_blank_pipeline_fails_at_once_saying_what_it_lacks(tmp_path):
    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(ModelUnusable, match=r"no dependency parser \(parser\) and no named-entity recognizer \(ner\)"):
        load_pipeline(str(tmp_path / "blank"))
    line = one_error_line(runner.invoke(app, ["build", str(SEED), "--out", str(tmp_path / "o"), "--model",
                                              str(tmp_path / "blank")]))
    assert "blank pipeline" in line and "please report" not in line and "no document could be read" not in line


def test_a_pipeline_without_ner_is_refused(nlp, tmp_path):
    partial = spacy.blank("en")
    partial.add_pipe("parser", source=nlp)
    partial.to_disk(tmp_path / "no_ner")
    with pytest.raises(ModelUnusable, match=r"no named-entity recognizer \(ner\) \(its components: parser\)"):
        load_pipeline(str(tmp_path / "no_ner"))
