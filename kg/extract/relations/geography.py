"""Where places can lie: gazetteer regions inside their own country only, towns on (not in) a
body of water.  Used by :meth:`kg.extract.relations.view.DocView.reading` and the learned step."""

from __future__ import annotations

from kg.model import Relation
from kg.resources import Resources

__all__ = ["lies_on_water", "region_known_elsewhere", "home_ground", "without_home_visits"]


def region_known_elsewhere(res: Resources, region: str, place: str) -> bool:
    """A gazetteer region of a country lies in that country only: not in another country, not in a
    town, and not in a sibling region ("Trade barbs in Fla., Ohio" lists two states)."""
    entry = res.gazetteer.entries.get(region)
    other = res.gazetteer.entries.get(place)
    if entry is None or entry.cls != "Place" or entry.country is None or other is None:
        return False
    if other.cls == "Country":
        return other.id != entry.country
    return other.cls == "City" or (other.cls == "Place" and other.country == entry.country)


def lies_on_water(res: Resources, subject_cls: str, object_name: str) -> bool:
    """Is ``object_name`` a body of water that a town can lie on but not in ("the Red Sea city of
    X")?  An island state does lie in an ocean ("Madagascar, an island nation in the Indian Ocean")."""
    words = object_name.split()
    return subject_cls == "City" and bool(words) and words[-1].lower() in res.entities.words.water_heads


def home_ground(res: Resources, agent: str, place: str) -> bool:
    """Is ``place`` a gazetteer town or region of the gazetteer country ``agent``?  A state visits no
    place of its own ("U.S., Canadian and Mexican negotiators met in Montreal": not Canada)."""
    entry = res.gazetteer.entries.get(place)
    return entry is not None and entry.cls in ("City", "Place") and entry.country == agent


def without_home_visits(relations: list[Relation], res: Resources) -> list[Relation]:
    """``relations`` without a person's visit to the state a fact of the same document ties them to
    (``home_tie_properties`` of the lexicon: its leader, an official of it or of one of its state bodies), nor to that
    state's capital: "Ruritanian Vice Premier X, speaking at a conference in Ruritania" and
    "President X, tweeting from <his own capital>" visit nothing.  A town of the state stays a visit
    ("X's address in Riverton").  Nor does such a person attack, threaten, sanction or meet that state,
    either way round (``hostile_properties``): "President X threatened to send <his state's> troops"
    names his own army, "speaking to his nation" is no meeting."""
    ties, hostile = res.relations.words.home_tie_properties, res.relations.words.hostile_properties
    homes: dict[tuple[str, str], set[str]] = {}
    for r in relations:
        if r.predicate.lower() in ties and r.evidence.modality == "asserted":  # not "did not work for Y"
            entry = res.gazetteer.entries.get(r.object)
            if entry is None or entry.cls not in ("Country", "GovernmentBody", "MilitaryUnit"):
                continue  # a company's reporter abroad may visit the company's home town
            state = r.object if entry.cls == "Country" else entry.country
            if state is not None:
                homes.setdefault((r.evidence.doc_id, r.subject), set()).add(state)
    if not homes:
        return relations

    def at_home(r: Relation) -> bool:
        states = homes.get((r.evidence.doc_id, r.subject), set())
        entry = res.gazetteer.entries.get(r.object)
        return r.object in states or entry is not None and entry.cls == "City" \
            and res.gazetteer.capitals.get(entry.name) in states and entry.country in states
    def own(r: Relation) -> bool:  # either way round: "Israel met Netanyahu" is no more a meeting
        d = r.evidence.doc_id
        return r.object in homes.get((d, r.subject), ()) or r.subject in homes.get((d, r.object), ())
    return [r for r in relations if not (r.predicate == "visited" and at_home(r) or r.predicate.lower() in hostile
                                         and own(r))]
