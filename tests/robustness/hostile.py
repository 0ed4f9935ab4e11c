"""Hostile strings and a small KnowledgeGraph builder shared by the robustness tests."""

from __future__ import annotations

from kg.model import DocResult, Document, Entity, Evidence, KnowledgeGraph, Relation

HOSTILE = [
    'Jane "JJ" O\'Neil',
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<!-- comment --> ]]> <![CDATA[ x ]]>",
    "line one\nline two\r\nline three",
    "tab\tand\x0bvertical\x0cfeed",
    "nul\x00bell\x07esc\x1bdel\x7f c1\x85\x9f",
    "bidi \u202egnirts desrever\u202c and \u2066isolate\u2069 \u200f\u200e",
    "lone \ud800 high and \udfff low surrogates",
    "non-chars \ufffe \uffff \U0010ffff \U0001f600 emoji",
    "x" * 5000,
    "https://example.org/a?b=c&d=e#f",
    "<https://evil.example/> ; DROP",
    "} ; ?s ?p ?o } INSERT DATA { <a> <b> <c> } #",
    '"""triple""" \'\'\'quotes\'\'\' \\backslash\\ \\u0041 \\n',
    "ends with a quote\"",
    "ends with a backslash\\",
    "@prefix x: <http://x/> . _:b0 a x:Y .",
    "",
    " ",
    "\u2028line sep\u2029para sep",
    "Ünïcödé — “curly” ‘quotes’ 北京 Москва عربي",
]


def make_graph(names: list[str], sentences: list[str], *, doc_id: str = "d1", title: str | None = "T",
               url: str | None = None) -> KnowledgeGraph:
    """Entities named ``names`` (one per name), a chain of worksFor facts with ``sentences``."""
    doc = Document(doc_id, "text", title=title, url=url, source=title)
    ents = [Entity(f"person/{i}-{n}", "Person", n, {n + " alias"}, 1, {doc_id}, None, {n[:20]})
            for i, n in enumerate(names)]
    rels = []
    for i, sentence in enumerate(sentences):
        if len(ents) < 2:
            break
        s, o = ents[i % len(ents)], ents[(i + 1) % len(ents)]
        rels.append(Relation(s.key, "worksFor", o.key,
                             Evidence(doc_id, sentence, i, i + len(sentence), "rule", 0.5)))
    kg = KnowledgeGraph(symmetric=("allyOf",))
    kg.add(DocResult(doc, ents, rels))
    return kg
