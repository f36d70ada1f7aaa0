"""The topic profile: read from brief.toml, checked, with generic defaults."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from briefing.errors import ProfileError
from briefing.profile import load_profile
from briefing.vocabulary import shipped


def test_seed_profile_holds_the_topic():
    profile = load_profile(SEEDS / "brief.toml")
    assert profile.title == "Ukraine's bid for a NATO invitation"
    ukraine = next(a for a in profile.actors if a.name == "Ukraine")
    assert {"Zelensky", "Zelenskyy", "Sybiha", "Sybiga"} <= set(ukraine.aliases)
    assert profile.section_title("aid") == "Military aid"
    assert "thaad" in profile.section_cues("aid")


def test_no_profile_gives_generic_defaults():
    profile = load_profile(None)
    assert profile.title == ""
    assert profile.actors == ()
    assert profile.section_title("positions") == "Positions"
    assert profile.section_cues("open_questions") == tuple(
        shipped().table("section_cues")["open_questions"]
    )
    assert profile.vocabulary is shipped()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title = ", "not valid TOML"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("[[actors]]\naliases = ['x']", "needs a name"),
        ("[sections.weather]\ncues = ['rain']", "unknown section 'weather'"),
        ("title = 3", "'title' must be text"),
        ("[vocabulary]\nspeach_verbs = ['quipped']", "unknown vocabulary list 'speach_verbs'"),
        ("[vocabulary]\nspeech_verbs = 'quipped'", "must be a list"),
    ],
)
def test_bad_profile_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "brief.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message) as error:
        load_profile(path)
    assert str(path) in str(error.value)


def test_a_profile_extends_or_replaces_the_shipped_vocabulary(tmp_path):
    path = tmp_path / "brief.toml"
    path.write_text(
        '[vocabulary]\nspeech_verbs = ["quipped"]\n\n[vocabulary.replace]\nitem_heads = ["vaccines?"]\n',
        encoding="utf-8",
    )
    vocab = load_profile(path).vocabulary
    assert vocab.words("speech_verbs")[-1] == "quipped"
    assert set(shipped().words("speech_verbs")) < set(vocab.words("speech_verbs"))
    assert vocab.words("item_heads") == ("vaccines?",)
    assert "quipped" not in shipped().words("speech_verbs")  # the shipped lists stay as they are
