"""What a story's brief reads (newsbrief.sample): a bounded sample of its reports, each
cut to its opening, on a real DUC 2007 update topic (three sets of ten reports)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsbrief.clean import clean_text
from newsbrief.clean.digest import digest_items, on_topic_items
from newsbrief.config import BriefConfig, Config, TimelineConfig
from newsbrief.model import LEAD_SENTENCES, Article, Event, Story
from newsbrief.pipeline import Pipeline, brief_story
from newsbrief.sample import brief_sample, opening, timeline_sample, topic_words


@pytest.fixture(scope="module")
def story(shared_data: Path) -> Story:
    """The first DUC 2007 update topic as a story of three developments (sets A, B, C),
    the articles cleaned as the pipeline cleans them (their sentences)."""
    path = shared_data / "summarization" / "duc2007_update.jsonl"
    with path.open(encoding="utf-8") as lines:
        sets = [json.loads(next(lines)) for _ in range(3)]
    events = []
    for record in sets:
        articles = [Article.from_record(a) for a in record["articles"]]
        prepared, _ = Pipeline().prepare(articles)
        events.append(Event(record["id"], tuple(prepared)))
    return Story("D0703A", tuple(events))


def test_a_sample_reads_the_main_development_then_each_development_s_leads(
    story: Story,
) -> None:
    largest = max(story.events, key=lambda e: len(e.originals))
    read = brief_sample(story, BriefConfig(max_reports=8, max_report_chars=0))
    ids = {a.id for a in read.articles}
    assert len(read.articles) == 8
    # Half the budget from the main development, its first reports.
    assert {a.id for a in largest.originals[:4]} <= ids
    # Then every other development's first report before any one's second.
    for event in story.events:
        if event is not largest:
            assert event.originals[0].id in ids
    # Read in the story's order, under the story's id.
    order = [a.id for a in story.articles]
    assert [a.id for a in read.articles] == [i for i in order if i in ids]
    assert read.id == story.id


def test_without_bounds_the_sample_is_the_story(story: Story) -> None:
    read = brief_sample(story, BriefConfig(max_reports=0, max_report_chars=0))
    assert read.articles == story.articles
    assert timeline_sample(story, BriefConfig(max_report_chars=0)).articles == story.articles


def test_copies_of_a_report_read_come_with_it(story: Story) -> None:
    first = story.events[0].originals[0]
    copy = dataclasses.replace(first, id="reprint", copy_of=first.id)
    events = (Event(story.events[0].id, (*story.events[0].articles, copy)), *story.events[1:])
    read = brief_sample(Story(story.id, events), BriefConfig(max_reports=3))
    assert {first.id, "reprint"} <= {a.id for a in read.articles}


def _reprinted(story: Story, times: int) -> tuple[Article, Story]:
    """The story's first report and the story with ``times`` copies of it added."""
    first = story.events[0].originals[0]
    copies = tuple(
        dataclasses.replace(first, id=f"reprint-{n:02}", copy_of=first.id) for n in range(times)
    )
    events = (Event(story.events[0].id, (*story.events[0].articles, *copies)), *story.events[1:])
    return first, Story(story.id, events)


def test_a_report_reprinted_many_times_is_read_with_a_few_of_its_copies(story: Story) -> None:
    first, reprinted = _reprinted(story, 50)
    read = brief_sample(reprinted, BriefConfig(max_reports=3, max_copies=20))
    ids = [a.id for a in read.articles]
    assert first.id in ids
    # The first 20 in the story's order (the brief still lists every copy).
    assert [i for i in ids if i.startswith("reprint-")] == [f"reprint-{n:02}" for n in range(20)]


def test_the_timeline_reads_every_report_with_a_few_copies_of_each(story: Story) -> None:
    _, reprinted = _reprinted(story, 50)
    read = timeline_sample(reprinted, BriefConfig(max_reports=3, max_copies=20))
    ids = [a.id for a in read.articles]
    assert {a.id for a in story.articles} <= set(ids)  # every report, not only three
    assert [i for i in ids if i.startswith("reprint-")] == [f"reprint-{n:02}" for n in range(20)]


def test_a_report_is_cut_after_a_whole_sentence(story: Story) -> None:
    article = max(story.articles, key=lambda a: len(a.text))
    cut = opening(article, 1500)
    assert len(cut.text) <= 1500 < len(article.text)
    assert article.text.startswith(cut.text)
    assert cut.sentences == article.sentences[: len(cut.sentences)]
    assert cut.text.endswith(cut.sentences[-1])
    # The lead is always read, whatever the bound.
    assert len(opening(article, 10).sentences) == LEAD_SENTENCES
    assert opening(article, len(article.text)) is article


def test_a_story_brief_lists_every_report_and_cites_only_those_it_read(story: Story) -> None:
    config = dataclasses.replace(Config(), brief=BriefConfig(max_reports=6))
    brief = brief_story(story, config)
    assert brief.articles == story.articles
    read = {a.id for a in brief_sample(story, config.brief).articles}
    cited = {source for point in brief.summary for source in point.sources}
    cited |= {source for fact in brief.facts for claim in fact.claims for source in claim.sources}
    assert cited and cited <= read
    assert len(brief.developments) == 3


def _duc_story(shared_data: Path, topic: str) -> Story:
    """A DUC 2007 update topic as a story of three developments, cleaned as the pipeline
    cleans them."""
    path = shared_data / "summarization" / "duc2007_update.jsonl"
    with path.open(encoding="utf-8") as lines:
        sets = [r for r in map(json.loads, lines) if r["id"].startswith(topic)]
    events = []
    for record in sets:
        prepared, _ = Pipeline().prepare([Article.from_record(a) for a in record["articles"]])
        events.append(Event(record["id"], tuple(prepared)))
    return Story(topic, tuple(events))


def test_a_digest_is_read_for_its_items_on_the_story(shared_data: Path) -> None:
    # D0740I (a balloon flight around the world) holds three "AP Top News" digests of
    # eight or nine stories each: a House budget vote, a train crash, a tennis match.
    story = _duc_story(shared_data, "D0740I")
    digests = [a for a in story.articles if (digest_items(a.text) or []) != []]
    assert len(digests) == 3
    topic = topic_words(story, TimelineConfig())
    for sample in (
        brief_sample(story, BriefConfig(max_reports=0), topic),
        timeline_sample(story, BriefConfig(), topic),
    ):
        read = {a.id: a for a in sample.articles}
        for digest in digests:
            assert "balloon" in read[digest.id].text
            assert "Kasich" not in read[digest.id].text
            assert len(read[digest.id].text) < len(digest.text) / 3
    brief = brief_story(story, Config())
    shown = " ".join(
        [k.text for k in brief.summary]
        + [e.text for e in brief.timeline]
        + [f.subject for f in brief.facts]
    )
    assert "balloon" in shown
    assert not {"Kasich", "Graf", "Amtrak"} & set(shown.replace(",", " ").split())


def test_digest_items_of_a_press_review_and_not_of_a_report_with_a_list() -> None:
    # DUC 2007 D0716D (XIE19970829.0297), items cut short.
    review = (
        "CANBERRA, August 28 (Xinhua) -- The following are major news items in leading "
        "Australian newspapers published today:\n\nThe Australian\n\n"
        "-- Australians will take the first steps in choosing between a republic or a "
        "monarchy.\n\nThe Sydney Morning Herald\n\n"
        "-- A second uranium mine is almost certain to be operating inside Australia's "
        "Kakadu World Heritage Area by 2000.\n\nThe Age\n\n"
        "-- In a white paper issued yesterday, the government unveiled its foreign policy."
        "\n\nThe Australian Financial Review\n\n"
        "-- Telstra will today announce a 1.7 billion U.S. dollar profit writedown."
    )
    items = digest_items(review)
    assert items is not None and len(items) == 4
    assert on_topic_items(items, ("mine", "uranium", "kakadu", "heritage")) == [items[1]]
    report = (
        "NAIROBI (Xinhua) -- African health ministers agreed on a plan against malaria:\n\n"
        "-- nets for every child;\n\n-- drugs at every clinic;\n\n-- spraying in the rains."
    )
    assert digest_items(report) is None


def test_digest_items_of_a_news_service_budget() -> None:
    # DUC 2006 D0647B (NYT20000415.0172, a Cox News Service budget), items cut short:
    # its Gore, Columbine and poultry items were on the Elian Gonzalez timeline.
    budget = (
        "For questions, please call 404-526-5456.\n\nINTERNATIONAL\n\n"
        "CUBA-ELIAN _ MIAMI _ Demonstrators sang and prayed outside the home where Elian "
        "Gonzales is staying. The court action could come at any time. (Williams, Cox News "
        "Service) MOVED\n\n"
        "IMF-PROTESTS _ WASHINGTON _ Police staged a pre-emptive raid and closed the "
        "headquarters of world finance protests Saturday. (Dart/Schulktz, Cox News Service) "
        "MOVED\n\n"
        "CHICKEN-NUGGETS-1STLD _ WASHINGTON _ Two Gold Kist Inc. poultry processing plants "
        "were overwhelmed by diseased poultry. (Shepard, Cox News Service). WITH PHOTOS and "
        "LOCATOR MAP."
    )
    items = digest_items(budget)
    assert items is not None and len(items) == 3
    assert items[0] == (
        "MIAMI _ Demonstrators sang and prayed outside the home where Elian Gonzales is "
        "staying. The court action could come at any time."
    )
    assert items[2].endswith("were overwhelmed by diseased poultry.")
    assert on_topic_items(items, ("elian", "gonzales", "custody", "miami")) == [items[0]]
    # As the brief reads it: the clean stage has made the wire's underscores dashes.
    assert digest_items(clean_text(budget)) == [item.replace(" _ ", " — ") for item in items]
    # A budget of features none of which is on the story (NYT19991130.0061): a boy, his
    # father and mother are the Elian Gonzalez story's words, not its names.
    features = [
        "The Audi TT coupe is one of those cute, captivating little sports cars.",
        "ATLANTA _ 15-year-old Dylan Edwards doesn't have HIV, but his father, mother and "
        "younger brother were found to be HIV-positive when the boy was 3 years old.",
        "DALTON, Ga. _ Sam Pullen of Dalton knows roses, even in December.",
    ]
    topic = ("elian", "boy", "cuba", "father", "miami", "mother", "year", "custody")
    assert on_topic_items(features, topic) == []
    # a syndicate's list of columns (NYT20000105.0098), titled in capitals
    columns = (
        "These articles, described below, have been sent to clients.\n\n"
        "ANOTHER CENSUS COUNTDOWN? _ Hispanic groups hope to educate Hispanics on the "
        "importance of an accurate population tally.\n\n"
        "EQUAL MARRIAGE RIGHTS FOR GAYS LIKE US _ The Vermont Supreme Court has given the "
        "gay community a rare opportunity, writes columnist Chuck Colbert.\n\n"
        "FREEDOM AND HONOR IN THE WHITE HOUSE _ The drama of Elian Gonzales continues."
    )
    items = digest_items(columns)
    assert items is not None and items[2] == "The drama of Elian Gonzales continues."
    # a report opens with its dateline once
    report = "WASHINGTON _ The House voted on Friday.\n\nNEW YORK _ Markets fell.\n\nIt rained."
    assert digest_items(report) is None


def _wcep_cluster(shared_data: Path, cluster: str) -> list[Article]:
    path = shared_data / "summarization" / "wcep_dev.jsonl"
    with path.open(encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"] == cluster)
    return [Article.from_record(a) for a in record["articles"]]


def test_a_newsletter_is_read_for_its_items_on_the_story(shared_data: Path) -> None:
    # WCEP's Huawei arrest: two reports and the Guardian's "Thursday briefing", whose
    # items (a yachtswoman's rescue, the Brexit backstop, Macron's fuel tax, George HW
    # Bush's funeral, ...) stand under short headings ("Golden visa rules tightened – The
    # foreign super-rich ..."), its paragraphs run together; the top story comes first.
    articles = _wcep_cluster(shared_data, "wcep-dyne-train-0594")
    briefing = next(a for a in articles if a.title and a.title.startswith("Thursday briefing"))
    items = digest_items(briefing.text)
    assert items is not None and len(items) == 7
    assert "Huawei" in items[0] and items[3].startswith("The foreign super-rich")
    assert not any(item.startswith("Golden visa") for item in items)
    # other reports, with a spaced dash in their sentences, are no newsletters
    assert [a.id for a in articles if digest_items(a.text)] == [briefing.id]
    # nor is a chronology's list of dated lines ("June 16, 1995 — A federal appeals court
    # upholds the 1994 settlement ..."): read as items without their dates, its entries
    # were dated by their report.
    chronology = next(
        a for a in _duc_story(shared_data, "D0711C").articles if a.id == "NYT19991105.0200"
    )
    assert "— A federal appeals court upholds" in chronology.text
    assert digest_items(chronology.text) is None
    briefs, _ = Pipeline().run_articles(articles)
    assert len(briefs) == 1
    people = {e.name for e in briefs[0].entities if e.type == "person"}
    assert "Meng Wanzhou" in people
    assert not {"Emmanuel Macron", "George HW Bush", "Melania Trump", "Susie Goodall"} & people
