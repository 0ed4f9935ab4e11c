"""The named word lists of the lexicons, as typed records.

Each ``[words]`` table of ``ontologies/lexicon/*.toml`` loads into a frozen dataclass with one
field per list, so code reads ``res.relations.words.hedges`` and a misspelt list name is an
``AttributeError`` at once, not a silently empty set.  The loader rejects an unknown key, a
missing key and a word listed twice (after lower-casing), naming the file and the key.

>>> from kg.resources import load_resources
>>> "deny" in load_resources().relations.words.negators
True
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from kg.errors import DataFileError

__all__ = ["RelationWords", "EntityWords", "TimeWords", "load_words"]


@dataclass(frozen=True, slots=True)
class RelationWords:
    """``[words]`` of ``lexicon/relations.toml``: words the relation rules read."""

    hedges: frozenset[str]  # a verb/noun under one of these is hedged
    fiction_nouns: frozenset[str]  # "a film in which A kills B": a plot, hedged
    hedge_nouns: frozenset[str]  # nouns whose clause is no fact ("a plot to kill X")
    taking_verbs: frozenset[str]  # "took the opportunity to criticize X": the hedge noun's clause happened
    negotiation_nouns: frozenset[str]  # "negotiations on a deal": what is negotiated is not reached
    hedge_modals: frozenset[str]  # auxiliaries of plans and possibilities ("may", "will")
    stance_properties: frozenset[str]  # properties of a stance or act against another agent
    stance_verbs: frozenset[str]  # verbs of a stance on an event noun ("warned of visits to Y")
    stance_prefix_properties: frozenset[str]  # "<prefix>|<property>": "the anti-A movement" opposes A
    announced_harms: frozenset[str]  # "<harm>|<threat>": "X said it may strike Y" threatened Y (kg.extract.context)
    threat_modals: frozenset[str]  # "may strike", "will attack": the modals of such a threat
    occasion_preps: frozenset[str]  # "X, on a visit to Y, condemned ...": the stance verb's occasion is X's
    negators: frozenset[str]  # verbs that negate their complement ("deny", "refuse")
    reluctance_verbs: frozenset[str]  # "did not hesitate to criticize": a negated reluctance asserts the act
    negation_words: frozenset[str]  # determiners/adverbs that negate ("not", "never", "no")
    conduct_nouns: frozenset[str]  # nouns whose modifier is the agent ("Ruritanian aggression")
    force_nouns: frozenset[str]  # forces and arms a state or group acts through ("Ruritanian troops")
    force_properties: frozenset[str]  # properties such a noun may stand for its owner in
    armed_words: frozenset[str]  # triggers of force no one uses of words ("strike", "bomb")
    role_whole_nouns: frozenset[str]  # "head of <noun>" that names the whole ("head of state")
    party_nouns: frozenset[str]  # a party as a title's owner ("the party's spokesman")
    party_peer_nouns: frozenset[str]  # "his Democratic rival, X": a member of the party
    opinion_nouns: frozenset[str]  # "agreed with X's assessment": a shared view, no agreement
    opinion_properties: frozenset[str]  # properties the two guards of opinions apply to (agreedWith)
    policy_nouns: frozenset[str]  # "attacked X's policies": words and acts of X, attacked in words
    grievance_preps: frozenset[str]  # "X attacked Y over the budget": one person's attack on another in words
    decision_modals: frozenset[str]  # "agreed that the summit should be held": a decision, kept
    collective_objects: frozenset[str]  # "A and B signed a treaty": the objects a collective verb may take
    object_collective_verbs: frozenset[str]  # "A and B struck a deal": collective only with such an object
    representative_roles: frozenset[str]  # elected posts: "<party> MP X" is a member
    plural_roles: frozenset[str]  # titles of several names: "Republican Sens. A and B" (each a senator)
    past_markers: frozenset[str]  # words that put a title in the past ("former")
    future_markers: frozenset[str]  # time words of a plan ("next week")
    unshared_preps: frozenset[str]  # "X launched wars before the creation of Y": not X's creation
    agentless_nouns: frozenset[str]  # "X vowed a response to an attack on Y": no agent found through them
    shared_occasion_properties: frozenset[str]  # ... except these ("X said after talks with Y")
    temporal_marks: frozenset[str]  # "once he meets Xi": a clause of time (a future one under a modal)
    temporal_nouns: frozenset[str]  # "by the time he meets Xi": nouns of time whose relative clause is one
    en_route_verbs: frozenset[str]  # motion verbs whose progressive is "on the way"
    portfolios: frozenset[str]  # fields of government before a title ("Defence Secretary")
    default_country_titles: frozenset[str]  # heads of state/government titles (nearest country)
    head_of_state: frozenset[str]  # roles that lead a country
    place_heads: frozenset[str]  # roles that head a city's or region's government ("mayor")
    state_roles: frozenset[str]  # posts in a state ("ambassador")
    delegate_roles: frozenset[str]  # "U.N. Ambassador X": a state's post at a body of states, not the body's
    ministers_by_country: frozenset[str]  # "<role>|<country id>": a title naming a minister there
    party_officers: frozenset[str]  # officers of a party who are not its leader
    non_state_leaders: frozenset[str]  # modifiers of "leader" naming a movement ("rebel")
    counterpart_nouns: frozenset[str]  # "X's counterpart Y"
    opaque_nouns: frozenset[str]  # nouns an argument search does not look through
    behest_nouns: frozenset[str]  # "at the request of Y": no look through the of-phrase (the owner is read)
    incident_nouns: frozenset[str]  # incidents: a place before one is where it happened
    opponent_preps: frozenset[str]  # prepositions that introduce an opponent
    no_owner_objects: frozenset[str]  # properties whose verb object is never read as its owner
    no_body_agents: frozenset[str]  # properties whose event noun's organisation modifier is no agent
    venue_properties: frozenset[str]  # events whose place ("met in X") is visited by who came from abroad
    act_verbs: frozenset[str]  # verbs that hold out an act ("threatened sanctions against X")
    act_nouns: frozenset[str]  # the acts held out: the act's target is the verb's object
    reporting: frozenset[str]  # reporting verbs ("say", "tell")
    delegate_nouns: frozenset[str]  # "his Japanese counterparts", "officials from A": their state
    administration_nouns: frozenset[str]  # "the Obama administration": a head's government stands for the state
    headed_government_nouns: frozenset[str]  # "the Obama administration", "Merkel's government": a head's surname
    follower_nouns: frozenset[str]  # "urged voters to back X": people at large, the urger takes the side
    advocacy_properties: frozenset[str]  # "urged voters to back X": properties whose exhortation is the urger's stance
    people_nouns: frozenset[str]  # trigger nouns naming the agents themselves ("critics of X")
    post_modifiers: frozenset[str]  # "associate director of Y": a post in Y, not its head
    beat_roles: frozenset[str]  # "White House correspondent X": the body before them is the beat
    rank_markers: frozenset[str]  # "No. 5 ... leader": a rank below the head
    topic_roles: frozenset[str]  # "a North Korea expert": the place named before is the subject, no home
    brief_roles: frozenset[str]  # "special envoy for Ruritania": the place after "for" is the brief, no employer
    party_staff_roles: frozenset[str]  # a party's employed staff work for it; other posts make members
    frontbench_prefixes: frozenset[str]  # "Tory shadow home secretary X": a member of the party
    place_object_properties: frozenset[str]  # "visited the Acme factory in Riverton": visited Riverton
    place_target_properties: frozenset[str]  # "pounded militant sites in Riverton": the place attacked too
    harm_target_properties: frozenset[str]  # "X's threats to wage war against Y": the harm's target is the object
    home_tie_properties: frozenset[str]  # posts that make a state a person's home: no visit to it or its capital
    hostile_properties: frozenset[str]  # acts no holder of such a post commits against his own state
    particle_verbs: frozenset[str]  # "give up", "move on": a one-word trigger does not match them
    empty_subjects: frozenset[str]  # "It is a disgrace": a judgement of no one
    naming_verbs: frozenset[str]  # "called X a thug", "described X as a danger" (evaluation constructions)
    pair_nouns: frozenset[str]  # collective descriptions of two agents ("the two countries")
    pair_determiners: frozenset[str]  # determiners of such descriptions ("both", "two")
    pair_classes: frozenset[str]  # "<noun>|<class>" (lower case): "both parties" are two of that class
    org_description_nouns: frozenset[str]  # nouns describing an organisation in apposition
    occupations: frozenset[str]  # occupations that are no post ("novelist")
    staff_occupations: frozenset[str]  # "<Org> columnist X": an occupation held on an organisation's staff
    appointment_verbs: frozenset[str]  # "made X president of Y"
    part_nouns: frozenset[str]  # parts of a place ("the southern part of Y")
    directions: frozenset[str]  # direction words before a place ("south-east Ruritania")
    home_nouns: frozenset[str]  # where a person lives or comes from ("hometown")
    party_letters: frozenset[str]  # "<letter>|<party id>": "Sen. X, R-Ky." is a member of that party
    chamber_titles: frozenset[str]  # "<title>|<chamber>": "Sen. X" is a member of the Senate the text names
    chamber_leader_titles: frozenset[str]  # "Senate Majority Leader X": a member of the chamber named before
    inclusion_preps: frozenset[str]  # "allies including A", "officials such as A": A holds the plural role
    interview_properties: frozenset[str]  # "X spoke with The Times": no such fact with a news outlet
    presence_nouns: frozenset[str]  # "said during a briefing in Riverton": events whose place is the speaker's
    unit_nouns: frozenset[str]  # "director of the UN office in Geneva": a unit of a body; a post there is a post in the body
    speaking_verbs: frozenset[str]  # "X spoke by phone from Ruritania": besides reporting, verbs that place a speaker in a country
    attendance_verbs: frozenset[str]  # "attended a summit in Riverton": verbs whose object event the subject is at
    audience_passives: frozenset[str]  # "X was asked during a briefing in Riverton": passives whose subject is there
    sceneless_verbs: frozenset[str]  # "born in", "invested in": a verb whose "in"/"at" is no place of presence
    world_regions: frozenset[str]  # "democracy in the Middle East": a scope, no place a verb's subject was in
    post_verbs: frozenset[str]  # "X served as ambassador to Y": verbs whose "as <role>" is the subject's post
    advocacy_calls: frozenset[str]  # "called for a push against X": a hedge that is the caller's own stance
    audience_heads: frozenset[str]  # "spoke to Parliament": a body one addresses, no meeting
    reciprocal_verbs: frozenset[str]  # "A and B exchanged insults": each gives the other its object
    joint_verbs: frozenset[str]  # "A and B held talks": an event the subjects hold together
    campaign_verbs: frozenset[str]  # "A launched strikes in Y against B": the parser hangs "against B" on the verb
    vow_verbs: frozenset[str]  # "vowed to destroy X": a threat only with a harm_verbs complement
    companion_verbs: frozenset[str]  # "X joined Y in condemning Z": a companion in an act, no membership
    call_verbs: frozenset[str]  # "X called Y on Sunday": a phone call only with a lone person as object
    conquest_verbs: frozenset[str]  # "captured Ramadi": an attack only with a place taken
    departure_verbs: frozenset[str]  # "set to leave the EU": still a member while the departure is to come
    pending_heads: frozenset[str]  # "set", "due": the heads of a departure still to come
    post_not_place_triggers: frozenset[str]  # "worksfor|serve": no post with a place as object ("served in Iraq")
    journey_nouns: frozenset[str]  # "his Asia trip": a place before them is where the journey went
    summons_purposes: frozenset[str]  # "called X to testify": a summons, no call
    harm_verbs: frozenset[str]  # the harmful acts a vow threatens
    chaired_bodies: frozenset[str]  # "Committee Chairman X": the one committee the text names
    department_heads: frozenset[str]  # "Defence Secretary X": the title words that head a department
    department_nouns: frozenset[str]  # "the Defence Ministry": the words of the body such a title heads
    portfolio_spellings: frozenset[str]  # "defence|defense": one portfolio spelt two ways
    cabinet_words: frozenset[str]  # "Foreign Minister X" with no state: the state the text is about
    national_titles: frozenset[str]  # "<title>|<country id>": a title only that state's government has
    owned_department_heads: frozenset[str]  # "secretary|department": "<X Department> Secretary Y" heads it
    relation_nouns: frozenset[str]  # "relations between A and B": the nouns of a relation told by its state
    strained_words: frozenset[str]  # "were fraught", "strained relations": a bad state (disputesWith)
    close_words: frozenset[str]  # "close ties", "as strong as ever": a close one (allyOf)
    demand_verbs: frozenset[str]  # "called on X to resign": the verbs of a demand
    leave_verbs: frozenset[str]  # "resign", "step down": what the one asked is to do
    removal_nouns: frozenset[str]  # "demanded X's resignation"
    election_verbs: frozenset[str]  # "X was elected": the passive gives X the post (rule election)
    appointment_passives: frozenset[str]  # "X was appointed ambassador": only with the post it gives
    election_nouns: frozenset[str]  # "X's election", "the election of X"
    appointment_nouns: frozenset[str]  # "X's appointment as envoy": only with the post (or "confirmation")
    election_outcomes: frozenset[str]  # "X's election victory", "swept to an election win"
    election_win_verbs: frozenset[str]  # "X won the election"
    election_win_objects: frozenset[str]  # "won the election", "won a second term"
    election_modifiers: frozenset[str]  # "newly elected President X"


@dataclass(frozen=True, slots=True)
class EntityWords:
    """``[words]`` of ``lexicon/entities.toml``: words the mention, resolution and coreference
    stages read."""

    abbreviations: frozenset[str]  # title abbreviations kept as one token ("Col.", "Sens.")
    event_names: frozenset[str]  # event names the NER takes for persons ("Brexit"): typed Event
    honorifics: frozenset[str]  # titles stripped from person names
    female_titles: frozenset[str]  # titles that tell a woman
    male_titles: frozenset[str]  # titles that tell a man
    role_heads: frozenset[str]  # person titles that never end an organisation's name
    outlet_staff_roles: frozenset[str]  # "Riverton Post writer X": the name before the role is an outlet
    byline_roles: frozenset[str]  # roles a byline writes after a name ("Correspondent")
    name_titles: frozenset[str]  # forms of address before a name ("Sen.", "President")
    title_modifiers: frozenset[str]  # words that modify such a title ("Vice", "Deputy")
    boilerplate: frozenset[str]  # boilerplate lines of web pages, dropped before parsing
    link_card_ends: frozenset[str]  # end markers of link cards pasted into article text, blanked
    place_verbs: frozenset[str]  # verbs whose object is a place even when it is a capital
    city_offices: frozenset[str]  # offices of a city ("mayor", "police")
    news_agencies: frozenset[str]  # agency credits blanked before parsing
    gallery_markers: frozenset[str]  # "Hide Caption 3 of 32": a line of a photo gallery, blanked
    widget_markers: frozenset[str]  # "CLOSE" before a video's caption at the start of a line, blanked
    video_markers: frozenset[str]  # "JUST WATCHED <title> ... MUST WATCH <title> 06:22": a video widget, blanked
    photo_credits: frozenset[str]  # "Image copyright AFP": a photo credit, blanked to the caption label or the line's end
    photo_agencies: frozenset[str]  # "Jo Roe/AFP/Getty Images": a photographer's credit, no entity
    caption_labels: frozenset[str]  # "Image caption": the label before a caption, blanked (the caption stays)
    caption_positions: frozenset[str]  # "Moon Jae-in (R)" in a caption: where in the picture, blanked
    reporting_credits: frozenset[str]  # "(Additional reporting by X in Y; Editing by Z)": wire credits, blanked
    outlet_credits: frozenset[str]  # outlets whose "(CNN)" credit is blanked too; the name stays elsewhere
    languages: frozenset[str]  # language names of news-monitoring source lines
    organization_heads: frozenset[str]  # last words that make a name an organisation's
    calendar_words: frozenset[str]  # a name never runs on into these ("Thursday")
    peerages: frozenset[str]  # "Lord X of Riverton": a territorial designation
    legal_forms: frozenset[str]  # legal forms that end a company's name ("Corp.")
    shared_heads: frozenset[str]  # head words many bodies share: "the House" is no short form of "the White House"
    place_name_heads: frozenset[str]  # last words that make a name a place's ("Parish")
    water_heads: frozenset[str]  # last words of names of bodies of water ("Sea")
    admin_levels: frozenset[str]  # "district|1": a place name's last word and its level; a lower one lies in a higher
    media_heads: frozenset[str]  # head words of media outlets' names ("Radio")
    place_nouns: frozenset[str]  # nouns that stand for the place they name ("province")
    people_counts: frozenset[str]  # counts of people ("thousands of")
    quantifiers: frozenset[str]  # "Other Republicans": a word the NER glues before a name, no part of it
    party_name_words: frozenset[str]  # "Christian Democrats", "Social Democrats": another party than "Democrats"
    person_pronouns: frozenset[str]  # pronouns of a person
    thing_pronouns: frozenset[str]  # pronouns of a thing ("it", "its")
    plural_pronouns: frozenset[str]  # plural pronouns ("they")
    plural_names: frozenset[str]  # names plural without an "s" ("the Taliban"): "they" may stand for them
    speaker_pronouns: frozenset[str]  # "we", "our", "us": the speaker's side
    ship_prefixes: frozenset[str]  # "USS Ronald Reagan": a warship, not a person
    reflexive_pronouns: frozenset[str]  # "himself": the own clause's subject, no one else
    person_descriptions: frozenset[str]  # descriptions that refer back to a person ("the minister")
    generic_person_descriptions: frozenset[str]  # of those, the ones any post-holder fits ("the <body> chief")
    party_member_titles: frozenset[str]  # politicians' titles a party description refers to ("the Ohio Republican")
    party_owned_titles: frozenset[str]  # "the Labour leader": a title the party before it owns
    placed_member_titles: frozenset[str]  # of those, titles of a state's or town's politicians ("Rep. X ... the Ohio Republican")
    title_abbreviations: frozenset[str]  # "<abbreviation>|<title>": "Gen. X" is "the general"
    country_descriptions: frozenset[str]  # descriptions that refer back to a country ("the nation")
    government_nouns: frozenset[str]  # descriptions of a state's government ("the government")
    body_descriptions: frozenset[str]  # "<noun>|<Class> ...": descriptions that refer back to a named body ("the group")
    legislation_descriptions: frozenset[str]  # descriptions that refer back to a law named before ("the bill")
    agreement_descriptions: frozenset[str]  # ... to an agreement named before ("the treaty", "the deal")
    legislation_heads: frozenset[str]  # last words of a law's name that make it legislation ("Act")
    acronym_connectors: frozenset[str]  # small words an acronym skips ("of", "the")
    gloss_heads: frozenset[str]  # head words of a translated long form after an acronym ("party")
    town_nouns: frozenset[str]  # nouns for a town ("the town of X")
    club_roles: frozenset[str]  # "Riverton manager X": a town's name before these names its sports club
    sport_words: frozenset[str]  # words of sports reports: six make a text one (kg.extract.mentions.clubs)
    place_of_nouns: frozenset[str]  # "the <demonym> <noun> of X" ("city", "province")
    city_part_nouns: frozenset[str]  # "the Las Ramblas district of Barcelona": the place in the city
    page_imperatives: frozenset[str]  # "Follow Ana Lind": a web page's button, no name
    time_zones: frozenset[str]  # "1700 GMT": a time zone written in capitals, no organisation
    kin_nouns: frozenset[str]  # "the Kim family", "the Bush dynasty": the kin, not the person named
    stance_prefixes: frozenset[str]  # "anti-Semitic", "pro-Russian": an adjective of a stance, no name
    regnal_titles: frozenset[str]  # "Prince Charles": a royal named by a given name
    seat_actors: frozenset[str]  # "Brussels|org/eu": a capital as an actor stands for the body seated there
    generic_bodies: frozenset[str]  # "Parliament", "the Cabinet": a state's body named without its state


@dataclass(frozen=True, slots=True)
class TimeWords:
    """``[words]`` of ``lexicon/time.toml``: role status, time expressions and attribution."""

    status_former: frozenset[str]  # "former minister X": the post is past
    status_future: frozenset[str]  # "President-elect X": the post is to come
    death_verbs: frozenset[str]  # "X died": the dead's posts are former (kg.extract.context.dead)
    death_passives: frozenset[str]  # "X was killed": the same, in the passive
    status_current: frozenset[str]  # "acting minister X": held now, though qualified
    past_modifiers: frozenset[str]  # "last March": resolved in the past
    future_modifiers: frozenset[str]  # "next month": resolved in the future
    vague_modifiers: frozenset[str]  # "late Tuesday": dropped before resolving
    period_thirds: frozenset[str]  # "late|3": "in late July" is the month's last third
    story_relative_words: frozenset[str]  # "two days later": counted from an event of the story, no date
    story_relative_determiners: frozenset[str]  # "the next day": counted from the story's time, no date
    indefinite_words: frozenset[str]  # "one day", "a day": no day of the calendar
    time_day_anchors: frozenset[str]  # "Sunday night": a TIME entity that names a day
    report_day_phrases: frozenset[str]  # "earlier in the day": the report's own day
    overnight_phrases: frozenset[str]  # "overnight": the night before the report (its day and the one before)
    fixed_days: frozenset[str]  # "christmas|12-25": a holiday as a day of the year (kg.extract.context.when)
    named_days: frozenset[str]  # "9/11|2001-09-11": a day news names by its event
    since_preps: frozenset[str]  # "since 1999": an interval with a start only
    until_preps: frozenset[str]  # "minister until 2003": the end of a post
    range_openers: frozenset[str]  # "from 1997 to 2007", "between 2009 and 2017": a range
    range_links: frozenset[str]  # "to", "and", "-": the link between the two dates of a range
    range_brackets: frozenset[str]  # "(1994-2001)": a range in brackets
    unbounded_modifier_properties: frozenset[str]  # "Republican senator since 1997": not the party's bound
    story_day_properties: frozenset[str]  # event properties a lede's day dates (kg.extract.context.lede)
    story_day_of_saying: frozenset[str]  # event properties a lede's "X said on Monday" dates (kg.extract.context.lede)
    saying_occasion_preps: frozenset[str]  # "said in a meeting with Y": the occasion of a saying (kg.extract.context.lede)
    occasion_verbs: frozenset[str]  # "spoke at a news conference with Y": an occasion dated like a saying's
    short_durations: frozenset[str]  # "met for two hours": how long, within the story's day (kg.extract.context.lede)
    attribution_phrases: frozenset[str]  # "according to X"
    unnamed_sources: frozenset[str]  # "officials said": a source the text does not name


W = TypeVar("W", RelationWords, EntityWords, TimeWords)


def load_words(cls: type[W], table: Any, path: Path) -> W:
    """Fill ``cls`` from a ``[words]`` table: every field once, no other key, no word twice."""
    if not isinstance(table, dict):
        raise DataFileError(f"{path}: [words] must be a table of word lists.")
    names = [f.name for f in fields(cls)]
    unknown = sorted(set(table) - set(names))
    if unknown:
        raise DataFileError(f"{path}: [words] has unknown list(s) {', '.join(unknown)}; the known lists are "
                            f"the fields of {cls.__qualname__} (kg/resources/words.py): fix the spelling or add "
                            "the field there.")
    missing = [n for n in names if n not in table]
    if missing:
        raise DataFileError(f"{path}: [words] lacks the list(s) {', '.join(missing)}; add them (an empty "
                            "list is allowed).")
    values = {}
    for name in names:
        words = table[name]
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataFileError(f"{path}: [words].{name} must be a list of strings.")
        seen: set[str] = set()
        for w in words:
            low = w.lower()
            if low in seen:
                raise DataFileError(f"{path}: [words].{name} lists {w!r} twice; remove one.")
            seen.add(low)
        values[name] = frozenset(seen)
    return cls(**values)
