"""Timelines of the seed event and of a story from many dated articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from newsbrief import nlp
from newsbrief.config import TimelineConfig
from newsbrief.ingest import read_sources
from newsbrief.model import Article, Event, TimelineEntry
from newsbrief.summarize.candidates import candidate_sentences, is_caption, is_chronology
from newsbrief.timeline import (
    build_story_timeline,
    build_timeline,
    date_sentences,
    story_keywords,
)
from newsbrief.timeline_text import clean_sentence, split_ptb_sentences, stands_alone


@pytest.fixture(scope="module")
def seed_timeline(seeds_dir: Path) -> tuple[tuple[TimelineEntry, ...], tuple[Article, ...]]:
    articles = tuple(a for a in read_sources([seeds_dir]) if isinstance(a, Article))
    assert len(articles) == 5
    return build_timeline(Event("seeds", articles), TimelineConfig()), articles


def _report_timeline(article: Article) -> tuple[TimelineEntry, ...]:
    """The timeline of an event of one report, with the default settings."""
    return build_timeline(Event("e", (article,)), TimelineConfig())


def entry_on(entries: tuple[TimelineEntry, ...], day: dt.date) -> TimelineEntry:
    found = [e for e in entries if e.date == day and e.precision == "day"]
    assert found, f"no entry on {day}: {[(e.date, e.text[:40]) for e in entries]}"
    return found[0]


def test_seed_timeline_has_the_days_of_the_story(seed_timeline) -> None:  # type: ignore[no-untyped-def]
    entries, _ = seed_timeline
    assert "parliament" in entry_on(entries, dt.date(2020, 1, 5)).text.lower()
    assert "Monday" in entry_on(entries, dt.date(2020, 1, 6)).text
    assert "Vance" in entry_on(entries, dt.date(2020, 1, 7)).text
    for day in (5, 6, 7):  # reported on January 6 and 7: the story's own news
        assert entry_on(entries, dt.date(2020, 1, day)).kind == "development"
    assert [e.date for e in entries] == sorted(e.date for e in entries)


def test_seed_timeline_puts_older_context_in_the_background(seed_timeline) -> None:  # type: ignore[no-untyped-def]
    entries, _ = seed_timeline
    # The drone strike (January 2-3) happened days before the first report (January 6):
    # the context of the troops' move, not its news.
    strike = [e for e in entries if e.date in (dt.date(2020, 1, 2), dt.date(2020, 1, 3))]
    assert strike and all(e.kind == "background" for e in strike)
    assert any("drone" in e.text for e in strike)
    background = [e for e in entries if e.kind == "background"]
    assert 0 < len(background) <= TimelineConfig().max_background
    assert all(e.date < dt.date(2020, 1, 4) for e in background)
    # A date known to the month or the year keeps that precision.
    assert all(
        e.precision in ("month", "year")
        for e in entries
        if e.date.day == 1 and e.date.month in (1, 10) and e.date.year < 2020
    )


def test_seed_entries_are_cited_by_the_reports_that_state_them(seed_timeline) -> None:  # type: ignore[no-untyped-def]
    entries, articles = seed_timeline
    # Monday's entry (Sajjan spoke with Stoltenberg) is in one report only; two more
    # date other news to Monday and had been cited beside it.
    monday = entry_on(entries, dt.date(2020, 1, 6))
    (stating,) = (a.id for a in articles if "Stoltenberg" in a.text)
    assert monday.sources == (stating,)
    # 002 is an undated re-translation of 001: credited on Vance's day through its wording.
    retranslation = next(
        a.id for a in articles if a.title == "Canada Moves Soldiers From Iraq To Kuwait"
    )
    assert retranslation in entry_on(entries, dt.date(2020, 1, 7)).sources
    # Undated articles resolve no relative dates of their own ("on Monday"): every day of
    # the story (January 2020) is dated by at least one dated article.
    undated = {a.id for a in articles if a.date is None}
    for entry in entries:
        if entry.date >= dt.date(2020, 1, 1) and entry.precision == "day":
            assert set(entry.sources) - undated, entry


def test_undated_event_has_no_guessed_days() -> None:
    article = Article(id="a", text="The parliament voted on Sunday to expel foreign troops.")
    assert _report_timeline(article) == ()


def test_a_chronologys_items_run_on_in_the_year_of_its_first() -> None:
    # Timeline17 (a Reuters factbox on the BP spill, filed 11 January 2011): items after
    # "April 20, 2010 - ..." were dated 2011 and shown as plans ("May 11/12 - Executives
    # ... appear at congressional hearings": 2011-05-11, scheduled).
    article = Article(
        id="a",
        date=dt.date(2011, 1, 11),
        text=(
            "The BP oil spill killed 11 workers, Reuters reported on Tuesday. "
            "April 20, 2010 - Explosion and fire on BP's Deepwater Horizon rig kills 11 "
            "workers. May 11/12 - Executives from BP, Transocean and Halliburton appear at "
            "congressional hearings in Washington. Oct. 4 - BP says it is to raise 2 billion "
            "euros via a bond issue to help pay for the spill. Jan. 6 - A presidential panel "
            "says the blowout was avoidable and blames a series of decisions."
        ),
    )
    days = {e.date for e in _report_timeline(article) if e.precision == "day"}
    assert {dt.date(2010, 5, 11), dt.date(2010, 10, 4), dt.date(2011, 1, 6)} <= days
    assert not {dt.date(2011, 5, 11), dt.date(2011, 10, 4), dt.date(2010, 1, 6)} & days
    # A year's heading starts the run anew (DUC 2007 D0711C, the AP's Microsoft milestones:
    # "1997:", "Dec. 17 - ...", "1998:", "Jan. 22 - ..." is January 1998).
    milestones = Article(
        id="b",
        date=dt.date(1999, 11, 5),
        text=(
            "Here are the milestones in Microsoft's antitrust dealings with the government:\n\n"
            "1997:\n\nDec. 17 - The Justice Department asks Jackson to hold Microsoft in "
            "contempt.\n\n1998:\n\nJan. 22 - The Justice Department and Microsoft reach a "
            "settlement on the pending contempt charge."
        ),
    )
    days = {e.date for e in _report_timeline(milestones) if e.precision == "day"}
    assert days == {dt.date(1997, 12, 17), dt.date(1998, 1, 22)}
    # A run with no year written starts in the year its first item is read in; a later
    # item's future moves it no year on, and its bullet and day leave the entry's text
    # (Timeline17: a factbox of 11 May 2010 in PTB tokens, "* April 30 - ... will pay").
    bullets = Article(
        id="c",
        date=dt.date(2010, 5, 11),
        text=(
            "The spill is the worst in the Gulf in decades .\n\n* April 26 - BP 's shares "
            "fall 2 percent on fears about the cost of the cleanup .\n\n* April 30 - BP says "
            "it will pay all legitimate claims and the cost of the cleanup .\n\n* May 1 - "
            "Coast Guard says the leak will affect the Gulf shore ."
        ),
    )
    entries = {e.date: e.text for e in _report_timeline(bullets) if e.precision == "day"}
    assert set(entries) == {dt.date(2010, 4, 26), dt.date(2010, 4, 30), dt.date(2010, 5, 1)}
    assert entries[dt.date(2010, 5, 1)] == "Coast Guard says the leak will affect the Gulf shore."


def test_a_sentence_with_a_character_lost_in_decoding_is_no_entry() -> None:
    # A JSONL record's lone surrogate ("\\udfff"), replaced on ingest by U+FFFD: the
    # sentence beside it dates the same day and is the entry.
    article = Article(
        id="a",
        date=dt.date(2020, 1, 8),
        text=(
            "Canada moved troops \ufffd from Iraq to Kuwait on Tuesday, officials said. "
            "The defence minister announced the move to Kuwait on Tuesday."
        ),
    )
    entries = _report_timeline(article)
    assert [entry.text for entry in entries] == [
        "The defence minister announced the move to Kuwait on Tuesday."
    ]


def test_an_undated_report_s_past_is_background_to_the_latest_day_it_tells() -> None:
    # A WCEP obituary has no date of its own: her career is the context of her death.
    article = Article(
        id="page",
        text=(
            "Bettie Page, the pin-up model, died on Dec. 11, 2008, in Los Angeles, her agent "
            "said. Page began a career in modeling in 1950 after leaving her job as a "
            "secretary. In 1995, Page was summoned to testify before the U.S. Senate."
        ),
    )
    entries = _report_timeline(article)
    kinds = {entry.date.year: entry.kind for entry in entries}
    assert kinds == {2008: "development", 1950: "background", 1995: "background"}


def test_an_undated_report_that_dates_nothing_by_the_day_has_only_context_and_plans() -> None:
    # WCEP reports in the 2,000-article mix: the year of an earlier fire was the undated
    # brief's only "development", and a bridge's opening year, a plan, another.
    fire = Article(
        id="dhaka",
        text=(
            "A fire raced through densely packed buildings in Dhaka on Thursday, killing at "
            "least 70 people. In 2012, a fire raced through a garment factory on the "
            "outskirts of Dhaka, killing at least 112 people."
        ),
    )
    assert [(e.date.year, e.kind) for e in _report_timeline(fire)] == [(2012, "background")]
    bridge = Article(
        id="bridge",
        text=(
            "A new bridge will span Canada's busiest border crossing, officials said. The "
            "bridge won't be open to traffic until the end of 2024."
        ),
    )
    assert [(e.date.year, e.kind) for e in _report_timeline(bridge)] == [(2024, "scheduled")]


def test_a_time_in_a_noun_s_that_clause_dates_that_clause_not_the_news() -> None:
    # NewsWCL50 event 6 (the caravan): March is when the caravan set off, not the news.
    caravan = Article(
        id="nyt",
        date=dt.date(2018, 4, 29),
        text=(
            "More than 150 migrants, part of a caravan that once numbered about 1,200 and "
            "headed north in March from Mexico's border with Guatemala, were prepared to "
            "seek asylum from United States immigration officials."
        ),
    )
    assert all(entry.date.month != 3 for entry in _report_timeline(caravan))
    # A verb's "that" is the news itself: "the company said that on Monday ..."
    plant = Article(
        id="wire",
        date=dt.date(2018, 4, 29),
        text="The company said that on Monday it would close its plant in Ohio.",
    )
    assert [entry.date.weekday() for entry in _report_timeline(plant)] == [0]  # a Monday


def test_a_time_in_a_nouns_who_clause_dates_that_clause_not_the_news() -> None:
    # DUC 2006 (NYT, June 1999): a petition for a fan "who was shot and killed at Columbine
    # High School in April" had been an entry of April; (NYT, 2000) a defendant's ", who is
    # among the defendants charged with conspiring to bomb two U.S. embassies in Africa in
    # August 1998", one of August 1998 (the initials' full stop had closed the clause).
    petition = Article(
        id="nyt",
        date=dt.date(1999, 6, 14),
        text=(
            "On several sites there is a petition drive to honor the memory of Steven "
            "Curnow, a 14-year-old fan who was shot and killed at Columbine High School in "
            "April in Littleton, Colo."
        ),
    )
    assert all(entry.date.month != 4 for entry in _report_timeline(petition))
    perjury = Article(
        id="nyt2",
        date=dt.date(2000, 7, 27),
        text=(
            "A man was sentenced to six years in prison. Elnore also admitted lying when he "
            "said he had never heard of Wadih El Hage, who is among the defendants charged "
            "with conspiring to bomb two U.S. embassies in Africa in August 1998."
        ),
    )
    assert all(entry.date.year != 1998 for entry in _report_timeline(perjury))
    # A clause closed before the time leaves the time the news's (DUC 2006, NYT: "papers
    # of the general who was Mexico's secretary of defense at the time were made public
    # last month"), as a noun's "that" read close does ("A pipeline that sends natural gas
    # to Jordan was set on fire ... on Saturday", Timeline17)
    papers = Article(
        id="nyt3",
        date=dt.date(1999, 7, 1),
        text=(
            "Officials opened the archive on Tuesday. Private papers of the general who was "
            "Mexico's secretary of defense at the time were made public last month."
        ),
    )
    assert dt.date(1999, 6, 1) in [entry.date for entry in _report_timeline(papers)]
    pipeline = Article(
        id="wire2",
        date=dt.date(2011, 2, 6),
        text=(
            "Officials met on Sunday. A pipeline that sends natural gas to Jordan was set on "
            "fire in the Egyptian Sinai town of El Arish on Saturday, and the suspected act "
            "of sabotage has halted supply."
        ),
    )
    assert dt.date(2011, 2, 5) in [entry.date for entry in _report_timeline(pipeline)]
    officer = Article(
        id="ap",
        date=dt.date(2000, 8, 29),
        text=(
            "The navy gave no figures. In Vladivostok, Russia, a former submarine officer who "
            "is a member of a commission investigating the explosion said Monday that the "
            "sub had been hit."
        ),
    )
    assert dt.date(2000, 8, 28) in [entry.date for entry in _report_timeline(officer)]
    # A subject's "who" clause dates the news: "The man who was arrested on Monday ..."
    court = Article(
        id="wire",
        date=dt.date(2011, 2, 2),
        text="The man who was arrested on Monday appeared in court, police said.",
    )
    assert [entry.date for entry in _report_timeline(court)] == [dt.date(2011, 1, 31)]


def test_split_ptb_sentences() -> None:
    text = (
        "Protesters filled Cairo 's Tahrir Square . The army did not intervene . "
        "`` We stay , '' one said ."
    )
    assert split_ptb_sentences(text) == [
        "Protesters filled Cairo 's Tahrir Square .",
        "The army did not intervene .",
        "`` We stay , '' one said .",
    ]


def _story() -> list[Article]:
    day = dt.date(2010, 4, 21)
    texts = [
        (
            day,
            "An explosion on the Deepwater Horizon rig killed 11 workers on Tuesday . "
            "Coast Guard ships searched the Gulf of Mexico for the missing workers .",
        ),
        (
            day,
            "The Deepwater Horizon rig exploded on Tuesday night , killing 11 workers . "
            "BP said it was working to contain the fire .",
        ),
        (
            dt.date(2010, 4, 23),
            "The burning rig sank on Thursday into the Gulf of Mexico . "
            "Oil began leaking from the well a mile below the surface .",
        ),
        (
            dt.date(2010, 4, 23),
            "The Deepwater Horizon sank on Thursday after burning . "
            "Officials feared a major oil spill .",
        ),
        (
            dt.date(2010, 4, 22),
            "Investigators studied the cause of the explosion on Tuesday . "
            "The rig was owned by Transocean .",
        ),
        (
            dt.date(2010, 4, 30),
            "President Obama halted new offshore drilling on Friday . "
            "The oil slick reached the coast of Louisiana .",
        ),
    ]
    return [
        Article(id=f"a{i}", text=text, date=date, sentences=tuple(split_ptb_sentences(text)))
        for i, (date, text) in enumerate(texts)
    ]


def test_story_timeline_selects_the_mentioned_days() -> None:
    entries = build_story_timeline(_story(), TimelineConfig(), max_dates=2)
    assert [e.date for e in entries] == [dt.date(2010, 4, 20), dt.date(2010, 4, 22)]
    assert "explo" in entries[0].text and {"a0", "a1"} <= set(entries[0].sources)
    assert "sank" in entries[1].text


def test_story_timeline_sentences_per_date_and_limits() -> None:
    story = _story()
    reprint = dataclasses.replace(story[0], id="copy")
    entries = build_story_timeline([*story, reprint], TimelineConfig(), 3, sentences_per_date=2)
    assert len(entries) == 3
    for entry in entries:
        sentences = split_ptb_sentences(entry.text)
        assert len(sentences) <= 2 and len(set(sentences)) == len(sentences)  # no reprints
    assert build_story_timeline([], TimelineConfig()) == ()
    assert build_story_timeline(_story(), TimelineConfig(), max_dates=0) == ()


def test_story_of_undated_articles_keeps_only_stated_dates() -> None:
    texts = {
        "u1": "The rig sank on Thursday . Oil leaked for weeks afterwards .",
        "u2": "BP capped the well on July 15 , 2010 after months of leaking .",
    }
    undated = [
        Article(id=key, text=text, sentences=tuple(split_ptb_sentences(text)))
        for key, text in texts.items()
    ]
    entries = build_story_timeline(undated, TimelineConfig(), max_dates=5)
    assert [(e.date, e.sources) for e in entries] == [(dt.date(2010, 7, 15), ("u2",))]


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        (
            "DUBAI | Mon May 4 , 2009 8:25 am EDT DUBAI ( Reuters ) - Pharmacists sold Tamiflu .",
            "Pharmacists sold Tamiflu .",
        ),
        (
            "Cairo , Egypt ( CNN ) -- Mubarak said he would not run .",
            "Mubarak said he would not run .",
        ),
        ("OTTAWA (Reuters) - Canada moved troops to Kuwait.", "Canada moved troops to Kuwait."),
        (
            "SYDNEY, Australia (AP) _ Debate about the mine reopened Wednesday.",
            "Debate about the mine reopened Wednesday.",
        ),
        (
            "WASHINGTON — The administration embraced the claims.",
            "The administration embraced the claims.",
        ),
        (
            "( Update 2:41 p.m. Cairo , 7:41 a.m. ET ) The cabinet resigned .",
            "The cabinet resigned .",
        ),
        ("February 1 , 2011 at 5:23 pm | Aid should stop .", "Aid should stop ."),
        ("BLITZER : He 's in charge , right ?", ""),
        ("JACK CAFFERTY , CNN ANCHOR : The question this hour is this .", ""),
        ("READ MORE: Iranian-Canadian held at U.S. border", ""),
        # An interview's question (DUC 2007 D0706B).
        ("Q: In Burma today there is an increasing availability of heroin.", ""),
        # Not furniture: a parenthesis inside the sentence, a colon after lower-case words.
        ("The rig ( owned by Transocean ) sank on Thursday .", None),
        ("US officials said: the rig sank.", None),
    ],
)
def test_clean_sentence_removes_page_furniture(raw: str, cleaned: str | None) -> None:
    assert clean_sentence(raw) == (raw if cleaned is None else cleaned)


def test_sentence_ends_after_its_closing_quote_not_in_a_ticker() -> None:
    text = (
        "BP Plc ( BP . L ) said on Tuesday it would pay . `` It is tiny . '' "
        "Shares fell . '' ( Update 1:00 a.m. ) Crowds marched ."
    )
    assert split_ptb_sentences(text) == [
        "BP Plc ( BP . L ) said on Tuesday it would pay .",
        "`` It is tiny . ''",
        "Shares fell . ''",
        "( Update 1:00 a.m. ) Crowds marched .",
    ]


def test_live_blog_time_stamp_does_not_date_the_sentence() -> None:
    # Published Thursday 3 February 2011; the note's "Thursday" is when the post was made.
    text = (
        "( Update 2:21 a.m. Thursday in Cairo , 7:21 p.m. ET Wednesday ) Fires burned "
        "outside the Egyptian Museum on Tuesday night as crowds clashed ."
    )
    article = Article(id="blog", text=text, date=dt.date(2011, 2, 3), sentences=(text,))
    [dated] = date_sentences(article, TimelineConfig(), lead_sentences=2)
    assert dated.date == dt.date(2011, 2, 1) and dated.text.startswith("Fires burned")


def test_story_keywords_are_words_most_articles_share() -> None:
    keywords = story_keywords(_story(), TimelineConfig())
    assert "rig" in keywords and "deepwater" in keywords
    assert not set(keywords) & {"the", "on", "was"}
    one = _story()[:1]
    assert story_keywords(one, TimelineConfig()) == ()  # one article's words say nothing


def test_story_timeline_leaves_off_topic_sentences_out() -> None:
    friday = dt.date(2010, 4, 30)
    # Syndicated copies of one report: once it is chosen, the others say nothing new.
    on_topic = [
        *["Oil from the spill reached the coast of Louisiana on Friday ."] * 3,
        "Oil from the BP spill reached the Louisiana coast on Friday .",
    ]
    off_topic = ["Stocks fell on Friday as traders sold bank shares in New York ."]
    articles = [
        Article(id=f"s{i}", text=text, date=friday, sentences=(text,))
        for i, text in enumerate(on_topic + off_topic)
    ]
    with_keywords = build_story_timeline(articles, TimelineConfig(), 1, sentences_per_date=3)
    assert [e.date for e in with_keywords] == [friday]
    assert "Stocks" not in with_keywords[0].text and "spill" in with_keywords[0].text
    # The same story without keywords: the report of other news fills the free place.
    anything = dataclasses.replace(TimelineConfig(), story_keyword_share=2.0)
    without = build_story_timeline(articles, anything, 1, sentences_per_date=3)
    assert "Stocks" in without[0].text


def _kinds_event() -> Event:
    """A rescue reported on Tuesday 24 April 2018 and Wednesday 25 April."""
    first = Article(
        id="first",
        date=dt.date(2018, 4, 24),
        text=(
            "Rescuers reached the trapped miners on Monday after a day of digging.\n\n"
            "Oxygen in the shaft could be exhausted by Friday, the mine's owners warned.\n\n"
            "The mine was first flooded on April 2 after heavy rain in the valley.\n\n"
            "Rescue chief Ana Ruiz, left, and a miner on Monday at the shaft entrance."
        ),
    )
    second = Article(
        id="second",
        date=dt.date(2018, 4, 25),
        text=(
            "The last of the trapped miners were brought to the surface on Wednesday.\n\n"
            "The rescuers had reached the trapped miners on Monday, digging through mud."
        ),
    )
    return Event("rescue", (first, second))


def test_entries_are_developments_background_or_scheduled() -> None:
    entries = build_timeline(_kinds_event(), TimelineConfig())
    kinds = {(e.date, e.kind) for e in entries}
    assert (dt.date(2018, 4, 23), "development") in kinds  # reached on Monday
    assert (dt.date(2018, 4, 25), "development") in kinds  # brought out on Wednesday
    assert (dt.date(2018, 4, 27), "scheduled") in kinds  # "could be exhausted by Friday"
    assert (dt.date(2018, 4, 2), "background") in kinds  # three weeks before the reports
    monday = next(e for e in entries if e.date == dt.date(2018, 4, 23))
    assert set(monday.sources) == {"first", "second"}  # each report that states it
    # the photo caption ("..., left, and a miner on Monday") dates a picture, not news
    assert all("left," not in e.text for e in entries)


def test_captions_are_recognised() -> None:
    assert is_caption("Prime Minister Benjamin Netanyahu, left, and Mike Pompeo on Sunday.")
    assert is_caption("Protesters in Cairo on Friday (AP Photo/Amr Nabil).")
    assert not is_caption("The left wing of the party voted against the bill on Friday.")
    # the 2,000-article mix: counted positions and a NYT photo's slug
    assert is_caption("Pele (2nd-L) talks with Robbie Keane (2nd-R) at the Dubai Opera gardens.")
    assert is_caption(
        "(NYT31) NEW YORK -- Oct. 20, 1999 -- SINGLES-HOUSING-2, 10-20 -- Melissa Roth, in "
        "chair, at Bonnie Burkert's apartment."
    )
    assert not is_caption("The 2nd Regiment (Royal Scots) left Basra on Friday.")
    # Timeline17 (the BP oil spill): a gallery's captions were entries of the story, one
    # in the corpus's token spacing.
    assert is_caption(
        "AP June 23, 2010: This image from video provided by BP shows oil gushing from the "
        "broken wellhead at the site of the Deepwater Horizon oil well."
    )
    assert is_caption(
        "June 2: Underwater robots and other equipment swarm the blowout preventer, bottom "
        "left, as oil rises at the site of the Deepwater Horizon spill."
    )
    assert is_caption(
        "A worker ties a boom used to mop oil from the Deepwater Horizon spill from a beach in "
        "Gulf Shores , Alabama , June 24 , 2010 ."
    )
    assert not is_caption(
        "April 22 - The Deepwater Horizon rig, valued at more than $560 million, sinks and a "
        "5-mile oil slick forms."
    )
    assert not is_caption("The images show that the well is leaking, officials said.")
    # A credit opening a gallery's caption (Timeline17's BP spill: an entry of June 30).
    assert is_caption("Coast Guard via AP June 30: Oily waves come ashore in Orange Beach, Ala.")


def test_an_almanacs_heading_is_no_entry() -> None:
    # DUC 2006 (the 2,000-article mix): "Today in History" was an entry of its brief.
    article = Article(
        id="a",
        date=dt.date(1999, 10, 18),
        text="Today is Monday, Oct. 18, the 291st day of 1999. There are 74 days left in the "
        "year.\n\nOn Oct. 18, 1898, the American flag was raised in Puerto Rico shortly "
        "before Spain formally relinquished control of the island to the United States.",
    )
    entries = _report_timeline(article)
    assert [e.text[:19] for e in entries] == ["On Oct. 18, 1898, t"]


def test_an_example_given_to_illustrate_is_background() -> None:
    # DUC 2007 D0711C (the Microsoft trial's costs, 6 October 1999): a side example stood
    # on the story's timeline as a development of 1997.
    article = Article(
        id="a",
        date=dt.date(1999, 10, 6),
        text="The Justice Department's antitrust actions against Microsoft have cost $13.3 "
        "million, the department said Wednesday.\n\nStaples Inc. and Office Depot Inc., for "
        "example, spent $20 million over 10 months unsuccessfully fighting antitrust enforcers "
        "to allow their merger in 1997.",
    )
    entries = _report_timeline(article)
    (example,) = [e for e in entries if "Staples" in e.text]
    assert example.kind == "background"
    assert any(e.kind == "development" and e.date == dt.date(1999, 10, 6) for e in entries)


def test_background_and_scheduled_lists_are_short() -> None:
    text = "\n\n".join(
        f"The company was sued on {month} 3, 2010 over its accounts."
        for month in ("January", "February", "March", "April", "May", "June", "July", "August")
    )
    article = Article(id="a", date=dt.date(2018, 4, 24), text=text)
    entries = _report_timeline(article)
    assert entries and all(e.kind == "background" for e in entries)
    assert len(entries) == TimelineConfig().max_background


@pytest.mark.parametrize(
    ("text", "report_date", "days"),
    [
        # A chronology's year heading dates the lines below it.
        (
            "Here are the milestones in the case:\n\n1997:\n\n"
            "Oct. 20 _ The Justice Department sues the company over its browser.\n\n1998:\n\n"
            "May 18 _ The department and 20 states file a broad antitrust suit.",
            dt.date(1999, 11, 5),
            {dt.date(1997, 10, 20), dt.date(1998, 5, 18)},
        ),
        # The end of an accounting period dates nothing: no news happened on June 30
        # (DUC 2007 D0711C, APW of 6 October 1999).
        (
            "The company's financial records showed general and administrative expenses, "
            "including lawyers' fees, of $689 million for this business year, ended June 30."
            "\n\nThe trial resumed on Sept. 21 with the government's rebuttal.",
            dt.date(1999, 10, 6),
            {dt.date(1999, 9, 21)},
        ),
        # A day the report wrote before with its year keeps that year (NewsWCL50, Comey's
        # memos, USA Today of 2018-04-19): "that same Feb. 8 meeting" had been 2018's.
        (
            "Among the disclosures in the memos is a Feb. 8, 2017, encounter in which Trump "
            "confronted Comey about a dossier.\n\nAt that same Feb. 8 meeting, Comey also "
            "recounted having crossed Trump.\n\nThe memos were sent to Congress on April 19.",
            dt.date(2018, 4, 19),
            {dt.date(2017, 2, 8), dt.date(2018, 4, 19)},
        ),
        # A thing's own month, and a relative aside's year before a main clause in the
        # present, date no news (DUC 2007 D0716D, AP of 3 July 1998; D0711C, NYT of 5
        # November 1999); an aside before a past main clause still does.
        (
            "About 300 protesters walked from a camp set up in March by anti-uranium groups."
            "\n\nCharles Ferguson, who sold Vermeer Technologies in Cambridge, Mass. to "
            "Microsoft in 1997, is a harsh critic of the company.\n\nThe quake, which struck "
            "on Tuesday, killed 7,000 people.",
            dt.date(1999, 11, 5),
            {dt.date(1999, 11, 2)},
        ),
    ],
)
def test_the_days_a_report_s_sentences_are_dated_to(
    text: str, report_date: dt.date, days: set[dt.date]
) -> None:
    article = Article(id="a", date=report_date, text=text)
    dated = date_sentences(article, TimelineConfig(), lead_sentences=0)
    assert {item.date for item in dated} == days


def test_a_things_own_year_does_not_date_the_sentence() -> None:
    # The thirty-second read: a one-report brief of 2016's asteroid naming had its news as
    # an entry of 1991, and DUC 2006's 1998 arrests in Myanmar one of 1990.
    article = Article(
        id="a",
        date=dt.date(2016, 9, 5),
        text="May says the Minor Planet Centre has designated an asteroid discovered in 1991 "
        "as Freddiemercury.\n\nThe junta said the parliament was elected in 1990.",
    )
    dated = {
        item.text[:10]: (item.date, item.precision)
        for item in date_sentences(article, TimelineConfig(), lead_sentences=1, event=True)
    }
    assert dated["May says t"] == (dt.date(2016, 9, 5), "day")  # the report's news day
    assert dated["The junta "] == (dt.date(1990, 1, 1), "year")  # a passive: its own date


def test_a_feature_s_scene_takes_no_news_day_in_an_event_timeline() -> None:
    # A WCEP dev report: its lede shares no word with its title, which states the news;
    # the headline gives way to the next opening, and the timeline does not date the scene.
    article = Article(
        id="dam",
        date=dt.date(2018, 5, 10),
        title="At least 44 killed as dam bursts in Kenya and sweeps away hundreds of homes",
        text="Villagers said it started with a loud rumble, then houses collapsed one by one "
        "under an approaching wall of water.\n\nThe dam burst in Kenya's Rift Valley after "
        "weeks of seasonal rains, officials said.",
    )
    dated = [
        item.text[:10]
        for item in date_sentences(article, TimelineConfig(), lead_sentences=2, event=True)
    ]
    assert dated == ["The dam bu"]
    untitled = dataclasses.replace(article, title=None)
    assert len(date_sentences(untitled, TimelineConfig(), lead_sentences=2, event=True)) == 2


def test_a_column_s_first_person_is_no_entry_of_an_event_timeline() -> None:
    from newsbrief.timeline_text import narrator_speaks

    # DUC 2007 D0706B: a satirical column among the reports on Myanmar.
    column = (
        "In the spirit of this philosophy, I present today in my capacity as chairman of "
        "the Make a Buck at Any Cost Corp. my special report on business in Burma."
    )
    assert narrator_speaks(column)
    # A reader's comment under a page (Timeline17 bpoil_guardian).
    assert narrator_speaks(
        "At 12:53 pm on 10 Jun 2010, mattuk wrote: The way Obama is going is disgraceful."
    )
    assert not narrator_speaks('"We will leave," the minister said on Monday.')
    # A blog's archaic first person (the thirty-fourth read, a lone report's key point).
    assert narrator_speaks("Methinks somebody's milk just went sour.")
    assert not narrator_speaks("The U.S. embassy said on Monday it would act.")
    article = Article(
        id="a",
        date=dt.date(1999, 1, 26),
        text=f"{column}\n\nThe junta arrested 300 students on Monday, exiles said.",
    )
    for event in (True, False):
        days = [
            (item.date, item.text[:10])
            for item in date_sentences(article, TimelineConfig(), lead_sentences=2, event=event)
        ]
        assert (dt.date(1999, 1, 25), "The junta ") in days
        assert any(text.startswith("In the") for _, text in days) is not event


def test_a_quote_is_shown_only_with_its_speaker() -> None:
    from newsbrief.timeline_text import unattributed_quote

    # DUC 2007 D0711C and NewsWCL50 sentences: the speaker is named in the sentence.
    assert not unattributed_quote(
        "In court on May 24, John Warden, a Microsoft lawyer, said the company wanted an "
        'opportunity to "comment on the form of the proposed decree prior to its entry."'
    )
    assert not unattributed_quote(
        'A Justice Department spokesman confirmed Thursday that "we have an ongoing '
        "investigation and it's continuing.\""
    )
    assert not unattributed_quote('Trump called the deal "insane" on Tuesday.')  # a word
    # Only a pronoun, or nobody: the reader cannot tell who speaks.
    assert unattributed_quote('"We warned them about this 10 years ago," he said.')
    assert unattributed_quote("``The whole city shook for a minute and we ran out.''")


def test_unattributed_quotes_stay_out_of_the_timeline() -> None:
    text = (
        "Israeli Prime Minister Benjamin Netanyahu presented files on Iran's nuclear program "
        "on Monday.\n\n"
        '"Ten years ago we warned the world about this program," he said.\n\n'
        '"Iran lied," Netanyahu said on Monday.'
    )
    article = Article(id="a", text=text, date=dt.date(2018, 5, 1))
    timeline = _report_timeline(article)
    texts = " ".join(entry.text for entry in timeline)
    assert "Ten years ago" not in texts
    assert all(entry.date.year == 2018 for entry in timeline)


def test_a_month_day_takes_the_nearest_year_of_the_report() -> None:
    from newsbrief.timexpr import find_times

    # NewsWCL50 (report of 2018-05-01): the deadline is this May, not last year's.
    sentence = "Mr. Trump has threatened to scrap the deal as soon as May 12."
    (mention,) = find_times(sentence, dt.date(2018, 5, 1))
    assert mention.value == dt.date(2018, 5, 12) and mention.precision == "day"
    # A report of early January speaks of the past December.
    (december,) = find_times("The deal was signed on Dec. 28.", dt.date(2018, 1, 3))
    assert december.value == dt.date(2017, 12, 28)


def test_a_quote_keeps_its_own_time_words() -> None:
    # Seeds (report of 2020-01-07) and DUC 2007 D0743J sentences.
    said = (
        '"Last night the United States tried the world\'s number one terrorist leader," '
        "Trump said in his October 27 speech."
    )
    old_quote = (
        '"We recognize," one former Israeli official said, "that we have to establish that '
        'the Iranians are trying to deceive now, not just 10 years ago."'
    )
    opened = (
        "``Naturally I sympathize with the victims and their families, but I don't "
        "understand why I'm being made a scapegoat."
    )
    first_person = "I began building the Bahcekent complex in Yalova about six years ago."
    narrative = "The builder left Yalova six years ago."
    article = Article(
        id="a",
        text="\n\n".join(
            [
                "Canada moved its troops to Kuwait on Tuesday.",
                *(said, old_quote, opened, first_person, narrative),
            ]
        ),
        date=dt.date(2020, 1, 7),
    )
    dated = {item.text: item for item in date_sentences(article, TimelineConfig(), 1)}
    # "Last night" is the speaker's night, not the report's: the speech's own date dates it.
    assert dated[said].date == dt.date(2019, 10, 27)
    # "10 years ago" inside a quote dates nothing.
    assert old_quote not in dated and first_person not in dated
    # the quote opened before runs on in the first person; the narrative after is dated
    assert dated[narrative].date == dt.date(2014, 1, 1)


def test_a_time_in_brackets_dates_the_aside_not_the_sentence() -> None:
    # DUC 2007 D0743J, a report of 1999-09-13: its lead sentence is that day's news, and
    # "last month" belongs to the bracketed aside (the August quake).
    aside = (
        "An Istanbul observatory reported that the quake registered 5.8 on the Richter "
        "scale (last month's quake registered 7.4)."
    )
    dated_aside = (
        "The assassination raised tensions after the drone strike on Thursday evening "
        "(January 2, 2020 EST) at the Baghdad airport."
    )
    report = Article(id="a", text=aside, date=dt.date(1999, 9, 13))
    (item,) = date_sentences(report, TimelineConfig(), 1)
    assert (item.date, item.mentioned) == (dt.date(1999, 9, 13), False)
    # A bracketed date with its year still dates the weekday before it.
    seeds = Article(id="b", text=dated_aside, date=dt.date(2020, 1, 7))
    (item,) = date_sentences(seeds, TimelineConfig(), 1)
    assert item.date == dt.date(2020, 1, 2)


def test_a_wire_photo_caption_ending_in_its_date_is_a_caption() -> None:
    # NewsWCL50 (the migrant caravan): an AP caption kept in the article's text.
    assert is_caption(
        "Central American migrants and supporters of the migrant caravan from both sides of "
        "the border have converged at the fence between Tijuana and San Diego near "
        "Friendship Park in Tijuana, on April 29, 2018."
    )
    assert not is_caption("The Democratic National Committee filed the suit on April 20, 2018.")
    # a photo's action in the present (the 2,000-article mix: a headline and an entry)
    assert is_caption(
        "Brazilian football legend Pele arrives at the Dubai Opera gardens to attend a "
        "friendly football game in Dubai on April 15, 2018."
    )
    assert not is_caption("The president arrived in Dubai on April 15, 2018.")
    assert not is_caption("Officials said the talks would resume on April 15, 2018.")
    assert not is_caption("The minister speaks at the summit on April 15, 2018, aides said.")
    # any action in the simple present (Timeline17: a one-report headline); not a plan
    assert is_caption(
        "Flames rise from a gas pipeline attack in the Egyptian Sinai town of El Arish on "
        "February 5, 2011."
    )
    for plan in (
        "The film opens in theaters on May 21, 1999.",
        "The law takes effect on January 1, 2012.",
        "The actual film is due in theaters on May 21, 1999.",
    ):
        assert not is_caption(plan)
    # the date before an aside, or a month with its year (a 2015 gallery's captions, key
    # points of its brief in the thirty-second read)
    assert is_caption(
        "North Korean refugees cross the Naktong River in South Korea on August 6, 1950, just "
        "a short time before the beginning of the conflict between North and South Korea."
    )
    assert is_caption(
        "Members of the Red Cross Motor Corps, all wearing masks to protect against the "
        "further spread of the influenza epidemic, carry a patient on a stretcher into an "
        "ambulance in St. Louis in October 1918."
    )
    # a plan's or a thing's date is not the present action's
    for news in (
        "Analysts expect the company to report a loss in March 2012.",
        "The government plans to hold elections in June 2012.",
        "Russia and China oppose sanctions announced in December 2011.",
        "The law takes effect in January 2012.",
    ):
        assert not is_caption(news)


def test_a_reuters_caption_with_its_place_then_its_date_is_a_caption() -> None:
    # Timeline17 (the 2,000-article mix): Reuters pages' captions, a key point and a
    # headline of their briefs; the place is followed by the date with no comma or "on".
    assert is_caption(
        "A man celebrates after finishing the application process to be a firefighter in "
        "Miami, Florida February 2, 2009."
    )
    assert is_caption(
        "Plaquemines Parish Coastal Zone Director P. J. Hahan holds a tri-colored heron after "
        "spotting the seriously oiled bird along Queen Bess Island near Grand Isle, Louisiana "
        "July 17, 2010."
    )
    assert is_caption("Tourists wearing masks walk down the street in Osaka May 15, 2009.")
    # in the past, or a deadline on a weekday: prose (the 10,000-article mix)
    assert not is_caption("Son David James William Mathews was KIA in France October 26, 1917.")
    assert not is_caption(
        "I would appreciate a response to these questions by Friday July 2, 2010."
    )
    assert not is_caption("BP said the well was capped in the Gulf of Mexico July 15, 2010.")


def test_a_city_and_country_dateline_is_furniture() -> None:
    # NewsWCL50 (North Korea's test halt): "SEOUL, South Korea —" would open the entry.
    assert clean_sentence(
        "SEOUL, South Korea — North Korea's leader, Kim Jong-un, announced early Saturday "
        "that his country no longer needed to test nuclear weapons."
    ).startswith("North Korea's leader")


def _pronoun_event() -> Event:
    # NewsWCL50 (the Comey memos, April 2018): one report tells the day with its subject,
    # the other only as "He ...", plus a note that a lawyer declined to comment.
    first = Article(
        id="named",
        date=dt.date(2018, 4, 20),
        text=(
            "Former FBI Director James Comey's memos were released on Thursday to Congress.\n\n"
            "In April 2018, he was sentenced to 30 days in prison, making him the first to "
            "be sentenced in the investigation.\n\n"
            "Trump lawyer Jay Sekulow declined to comment to The Associated Press on "
            "Wednesday night, as did White House lawyer Ty Cobb."
        ),
    )
    second = Article(
        id="pronoun",
        date=dt.date(2018, 4, 20),
        text=(
            "He said on Thursday that the memos released to Congress showed no collusion "
            "with Russia and no obstruction."
        ),
    )
    return Event("comey", (first, second))


def test_an_entry_stands_alone_and_is_cited_by_the_reports_that_state_it() -> None:
    entries = build_timeline(_pronoun_event(), TimelineConfig())
    thursday = next(e for e in entries if e.date == dt.date(2018, 4, 19))
    assert thursday.text.startswith("Former FBI Director James Comey")  # not "He said ..."
    # The "He" report dates the day (it ranks it) but does not state the entry.
    assert thursday.sources == ("named",)
    texts = " ".join(e.text for e in entries)
    assert "he was sentenced" not in texts  # who "he" is was in another sentence
    assert "declined to comment" not in texts  # no reply is no news
    assert all(e.date != dt.date(2018, 4, 18) for e in entries)


def test_a_digests_other_items_and_a_possessive_lead_are_no_entries() -> None:
    # After DUC 2007 D0716D: Xinhua's "major news items in leading Australian newspapers"
    # carry one item of the story among others; its other leads dated nothing of it.
    digest = Article(
        id="digest",
        date=dt.date(1996, 3, 27),
        text=(
            "Following are major news items in leading Australian newspapers today:\n\n"
            "-- Ansett airlines is poised to be named official carriers for the 2000 Olympic "
            "Games along with other five international partners.\n\n"
            "-- The Democrats warned yesterday that they could make it difficult for the "
            "government to allow the Jabiluka uranium mine in Kakadu."
        ),
    )
    reports = [
        Article(
            id=f"apw{day}",
            date=dt.date(1998, 7, day),
            text=(
                f"Police arrested {day * 10} protesters on Tuesday at the Jabiluka uranium "
                "mine site in Kakadu National Park.\n\n"
                "Their camp was cleared by the uranium mine's guards."
            ),
        )
        for day in (1, 8, 15, 22)
    ]
    entries = build_timeline(Event("jabiluka", (digest, *reports)), TimelineConfig())
    texts = " ".join(e.text for e in entries)
    assert "Ansett" not in texts
    assert "Their camp" not in texts  # whose camp was said in another sentence
    assert any("Democrats warned" in e.text for e in entries)
    assert {e.date for e in entries} >= {dt.date(1998, 7, 7), dt.date(1998, 7, 21)}


@pytest.mark.skipif(nlp.load() is None, reason="no spaCy parse")
def test_a_caption_without_a_verb_is_no_entry_and_the_next_sentence_is() -> None:
    # NewsWCL50 (caravan): a USA Today caption was Sunday's entry.
    article = Article(
        id="usatoday",
        date=dt.date(2018, 4, 30),
        text=(
            "Members of the migrant caravan at the border wall in Tijuana on Sunday.\n\n"
            "About 200 migrants prepared to walk together to the border crossing on Sunday."
        ),
    )
    entries = build_timeline(Event("caravan", (article,)), TimelineConfig())
    sunday = next(e for e in entries if e.date == dt.date(2018, 4, 29))
    assert sunday.text.startswith("About 200 migrants")
    # The day before, a report said what Sunday would bring: after the caption, the
    # sentence that reports the day is the entry, not the plan for it.
    plan = Article(
        id="foxnews",
        date=dt.date(2018, 4, 28),
        text=(
            "Asylum-seekers in the migrant caravan are poised on Sunday to test the "
            "border crossing at the wall in Tijuana."
        ),
    )
    entries = build_timeline(Event("caravan", (plan, article)), TimelineConfig())
    sunday = next(e for e in entries if e.date == dt.date(2018, 4, 29))
    assert sunday.kind == "development" and sunday.text.startswith("About 200 migrants")


@pytest.mark.skipif(nlp.load() is None, reason="no spaCy parse")
def test_an_entry_reads_alone_as_a_key_point_does() -> None:
    # The thirty-seventh read (the 2,000-article mix): a subject that points back, an
    # instruction and a heading run in were entries of their days.
    signed = "The governor signed the school safety bill on Monday."
    for lead in (
        "Today he lives with three steel rods attached to his spine.",
        "Witness the shooting at suburban Atlanta's Bear Creek Middle School, in 1999.",
        "Skip to a day of the week: For those carrying on the party, Radio 1 broadcast live"
        " on Sunday.",
    ):
        article = Article(id="a", date=dt.date(1999, 6, 2), text=f"{lead}\n\n{signed}")
        texts = [e.text for e in _report_timeline(article)]
        assert lead not in texts and signed in texts


@pytest.mark.skipif(nlp.load() is None, reason="no spaCy parse")
def test_a_day_is_told_by_a_sentence_of_what_happened_not_one_naming_it() -> None:
    # DUC 2007 D0743J: a report a year on named "the August 17, 1999 earthquake", and its
    # sentence about tents told the day of the quake.
    later = Article(
        id="later",
        date=dt.date(2000, 8, 17),
        text=(
            "Some 26,000 survivors of the August 17, 1999 earthquake in Izmit are still "
            "living in tents in Turkey."
        ),
    )
    then = Article(
        id="then",
        date=dt.date(1999, 8, 20),
        text="The earthquake hit Izmit in Turkey on August 17, 1999, killing thousands.",
    )
    entries = build_timeline(Event("quake", (later, then)), TimelineConfig())
    quake = next(e for e in entries if e.date == dt.date(1999, 8, 17))
    assert quake.text.startswith("The earthquake hit Izmit")
    assert set(quake.sources) == {"later", "then"}


def test_a_period_the_coverage_began_in_is_background_and_connectives_go() -> None:
    # NewsWCL50 (Trump and Abe, 2018-04-18): "earlier this year" is context, not the news.
    article = Article(
        id="abe",
        date=dt.date(2018, 4, 18),
        text=(
            "Trump said Tuesday that the two Koreas have his blessing to discuss the end of "
            "the war.\n\n"
            "But after Trump announced tariffs on steel and aluminum imports earlier this "
            "year, his administration granted exceptions to a number of allies, but not Japan."
        ),
    )
    entries = build_timeline(Event("abe", (article,)), TimelineConfig())
    year = next(e for e in entries if e.precision == "year")
    assert year.kind == "background" and year.date == dt.date(2018, 1, 1)
    assert year.text.startswith("After Trump announced tariffs")  # "But" refers to nothing shown
    tuesday = next(e for e in entries if e.precision == "day")
    assert (tuesday.date, tuesday.kind) == (dt.date(2018, 4, 17), "development")


def test_what_a_report_announces_on_its_own_day_is_its_news() -> None:
    # DUC 2007 D0703A (APW, Thursday 1998-12-31).
    article = Article(
        id="apw",
        date=dt.date(1998, 12, 31),
        text=(
            "The Bulgarian National Bank announced Thursday its national currency, the lev, "
            "will be fixed at 1,955.83 to the euro.\n\n"
            "The new rate will take effect on Monday, the bank said."
        ),
    )
    entries = build_timeline(Event("lev", (article,)), TimelineConfig())
    kinds = {e.date: e.kind for e in entries}
    assert kinds[dt.date(1998, 12, 31)] == "development"
    assert kinds[dt.date(1999, 1, 4)] == "scheduled"


def test_questions_and_cut_teasers_are_not_entries() -> None:
    # Real feeds (feed-rs: BBC "In Our Time", Reddit r/rust): a teaser and a question.
    assert not stands_alone(
        "Melvyn Bragg and guests discuss the man who, according to Machiavelli..."
    )
    assert not stands_alone("Borrow checker have you in a headlock?")
    assert stands_alone("The parliament of Iraq voted Sunday on the removal of all foreign troops.")


def test_an_entry_that_points_back_to_another_sentence_is_not_shown_alone() -> None:
    from newsbrief.summarize.candidates import tidy_sentence
    from newsbrief.timeline_text import stands_alone

    # Timeline entries of the 1,000-article mix (DUC 2006/2007 wire copy).
    assert not stands_alone("That poll was released by the ROMIR polling agency on Monday.")
    assert not stands_alone("Those issues will be discussed by Ms. Albright in China next week.")
    assert not stands_alone("He's just raised Goldman Sachs' forecast for Chinese growth.")
    assert not stands_alone("This is Wolfensohn's second visit to Vietnam.")
    assert stands_alone("This year, 14 Guatemalans have been lynched, the group said.")
    assert stands_alone("Thailand's army took power on Tuesday.")
    # An opening date without a comma (Timeline17 and DUC entries of the 2,000-article mix).
    assert not stands_alone("By Friday they had made it into Haiti.")
    assert not stands_alone("In 1994 he was hospitalized with a flesh-eating infection.")
    assert not stands_alone("On April 29 it raised its pandemic alert to 5 on a 6-level scale.")
    assert stands_alone("On April 29 the WHO raised its pandemic alert to 5.")
    assert stands_alone("In his speech on Monday, Trump defended the deal.")
    # Judged as shown: "But" goes, and what is left opens with "it".
    shown = tidy_sentence("But this year it has become a rallying point on Monday.")
    assert shown.startswith("This year it") and not stands_alone(shown)


def test_a_digest_s_announcement_of_its_items_is_not_an_entry() -> None:
    from newsbrief.timeline_text import stands_alone

    # Xinhua's daily press digests in the DUC 2007 update topic D0716D.
    assert not stands_alone(
        "Following are major news items in leading Australian newspapers today:"
    )
    assert not stands_alone(
        "The following are major news items in leading Australian newspapers published today."
    )
    assert stands_alone("The following day, police arrested more than 100 protesters at the mine.")
    # The end of a sentence cut in two at a dash (Timeline17 bpoil_bbc).
    assert not stands_alone("which is battling to cap a damaged well - says the project will cost.")


def test_entries_read_as_prose_and_page_notes_are_furniture() -> None:
    from newsbrief.summarize.candidates import tidy_sentence

    # Timeline17 haiti_bbc stores PTB-tokenised text.
    assert tidy_sentence(
        "The 7.0-magnitude quake , Haiti 's worst in two centuries , struck south of the "
        "capital , Port-au-Prince , on Tuesday ."
    ) == (
        "The 7.0-magnitude quake, Haiti's worst in two centuries, struck south of the "
        "capital, Port-au-Prince, on Tuesday."
    )
    assert tidy_sentence("``We did n't know , '' he said .") == '"We didn\'t know," he said.'
    assert (
        clean_sentence(
            "Note : The photograph on this page was updated in 2011 A cathedral in Port-au-Prince "
            "after the earthquake ."
        )
        == ""
    )


def test_a_pronoun_after_an_opening_time_phrase_needs_its_sentence_before() -> None:
    from newsbrief.timeline_text import stands_alone

    # NewsWCL50 (caravan): "This year it has become a volatile flash point ...".
    assert not stands_alone("This year it has become a volatile flash point in the debate.")
    assert stands_alone("This year the caravan has become a volatile flash point.")


def test_a_report_s_title_tells_the_news_of_the_day_its_lead_names() -> None:
    # NewsWCL50 (Comey memos): a Friday report whose lead names "late Thursday".
    article = Article(
        id="1_R",
        date=dt.date(2018, 4, 20),
        title="Comey claims FBI does not leak in redacted memos",
        text=(
            "Comey claims FBI does not leak in redacted memos.\n\n"
            "President Trump late Thursday tweeted that the newly released memos written by "
            "former FBI Director James Comey show clearly no collusion with Russia.\n\n"
            "The memos describe his conversations with the president."
        ),
    )
    entries = build_timeline(Event("memos", (article,)), TimelineConfig())
    assert {e.date for e in entries if e.kind == "development"} == {dt.date(2018, 4, 19)}
    # A lead that names no past day leaves its title on the report's own day.
    plain = dataclasses.replace(
        article, text=article.text.replace("late Thursday ", ""), id="plain"
    )
    entries = build_timeline(Event("memos", (plain,)), TimelineConfig())
    assert {e.date for e in entries if e.kind == "development"} == {dt.date(2018, 4, 20)}


def test_sentences_restating_each_date_in_row_blocks_equal_one_product_per_date(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsbrief.clean import split_sentences
    from newsbrief.cluster import linkage
    from newsbrief.timeline import _restating

    # Real sentences, the seeds', as TF-IDF rows; the first 12 are "dated", in three
    # groups (dates). Blocks of 16 rows (a tiny budget) give, per group, the rows after
    # the dated ones whose best cosine with the group reaches the threshold, as one
    # product per group does.
    articles = [a for a in read_sources([seeds_dir]) if isinstance(a, Article)]
    sentences = [s for a in articles for s in split_sentences(a.text)]
    rows = sparse.csr_matrix(TfidfVectorizer().fit_transform(sentences))
    groups = [[0, 3, 7], [1, 2, 4, 5, 6], [8, 9, 10, 11]]
    threshold = 0.2
    expected = [
        np.flatnonzero((rows[12:] @ rows[members].T).max(axis=1).toarray().ravel() >= threshold)
        for members in groups
    ]
    assert len(sentences) > 12 + 32 and any(len(found) for found in expected)
    monkeypatch.setattr(linkage, "BLOCK_CELLS", 16 * 12)
    found = _restating(rows, groups, threshold)
    assert [list(f) for f in found] == [list(e) for e in expected]


def test_timeline_tf_idf_is_scikit_learns_without_importing_it(seeds_dir: Path) -> None:
    import numpy as np
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    from newsbrief.clean import split_sentences
    from newsbrief.english_stopwords import ENGLISH_STOP_WORDS as COPIED
    from newsbrief.timeline import _fit_vectorizer, _rows, _sparse_rows

    # The seeds' real sentences: the rows the timeline measured with TfidfVectorizer.
    articles = [a for a in read_sources([seeds_dir]) if isinstance(a, Article)]
    sentences = [s for a in articles for s in split_sentences(a.text)]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    expected = vectorizer.fit_transform(sentences).toarray()
    rows = _sparse_rows(lambda: sentences)
    assert COPIED == ENGLISH_STOP_WORDS
    assert rows is not None and rows.shape == expected.shape
    assert np.allclose(rows.toarray(), expected, rtol=0, atol=1e-12)
    space = _fit_vectorizer(sentences)
    assert space is not None
    some = [*sentences[:5], "words the story never used: zyzzyva"]
    assert np.allclose(_rows(space, some), vectorizer.transform(some).toarray(), atol=1e-12)
    assert _sparse_rows(lambda: ["the and of", "it is"]) is None  # only stop words: no space


def test_equally_central_sentences_go_by_the_story_then_their_given_order() -> None:
    import numpy as np

    from newsbrief.timeline import _by_centrality, _sparse_rows

    # The same words in another order: one row in exact arithmetic, which float sums may
    # tell apart in the last bit; the order given decides, not that bit.
    sentences = [
        "Rescuers reached the trapped miners on Tuesday after a long search",
        "After a long search on Tuesday rescuers reached the trapped miners",
        "Rescuers reached the trapped miners on Tuesday after a long search",
        "The mine's owner said on Tuesday that rescuers had reached the miners",
    ]
    rows = _sparse_rows(lambda: sentences)
    assert _by_centrality([1, 0, 2], rows) == [1, 0, 2]
    assert _by_centrality([2, 1, 0], rows) == [2, 1, 0]
    # Two rows are always equally close to their centroid: the one closer to the whole
    # story goes first, then the given order.
    story = np.array([0.2, 0.2, 0.2, 0.6])
    assert _by_centrality([0, 3], rows, story) == [3, 0]
    assert _by_centrality([0, 1], rows, story) == [0, 1]


# A report of August 1999 whose second sentence tells a past loss dated by its year only
# (background on its own) and whose third, given, a plan for that year.
_QUAKE_LOSS = (
    "The earthquake struck western Turkey on Tuesday and killed thousands of people.\n\n"
    "The quake caused $20 billion in economic losses, half of the country's budget in "
    "1999, Turkish experts said.\n\n"
)


def _entries_of_1999(plan: str) -> list[TimelineEntry]:
    article = Article(id="a", text=_QUAKE_LOSS + plan, date=dt.date(1999, 8, 21))
    return [e for e in _report_timeline(article) if e.date.year == 1999 and e.precision == "year"]


def test_a_scheduled_entry_is_told_by_a_plan_not_a_past_figure_of_its_year() -> None:
    # Both sentences date 1999 (a year): the year's entry is scheduled, so its text is the
    # plan, however central the other sentence is.
    year = _entries_of_1999(
        "The government will cut the country's budget in 1999 to pay for rebuilding, "
        "Turkish officials said."
    )
    assert [e.kind for e in year] == ["scheduled"]
    assert year[0].text.startswith("The government will cut")


def test_an_entry_whose_plans_cannot_stand_alone_is_no_plan() -> None:
    # DUC 2007 D0743J: the year's only plan opens on "It", which no entry may; the past
    # loss that told the entry was listed under "Scheduled".
    year = _entries_of_1999("It will cut the country's budget in 1999 to pay for rebuilding.")
    assert [(e.kind, e.text[:9]) for e in year] == [("background", "The quake")]


def test_a_report_published_before_a_development_is_not_cited_for_it() -> None:
    # A wire series repeats its stock sentences: a report of the first vote holds most
    # words of the second (DUC 2007 D0721E: a verdict cited by seven reports filed before
    # it; D0726F: an appointment cited by reports of the months before).
    first = Article(
        id="first",
        date=dt.date(2020, 1, 1),
        text="The city council approved the new school budget on Wednesday, the mayor said.",
    )
    second = Article(
        id="second",
        date=dt.date(2020, 1, 10),
        text=(
            "The city council approved the new school budget again on Thursday, the mayor "
            "said, after the state court struck down the first vote."
        ),
    )
    entries = build_timeline(Event("budget", (first, second)), TimelineConfig())
    later = entry_on(entries, dt.date(2020, 1, 9))
    assert later.sources == ("second",)
    earlier = entry_on(entries, dt.date(2020, 1, 1))
    assert "first" in earlier.sources


def test_a_wire_dateline_s_day_is_the_day_its_today_means() -> None:
    from newsbrief.timeline import news_day

    # DUC 2007 D0703A: Xinhua files a dispatch under the next day's date.
    text = (
        'PARIS, February 20 (Xinhua) -- Declaring that "Currency is politics," French Prime '
        "Minister Alain Juppe today reiterated France's determination to realize the "
        "single European currency."
    )
    report = Article(id="x", date=dt.date(1996, 2, 21), text=text)
    assert news_day(report) == dt.date(1996, 2, 20)
    (dated,) = date_sentences(report, TimelineConfig(), lead_sentences=3, event=True)
    assert dated.date == dt.date(1996, 2, 20)
    # A dateline day too far before the report's date is no filing day: the date stays.
    late = Article(id="y", date=dt.date(1996, 3, 1), text=text)
    assert news_day(late) == dt.date(1996, 3, 1)
    # PTB-tokenised wire text, as Timeline17 stores it.
    ptb = Article(
        id="z",
        date=dt.date(2009, 6, 10),
        text="SINGAPORE , June 9 ( Reuters ) - Singapore confirmed two more cases on Tuesday .",
    )
    assert news_day(ptb) == dt.date(2009, 6, 9)


def test_a_running_count_since_a_recent_day_is_of_the_report_s_day() -> None:
    # DUC 2007 D0706B: "more than 900 democracy activists have been arrested since May",
    # said in September 1998, had been an entry of May 1998.
    report = Article(
        id="a",
        date=dt.date(1998, 9, 10),
        text=(
            "More than 900 democracy activists have been arrested since May, an exile group "
            "said.\n\nSince Sunday, the army has arrested 300 members of the party elected "
            "in 1990.\n\nThe turnout was the highest since 1998.\n\nAt least 23 athletes have "
            "tested positive since 1990.\n\nHatcheries have been part of the salmon equation "
            "since 1872, when the U.S. Fish Commission built the first one."
        ),
    )
    event_days = [
        (item.date, item.precision)
        for item in date_sentences(report, TimelineConfig(), lead_sentences=2, event=True)
    ]
    assert event_days == [
        (dt.date(1998, 9, 10), "day"),  # the count on the report's day
        (dt.date(1998, 9, 10), "day"),  # not 1990, the parliament's election
        # a year a span runs from dates nothing (the mix's briefs had the turnout in 1998,
        # the positive tests in 1990), unless a "when" clause tells what happened then
        (dt.date(1872, 1, 1), "year"),
    ]
    # Story timelines date a span by its start, as Timeline17's editors do.
    story_days = [item.date for item in date_sentences(report, TimelineConfig(), lead_sentences=2)]
    assert dt.date(1998, 5, 1) in story_days


def test_a_day_closing_a_since_clause_starts_a_span() -> None:
    # DUC 2007 D0743J: said on 23 August, an entry of 17 August; the "since" clause's day
    # is the span's start, as in "since May".
    report = Article(
        id="a",
        date=dt.date(1999, 8, 23),
        text=(
            "ISTANBUL, August 23 (Xinhua) -- Rescue teams left Golcuk on Monday.\n\nSome 20 "
            "rescue teams had come to Izmit.\n\nOver 60 aftershocks measuring at least 4.0 "
            "on the Richter scale have occurred since the quake hit western Turkey in the "
            "early hours of August 17."
        ),
    )
    dated = date_sentences(report, TimelineConfig(), lead_sentences=2, event=True)
    assert [item.text[:10] for item in dated] == ["Rescue tea", "Some 20 re"]  # the lead
    # story timelines date the span by its start, as Timeline17's editors do
    story = date_sentences(report, TimelineConfig(), lead_sentences=2)
    assert dt.date(1999, 8, 17) in [item.date for item in story]
    # So does a "since" clause of a verb in -ing (ECB+ on the mix: a boxer's record
    # "since knocking out Lennox Lewis in 2001" had been an entry of 2001).
    boxer = Article(
        id="b",
        date=dt.date(2008, 12, 14),
        text="Klitschko won on Saturday night in Mannheim.\n\nRahman is now 10-5-2 since "
        "knocking out Lennox Lewis in 2001.",
    )
    dated = date_sentences(boxer, TimelineConfig(), lead_sentences=0, event=True)
    assert [item.date for item in dated] == [dt.date(2008, 12, 13)]


def test_a_time_in_a_clause_of_what_was_alleged_dates_nothing() -> None:
    # DUC 2006 on the mix: the US strike on a Sudanese plant was an entry of Aug. 7, the
    # embassy bombings' day its allegation names; WHO's Chile "adding to its first two
    # cases reported on Sunday" was one of that Sunday.
    report = Article(
        id="a",
        date=dt.date(1998, 8, 21),
        text=(
            "President Clinton ordered the attack, alleging that the plant had links to Osama"
            " bin Laden, suspected in the bombings of U.S. embassies in Kenya and Tanzania on"
            " Aug. 7, 1998.\n\nThe committee filed a lawsuit Friday, alleging that they "
            "conspired to influence the 2016 election."
        ),
    )
    dated = date_sentences(report, TimelineConfig(), lead_sentences=0, event=True)
    assert [(item.text[:13], item.date) for item in dated] == [
        ("The committee", dt.date(1998, 8, 21))
    ]


def test_a_relative_day_in_a_when_clause_dates_that_clause_only() -> None:
    # DUC 2007 D0743J: a Washington dispatch of 17 August 1999 (filed on the 18th).
    report = Article(
        id="a",
        date=dt.date(1999, 8, 18),
        text=(
            "WASHINGTON, August 17 (Xinhua) -- The United States offered help to Turkey on "
            "Tuesday.\n\nNational Security Council spokesman David Leavy said Shelton, who "
            "was in Turkey when the earthquake took place last night, had offered "
            "helicopters.\n\nThe last live rescue was Monday, when a boy was saved."
        ),
    )
    days = {
        item.text[:20]: item.date
        for item in date_sentences(report, TimelineConfig(), lead_sentences=2, event=True)
    }
    assert days["The United States of"] == dt.date(1999, 8, 17)  # the dateline's Tuesday
    assert days["National Security Co"] == dt.date(1999, 8, 17)  # the lead's day, not the 16th
    assert days["The last live rescue"] == dt.date(1999, 8, 16)  # "Monday" is the rescue's


def test_a_reply_not_given_is_no_entry_however_it_is_worded() -> None:
    # Wire copy's ways of saying nobody answered (DUC 2007 D0727G and others).
    for note in (
        "Neither attorney for the couple was available for comment Friday.",
        "The mayor was unavailable for comment on Monday.",
        "Phone calls to his office Tuesday went unanswered.",
        "Messages left for the company were not returned.",
        # A title's point is no sentence end.
        "Phone calls to Gingrich's office and Mrs. Gingrich's house went unanswered late Monday.",
        "Dr. Smith was not available for comment.",
    ):
        assert not stands_alone(note), note
    for news in (
        "The minister was available to answer questions on Friday.",
        "Rescuers answered calls from 300 trapped people on Tuesday.",
        "The calls were made on Monday. Police said the documents were returned.",
    ):
        assert stands_alone(news), news


def test_a_time_in_a_relative_clause_does_not_date_the_sentence() -> None:
    # DUC 2007 D0740I: the balloonist's failed attempt "last year" is not the news of
    # 1999-03-11; the sentence is dated as the lead it is.
    article = Article(
        id="piccard",
        date=dt.date(1999, 3, 11),
        text=(
            "Piccard, who had to abandon an attempt last year because he failed to receive "
            "permission to cross China, delayed his departure from Switzerland this year."
        ),
    )
    entries = build_timeline(Event("balloon", (article,)), TimelineConfig())
    assert entries
    assert all(e.date.year == 1999 for e in entries)


def test_a_year_in_a_name_s_who_clause_does_not_date_the_sentence() -> None:
    # WCEP (an undated report): "Turing's Law ... officially came into force today" was an
    # entry of 1952, the year of Turing's conviction.
    article = Article(
        id="turing",
        text=(
            "Thousands of gay men convicted of now-abolished sexual offences have been "
            "posthumously pardoned after a new law received Royal assent. The so-called "
            "Turing's Law, named after Alan Turing who was convicted of gross indecency in "
            "1952 for having sex with a man, officially came into force today."
        ),
    )
    entries = build_timeline(Event("pardons", (article,)), TimelineConfig())
    assert not [e for e in entries if e.date.year == 1952]
    # A sentence opening on its subject's "who" clause is dated by its own verb's day
    # (Timeline17, a report of 31 January 2011).
    protest = Article(
        id="tahrir",
        date=dt.date(2011, 1, 31),
        text=(
            "Protesters who were gathered in Cairo's Tahrir Square said Monday that they "
            "were organizing a million man march for Tuesday."
        ),
    )
    entries = build_timeline(Event("egypt", (protest,)), TimelineConfig())
    assert [e.date for e in entries if e.kind == "development"] == [dt.date(2011, 1, 31)]


def test_a_lead_sentence_naming_another_week_is_not_news_of_the_report_s_day() -> None:
    # DUC 2007 D0721E (NYT, 1998-12-04): the hearing was two weeks before the report.
    article = Article(
        id="nyt",
        date=dt.date(1998, 12, 4),
        text=(
            "Police testimony at a preliminary hearing two weeks ago also indicates that "
            "Matthew had not made a pass at his assailants.\n\n"
            "The judge this week set a trial date for both men accused in the killing."
        ),
    )
    dated = date_sentences(article, TimelineConfig(), lead_sentences=2, event=True)
    assert [item.text[:12] for item in dated] == ["The judge th"]
    assert dated[0].date == dt.date(1998, 12, 4)


def test_an_aside_in_brackets_that_a_later_sentence_closes_is_no_entry() -> None:
    # DUC 2007 D0736H (NYT): a column's aside over two sentences.
    assert not stands_alone(
        "(Elsewhere in the Chat-for-Hire empire, Marie Osmond, who has a new talk show, "
        "promotes it Friday with an appearance on the Food Network."
    )
    assert stands_alone("(AP) The parliament voted on Friday.")


def test_a_lead_on_the_present_against_the_past_or_of_another_year_takes_no_day() -> None:
    # DUC 2006 D0614E (NYT, 6 December 1999): its lead was dated that day, though it tells
    # the state of things, then the 1995 referendum.
    article = Article(
        id="nyt",
        date=dt.date(1999, 12, 6),
        text=(
            "Today, Quebec's separatist movement lies in tatters.\n\n"
            "In a 1995 referendum on independence, the restive province of Quebec came "
            "within a few thousand votes of secession."
        ),
    )
    assert date_sentences(article, TimelineConfig(), lead_sentences=2, event=True) == []
    news = Article(
        id="nr",
        date=dt.date(2018, 5, 1),
        text=(
            "Today, the Senate voted on the bill.\n\n"
            "The investigation into Russian involvement in the 2016 presidential election "
            "continues."
        ),
    )
    dated = date_sentences(news, TimelineConfig(), lead_sentences=2, event=True)
    assert [item.date for item in dated] == [dt.date(2018, 5, 1)] * 2


@pytest.mark.skipif(nlp.load() is None, reason="no spaCy parse")
def test_a_feature_s_lead_in_the_simple_present_takes_no_day() -> None:
    # DUC 2006 D0638B (NYT): a feature's leads were dated on its report's day.
    feature = Article(
        id="nyt",
        date=dt.date(2000, 2, 14),
        text=(
            "The weather on Jupiter seems always stormy.\n\n"
            "In close-up photos, the many moons of Jupiter appear eerie and alien."
        ),
    )
    assert date_sentences(feature, TimelineConfig(), lead_sentences=2, event=True) == []
    news = Article(
        id="ap",
        date=dt.date(2000, 2, 14),
        text=(
            "The death toll stands at 50, officials said.\n\n"
            "Calls mount for Italian PM Silvio Berlusconi to resign as he wins a budget vote."
        ),
    )
    dated = date_sentences(news, TimelineConfig(), lead_sentences=2, event=True)
    assert len(dated) == 2
    # Story timelines (Timeline17) read leads as before.
    assert len(date_sentences(feature, TimelineConfig(), lead_sentences=2)) == 2


@pytest.mark.skipif(nlp.load() is None, reason="no spaCy parse")
def test_a_lead_of_habit_or_of_a_condition_takes_no_day() -> None:
    # The thirty-fourth read (DUC 2006, NYT, 1999-10-28): a review's opening joke was a
    # development of its report's day. A habit ("used to") is no happening, nor is what a
    # proposal would do; one that tells a move beside it keeps its day (DUC 2007 D0716D,
    # an editor's day of the gold brief: "could be approved within a year after Energy
    # Resources Australia (ERA) company moved to fast-track ..."; DUC 2006, AP: "a
    # measure approved by the Assembly").
    review = Article(
        id="review",
        date=dt.date(1999, 10, 28),
        text=(
            "There used to be a joke that a Mercury is just a Ford with the bolts torqued "
            "tighter.\n\nThe measure would raise the minimum wage to $5.15 an hour."
        ),
    )
    assert date_sentences(review, TimelineConfig(), lead_sentences=2, event=True) == []
    move = Article(
        id="move",
        date=dt.date(1996, 4, 4),
        text=(
            "A fourth uranium mine could be approved within a year after Energy Resources "
            "Australia (ERA) company moved to fast-track for the Jabiluka mine in Kakadu.\n\n"
            "California's hate crime law would get beefed up for murderers of gays, lesbians "
            "and the disabled under a measure approved by the Assembly with strong "
            "Republican support."
        ),
    )
    dated = date_sentences(move, TimelineConfig(), lead_sentences=2, event=True)
    assert [item.date for item in dated] == [dt.date(1996, 4, 4)] * 2


def test_page_stamps_captions_and_a_feature_s_form_lines_are_no_entries() -> None:
    # The 2,000-article mix: "Last updated on: ..." (ECB+) and a satellite picture's
    # caption (Timeline17, Haiti) were entries; so was the second line of a NYT feature's
    # mock job advertisement (DUC 2006), a line with no finite verb.
    ad = Article(
        id="ad",
        date=dt.date(1999, 1, 24),
        text="WEST PALM BEACH, Fla. _ Wanted: Working families earning decent wages.\n\n"
        "Position: To be public housing tenants.\n\nResponsibilities: Pay higher-than-average "
        "rents and serve as role models to unemployed neighbors.\n\nCongress last fall passed "
        "reforms intended to discourage the use of public housing projects as warehouses for "
        "the very poor.",
    )
    page = Article(
        id="page",
        date=dt.date(2011, 11, 11),
        text="Last updated on: November 11, 2011 19:04 IST\n\nThe Indian Navy foiled a piracy "
        "attempt in the Gulf of Aden on Thursday.",
    )
    picture = Article(
        id="picture",
        date=dt.date(2010, 1, 14),
        text="Satellite image of Port-au-Prince, Haiti taken on 13 January.\n\nRescuers "
        "searched the rubble of the capital on Thursday.",
    )
    for article in (ad, page, picture):
        texts = [e.text for e in build_timeline(Event("e", (article,)), TimelineConfig())]
        assert not any(
            t.startswith(("Position:", "Last updated", "Satellite image")) for t in texts
        ), texts


# DUC 2007 (Oprah Winfrey, NYT 27 December 1999): a chronology of television in the
# historical present, each paragraph opening on its year.
_TV_CHRONOLOGY = (
    "NEW YORK _ Television turns 60 this year.\n\n"
    "1939: In April, regularly scheduled network TV is born when NBC airs President Franklin"
    " D. Roosevelt's speech at the opening of the New York World's Fair.\n\n"
    "1960: The televised presidential debate between Richard Nixon and John F. Kennedy"
    " illustrates the power of image. Candidates begin to respect TV's power.\n\n"
    "1980: On Nov. 21, more than 80 million viewers tune in to see who shot ruthless character"
    ' J.R. Ewing in the prime-time soap "Dallas."'
)


def test_a_chronology_s_items_take_their_own_year() -> None:
    # "1939: In April, ..." had been dated April 1999, the month of the report's year.
    article = Article(id="a", date=dt.date(1999, 12, 27), text=_TV_CHRONOLOGY)
    dated = {d.text[:4]: d for d in date_sentences(article, TimelineConfig(), 3, event=True)}
    assert (dated["1939"].date, dated["1939"].precision) == (dt.date(1939, 4, 1), "month")
    assert dated["1980"].date == dt.date(1980, 11, 21)


def test_a_chronology_gives_no_key_point() -> None:
    # "Candidates begin to respect TV's power." (of 1960) was a key point of the story.
    article = Article(id="a", date=dt.date(1999, 12, 27), text=_TV_CHRONOLOGY)
    assert is_chronology(_TV_CHRONOLOGY)
    assert candidate_sentences([article]) == []
    assert not is_chronology("Television turns 60 this year.\n\n1939: TV is born.")


def test_an_entry_reads_without_its_chronology_date_heading() -> None:
    # The 2,000-article mix: items of a DUC chronology and of Timeline17 pages, whose date
    # the entry's date column already shows.
    from newsbrief.timeline_text import without_date_heading

    for sentence, text in (
        (
            "Aug. 10 - Each side offers the court book-sized documents detailing the facts.",
            "Each side offers the court book-sized documents detailing the facts.",
        ),
        (
            "29 August 2009 Jackson's death is ruled a homicide by the Los Angeles coroner.",
            "Jackson's death is ruled a homicide by the Los Angeles coroner.",
        ),
        (
            "1939: In April, regularly scheduled network TV is born.",
            "In April, regularly scheduled network TV is born.",
        ),
    ):
        assert without_date_heading(sentence) == text
    for sentence in (
        "2008 Olympics host Beijing promised clean air for the games.",
        "May 12 is the deadline for the decision on the deal.",
        "Nov. 25 -- Elian rescued.",  # too little after it: the date stays with it
    ):
        assert without_date_heading(sentence) == sentence


def test_a_time_written_as_a_possessive_dates_nothing() -> None:
    # A WCEP report of 2017 on Somalia: its lead sentence, the UN's warning, was a 2011
    # background entry because it names "2011's famine"; it is the news of its day.
    warning = (
        "The United Nations is warning that Somalia could soon be facing a famine, raising "
        "concerns about a repeat of 2011's famine which killed a quarter of a million people."
    )
    report = Article(id="a", text=warning, date=dt.date(2017, 2, 2))
    (item,) = date_sentences(report, TimelineConfig(), 1, event=True)
    assert (item.date, item.precision, item.mentioned) == (dt.date(2017, 2, 2), "day", False)
    # The year itself still dates: "the famine of 2011".
    history = Article(id="b", text="The famine of 2011 killed 250,000 people.", date=None)
    (item,) = date_sentences(history, TimelineConfig(), 1, event=True)
    assert item.date == dt.date(2011, 1, 1)


def test_a_day_of_news_is_told_by_what_happened_not_by_the_plan_for_it() -> None:
    # DUC 2007 D0743J on the mix: Aug 21 read "Saturday another team of about 90 people
    # will arrive." (NYT, Aug 20), a development day by the Aug 21 reports' leads.
    plan = Article(
        id="nyt",
        date=dt.date(1999, 8, 20),
        text=(
            "Rescue teams from a dozen countries worked through the night in Izmit. "
            "Saturday another team of about 90 people will arrive."
        ),
    )
    news = Article(
        id="apw",
        date=dt.date(1999, 8, 21),
        text=(
            "Rescuers pulled a 4-year-old boy alive from the rubble of a building in Izmit. "
            "His parents wept as the crowd cheered."
        ),
    )
    entry = entry_on(
        build_timeline(Event("e", (plan, news)), TimelineConfig()), dt.date(1999, 8, 21)
    )
    assert entry.kind == "development"
    assert "will arrive" not in entry.text


def test_a_quote_over_sentences_is_closed_where_the_entry_cuts_it() -> None:
    from newsbrief.timeline_text import closed_quotes

    # fundus_dev pages: The Telegraph, Nine.com.au.
    assert (
        closed_quotes('Sir Keir said on Monday: "All Members of Parliament get gifts.')
        == 'Sir Keir said on Monday: "All Members of Parliament get gifts."'
    )
    assert closed_quotes(
        'We keep that promise today," Chief Justice John Roberts wrote for the court.'
    ) == ('"We keep that promise today," Chief Justice John Roberts wrote for the court.')
    assert closed_quotes("He said: “It works.") == "He said: “It works.”"
    whole = 'Trump called the deal "insane" on Tuesday.'
    assert closed_quotes(whole) == whole


def test_a_sentence_whose_opening_was_lost_is_cut_from_the_one_before() -> None:
    from newsbrief.summarize.candidates import tidy_sentence

    # A National Post page of fundus_dev: who "he" is was in the words lost.
    assert tidy_sentence(
        "Pakistan’s military said Wednesday its air force shot down five Indian fighter jets,"
        " including three Rafale aircraft. he said at least 31 people had been killed around"
        " the country from the strikes and artillery exchanges."
    ) == (
        "Pakistan’s military said Wednesday its air force shot down five Indian fighter jets,"
        " including three Rafale aircraft."
    )
    kept = "They sold bonds, stocks etc. the report said."
    assert tidy_sentence(kept) == kept


def test_one_sentence_is_one_entry_when_copies_years_apart_date_it_twice() -> None:
    text = (
        "Rescuers in Haiti pulled three more survivors from the rubble on Monday, officials "
        "said. The earthquake killed at least 200 people in Port-au-Prince, the government "
        "said on Sunday."
    )
    days = [dt.date(1999, 12, 31), dt.date(2010, 1, 18), dt.date(2010, 1, 18)]
    articles = tuple(
        Article(id=f"a{n}", text=text, date=day, copy_of=None if n == 0 else "a0")
        for n, day in enumerate(days)
    )
    entries = build_timeline(Event("e", articles), TimelineConfig())
    texts = [entry.text for entry in entries]
    assert texts and len(texts) == len(set(texts))


def _gingrich_reports(shared_data: Path, wanted: set[str]) -> tuple[Article, ...]:
    """The reports of DUC 2007 D0727G (the Gingrich divorce) with these ids."""
    import json

    with (shared_data / "summarization" / "duc2007_update.jsonl").open(encoding="utf-8") as f:
        return tuple(
            Article.from_record(record)
            for line in f
            if (cluster := json.loads(line))["id"].startswith("D0727G")
            for record in cluster["articles"]
            if record["id"] in wanted
        )


def test_a_month_entry_restating_a_day_entry_of_that_month_goes(shared_data: Path) -> None:
    # DUC 2007 D0727G: "1999-05 Gingrich, 56, separated from his wife of 18 years in May
    # and filed for divorce in July." beside "1999-05-10 ... was separated from his wife of
    # 18 years on May 10 and filed for divorce July 29": one development told twice.
    wanted = {"APW19990928.0162", "APW19991007.0146", "APW19991008.0176"}
    reports = _gingrich_reports(shared_data, wanted)
    entries = build_timeline(Event("D0727G", reports), TimelineConfig())
    may = [e for e in entries if (e.date.year, e.date.month) == (1999, 5)]
    assert [(e.date, e.precision) for e in may] == [(dt.date(1999, 5, 10), "day")]
    assert len(may[0].sources) == 3
    # A month's entry that tells something else stays ("The couple agreed last month ...").
    assert any(e.precision == "month" and e.date == dt.date(1999, 9, 1) for e in entries)


def test_a_things_own_date_does_not_date_a_sentence_that_tells_another_time() -> None:
    # ECB+ topic 3 on the mix (an undated report): "Nichols, 37, was found guilty last
    # month ... in the March 2005 rampage" had been an entry of March 2005, the rampage's
    # date; the verdict came more than three years later. With its report's date, "last
    # month" dates it; without, nothing does.
    text = (
        "Nichols, 37, was found guilty last month of murdering a judge and three others "
        "in the March 2005 rampage."
    )
    for reported, day in ((dt.date(2008, 12, 14), dt.date(2008, 11, 1)), (None, None)):
        article = Article(id="a", date=reported, text=f"A sentence.\n\n{text}")
        dated = date_sentences(article, TimelineConfig(), lead_sentences=0, event=True)
        assert [item.date for item in dated if item.text.startswith("Nichols")] == (
            [day] if day else []
        )
    # Alone, the thing's date still dates its sentence ("the March 2005 rampage left four
    # dead"), as an attribute of what it names.
    alone = Article(id="b", date=None, text="The March 2005 rampage left four people dead.")
    [rampage] = date_sentences(alone, TimelineConfig(), lead_sentences=0, event=True)
    assert rampage.date == dt.date(2005, 3, 1) and rampage.attributive


def test_a_pages_title_among_its_sentences_is_no_event_entry() -> None:
    # ECB+ topic 18 on the mix: "Fired Accountant Goes on Shooting Spree", a page's title
    # line, was an entry of its page's day beside the shooting it names.
    article = Article(
        id="a",
        date=dt.date(2007, 4, 12),
        text="Fired Accountant Goes on Shooting Spree\n\nA fired accountant shot three people "
        "at his former office on Monday, police said.",
    )
    dated = date_sentences(article, TimelineConfig(), lead_sentences=2, event=True)
    assert [item.text[:8] for item in dated] == ["A fired "]
    # ... nor one in sentence case: its line ends no sentence (ECB+ on the mix: "Schenectady
    # man charged in fatal Queens crash", dated its page's day, after the charge).
    headed = Article(
        id="b",
        date=dt.date(2013, 9, 16),
        text="Schenectady man charged in fatal Queens crash\n\nA Schenectady man has been "
        "charged in a fatal hit-and-run crash in Queens, police said on Sunday.",
    )
    dated = date_sentences(headed, TimelineConfig(), lead_sentences=2, event=True)
    assert [item.text[:12] for item in dated] == ["A Schenectad"]


def test_the_other_side_of_a_comparison_dates_nothing() -> None:
    # Timeline17 (Haiti) on the 2,000-article mix: an entry of 2005; and a report of 1999
    # whose "fewer than last year" had dated the year's layoff limit 1998.
    report = Article(
        id="a",
        date=dt.date(2010, 2, 12),
        text=(
            "Aid groups met in Port-au-Prince on Friday.\n\nThe talks went on.\n\nThere are at "
            "least 2,000 people who lost their limbs in the Haiti earthquake - a figure far "
            "higher than a similar disaster in Pakistan five years ago.\n\nThe government "
            "would limit layoffs to 7 million, or 1 million people fewer than last year.\n\n"
            "Interest is now less than half of what it was in 1966.\n\nThe clinic opened more "
            "than a year ago.\n\nThe tribe reported more than $300 million in revenue in the "
            "first five months of 2009."
        ),
    )
    dated = date_sentences(report, TimelineConfig(), lead_sentences=1, event=True)
    assert [(item.text[:14], item.date) for item in dated] == [
        ("Aid groups met", dt.date(2010, 2, 12)),
        ("The clinic ope", dt.date(2009, 1, 1)),  # a span, not a comparison: as before
        ("The tribe repo", dt.date(2009, 1, 1)),  # "than" counts: no comparison
    ]


def test_a_superlatives_yardstick_and_a_changes_start_date_nothing() -> None:
    # The thirty-fourth read: "the most serious in Greece since ... 1974" (WCEP, Reuters)
    # had been an entry of 1974, and a poll's "from 79 percent a year ago to 66 percent"
    # one of 1997 (DUC 2006, NYT).
    report = Article(
        id="a",
        date=dt.date(1998, 11, 11),
        text=(
            "Riot police fired tear gas on Saturday.\n\nThe disturbances have been described "
            "as the most serious in Greece since student protests that preceded the fall of "
            "the military junta in 1974.\n\nSatisfaction with the police has dropped, from 79 "
            "percent a year ago to 66 percent.\n\nThe share of critics has risen from 30 "
            "percent in July 1997 to more than 50 percent.\n\nThe junta fell in 1974."
        ),
    )
    for event in (True, False):
        dated = date_sentences(report, TimelineConfig(), lead_sentences=1, event=event)
        assert [(item.text[:14], item.date) for item in dated] == [
            ("Riot police fi", dt.date(1998, 11, 7)),
            ("The junta fell", dt.date(1974, 1, 1)),  # the year's own news: as before
        ]


def test_a_report_restating_an_entry_is_cited_only_if_it_can_tell_of_its_day(
    shared_data: Path,
) -> None:
    # DUC 2007 D0727G (the Gingrich divorce): "Newt Gingrich and Marianne Gingrich agreed
    # Monday to keep their divorce out of a public arena" (13 September 1999) had been
    # cited to three later reports whose sentences, alike in words, tell of the December
    # mediation ("The Gingriches agreed to settle their divorce Dec. 16, 1999").
    wanted = {"NYT19990913.0341", "NYT19991216.0253", "NYT20000403.0399", "NYT20000406.0397"}
    reports = _gingrich_reports(shared_data, wanted)
    entries = build_timeline(Event("D0727G", reports), TimelineConfig())
    [arena] = [e for e in entries if "public arena" in e.text]
    assert arena.date == dt.date(1999, 9, 13)
    assert arena.sources == ("NYT19990913.0341",)
    # A later report that names the day it restates stays cited: the settlement of Dec. 16
    # ("But on Dec. 16, during a court-ordered mediation ..." of 6 April 2000, whose
    # paragraph break now ends the sentence before it).
    [settled] = [e for e in entries if e.date == dt.date(1999, 12, 16)]
    assert {"NYT20000403.0399", "NYT20000406.0397"} <= set(settled.sources)
