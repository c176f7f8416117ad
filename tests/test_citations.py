"""Citation support: the check of ``eval briefs`` against 50 cited pairs judged by hand."""

from __future__ import annotations

import json
from pathlib import Path

from newsbrief.evaluate.briefs import CITATION_SUPPORT_SHARE, citation_support
from newsbrief.model import Article, KeySentence

CALIBRATION = Path(__file__).parent / "fixtures" / "citations_calibration.jsonl"


def _pairs() -> list[dict]:
    return [json.loads(line) for line in CALIBRATION.read_text(encoding="utf-8").splitlines()]


def test_calibration_set_is_fifty_hand_judged_pairs() -> None:
    pairs = _pairs()
    assert len(pairs) == 50
    assert {p["verdict"] for p in pairs} == {"same", "different"}
    assert len({p["story"] for p in pairs}) >= 5  # several stories, not one


def test_support_check_agrees_with_the_hand_verdicts() -> None:
    agree = 0
    for pair in _pairs():
        article = Article(
            id="a", text=pair["article_sentence"], sentences=(pair["article_sentence"],)
        )
        _, supported = citation_support(KeySentence(pair["key_sentence"], ("a",)), {"a": article})
        agree += bool(supported) == (pair["verdict"] == "same")
    # 37 of 50 at the calibrated share (the hardest pairs: every cited sentence differs
    # from the key sentence); a threshold far off loses most of that.
    assert agree >= 37, (agree, CITATION_SUPPORT_SHARE)


def test_a_citation_of_an_article_that_never_says_it_does_not_hold() -> None:
    key = KeySentence("Canada moves 500 troops from Iraq to Kuwait.", ("a", "b"))
    articles = {
        "a": Article(id="a", text="Canada moved its troops from Iraq to Kuwait on Tuesday."),
        "b": Article(id="b", text="Hockey night in Kimberley ended in a draw."),
    }
    assert citation_support(key, articles) == (2, 1)
