"""The seed brief's content is pinned: a change to it must be deliberate (tools/update_golden.py)."""

from golden import GOLDEN, outline


def test_seed_brief_matches_the_golden_outline():
    assert outline() == GOLDEN.read_text(encoding="utf-8"), (
        "the seed brief changed; if intended, run: python tools/update_golden.py"
    )
