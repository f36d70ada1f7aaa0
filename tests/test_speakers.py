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
