"""Who says what: speakers named in attributions and the actor a name belongs to."""

from __future__ import annotations

import pytest

from briefing.profile import Actor
from briefing.speakers import actor_of, attribution, clean_name
from briefing.vocabulary import shipped


def test_quotes_keep_their_speaker(seed_model):
    peskov = [s for s in seed_model.statements() if "unacceptable" in s.text]
    assert peskov
    assert "Peskov" in peskov[0].text


def test_actor_of_prefers_the_example_of_a_group():

    actors = (Actor("NATO", ("Alliance",)), Actor("European allies", ("Hungary",)))
    assert (
        actor_of("Some NATO members, like Hungary, have openly opposed it.", actors)
        == "European allies"
    )
    assert actor_of("NATO said no.", actors) == "NATO"


def test_speaker_label_only_when_the_sentence_does_not_name_them(seed_model):
    for statement in seed_model.statements():
        if statement.speaker:
            assert statement.speaker.split()[-1] not in statement.text


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Boston Police Commissioner William Evans", "William Evans"),
        ("Majority Leader Damon Thayer", "Damon Thayer"),
        ("Secretary-General Mark Rutte", "Mark Rutte"),
        ("Mayor Helen Osei", "Helen Osei"),
        ("Donald Trump’s", ""),
        ("We’ve", ""),
        ("Sources", ""),
    ],
)
def test_speaker_names_are_people_not_titles(raw, name):

    assert clean_name(raw) == name


def test_a_profile_may_teach_a_speech_verb():
    sentence = "“We will not move,” Ana Ruiz quipped on the steps of the council."
    assert attribution(sentence) == ""
    taught = shipped().extended({"speech_verbs": ["quipped"]})
    assert attribution(sentence, taught) == "Ana Ruiz"


def test_a_place_in_a_phrase_is_no_speaker():
    assert attribution("A former official who has been in Ohio told me the race was close.") == ""
    assert attribution("Officials from Texas said the count would resume.") == ""
    assert attribution("Ohio told the court it would appeal.") == "Ohio"


def test_a_surname_is_completed_only_by_a_given_name():
    from types import SimpleNamespace

    from briefing.speakers import find_speakers

    texts = [
        "Reclusive North Korea said it would send athletes. The reclusive state has few allies.",
        "On Tuesday, the North said an orchestra would perform.",
        "From Tillerson came a warning from the capital.",
        "Tillerson said the North must choose dialogue.",
    ]
    candidates = [SimpleNamespace(text=t, index=k) for k, t in enumerate(texts)]
    speakers = find_speakers(candidates)
    assert speakers[1] == "North"  # not "Reclusive North", of "Reclusive North Korea"
    assert speakers[3] == "Tillerson"  # not "From Tillerson"
