"""The store's per-document records keep role status, event time and speaker (docs/time.md)."""

from __future__ import annotations

from kg.model import DocResult, Document, Entity, Evidence, Relation
from kg.store.entities import decode_result, encode_result


def test_time_fields_round_trip():
    ents = [Entity("person/ana-lind", "Person", "Ana Lind", docs={"d"}), Entity("org/acme", "Organization", "Acme", docs={"d"})]
    timed = Evidence("d", "Ana Lind met Acme.", 0, 18, "verb-svo", 0.8, "asserted", None, "2016-09-20", "2016-09-20",
                     "person/ana-lind")
    plain = Evidence("d", "Ana Lind leads Acme.", 19, 39, "role-title", 0.8, "asserted", "former")
    result = DocResult(Document("d", "", None, "2016-09-20"), ents,
                       [Relation("person/ana-lind", "metWith", "org/acme", timed),
                        Relation("person/ana-lind", "leaderOf", "org/acme", plain)])
    back = decode_result(encode_result(result))
    assert [r.evidence for r in back.relations] == [timed, plain]
    assert back.document.date == "2016-09-20"
