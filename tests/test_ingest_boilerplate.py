"""News cleaning after extraction: furniture lines go, story lines that mention the same
words stay."""

from __future__ import annotations

from newsbrief.config import IngestConfig
from newsbrief.ingest.boilerplate import clean_extracted_lines, is_furniture

STORY = [
    "Canada moves troops from Iraq to Kuwait",  # the headline, as trafilatura keeps it
    "Canada is moving some of its troops out of Iraq to Kuwait for their safety.",
    "Story continues below advertisement",
    "The chief of the defence staff said about 500 personnel were in Iraq.",
    "Sign up for our daily newsletter",
    "READ MORE: Iran fires missiles at bases housing U.S. troops",
    "(Photo: Canadian Armed Forces)",
    "A spokesperson said the advertisement campaign for recruits would continue next year.",
    "Related",
    "Trudeau speaks with Iraqi prime minister",
    "What the Iran crisis means for Canada",
    "The move is temporary, officials said.",
    "- Canada's mission in Iraq explained in five charts",
    "- Who are the Canadian soldiers in Kuwait",
]


def test_furniture_lines_are_dropped_and_story_kept() -> None:
    kept = clean_extracted_lines(STORY, IngestConfig(), title=STORY[0])
    assert kept == [
        "Canada is moving some of its troops out of Iraq to Kuwait for their safety.",
        "The chief of the defence staff said about 500 personnel were in Iraq.",
        "A spokesperson said the advertisement campaign for recruits would continue next year.",
        "The move is temporary, officials said.",
    ]


def test_cleaning_can_be_switched_off() -> None:
    kept = clean_extracted_lines(STORY, IngestConfig(html_news_cleaning=False))
    assert kept == STORY


def test_long_lines_are_story_whatever_they_mention() -> None:
    line = (
        "Subscribers to the newsletter were told on Tuesday that the ministry would share "
        "the figures with parliament before the troops were moved to Kuwait this week."
    )
    assert not is_furniture(line)
    assert is_furniture("Share this article")
    assert is_furniture("Follow us on Twitter")


def test_a_long_trailing_list_belongs_to_the_story() -> None:
    teams = [f"- Team number {n} of the qualified group" for n in range(12)]
    lines = ["Twenty teams have qualified for the tournament so far.", *teams]
    assert clean_extracted_lines(lines, IngestConfig()) == lines
