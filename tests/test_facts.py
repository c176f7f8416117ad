"""Figures of a brief: what is a figure, what it counts, and whether sources agree."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from newsbrief.config import FactsConfig
from newsbrief.facts import (
    _done_differently,
    _merge_rows,
    _place_both_name,
    candidate_facts,
    extract_facts,
    figures_to_show,
    find_figures,
    parse_number,
    told_apart,
)
from newsbrief.facts.agreement import compatible
from newsbrief.facts.importance import FEATURES
from newsbrief.facts.mentions import _states_a_rate, read_mentions
from newsbrief.ingest.text import parse_text_article
from newsbrief.model import Article, Brief, Claim, Event, Fact, RunReport, Story
from newsbrief.pipeline import build_briefs
from newsbrief.render.html import render_html
from newsbrief.render.text import render_brief_text


def _seed_event(seeds_dir: Path) -> Event:
    articles = []
    for path in sorted(seeds_dir.glob("*.txt")):
        article = parse_text_article(path.read_text(encoding="utf-8"), origin=str(path), url=None)
        prefix = path.name[:3]
        # 002 is a re-translation of the wire story in 001: a copy, as dedup marks it.
        articles.append(replace(article, id=prefix, copy_of="001" if prefix == "002" else None))
    return Event("seeds", tuple(articles))


@pytest.fixture(scope="module")
def seed_facts(seeds_dir: Path) -> tuple[Fact, ...]:
    return extract_facts(_seed_event(seeds_dir), ALL)


# Every fact, not only those important enough to show: for tests of reading and agreement.
ALL = FactsConfig(
    min_importance=float("-inf"),
    min_importance_one_report=float("-inf"),
    max_facts=1000,
    figures_by_reports=False,
)


def _event(*texts: str) -> Event:
    return Event("e", tuple(Article(id=f"a{i}", text=t) for i, t in enumerate(texts)))


def _find(facts: tuple[Fact, ...], head_word: str, value: str) -> Fact:
    for fact in facts:
        if head_word in fact.subject and any(c.value == value for c in fact.claims):
            return fact
    raise AssertionError(f"no fact about {head_word!r} with value {value!r}: {facts}")


# ---- the seeds --------------------------------------------------------------------------


def test_seeds_personnel_in_iraq_conflict(seed_facts: tuple[Fact, ...]) -> None:
    fact = _find(seed_facts, "Iraq", "500")
    assert fact.agreement == "conflict"
    sources_500 = {s for c in fact.claims if c.number == 500 for s in c.sources}
    sources_300 = {s for c in fact.claims if c.number == 300 for s in c.sources}
    assert sources_500 == {"000", "001", "002", "004"}  # 002, a copy, counts as a source
    assert sources_300 == {"003"}
    # "more than 300" and "at least 300" in one report: one lower-bound claim
    assert [c.qualifier for c in fact.claims if c.number == 300] in (["more than"], ["at least"])
    assert {c.qualifier for c in fact.claims if c.number == 500} <= {"about", "approximately"}
    assert all("Iraq" in c.quote for c in fact.claims)
    # The most-reported conflict leads the brief's facts.
    assert seed_facts[0] == fact


def test_seeds_personnel_in_region_agree(seed_facts: tuple[Fact, ...]) -> None:
    fact = _find(seed_facts, "region", "800")
    assert fact.agreement == "agree"
    assert {s for c in fact.claims for s in c.sources} == {"000", "004"}
    # "the 800 soldiers deployed" (no place) is the same quantity, not a row of its own
    # and its plain "800" adds no source to "about 800" (both in 000): one claim
    assert [(c.qualifier, c.number) for c in fact.claims] == [("about", 800)]
    assert not [f for f in seed_facts if f is not fact and any(c.number == 800 for c in f.claims)]


def test_seeds_single_figures(seed_facts: tuple[Fact, ...]) -> None:
    helicopters = _find(seed_facts, "helicopters", "three")
    assert helicopters.subject.startswith("CH-146 Griffon helicopters")
    assert helicopters.claims[0].number == 3 and helicopters.agreement == "single"
    staff = _find(seed_facts, "staff", "half a dozen")
    assert staff.claims[0].qualifier == "approximately" and staff.claims[0].number == 6
    civilians = _find(seed_facts, "civilians", "182,000")
    assert civilians.agreement == "single"
    assert civilians.claims[0].qualifier == "more than"
    assert civilians.claims[0].number == 182_000
    assert civilians.claims[0].sources == ("003",)


def test_seeds_dates_times_urls_codes_are_not_figures(seed_facts: tuple[Fact, ...]) -> None:
    numbers = {c.number for f in seed_facts for c in f.claims}
    # Years (2003, 2012, 2014, 2019, 2020), the day in "January 2, 2020", "11:33 am",
    # "CH-146", "Highway 3", "9-2", "7-game", the tweet URL.
    for not_a_figure in (2003, 2012, 2014, 2019, 2020, 11, 33, 146, 9, 7):
        assert not_a_figure not in numbers
    for fact in seed_facts:
        for claim in fact.claims:
            assert "twitter.com" not in claim.value


def test_facts_are_sorted_by_importance(seed_facts: tuple[Fact, ...]) -> None:
    ranks = {"conflict": 0, "agree": 1, "single": 2}
    keys = []
    for fact in seed_facts:
        sources = {s for c in fact.claims for s in c.sources} - {"002"}  # 002 copies 001
        keys.append((-len(sources), ranks[fact.agreement]))
    assert keys == sorted(keys)


def test_a_figure_of_the_leads_news_is_more_central_than_a_side_story_s(seeds_dir: Path) -> None:
    # The seeds' troops in Iraq (their leads' news) against the sanctions and the war's
    # civilian toll that one report recalls further down.
    central = {
        (fact.subject, fact.claims[0].value): features[FEATURES.index("central")]
        for fact, features, _ in candidate_facts(_seed_event(seeds_dir), ALL)
    }
    troops = max(v for (subject, _), v in central.items() if "in Iraq" in subject)
    assert troops > central[("economic sanctions", "1,000")]
    assert troops > max(v for (subject, _), v in central.items() if "civilians" in subject)


# ---- each form of figure ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "qualifier", "unit", "head", "place"),
    [
        ("Canada has about 500 soldiers in Iraq.", 500, "about", None, "personnel", "in Iraq"),
        ("It operates three CH-146 Griffon helicopters.", 3, None, None, "helicopter", None),
        ("More than 182,000 civilians have died.", 182_000, "more than", None, "civilian", None),
        ("Two hundred people marched in Paris.", 200, None, None, "people", "in Paris"),
        ("The embassy has half a dozen staff.", 6, None, None, "staff", None),
        # WCEP dev on the mix: "more than a half-dozen measures" had been "dozen"
        ("It lists more than a half-dozen measures.", 6, "more than", None, "measure", None),
        ("A dozen reporters waited outside.", 12, None, None, "reporter", None),
        (
            "At least 300 Canadian personnel are in Iraq.",
            300,
            "at least",
            None,
            "personnel",
            "in Iraq",
        ),
        ("Up to 40 trucks crossed into Gaza.", 40, "up to", None, "truck", "into Gaza"),
        ("Nearly 90 passengers were rescued.", 90, "nearly", None, "passenger", None),
        (
            "Upwards of 200 special-forces soldiers serve there.",
            200,
            "upwards of",
            None,
            "personnel",
            None,
        ),
        (
            "Some 1,500 migrants arrived in Lampedusa.",
            1500,
            "some",
            None,
            "migrant",
            "in Lampedusa",
        ),
        ("The budget includes $1.2 billion for defence.", 1.2e9, None, "$", "budget", None),
        ("Unemployment rose to 20 per cent last year.", 20, None, "%", "unemployment", None),
        ("Turnout was 62.5% in the capital.", 62.5, None, "%", "turnout", "in the capital"),
        ("The fire burned 3,000 hectares of forest.", 3000, None, "hectares", "forest", None),
        ("It took billions of dollars to build.", 2e9, None, "$", "dollar", None),
        (
            "Approximately 800 members are deployed in the region.",
            800,
            "approximately",
            None,
            "personnel",
            "in the region",
        ),
    ],
)
def test_figure_forms(
    sentence: str,
    number: float,
    qualifier: str | None,
    unit: str | None,
    head: str,
    place: str | None,
) -> None:
    figures = find_figures(sentence)
    assert len(figures) == 1, figures
    figure = figures[0]
    assert figure.number == pytest.approx(number)
    assert figure.qualifier == qualifier
    assert figure.unit == unit
    assert figure.head == head
    assert figure.place == place


@pytest.mark.parametrize(
    ("sentence", "value", "low", "high"),
    [
        ("The storm killed 10 to 12 people in Haiti.", "10 to 12", 10, 12),
        (  # La Nina's damage (DUC 2006): one range, once read as two sources disagreeing
            "And its $4.2 billion to $4.5 billion in damage is far outweighed by benefits.",
            "$4.2 billion to $4.5 billion",
            4.2e9,
            4.5e9,
        ),
        (
            "Preliminary estimates put the loss at between 20 and 40 billion U.S. dollars.",
            "$20 to $40 billion",
            2e10,
            4e10,
        ),
        ("Between 150 and 200 migrants plan to seek asylum.", "150 to 200", 150, 200),
    ],
)
def test_a_range_is_one_figure(sentence: str, value: str, low: float, high: float) -> None:
    [figure] = find_figures(sentence)
    assert (figure.value, figure.low, figure.high, figure.number) == (value, low, high, high)


@pytest.mark.parametrize(
    "sentence",
    [
        "The death toll rose from 7,085 to 10,059 people.",  # a change: two figures
        "The Senate voted 52 to 47 votes to confirm him.",  # a tally, not a range
    ],
)
def test_a_change_or_a_tally_is_no_range(sentence: str) -> None:
    assert all(figure.low == figure.high for figure in find_figures(sentence, keep_bare=True))


def test_elliptical_figures_take_the_counted_thing_before_them() -> None:
    figures = find_figures("We have about 800 members in the region, about 500 in Iraq.")
    assert [(f.number, f.head, f.place) for f in figures] == [
        (800, "personnel", "in the region"),
        (500, "personnel", "in Iraq"),
    ]
    figures = find_figures("About 800 troops are deployed, with about 500 of them in Iraq.")
    assert [(f.number, f.head, f.place) for f in figures] == [
        (800, "personnel", None),
        (500, "personnel", "in Iraq"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The letter was posted at 11:33 am EST on January 2, 2020.",
        "The mission has run since 2003 and in 2019/20 it grew.",
        "See pic.twitter.com/Y0IdmZdo9f or https://example.com/2020/01/07/story-500",
        "Call 613-555-0142 for details.",
        "A 52-year-old man was arrested, aged 52.",
        "Lightning rout Canucks 9-2 to end a 7-game win streak.",
        "Highway 3 and Route 66 were closed under Section 12 of the act.",
        "He was the number one terrorist, flying F-35 jets and a G7 summit.",
        "On Dec. 3, 2019 and 2 January 2020 nothing happened.",
        "One of the soldiers said no one was hurt.",
        # a signed number: its sign had gone ("12 degrees"; a hostile "-12 workers" agreed
        # with another report's 12)
        "Temperatures fell to -12 degrees as a fire killed -12 workers (−3 on Monday).",
        # a fraction written from its point: "a .357 revolver" had been "revolver: 357"
        "He pulled out a .357 revolver as rates rose .25 percent.",
        "Police said he pulled out a. 357 revolver in East Flatbush.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("182,000", 182_000),
        ("1.2 billion", 1.2e9),
        ("two hundred", 200),
        ("half a dozen", 6),
        ("a dozen", 12),
        ("twenty-five", 25),
        ("3 million", 3e6),
        ("a thousand", 1000),
        # a fraction of a scale word (the 2,000-article mix: "more than a quarter of a
        # million people" was read as "a million")
        ("half a million", 500_000),
        ("a half million", 500_000),
        ("a quarter of a million", 250_000),
        ("three quarters of a million", 750_000),
        ("one and a half billion", 1.5e9),
        ("nonsense", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_tens_and_units_written_apart_are_one_number() -> None:
    # Timeline17's swine flu (Reuters): "Twenty six people have died in Egypt" was the row
    # "six people in Egypt: Twenty".
    (died,) = find_figures("Twenty six people have died in Egypt from the bird flu virus.")
    assert (died.value, died.number, died.counted) == ("Twenty six", 26, "people")
    assert [f.number for f in find_figures("Forty people died, six of them children.")] == [40, 6]


# ---- agreement --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "agreement"),
    [
        ("about 500", "approximately 500", "agree"),
        ("at least 300", "more than 300", "agree"),
        ("500", "about 500", "agree"),
        ("about 500", "about 520", "agree"),
        ("about 500", "more than 300", "conflict"),
        ("500", "300", "conflict"),
        ("up to 500", "more than 600", "conflict"),
        # A range states its span: a value inside agrees, one outside conflicts.
        ("450 to 550", "500", "agree"),
        ("between 450 and 550", "about 540", "agree"),
        ("450 to 550", "300", "conflict"),
        ("450 to 550", "at least 300", "conflict"),
    ],
)
def test_agreement_between_sources(first: str, second: str, agreement: str) -> None:
    event = _event(
        f"Officials said {first} soldiers are in Mali.",
        f"The army has {second} troops in Mali.",
    )
    facts = extract_facts(event, ALL)
    assert len(facts) == 1
    assert facts[0].agreement == agreement
    assert {s for c in facts[0].claims for s in c.sources} == {"a0", "a1"}


def test_one_source_and_its_copy_is_single() -> None:
    original = Article(id="wire", text="About 40 people were hurt in Lyon.")
    copy = Article(id="reprint", text="About 40 people were hurt in Lyon.", copy_of="wire")
    facts = extract_facts(Event("e", (original, copy)), ALL)
    assert len(facts) == 1
    assert facts[0].agreement == "single"
    assert facts[0].claims[0].sources == ("wire", "reprint")


def test_one_source_giving_two_numbers_is_two_quantities_not_a_conflict() -> None:
    event = _event(
        "About 200 soldiers train police and 30 soldiers fly helicopters.",
        "About 200 troops train police.",
    )
    facts = extract_facts(event, ALL)
    assert {f.agreement for f in facts} == {"agree", "single"}
    agreed = next(f for f in facts if f.agreement == "agree")
    assert agreed.claims[0].number == 200


def test_part_of_a_set_is_not_the_sets_size() -> None:
    # Timeline17's Jackson coverage: "two of Jackson's children" is no second count of them.
    event = _event(
        "Katherine Jackson is the guardian of the singer's three children.",
        "Two of Jackson's children looked on in tears as the medic tried to revive him.",
    )
    assert all(f.agreement != "conflict" for f in extract_facts(event, ALL))


def test_counts_of_incidents_on_named_other_days_are_not_a_conflict() -> None:
    # ECB+ (undated): two Indian navy captures of pirates in one event, two days apart.
    event = _event(
        "An Indian warship on Thursday intercepted three boats with 26 Somali pirates "
        "in the Gulf of Aden.",
        "The Indian navy captured 23 Somali pirates who attacked a merchant vessel in the "
        "Gulf of Aden on Saturday.",
    )
    assert all(f.agreement != "conflict" for f in extract_facts(event, ALL))
    same_day = _event(
        "An Indian warship on Thursday captured 26 Somali pirates in the Gulf of Aden.",
        "The Indian navy on Thursday captured 23 Somali pirates in the Gulf of Aden.",
    )
    assert [f.agreement for f in extract_facts(same_day, ALL)] == ["conflict"]


def test_two_amounts_in_one_sentence_are_two_things_not_a_correction() -> None:
    one_sentence = _event(
        '"Return of the Jedi" has grossed $309 million, and "The Empire Strikes Back" has '
        "made $290 million, the studio said.",
        "Star Wars films have grossed more than $1 billion in North America.",
    )
    assert all(f.agreement != "conflict" for f in extract_facts(one_sentence, ALL))


def test_different_places_are_different_quantities() -> None:
    event = _event("About 500 soldiers are in Iraq.", "About 200 soldiers are in Kuwait.")
    facts = extract_facts(event, ALL)
    assert [f.agreement for f in facts] == ["single", "single"]


def test_a_count_in_two_places_is_not_one_of_them() -> None:
    # Timeline17's swine flu (the mix): "people in California: eight; seven" conflicted.
    event = _event(
        "The WHO said the virus was the same as a new strain of swine flu seen in eight people"
        " in California and Texas.",
        "In the US, 11 people are now known to have been infected with the new strain - seven"
        " people in California, two in Texas, and two in Kansas.",
    )
    rows = {f.subject: f.agreement for f in extract_facts(event, ALL)}
    assert rows["people in California and Texas"] == rows["people in California"] == "single"


def test_bad_input_yields_no_facts() -> None:
    event = Event("e", (Article(id="empty", text=""), Article(id="noise", text="&&& ### 12")))
    assert extract_facts(event, ALL) == ()


def test_max_facts_limits_output(seed_facts: tuple[Fact, ...], seeds_dir: Path) -> None:
    assert len(seed_facts) > 3
    limited = extract_facts(_seed_event(seeds_dir), replace(ALL, max_facts=3))
    assert limited == seed_facts[:3]


def test_disagreement_without_place_needs_a_shared_name() -> None:
    unrelated = _event(
        "The Oscars drew 32 million viewers on Sunday, organisers said.",
        "Only 5.8 million viewers watched the Globes, far below the usual audience.",
    )
    facts = extract_facts(unrelated, ALL)
    assert sorted(f.agreement for f in facts) == ["single", "single"]
    same_ships = _event(
        "The destroyer INS Mysore chased off pirates in two boats, the navy said.",
        "Pirates in three boats fled when INS Mysore arrived, officials said.",
    )
    facts = extract_facts(same_ships, ALL)
    assert [f.agreement for f in facts] == ["conflict"]


# ---- issue 13: figures an editor would sign ---------------------------------------------


def _dated(*items: tuple[str, str]) -> Event:
    return Event(
        "e",
        tuple(
            Article(id=f"a{i}", text=text, date=dt.date.fromisoformat(day))
            for i, (day, text) in enumerate(items)
        ),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The Boeing 767 pilot radioed the tower.",  # a model number
        "Gunmen armed with AK 47 rifles fled.",  # a model number
        "The plane landed at about 1 p m local time.",  # a time, once cleaned
        "Maria Lopez, 30, and her daughters, 10, 9 and 4, arrived.",  # ages in apposition
        # the 2,000-article mix: "p. m." spaced, a time after an opening word, a live
        # page's stamps, a ranking's size
        "At approximately 7 p. m., the woman was walking near the intersection.",
        "Updated 5:40 p. m.",
        "1243 : Dominic Casciani, BBC News 1249 : Mark Lowen, BBC News.",
        "Here's a top 10 list of what drives workers crazy.",
        # the 10,000-article mix: clock times in words, a span of ages
        "At 10 o'clock last night, it was raining and I was watching a football match.",
        "Watching the 6 O clock news, I have to say the report was very well done.",
        "People between the ages of 18 and 39 began saving for retirement.",
        # DUC 2006 (the 2,000-article mix): a 24-hour time, a maker's model, a decade, a
        # paper's name
        "The plane landed at 7.45 p.m. local time (2345 GMT), state television said.",
        "Mr Martinez said Dr Murray told him Jackson fell asleep at about 1100 .",
        "Trial timeline 30 NOVEMBER 2011 The pun - ancient artform, or the lowest form of wit?",
        "Investigators will review the tail of Boeing's 767 airplane, the NTSB said.",
        "Jet Airways may defer its orders for Boeing 787 Dreamliners, its founder said.",
        "She helped pave the way for the sexual revolution of the nineteen sixties.",
        "Experience With Canada Deal Must Be Followed With US | Nine O`Clock",
        # DUC 2006 D0649D: a poll's margin of error as an update series
        "The nationwide poll conducted Jan. 31 had a margin of error of 4 percentage points.",
        "The survey has a margin of error of plus or minus 2 to 3 percentage points.",
        # a hostile record (round 14): a power is no count ("people: 10")
        "The rate rose 1e309 percent and 10^1000 people and 2^10 soldiers were deployed.",
        # the emergency number (the 2,000-article mix, a workplace shooting: "call: 911")
        "Cpl. Janice Leader, a 911 dispatcher, told reporters that Hiller called 911.",
        "The man, who did not want to be identified, called 911 when he saw the vehicle.",
        # a call sign opening a quote (DUC 2006, the Concorde crash: "Concorde: 4590")
        '"Concorde 4590, you have flames behind you," the control tower warned the crew.',
        # models listed together (the 2,000-article mix: "files: 98")
        "The virus attacks Windows 95 and 98 files, overwriting a computer's hard drive.",
        # a model's variant (the 2,000-article mix: "died into Atlantic: 300")
        "The Boeing 767-300 plunged into the Atlantic off the Massachusetts coast.",
        # a flight's number in lower case (the 2,000-article mix: "Air France flight: 4590")
        "The report gives an account of the final moments of Air France flight 4590.",
        # a row's number (the thirty-seventh read, TWA 800: "rows: 17")
        "Traces of PETN were found on wreckage from the jet's passenger cabin between rows 17"
        " and 27, the newspaper said.",
        # a denomination (a Mail Online page of fundus_dev: "bills printed: $1")
        "The rare $1 bills printed in New York have a printing error.",
        # the thirty-eighth read: temperatures with their scale, coordinates, a poll's
        # accuracy, a dwelling's size in words (rows "F: 2,000", "Departures normal: 4
        # degrees", "degrees north latitude: 26", "bedrooms of apartment: three")
        "The temperature of lava erupting on Earth is generally around 2,000 F, or almost"
        " 1,100 C, according to standard references.",
        "Departures from normal exceeded +4 degrees Celsius along the Equator east of 120"
        " degrees West.",
        "Wisconsin can expect wind-chill values between 20 and 25 degrees below zero Fahrenheit.",
        "Beijing gave the balloonists permission to cross China below 26 degrees north latitude.",
        "The survey of Canadians is considered accurate within 2.5 percentage points.",
        "Mendez has been trying to find a three-bedroom apartment in the Bronx.",
    ],
)
def test_model_numbers_times_and_ages_are_not_figures(sentence: str) -> None:
    assert extract_facts(_event(sentence), ALL) == ()


def test_a_price_a_month_is_a_rate_but_a_month_long_strike_is_not() -> None:
    # the 2,000-article mix: "Millions paid: $60"
    price = "Millions of Americans pay about $60 a month for Prozac, which treats depression."
    (mention,) = [m for m in read_mentions(_event(price), ALL) if m.figure.unit == "$"]
    assert mention.background
    for sentence in (
        "A month-long strike left 300 workers without pay, the union said.",
        "A week of protests drew 20,000 people to the capital, police said.",
    ):
        mentions = list(read_mentions(_event(sentence), ALL))
        assert mentions and not any(m.background for m in mentions)


def test_an_age_bound_is_no_count_but_the_people_it_bounds_are() -> None:
    # the 2,000-article mix: "show interest: 35"
    voters = "Voting is a right that only Americans older than 35 show interest in."
    assert find_figures(voters, keep_bare=True) == []
    evacuated = "Some 300 people older than 65 were evacuated from the home."
    assert [f.value for f in find_figures(evacuated, keep_bare=True)] == ["300"]


def test_a_long_number_without_separators_is_a_code_not_a_count() -> None:
    # Posts in a real feed (shared/data/robustness's reddit feed) gave "ESXi: 21424296" and
    # "core: 12400": a build and a processor model.
    assert find_figures("ESXi - 7.0.3, 21424296", keep_bare=True) == []
    cpu = "CPU: i5 12400 6 core (has igpu) Cooler: Dynatron Q3"
    assert [f.value for f in find_figures(cpu, keep_bare=True)] == ["6"]
    # A count is written with its separators, money with its sign.
    counts = "Some 12,000 people fled and $25000 was raised, officials said."
    assert [f.value for f in find_figures(counts, keep_bare=True)] == ["12,000", "$25000"]


def test_a_vote_tally_and_a_count_in_progress_are_not_counts() -> None:
    # DUC 2006 (the 10,000-article mix): "vote: 362" and "vote: 12" as two rows; a share of
    # the vote counted so far shown as a result of the election.
    tally = "The House backed the Boy Scouts on Wednesday with a 362-12 vote against a proposal."
    assert find_figures(tally, keep_bare=True) == []
    counted = "With 67 percent of Sunday's vote counted, the coalition won 34 percent of seats."
    assert [f.value for f in find_figures(counted, keep_bare=True)] == ["34 percent"]
    # The 1,000-article mix: "vote: 93 percent -> 52.94 percent" as an update series.
    later = (
        "With 93 percent of the vote from Sunday's election counted by Monday morning, Putin"
        " had 52.4 percent of the vote."
    )
    assert [f.value for f in find_figures(later, keep_bare=True)] == ["52.4 percent"]
    won = "His supporters garnered 96 percent of the votes, Chavez announced."
    assert [f.value for f in find_figures(won, keep_bare=True)] == ["96 percent"]


def test_a_model_number_opening_a_heading_is_no_figure_even_for_the_parser() -> None:
    # DUC 2006 D0617H showed "EgyptAir: 990" (the flight) from this heading.
    assert find_figures("EgyptAir 990 Victims Identified", keep_bare=True) == []
    # a fraction of a scale is one figure, its value the fraction's
    famine = find_figures("The famine killed more than a quarter of a million people.")
    assert [(f.text, f.number) for f in famine] == [("more than a quarter of a million", 250_000)]
    assert [f.value for f in find_figures("About 500 soldiers left.", keep_bare=True)] == ["500"]
    # a count before a model stays; a country's count is no model
    orders = "Jet Airways may defer its orders for 10 Boeing 787 Dreamliners."
    assert [f.value for f in find_figures(orders, keep_bare=True)] == ["10"]
    canada = "Canada's 500 soldiers in Iraq will move to Kuwait."
    assert [f.value for f in find_figures(canada, keep_bare=True)] == ["500"]


def test_a_label_keeps_no_quote_mark_or_age() -> None:
    # The 2,000-article mix: 'serious cases of "intentional doping' (the closing mark cut
    # off) and "year-old children living".
    doping = _event(
        "Federations opposed fines of up to $1 million in serious cases of "
        '"intentional doping," officials said.'
    )
    assert [f.subject for f in extract_facts(doping, ALL)] == [
        "serious cases of intentional doping"
    ]
    autism = _event(
        "Doctors found 40 cases among the 6,000 3- to 10-year-old children living here."
    )
    assert "children living" in [f.subject for f in extract_facts(autism, ALL)]
    assert not [f for f in extract_facts(autism, ALL) if "year-old" in f.subject]


def test_a_number_of_another_thing_does_not_inherit_the_count_before_it() -> None:
    facts = extract_facts(_event("Twelve sailors were rescued after two more weeks."), ALL)
    assert [(f.subject, f.value) for f in facts if "sailor" in f.subject] == [
        ("sailors rescued", "Twelve")
    ]


def test_labels_say_what_is_counted_what_happened_and_where() -> None:
    facts = extract_facts(
        _event(
            "At least 600 people were killed when the quake struck.",
            "Seoul said 28,500 U.S. troops stationed in South Korea would stay.",
            "The death toll rose to 7,085 on Friday, officials said.",
        ),
        ALL,
    )
    subjects = {c.number: f.subject for f in facts for c in f.claims}
    assert "killed" in subjects[600]
    assert subjects[28_500] == "U.S. troops stationed in South Korea"
    assert "death toll" in subjects[7_085]


def test_an_as_phrase_of_purpose_is_no_part_of_a_label() -> None:
    # NewsWCL50: the label had read "U.S. troops stationed as condition in South Korea".
    facts = extract_facts(
        _event(
            "President Moon said North Korea has agreed to drop its long-held demand that the"
            " U.S. withdraw 28,500 U.S. troops stationed in South Korea as a condition for"
            " denuclearization.",
            "There are 28,500 U.S. troops in South Korea.",
        ),
        ALL,
    )
    assert {f.subject for f in facts if f.claims[0].number == 28_500} <= {
        "U.S. troops stationed in South Korea",
        "U.S. troops in South Korea",
    }


def test_equivalent_qualifiers_are_one_claim_and_equal_money_is_one_fact() -> None:
    facts = extract_facts(
        _event(
            "About 500 soldiers are in Mali.",
            "Approximately 500 soldiers are in Mali.",
            # The Wasilla Bible Church fire (the 4,857-article mix): one amount, told thrice.
            "Damage to the Wasilla Bible Church was estimated at $1 million, authorities said.",
            "Authorities estimate the damages to the Wasilla Bible Church at $1 million.",
            "Officials estimated the fire caused around $1 million in damage to the church.",
        ),
        ALL,
    )
    soldiers = _find(facts, "soldiers", "500")
    assert len(soldiers.claims) == 1 and set(soldiers.claims[0].sources) == {"a0", "a1"}
    money = [f for f in facts if f.unit == "$"]
    assert len(money) == 1
    assert {s for c in money[0].claims for s in c.sources} == {"a2", "a3", "a4"}


def test_equal_amounts_of_money_said_of_different_things_are_two_facts() -> None:
    # The 4,857-article mix's booksellers: one row "money keep running in Northern
    # California: $100,000" [agree] of a bookstore's debt and an association's campaign.
    facts = extract_facts(
        _event(
            "In Northern California, the regional association has also spent about $100,000 "
            "to promote a common identity under the name Book Sense.",
            "Wynne can't raise the $300,000 needed to get out of debt, plus an additional "
            "$100,000 to keep running.",
        ),
        ALL,
    )
    assert len([f for f in facts if f.unit == "$" and f.claims[0].number == 100_000]) == 2


def test_a_rising_toll_over_days_is_an_update_shown_as_a_dated_series() -> None:
    event = _dated(
        ("2020-10-30", "At least 60 people were killed in the quake, officials said."),
        ("2020-10-31", "The quake killed 63 people, rescuers said."),
    )
    facts = extract_facts(event, ALL)
    toll = _find(facts, "killed", "63")
    assert toll.agreement == "update"
    assert [(c.number, c.as_of) for c in toll.claims] == [
        (60, dt.date(2020, 10, 30)),
        (63, dt.date(2020, 10, 31)),
    ]
    assert toll.value == "63"  # the latest
    brief = Brief("e", "A quake kills 63.", (), event.articles, facts=(toll,))
    assert "at least 60 [1] (Oct 30) -> 63 [2] (Oct 31)" not in render_brief_text(brief)
    assert "at least 60 (Oct 30) [1] -> 63 (Oct 31) [2]" in render_brief_text(brief)
    html = render_html([brief], RunReport())  # the HTML export states claims the same way
    assert "<bdi>at least 60 (Oct 30)</bdi>" in html and "-&gt; <bdi>63 (Oct 31)</bdi>" in html
    assert toll.claims[0].to_json()["as_of"] == "2020-10-30"


def test_a_toll_series_shows_each_days_toll_not_one_towns_or_a_later_tremors() -> None:
    # After DUC 2007 D0743J (the 1999 Izmit earthquake): a report's breakdown by town and
    # a later tremor's dead used to run into the toll's series ("10,059 -> three -> 58").
    event = _dated(
        ("1999-08-19", "More than 7,000 people were killed in the quake, officials said."),
        ("1999-08-21", "The quake killed at least 10,059 people, the crisis center said."),
        (
            "1999-08-22",
            "Kocaeli province had 4,639 deaths; Sakarya province ranked second with 3,046 "
            "deaths, followed by Yalova with 2,400 and Bursa with 122, the center said.",
        ),
        (
            "1999-09-13",
            "At least seven people were killed Monday when a new tremor shook the region "
            "where more than 15,000 people were killed in the August quake.",
        ),
    )
    facts = extract_facts(event, ALL)
    toll = _find(facts, "killed", "10,059")
    assert toll.agreement == "update"
    assert [(c.number, c.as_of) for c in toll.claims] == [
        (7000, dt.date(1999, 8, 19)),
        (10059, dt.date(1999, 8, 21)),
        (15000, dt.date(1999, 9, 13)),
    ]


def test_a_toll_of_one_nationality_is_not_a_day_of_the_toll() -> None:
    # Timeline17 (the Haiti earthquake, BBC): "eight Chinese were dead" ran into the toll's
    # series as its first day ("Chinese dead: eight (Jan 14) -> 200,000 (Jan 16)").
    event = _dated(
        ("2010-01-14", "China's state media said eight Chinese were dead and 10 more missing."),
        ("2010-01-16", "The earthquake killed as many as 200,000 people, officials said."),
        ("2010-01-20", "An estimated 200,000 people died in last Tuesday's quake."),
    )
    facts = extract_facts(event, ALL)
    toll = _find(facts, "", "200,000")
    assert {c.number for c in toll.claims} == {200_000} and toll.agreement == "agree"


def test_the_same_count_given_differently_on_one_day_is_a_conflict() -> None:
    event = _dated(
        ("2020-03-02", "The ship had a crew of 116 sailors when it sank in the Red Sea."),
        ("2020-03-02", "The ship, with 118 sailors aboard, sank in the Red Sea."),
    )
    facts = extract_facts(event, ALL)
    assert [(f.agreement, sorted(c.number for c in f.claims)) for f in facts] == [
        ("conflict", [116, 118])
    ]


def test_an_edited_reprint_that_changes_the_number_is_a_conflict() -> None:
    original = Article(id="wire", text="The fire forced 4,000 residents from Paradise.")
    reprint = Article(
        id="reprint", text="The fire forced 5,000 residents from Paradise.", copy_of="wire"
    )
    facts = extract_facts(Event("e", (original, reprint)), ALL)
    assert [f.agreement for f in facts] == ["conflict"]


def test_magnitudes_of_one_quake_conflict_but_an_aftershock_is_apart() -> None:
    event = _dated(
        ("1999-08-17", "The 7.4-magnitude quake hit Izmit; a 4.6 magnitude aftershock followed."),
        ("1999-08-17", "The quake, which measured 7.8 on the Richter scale, hit Izmit."),
    )
    facts = extract_facts(event, ALL)
    magnitudes = {tuple(sorted(c.number for c in f.claims)): f.agreement for f in facts}
    assert magnitudes == {(7.4, 7.8): "conflict", (4.6,): "single"}


@pytest.mark.parametrize(
    "texts",
    [
        ("Two countries signed the deal in Geneva.", "Seven countries met in Vienna."),
        (
            "The ferry carried some 420 passengers.",
            "A bus with 246 passengers crashed on the highway.",
        ),
        (  # the thing counted is no anchor: two airlines' fleets (the Concorde crash)
            "Air France has found cracks in the wings of its six Concordes.",
            "British Airways, which operates seven Concordes, kept them flying.",
        ),
        (  # "people" with nothing that happened to them: different crowds (Brooklyn)
            "At a Rite Aid store on Church Ave., which had about 60 people inside at the "
            "time, a rioter assaulted a customer.",
            "Police could be seen inside a Rite Aid store where a group of at least three "
            "dozen people rampaged through the aisles.",
        ),
    ],
)
def test_different_things_under_one_noun_are_not_a_conflict(texts: tuple[str, str]) -> None:
    assert all(f.agreement != "conflict" for f in extract_facts(_event(*texts), ALL))


def test_the_tolls_of_two_sides_of_a_fight_are_two_quantities() -> None:
    # DUC 2006 on the mix (the thirty-eighth read): "militants killed: more than 2,000 ->
    # more than 1,500", an update of the militants' toll by the army's own losses.
    event = _dated(
        (
            "1999-09-25",
            "Russia's Air Force commander told reporters Saturday that Russian airstrikes"
            " had killed more than 2,000 militants and destroyed rebel bases.",
        ),
        (
            "1999-10-18",
            "He told a news conference that more than 1,500 soldiers and officers had been"
            " killed and 62 armored vehicles had been put out of action.",
        ),
    )
    rows = {f.subject: [c.value for c in f.claims] for f in extract_facts(event, ALL)}
    assert rows["militants killed"] == ["2,000"]
    assert rows["soldiers killed"] == ["1,500"]
    # a toll of people names no side: the same toll of soldiers agrees with it
    one_toll = _event(
        "Up till now, 38 soldiers were killed in the blasts, the ministry said.",
        "The blasts killed 38 people, the Itar-Tass agency said.",
    )
    (row,) = extract_facts(one_toll, ALL)
    assert row.agreement == "agree"
    assert {s for c in row.claims for s in c.sources} == {"a0", "a1"}
    # civilians are neither side, and an army is the forces' (WCEP on the mix, a conflict
    # "civilians killed: 21; 15" of two reports on Palmyra)
    civilians = _event(
        "The most intense attack was in the al-Koum area north of the ancient desert city of"
        " Palmyra, the Observatory said, where Islamic State militants killed 15 Syrian army"
        " and allied soldiers.",
        "The Britain-based Syrian Observatory for Human Rights puts the toll at 21 civilians"
        " killed.",
    )
    assert [f.agreement for f in extract_facts(civilians, ALL)] == ["single", "single"]


def test_what_was_done_to_each_side_tells_two_quantities() -> None:
    # Timeline17's BP spill on the mix, one row "barrels of heavy mud held" in conflict:
    # "armed with 50,000 barrels of dense mud" (no verb of its own), "stockpiled some
    # 50,000 barrels" / "pumped 30,000 barrels of mud into the well".
    happened = [None, "stockpile", "pump"]
    assert _done_differently(happened, [0, 1], [2])
    # every claim told, none shared: two quantities, as before
    assert _done_differently(["evacuate", "fly"], [0], [1])
    # one toll told two ways, and a side that never says what happened: no telling
    assert not _done_differently(["set", None, "set"], [0, 1], [2])
    assert not _done_differently([None, None, "pump"], [0, 1], [2])
    assert not _done_differently([None, "stockpile", None, "pump"], [0, 1], [2, 3])


def test_few_figures_are_shown_most_important_first(seeds_dir: Path) -> None:
    event = _seed_event(seeds_dir)  # 5 articles, one a copy: 4 independent reports
    assert figures_to_show(event, FactsConfig()) == 3  # ceil(log2(1 + 4))
    shown = extract_facts(event, FactsConfig())
    assert 0 < len(shown) <= 3
    assert shown[0].agreement == "conflict" and "Iraq" in shown[0].subject
    one_report = Event("e", event.articles[:1])
    assert figures_to_show(one_report, FactsConfig()) == 1
    assert figures_to_show(event, FactsConfig(figures_by_reports=False, max_facts=5)) == 5


def test_a_story_of_many_developments_shows_more_figures(seeds_dir: Path) -> None:
    articles = _seed_event(seeds_dir).articles  # 4 independent reports: 3 figures
    # Read as one event, a story of developments (a quake, then its aftershocks) has
    # figures of each: log2 of its developments, rounded up, more.
    assert figures_to_show(Event("s", articles, developments=1), FactsConfig()) == 3
    assert figures_to_show(Event("s", articles, developments=2), FactsConfig()) == 4
    assert figures_to_show(Event("s", articles, developments=16), FactsConfig()) == 7
    assert figures_to_show(Event("s", articles, developments=16), FactsConfig(max_facts=5)) == 5
    story = Story("s", (Event("a", articles[:2]), Event("b", articles[2:])))
    assert story.as_event().developments == 2


def test_a_count_that_differs_months_apart_is_an_update_not_a_conflict() -> None:
    event = _dated(
        ("1998-05-18", "The Justice Department and 20 states sued Microsoft in Washington."),
        ("1999-06-06", "The Justice Department and 19 states are suing Microsoft in Washington."),
    )
    facts = extract_facts(event, ALL)
    states = _find(facts, "states", "19")
    assert states.agreement == "update"
    assert [c.number for c in states.claims] == [20, 19]  # in date order
    # A week apart is another time too (Timeline17's swine flu, the thirty-second read:
    # "spread to 19 countries" on 3 May and "29 countries" on 10 May was a conflict).
    outbreak = _dated(
        ("2009-05-03", "The outbreak of H1N1 flu has spread to 19 countries, the WHO said."),
        ("2009-05-10", "The outbreak of H1N1 flu has spread to 29 countries, the WHO said."),
    )
    countries = _find(extract_facts(outbreak, ALL), "countries", "19")
    assert countries.agreement == "update"


def test_a_figure_beside_an_earlier_year_is_another_event() -> None:
    event = _dated(
        ("1999-08-20", "The quake killed 10,000 people, officials said."),
        ("1999-08-21", "A quake in 1939 killed 20,000 people in the same region."),
    )
    facts = extract_facts(event, ALL)
    assert all(len(f.claims) == 1 for f in facts)  # the 1939 toll is not in the series
    shown = extract_facts(event, replace(ALL, min_importance=FactsConfig().min_importance))
    assert [c.number for f in shown for c in f.claims] == [10_000]


def test_last_years_count_an_address_and_the_two_parties_are_no_figures() -> None:
    # NewsWCL50 (Trump's UK visit, the DNC lawsuit): each was shown as a figure.
    event = _event(
        "A petition signed by more than 1.8 million people last year urged a cancellation.",
        "Four U.S. intelligence agencies reported last year that Russia sponsored the hack.",
        '"He will hold bilateral talks," 10 Downing Street said in a statement.',
        "The office confirmed that the two leaders would meet one-on-one.",
        "About 250,000 protesters are expected in London on Friday.",
    )
    facts = extract_facts(event, FactsConfig())
    assert [c.value for f in facts for c in f.claims] == ["250,000"]
    everything = [c.value for f in extract_facts(event, ALL) for c in f.claims]
    assert "10" not in everything and "two" not in everything


def test_import_duties_are_the_tariff_on_one_row() -> None:
    facts = extract_facts(
        _event(
            "Trump imposed tariffs of 25 percent on steel in March.",
            "The EU would face import duties of 25 percent from Friday.",
        ),
        ALL,
    )
    rows = [f for f in facts if f.unit == "%"]
    assert len(rows) == 1 and {s for c in rows[0].claims for s in c.sources} == {"a0", "a1"}


def test_one_amount_said_with_two_forms_of_a_verb_is_one_row() -> None:
    # DUC 2007 D0721E (the forty-third read): "money robbed: $20" and "money spent
    # robbing: $20" were two rows of the one robbery's $20.
    facts = extract_facts(
        _event(
            "Rerucha said McKinney and Henderson drove Shepard, 21, to a remote area, where"
            " they robbed him of $20, lashed him to the fence and began pistol-whipping him.",
            "The prosecutor said the two men intended to murder Shepard after kidnapping"
            " him and robbing him of $20.",
        ),
        ALL,
    )
    rows = [f for f in facts if any(c.value == "$20" for c in f.claims)]
    assert len(rows) == 1 and {s for c in rows[0].claims for s in c.sources} == {"a0", "a1"}


def test_a_speed_is_shown_when_its_label_says_what_moves() -> None:
    # DUC 2007 D0740I: "east-bound direction: 200 kilometers an hour" said where, not what
    # moved; a storm's winds and a balloon's flight say it.
    from newsbrief.facts import candidate_facts, rank_facts

    event = _event(
        "The balloon was carried in an east-bound direction at 200 kilometers an hour.",
        "The storm packed winds of 120 miles an hour, and the balloon flew at 95 miles an hour.",
    )
    scores = {
        fact.subject: score for fact, score in rank_facts(candidate_facts(event, FactsConfig()))
    }
    moving = [label for label, score in scores.items() if score > float("-inf")]
    assert scores["east-bound direction"] == float("-inf")
    assert any("wind" in label.lower() for label in moving), scores
    assert any("flew" in label for label in moving), scores


def test_a_label_that_is_only_a_word_for_anyone_of_a_kind_is_not_shown() -> None:
    # DUC 2007 D0736H (the forty-third read): "women: two" said neither who they were nor
    # what happened to them; "men accused: two" says it.
    from newsbrief.facts import candidate_facts, rank_facts

    event = _event(
        "The talk show host and two women were at the dinner.",
        "Two women were at the dinner with the host, and two men accused of the murder"
        " appeared in court.",
    )
    scores = {
        fact.subject: score for fact, score in rank_facts(candidate_facts(event, FactsConfig()))
    }
    assert scores["women"] == float("-inf") < scores["men accused"]


def test_a_series_over_years_shows_the_year_of_every_date() -> None:
    # DUC 2007 D0711C: "20 (Oct 20) -> 19 (Jun 6) -> 17 (May 22)" ran over three years.
    claims = tuple(
        Claim(value, None, (source,), f"{value} states.", float(value), day)
        for value, source, day in (
            ("20", "a0", dt.date(1998, 10, 20)),
            ("19", "a1", dt.date(1999, 6, 6)),
        )
    )
    states = Fact("states suing", "19", None, claims, "update")
    articles = (Article(id="a0", text="x"), Article(id="a1", text="y"))
    brief = Brief("e", "Microsoft is sued.", (), articles, facts=(states,))
    assert "20 (Oct 20, 1998) [1] -> 19 (Jun 6, 1999) [2]" in render_brief_text(brief)
    one_year = replace(states, claims=(claims[0],))
    assert "(Oct 20) [1]" in render_brief_text(replace(brief, facts=(one_year,)))


def test_a_verb_that_only_reports_is_no_part_of_a_label() -> None:
    # NewsWCL50 (Netanyahu's files): "secret files prove: 100,000".
    facts = extract_facts(
        _event("Netanyahu said 100,000 secret files prove that Iran lied about its program."),
        ALL,
    )
    files = _find(facts, "files", "100,000")
    assert "prove" not in files.subject


def test_a_figure_labelled_only_by_its_unit_is_not_shown() -> None:
    from newsbrief.facts import candidate_facts, rank_facts

    # DUC 2007 D0727G and D0740I, sentences cut short: "years: 18" and "mph: 95" said
    # nothing of what they count; a magnitude says it.
    texts = (
        "Gingrich, 56, separated from his wife of 18 years in May. The balloon flew at "
        "95 mph over the Pacific. The earthquake had a magnitude of 7.4.",
        "Gingrich left his wife of 18 years. Winds of up to 100 mph pushed the balloon east. "
        "The earthquake measured magnitude 7.4, the survey said.",
    )
    event = Event("e", tuple(Article(id=str(n), text=t) for n, t in enumerate(texts)))
    scores = {
        fact.subject: score for fact, score in rank_facts(candidate_facts(event, FactsConfig()))
    }
    assert scores["years"] == scores["mph"] == float("-inf")
    assert scores["quake magnitude"] > float("-inf")
    shown = {fact.subject for fact in extract_facts(event, FactsConfig())}
    assert "quake magnitude" in shown and not shown & {"years", "mph"}


def test_people_crushed_are_the_toll() -> None:
    # DUC 2007 D0743J, a year on: "the 7.4-magnitude earthquake destroyed poorly built
    # apartment houses, crushing some 17,000 people as they slept" was a row "people
    # crushed" beside the toll it updates.
    quake = _dated(
        ("1999-09-13", "The earthquake killed more than 15,000 people, officials said."),
        (
            "2000-08-15",
            "The earthquake destroyed poorly built apartment houses, crushing some 17,000"
            " people as they slept.",
        ),
    )
    [toll] = extract_facts(quake, ALL)
    assert toll.agreement == "update"
    assert [c.number for c in toll.claims] == [15000, 17000]
    # gangs the police crushed are no toll
    gangs = _dated(
        ("1999-09-13", "The flood killed more than 1,200 people, officials said."),
        ("1999-09-20", "Police crushed more than 1,500 criminal gangs last year, Xinhua said."),
    )
    assert len(extract_facts(gangs, ALL)) == 2


def test_an_adverb_after_a_number_is_not_what_it_counts() -> None:
    # Timeline17 on the mix: "the H1N1 flu virus, which is reported to have killed 306
    # worldwide" read "worldwide to kill: 306": "worldwide" counted, and a perfect
    # infinitive (what happened) read as a plan.
    flu = (
        "GSK is developing a vaccine against the H1N1 flu virus, which is reported to have"
        " killed 306 worldwide."
    )
    [bare] = find_figures(flu, keep_bare=True)
    assert (bare.value, bare.counted) == ("306", None)
    assert [f.subject for f in extract_facts(_event(flu), ALL)] == ["killed"]
    # a plan stays one: "plans to cut 2,000 jobs"
    plan = "The company plans to cut 2,000 jobs in Ohio, its chief executive said."
    [jobs] = extract_facts(_event(plan), ALL)
    assert jobs.subject.startswith("jobs to be cut")


def test_inches_are_a_unit_and_a_thing_s_size_in_words_no_figure() -> None:
    # DUC 2006 on the mix: "a six-inch rubbery replica of a young salmon" and "the global
    # sea level has risen 4 to 10 inches" agreed as "inch: six; 4 to 10".
    replica = "Engineers on Wednesday unveiled Flubber, a six-inch rubbery replica of a salmon."
    sea = "Over the past century the global sea level has risen 4 to 10 inches, the EPA says."
    assert find_figures(replica, keep_bare=True) == []
    [rise] = find_figures(sea)
    assert (rise.value, rise.unit, rise.number) == ("4 to 10 inches", "inches", 10.0)
    event = _dated(("1999-04-21", replica), ("1999-06-07", sea))
    assert not [f for f in extract_facts(event, FactsConfig()) if "inch" in f.subject]
    # a storm's snow is what its inches measure
    storm = "New York and Boston are expected to receive 8 to 12 inches of snow, CNN said."
    [snow] = extract_facts(_event(storm), FactsConfig())
    assert (snow.subject, snow.unit) == ("inches of snow to be received", "inches")


def test_a_distance_is_shown_only_with_what_covered_or_spans_it() -> None:
    from newsbrief.facts import candidate_facts, rank_facts

    # The 1,000-article mix: "Jan flyby: 218 miles", "crew submarine: 350 feet" (where
    # something is, not a quantity of the news); "missile traveled: 1,677 miles" says it.
    # And "dlrs: $500", a conversion in brackets labelled by its currency alone.
    texts = (
        "Galileo took measurements of the moon's magnetic field during a Jan. 3 flyby 218"
        " miles above the moon.",
        "Their attempts to get to the crew in the submarine some 350 feet below the surface"
        " were foundering.",
        "Seoul said the missile traveled about 1,677 miles before plunging into the sea.",
        "They impose fines of 2,000-20,000 baht (dlrs 50-dlrs 500) for smoking in offices.",
    )
    event = Event("e", tuple(Article(id=str(n), text=t) for n, t in enumerate(texts)))
    scores = {
        fact.value: score for fact, score in rank_facts(candidate_facts(event, FactsConfig()))
    }
    assert scores["218 miles"] == scores["some 350 feet"] == float("-inf")
    assert all(score == float("-inf") for value, score in scores.items() if "500" in value)
    assert scores["about 1,677 miles"] > float("-inf")


def test_the_toll_of_an_incident_few_reports_name_is_no_update() -> None:
    # DUC 2006 D0617H: one of the EgyptAir 990 reports recalls the Lauda Air crash.
    event = _dated(
        (
            "1999-10-31",
            "EgyptAir Flight 990 crashed off Nantucket, killing all 217 people on board.",
        ),
        ("1999-11-01", "All 217 people on board were killed when the EgyptAir jet crashed."),
        ("1999-11-02", "Navy divers searched for the recorders of the EgyptAir jet."),
        ("1999-11-03", "The Lauda Air crash killed all 223 people on board."),
    )
    shown = FactsConfig(
        min_importance=-100.0,
        min_importance_one_report=-100.0,
        max_facts=1000,
        figures_by_reports=False,
    )
    facts = [f for f in extract_facts(event, shown) if "killed" in f.subject]
    assert [(f.agreement, [c.value for c in f.claims]) for f in facts] == [("agree", ["217"])]
    # an incident placed where no other report is: the Qeshm quake's toll (2005) on the
    # mix opened with "a dozen", a quake in China the same day ("a dozen -> 10")
    qeshm = _dated(
        (
            "2005-11-27",
            "On Saturday, more than a dozen people were killed by a quake in eastern China.",
        ),
        ("2005-11-28", "Ten people were killed in the quake on the Iranian island of Qeshm."),
        ("2005-11-28", "The quake on the Iranian island of Qeshm killed 10 people."),
        ("2005-11-28", "Rescuers on Qeshm said 10 people had been killed."),
    )
    facts = [f for f in extract_facts(qeshm, shown) if "killed" in f.subject]
    assert [(f.agreement, [c.number for c in f.claims]) for f in facts] == [("agree", [10])]
    # a place the reports name is the story's own: "the fire in the Izmit Refinery"
    refinery = _dated(
        ("1999-08-17", "The quake near Izmit killed more than 2,000 people."),
        ("1999-08-18", "Rescuers in Izmit searched the rubble as the toll rose."),
        ("1999-08-18", "Izmit's refinery was still burning on Wednesday."),
        (
            "1999-08-19",
            "Experts said the fire in the Izmit Refinery has cost at least 5 billion dollars.",
        ),
    )
    costs = [f for f in candidate_facts(refinery, shown) if f[0].unit == "$"]
    assert [(f.claims[0].value, hidden) for f, _, hidden in costs] == [("5 billion dollars", False)]


def test_a_measure_is_labelled_by_what_it_measures_not_by_its_subject() -> None:
    # DUC 2007 D0740I and D0703A: "miles of Jones traveled", "feet of mph altitude" and
    # "euro of countries" were the labels.
    facts = extract_facts(
        _event(
            "Jones and Piccard have traveled more than 20,500 miles since lifting off.",
            "Piccard and Jones were flying at 55 mph at an altitude of 26,200 feet.",
            "Once confirmed, the 11 euro countries will put new money into circulation.",
        ),
        ALL,
    )
    subjects = {f.value: f.subject for f in facts}
    assert subjects["more than 20,500 miles"] == "miles traveled"
    assert "mph" not in subjects["26,200 feet"]
    assert subjects["11"].startswith("euro countries")


def test_a_joined_row_names_no_place_one_of_its_reports_does_not_give(
    seed_facts: tuple[Fact, ...],
) -> None:
    # Seed 004 puts "about 200 Canadian soldiers in Baghdad"; seed 001 "about 200 with a
    # NATO mission in the south of the country". One row cites both: not "in Baghdad".
    (row,) = [
        fact
        for fact in seed_facts
        if any(c.value == "200" and c.qualifier == "about" for c in fact.claims)
        and {"001", "004"} <= {s for c in fact.claims for s in c.sources}
    ]
    assert "Baghdad" not in row.subject and "south" not in row.subject
    # Both name the NATO mission (004 in full: "part of a North Atlantic Treaty
    # Organization training operation"): the row says so.
    assert row.subject == "Canadian soldiers with NATO mission"


def test_a_joined_row_keeps_the_nationality_both_reports_give(seeds_dir: Path) -> None:
    # As a brief shows them, 001's "about 200 with a NATO mission" (its opening) ranks over
    # 004's "about 200 Canadian soldiers in Baghdad"; 001 names Canada too ("Canada has
    # about 500 soldiers in Iraq, ..."): the row is not "soldiers with NATO mission".
    (brief,), _ = build_briefs([seeds_dir])
    (row,) = [f for f in brief.facts if any(c.value == "200" for c in f.claims)]
    assert row.subject == "Canadian soldiers with NATO mission"
    # a modifier the row's own reports do not name stays out
    assert _place_both_name("troops in region", "Dutch troops", ["About 200 troops."]) == (
        "troops in region"
    )


def test_a_one_report_brief_shows_only_a_figure_it_is_sure_of(shared_data: Path) -> None:
    # fundus_dev pages briefed one by one: "pony month: $80" (TechCrunch's "pony up $80 a
    # month") and "Bela Bela villages claim operations: five" (the Lesotho Times) were each
    # a brief's figure; the Guardian's death toll stays (min_importance_one_report).
    from newsbrief.ingest import read_sources

    pages = shared_data / "extraction/fundus_dev/html"

    def figures(name: str) -> list[str]:
        (article,) = [a for a in read_sources([pages / name]) if isinstance(a, Article)]
        return [
            f"{f.subject}: {f.value}" for f in extract_facts(Event("e", (article,)), FactsConfig())
        ]

    assert figures("us_TechCrunch_2024_05_17.html.gz") == []
    assert figures("ls_LesothoTimes_2025_11_24.html.gz") == []
    # The title's label is written as the text writes its words ("Death toll rises" was),
    # without the level verb ("death toll rises: 10" read as a rise of ten).
    assert figures("uk_TheGuardian_2024_02_24.html.gz") == ["death toll: 10"]


def test_a_plain_row_joined_to_a_series_keeps_it_in_date_order() -> None:
    # DUC 2006 D0609I showed "Jewish settlers live: some 150,000 (Oct 1, 1998) -> nearly
    # 200,000 (Aug 14, 1999) -> around 150,000 (Jun 12, 1998)": the June report's row
    # was joined to the series after its last day.
    def claim(value: str, qualifier: str, number: float, day: dt.date, source: str) -> Claim:
        return Claim(value, qualifier, (source,), "", number, day)

    series = Fact(
        "Jewish settlers live",
        "nearly 200,000",
        None,
        (
            claim("150,000", "some", 150_000, dt.date(1998, 10, 1), "b"),
            claim("200,000", "nearly", 200_000, dt.date(1999, 8, 14), "c"),
        ),
        "update",
    )
    june = Fact(
        "Jewish settlers",
        "around 150,000",
        None,
        (claim("150,000", "around", 150_000, dt.date(1998, 6, 12), "a"),),
        "single",
    )
    ((row, _),) = _merge_rows([(series, 1.0), (june, 0.5)])
    assert [c.as_of for c in row.claims] == [
        dt.date(1998, 6, 12),
        dt.date(1998, 10, 1),
        dt.date(1999, 8, 14),
    ]
    assert row.agreement == "update" and row.value == "nearly 200,000"  # the latest


def test_a_rate_per_year_is_context_not_the_running_toll() -> None:
    # DUC 2006 (malaria): "deaths reported: 54 -> one million -> two to three million" was
    # shown as one toll that grew; the later two are the disease's deaths each year.
    event = _dated(
        (
            "1998-08-25",
            "Seven of 14 provinces in the region saw rapid increases in the number of malaria"
            " patients, and 54 deaths were reported.",
        ),
        (
            "1998-12-28",
            "Malaria kills one million people every year in the world, said the WHO's fact sheet.",
        ),
    )
    assert all(f.agreement != "update" for f in extract_facts(event, ALL))
    shown = extract_facts(event, FactsConfig())
    assert all(c.value != "one million" for f in shown for c in f.claims)  # context
    daily = "which claims 4,200 lives every day on the continent."
    assert _states_a_rate(daily, find_figures(daily, 0.1, False)[0])
    later = "At least 81 people had died, a year after the first case."
    assert not _states_a_rate(later, find_figures(later, 0.1, False)[0])


def test_counts_named_in_words_of_their_own_months_apart_are_two_things() -> None:
    # DUC 2006 (Myanmar): a row "NLD members of parliament: 42 (Aug 1998) -> 26 (May
    # 1999)" joined prisoners and rebels who surrendered, through the place they share.
    event = _dated(
        (
            "1998-08-20",
            "There are 42 NLD members of parliament in Myanmar's prisons, according to an"
            " exile group.",
        ),
        (
            "1999-05-01",
            "A total of 26 members of various anti-government armed groups surrendered to the"
            " Myanmar government in March.",
        ),
    )
    assert all(f.agreement != "update" for f in extract_facts(event, ALL))


# Timeline17 (swine flu): Mexico's toll on two days, and a third day's sentence that is
# no step of it.
_SWINE_FLU_TOLL = (
    (
        "2009-04-25",
        "Mexico has said the flu had killed 20 people and could be to blame for 48 more deaths.",
    ),
    (
        "2009-04-26",
        "The World Health Organisation said at least 81 people had died from severe"
        " pneumonia caused by the flu-like illness in Mexico.",
    ),
)


@pytest.mark.parametrize(
    "third_day",
    [
        # "more deaths: 48 -> 81 -> 50,000 to 750,000" was shown as the toll that grew; 48
        # is a suspicion and the last a projection for the UK.
        "The fear has been that a pandemic could cause tens of millions of deaths and official"
        " predictions here suggest the death toll in the UK could range between 50,000 and"
        " 750,000.",
        # The whole mix: "people died: 20 -> 81 -> more than 800", SARS's toll worldwide in
        # a report's background.
        "That too was centred on Asia but caused more than 800 deaths worldwide.",
    ],
)
def test_a_projection_or_another_count_is_no_step_of_the_running_toll(third_day: str) -> None:
    event = _dated(*_SWINE_FLU_TOLL, ("2009-04-27", third_day))
    updates = [f for f in extract_facts(event, ALL) if f.agreement == "update"]
    assert [[c.value for c in f.claims] for f in updates] == [["20", "81"]]


def test_a_tenfold_toll_of_something_else_is_no_step_of_the_running_toll() -> None:
    # The whole mix: a West Nile brief's "people died: seven -> 40", the second an
    # outbreak on the Volga Delta the year before.
    event = _dated(
        (
            "2000-01-17",
            "Last fall, seven people died of West Nile encephalitis in New York and at least 59"
            " others were stricken with the disease.",
        ),
        (
            "2000-07-31",
            "That year the virus sickened 1,000 and killed at least 40 on the Volga Delta in"
            " southern Russia, in a little-reported outbreak.",
        ),
    )
    assert all(f.agreement != "update" for f in extract_facts(event, ALL))


def test_a_count_of_more_is_no_step_of_the_running_toll() -> None:
    # Timeline17 (Haiti), the thirty-fifth read: "other people rescued: Four (Jan 17) ->
    # Two (Jan 23)", separate rescues; "12 more people dead" is no toll of 12.
    event = _dated(
        ("2010-01-17", "Four other people were rescued during the day."),
        (
            "2010-01-23",
            "Two people have been rescued after spending 10 days under rubble following the"
            " devastating Haiti earthquake.",
        ),
    )
    assert all(f.agreement != "update" for f in extract_facts(event, ALL))
    event = _dated(
        ("2010-01-17", "The quake killed 50 people, officials said."),
        ("2010-01-18", "Rescuers found 12 more people dead, bringing the toll to 62."),
    )
    (toll,) = [f for f in extract_facts(event, ALL) if f.agreement == "update"]
    assert [c.value for c in toll.claims] == ["50", "62"]


def test_a_toll_that_grows_tenfold_and_stays_is_the_running_toll() -> None:
    # Hand-made from the Turkish quake's days (DUC 2007 D0743J): a first day's toll ten
    # times smaller than the next is no other count when the days after stay near it; a
    # quake's aftershocks grow so in days ("some 27", then 1,300) even on a last day.
    event = _dated(
        ("1999-08-17", "Officials said at least 1,000 people were killed in the quake."),
        ("1999-08-19", "The quake killed more than 10,000 people, officials said."),
        ("1999-08-20", "The death toll rose to 12,000, officials said."),
    )
    (toll,) = [f for f in extract_facts(event, ALL) if f.agreement == "update"]
    assert [c.value for c in toll.claims] == ["1,000", "10,000", "12,000"]
    event = _dated(
        ("1999-08-17", "Some 27 aftershocks jolted the region, the observatory said."),
        ("1999-08-22", "More than 1,300 aftershocks have jolted the region since the quake."),
    )
    (aftershocks,) = [f for f in extract_facts(event, ALL) if f.agreement == "update"]
    assert [c.value for c in aftershocks.claims] == ["27", "1,300"]


def test_a_history_told_without_its_year_is_no_step_of_the_toll() -> None:
    # Timeline17's swine flu (Reuters, the forty-third read): 1918's dead, told without
    # the year on two days, were "people killed: ... 149 (Apr 28) -> at least 40 million
    # (Apr 29) -> an estimated 50 million (Apr 30)", each holding the other up.
    event = _dated(
        ("2009-04-27", "The flu has killed 103 people, officials said."),
        ("2009-04-28", "The new flu has killed 149 people, officials said."),
        ("2009-04-29", "At least 40 million people died in 18 months."),
        ("2009-04-30", "An estimated 50 million people died in the first outbreak."),
    )
    rows = extract_facts(event, ALL)
    (toll,) = [f for f in rows if f.agreement == "update"]
    assert [c.value for c in toll.claims] == ["103", "149"]


def test_a_phrase_past_an_aside_in_dashes_is_no_part_of_the_label() -> None:
    # Timeline17 (swine flu), the whole mix: "people killed into United States: up to 149".
    (killed,) = [
        f
        for f in extract_facts(
            _event(
                "The World Health Organization has confirmed 79 cases of a virus it said has"
                " spread from Mexico -- where it has killed up to 149 people -- into the United"
                " States , Canada , New Zealand and Europe , raising fears of a pandemic ."
            ),
            ALL,
        )
        if f.value == "up to 149"
    ]
    assert killed.subject == "people killed"


def test_a_hyphenated_noun_is_counted_whole() -> None:
    # ECB+ (the Kraft plant shooting) and DUC 2006 (booksellers): the parser splits
    # "co-workers" and "e-commerce" in three; the rows read "co killed: two" and "giants
    # of e: three". "150 miles away" was "miles of away".
    event = _event(
        "A Muslim woman named Yvonne Hiller shoots and kills two co-workers at a Kraft plant"
        " in Philadelphia.",
        "At a gathering in San Francisco, the group of independent shopkeepers took specific"
        " aim at three giants of e-commerce: Amazon.com, Barnesandnoble.com and Borders.com.",
        "The Internet Academy enrolls home schoolers who live 150 miles away.",
    )
    labels = {f.subject for f in extract_facts(event, ALL)}
    assert "co-workers killed" in labels
    assert "giants of e-commerce" in labels
    assert not any(label.endswith(("co killed", "of e", "of away")) for label in labels)


def test_others_hurt_are_people_and_others_alone_count_nothing() -> None:
    # DUC 2007 D0743J: "others injured" beside "people killed" in a brief; the 2,000-article
    # mix showed "others: four" (from "the leader and four others").
    quake = "The massive quake has killed over 12,000 people and injured over 33,000 others."
    facts = extract_facts(_event(quake), ALL)
    assert {fact.subject for fact in facts} == {"people killed", "people injured"}
    assert extract_facts(_event("The leader and four others were there on Monday."), ALL) == ()


def test_a_place_that_names_none_makes_no_other_quantity() -> None:
    # DUC 2007 D0743J: "people injured" (16,000 ... 27,000) and "people injured in region"
    # (33,559; 33,000) were two rows of one toll: "in the region" is the quake's own.
    reports = [
        ("1999-08-18", "More than 16,000 people were injured in the quake, officials said."),
        (
            "1999-08-20",
            "The death toll rose to 7,085, with 33,559 injured, the crisis center said.",
        ),
        ("1999-08-23", "The massive quake has injured over 33,000 others in the region."),
    ]
    injured = [fact for fact in extract_facts(_dated(*reports), ALL) if "injured" in fact.subject]
    assert len(injured) == 1
    assert [c.value for c in injured[0].claims] == ["16,000", "33,559", "33,000"]


def test_a_city_named_by_its_of_phrase_is_its_own_place() -> None:
    # The 2,000-article mix (an Iranian quake): "600 were killed in the city of Zarand" (a
    # quake of another year) was placed "in city", a place naming none, and joined the
    # toll of the report's own quake as a conflict (612 / 600).
    reports = (
        "It killed 612 people and injured more than 1,400, leveling several villages.",
        "A major earthquake killed more than 31,000 in the city of Bam in central Iran in"
        " 2003, and 600 were killed in the city of Zarand in February in an earthquake.",
    )
    facts = extract_facts(_event(*reports), ALL)
    assert not [fact for fact in facts if fact.agreement == "conflict"]
    assert _find(facts, "Zarand", "600").subject.endswith("in Zarand")


def test_where_the_counted_live_is_part_of_the_label() -> None:
    # DUC 2007 D0743J, a year after the quake: "survivors live: 26,000" said nothing.
    report = "Some 26,000 survivors of the quake still live in tents, officials said."
    assert _find(extract_facts(_event(report), ALL), "", "26,000").subject == (
        "survivors of the quake live in tents"
    )


def test_what_the_counted_suffer_from_is_part_of_the_label() -> None:
    # DUC 2007 D0743J: "people suffering in Istanbul: 4,100" left out what they suffer
    # from; the DUC 2006 mix: "Americans suffer: 19 million". A word hyphens join stays
    # whole ("related diseases").
    diseases = (
        "In Istanbul alone, the number of people suffering from quake-related diseases"
        " surpassed 4,100."
    )
    assert _find(extract_facts(_event(diseases), ALL), "", "4,100").subject == (
        "people suffering from quake-related diseases in Istanbul"
    )
    anxiety = "According to the association, 19 million Americans suffer from anxiety disorders."
    assert _find(extract_facts(_event(anxiety), ALL), "", "19 million").subject == (
        "Americans suffer from anxiety disorders"
    )
    # a measure hyphens join stays with what it measures (had read "receded to year low")
    low = (
        "Polls in Quebec indicated this fall that support for independence receded to a"
        " 10-year low, around 40 percent."
    )
    assert _find(extract_facts(_event(low), ALL), "", "40 percent").subject == (
        "support for independence receded to 10-year low"
    )


@pytest.mark.parametrize(
    ("sentence", "value", "number"),
    [
        ("The club paid £30m for the striker.", "£30m", 30e6),
        ("The floods caused £1.2bn of damage.", "£1.2bn", 1.2e9),
        ("It will cost $1.5tn over a decade.", "$1.5tn", 1.5e12),
        ("The comedy drew 2.5m viewers on Sunday.", "2.5m", 2.5e6),
        ("Some 3m people fled the fighting.", "3m", 3e6),
        ("Between $20m and $30m was stolen.", "$20m to $30m", 30e6),
        ("The Nationals offered him $160MM.", "$160MM", 160e6),
    ],
)
def test_a_scale_written_onto_its_digits(sentence: str, value: str, number: float) -> None:
    # BBC and Guardian style: "£30m" and "$3bn" were no figures at all ("30m" was no number).
    [figure] = find_figures(sentence, keep_bare=True)
    assert (figure.value, figure.number) == (value, number)


@pytest.mark.parametrize(
    "sentence",
    [
        "She won the 400m hurdles in Rome.",
        "The tower is 300m tall.",
        "A 100 m sprint.",
        "The army fired 155mm shells.",
    ],
)
def test_metres_are_not_millions(sentence: str) -> None:
    assert all(figure.number < 1e6 for figure in find_figures(sentence, keep_bare=True))


def test_a_scale_abbreviation_is_not_what_is_counted() -> None:
    # The 1,000-article mix: "2.5 m viewers" was shown as "m: 2.5 m".
    shown = extract_facts(_event("Ricky Gervais's new comedy gets 2.5m viewers."), ALL)
    assert _find(shown, "", "2.5m").subject.startswith("viewers")
    fee = extract_facts(_event("Chelsea agreed a £50m fee for the midfielder on Monday."), ALL)
    assert _find(fee, "", "£50m").subject.startswith("fee for")
    deal = extract_facts(
        _event("The Red Sox offered Mark Teixeira an eight-year, $200MM deal."), ALL
    )
    assert _find(deal, "", "$200MM").subject.startswith("deal")
    # Nor is the amount its own action ("day figure million: $22.2 million"); and a tally
    # the parse finds nothing counted by is no row (it was then "figure").
    gross = extract_facts(
        _event('The comparable three-day figure for "Notting Hill" was $22.2 million.'), ALL
    )
    assert gross == ()


def test_a_misparsed_object_of_where_the_counted_live_is_read_as_written() -> None:
    # DUC 2007 D0743J: the parse takes "cramped" for the object of "in", and the label
    # was "people live: 150,000", though the report says where they live.
    report = (
        "An additional 150,000 people live in cramped prefabricated homes that are"
        " oppressively hot in summer and bitterly cold in winter."
    )
    assert _find(extract_facts(_event(report), ALL), "", "150,000").subject == (
        "people live in cramped prefabricated homes"
    )


def test_a_title_s_figure_is_labelled_as_its_text_labels_it() -> None:
    # DUC 2007 D0711C: "Gov't Spent $13M on Microsoft Case" over "... have cost $13.3
    # million": a row "money spent: $13M" beside "landmark antitrust trial cost", or a
    # conflict of $13M with $13.3 million, when it is one amount written to the million.
    article = Article(
        id="a0",
        title="Gov't Spent $13M on Microsoft Case",
        text="WASHINGTON (AP) -- The Justice Department's landmark antitrust trial against"
        " Microsoft has cost $13.3 million over the past decade, the department said.",
    )
    facts = extract_facts(Event("e", (article,)), ALL)
    [row] = [
        fact for fact in facts if any(c.value in ("$13M", "$13.3 million") for c in fact.claims)
    ]
    assert {c.value for c in row.claims} == {"$13M", "$13.3 million"}
    assert row.agreement != "conflict"
    # Unless only the title names the thing: the text's label would be "money cost".
    bridge = Article(
        id="a1",
        title="Gordie Howe bridge to cost $5.7 billion; set to open by end of 2024",
        text="Ottawa, ON — A new bridge that will span Canada's busiest border crossing with"
        " the United States is expected to cost $5.7 billion.",
    )
    [row] = extract_facts(Event("e", (bridge,)), ALL)
    assert row.subject.startswith("Gordie Howe bridge")
    assert [c.value for c in row.claims] == ["$5.7 billion"]
    # A label only the title gives is written as its text writes the words (the
    # 1,000-article mix: "Russian Servicemen Killed in Chechnya: 25").
    chechnya = Article(
        id="a2",
        title="25 Russian Servicemen Killed in Chechnya in Past Week",
        text="The Russian federal force in Chechnya has seen many servicemen wounded in the"
        " past week, a top defense official said Thursday.",
    )
    [row] = extract_facts(Event("e", (chechnya,)), ALL)
    assert row.subject == "Russian servicemen killed in Chechnya"


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("It cost $13M.", "It cost $13.3 million.", True),  # written to the million
        ("It grossed $200M.", "It grossed $205 million.", True),  # a headline's round amount
        ("Some 20 million people fled.", "Some 23 million people fled.", False),
        ("Some 1.2 million people fled.", "Some 1,234,000 people fled.", True),
        ("Some 1.2 million people fled.", "Some 1,334,000 people fled.", False),
        ("It cost $1.8 billion.", "It cost $1.7 billion.", False),
        ("Some 500 people fled.", "Some 300 people fled.", False),
    ],
)
def test_numbers_agree_at_the_precision_they_are_written_to(
    first: str, second: str, agree: bool
) -> None:
    [a], [b] = find_figures(first, keep_bare=True), find_figures(second, keep_bare=True)
    assert compatible(a, b, 0.1) is agree


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # A decimal is a clock time only as one is written ("$2.45 million" was one).
        ("The deal is worth $2.45 million.", ["$2.45 million"]),
        ("Shares of the company fell 12.75 percent.", ["12.75 percent"]),
        ("At 9.30am 40 people were evacuated.", ["40"]),
        ("The blast came at 9.30 on Monday, killing 12 people.", ["12"]),
        # A factor or a whole state is no figure (the 1,000-article mix: "Earlier injury
        # increases risk: six", "George seems: 100 percent").
        ("Injury increases the risk of arthritis by three- to six-fold.", []),
        ("George seems to be 100 percent on his game.", []),
        ("He sells his 100 percent biodynamically-grown grapes to a winery.", []),
        ("Our profits were up 100 percent.", ["100 percent"]),
        ("He won 100 percent of the vote.", ["100 percent"]),
        # A calibre is a model's number: "Magnum suspended: 357" (the 2,000-article mix).
        ("357 Magnum and used it to force her way past 3 guards.", ["3"]),
        ("He carried a 9mm pistol and 50 rounds.", ["50"]),
        # "one" opens a range in words (the 2,000-article mix: "rise one: three feet").
        ("Sea levels could rise one to three feet around North America.", ["one to three feet"]),
        ("Between one and three people died.", ["one to three"]),
        ("The judge sentenced one to 10 years in prison.", ["10"]),  # a pronoun
    ],
)
def test_numbers_read_as_newsrooms_write_them(sentence: str, values: list[str]) -> None:
    assert [figure.value for figure in find_figures(sentence, keep_bare=True)] == values


def test_the_value_a_quantity_changed_from_is_context() -> None:
    # DUC 2007 D0743J: "has fallen from some 120,000 after the quake to 26,000 today" made
    # two rows "people in tent cities", 120,000 and 26,000; the new value is the figure.
    report = (
        "The number of people in tent cities has fallen from some 120,000 after the quake to"
        " 26,000 today, officials said. Flights from 20 countries to 30 cities were cancelled."
    )
    hidden = {
        claim.value: is_hidden
        for fact, _, is_hidden in candidate_facts(_event(report), ALL)
        for claim in fact.claims
    }
    assert hidden["120,000"] and not hidden["26,000"]
    assert not hidden["20"] and not hidden["30"]  # two things, no change


def test_another_amount_is_not_what_an_amount_measures() -> None:
    # The 2,000-article mix: "million U.S: $103.9 million" from "in amounts of 31.8 million
    # U.S. dollars and 103.9 million U.S. dollars respectively".
    sentence = (
        "Vietnam and the World Bank signed credit agreements for the rural transport project"
        " in amounts of 31.8 million U.S. dollars and 103.9 million U.S. dollars respectively."
    )
    counted = {f.value: f.counted for f in find_figures(sentence, keep_bare=True)}
    assert "million" not in (counted["$103.9 million"] or "")
    # A number in a compound before it stays its subject's: not "year deal".
    deal = "They signed Elton Brand to a five-year deal worth nearly $80 million last summer."
    assert find_figures(deal, keep_bare=True)[-1].counted == "five-year deal"
    endowment = "He is trying to increase the center's endowment from $100 million to $250 million."
    assert find_figures(endowment, keep_bare=True)[-1].counted == "center's endowment"


def test_hong_kong_dollars_keep_their_currency_and_a_name_is_not_cut() -> None:
    # DUC 2006 (Xinhua): "1.6 billion Hong Kong dollars (U.S. dlrs 205 million)" had been
    # "Kong businessmen: $1.6 billion" and a second row of $205 million.
    sentence = (
        "The charges include the kidnapping of the two Hong Kong businessmen for more than "
        "1.6 billion Hong Kong dollars (U.S. dlrs 205 million) in ransom."
    )
    [ransom] = find_figures(sentence, keep_bare=True)
    assert (ransom.value, ransom.counted) == ("HK$1.6 billion", "Hong Kong businessmen")
    assert find_figures("They paid 5 million New Zealand dollars.")[0].value == "NZ$5 million"


def test_a_price_is_context_not_an_amount_of_the_event() -> None:
    # The 1,000-article mix (DUC 2006, drug prices): once "$10.89" was no longer taken for a
    # clock time, "mg capsules: $10.89; $9.99; $11.89" was shown as a conflict.
    reports = (
        "A bottle of 100 200-mg capsules costs $10.89 at one chain, the survey found.",
        "A bottle of 100 200-mg capsules costs $9.99 at another, the survey found.",
    )
    candidates = candidate_facts(_event(*reports), ALL)
    prices = [hidden for fact, _, hidden in candidates if fact.unit == "$"]
    assert prices and all(prices)


def test_the_place_of_a_share_is_not_the_whole_count_s() -> None:
    # The 2,000-article mix: "people killed in Tanzania: 257", of whom 11 died there
    # (the parser hangs "in Tanzania" on the verb, not on "11 of them").
    report = (
        "Twin bombings at U.S. Embassies in Tanzania and the Kenyan capital Nairobi on Aug. 7"
        " killed 257 people, 11 of them in Tanzania."
    )
    assert _find(extract_facts(_event(report), ALL), "", "257").subject == "people killed"


def test_a_passive_after_likely_to_keeps_its_be() -> None:
    # The 2,000-article mix: "Americans likely to marketed: nearly 40 million".
    drugs = (
        "These drugs, called Cox-2 inhibitors, are likely to be marketed to people with"
        " rheumatoid arthritis and osteoarthritis — or nearly 40 million Americans."
    )
    (fact,) = extract_facts(_event(drugs), ALL)
    assert "likely to be marketed" in fact.subject


def test_a_small_count_is_of_anything_but_casualties_and_has_no_unit() -> None:
    # The 2,000-article mix: "guys named: three", "alternates: four" were shown as figures;
    # "four people killed" and a magnitude of 5.2 are no small counts.
    def small(sentence: str) -> dict[str, float]:
        return {
            fact.subject: features[FEATURES.index("small")]
            for fact, features, _ in candidate_facts(_event(sentence), ALL)
        }

    guys = "Seven years ago three guys named Sebastiani, Sangiacomo and Bundschu got together."
    assert set(small(guys).values()) == {1.0}
    # (a jury's "four alternates" were the mix's; a jury's make-up is no figure now)
    substitutes = "The club named four substitutes for the final, the manager said."
    assert small(substitutes)["substitutes named"] == 1.0
    killed = "The man who killed four people in a courthouse escape was sentenced on Saturday."
    assert set(small(killed).values()) == {0.0}
    tremor = "The tremor measured 5.2 on the Richter scale, the observatory said."
    assert set(small(tremor).values()) == {0.0}


def test_the_indicted_and_the_convicted_are_counted_as_casualties_are() -> None:
    # NewsWCL50 event 3 (the DNC's lawsuit) and the 2,000-article mix: counts of people
    # indicted or who pleaded guilty are what a crime story's reader needs, and grow as
    # casualties do (an update over days, not a conflict).
    indicted = (
        "Defendants in the lawsuit include three people who have been indicted as a result "
        "of Special Counsel Robert Mueller's investigation of Russian meddling."
    )
    pleaded = "Four people have pleaded guilty in the special counsel's investigation so far."
    for sentence in (indicted, pleaded):
        facts = candidate_facts(_event(sentence), ALL)
        assert [features[FEATURES.index("casualties")] for _, features, _ in facts] == [1.0]


def test_a_story_rich_in_figures_shows_a_share_of_them(seeds_dir: Path) -> None:
    event = _seed_event(seeds_dir)  # 4 independent reports: 3 figures by reports
    # Many figures over the importance bar: at least min_share_shown (0.4) of them.
    assert figures_to_show(event, FactsConfig(), showable=5) == 3
    assert figures_to_show(event, FactsConfig(), showable=12) == 5  # ceil(0.4 * 12)
    assert figures_to_show(event, FactsConfig(), showable=60) == 16  # max_facts
    assert figures_to_show(event, FactsConfig(min_share_shown=0.0), showable=12) == 3
    # One report's figures no other report confirms: one.
    assert figures_to_show(Event("e", event.articles[:1]), FactsConfig(), showable=12) == 1


def test_a_second_row_under_one_label_is_dated() -> None:
    # DUC 2007 D0743J: an aftershock's "quake magnitude: 5.0" stood under the quake's
    # "quake magnitude: 7.4; 7.8", as if of the same quake.
    event_rows = (
        ("1999-08-18", "The quake had a magnitude of 7.4, the U.S. Geological Survey said."),
        ("1999-08-19", "The quake, of magnitude 7.4, struck before dawn, seismologists said."),
        ("1999-08-23", "Another strong earthquake with a magnitude of 5.0 struck western Turkey."),
    )
    event = _dated(*event_rows)
    rows = {f.subject: [c.value for c in f.claims] for f in extract_facts(event, ALL)}
    assert rows == {"quake magnitude": ["7.4"], "quake magnitude (Aug 23)": ["5.0"]}
    # dated by the day its sentence names, as the timeline dates it: a Monday's report of
    # Sunday's tremor had read "quake magnitude (Aug 23)" beside a timeline's Aug 22
    sunday = (
        "1999-08-23",
        "Another strong earthquake with a magnitude of 5.0 struck western Turkey on Sunday.",
    )
    event = _dated(*event_rows[:2], sunday)
    rows = {f.subject: [c.value for c in f.claims] for f in extract_facts(event, ALL)}
    assert rows == {"quake magnitude": ["7.4"], "quake magnitude (Aug 22)": ["5.0"]}


def test_a_crowd_a_sentence_compares_with_is_no_figure() -> None:
    # DUC 2006 (NYT, 2000): a feature's lede had given "children: thousands" beside the
    # 3.8 million the reports count.
    lede = (
        "Like thousands of children, 7-year-old Kyle Carroll takes Ritalin for a diagnosis of "
        "attention deficit-hyperactivity disorder, or ADHD."
    )
    assert find_figures(lede) == []
    # a crowd counted, and a number after "like", stay figures
    counted = "Thousands of children take Ritalin, like the 300 in the study."
    assert [f.value for f in find_figures(counted)] == ["Thousands", "300"]


def test_others_of_a_kind_and_a_date_anchor_no_quantity() -> None:
    # DUC 2006 on the mix (the thirty-ninth read): "dams in entire state: three -> two",
    # an update anchored only by "other dams" in two reports' sentences.
    dams = _dated(
        ("1999-07-06", "Alaska has only three dams in the entire state and 15,000 streams."),
        ("1999-11-09", "Three other dams will be retrofitted with fish ladders, he said."),
        ("2000-05-05", "More salmon are collected at two other dams on the Snake, she said."),
    )
    assert all(f.agreement in ("single", "agree") for f in extract_facts(dams, ALL))
    # Two nights' marches, two days apart, "anchored" by an abbreviated "Ave.": a
    # conflict "people set off to precinct stationhouse: 100; 200".
    marches = _dated(
        (
            "2013-03-11",
            "Starting at about 8 p. m., nearly 100 people set off from the vigil site to march"
            " the more than 20 blocks to the precinct stationhouse, on Snyder Ave. near"
            " Nostrand Ave.",
        ),
        (
            "2013-03-13",
            "The trouble Wednesday night began soon after more than 200 people set off from"
            " the vigil site at Church Ave. and E. 55th St. around 8:30 p. m.",
        ),
    )
    assert all(f.agreement != "conflict" for f in extract_facts(marches, ALL))


def test_an_index_move_of_one_day_is_no_series() -> None:
    # DUC 2006 on the mix: "points: 19.31 -> 25.78", two days' closes four months apart.
    closes = _dated(
        (
            "1999-01-20",
            "The Dow Jones industrial average ultimately closed down 19.31 points to 9,335.91.",
        ),
        ("1999-05-12", "The Dow finished down 25.78 points at 11,000.37 on Wednesday."),
    )
    assert all(f.agreement == "single" for f in extract_facts(closes, ALL))
    # one day's move, two reports: one row
    one_day = _dated(
        (
            "1999-05-12",
            "The stock market shrugged off news Wednesday that Treasury Secretary Robert Rubin"
            " is resigning, with the Dow Jones industrial average recouping most of the 213"
            " points it lost in early trading.",
        ),
        (
            "1999-05-13",
            "The market did indeed drop more than 200 points on Wednesday morning but quickly"
            " recovered.",
        ),
    )
    assert [f.agreement for f in extract_facts(one_day, ALL)] == ["agree"]
    # a change then the level it reached is no range; an index named by a number is none
    sentence = (
        "The Standard & Poor's 500 rose 4.61 to 1,256.61, and the Nasdaq composite index"
        " rose 7.32 to 2,415.49."
    )
    figures = find_figures(sentence, keep_bare=True)
    assert [(f.low, f.number) for f in figures] == [
        (4.61, 4.61),
        (1256.61, 1256.61),
        (7.32, 7.32),
        (2415.49, 2415.49),
    ]
    # a range stays one ("between", or no verb of change before it)
    (loss,) = find_figures("The loss was 20 to 40 billion dollars.")
    assert (loss.low, loss.number) == (20e9, 40e9)


def test_two_rows_of_one_label_on_one_day_are_not_both_shown() -> None:
    # DUC 2006 on the mix: "surplus (Aug 18, 2000): $56.3 billion" and "surplus (Aug 18,
    # 2000): $4.76 billion" (June's and July's), each told apart from an earlier row only.
    earlier = Fact("surplus", "$1 trillion", "$", (_claim("$1 trillion", "1999-02-01"),), "agree")
    june = Fact("surplus", "$56.3 billion", "$", (_claim("$56.3 billion", "2000-08-18"),), "single")
    july = Fact("surplus", "$4.76 billion", "$", (_claim("$4.76 billion", "2000-08-18"),), "single")
    kept = told_apart([earlier, june, july])
    assert [(i, f.subject) for i, f in kept] == [(0, "surplus"), (1, "surplus (Aug 18, 2000)")]


def _claim(value: str, day: str) -> Claim:
    return Claim(value, None, ("a",), f"A surplus of {value}.", as_of=dt.date.fromisoformat(day))


def test_a_toll_dated_before_the_story_began_is_background() -> None:
    # DUC 2006 on the mix (the thirty-ninth read): "people wounded: three -> two", a
    # shooting of early March joined to the story's own of 9 April as its toll's update.
    event = _dated(
        (
            "2007-04-10",
            "In early March, a gunman shot and wounded three people at a printing facility"
            " near Los Angeles, California, before killing himself.",
        ),
        (
            "2007-04-11",
            "When Monday's violence had concluded, the receptionist was shot dead and two"
            " managers, Paul Riva and Alan Steinberg, were wounded.",
        ),
    )
    hidden = {fact.claims[0].value: never for fact, _, never in candidate_facts(event, ALL)}
    assert hidden == {"three": True, "two": False}
    # an undated report of a dated story is read against the story's first day (the
    # Qeshm quake of November 2005: "killing at least seven" of September's)
    mixed = Event(
        "e",
        (
            Article(
                id="a0",
                text="Ten people were killed in the quake on the Iranian island of Qeshm.",
                date=dt.date(2005, 11, 27),
            ),
            Article(
                id="a1",
                text="A powerful quake with a magnitude of 6.1 struck southern Iran in"
                " September near the port city of Bandar Abbas, killing at least seven people.",
            ),
        ),
    )
    tolls = {
        f.claims[0].value: never for f, _, never in candidate_facts(mixed, ALL) if f.unit is None
    }
    assert tolls == {"Ten": False, "seven": True}
    # a time in another clause than the figure's, a span's start, and a rate (not a toll)
    # named with an earlier day date nothing
    for day, sentence in (
        (
            "2018-04-30",
            "More than 150 migrants, part of a caravan that once numbered about 1,200 and"
            " headed north in March from Mexico's border with Guatemala, were prepared to"
            " seek asylum.",
        ),
        (
            "2017-12-30",
            "In total, the country fired 23 missiles during 16 tests between February and"
            " December 2017, according to a CNN count.",
        ),
        (
            "2018-06-01",
            "Trump on March 23 imposed a 25 percent tariff on steel imports and a 10 percent"
            " tariff on aluminum.",
        ),
        ("2007-04-10", "Police arrested 14 people since March 2, the ministry said."),
        (
            "1998-07-10",
            "Three Macau government employees, including the No. 3 official in the gambling"
            " inspection agency, have been killed since March.",
        ),
    ):
        candidates = candidate_facts(_dated((day, sentence)), ALL)
        assert candidates and not any(never for _, _, never in candidates), sentence


def test_a_past_event_s_toll_takes_no_figure_of_the_story() -> None:
    # The Qeshm quake (2005) on the mix: "people killed in Bam: 31,000; 26,000; tens of
    # thousands", 2003's toll (background) shown in conflict because the story's own
    # "tens of thousands", no place named, had joined it.
    event = _dated(
        (
            "2005-11-28",
            "A 6.7-strength quake killed more than 26,000 people in the ancient city of Bam"
            " in December 2003.",
        ),
        ("2005-11-28", "A major earthquake killed more than 31,000 in city of Bam in 2003."),
        (
            "2005-11-28",
            "The island was hit almost two years after the city of Bam was destroyed in a"
            " quake that killed tens of thousands of people.",
        ),
    )
    rows = {
        f.subject: hidden for f, _, hidden in candidate_facts(event, ALL) if "killed" in f.subject
    }
    assert rows == {"people killed in Bam": True, "people killed": True}


def test_one_report_s_far_larger_toll_is_not_the_day_s() -> None:
    # The Qeshm quake on the mix: "It killed 612 people" (February's quake, told after a
    # sentence naming it) was the day's toll, and the ten reports of 10 dead that day
    # were dropped as parts of it: the brief showed "people killed: 612".
    tens = [
        ("2005-11-27", "State television said 10 people were killed in the quake."),
        ("2005-11-27", "The quake killed 10 people, the island's governor said."),
        ("2005-11-28", "Ten people were killed and at least 50 injured in the quake."),
        ("2005-11-28", "Rescuers said the quake had killed 10 people on the island."),
    ]
    other = ("2005-11-27", "It killed 612 people and left thousands of people homeless.")
    rows = [
        (f.subject, sorted({c.value for c in f.claims}))
        for f in extract_facts(_dated(*tens, other), ALL)
        if "killed" in f.subject
    ]
    assert rows == [("people killed", ["10"])]
    # a day whose one report gives the larger toll keeps it (the toll grown)
    grown = _dated(
        ("1999-08-17", "More than 1,500 people were injured, officials said."),
        ("1999-08-18", "More than 16,000 people were listed as seriously injured."),
    )
    (row,) = extract_facts(grown, ALL)
    assert (row.agreement, [c.value for c in row.claims]) == ("update", ["1,500", "16,000"])
    # ... but not after a month with no report of it (DUC 2006's Texas executions on the
    # mix: "people killed: five -> 600", a murderer's victims and another count)
    apart = _dated(
        (
            "1999-08-17",
            "He had said he was unlikely to postpone the execution of Larry Robison, who"
            " killed five people, including an 11-year-old boy.",
        ),
        ("2000-03-01", "More than 600 people have died."),
    )
    assert [(f.agreement, [c.value for c in f.claims]) for f in extract_facts(apart, ALL)] == [
        ("single", ["five"])
    ]
    # ... nor, after a month, a step as wide as a conflict's: another incident's count (a
    # DUC 2006 theme on Chechnya on the mix: "people killed: seven -> 25", an air raid's
    # dead and, ten months on, a week's)
    incidents = _dated(
        (
            "1999-09-25",
            "Chechen officials said seven people were killed in the overnight air raid on the"
            " television station.",
        ),
        ("2000-07-20", "The force has seen 25 people killed in the past week, an official said."),
    )
    assert [(f.agreement, [c.value for c in f.claims]) for f in extract_facts(incidents, ALL)] == [
        ("single", ["seven"])
    ]


def test_a_number_no_report_means_is_no_figure() -> None:
    # A hostile or mistyped text: "1,000,...,000 people" (10^300) had been a death toll
    # "updated" from 5.
    huge = "1" + ",000" * 100
    assert [f.number for f in find_figures(f"The strike killed {huge} people on Tuesday.")] == []
    assert [f.number for f in find_figures("It cost $2,000,000,000,000,000,000.")] == []
    assert [f.number for f in find_figures("The debt reached $1.2 trillion.")] == [1.2e12]
