"""The vocabulary, declared once.

``KG`` lists the ontology terms the code itself uses (classes, provenance properties); a misspelt
term fails at import.  Relation properties are *not* listed here: they are read from
``ontologies/newskg.ttl`` at run time (see :mod:`kg.resources`) so that adding one needs no code
change; :func:`kg.export.rdf.property_iri` is the only place that turns their names into IRIs.
A test checks that every term below is declared in the ontology file.
"""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

KG_NS = "https://w3id.org/newskg/ontology#"
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    _NS = Namespace(KG_NS)
    _fail = True

    # classes used by code
    Entity: object
    Agent: object
    Institution: object
    Person: object
    Organization: object
    GovernmentBody: object
    MilitaryUnit: object
    Group: object
    Place: object
    Country: object
    City: object
    Product: object
    WeaponSystem: object
    Event: object
    Law: object
    Document: object
    # provenance and description
    relation: object
    fromDocument: object
    sentence: object
    startChar: object
    endChar: object
    confidence: object
    rule: object
    modality: object
    mentionCount: object
    mergeRule: object
    # time, status and attribution (docs/time.md)
    EventProperty: object
    PostProperty: object
    roleStatus: object
    eventStart: object
    eventEnd: object
    eventDate: object
    timeBasis: object
    validFrom: object
    validUntil: object
    attributedTo: object
    unnamedSource: object
    # one fact, many reports (kg.export.facts)
    Fact: object
    ofFact: object
    documentCount: object
    sourceCount: object
    firstReported: object
    lastReported: object
    # events, not reports (kg.export.occurrences)
    occurrenceCount: object
    Occurrence: object
    occurrenceOf: object
    inOccurrence: object
    occurrenceStart: object
    occurrenceEnd: object
