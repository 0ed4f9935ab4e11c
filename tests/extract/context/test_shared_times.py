"""Within one article, an event fact stated again without a time takes the one time the article
gives it (kg:timeBasis "article"); two times, or a plan against a held event, copy nothing."""

import pytest

from kg.extract.context import shared_event_times
from kg.model import Evidence, Relation


def _rel(subject, obj, day=None, modality="asserted", start=0, prop="metWith"):
    ev = Evidence("d1", "s", start, start + 5, "verb-prep", 0.8, modality, event_start=day, event_end=day)
    return Relation(subject, prop, obj, ev)


def _days(relations, report="2020-03-05"):
    return [(r.evidence.event_start, r.evidence.time_elsewhere)
            for r in shared_event_times(relations, {"metWith", "visited"}, {"metWith"}, report)]


@pytest.mark.parametrize("relations, expected", [
    # one dated statement: the undated one (here in the other direction of a symmetric property) takes it
    ([_rel("a", "b", "2020-03-02"), _rel("b", "a", start=10)], [("2020-03-02", False), ("2020-03-02", True)]),
    # two dates: two meetings or a doubt
    ([_rel("a", "b", "2020-03-02"), _rel("a", "b", "2020-01-10", start=10), _rel("a", "b", start=20)],
     [("2020-03-02", False), ("2020-01-10", False), (None, False)]),
    # a meeting planned for later is not the one held
    ([_rel("a", "b", "2020-03-09", "hedged"), _rel("a", "b", start=10)], [("2020-03-09", False), (None, False)]),
    # a plan whose time has begun by the report date is the same visit
    ([_rel("a", "y", "2020-03-02", "hedged", prop="visited"), _rel("a", "y", start=10, prop="visited")],
     [("2020-03-02", False), ("2020-03-02", True)]),
    # not across properties, not in a direction a non-symmetric property does not have
    ([_rel("a", "y", "2020-03-02", prop="visited"), _rel("y", "a", start=10, prop="visited"), _rel("a", "y", start=20)],
     [("2020-03-02", False), (None, False), (None, False)]),
])
def test_shared_event_times(relations, expected):
    assert _days(relations) == expected
