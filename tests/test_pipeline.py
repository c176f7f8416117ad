"""End to end: the five seed reports become one brief that gets the story right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief import build_briefs
from newsbrief.model import Brief, RunReport
from newsbrief.pipeline import build_briefs_from_articles, read_articles


@pytest.fixture(scope="module")
def seeds_run(seeds_dir: Path) -> tuple[list[Brief], RunReport]:
    return build_briefs([seeds_dir])


def _by_file(brief: Brief) -> dict[str, str]:
    """Map seed file number ("000".."004") to article id."""
    return {Path(a.origin or "").name[:3]: a.id for a in brief.articles}


def test_the_five_seeds_are_one_event(seeds_run):
    briefs, report = seeds_run
    assert len(briefs) == 1
    assert len(briefs[0].articles) == 5
    assert report.rejected == ()
    assert report.counts["events"] == 1


def test_the_retranslated_wire_story_is_a_copy(seeds_run):
    brief = seeds_run[0][0]
    ids = _by_file(brief)
    copies = {a.id: a.copy_of for a in brief.articles if a.copy_of}
    assert copies == {ids["002"]: ids["001"]} or copies == {ids["001"]: ids["002"]}


def test_headline_is_one_short_sentence_about_canada_iraq_and_kuwait(seeds_run):
    headline = seeds_run[0][0].headline
    assert len(headline.split()) <= 40
    for name in ("Canad", "Iraq", "Kuwait"):
        assert name in headline


def test_the_brief_is_dated_by_the_report_its_headline_is_written_from(seeds_run):
    import datetime as dt

    from newsbrief.model import Article

    brief = seeds_run[0][0]
    written_from = next(a for a in brief.articles if a.id == brief.headline_article)
    assert brief.date == written_from.date
    # A story's developments: the day of the headline's report, not of the first report
    # (the 2,000-article mix: Greenspan's 23 February 2000 warning dated October 1998).
    reports = (
        Article(id="budget", text="...", date=dt.date(1998, 10, 12)),
        Article(id="budget-2", text="...", date=dt.date(1998, 10, 12)),
        Article(id="warning", text="...", date=dt.date(2000, 2, 23)),
    )
    story = Brief("story", "Greenspan cautions lawmakers.", (), reports)
    assert story.date == dt.date(1998, 10, 12)  # no headline report known: most reports' day
    story = Brief("story", "Greenspan cautions lawmakers.", (), reports, headline_article="warning")
    assert story.date == dt.date(2000, 2, 23)


def test_a_development_without_a_title_is_labelled_by_its_first_usable_sentence():
    from newsbrief.model import Article, Event
    from newsbrief.pipeline import _development

    # Timeline17's and ECB+'s reports come without titles: the label was empty; a page's
    # furniture before the report's first sentence is no label.
    sentences = (
        "Get Wonkbook delivered to your inbox or mobile device every morning.",
        "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday after a 9-14 start.",
        "Assistant Tony DiLeo takes over.",
    )
    firing = Article(id="e", text=" ".join(sentences), sentences=sentences)
    assert _development(Event("e", (firing,))).headline == sentences[1]
    titled = Article(id="t", text=firing.text, title="76ers fire Cheeks", sentences=sentences)
    assert _development(Event("t", (firing, titled))).headline == "76ers fire Cheeks"
    # A BBC schedule page of Timeline17 (the mix): its note on itself and its navigation
    # (its first item run in) are furniture, and no label beats a label of furniture.
    sentences = (
        "Transmission details in the Network Radio Programme Information 7-day version are"
        " not updated after publication.",
        "For updates, please see individual day pages.",
        "Skip to a day of the week: Zoe Ball talks about Monty Python this morning, who are"
        " celebrating their 40th anniversary.",
    )
    schedule = Article(id="s", text=" ".join(sentences), sentences=sentences)
    assert _development(Event("s", (schedule,))).headline == ""
    schedule = Article(id="s", text=" ".join(sentences[1:]), sentences=sentences[1:])
    assert _development(Event("s", (schedule,))).headline == ""


def test_key_sentences_cite_every_article_that_reports_them(seeds_run):
    brief = seeds_run[0][0]
    assert 3 <= len(brief.summary) <= 5
    assert all(s.sources for s in brief.summary)
    assert max(len(s.sources) for s in brief.summary) >= 3


def test_boilerplate_never_reaches_the_brief(seeds_run):
    text = json.dumps(seeds_run[0][0].to_json())
    for junk in (
        "Story continues below advertisement",
        "Share Button",
        "Like us on Facebook",
        "Previous story",
        "Kimberley Dynamiters",
        "Sign up here",
    ):
        assert junk not in text


def test_the_personnel_figures_conflict(seeds_run):
    brief = seeds_run[0][0]
    ids = _by_file(brief)
    conflicts = [f for f in brief.facts if f.agreement == "conflict"]
    assert conflicts, [f.subject for f in brief.facts]
    values = {c.value.replace(",", "") for f in conflicts for c in f.claims}
    assert {"500", "300"} <= values
    sources_of_300 = {s for f in conflicts for c in f.claims if c.value == "300" for s in c.sources}
    assert ids["003"] in sources_of_300


def test_people_places_and_a_dated_timeline(seeds_run):
    brief = seeds_run[0][0]
    names = {e.name for e in brief.entities}
    assert any("Vance" in n for n in names)
    assert any("Kuwait" in n for n in names)
    dates = {t.date.isoformat() for t in brief.timeline}
    assert "2020-01-07" in dates


def test_every_article_keeps_its_provenance(seeds_run):
    for article in seeds_run[0][0].articles:
        assert article.url and article.url.startswith("file://")


def test_bad_inputs_are_reported_and_the_rest_completes(seeds_dir, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "broken.jsonl").write_text('{"title": "no text here"}\nnot json\n')
    briefs, report = build_briefs([seeds_dir, tmp_path, tmp_path / "missing.txt"])
    reasons = {Path(r.source).name.split(":")[0]: r.reason for r in report.rejected}
    assert set(reasons) == {"empty.txt", "binary.txt", "broken.jsonl", "missing.txt"}
    assert sum(len(b.articles) for b in briefs) == 5


def test_articles_api_matches_the_sources_api(seeds_dir, default_config):
    articles, rejected = read_articles([seeds_dir], default_config)
    briefs, _ = build_briefs_from_articles(articles, default_config, rejected=rejected)
    assert [sorted(a.id for a in b.articles) for b in briefs] == [sorted(a.id for a in articles)]


def test_one_brief_per_story_lists_its_developments(seeds_run):
    briefs, report = seeds_run
    assert report.counts["stories"] == len(briefs) == 1
    brief = briefs[0]
    (development,) = brief.developments  # the seeds are one event of one story
    assert set(development.article_ids) == {a.id for a in brief.articles}
    assert development.first_seen == brief.first_seen
    document = json.loads(json.dumps(brief.to_json()))
    assert document["id"] == brief.event_id  # the story's id
    assert document["developments"][0]["articles"] == list(development.article_ids)
    assert document["developments"][0]["id"] != document["id"]


def test_a_page_of_captions_or_service_notes_is_reported_not_briefed(tmp_path, default_config):
    # Two Timeline17 pages of the 2,000-article mix: a Guardian index of video captions
    # run together, and a Reuters photo caption; neither has a title or a sentence fit to
    # be a key point, and their briefs were headed by the first caption.
    captions = (
        "Air France CEO makes a statement to the press about the aviation catastrophe Did "
        "you read them , or use them for a sun hat ? Pictures from the disappearance over "
        "the Atlantic of flight 447 from Brazil to Paris Better an uncomfortable intrusion "
        "into people 's lives than blind ignorance , say Guardian correspondent David Smith "
        "Transport secretary Geoff Hoon has admitted that Britain is ' a long way short ' of "
        "introducing national road charging"
    )
    photo = (
        "Plaquemines Parish Coastal Zone Director P. J. Hahan holds a tri-colored heron after "
        "spotting the seriously oiled bird along Queen Bess Island near Grand Isle , Louisiana "
        "July 17 , 2010 . REUTERS/Sean Gardner An ultra-low latency infrastructure for "
        "electronic trading and data distribution A connected approach to governance , risk "
        "and compliance Our next generation legal research platform"
    )
    headline_only = "Israeli scientists say cancer cure close; doctors are skeptical."
    # A wire budget's last items (DUC 2006 NYT19991212.0133 on the mix; its items with
    # their place in brackets are cleaned away as boilerplate, these two were left).
    budget = (
        "BIGBOOKS (undated) Anne Stephenson's reviews of big books that make great holiday "
        "gifts. By ANNE STEPHENSON. Story will move in the ``E'' category. KIDBOOKS "
        "(undated) Beverly Medlyn reviews selected children's books. By BEV MEDLYN. will "
        "move in the ``E'' category."
    )
    records = [
        {"id": "captions", "date": "2009-06-01", "text": captions},
        {"id": "photo", "date": "2010-07-17", "text": photo},
        {"id": "short", "date": "2019-01-29", "text": headline_only},
        {"id": "budget", "date": "1999-12-12", "text": budget},
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    briefs, report = build_briefs([path], default_config)
    assert [b.headline for b in briefs] == [headline_only]
    reasons = {r.source.rsplit(":", 1)[-1]: (r.stage, r.reason) for r in report.rejected}
    assert set(reasons) == {"1", "2", "4"}
    assert all(
        stage == "summary" and "no sentence fit to show" in why for stage, why in reasons.values()
    )


def test_a_report_no_reader_dated_is_dated_by_its_stamp_for_its_brief(shared_data: Path) -> None:
    # ECB+ topic 1 (Lindsay Lohan enters Betty Ford, May 2013): undated records, each page's
    # stamp under its title. The brief dates its reports and its timeline by them ("Early
    # Friday morning ... checked into Betty Ford Center" in a report stamped Friday 3 May).
    from newsbrief.model import Article

    wanted = {"1_6ecbplus", "1_10ecbplus", "1_17ecbplus"}
    lines = (shared_data / "clustering" / "ecbplus_dev.jsonl").read_text().splitlines()
    records = [r for r in map(json.loads, lines) if r["id"] in wanted]
    reports = [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in records]
    assert all(a.date is None for a in reports)
    [brief], _ = build_briefs_from_articles(reports)
    assert {a.id: str(a.date) for a in brief.articles} == {
        "1_6ecbplus": "2013-05-03",
        "1_10ecbplus": "2013-05-03",
        "1_17ecbplus": "2013-05-03",
    }
    days = {str(entry.date) for entry in brief.timeline}
    assert "2013-05-03" in days
