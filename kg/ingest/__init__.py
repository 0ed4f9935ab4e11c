"""Inputs -> :class:`kg.model.Document`: text, Markdown, HTML and JSONL files, folders and stdin."""
