"""Precision guards found by judging unseen news by hand: each sentence here is written for the
test (real pipeline); it checks a wrong reading is gone without losing the right one."""

from __future__ import annotations


def _all_facts(g):
    """(subject, property, object) names of every reading, asserted or not."""
    return {(g.entities[s].name, p, g.entities[o].name): {e.modality for e in evs} for (s, p, o), evs in g.facts.items()}


def test_a_cut_party_name_before_a_title_is_no_employer(extract):
    _, facts = extract("Social Democrat chairman Peter Holm said taxes would rise next year.")
    assert not {f for f in facts if f[0] == "Peter Holm" and f[2] == "Democrat"}, facts


def test_a_portfolio_before_a_title_is_no_employer(extract):
    _, facts = extract("Trade and Industry Commissioner Maria Berg said the rules would change.")
    assert not {f for f in facts if f[0] == "Maria Berg" and f[2] in ("Trade", "Industry", "Trade and Industry")}, facts


def test_a_gerund_about_anyone_takes_no_speaker_as_subject(extract):
    _, facts = extract('"We must cut the link between arriving in Sweden and getting benefits," Mr Holm said.')
    assert not {f for f in facts if f[1] == "visited"}, facts


def test_object_control_makes_the_object_the_agent(extract):
    g, _ = extract("Norway called on Sweden to sanction Russia.")
    readings = _all_facts(g)
    assert ("Norway", "sanctions", "Russia") not in readings, readings
    assert ("Sweden", "sanctions", "Russia") in readings, readings


def test_a_visit_next_week_is_planned(extract):
    g, facts = extract("President Ana Lind visits Norway next week.")
    assert ("Ana Lind", "visited", "Norway") not in facts
    assert _all_facts(g).get(("Ana Lind", "visited", "Norway")) == {"hedged"}


def test_an_ousted_president_leads_no_more(extract):
    _, facts = extract("Supporters of ousted President Jean Morel rallied in Port Louis, Mauritius.")
    assert not {f for f in facts if f[0] == "Jean Morel" and f[1] == "leaderOf"}, facts


def test_a_leader_in_a_house_does_not_lead_the_house(extract):
    _, facts = extract("Lord Benning, the Labour leader in the House of Lords, said ministers were wrong.")
    assert ("Benning", "leaderOf", "House of Lords") not in facts, facts


def test_what_someone_is_called_on_to_do_is_not_done(extract):
    g, facts = extract("Norway called on Sweden to sanction Russia.")
    assert ("Sweden", "sanctions", "Russia") not in facts
    assert _all_facts(g)[("Sweden", "sanctions", "Russia")] == {"hedged"}


def test_a_name_word_the_ner_left_out_cuts_the_owner(extract):
    _, facts = extract("Former editor Ana Lind praised the paper. Danish Courier editor Peter Holm said sales rose.")
    assert ("Peter Holm", "worksFor", "Denmark") not in facts and ("Peter Holm", "livesIn", "Denmark") not in facts, facts
    _, facts = extract("UK Defence Secretary Peter Holm visited Norway.")
    assert ("Peter Holm", "worksFor", "United Kingdom") in facts, facts


def test_a_plot_or_a_report_is_not_the_deed(extract):
    g, facts = extract("Ruritania reveals plot to assassinate Ana Lind.")
    assert ("Ruritania", "killed", "Ana Lind") not in facts
    g, facts = extract("Norway dismissed a Swedish report that it had agreed with Denmark on new quotas.")
    assert ("Norway", "agreedWith", "Denmark") not in facts, facts


def test_is_to_launch_is_a_plan(extract):
    _, facts = extract("Ana Lind is to launch her own party, Forward, in Oslo on Wednesday.")
    assert not {f for f in facts if f[1] == "launched"}, facts


def test_a_deputy_leader_works_for_the_party_but_does_not_lead_it(extract):
    _, facts = extract("Peter Holm, UKIP's deputy leader, made the comments to an audience.")
    assert ("Peter Holm", "worksFor", "UKIP") in facts and ("Peter Holm", "leaderOf", "UKIP") not in facts, facts


def test_an_ex_party_member_no_longer_works_for_it(extract):
    _, facts = extract("Ex-Labour MP Peter Holm has appealed for the release of the hostages.")
    assert not {f for f in facts if f[0] == "Peter Holm" and f[1] in ("worksFor", "leaderOf")}, facts


def test_receiving_someones_backing_is_no_meeting(extract):
    _, facts = extract("Having received his full backing, Ana Lind resigned. She had served under Peter Holm.")
    assert not {f for f in facts if f[1] == "metWith"}, facts


def test_a_dateline_is_no_subject_and_no_owner(extract):
    _, facts = extract("OSLO, Norway An advance party of Swedish soldiers has arrived at its new base near Oslo.")
    assert ("Norway", "visited", "Sweden") not in facts and ("Oslo", "visited", "Sweden") not in facts, facts
    _, facts = extract("NAIROBI         African Union mediators met envoys of the two sides.")
    assert ("African Union", "basedIn", "Nairobi") not in facts, facts


def test_a_head_of_state_title_takes_no_country_from_another_clause(extract):
    _, facts = extract("Despite a call for a postponement of the Ruritanian elections, President Ana Lind said she hopes "
                       "they go ahead.")
    assert ("Ana Lind", "leaderOf", "Ruritania") not in facts, facts


def test_condemning_a_killing_does_not_criticize_the_victim(extract):
    _, facts = extract("Norway on Tuesday condemned the beheading of Swedish hostage Peter Holm.")
    assert not {f for f in facts if f[1] == "criticized"}, facts


def test_roles_and_lower_case_words_are_no_organisations(extract):
    _, facts = extract('In a statement to MPs, Mr Holm said: "I will be asking Parliament to renew this law."')
    assert not {f for f in facts if f[2] == "MPs"}, facts
    _, facts = extract("Norway said jailed intifada leader Peter Holm pulled out of the race.")
    assert not {f for f in facts if f[0] == "Peter Holm" and f[1] in ("leaderOf", "worksFor")}, facts


def test_a_place_where_something_happened_is_no_partner(extract):
    _, facts = extract("He went to Oslo University, where he met his future wife Ana Lind.")
    assert not {f for f in facts if "Oslo University" in (f[0], f[2])}, facts


def test_a_demonym_modifying_another_noun_is_no_default_country(extract):
    _, facts = extract("The minister held a meeting after a Ruritanian pullout with President Ana Lind.")
    assert ("Ana Lind", "leaderOf", "Ruritania") not in facts, facts


def test_learned_location_does_not_second_guess_a_dateline(extract):
    _, facts = extract("OSLO, Norway             The United States said on Monday it will seek better ties with Sweden.")
    assert ("Oslo", "locatedIn", "Norway") in facts and ("Oslo", "locatedIn", "United States") not in facts, facts


def test_a_country_acting_on_a_president_is_not_his_country(extract):
    _, facts = extract("Ruritania hurled invective at President Ana Lind for a second day on Tuesday.")
    assert ("Ana Lind", "leaderOf", "Ruritania") not in facts, facts


def test_a_chief_of_a_field_works_for_the_body_but_does_not_lead_it(extract):
    _, facts = extract("Talks gathered pace with EU foreign policy chief Peter Holm expected in Oslo.")
    assert ("Peter Holm", "worksFor", "European Union") in facts, facts
    assert ("Peter Holm", "leaderOf", "European Union") not in facts, facts


def test_a_company_called_systems_is_a_company(extract):
    g, facts = extract("Peter Holm makes some of his money as a director of Ruritanian Aerospace Systems.")
    assert not {f for f in facts if f[1] == "develops"}, facts


def test_the_named_region_of_a_country_is_in_the_country(extract):
    _, facts = extract("Peace talks began on the crisis torn Sorvan region of Ruritania on Monday.")
    assert ("Ruritania", "locatedIn", "Sorvan") not in facts, facts


def test_a_list_of_places_is_no_town_region_pair(extract):
    _, facts = extract("Ana Lind visits Manchester, Liverpool, Leicester, Somerset, Basingstoke and Dorset this week.")
    assert not {f for f in facts if f[1] == "locatedIn"}, facts


def test_a_committee_chairman_does_not_lead_the_body_the_committee_watches(extract):
    _, facts = extract("The Ruritanian Trade Authority (RTA) opened. RTA committee chairman Peter Holm said the rules "
                       "should change.")
    assert not {f for f in facts if f[0] == "Peter Holm" and f[1] == "leaderOf"}, facts


def test_a_name_word_the_ner_left_out_is_taken_back(extract):
    g, facts = extract("Social Democrat deputy leader Peter Holm said the comments were justified.")
    names = {e.name for e in g.entities.values()}
    assert "Democrat" not in names, names


def test_mep_is_a_title_not_part_of_the_name(extract):
    g, _ = extract("The film showed a row between Mr Holm, MEP Ana Lind and party leader Peter Berg.")
    names = {e.name for e in g.entities.values()}
    assert "Ana Lind" in names and not any(n.startswith("MEP") for n in names), names


def test_a_stance_on_an_event_is_no_part_in_it(extract):
    g, facts = extract("Norway warned Sweden against visits to Ruritania by its ministers.")
    assert not {f for f in facts if f[1] == "visited"}, facts
    _, facts = extract("Ana Lind defied sanctions on Ruritania to play a match there.")
    assert not {f for f in facts if f[1] == "sanctions"}, facts


def test_returning_something_to_a_country_is_no_visit(extract):
    _, facts = extract("Acme agreed to return the cars to Norway.")
    assert not {f for f in facts if f[1] == "visited"}, facts
    _, facts = extract("President Ana Lind returned to Norway on Monday.")
    assert ("Ana Lind", "visited", "Norway") in facts, facts


def test_an_incoming_president_leads_nothing_yet(extract):
    _, facts = extract("Incoming European Commission President Ana Lind named her team on Friday.")
    assert not {f for f in facts if f[0] == "Ana Lind" and f[1] in ("leaderOf", "worksFor")}, facts


def test_a_party_mp_is_a_member_and_a_party_official_works_for_it(extract):
    _, facts = extract("Tory MP Peter Holm said the policy was wrong.")
    # "Tory" is the gazetteer's Conservative Party (an alias)
    assert ("Peter Holm", "memberOf", "Conservative Party") in facts, facts
    assert not {f for f in facts if f[1] == "worksFor"}, facts
    _, facts = extract("Tony Berg, executive director of the state Republican Party, said he did not know.")
    assert ("Tony Berg", "worksFor", "Republican Party") in facts, facts


def test_the_man_convicted_of_a_killing_did_it_not_his_bride(extract):
    # neither the rules nor the learned classifier give the killing to the relative clause's subject
    g, _ = extract("Anna Lind, who ten years ago wed the man convicted of killing the Rev. Tomas Berg, "
                   "said she plans to divorce him.")
    assert not {f for f in _all_facts(g) if f[1] == "killed"}, _all_facts(g)


def test_a_name_in_apposition_to_the_convicted_man_did_it(extract):
    _, facts = extract("Sirhan Nadir, the man convicted of killing Tomas Berg, asked for parole.")
    assert ("Sirhan Nadir", "killed", "Tomas Berg") in facts, facts


def test_a_peer_of_a_place_neither_lives_nor_works_there(extract):
    g, facts = extract("Ex-Welsh Office Minister Lord Roberts of Conwy denied security services were involved.")
    assert "Roberts of Conwy" in {e.name for e in g.entities.values()}, facts
    assert not {f for f in facts if f[0].startswith("Roberts")}, facts  # "Ex-": a past post


def test_a_name_does_not_run_on_into_a_date(extract):
    _, facts = extract("Chancellor Gordon Brown has announced a freeze on fuel duty in his speech to the "
                       "Commons on Thursday.")
    assert not {f for f in facts if f[1] == "announced"}, facts


def test_a_nationality_and_a_title_abbreviation_are_no_name(extract):
    _, facts = extract("British FM makes surprise trip to Iraq.")
    assert not facts, facts


def test_an_infinitive_after_a_noun_takes_the_clause_subject(extract):
    # the participle rule above ("the man convicted of killing") must not stop "a treaty to provide"
    _, facts = extract("France is obliged under a 1990 treaty to provide Chad with military hardware.")
    assert ("France", "suppliesArmsTo", "Chad") in facts, facts


def test_a_country_after_on_is_no_country_of_a_title(extract):
    _, facts = extract("The attacks on Spain forced Prime Minister Ana Lind's government to resign.")
    assert ("Ana Lind", "leaderOf", "Spain") not in facts, facts


def test_a_country_in_which_things_happen_is_the_country_of_a_title(extract):
    _, facts = extract("Peacekeepers are deployed in Chad after President Ana Lind broke the truce.")
    assert ("Ana Lind", "leaderOf", "Chad") in facts, facts


def test_an_international_organisation_is_based_in_no_country_that_owns_it(extract):
    _, facts = extract("Austrian warning on Turkey's EU hopes.")
    assert not {f for f in facts if f[1] == "basedIn"}, facts
    _, facts = extract("South Korea's Hanil Steel said profits rose.")
    assert ("Hanil Steel", "basedIn", "South Korea") in facts, facts


def test_he_is_the_owner_of_the_last_sentences_subject(extract):
    """BBC politics/320: "Tory leader Michael Howard's only fresh entry is ... He also declares a trip to
    Mexico" follows a sentence whose subject is King Abdullah; a short excerpt does not show the slip,
    the whole article's salience did."""
    import json

    import pytest
    from helpers import SHARED_DATA

    path = SHARED_DATA / "news" / "bbc_fulltext.jsonl"
    if not path.is_file():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    text = next(json.loads(line)["text"] for line in path.open(encoding="utf-8") if '"politics/320"' in line)
    _, facts = extract(text)
    assert ("Michael Howard", "visited", "Mexico") in facts, facts
    assert ("Abdullah", "visited", "Mexico") not in facts


def test_the_director_of_an_organisation_is_not_the_organisation(extract):
    _, facts = extract("But director of the Victims of Crime Trust, Norman Brennan, accused Lord Woolf of having an "
                       '"arrogant contempt for victims of crime and the law-abiding public".')
    assert not {f for f in facts if f[0] == "Victims of Crime Trust"}, facts


def test_a_party_chairman_works_for_the_party_and_does_not_lead_it(extract):
    _, facts = extract("Lib Dem chairman Matthew Taylor has written to the watchdog.")
    assert ("Matthew Taylor", "worksFor", "Liberal Democrats") in facts, facts
    assert ("Matthew Taylor", "leaderOf", "Liberal Democrats") not in facts


def test_a_uk_chancellor_is_a_minister(extract):
    _, facts = extract("UK Chancellor Gordon Brown said growth would be strong.")
    assert ("Gordon Brown", "worksFor", "United Kingdom") in facts, facts
    assert ("Gordon Brown", "leaderOf", "United Kingdom") not in facts


def test_an_insurgent_leader_does_not_lead_the_country(extract):
    _, facts = extract("Abu Musab Zarqawi, Iraq's most feared insurgent leader, said the attacks would go on.")
    assert ("Abu Musab Zarqawi", "leaderOf", "Iraq") not in facts, facts


def test_an_owner_cut_before_the_title_gives_no_owner(extract):
    _, facts = extract("Scottish Conservative leader, David McLetchie, said earlier it was almost beyond belief.")
    assert not {f for f in facts if f[0] == "David McLetchie"}, facts


def test_a_word_before_a_nationality_is_no_group(extract):
    _, facts = extract("Putin said during his meeting with the Interim Iraqi prime minister Eyad Allawi that he "
                       "would help.")
    assert ("Eyad Allawi", "leaderOf", "Iraq") in facts, facts
    assert ("Eyad Allawi", "leaderOf", "Interim Iraqi") not in facts


def test_the_prime_minister_is_not_the_deputy_prime_minister(extract):
    _, facts = extract("Deputy Prime Minister John Prescott spoke first. Tory leader Michael Howard accused the prime "
                       "minister and Mr Brown of squabbling like schoolboys.")
    assert ("Michael Howard", "criticized", "John Prescott") not in facts, facts


def test_a_foreign_namesake_of_a_gazetteer_body_keeps_the_texts_name(extract):
    g, _ = extract("A Pakistani Foreign Office spokesman Sunday said Islamabad does not favor an arms race.")
    names = {e.name for e in g.entities.values()}
    assert "Foreign Office (Pakistan)" in names, names


def test_a_title_with_the_name_in_apposition_is_no_description_of_someone_else(extract):
    _, facts = extract("Tory leader Michael Howard spoke first. The Liberal Democrat parliamentary chairman Matthew "
                       "Taylor said the ambition of Mr Blair was getting in the way.")
    assert ("Matthew Taylor", "worksFor", "Liberal Democrats") in facts, facts
    assert ("Michael Howard", "worksFor", "Liberal Democrats") not in facts


def test_a_relative_of_a_person_is_not_that_person(extract):
    _, facts = extract("Peter Holm's brother moved to Cairo for cancer therapy. "
                       "Swedish sources said the brother was taken to a hospital.")
    assert not {f for f in facts if f[0] == "Peter Holm"}, facts


def test_counted_nationals_are_people_not_their_country(extract):
    _, facts = extract("Thousands of angry Swedes accused Prime Minister Peter Holm of treason.")
    assert not {f for f in facts if f[0] in ("Sweden", "Swedes") and f[1] == "criticized"}, facts
    _, facts = extract("Norway accused Sweden of treason.")
    assert ("Norway", "criticized", "Sweden") in facts, facts


def test_an_organisation_word_after_a_or_an_is_a_description(extract):
    g, facts = extract("Oslo, Norway: A new Cabinet in Norway is likely to be sworn in on Monday.")
    assert "Cabinet" not in {e.name for e in g.entities.values()}, facts
    g, _ = extract("The murder of the writer Ana Lind by a young Muslim has shocked Norway.")
    assert not {e.name for e in g.entities.values()} & {"Muslim", "Muslims"}


def test_a_country_acting_before_a_title_is_not_the_title_s_country(extract):
    _, facts = extract("The resolve of Norway to build warships could harden after President Peter Holm "
                       "and Senator Ana Lind clashed.")
    assert ("Peter Holm", "leaderOf", "Norway") not in facts, facts


def test_a_person_is_not_announced(extract):
    _, facts = extract("Foreign Minister Ana Lind announced Peter Holm as the new ambassador to Norway.")
    assert not {f for f in facts if f[1] == "announced"}, facts


def test_the_government_is_the_state_the_text_is_about_not_the_last_named(extract):
    _, facts = extract("Norway will raise taxes next year, Finance Minister Ana Lind said. Norway's parliament "
                       "backed the plan. Norway also wants closer ties with Sweden. The government criticized "
                       "Russia on Monday.")
    assert ("Norway", "criticized", "Russia") in facts and ("Sweden", "criticized", "Russia") not in facts, facts


def test_he_after_a_sentence_prefers_its_subject_early_in_a_text(extract):
    _, facts = extract("Omar Khan held talks with Peter Holm on Monday. He arrived in Norway on Sunday night.")
    assert ("Omar Khan", "visited", "Norway") in facts and ("Peter Holm", "visited", "Norway") not in facts, facts


def test_he_inside_a_quote_is_not_the_speaker(extract):
    _, facts = extract('Peter Holm met Omar Khan in Oslo on Monday. Mr Holm praised the talks. Mr Holm said '
                       'taxes would rise. "It is significant that he is coming to Sweden as his first foreign '
                       'visit," said Mr Holm.')
    assert ("Peter Holm", "visited", "Sweden") not in facts, facts


def test_where_is_in_not_with(extract):
    _, facts = extract("Omar Khan arrived in Norway after flying from Sweden, where he met President Ana Lind.")
    assert not {f for f in facts if f[1] == "metWith" and "Sweden" in (f[0], f[2])}, facts


def test_a_name_with_a_trigger_word_is_no_pair(extract):
    _, facts = extract("The leader of Norway's right-wing National Alliance, Peter Holm, is appointed foreign minister.")
    assert not {f for f in facts if f[1] == "allyOf"}, facts
    _, facts = extract("Norway's Catholic-Protestant tension is rising.")
    assert not {f for f in facts if f[1] == "disputesWith"}, facts
    _, facts = extract("The Norway-Sweden alliance is strong.")
    assert ("Norway", "allyOf", "Sweden") in facts or ("Sweden", "allyOf", "Norway") in facts, facts


def test_unlikely_and_set_for_are_not_facts(extract):
    g, facts = extract("Norway is unlikely to join the European Union before 2030, Peter Holm said.")
    assert ("Norway", "memberOf", "European Union") not in facts
    assert _all_facts(g).get(("Norway", "memberOf", "European Union")) == {"hedged"}
    _, facts = extract("Omar Khan set for visit to Norway.")
    assert ("Omar Khan", "visited", "Norway") not in facts, facts


def test_a_cathedral_is_a_place(extract):
    g, _ = extract("A humble church has something Norway's glorious Bergen Cathedral cannot match.")
    assert {e.name: e.cls for e in g.entities.values()}.get("Bergen Cathedral") == "Place"


def test_the_government_is_no_country_named_only_as_a_location(extract):
    _, facts = extract("The bishop denounced the war in Norway as a waste of money. Bishop Peter Holm has since "
                       "criticised the government over its case for war.")
    assert not {f for f in facts if f[1] == "criticized"}, facts


def test_nationals_qualified_by_another_nationality_are_no_country(extract):
    _, facts = extract("The United States sanctioned Bosnian Serbs for failing to arrest suspects.")
    assert ("United States", "sanctions", "Serbia") not in facts, facts


def test_struggling_to_join_is_no_membership(extract):
    _, facts = extract("Norway, already struggling to stay on track to join the European Union, faced weeks "
                       "of uncertainty.")
    assert ("Norway", "memberOf", "European Union") not in facts, facts


def test_a_brief_after_a_title_is_no_employer(extract):
    _, facts = extract("The Secretary of State for Culture, Media and Sport, Ana Lind, has hit out at critics "
                       "of the Gambling Bill.")
    assert not {f for f in facts if f[0] == "Ana Lind" and f[1] in ("worksFor", "leaderOf")}, facts
    _, facts = extract("The Norwegian Secretary of State, Ana Lind, met Peter Holm.")
    assert ("Ana Lind", "worksFor", "Norway") in facts, facts


def test_a_party_spokesman_s_brief_is_no_employer(extract):
    _, facts = extract("Mr Peter Holm, the Conservative spokesman for the Home Office, said crime rose.")
    assert ("Peter Holm", "worksFor", "Home Office") not in facts, facts
    _, facts = extract("Ana Lind, a spokesman for the Home Office, said crime rose.")
    assert ("Ana Lind", "worksFor", "Home Office") in facts, facts


def test_a_warning_is_no_threat(extract):
    _, facts = extract("The attorney general Peter Holm had warned Ana Lind that the use of force could be illegal.")
    assert not {f for f in facts if f[1] == "threatened"}, facts


def test_heading_a_party_s_preparations_is_not_leading_the_party(extract):
    _, facts = extract("Mr Holm has headed Labour's preparations for previous polls but Mr Lind is taking that role.")
    assert not {f for f in facts if f[1] == "leaderOf"}, facts


def test_a_title_ending_an_organisation_name_is_a_role(extract):
    g, facts = extract("The Roman Catholic Archbishop of Bergen, Peter Holm, told the radio that people should reflect.")
    assert "Roman Catholic Archbishop" not in {e.name for e in g.entities.values()}, facts
    _, facts = extract("Cardinal Ana Lind, the Archbishop of Westminster, backed Mr Holm's stance on taxes.")
    assert not {f for f in facts if "Westminster" in f[0] or "Parliament" in f[0]}, facts


def test_a_title_case_headline_urging_sanctions_is_no_sanction(extract):
    _, facts = extract("Israel Urges Sanctions on Iran for Nuke Program. Israel urged the UN to move toward "
                       "sanctions against Iran over its nuclear program.")
    assert not {f for f in facts if f[1] == "sanctions"}, facts


def test_a_name_after_district_is_a_place(extract):
    g, _ = extract("A bomb went off in a market in district Hamid of Balochistan.")
    assert {e.name: e.cls for e in g.entities.values()}.get("Hamid") in ("City", "Place")


def test_an_electoral_district_is_a_place_and_no_employer(extract):
    g, facts = extract("Tory MP Peter Holm is to stand down. He represented Riverton East from 1983 to 1992. "
                       "Mr Holm has been MP for Mid-Lowshire since 1997.")
    classes = {e.name: e.cls for e in g.entities.values()}
    assert classes.get("Riverton East") == "Place" and classes.get("Mid-Lowshire") == "Place", classes
    assert not {f for f in facts if f[1] == "worksFor"}, facts
    _, facts = extract("Peter Holm represented Acme Corp in the talks.")
    assert ("Peter Holm", "worksFor", "Acme Corp") in facts, facts


def test_a_gerund_after_with_is_a_topic_not_the_subject_s_act(extract):
    _, facts = extract("Norwegians voted for a new president on Sunday with fighting corruption and joining the EU "
                       "the main themes in a run-off round.")
    assert not {f for f in facts if f[1] == "memberOf"}, facts


def test_a_dead_man_s_body_does_not_visit(extract):
    _, facts = extract("Peter Holm's body arrived in Bergen for the funeral.")
    assert not {f for f in facts if f[1] == "visited"}, facts


def test_a_state_is_not_located_in_a_sibling_state(extract):
    _, facts = extract("Bush and Kerry Trade Barbs in Fla., Ohio. Both men campaigned in the two states on Monday.")
    assert ("Florida", "locatedIn", "Ohio") not in facts, facts


def test_an_appointment_is_read_with_the_appointee_as_subject(extract):
    _, facts = extract("Mr Holm appointed Omar Khan as his elections chief last October.")
    assert not {f for f in facts if f[1] == "elected"}, facts
    _, facts = extract("The Labour Party elected Peter Holm as its leader.")
    assert ("Peter Holm", "elected", "Labour Party") in facts, facts


def test_pm_is_a_head_of_government_title(extract):
    _, facts = extract("The strategist helped Norway's PM, Peter Holm, win four elections.")
    assert ("Peter Holm", "leaderOf", "Norway") in facts, facts


def test_counted_members_or_an_act_s_author_give_no_base(extract):
    _, facts = extract("Blast kills seven US Marines in Iraq.")
    assert not {f for f in facts if f[1] == "basedIn"}, facts
    _, facts = extract("Many were shocked to see this sort of leaflet by the BNP in Riverton.")
    assert not {f for f in facts if f[1] == "basedIn"}, facts


def test_a_plural_title_is_nobody_s_name(extract):
    g, facts = extract("Labour's leadership put on a show of unity at a campaign poster launch after MPs criticised "
                       "Tony Blair and Gordon Brown over reports of their rift.")
    assert "MPs" not in {e.name for e in g.entities.values()}, facts


def test_the_head_of_a_part_of_an_organisation_works_for_it(extract):
    _, facts = extract("Ana Lind, EU foreign policy chief, says phone-tap evidence works in the courts.")
    assert ("Ana Lind", "worksFor", "European Union") in facts, facts
    assert ("Ana Lind", "leaderOf", "European Union") not in facts, facts


def test_two_nationality_words_name_a_people_not_a_country(extract):
    _, facts = extract("Bosnian Serb Prime Minister Peter Holm resigned on Thursday.")
    assert not {f for f in facts if f[2] in ("Bosnia and Herzegovina", "Serbia")}, facts
    _, facts = extract("Norwegian Prime Minister Peter Holm resigned on Thursday.")
    assert ("Peter Holm", "leaderOf", "Norway") in facts, facts


def test_a_headline_phrase_is_no_organisation(extract):
    g, _ = extract("Jailing of HK democrat in China 'politically motivated'. A court jailed Peter Holm.")
    assert not {e.name for e in g.entities.values() if e.name.startswith("Jailing")}


def test_its_is_no_guess_past_a_name_the_ner_missed(extract):
    _, facts = extract("And Peter Holm, president of the Association of Directors of Social Services, said the plans "
                       "could improve dignity. But Age Concern argued social care was chronically under-funded. "
                       "Its director general, Ana Lind, said: \"Direct payments will not work.\"")
    assert not {f for f in facts if f[0] == "Ana Lind"}, facts


def test_on_the_way_is_no_visit_made(extract):
    g, _ = extract("Omar Khan is heading to Oslo for talks on the fishing dispute.")
    visits = [ev.modality for (s, p, o), evs in g.facts.items() if p == "visited" for ev in evs]
    assert visits and set(visits) == {"hedged"}, visits
    _, facts = extract("Peter Holm is visiting Sweden this week.")
    assert ("Peter Holm", "visited", "Sweden") in facts, facts


def test_a_person_s_attack_on_a_party_or_plan_is_criticism(extract):
    _, facts = extract("Peter Holm attacked Tory plans to process asylum claims abroad.")
    assert ("Peter Holm", "criticized", "Conservative Party") in facts, facts
    assert not {f for f in facts if f[1] == "attacked"}, facts
    _, facts = extract("Ana Lind also attacked the government over Iraq and its poor response to the crisis.")
    assert not {f for f in facts if f[2] == "Iraq"}, facts


def test_unveiling_a_party_s_campaign_announces_the_campaign_not_the_party(extract):
    _, facts = extract("But the pair were all smiles on Tuesday morning, as they joined Peter Holm to unveil "
                       "Labour's latest poster campaign.")
    assert not {f for f in facts if f[1] == "announced"}, facts


def test_a_plural_role_description_pairs_nobody_with_an_owner(extract):
    _, facts = extract("Taxes will be raised if Labour wins, Tory leader Michael Howard has claimed. Tony Blair has "
                       "said he does not want higher tax rates. Mr Howard said Labour had proposed the idea too. "
                       "The Commons questions session again saw the leaders of the two biggest parties shape up "
                       "for the forthcoming election campaign.")
    assert not {f for f in facts if f[1] == "leaderOf" and "Commons" in f[2]}, facts


def test_a_company_the_ner_calls_a_person_once_is_one_company(extract):
    g, facts = extract("Death bell tolls for Russia's Yukos oil giant. Russia's Yukos does not begin the week "
                       "teetering on the edge of ruin where it has been for months now.")
    assert [e.cls for e in g.entities.values() if e.name == "Yukos"] == ["Organization"], facts
    assert not {f for f in facts if f[1] == "livesIn"}, facts
    assert ("Yukos", "basedIn", "Russia") in facts, facts


def test_talks_with_x_s_named_party_are_with_the_party(extract):
    _, facts = extract("Norway's opposition Labour party began talks with Prime Minister Peter Holm's Likud party "
                       "yesterday about joining its coalition.")
    assert not {f for f in facts if f[1] == "metWith" and ("Norway" in f or "Peter Holm" in f)}, facts


def test_a_scene_put_before_the_subject_is_no_target(extract):
    _, facts = extract("At Heathrow, Gatwick and Glasgow airports, BAA launched a series of consultations on noise.")
    assert not {f for f in facts if f[1] in ("attacked", "criticized")}, facts
    _, facts = extract("Norway launched missiles at Sweden.")
    assert ("Norway", "attacked", "Sweden") in facts, facts


def test_a_counted_plural_name_is_no_group(extract):
    g, facts = extract('"Labour are creating Two Britains: the Britain of the forgotten majority and bureaucratic '
                       'Britain," he said.')
    assert "Britains" not in {e.name for e in g.entities.values()}, facts
    assert not {f for f in facts if f[1] == "launched"}, facts


def test_a_party_mayor_is_its_member_and_the_capital_s_mayor_is_the_city_s(extract):
    _, facts = extract("Tony Blair was speaking as London's Labour mayor Ken Livingstone remained embroiled in a row.")
    assert ("Ken Livingstone", "memberOf", "Labour Party") in facts, facts
    assert not {f for f in facts if f[1] == "leaderOf" or f[2] == "United Kingdom"}, facts


def test_a_conjunct_before_a_title_owns_no_title(extract):
    _, facts = extract("Ana Lind promoted the plan in Oslo, Rhodri Morgan in Cardiff and Northern Ireland Minister "
                       "John Spellar in Belfast.")
    assert not {f for f in facts if f[0] == "John Spellar" and f[2] == "Cardiff"}, facts


def test_a_committee_of_a_house_is_not_the_house(extract):
    _, facts = extract("Senior Labour backbencher Peter Holm, who chairs the Commons trade committee, said he "
                       "believed the prime minister would call an election.")
    assert not {f for f in facts if f[1] == "leaderOf"}, facts


def test_head_of_a_function_is_a_post_not_the_lead(extract):
    _, facts = extract("The papers report that Peter Holm, Labour's head of elections strategy, has played a key "
                       "role in the plan.")
    assert ("Peter Holm", "worksFor", "Labour Party") in facts, facts
    assert ("Peter Holm", "leaderOf", "Labour Party") not in facts, facts


def test_the_place_of_an_incident_is_no_home(extract):
    _, facts = extract("New Video of CARE Hostage Released. Iraq kidnap victim Margaret Hassan's three sisters, "
                       "from left to right: Catherine Fitzsimons, Deidre Fitzsimons and Geraldine Fitzsimons make a "
                       "statement to the media in Dublin Tuesday, Nov. 2, 2004.")  # a real AG News item
    assert not {f for f in facts if f[1] == "livesIn"}, facts


def test_launching_a_body_s_plan_does_not_launch_the_body(extract):
    _, facts = extract("Launching the Department for Constitutional Affairs' plan, Lord Holm said the top "
                       "priority would be victims.")
    assert not {f for f in facts if f[1] == "launched"}, facts


def test_a_visit_during_a_reported_clause_belongs_to_nobody_said(extract):
    _, facts = extract("Bombs in Riverton killed 18 people as the Norwegian Defence Secretary, Peter Holm, declared "
                       "that Norway was winning the war against insurgency during a visit to Sweden.")
    assert not {f for f in facts if f[1] == "visited"}, facts


def test_it_is_no_state_named_only_by_a_demonym(extract):
    g, _ = extract("Threat to behead Japanese soldier. The group led by wanted terrorist Abu Musab al-Zarqawi has "
                   "said it has abducted a member of Japan's armed forces and is threatening to behead him if the "
                   "Japanese government does not withdraw its troops from Iraq within 48 hours.")  # AG News
    assert not {f for f in _all_facts(g) if f[0] == "Japan"}, _all_facts(g)


def test_an_opponent_in_a_contest_lives_not_where_it_is_held(extract):
    _, facts = extract("Democratic challenger John Kerry has a commanding lead over President Bush in California of "
                       "54 percent to 38 percent among likely voters, a poll released on Tuesday found.")  # AG News
    assert not {f for f in facts if f[1] == "livesIn" and f[0] == "Bush"}, facts


def test_a_stance_verb_between_a_person_and_a_body_gives_no_learned_post(extract):
    _, facts = extract("Putin backs veto for members of expanded Security Council. Russian President Vladimir Putin "
                       "yesterday rejected a key recommendation of a United Nations panel on expanding the UN Security "
                       "Council, saying any reform would be one-sided if new members did not have veto power.")  # AG
    assert not {f for f in facts if f[1] == "worksFor" and "Security Council" in f[2]}, facts
    assert ("Vladimir Putin", "leaderOf", "Russia") in facts, facts


def test_a_party_title_names_its_arena_or_brief_not_an_employer(extract):
    _, facts = extract("The Scottish National Party's Holyrood leader Ana Lind wrote to Mr Holm on Tuesday.")
    assert ("Ana Lind", "worksFor", "Scottish National Party") in facts, facts
    assert not {f for f in facts if f[0] == "Ana Lind" and (f[1] == "leaderOf" or f[2] == "Holyrood")}, facts
    _, facts = extract("Peter Holm, the party's Treasury spokesman, said raising the threshold would help.")
    assert not {f for f in facts if f[2] == "Treasury"}, facts
    _, facts = extract("Labour leader Tony Blair met Peter Holm.")
    assert ("Tony Blair", "leaderOf", "Labour Party") in facts, facts


def test_a_hyphen_adjective_describes_no_conjunct_of_its_noun(extract):
    _, facts = extract("Hezbollah sent an unmanned reconnaissance plane over Israeli airspace Sunday, the "
                       "Lebanon-based group and the Israeli military said.")  # AG News
    assert not {f for f in facts if f[1] == "basedIn" and f[0] != "Hezbollah"}, facts


def test_a_body_named_before_its_party_keeps_its_title(extract):
    _, facts = extract("CHP (Republican People's Party) leader Peter Holm said he hoped the decision would stand.")
    assert ("Peter Holm", "worksFor", "CHP") in facts, facts  # the party after the body drops nothing
