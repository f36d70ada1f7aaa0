"""The gazetteer: which actor a name, a sentence or a title belongs to, from shipped data."""

from __future__ import annotations

from collections import Counter

import pytest

from briefing.gazetteer import COUNTRY, INSTITUTION, ORGANISATION, PARTY, gazetteer
from briefing.speakers import speech
from briefing.vocabulary import shipped

UN_MEMBERS = 193
UN_OBSERVERS = 2  # Palestine and the Holy See


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def actors(gaz, text):
    return [(m.text, m.actor) for m in gaz.find(text)]


def counted(gaz, text):
    """The actors a text is about once flagged names are left to corroboration."""
    return [m.actor for m in gaz.resolve(gaz.find(text), text)]


@pytest.mark.parametrize(
    ("sentence", "form", "actor"),
    [
        ("The Chilean government protested.", "Chilean", "Chile"),
        ("Spanish officials declined to comment.", "Spanish", "Spain"),
        ("Two Britons were among the passengers.", "Britons", "United Kingdom"),
        ("Filipinos queued at the consulate.", "Filipinos", "Philippines"),
        ("An Ivorian minister spoke.", "Ivorian", "Ivory Coast"),
        ("Officials in Tehran denied it.", "Tehran", "Iran"),
        ("Talks in Kyiv resumed.", "Kyiv", "Ukraine"),
        ("Talks in Kiev resumed.", "Kiev", "Ukraine"),
        ("Pyongyang fired a missile.", "Pyongyang", "North Korea"),
        ("The Kremlin said no.", "Kremlin", "Russia"),
        ("Downing Street said the vote would go ahead.", "Downing Street", "United Kingdom"),
        ("The Élysée denied the report.", "Élysée", "France"),
        ("The Elysee denied the report.", "Elysee", "France"),
        ("Decisions are taken in Zhongnanhai.", "Zhongnanhai", "China"),
        ("The White House declined to comment.", "White House", "United States"),
        ("A Blue House spokesman said so.", "Blue House", "South Korea"),
        ("The Pentagon confirmed the strike.", "Pentagon", "United States"),
        ("Côte d'Ivoire voted.", "Côte d'Ivoire", "Ivory Coast"),
        ("Côte d’Ivoire voted.", "Côte d’Ivoire", "Ivory Coast"),
        ("Bogota and Bogotá are one city.", "Bogota", "Colombia"),
    ],
)
def test_demonyms_capitals_and_seats_name_their_country(gaz, sentence, form, actor):
    assert (form, actor) in actors(gaz, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("South Korean troops", [("South Korean", "South Korea")]),
        ("South Koreans voted", [("South Koreans", "South Korea")]),
        ("the European Commission said", [("European Commission", "European Union")]),
        ("the Bank of England raised rates", [("Bank of England", "United Kingdom")]),
        ("Guinea-Bissau and Guinea", [("Guinea-Bissau", "Guinea-Bissau"), ("Guinea", "Guinea")]),
        ("Papua New Guinea", [("Papua New Guinea", "Papua New Guinea")]),
        (
            "the Democratic Republic of the Congo",
            [("Democratic Republic of the Congo", "Democratic Republic of Congo")],
        ),
        ("the U.S.-led coalition", [("U.S.", "United States")]),
        ("pro-Russian rebels", [("Russian", "Russia")]),
        ("Britain's position", [("Britain", "United Kingdom")]),
        (
            "Syrian Observatory for Human Rights",
            [("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights")],
        ),
    ],
)
def test_the_longest_name_wins_and_words_are_whole(gaz, sentence, expected):
    assert actors(gaz, sentence) == expected


def test_a_mention_reports_its_span_kind_and_country(gaz):
    text = "Labour MPs and Pentagon officials met NATO and the BJP."
    found = {m.text: m for m in gaz.find(text)}
    pentagon = found["Pentagon"]
    assert text[pentagon.start : pentagon.end] == "Pentagon"
    assert (pentagon.kind, pentagon.entity, pentagon.country) == (
        INSTITUTION,
        "Department of Defense",
        "United States",
    )
    assert (found["NATO"].kind, found["NATO"].country) == (ORGANISATION, "")
    assert (found["BJP"].kind, found["BJP"].actor, found["BJP"].country) == (
        PARTY,
        "Bharatiya Janata Party",
        "India",
    )
    assert (found["Labour"].actor, found["Labour"].country) == ("Labour Party", "United Kingdom")


def test_names_match_with_their_capitals_only(gaz):
    assert actors(gaz, "Prices rose in the labour market as turkey sold out.") == []
    assert actors(gaz, "She set out the china plates.") == []
    assert actors(gaz, "The vote split Labour and the Tories.")[0] == ("Labour", "Labour Party")
    turkey = gaz.find("Ankara said Turkey would not yield.")[1]
    assert (turkey.actor, turkey.ambiguous) == ("Turkey", False)


def test_a_common_word_opening_a_sentence_is_flagged(gaz):
    opening = gaz.find("Turkey prices doubled before the holiday.")[0]
    assert opening.ambiguous
    assert counted(gaz, "Turkey prices doubled before the holiday.") == []
    assert counted(gaz, "Turkey closed its border, the Turkish foreign ministry said.") == [
        "Turkey",
        "Turkey",
    ]


def test_lower_case_words_inside_a_name_match_either_case(gaz):
    assert actors(gaz, "the UN Refugee Agency said") == [("UN Refugee Agency", "UNHCR")]
    assert actors(gaz, "her Conservative party") == [("Conservative party", "Conservative Party")]


def test_ambiguous_names_are_flagged_and_need_corroboration(gaz):
    georgia = gaz.find("Georgia voters went to the polls.")
    assert [(m.actor, m.ambiguous) for m in georgia] == [("Georgia", True)]
    assert counted(gaz, "Georgia voters went to the polls.") == []
    assert counted(gaz, "Georgia Governor Brian Kemp signed the bill.") == []
    assert "Georgia" in counted(gaz, "Protesters in Georgia marched on parliament in Tbilisi.")
    assert counted(gaz, "Georgia's parliament passed the law.") == ["Georgia"]
    assert counted(gaz, "Jordan's King Abdullah met the envoy.") == ["Jordan"]
    assert counted(gaz, "Jim Jordan said the committee would meet.") == []
    assert counted(gaz, "Chad Smith said he would run.") == []


def test_a_name_two_actors_share_gives_both_flagged(gaz):
    congress = gaz.find("Congress passed the bill.")
    assert {(m.actor, m.kind) for m in congress} == {
        ("United States", INSTITUTION),
        ("Indian National Congress", PARTY),
    }
    assert all(m.ambiguous for m in congress)
    text = "Congress passed the bill, and the White House welcomed it."
    assert set(counted(gaz, text)) == {"United States"}
    text = "In India, Congress leaders criticised the BJP."
    assert "Indian National Congress" in counted(gaz, text)
    assert "United States" not in counted(gaz, text)


def test_acronyms_among_capitals_are_words(gaz):
    shouted = gaz.find("ANALYSTS WHO WANT US TO LOSE")
    assert [m.text for m in shouted] == ["WHO", "US"]
    assert all(m.ambiguous for m in shouted)
    assert [m.ambiguous for m in gaz.find("The WHO said the US agreed.")] == [False, False]


@pytest.mark.parametrize(
    ("phrase", "actor"),
    [
        ("Spanish Foreign Ministry spokesman", "Spain"),
        ("Kremlin spokesman", "Russia"),
        ("a senior US official", "United States"),
        ("U.S. Secretary of State", "United States"),
        ("NATO Secretary-General", "NATO"),
        ("Chilean Foreign Minister", "Chile"),
        ("Britain's Home Secretary", "United Kingdom"),
        ("Home Secretary", "United Kingdom"),
        ("the Chilean government", "Chile"),
        ("Labour MPs", "Labour Party"),
        ("Senate Republicans", "Republican Party"),
        ("European Commission spokesman", "European Union"),
        ("UN Secretary-General", "United Nations"),
        ("IAEA chief", "International Atomic Energy Agency"),
        ("a spokesman for Hamas", "Hamas"),
        ("the Pentagon press secretary", "United States"),
        ("Jordan's King", "Jordan"),
        ("President of Georgia", "Georgia"),
        ("Georgian Foreign Minister", "Georgia"),
        ("Turkey's foreign minister", "Turkey"),
        ("Taoiseach", "Ireland"),
        ("Georgia Governor", ""),
        ("the official", ""),
        ("a general strike", ""),
        ("Washington Post reporter", ""),
    ],
)
def test_a_title_names_its_actor(gaz, phrase, actor):
    assert gaz.actor_of_title(phrase) == actor


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("The IAEA said inspectors had left.", "International Atomic Energy Agency"),
        ("The UN nuclear watchdog said so.", "International Atomic Energy Agency"),
        ("MSF said its clinic was hit.", "Médecins Sans Frontières"),
        ("Doctors Without Borders said its clinic was hit.", "Médecins Sans Frontières"),
        ("HRW documented the abuses.", "Human Rights Watch"),
        ("Amnesty International called it a war crime.", "Amnesty International"),
        ("The ICC issued a warrant.", "International Criminal Court"),
        ("The ICJ ruled on Friday.", "International Court of Justice"),
        ("The UNHCR counted the arrivals.", "UNHCR"),
        ("The ECB held rates.", "European Union"),
        ("The Fed held rates.", "United States"),
        ("Opec+ agreed to cut output.", "OPEC"),
        ("The G-7 met in Italy.", "G7"),
        ("The Shanghai Cooperation Organization met.", "Shanghai Cooperation Organisation"),
        ("The ICRC delivered aid.", "International Committee of the Red Cross"),
        ("The Houthis fired a drone.", "Houthis"),
    ],
)
def test_organisations_answer_to_their_names_and_acronyms(gaz, sentence, actor):
    assert actor in counted(gaz, sentence)


@pytest.mark.parametrize(
    ("sentence", "party", "country"),
    [
        ("The GOP blocked it.", "Republican Party", "United States"),
        ("Democrats objected.", "Democratic Party", "United States"),
        ("The Lib Dems abstained.", "Liberal Democrats", "United Kingdom"),
        ("The SNP walked out.", "Scottish National Party", "United Kingdom"),
        ("The CDU and the SPD agreed.", "Christian Democratic Union", "Germany"),
        ("The AfD gained seats.", "Alternative for Germany", "Germany"),
        ("The BJP won the state.", "Bharatiya Janata Party", "India"),
        ("Likud lost two seats.", "Likud", "Israel"),
        ("The ANC lost its majority.", "African National Congress", "South Africa"),
        ("Morena swept the vote.", "Morena", "Mexico"),
        ("United Russia won.", "United Russia", "Russia"),
        ("The AKP and the CHP clashed.", "Justice and Development Party", "Turkey"),
        ("PiS lost power.", "Law and Justice", "Poland"),
        ("Fidesz won again.", "Fidesz", "Hungary"),
        ("Servant of the People holds a majority.", "Servant of the People", "Ukraine"),
        ("The PSOE and the PP negotiated.", "Spanish Socialist Workers' Party", "Spain"),
        ("Brothers of Italy leads the polls.", "Brothers of Italy", "Italy"),
        ("The NDP backed the bill.", "New Democratic Party", "Canada"),
        ("The Australian Labor Party won.", "Australian Labor Party", "Australia"),
        ("The LDP chose a new leader.", "Liberal Democratic Party", "Japan"),
        ("The Workers' Party of Brazil", "Workers' Party", "Brazil"),
        ("The National Rally surged.", "National Rally", "France"),
    ],
)
def test_parties_belong_to_their_country(gaz, sentence, party, country):
    found = [m for m in gaz.find(sentence) if m.kind == PARTY and m.actor == party]
    assert found
    assert found[0].country == country


def test_a_shared_party_nickname_is_flagged_for_each_country(gaz):
    tories = gaz.find("The Tories lost.")
    assert {m.country for m in tories} == {"United Kingdom", "Canada"}
    assert all(m.ambiguous for m in tories)
    assert gaz.canonical("Tories") == ""


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Kremlin", "Russia"),
        ("the Pentagon", "United States"),
        ("Britain's", "United Kingdom"),
        ("U.S.", "United States"),
        ("nato", "NATO"),
        ("Lib Dems", "Liberal Democrats"),
        ("MEPs", "European Union"),
        ("Labour", "Labour Party"),
        ("Tbilisi", "Georgia"),
        ("Congress", ""),
        ("Ruritania", ""),
    ],
)
def test_canonical_maps_any_name_to_its_actor(gaz, name, actor):
    assert gaz.canonical(name) == actor


# Ordinary sentences with words that are also names: none of them is about an actor.
ORDINARY = [
    "We roasted a turkey for twelve guests.",
    "She keeps the china plates in the cabinet.",
    "The unions called a general strike for Monday.",
    "Wages rose in the labour market last year.",
    "The conservative estimate puts the cost at a million.",
    "Georgia voters waited for hours at polling stations in Atlanta.",
    "Jordan scored thirty points in the final game.",
    "Chad and his brother opened a bakery.",
    "Victoria won the county's chess tournament.",
    "The liberal arts college raised its fees.",
    "He ordered french fries and a coke.",
    "Guinea pigs need fresh hay every day.",
    "The senate of the university met on Tuesday.",
    "The democratic process takes time, the teacher said.",
    "A new kingdom of board games opened downtown.",
    "The museum shows the Indian Ocean trade routes.",
    "The New Mexico legislature adjourned.",
    "The Washington Post published the letter.",
    "Her diet includes fish twice a week.",
    "The green party of hikers left at dawn.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_sentences_name_no_actor(gaz, sentence):
    assert [m for m in gaz.find(sentence) if not m.ambiguous] == []
    assert counted(gaz, sentence) == []


# --- The data file -------------------------------------------------------------------------------


def test_every_un_member_and_observer_is_present_once(gaz):
    status = Counter(c.status for c in gaz.countries)
    assert status["member"] == UN_MEMBERS
    assert status["observer"] == UN_OBSERVERS
    assert {"Taiwan", "Kosovo", "Hong Kong"} <= {c.name for c in gaz.countries}
    codes = [c.iso for c in gaz.countries if c.iso]
    assert len(codes) == len(set(codes))
    assert all(c.capital and c.demonyms for c in gaz.countries if c.status == "member")


def test_every_entry_has_a_unique_name():
    entries = [
        e
        for table in ("countries", "organisations", "institutions", "parties")
        for e in shipped().table(table)
    ]
    names = [e.get("name", "") for e in entries]
    assert all(names)
    assert len(names) == len(set(names))


def test_every_entry_belongs_to_a_known_actor(gaz):
    countries = {c.name for c in gaz.countries}
    owners = countries | {o.name for o in gaz.organisations}
    assert all(i.belongs_to in owners for i in gaz.institutions)
    assert all(p.country in countries for p in gaz.parties)
    assert all(o.country in countries for o in gaz.organisations if o.country)
    assert set(shipped().table("title_actors").values()) <= owners


def test_flags_name_forms_of_their_own_entry(gaz):
    for entry in (*gaz.countries, *gaz.organisations, *gaz.institutions, *gaz.parties):
        forms = {entry.name, *entry.aliases, *getattr(entry, "demonyms", ())}
        forms |= {getattr(entry, "capital", ""), *getattr(entry, "capital_aliases", ())}
        forms |= set(getattr(entry, "seats", ()))
        assert entry.ambiguous <= forms, entry.name
        assert entry.common_words <= forms, entry.name


def test_no_name_maps_to_two_actors_unless_flagged_in_each(gaz):
    for form, entries in gaz.forms().items():
        if len({e.actor for e in entries}) > 1:
            assert all(e.ambiguous for e in entries), form


def test_regular_plural_demonyms_are_present(gaz):
    """A person noun in -an or -i has its plural ("Americans", "Iraqis"); "I-Kiribati" has none."""
    for country in gaz.countries:
        for demonym in country.demonyms:
            if demonym.endswith(("an", "i")) and not demonym.endswith("man") and "-" not in demonym:
                assert demonym + "s" in country.demonyms, demonym


def test_every_kind_is_present(gaz):
    kinds = {e.kind for entries in gaz.forms().values() for e in entries}
    assert kinds == {COUNTRY, ORGANISATION, INSTITUTION, PARTY}


# --- Office titles, shared with speakers.py ------------------------------------------------------


def test_office_titles_are_plain_words_either_case_and_a_profile_may_add_one():
    titled = speech().titled
    assert titled.search("foreign minister Ana Ruiz").group("who") == "Ana Ruiz"
    assert titled.search("Secretary-General Mark Rutte").group("who") == "Mark Rutte"
    assert titled.search("Labour MP Jane Doe").group("who") == "Jane Doe"
    assert titled.search("Ombudsman Ana Ruiz") is None
    taught = shipped().extended({"office_titles": ["ombudsman"]})
    assert speech(taught).titled.search("Ombudsman Ana Ruiz").group("who") == "Ana Ruiz"
