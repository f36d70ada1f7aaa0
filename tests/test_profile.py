"""The topic profile: read from brief.toml, checked, with generic defaults."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from briefing.errors import ProfileError
from briefing.profile import DEFAULT_TITLES, load_profile, slugify


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
    assert profile.section_title("positions") == DEFAULT_TITLES["positions"]
    assert profile.section_cues("open_questions")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title = ", "not valid TOML"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("[[actors]]\naliases = ['x']", "needs a name"),
        ("[sections.weather]\ncues = ['rain']", "unknown section 'weather'"),
        ("title = 3", "'title' must be text"),
    ],
)
def test_bad_profile_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "brief.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message) as error:
        load_profile(path)
    assert str(path) in str(error.value)


def test_slugify():
    assert slugify("Ukraine's bid for a NATO invitation") == "ukraines-bid-for-a-nato-invitation"
    assert slugify("Žižek & co: über alles!") == "zizek-co-uber-alles"
    assert slugify("!!!") == "brief"
