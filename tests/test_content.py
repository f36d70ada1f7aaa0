"""What an analyst would strike out of a brief, on small corpora of no topic the engine knows, with
no profile: statements that lean on an unseen sentence, restatements, wrong actors, sections
without fitting material, sources that differ shown as agreeing, key points that miss the story,
titles that are word lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.actors import Actors
from briefing.pipeline import Options, build_brief
from briefing.profile import Profile
from briefing.sections import merge_name_forms
from briefing.standalone import leans_on_previous, unattributed_voice

DAY = date(2025, 3, 12)


def write(folder: Path, articles: dict[str, str]) -> Path:
    for n, (name, text) in enumerate(articles.items()):
        (folder / f"{n:02d}.md").write_text(
            f'---\ntitle: "{name}"\noutlet: "Outlet {n}"\ndate: 2025-03-1{n}\n---\n{text}\n',
            encoding="utf-8",
        )
    return folder


def brief_of(folder: Path, **options):
    return build_brief(Options(sources=folder, day=DAY, **options))


def headings(brief) -> dict[str, list[str]]:
    positions = next((s for s in brief.sections if s.key == "positions"), None)
    if positions is None:
        return {}
    return {g.actor: [s.quoted for s in g.statements] for g in positions.groups}


# --- statements that lean on a sentence the brief left out -----------------------------------

DEPENDENT = [
    "This will shatter the council's hopes for a quick deal.",
    "“Such a gesture before the election would anger voters,” said a party official.",
    "The decision will take time and will only be raised next year, believes another.",
    "Transport Minister Ana Ruiz said it should happen now.",
    '"The best way to do that is to raise the toll," said the official.',
    "However, several councillors said there was no consensus.",
    "He told reporters on Monday that the vote would go ahead.",
    "The man was taken to hospital after the crash.",
    "At the time, the mayor said the bridge was safe.",
    "In the call, he explained his decision to leave the race.",
    "The proposal was backed by the latter.",
    "It was warm to the touch.",
    "During 14 years as governor, he called for lower bridge tolls.",
    "When dry times arrive, more of the riverbed will be exposed, he said.",
    "Ultimately, it was decided that he should repay the council.",
    "The author is a contributor to the paper.",
    "Or there could be silence from the council for weeks.",
    'Asked if it might be her, she replied: "Not me, but someone will be."',
    "Speaking in Brussels, he said the bridge would close.",
    "Shortly thereafter, the council voted to close the bridge.",
    "If that works, the bridge will reopen in May.",
    "The 23-year-old was arrested after police were alerted by a neighbour.",
]
STANDALONE = [
    "It is unclear whether the regional board will approve the toll.",
    "The Riverside council voted 5-4 on Monday to study a toll on the Old Mill bridge.",
    "Spain's foreign ministry said it would publish the study next month.",
    "The former president, Ana Ruiz, said the bridge would be rebuilt.",
    "A senior transport official said the board would meet on Tuesday.",
    "Mayor Helen Osei said the toll was the only way to pay for the repair.",
    "It is difficult to say when the bridge will reopen.",
    "A mother is upset after she says the toll doubled her commute.",
    "When this year began, the council had no money for the bridge.",
]


def test_sentences_that_lean_on_the_one_before_are_told_apart():
    assert [s for s in DEPENDENT if not leans_on_previous(s)] == []
    assert [s for s in STANDALONE if leans_on_previous(s)] == []


UNATTRIBUTED = [
    "Nobody on the east bank thinks we are going to lose the vote.",
    "I apologize for this being the first time I address you in print.",
    "The safety of our passengers is paramount, the statement read.",
    "The council's new ferry timetable is out, and you can read it below.",
]
ATTRIBUTED = [
    'We will win the vote," Osei said.',
    "We will win the vote,” Osei said.",
    "As I told the council, the bridge will close, Ruiz said.",
    "Kofi Osei told us the bridge would close.",
    "His spokesman tells us the bridge will close on Monday.",
    "The US embassy said the vote would go ahead.",
    "World War I veterans marched across the bridge on Monday.",
    "You cannot fix the bridge without money, the mayor said.",
]


def test_words_in_someone_s_own_voice_need_the_speaker_named():
    assert [s for s in UNATTRIBUTED if not unattributed_voice(s)] == []
    assert [s for s in ATTRIBUTED if unattributed_voice(s)] == []


def test_a_quotation_cut_by_the_splitter_is_no_statement_of_the_outlet(tmp_path):
    write(
        tmp_path,
        {
            "East bank residents confident": (
                "The regional board meets on Tuesday to vote on the Old Mill bridge toll. "
                '"We have the votes. Nobody on the east bank thinks we are going to lose the '
                'toll vote on Tuesday. We will win it," said Helen Osei, who leads the residents. '
                "The toll would raise $4 million a year for the repair of the bridge."
            ),
            "Toll vote looms": (
                "The regional board votes on the Old Mill bridge toll on Tuesday. Nobody on the "
                "east bank thinks we are going to lose the toll vote on Tuesday. The board's "
                "chair said the result was open."
            ),
        },
    )
    quoted = [s.quoted for s in brief_of(tmp_path).statements()]
    assert quoted
    assert not [q for q in quoted if q.startswith("Nobody on the east bank")]


def test_a_leaning_statement_comes_with_the_sentence_it_needs_or_not_at_all(tmp_path):
    write(
        tmp_path,
        {
            "Board set to reject bridge toll": (
                "The regional board is unlikely to approve the Old Mill bridge toll at its meeting "
                "on Tuesday, three board members said. This will shatter the council's hopes for "
                "a quick repair of the bridge before the summer. The toll would raise $4 million a "
                "year for the repair, according to the council's own study."
            ),
            "Toll vote looms": (
                "The regional board meets on Tuesday to vote on the Old Mill bridge toll. Board "
                "members have signalled they will vote against it. This will shatter the council's "
                "hopes for a quick repair. Residents of the east bank oppose the toll."
            ),
        },
    )
    brief = brief_of(tmp_path)
    for s in brief.statements():
        if s.text.startswith("This will shatter"):
            assert s.context  # shown with the sentence that says what "this" is
        assert not leans_on_previous(s.quoted) or s.context


# --- the same point made three times -----------------------------------------------------------


def test_the_same_point_in_other_words_is_made_once(tmp_path):
    write(
        tmp_path,
        {
            "Board unlikely to back toll": (
                "The regional board is unlikely to approve the Old Mill bridge toll at Tuesday's "
                "meeting. Engineers said the bridge can carry traffic until the autumn."
            ),
            "Toll decision put off": (
                "Board members are expected to hold off on the bridge toll during their meeting on "
                "Tuesday. The city has already closed one lane of the bridge."
            ),
            "Slim chances for the toll": (
                "The toll's chances of approval at the Tuesday meeting are slim, board members "
                "say. Cyclists have asked for a separate lane on the repaired bridge."
            ),
        },
    )
    brief = brief_of(tmp_path)
    about_the_vote = [
        s.quoted
        for s in brief.statements()
        if "Tuesday" in s.quoted and ("toll" in s.quoted or "bridge" in s.quoted)
    ]
    assert len(about_the_vote) == 1, about_the_vote


# --- actors ---------------------------------------------------------------------------------------


def test_actors_are_countries_and_institutions_told_by_titles_and_roles(tmp_path):
    write(
        tmp_path,
        {
            "Chile presses Britain over detained former ruler": (
                "The Chilean government has urged Britain to release the former ruler on "
                "humanitarian grounds. “We ask for his immediate return,” Spanish Foreign Ministry "
                "spokesman Joaquin Perez said of a separate extradition request. A senior US "
                "official said Washington would not take sides in the dispute. “This is a matter "
                "for the courts,” said the official. British Home Secretary Jack Straw said he "
                "would decide on the case within weeks."
            ),
            "Extradition fight goes to court": (
                "Chilean Foreign Minister Jose Miguel Insulza said the arrest violated Chile's "
                "sovereignty. Spain's foreign ministry said it would press its request in the "
                "London court. The former ruler's lawyers told The Daily Chronicle that he was too "
                "ill to travel."
            ),
        },
    )
    actors = headings(brief_of(tmp_path))
    for actor, statements in actors.items():
        if any("Chilean government has urged" in s for s in statements):
            assert actor == "Chile"
        if any("Joaquin Perez" in s for s in statements):
            assert actor == "Spain"
        if any("senior US official" in s for s in statements):
            assert actor == "United States"
    assert "The Daily Chronicle" not in actors  # a newspaper reports positions, it holds none
    assert all("," not in actor for actor in actors)


def test_an_actor_named_as_an_object_or_in_a_quotation_is_not_the_statement_s_actor(tmp_path):
    write(
        tmp_path,
        {
            "Bakery refuses flag cake": (
                "A Louisiana supermarket refused to bake a cake with a Confederate flag on it. "
                "Chuck Netzhammer, a local resident, posted a video on Friday, saying, “Alright, "
                "you baked me one with the flag of Russia but not this one.” Netzhammer shows the "
                "Russia flag cake to the camera with the rejection letter. The store apologized "
                "on Sunday and said it would review its policy on flag cakes."
            ),
            "Store apologizes": (
                "The supermarket chain apologized for baking a cake with a Russian flag after "
                "refusing one with a Confederate flag. Netzhammer said the store's policy was "
                "inconsistent. The chain said it would review how its bakeries handle orders."
            ),
        },
    )
    from briefing.corpus import load_corpus
    from briefing.profile import load_profile
    from briefing.sections import gather

    corpus = load_corpus(tmp_path, until=DAY)
    material = gather(corpus.articles, load_profile(None), DAY)
    actors = {c.text: material.actors.of(i) for i, c in enumerate(material.engine.candidates)}
    netzhammer = {text: actor for text, actor in actors.items() if "Netzhammer" in text}
    assert len(netzhammer) == 3
    assert "Russia" not in netzhammer.values(), netzhammer


def test_one_person_is_one_actor_under_every_form_of_the_name(tmp_path):
    write(
        tmp_path,
        {
            "Defector speaks": (
                "Chun Hae-sung, a former North Korean diplomat, said the regime was running out of "
                "money. “They cannot pay the embassies any more,” Chun said in an interview."
            ),
            "Defector's account questioned": (
                "Officials in Seoul said they could not confirm the account Chun Hae-sung gave. "
                "Chun said he fled with his family in 2023."
            ),
        },
    )
    actors = headings(brief_of(tmp_path))
    assert not ({"Chun", "Chun Hae-sung"} <= set(actors))


# --- sections that fit their material -----------------------------------------------------------


def test_a_company_with_and_without_its_legal_form_is_one_actor():
    texts = [
        "The plant's operator Harbour Power Co said in a statement that power would return by "
        "Friday.",
        "Harbour Power said it believed the repair would be finished within the week.",
        "Harbour Power Co said its crews had replaced forty pylons.",
    ]
    speakers = {0: "Harbour Power Co", 1: "Harbour Power", 2: "Harbour Power Co"}
    actors = Actors(texts, [0, 1, 2], speakers, Profile(), 3)
    assert {actors.of(i) for i in range(3)} == {"Harbour Power"}


def test_an_office_holder_speaks_for_the_body_even_when_named_everywhere():
    texts = [
        "The boy was found behind a closet, Harbourtown Police Chief Ana Ruiz said on Monday.",
        "Ruiz said the boy's mother had called the police on Friday night.",
        "Officers went back to the house twice, Ruiz said.",
    ]
    speakers = {0: "Ana Ruiz", 1: "Ana Ruiz", 2: "Ana Ruiz"}
    actors = Actors(texts, [0, 1, 2], speakers, Profile(), 3)
    assert {actors.of(i) for i in range(3)} == {"Harbourtown Police"}


def test_a_short_form_of_an_actor_s_name_is_grouped_under_the_full_name():
    assert merge_name_forms(["County Police", "Clayton County Police", "Porter", "Others"]) == [
        "Clayton County Police",
        "Clayton County Police",
        "Porter",
        "Others",
    ]


def test_no_aid_section_without_aid_given_or_asked_for(tmp_path):
    write(
        tmp_path,
        {
            "Economy shrinks as floods hit": (
                "The economy shrank by 2 percent in the last quarter, the statistics office said. "
                "Floods killed 45 people and caused $3 billion in damage, officials said. The "
                "finance minister said growth would return by the end of the year."
            ),
            "Flood toll rises": (
                "The death toll from the floods rose to 52 on Tuesday. Damage to roads and "
                "bridges is estimated at $3.2 billion, the transport ministry said."
            ),
        },
    )
    brief = brief_of(tmp_path)
    assert "aid" not in [s.key for s in brief.sections]


def test_open_questions_hold_only_what_is_unresolved(tmp_path):
    write(
        tmp_path,
        {
            "Council weighs toll": (
                "The Riverside council voted 5-4 on Monday to study a toll on the Old Mill bridge. "
                "It is unclear whether the regional board will approve the toll. The mayor said "
                "the toll could raise $4 million a year for the repair. Officials would not say "
                "when the vote would take place. Some residents fear the toll may push traffic "
                "onto side streets."
            ),
            "Bridge repair costs climb": (
                "The cost of repairing the Old Mill bridge has risen to $48 million, engineers "
                "said. The council has not yet decided whether to close the bridge during the "
                "works. Cyclists asked for a separate lane on the repaired bridge. The bridge "
                "carries 30,000 cars a day, twice as many as when it opened in 1962. Work on the "
                "east bank ramp began in January and will end in May. Shops on Mill Street "
                "reported fewer customers since one lane was closed."
            ),
        },
    )
    brief = brief_of(tmp_path)
    open_questions = next((s for s in brief.sections if s.key == "open_questions"), None)
    assert open_questions is not None
    for s in open_questions.all_statements():
        assert any(m in s.quoted for m in ("whether", "would not say", "unclear")), s.quoted


def test_no_comment_is_no_open_question_and_the_outlook_is_what_lies_ahead(tmp_path):
    write(
        tmp_path,
        {
            "Council weighs toll": (
                "The Riverside council voted 5-4 on Monday to study a toll on the Old Mill bridge. "
                "A council spokeswoman declined to comment on the toll. The mayor could not be "
                "reached for comment on Monday. Inside a toolbox next to the east ramp, engineers "
                "found rusted bolts. Shop owners said the closure made it hard to meet their "
                "monthly sales targets. “This Bridge Will Stand,” read a banner on the railing. "
                "Riverside's regional board will vote on the toll on 20 March."
            ),
            "Repair costs climb": (
                "The cost of repairing the Old Mill bridge has risen to $48 million, engineers "
                "said. It is unclear whether the regional board will approve the toll. The "
                "council is expected to publish the engineers' report next month."
            ),
        },
    )
    brief = brief_of(tmp_path)
    by_section = {s.key: [t.quoted for t in s.all_statements()] for s in brief.sections}
    for text in by_section.get("open_questions", []):
        assert "declined to comment" not in text, text
        assert "could not be reached" not in text, text
    outlook = by_section.get("outlook", [])
    assert any("20 March" in t or "next month" in t for t in outlook)
    for text in outlook:
        assert not any(w in text for w in ("toolbox", "sales targets", "banner")), text


def test_amounts_are_compared_by_value():
    from briefing.text import amounts

    assert amounts("He will forfeit $41m (£31.5m)") == ["41000000", "31500000"]
    assert amounts("about $41 million, 3,500 people and 4.9 points") == ["41000000", "3500", "4.9"]


# --- sources that differ ------------------------------------------------------------------------


def test_sources_that_give_different_numbers_are_shown_side_by_side(tmp_path):
    write(
        tmp_path,
        {
            "North to send athletes": (
                "North Korea will send a delegation of more than 400 people to the Games next "
                "month, the unification ministry said. The two Koreas will march under one flag."
            ),
            "Delegation announced": (
                "North Korea will send a delegation of 550 people to the Games next month, the "
                "unification ministry said. Talks on a joint team continue."
            ),
        },
    )
    brief = brief_of(tmp_path)
    delegation = [s for s in brief.statements() if "delegation of" in s.quoted]
    shown = " ".join(s.quoted for s in delegation)
    assert "400" in shown
    assert "550" in shown
    marked = [s for s in delegation if s.variants]
    assert marked
    assert "Sources differ" in marked[0].note
    assert "Reported by" not in marked[0].note


def test_reworded_accounts_that_agree_on_one_figure_and_differ_on_another_are_shown_both(tmp_path):
    write(
        tmp_path,
        {
            "Ferry company's takings": (
                "Over two years the ferry company sold tickets worth $1.2 billion and paid $80 "
                "million in harbour fees, the auditors wrote. The company runs twelve boats."
            ),
            "Audit published": (
                "The audit found the ferry company sold tickets worth over $1.6 billion, paying "
                "$80 million in harbour fees over two years. Its chief executive declined to "
                "comment."
            ),
        },
    )
    tickets = [s for s in brief_of(tmp_path).statements() if "$80" in s.quoted]
    shown = " ".join(s.quoted for s in tickets) + " ".join(
        v.quoted for s in tickets for v in s.variants
    )
    assert "$1.2 billion" in shown
    assert "$1.6 billion" in shown
    assert [s for s in tickets if s.variants and "Sources differ" in s.note]


def test_one_fact_reported_in_other_words_counts_as_corroborated_and_only_that(tmp_path):
    write(
        tmp_path,
        {
            "Council approves repair": (
                "The council announced on Monday an additional repair of the Old Mill bridge, "
                "valued at $14.5 million and including new cables, according to Mayor Helen Osei. "
                "Work starts in May. Kent Craford said closing the "
                "bridge for 18 months is a bad idea. The council's maternal health budget is 167 "
                "dollars per resident."
            ),
            "Bridge to close": (
                "As traffic grows, the council has announced an additional $14.5 million repair "
                "package for the Old Mill bridge, including new piers. Shop owner Delynn Ruiz said closing the bridge "
                "for 18 months is silly. The regional health budget is 174 dollars per resident."
            ),
        },
    )
    brief = brief_of(tmp_path)
    by_text = {s.quoted: s for s in brief.statements()}
    repair = next(s for text, s in by_text.items() if "$14.5 million" in text)
    assert repair.reported_by == 2  # the same figure, the same repair, other words
    assert len(repair.citation.references) == 2
    # Two people saying alike things are two voices; other figures are not a confirmation.
    for text, statement in by_text.items():
        if "18 months" in text or "per resident" in text:
            assert statement.reported_by == 1, text


def test_lines_in_capitals_are_headlines_not_statements(tmp_path):
    write(
        tmp_path,
        {
            "Bridge shut": (
                "The Old Mill bridge was shut on Monday after engineers found cracks in two of its "
                "piers. THE CRACKS, THE RUST, THE CABLES, EVERYWHERE. The council said the bridge "
                "would stay shut until the piers are repaired."
            ),
            "Cracks found": (
                "Engineers found cracks in the piers of the Old Mill bridge, the council said. "
                "BREAKING NEWS: BRIDGE CLOSED UNTIL FURTHER NOTICE. Repairs could take a year."
            ),
        },
    )
    brief = brief_of(tmp_path)
    assert brief.statements()
    assert not [
        s.quoted for s in brief.statements() if "EVERYWHERE" in s.quoted or "BREAKING" in s.quoted
    ]


def test_headlines_captions_and_the_writer_s_questions_are_not_statements(tmp_path):
    write(
        tmp_path,
        {
            "Ferry terminal approved": (
                "Harbour Board Finally Gets Its Ferry Terminal!\n\n"
                "Harbourtown's harbour board approved a second ferry terminal on Monday after two years of "
                "planning. Who is the engineer behind the biggest project the harbour has seen? "
                "The terminal will double the number of daily crossings to the islands, the board "
                "said. “Will anyone still take the old coast road?” a resident asked at the "
                "meeting.\n\n"
                "“We waited two years for this.” Capt. Ana Ruiz, Harbourtown (Ore.)\n\n"
                "Residents of the old town warned that traffic would grow on the narrow coast road."
            ),
            "Board backs terminal": (
                "Harbourtown's harbour board voted 5-2 on Monday to build a second ferry terminal. What do "
                "the ferry and the tram have in common? Both were planned by the same engineer, "
                "the board said."
            ),
        },
    )
    quoted = [s.quoted for s in brief_of(tmp_path).statements()]
    assert any("a second ferry terminal" in q for q in quoted)
    assert not [q for q in quoted if "Finally Gets" in q or "Capt. Ana Ruiz, Harbourtown" in q]
    assert not [q for q in quoted if "Who is the engineer" in q or "What do the ferry" in q]


# --- key points and title -----------------------------------------------------------------------


def test_key_points_state_the_central_event(tmp_path):
    write(
        tmp_path,
        {
            "Former ruler detained in London": (
                "British police arrested the former ruler in a London clinic on Friday at the "
                "request of a Spanish judge. His wife appealed for his release on health grounds. "
                "A bank froze accounts linked to his family last year."
            ),
            "Arrest in London": (
                "The former ruler was arrested in London on Friday on a Spanish warrant, police "
                "said. The arrest came as he recovered from back surgery."
            ),
            "Reaction to the arrest": (
                "Supporters protested outside the clinic where the former ruler was arrested on "
                "Friday. A bank spokesman declined to comment on the accounts."
            ),
        },
    )
    brief = brief_of(tmp_path)
    key_points = " ".join(s.quoted for s in brief.section("key_points").all_statements())
    assert "arrested" in key_points
    assert 3 <= len(brief.section("key_points").statements) <= 5


def test_title_is_a_headline_or_the_subject_never_a_list_of_words(tmp_path):
    (tmp_path / "a.txt").write_text(
        "The Riverside council voted on Monday to study a toll on the Old Mill bridge. Mayor "
        "Helen Osei said the Old Mill bridge toll was the only way to pay for the repair.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Residents packed the hall as the council debated the Old Mill bridge toll. Helen Osei's "
        "plan would charge drivers $2 a crossing.",
        encoding="utf-8",
    )
    brief = build_brief(Options(sources=tmp_path, day=DAY, include_undated=True))
    assert not brief.title.startswith("Briefing:")
    assert "," not in brief.title
    assert " and " not in brief.title
