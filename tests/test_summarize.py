"""The summarizer on real articles: the seeds, DUC clusters, and inputs that go wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsbrief.config import SummaryConfig
from newsbrief.ingest import read_sources
from newsbrief.model import Article, Event
from newsbrief.summarize import summarize_cluster, summarize_event
from newsbrief.summarize.candidates import (
    candidate_sentences,
    content_stems,
    in_another_language,
    is_boilerplate,
    is_readable,
    tidy_sentence,
    without_heading_label,
)
from newsbrief.summarize.concepts import sentence_concepts
from newsbrief.summarize.headline import compress_headline
from newsbrief.summarize.parsing import parse
from newsbrief.summarize.select import select_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "summarize"


def _records(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _articles(cluster: dict) -> list[Article]:
    return [Article.from_record(record) for record in cluster["articles"]]


def _words(sentences: list[str]) -> int:
    return sum(len(sentence.split()) for sentence in sentences)


@pytest.fixture(scope="module")
def seed_articles(shared_data: Path) -> list[Article]:
    cluster = next(_records(shared_data / "summarization" / "seeds.jsonl"))
    return _articles(cluster)


@pytest.fixture(scope="module")
def seed_summary(seed_articles: list[Article]):
    return summarize_event(Event("seeds", tuple(seed_articles)), SummaryConfig())


@pytest.fixture(scope="module")
def duc2006_cluster(shared_data: Path) -> dict:
    return next(_records(shared_data / "summarization" / "duc2006.jsonl.gz"))


@pytest.fixture(scope="module")
def duc2007_topic(shared_data: Path) -> dict[str, dict]:
    clusters = _records(shared_data / "summarization" / "duc2007_update.jsonl")
    return {c["id"]: c for c in clusters if c["id"].startswith("D0703A")}


# --- the brief of the seeds --------------------------------------------------------------


def test_seed_headline_is_one_short_sentence_naming_who_and_where(seed_summary) -> None:
    headline = seed_summary.headline
    assert len(headline.split()) <= SummaryConfig().headline_max_words
    assert "Canad" in headline and "Iraq" in headline and "Kuwait" in headline
    assert not any(quote in headline for quote in '"“”')
    assert " said" not in headline  # no attribution tail


def test_seed_key_sentences_cover_the_move_and_cite_every_reporting_article(
    seed_summary,
) -> None:
    key_sentences = seed_summary.key_sentences
    assert 3 <= len(key_sentences) <= SummaryConfig().key_sentences
    texts = " ".join(k.text for k in key_sentences)
    assert "Kuwait" in texts and "500" in texts
    # The unattributed quote ('"Simply put, we are doing this ..."') is no key point; the
    # quote that names Vance is, cited by every report that carries it.
    assert not any("Simply put" in k.text for k in key_sentences)
    quote = next(k for k in key_sentences if "Over the coming days" in k.text)
    reporting = {s.split("_")[0] for s in quote.sources}
    assert reporting == {"001", "002", "004"}  # 002 re-translates the quote


def test_seed_key_sentences_restate_nothing(seed_summary) -> None:
    stems = [content_stems(k.text) for k in seed_summary.key_sentences]
    for i, first in enumerate(stems):
        for second in stems[i + 1 :]:
            assert len(first & second) / min(len(first), len(second)) < 0.6


def test_syndicated_copy_counts_as_a_source(seed_articles: list[Article]) -> None:
    original = seed_articles[1]
    copy = Article(id="copy-of-001", text=original.text, copy_of=original.id)
    summary = summarize_event(Event("e", (*seed_articles, copy)), SummaryConfig())
    from_original = [k for k in summary.key_sentences if original.id in k.sources]
    assert from_original
    assert all("copy-of-001" in k.sources for k in from_original)


# --- summarize_cluster on DUC ------------------------------------------------------------


def test_duc2006_summary_respects_budget_and_repeats_nothing(duc2006_cluster: dict) -> None:
    articles = _articles(duc2006_cluster)
    summary = summarize_cluster(articles, 250, duc2006_cluster["query"])
    assert 200 <= _words(summary) <= 250  # fills the budget without exceeding it
    assert len(set(summary)) == len(summary)
    texts = [" ".join(a.text.replace("``", '"').replace("''", '"').split()) for a in articles]
    for sentence in summary:
        assert is_readable(sentence)
        # Extracted, not invented (a dateline or an opening "But" may have been dropped).
        assert any(sentence[1:] in text for text in texts)


def test_query_steers_the_duc2006_summary(duc2006_cluster: dict) -> None:
    articles = _articles(duc2006_cluster)
    topic = {"reserv", "indian"}  # "Native American Reservation System", stemmed
    focused = summarize_cluster(articles, 250, duc2006_cluster["query"])
    generic = summarize_cluster(articles, 250)

    def on_topic(summary: list[str]) -> int:
        return sum(len(content_stems(sentence) & topic) for sentence in summary)

    assert on_topic(focused) >= on_topic(generic) > 0


def test_update_summary_reports_less_of_what_was_read(duc2007_topic: dict[str, dict]) -> None:
    first, second = duc2007_topic["D0703A-A"], duc2007_topic["D0703A-B"]
    read = _articles(first)
    seen = set().union(*(sentence_concepts(tuple(s.split())) for s in _all_sentences(read)))
    config = SummaryConfig(novelty_discount=0.5)

    def known_share(summary: list[str]) -> float:
        concepts = set().union(*(sentence_concepts(tuple(s.split())) for s in summary))
        return len(concepts & seen) / len(concepts)

    update = summarize_cluster(_articles(second), 100, second["query"], read, config)
    plain = summarize_cluster(_articles(second), 100, second["query"], (), config)
    assert _words(update) <= 100
    assert known_share(update) <= known_share(plain)


def _all_sentences(articles: list[Article]) -> list[str]:
    return [p for a in articles for p in a.text.split("\n\n")]


# --- selection and headline pieces -------------------------------------------------------


def test_selection_counts_a_repeated_concept_once() -> None:
    sentences = [
        "Canada moves troops from Iraq to Kuwait.",
        "Canada moves troops from Iraq to Kuwait for safety.",
        "NATO suspends its training mission in Iraq.",
    ]
    concepts = [sentence_concepts(tuple(s.lower().strip(".").split())) for s in sentences]
    weights = {c: 1.0 for found in concepts for c in found}
    chosen = select_sentences(concepts, [len(s.split()) for s in sentences], weights, 16)
    assert sorted(chosen) == [1, 2]  # the fuller report of the move, plus the new fact


@pytest.mark.skipif(parse("Canada moved troops.") is None, reason="no spaCy parse")
@pytest.mark.parametrize(
    ("sentence", "headline"),
    [
        # A named speaker stays named: the statement is his.
        (
            "The Canadian military is temporarily relocating some soldiers from Iraq to "
            "Kuwait due to security concerns, chief of the defence staff Gen. Jonathan "
            "Vance said Tuesday.",
            "Chief of the defence staff Gen. Jonathan Vance says the Canadian military is "
            "temporarily relocating some soldiers from Iraq to Kuwait due to security concerns.",
        ),
        # A generic one ("officials") adds nothing: dropped, the verb in the present.
        (
            "Iraq's parliament has called for foreign troops to leave, officials said.",
            "Iraq's parliament calls for foreign troops to leave.",
        ),
        (
            "Iranian general Qassem Soleimani was killed by a U.S. drone in Baghdad.",
            "Iranian general Qassem Soleimani is killed by a U.S. drone in Baghdad.",
        ),
        (
            "Canada moved some troops from Iraq to Kuwait.",
            "Canada moves some troops from Iraq to Kuwait.",
        ),
        # Datelines go, apostrophes stay.
        (
            "ISTANBUL (Turkey), August 21 (Xinhua) -- Turkey's parliament approved the bill.",
            "Turkey's parliament approves the bill.",
        ),
    ],
)
def test_headline_compression(sentence: str, headline: str) -> None:
    assert compress_headline(sentence) == headline


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the troops would stay.",  # dangling pronoun
        "Simply put, we are doing this to ensure their safety and security.”",  # broken quote
        "Like us on Facebook and follow us on Twitter.",  # boilerplate
        "Canada relocating some troops from Iraq to Kuwait due to safety concerns: Vance",
        # A digest's opening (DUC 2007 D0716D, Xinhua): it announces, it states nothing.
        "The following are major news items in leading Australian newspapers Thursday.",
        # An appeal to the reader (Timeline17, the Haiti earthquake, BBC): no news.
        "Anyone wishing to donate to the Haiti Earthquake Appeal, can visit the World Vision "
        "website to find out more.",
        # Connectives that weigh the sentence against one not shown (DUC 2006 headlines).
        "On the one hand, groups like the National Academy of Sciences say that evolution "
        "should be taught with no mention of the biblical version of creation.",
        "In any case, the US once again emphasizes the supposed anti-terrorist origins of the "
        "War on Afghanistan.",
        # A wire story's credits (the 2,000-article mix: AP, Reuters).
        "Associated Press writers Mari Yamaguchi and Elaine Kurtenbach in Tokyo and Cathy "
        "Bussewitz in Honolulu contributed to this report.",
        "The quake killed 20 people (Reporting by John Smith; Editing by Tim Pearce).",
        # A pointer to the fuller story (WCEP dev: WSJ).
        "An expanded version of this report appears on WSJ.com.",
        # A syndicate's terms (DUC 2006: a one-report headline).
        "The following material is for use only by arrangement with New York Times "
        "Syndicate/Special features.",
        # "Others" than those the sentence before named (DUC 2006, the salmon runs).
        "Others announced that the United States and Canada agreed on an urgent plan to "
        "rescue salmon runs.",
        # A BBC page's teasers run into its text (Timeline17: a 3-report story's headline).
        "French fight in Mali town French troops fight militias in Mali streets ; Iraq bombs "
        "target Kurds ; horsemeat recipes Aid finally begins to reach more remote parts of the "
        "country .",
    ],
)
def test_unreadable_sentences_are_not_candidates(sentence: str) -> None:
    assert not is_readable(tidy_sentence(sentence))


def test_dateline_and_connective_are_tidied() -> None:
    # Reuters' features desk (the 2,000-article mix).
    assert tidy_sentence("DADHKAI, India (Reuters Life!) - Silence reigns in Dadhkai.") == (
        "Silence reigns in Dadhkai."
    )
    assert tidy_sentence("PINE RIDGE, S.D. (AP) -- President Clinton visited.") == (
        "President Clinton visited."
    )
    assert tidy_sentence("But U.S. officials insisted no decision was made.") == (
        "U.S. officials insisted no decision was made."
    )
    # Feed summaries of shared/data/robustness: cut off, and a character lost as "?".
    assert not is_readable(
        "Melvyn Bragg and guests discuss the man who, according to Machiavelli..."
    )
    assert not is_readable(
        "Non sono ancora le 16 di ieri pomeriggio quando un?esplosione in un impianto."
    )
    # A wire system's code for a fraction left as a brace (DUC 2006, the 2,000-article
    # mix's key point "... home with her 2{-month-old baby.").
    assert not is_readable(
        "Beck said she works full time out of economic necessity but would rather be home "
        "with her 2{-month-old baby."
    )
    # A JSON escape or bytes no codec could read, replaced on ingest by U+FFFD (a hostile
    # JSONL's "\\udfff").
    assert not is_readable("Canada moved troops \ufffd from Iraq to Kuwait on Tuesday.")
    # A list's items run together (a WCEP page's summary points; Timeline17's factbox
    # items glued at "*").
    assert not is_readable(
        "Several pilots have seen bright objects over the Irish coast. • Experts do not "
        "think it was aliens."
    )
    assert not is_readable(
        "The Interior Department orders safety inspections of all 30 deepwater drilling "
        "rigs. * May 1 - Coast Guard says leak will affect the Gulf shore."
    )
    # A question is no point a source makes (a Telegraph page of fundus_dev), a picture's
    # description no news (a Your eThekwini page).
    assert not is_readable(
        "Why had there been such a strong turn away from the Conservatives at the election?"
    )
    assert not is_readable(
        "Pictured right, is reader Nicole Bresler, from Burgundy Estate in Durbanville, "
        "speaking to romance novelist Shameez Patel Papathanasiou."
    )
    assert is_readable("Three panels of authors spoke with heart about their love of reading.")
    # The quote that closed the sentence before (a Timeline17 blog post).
    assert not is_readable("' But then that's a bit like saying that, today, it is hot.")
    assert is_readable('"We will rebuild," the mayor said on Tuesday.')
    # A page title whose name fields were empty (shared/data/robustness, live-radsport.ch).
    assert tidy_sentence(",, Fahrerstatistik.") == "Fahrerstatistik."
    # A list's dash (a Business Insider page of fundus_dev), not a word's hyphen.
    assert (
        tidy_sentence("- She lost 130 pounds in two years.") == "She lost 130 pounds in two years."
    )
    assert tidy_sentence("-5 degrees is cold.") == "-5 degrees is cold."


# --- bad input ---------------------------------------------------------------------------


def test_no_articles_or_empty_articles_give_an_empty_summary() -> None:
    assert summarize_cluster([], 100) == []
    empty = [Article(id="a", text=""), Article(id="b", text="   \n\n ")]
    assert summarize_cluster(empty, 100) == []
    summary = summarize_event(Event("e", tuple(empty)), SummaryConfig())
    assert summary.key_sentences == ()


def test_event_without_text_falls_back_to_a_title() -> None:
    article = Article(id="a", text="", title="Canada moves troops from Iraq to Kuwait")
    summary = summarize_event(Event("e", (article,)), SummaryConfig())
    assert summary.headline == "Canada moves troops from Iraq to Kuwait."
    assert summary.key_sentences == ()


def test_single_article_gets_a_summary(seed_articles: list[Article]) -> None:
    summary = summarize_cluster([seed_articles[4]], 100)
    assert summary and _words(summary) <= 100
    brief = summarize_event(Event("e", (seed_articles[4],)), SummaryConfig())
    assert brief.headline and "Canada" in brief.headline
    assert all(k.sources == (seed_articles[4].id,) for k in brief.key_sentences)


def test_very_long_article_is_summarized_from_its_opening(duc2006_cluster: dict) -> None:
    paragraphs = [a["text"] for a in duc2006_cluster["articles"]]
    text = "\n\n".join(paragraphs * 20)
    assert len(text.split()) > 200_000
    summary = summarize_cluster([Article(id="long", text=text)], 100)
    assert summary and _words(summary) <= 100
    assert all(sentence in text for sentence in summary)


def test_french_article_gets_a_summary_and_headline() -> None:
    text = (FIXTURES / "fr_armee_irak.txt").read_text(encoding="utf-8")
    article = Article(id="fr", text=text, language="fr")
    summary = summarize_cluster([article], 60)
    assert summary and _words(summary) <= 60
    brief = summarize_event(Event("e", (article,)), SummaryConfig())
    assert "Koweït" in brief.headline
    assert len(brief.key_sentences) >= 3
    # Its headline is its opening sentence as written: no key point repeats it (a French
    # page's one sentence was shown as both).
    assert brief.headline not in {k.text for k in brief.key_sentences}


def test_report_in_another_language_is_credited_as_a_source(
    seed_articles: list[Article],
) -> None:
    english = [dataclasses.replace(a, language="en") for a in seed_articles]
    text = (FIXTURES / "fr_armee_irak.txt").read_text(encoding="utf-8")
    french = Article(id="fr", text=text, language="fr")
    summary = summarize_event(Event("e", (*english, french)), SummaryConfig())
    troops = next(k for k in summary.key_sentences if "500" in k.text)
    assert "fr" in troops.sources  # "Le Canada compte environ 500 militaires en Irak"
    vow = next(k for k in summary.key_sentences if "vowed" in k.text)
    assert "fr" not in vow.sources  # the French report does not mention Iran's vow
    # English reports exist: the French one is cited, never quoted.
    assert not any("Koweït" in k.text for k in summary.key_sentences)


def test_headline_falls_back_to_a_cut_sentence_when_no_lead_fits() -> None:
    long_sentence = (
        "The Canadian military is temporarily relocating some soldiers from Iraq to Kuwait,"
        " a decision announced in an open letter to the families of soldiers, which follows"
        " similar moves by Germany, Croatia and Romania after the killing of Iranian general"
        " Qassem Soleimani by a U.S. drone at the Baghdad airport last Friday night."
    )
    article = Article(id="a", text=long_sentence)
    summary = summarize_event(Event("e", (article,)), SummaryConfig(headline_max_words=20))
    assert 0 < len(summary.headline.split()) <= 20
    assert summary.headline.startswith("The Canadian military temporarily relocates")


def test_copies_alone_are_still_summarized(seed_articles: list[Article]) -> None:
    copy = dataclasses.replace(seed_articles[1], id="copy", copy_of="not-in-this-cluster")
    summary = summarize_cluster([copy], 60)
    assert summary and _words(summary) <= 60


def test_a_report_with_no_news_sentence_still_gets_its_own_first_sentence_as_headline():
    # A JSONL record of one short lower-case line: no candidate sentence, no key point,
    # no title. The brief still says what the report says instead of an empty headline.
    from newsbrief.config import Config
    from newsbrief.pipeline import prepare_articles

    short_line = Article("x", "ok text here about a vote in the council")
    (article,), _ = prepare_articles([short_line], Config())
    summary = summarize_event(Event("e", (article,)), SummaryConfig())
    assert summary.headline == "Ok text here about a vote in the council."


def test_a_step_the_sentence_does_not_name_is_no_key_point() -> None:
    # The seeds (004): the measure was named in the sentence before.
    assert not is_readable("The country's top soldier announced the measure in a letter.")
    assert not is_readable("The move comes as tensions rise after the drone strike in Iraq.")
    assert is_readable("The decision to relocate the troops was announced in a letter.")
    assert is_readable("Canada condemned the move by Iran to resume enrichment on Monday.")


def test_notes_to_a_wire_services_subscribers_and_data_credits_are_no_key_points() -> None:
    # DUC 2006 (the 2,000-article mix): a Cox News Service budget and a quote page's
    # credits were key points of their briefs.
    notes = [
        "If news, business or features stories will move after 8 p.m., an ETA will be given.",
        "PLEASE NOTE: SPORTS STORIES will have an E.T.A. of 9:30 P.M. tonight.",
        "Spot news budgets move daily at 2 p.m. and 6 p.m. Eastern.",
        "Most stock quote data provided by BATS.",
        "The market data is the property of Chicago Mercantile Exchange Inc. and its licensors.",
    ]
    # a columnist's credit lines (the 2,000-article mix: a brief headlined with the first)
    notes += [
        "Eric Auchard is a Reuters columnist.",
        "John Young is opinion page editor of the Waco Tribune-Herald.",
        "The views expressed are his own.",
        "By handing the Congress party a decisive victory, Indians have created a chance to"
        " break a deadlock on trade. -- John Kemp is a Reuters columnist.",
        "-- Leo Apotheker, co-CEO of German software maker SAP AG, is a guest columnist.",
    ]
    assert is_readable("Daniel Pearl is a Wall Street Journal reporter who was kidnapped.")
    # anonymity as an aside of a sentence that tells something is no note
    assert not is_boilerplate(
        "An official, who spoke on condition of anonymity because he was not authorized to"
        " discuss it, said the army had attacked the town."
    )
    # an almanac, a rights notice, a police appeal (the 2,000-article mix)
    notes += [
        "Today's Birthdays: Former Canadian Prime Minister Pierre Elliott Trudeau is 80.",
        "All content of the Dow Jones IndexesSM 2013 is proprietary to Dow Jones & Company.",
        "Anyone with information is asked to call police on 0845 125 2222.",
        # a tip line, a source's anonymity as the whole sentence, a plug-in notice (an
        # editor's read of the 4,857-article mix: key points and a timeline entry)
        "Anyone with knowledge of the fire is asked to call Sergeant Shayne La Croix.",
        "The official spoke on condition of anonymity because he was not authorized to talk"
        " to the media.",
        "The officials agreed to give details of the attack only on condition of anonymity"
        " because they were not authorized to speak to the media.",
        "In order to see this content you need to have both Javascript enabled and Flash"
        " installed.",
        # a market page's notice, its item stamp and footer run into a sentence (Timeline17's
        # CNN Money pages on the mix: two key points of the Wael Ghonim brief)
        "Disclaimer The Dow Jones IndexesSM are proprietary to and distributed by Dow Jones &"
        " Company, Inc. and have been licensed for use.",
        "Protest organizers viewed the man, named Wael Ghonim, as a MORE Feb 7, 2011 8:43 AM ET"
        " Market indexes are shown in real time, except for the DJIA, which is delayed by two"
        " minutes.",
    ]
    # and a list's announcement (DUC 2006)
    notes.append("Here is his rundown of the good and bad, reported in the September issue.")
    notes.append(  # a market page of Timeline17 (the mix: a timeline entry)
        "Here then are today's highlights of news and happenings coming from the biggest names"
        " in business."
    )
    # a comment page's moderation notes (a CNN page of Timeline17: a brief's headline), an
    # almanac's look back and a news budget's items (DUC 2006), in the 2,000-article mix
    notes += [
        "Some comments edited for length or clarity.",
        "Compiled by the CNN.com moderation staff.",
        "Five years ago: Defense Secretary William Perry, nearing the end of a visit to China,"
        " said Beijing had agreed to brief the Pentagon on its overall military strategy.",
        "Ten years ago: After 18 years in power, Erich Honecker was ousted as leader of East"
        " Germany; he was succeeded by Egon Krenz.",
        "BIGBOOKS (undated) Anne Stephenson's reviews of big books that make great holiday gifts.",
        'Story will move in the "E" category.',
        'By BEV MEDLYN. will move in the "E" category.',
    ]
    # a page's note on itself and its navigation (a BBC schedule page of Timeline17: four
    # briefs' headline on the mix)
    notes += [
        "Transmission details in the Network Radio Programme Information 7-day version are"
        " not updated after publication.",
        "For updates, please see individual day pages.",
        "Skip to a day of the week: Zoe Ball talks about Monty Python this morning.",
    ]
    assert is_readable("The list was not updated after the vote, officials said.")
    # and items of a picture gallery's dated list (Timeline17: a key point)
    notes += [
        "April 30: Workers spread oil booms along a railroad trestle that crosses the bay in"
        " Bay St. Louis, Miss., as preparations continue.",
        "Aug. 21, 2009: Convicted Lockerbie bomber Abdelbaset al-Megrahi shakes the hand of"
        " Libyan leader Muammar Qaddafi in Tripoli.",
        # a wire chronology's item (DUC 2006 D0647B: a key point)
        "Nov. 25 -- Elian rescued at sea two or three days after boat capsizes, killing his"
        " mother and 10 others.",
    ]
    assert is_readable("The company was founded 20 years ago: it now employs 5,000 people.")
    assert is_readable("The comments were edited by the mayor's office before release.")
    assert not [note for note in notes if is_readable(note)]
    assert is_readable("Police said the Basque separatist group ETA claimed the bombing.")


def test_a_contracted_pronoun_opens_no_key_point() -> None:
    # DUC 2006 (the 2,000-article mix): "They" are the sentence before's protesters.
    assert not is_readable("They're particularly outraged by \"Putin's War\" in Chechnya.")
    assert not is_readable("It's the third such attack on the convoy route this month.")
    assert is_readable("O'Brien said the convoy route was attacked for the third time.")


def test_a_wire_tables_heading_is_no_sentence() -> None:
    # DUC 2007 D0743J (Xinhua): the heading of a table of tolls was a timeline entry.
    assert not is_readable("Figures available Saturday on the earthquake that struck Turkey.")
    assert is_readable("Figures from the ministry show that the toll rose on Saturday.")


def test_a_heading_run_into_its_sentence_is_not_readable() -> None:
    from newsbrief.summarize.candidates import is_readable, runs_in_a_heading

    # WCEP dev: a celebrity page's teaser list, its line breaks lost.
    garbled = (
        "Ivana Trump Thinks Vanessa Trump Might Struggle To Date With Kids Ivana says she "
        "is sad, but thinks Trump Jr. will be just fine."
    )
    assert runs_in_a_heading(garbled) and not is_readable(garbled)
    # Timeline17 (the 2,000-article mix): a picture's caption and a page's heading run into
    # the next sentence, their full stop lost, were key points of the Haiti earthquake's
    # brief. The reader gets the sentence after them.
    glued = (
        "Rescuers pull a child from the rubble of the Haiti earthquake There are mounting "
        "security concerns in Haiti's earthquake-hit capital."
    )
    assert tidy_sentence(glued) == (
        "There are mounting security concerns in Haiti's earthquake-hit capital."
    )
    heading = (
        "Many feared dead in Haiti quake A major loss of life is feared in Haiti after an "
        "earthquake struck, toppling buildings."
    )
    assert tidy_sentence(heading) == (
        "A major loss of life is feared in Haiti after an earthquake struck, toppling buildings."
    )
    assert is_readable(tidy_sentence(heading))
    # After a name too (Timeline17, Egypt: a heading's last word, a key point of the
    # revolution's brief; BBC captions' photographers); not after a word that takes a
    # letter ("Patient A", a CDC report on swine flu).
    name = (
        "Egypt takes its first steps in 30 years without Mubarak A council of generals has "
        "taken over the most populous Arab nation."
    )
    assert tidy_sentence(name) == (
        "A council of generals has taken over the most populous Arab nation."
    )
    patient = "As described in the dispatch, Patient A visited an outpatient clinic in San Diego."
    assert tidy_sentence(patient) == patient
    # After a comma a capitalised article or pronoun starts a sentence whose full stop was
    # lost (WCEP, a wire report of a mosque shooting's trial: a key point); not cut (a comma
    # keeps what precedes it), not readable.
    comma = (
        "Alexandre Bissonnette entered the 12 not-guilty pleas in Quebec Superior Court, The "
        "preliminary procedures that began Monday were struck with a publication ban."
    )
    assert runs_in_a_heading(comma) and not is_readable(tidy_sentence(comma))
    # A possessive opens the glued sentence as an article does (Timeline17, Haiti: a
    # timeline entry); "met His Majesty" is a title.
    caption = (
        "Dan Cooke is in Haiti to help in the rescue effort His colleague Stuart Hillier "
        "followed on Thursday."
    )
    assert tidy_sentence(caption) == "His colleague Stuart Hillier followed on Thursday."
    majesty = "The ambassador met His Majesty the King on Monday."
    assert tidy_sentence(majesty) == majesty
    # After a comma, or before too few words, what precedes is no heading: not cut, and
    # not readable (a show's title: Timeline17, the 10,000-article mix).
    title = (
        "Kenny Ortega, director of the planned This is It series of concerts, was also named "
        "as a defendant."
    )
    assert tidy_sentence(title) == title and runs_in_a_heading(title) and not is_readable(title)
    short = "Aid to Haiti quake A big one hits."
    assert runs_in_a_heading(short) and not is_readable(tidy_sentence(short))
    # A BBC heading and caption restated by the sentence under them, and a graphic's label
    # run into a "But" (Timeline17 bpoil on the 2,000-article mix: two key points of the
    # BP spill's brief).
    restated = (
        "US President Barack Obama 'to extend oil drilling ban' BP hope to stem the flow of "
        "oil by pumping mud into the breached well US President Barack Obama is set to "
        "extend a moratorium on deep-water offshore drilling for six months, the White "
        "House says."
    )
    assert tidy_sentence(restated).startswith("US President Barack Obama is set to extend")
    label = (
        "If pressure and density sufficient, oil and gas flow stops But he admitted the "
        "government did not have the technology to deal with the damaged oil well."
    )
    assert runs_in_a_heading(label) and not is_readable(label)
    # A heading run into a subordinate clause, or into an article before an acronym
    # (Timeline17 H1N1 and MJ, BBC pages); not a word in capitals for emphasis.
    clause = (
        "Experts suspect swine flu has killed more than 100 people in Mexico As international "
        "concern about swine flu grows, the BBC's Jill McGivering asks what lessons were learned."
    )
    assert tidy_sentence(clause).startswith("As international concern about swine flu grows")
    acronym = (
        "Dr Conrad Murray faces four years in prison if convicted A US judge has delayed the "
        "trial of Michael Jackson's doctor until May."
    )
    assert (
        tidy_sentence(acronym)
        == "A US judge has delayed the trial of Michael Jackson's doctor until May."
    )
    anger = (
        "Images of oil-covered birds are fuelling public anger in the US The US government has "
        "given BP 72 hours to present its latest plans."
    )
    assert tidy_sentence(anger).startswith("The US government has given BP")
    # A count's first word capitalised after a word that is no function word (Timeline17
    # Haiti and H1N1, BBC headings); not "the Group of Eight".
    count = (
        "Haiti devastated by massive quake Thousands of people are feared dead after a "
        "powerful earthquake hit the Caribbean nation of Haiti."
    )
    assert tidy_sentence(count).startswith("Thousands of people are feared dead")
    cases = (
        "Students were given advice about swine flu Seventeen new cases of swine flu at "
        "Cambridge University have been confirmed by health officials."
    )
    assert tidy_sentence(cases).startswith("Seventeen new cases of swine flu")
    # A date heading (a weekday, a day, a month) run into the sentence it heads (Timeline17
    # Haiti, BBC "Your stories"), not a date the sentence gives after "On".
    stories = (
        "Haiti earthquake : Your stories Thursday 14 January Up to 10,000 US troops will be"
        " on the ground or off the coast of Haiti by Monday, US defense officials said."
    )
    assert tidy_sentence(stories).startswith("Up to 10,000 US troops will be")
    dated = "On Monday 7 September Chris Moyles becomes the longest-serving breakfast DJ."
    assert tidy_sentence(dated) == dated
    for emphasis in (
        "Leaders of the Group of Eight nations met in Italy on Wednesday to discuss trade.",
        "The responsible parties have A LOT to answer for after the spill.",
        "THREE PEOPLE HAVE DIED IN A BLAZE that broke out at a bank in central Athens.",
    ):
        assert tidy_sentence(emphasis) == emphasis
    # Opening words a sentence repeats are no heading when common ("I think it is ...,
    # but I think it is not ..."), nor is a "But" after a semicolon.
    repeated = (
        "I think it is positive for the world to support Egypt in making the transition but "
        "I think it is not in the right of any government to dictate on Egypt what to do."
    )
    assert tidy_sentence(repeated) == repeated and is_readable(repeated)
    semicolon = "The senator said the plan was fine; But critics disagreed strongly with him."
    assert tidy_sentence(semicolon) == semicolon
    assert is_readable("Rescuers said there are mounting security concerns in the capital.")
    assert is_readable("The new strain is a type A influenza virus, the agency said Monday.")
    # Names and quoted titles are no headings: DUC 2006, DUC 2007 and NewsWCL50 sentences.
    for sentence in (
        "In the first two weeks of May 1994, there were 120 articles on crimes in the city "
        "in The New York Daily News, The New York Post and The New York Times.",
        'Game show host: Bob Barker, "The Price Is Right," CBS; Pat Sajak, "Wheel of '
        'Fortune," Syndicated.',
        "About 80 U.S. families have also offered to sponsor migrants seeking asylum, said "
        "Heather Cronk, co-director of Showing Up For Racial Justice, a group.",
    ):
        assert not runs_in_a_heading(sentence)


def test_page_stamps_disclaimers_captions_and_bars_are_no_key_points() -> None:
    from newsbrief.summarize.candidates import is_caption

    # Timeline17 (bpoil_bbc, MJ_bbc): a BBC page's stamp before its lead, and alone (it had
    # been a timeline entry).
    assert tidy_sentence(
        "13 July 2010 Last updated at 09:43 GMT Help BP has installed a new sealing cap on "
        "the leaking Gulf of Mexico oil well , company officials say ."
    ) == (
        "BP has installed a new sealing cap on the leaking Gulf of Mexico oil well, company"
        " officials say."
    )
    assert not is_readable("Last updated at 11:11 GMT")
    # ECB+ topic 14 (on the mix): with its day before it, it had been two timeline entries
    # (the timeline asks ``is_boilerplate`` of the sentences it dates).
    from newsbrief.summarize.candidates import is_boilerplate

    assert is_boilerplate("21 July 2013 Last updated at 11:11 GMT")
    assert not is_boilerplate("On 21 July 2013 the fire started at 11:11.")
    # Reuters pages (Timeline17 bpoil_reuters, H1N1_reuters): their disclaimers had been
    # key points of the 2,000-article mix.
    for note in [
        "Views expressed in the comments do not represent those of Reuters.",
        "Disclaimer LIBOR Warning: Neither BBA Enterprises Limited, nor the BBA LIBOR "
        "Contributor Banks, nor Reuters, can be held liable for any irregularity.",
        "Boost Natural Killer Cells to Prevent Swine Flu * Reuters is not responsible for the "
        "content in this press release.",
    ]:
        assert not is_readable(note), note
    assert is_readable("Labour hit back at the comments by branding them absurd and offensive.")
    # AP's caption opener (Timeline17 bpoil): a timeline entry of the mix.
    assert is_caption(
        "In this image taken from video provided by BP PLC at 12:23 a.m. EDT, Saturday Sept. "
        "4, 2010 shows the blowout preventer that failed to stop oil from spewing."
    )
    assert not is_caption("In this case the court ruled against the photo agency.")
    # A bar left after tidying is page furniture (CNN, Washington Post and Fox pages).
    for furniture in [
        "Revolution that began 18 days ago leads to Mubarak's ouster February 11, 2011 | By "
        "the CNN Staff The protesters first took to the streets of Egypt on January 25.",
        "Article | On the 107th day of the Deepwater Horizon disaster, the Macondo well became"
        " an apparently harmless hole in the seafloor.",
        "YES | NO Egyptian President Hosni Mubarak stepped down as president of Egypt.",
    ]:
        assert not is_readable(tidy_sentence(furniture)), furniture


def test_a_page_headline_and_time_stamp_glued_to_a_sentence_go() -> None:
    from newsbrief.summarize.candidates import tidy_sentence

    # Timeline17 bpoil_guardian, PTB-tokenised as the corpus stores it.
    assert (
        tidy_sentence(
            "BP survival fears as predicted cost of oil spill soars Deepwater Horizon oil spill "
            "disaster could end up finishing off the British oil giant Monday 14 June 2010 21.52 "
            "BST The board of BP have been meeting to discuss whether to suspend the dividend ."
        )
        == "The board of BP have been meeting to discuss whether to suspend the dividend."
    )
    assert (
        tidy_sentence(
            "Friday 11 June 2010 22.16 BST David Cameron is caught in the middle of the row."
        )
        == "David Cameron is caught in the middle of the row."
    )
    same = "The rig , leased to BP , exploded on 20 April , killing 11 workers ."
    assert tidy_sentence(same) == "The rig, leased to BP, exploded on 20 April, killing 11 workers."
    # PTB's single quotes (Timeline17, bpoil_bbc): "a ` static kill '".
    assert tidy_sentence(
        "Crews drilling a relief well and preparing a ` static kill ' are seen at the site ."
    ) == ("Crews drilling a relief well and preparing a ‘static kill’ are seen at the site.")
    # Timeline17 (MJ, H1N1): a BBC page's stamp with a server's error, a Reuters page's
    assert (
        tidy_sentence(
            "Page last updated at 05:27 GMT, Tuesday, 27 September 2011 06:27 UK (an error "
            "occurred while processing this directive) The Black Eyed Peas have joined the "
            "line-up of the tribute concert."
        )
        == "The Black Eyed Peas have joined the line-up of the tribute concert."
    )
    assert (
        tidy_sentence(
            "MEXICO CITY | Tue Apr 28, 2009 12:49 am BST MEXICO CITY (Reuters) - A new virus "
            "has killed up to 149 people in Mexico."
        )
        == "A new virus has killed up to 149 people in Mexico."
    )
    # A quote's closing mark lost before its speaker (DUC 2006, a Xinhua digest).
    assert tidy_sentence(
        "Restaurateurs who do not arrange non-smoking areas will also be fined. said the "
        "Bangkok Post."
    ) == (
        "Restaurateurs who do not arrange non-smoking areas will also be fined, said the "
        "Bangkok Post."
    )
    # Timeline17 (finan, CNN Money): a byline glued to the page's stamp, then the dateline.
    assert (
        tidy_sentence(
            "By Annalyn Censky, staff reporterJanuary 28, 2011: 5:11 PM ET NEW YORK (CNNMoney) "
            "-- Food prices have been rising worldwide."
        )
        == "Food prices have been rising worldwide."
    )


def test_words_in_capitals_are_written_as_the_article_writes_them() -> None:
    from newsbrief.summarize.brief import summarize_event
    from newsbrief.summarize.candidates import in_written_case

    # Timeline17 (Egypt): a page's heading in capitals run into its first sentence.
    text = "Google said its executive Wael Ghonim was freed by the Egyptian government."
    assert (
        in_written_case(
            "EGYPTIAN GOVERNMENT RELEASES GOOGLE EXEC who was arrested during the conflict.",
            text,
        )
        == "Egyptian government releases Google exec who was arrested during the conflict."
    )
    # Inside a sentence, a run in capitals that the text never writes otherwise is a name;
    # two words in capitals are left alone ("US EPA").
    assert (
        in_written_case("Herbal remedy for patients, NEW STRAITS TIMES-MANAGEMENT TIMES.", "")
        == "Herbal remedy for patients, New Straits Times-Management Times."
    )
    assert in_written_case("Officials opted for US EPA rules.", "") == (
        "Officials opted for US EPA rules."
    )
    # A print page's first word in capitals (DUC 2006, the New Straits Times), only as the
    # text writes it: "US officials" stays.
    reference = "In the treatment of rheumatic disorders, US officials said."
    assert in_written_case("IN the treatment of rheumatic disorders.", reference) == (
        "In the treatment of rheumatic disorders."
    )
    assert in_written_case("US officials said so.", reference) == "US officials said so."
    # and with a possessive (DUC 2006, the 10,000-article mix: a headline "MACAU'S ...")
    macau = "Macau's Judicial Police said the arrests were made in Macau on Friday."
    assert in_written_case("MACAU'S Judicial Police announced the arrests.", macau) == (
        "Macau's Judicial Police announced the arrests."
    )
    assert in_written_case("NATO'S chief spoke.", "NATO said.") == "NATO'S chief spoke."
    # "US" stays, though the text writes "us" more often ("He told us")
    told = "He told us about it. They told us twice. The US Treasury said so."
    assert in_written_case("US officials said so.", told) == "US officials said so."
    assert in_written_case("US Treasury officials said so.", told) == (
        "US Treasury officials said so."
    )
    assert in_written_case("US TROOPS LEAVE after talks.", told) == "US troops leave after talks."
    # DUC 2006 (NYT): a column whose text has no news sentence falls back on its title,
    # written in capitals on the wire.
    column = Article(
        id="NYT20000705.0134",
        title="GARDENING QUESTIONS AND ANSWERS",
        text="Viburnums Under Attack\n\nQ. In my Western New York garden I used native "
        "viburnums, partly because they are supposed to be more pest resistant. Now, I find "
        "that my arrowwood and cranberry bush viburnums are being attacked by something?",
    )
    summary = summarize_event(Event("e", (column,)), SummaryConfig())
    assert summary.headline == "Gardening questions and answers."


def test_a_sentence_opening_on_what_another_says_is_no_key_point_or_entry() -> None:
    # DUC 2006 D0617H and D0640D: "the same plane" and "then" are the sentence before's.
    from newsbrief.timeline_text import stands_alone

    for sentence in (
        "Aboard the same plane were 73 family members of the Egyptian victims of the crash.",
        "Even then they said that the accident had happened on Sunday, rather than Saturday.",
        "On the same day Americans learned that the student had been beaten, the town met.",
        # DUC 2006 D0624F's headline: which report?
        "The report comes less than a week after an inquiry highlighted institutional racism"
        " in London's Metropolitan Police.",
        "It came as tensions rose between the two countries over the trade talks.",
        # DUC 2006 D0604D's headline: some of the fans the sentence before told of
        "Some wore costumes of Darth Vader, Yoda and other Star Wars characters.",
        "Others said the opening had been moved to Saturday.",
        "All have been hard to prove, though experts agree Yugoslavia has such weapons.",
        "Both were arrested on Monday.",
        # the 2,000-article mix: before what?
        "Before that, it had purchased 4.3 million shares in Iconix, or 9 percent of the firm.",
        "Despite this, the mayor said the city would recover within a year.",
        # DUC 2007 D0727G (a timeline entry) and the mix: against what?
        "An agreement today may be a lot to ask, however.",
        "The People's Liberation Army remains secretive, however.",
        # the mix (ECB+ 5, the thirtieth read): which others?
        "The others involved a booster allegedly giving $500 to a football player.",
        "The latter was arrested in March.",
    ):
        assert not is_readable(sentence), sentence
        assert not stands_alone(sentence), sentence
    for sentence in (
        "Some 500 people lined up at the theater on Saturday.",
        "Many Canadians fear the troops will stay in Iraq.",
        "After this week's vote, the ruling party split over the budget plan.",
        "Police said the man was armed, though no shots were fired.",
        "The former president said the rest of the crew survived.",
    ):
        assert is_readable(sentence) and stands_alone(sentence), sentence
    news = "The plane was the same model as the one that crashed in 1999, investigators said."
    assert is_readable(news) and stands_alone(news)
    rain = "The rain came down hard on Tuesday, flooding the streets of the capital."
    assert is_readable(rain) and stands_alone(rain)


def test_a_notice_or_heading_in_capitals_is_no_entry() -> None:
    # The 2,000-article mix: a DUC 2006 report's copyright notice and a Timeline17 page's
    # stamps run into a teaser in capitals were timeline entries.
    from newsbrief.timeline_text import stands_alone

    for sentence in (
        "NO PORTION OF THE MATERIALS CONTAINED HEREIN MAY BE USED IN ANY MEDIA WITHOUT"
        " ATTRIBUTION TO WORLDSOURCES, INC.",
        "MORE Feb 8, 2011 7:42 AM ET Feb 8, 2011 5:00 AM ET EGYPTIAN GOVERNMENT RELEASES GOOGLE"
        " EXEC who was arrested during the conflict in Egypt.",
    ):
        assert not is_readable(sentence) and not stands_alone(sentence), sentence
    acronyms = "NATO and the UN said on Tuesday that 500 troops would leave Iraq for Kuwait."
    assert stands_alone(acronyms)


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        # fundus_dev, The Gateway Pundit (an English page quoting a French one).
        (
            "Pendant que le front s'effondre, un véritable incendie intérieur se déclare dans"
            " les coulisses du pouvoir chez Zelensky.",
            True,
        ),
        # Readers' comments under English reports (Timeline17).
        (
            "Solo algunos fotografos tienen el privilegio de ver su vida a traves de la"
            " fotografia ... y tu eres uno de ellos !",
            True,
        ),
        ("Qu'est - ce que les Ivoiriens ont a voir avec ce que passe en Algerie ?", True),
        # English, with a foreign name or the wire's split contractions.
        (
            "You ca n't ask claimants to pay , you ca n't ask states and federal governments"
            " to pay .",
            False,
        ),
        (
            "Andrés Manuel López Obrador said on Monday that Mexico would not pay for the wall.",
            False,
        ),
        ("The paper Le Monde de la Semaine said that the president was in Paris.", False),
    ],
)
def test_a_passage_in_another_language_is_told_from_english(sentence: str, foreign: bool) -> None:
    assert in_another_language(sentence) is foreign


def test_an_english_brief_shows_no_passage_in_another_language(shared_data: Path) -> None:
    page = (
        shared_data
        / "extraction"
        / "fundus_dev"
        / "html"
        / "us_TheGatewayPundit_2026_07_19.html.gz"
    )
    articles = [a for a in read_sources([str(page)]) if isinstance(a, Article)]
    assert len(articles) == 1 and articles[0].language == "en"
    assert "Pendant que le front" in articles[0].text
    summary = summarize_event(Event("gp", tuple(articles)), SummaryConfig())
    shown = [summary.headline, *(k.text for k in summary.key_sentences)]
    assert len(shown) > 3
    assert not any("Pendant" in line for line in shown)


def test_who_stands_where_in_a_group_photo_is_a_caption() -> None:
    from newsbrief.summarize.candidates import is_caption

    # The same Durban local page (fundus_dev): its group photo's caption was a key point.
    assert is_caption(
        "In front are Qarnita Loxton, from Melkbosstrand, Nuhaa Bardien, from Brooklyn,"
        " Arini Vlotman, from Durban, and Rushiyah Narker, from Kensington."
    )
    assert is_caption("Seated are John Smith and his wife.")
    assert not is_caption("In front of the court is a statue of Lincoln.")
    assert not is_caption("Standing outside the court, Smith said he was innocent.")


def test_a_wire_staff_byline_goes_and_a_page_s_highlights_are_boilerplate() -> None:
    # Timeline17 EgyptianProtest (CNN pages): the byline ran into the lead, and the page's
    # highlights, run together with no stops, were a key point of the brief.
    lead = (
        "By the CNN Wire Staff Saudi King Abdullah expressed support for Egyptian President "
        "Hosni Mubarak ."
    )
    assert tidy_sentence(lead) == (
        "Saudi King Abdullah expressed support for Egyptian President Hosni Mubarak."
    )
    highlights = tidy_sentence(
        "By the CNN Wire Staff Tanks roll into Egyptian cities as army takes control President "
        "Obama speaks to the Egyptian president Protesters defy a curfew that went into effect "
        "at 6 p.m. Friday Editor's Note: This article is being updated constantly by CNN ."
    )
    marked = tidy_sentence(
        "By the CNN Wire Staff Obama on Egypt : Change must happen now NEW : President Obama "
        "spoke to Egypt 's president on Tuesday NEW : Obama warns of difficulties ."
    )
    assert is_boilerplate(highlights) and is_boilerplate(marked)
    assert not is_boilerplate(tidy_sentence(lead))
    assert not is_boilerplate("The new rules take effect on Monday, the agency said.")


# --- opinion pieces ------------------------------------------------------------------------


def test_an_editorial_is_a_source_but_no_key_point_or_timeline_entry(shared_data: Path) -> None:
    from newsbrief.config import Config
    from newsbrief.pipeline import build_briefs_from_articles
    from newsbrief.summarize.multidoc import is_opinion

    # DUC 2007's Matthew Shepard topic in the week of the verdict: two AP reports and the
    # New York Times' editorial on it ("... shocked Americans by lifting homophobia to a
    # new level of savagery": the paper's view, which a brief had told as fact).
    records = [
        record
        for cluster in _records(shared_data / "summarization" / "duc2007_update.jsonl")
        if cluster["id"].startswith("D0721E")
        for record in cluster["articles"]
        if "1999-11-01" <= record["date"] <= "1999-11-05"
    ]
    articles = [Article.from_record(record) for record in records]
    editorial = next(a for a in articles if a.title and a.title.startswith("EDITORIAL:"))
    assert [a.id for a in articles if is_opinion(a)] == [editorial.id]
    briefs, _ = build_briefs_from_articles(articles, Config())
    brief = next(b for b in briefs if editorial.id in {a.id for a in b.articles})
    assert len(brief.articles) > 1 and brief.summary
    shown = [key.text for key in brief.summary] + [entry.text for entry in brief.timeline]
    assert not any("savagery" in text or "should not be allowed" in text for text in shown)
    assert all(key.sources != (editorial.id,) for key in brief.summary)
    assert all(entry.sources != (editorial.id,) for entry in brief.timeline)
    assert "savagery" not in brief.headline
    # The story timeline (`newsbrief timeline`) reads the news reports the same way.
    from newsbrief.config import TimelineConfig
    from newsbrief.timeline import build_story_timeline

    story = build_story_timeline(articles, TimelineConfig())
    assert story and not any("savagery" in entry.text for entry in story)


def test_reports_that_share_few_concepts_still_give_key_points(shared_data: Path) -> None:
    # WCEP's Karachi consulate attack: AP's live page and a two-sentence follow-up share a
    # handful of concepts, which the follow-up's one sentence covers: the brief had its
    # headline and no key point.
    cluster = next(
        c
        for c in _records(shared_data / "summarization" / "wcep_dev.jsonl")
        if c["id"] == "wcep-dyne-train-0654"
    )
    articles = tuple(_articles(cluster))
    summary = summarize_event(Event("karachi", articles), SummaryConfig())
    assert len(summary.key_sentences) >= 3
    live_page = articles[0].id
    assert any("Chinese Consulate" in key.text for key in summary.key_sentences)
    assert sum(live_page in key.sources for key in summary.key_sentences) >= 3


def test_a_sentence_inside_a_quote_over_sentences_is_no_key_point(shared_data: Path) -> None:
    # WCEP's Indian helicopter crash: '"In this engagement, we have unfortunately lost one
    # MiG-21. The pilot is missing in action. Pakistan has claimed that he is in their
    # custody. We are ascertaining the facts," he said.' Its two middle sentences were key
    # points without their speaker.
    cluster = next(
        c
        for c in _records(shared_data / "summarization" / "wcep_dev.jsonl")
        if c["id"] == "wcep-dyne-val-0049"
    )
    articles = tuple(a for a in _articles(cluster) if "missing in action." in a.text)
    texts = [c.text for c in candidate_sentences(articles)]
    assert not any(t.startswith(("The pilot is missing", "Pakistan has claimed")) for t in texts)
    assert any(t.startswith("A court of inquiry has been set up") for t in texts)
    summary = summarize_event(Event("crash", articles), SummaryConfig())
    assert not any("missing in action." in key.text for key in summary.key_sentences)


def test_inside_quotes_needs_the_quote_to_close_or_speak_in_the_first_person() -> None:
    from newsbrief.clean.sentences import inside_quotes

    sentences = [
        'Feig stated, "We love the series.',
        "Chris very much understands the world of the book.",
        'We think he will be an excellent steward."',
        "Production is scheduled to begin in the coming months.",
    ]
    assert inside_quotes(sentences) == [False, True, False, False]
    # A quote left open (a source's missing mark) makes nothing after it a quote.
    unclosed = ['"The aircraft was seen falling, Kumar said.', "The crash killed six officers."]
    assert inside_quotes(unclosed) == [False, False]
    # ... but the speaker's first person does (wire copy: "``Naturally I sympathize ...").
    assert inside_quotes(["``I sympathize with them.", "I began building in 1990."]) == [
        False,
        True,
    ]


def test_key_points_of_a_story_over_weeks_carry_the_day_of_their_first_report(
    shared_data: Path, seed_summary
) -> None:
    # DUC 2007 D0743J (Izmit): reports of the quake, of its aftershock two weeks on and
    # of its first anniversary. "The quake hit Izmit ... at 11:11 local time" is the
    # aftershock's, which a reader took for the main quake's when undated.
    with open(shared_data / "briefs" / "briefs_dev.jsonl", encoding="utf-8") as lines:
        story = next(s for line in lines if (s := json.loads(line))["id"] == "duc2007-D0743J")
    articles = [Article.from_record(record) for record in story["articles"]]
    days = [dt.date(1999, 8, 18), dt.date(1999, 8, 31), dt.date(2000, 8, 17)]
    chosen = [next(a for a in articles if a.date == day) for day in days]
    summary = summarize_event(Event("izmit", tuple(chosen)), SummaryConfig())
    published = {a.id: a.date for a in chosen}
    assert summary.key_sentences
    for sentence in summary.key_sentences:
        assert sentence.reported == min(published[i] for i in sentence.sources)
    # An undated report of a point may be its first: the point's first day is unknown (the
    # 2,000-article mix's Kraft shooting: "reported 2010-12-08" for a September report's
    # point, its September reports undated).
    undated = dataclasses.replace(chosen[0], id="undated", date=None)
    with_undated = summarize_event(Event("izmit", (*chosen, undated)), SummaryConfig())
    cited = [s for s in with_undated.key_sentences if "undated" in s.sources]
    assert cited and all(s.reported is None for s in cited)
    # Reports of one news cycle need no day: the seeds' two days.
    assert all(s.reported is None for s in seed_summary.key_sentences)


def test_an_edited_reprint_is_cited_only_for_what_it_still_says(shared_data: Path) -> None:
    # WCEP dev's two AP copies of "US newspapers to Trump: We're not enemies of the people":
    # train-692 is the story cut after Finley's quote, a copy of train-795. Its brief on
    # the 2,000-article mix cited both for the full story's last paragraphs (the RTDNA's
    # support, Pew's poll), which the cut copy does not hold.
    from newsbrief.config import Config
    from newsbrief.evaluate import read_jsonl
    from newsbrief.pipeline import prepare_articles

    wanted = {"train-692", "train-795"}
    records = [
        a
        for r in read_jsonl(shared_data / "summarization" / "wcep_dev.jsonl")
        for a in r["articles"]
        if a["id"] in wanted
    ]
    reports = [Article(id=a["id"], text=a["text"], title=a.get("title")) for a in records]
    articles, _ = prepare_articles(reports, Config())
    cut = next(a for a in articles if a.id == "train-692")
    assert cut.copy_of == "train-795"
    summary = summarize_event(Event("e", tuple(articles)), SummaryConfig())
    cited = {key.text: "train-692" in key.sources for key in summary.key_sentences}
    held = {text: text.rstrip(".") in " ".join(cut.text.split()) for text in cited}
    assert any(cited.values()) and not all(cited.values())
    assert all(cited[text] for text in cited if held[text])
    later = [text for text in cited if "Pew" in text or "Radio Television" in text]
    assert later and not any(cited[text] for text in later)


def test_a_headline_written_from_a_key_point_is_no_key_point() -> None:
    # An ECB+ blog post with no title and no opening fit to head it: its one key point
    # was also its headline (the 4,857-article mix).
    text = (
        "27 NOVEMBER, 2005\nDid the earth move for you?\nBecause it didn't down here at Cell "
        'Block G. Dubai experienced a slight "tremor" today, after a more serious earthquake '
        "in Southern Iran, resulting in the evacuation of Emirates Towers and a few other "
        'scrapers:\n"Witnesses in high-rise buildings said they felt the ground shaking '
        "beneath them for about a minute.\nMany residents evacuated their buildings and "
        'waited on the streets."\nInmates in the far southern gulags miss out on '
        "everything.\nCut off by distance, traffic and general lethargy: the forgotten folk "
        "in the shadow of the Jebel."
    )
    summary = summarize_event(Event("e", (Article(id="a", text=text),)), SummaryConfig())
    assert summary.headline
    said = {" ".join(k.text.split()) for k in summary.key_sentences}
    assert " ".join(summary.headline.split()) not in said


def test_a_heading_run_into_a_key_point_before_a_colon_goes() -> None:
    # Key points of the 4,857-article mix (a utility's page, a BBC radio listing, CNNMoney's
    # roundup).
    assert without_heading_label(
        "Business reduction of processes: The company is also encouraging industrial and "
        "business customers to temporarily reduce processes."
    ) == (
        "The company is also encouraging industrial and business customers to temporarily "
        "reduce processes."
    )
    assert without_heading_label(
        "A roundup of today's CNNMoney news: Cashing in on snowstorms: With record amounts "
        "of snow blanketing the nation's warmest cities, companies are insuring themselves."
    ) == (
        "With record amounts of snow blanketing the nation's warmest cities, companies are "
        "insuring themselves."
    )
    # A speaker's name, a clause and a short rest keep theirs.
    for kept in (
        "President Trump: We will win this war in the end, believe me.",
        "The point was made: When moved to vote, Gen-X is a force worth reckoning with.",
        "Why prices are rising: Bad weather in Australia diminished wheat crops.",
        "Proof: Some studies show that taking type II collagen orally can reduce pain.",
        "Our verdict on the plan: Not good.",
        # a clause names the source ("gives"), a ticker and a book's title are no headings
        "The Information Center gives the following account: 500 workers from the Min "
        "River Timber Machinery Factory gathered near a bridge.",
        "Shares of Newmont Mining Corp (NYSE: NEM) test a support level not broken in years.",
        "To further complicate matters, according to 13th Gen: Abort, Retry, Ignore, Fail, "
        "the definitive 1993 tome, Gen X is a subset.",
    ):
        assert without_heading_label(kept) == kept
    # The rest is judged again: "They" points back, so the sentence is no candidate.
    article = Article(
        id="a",
        text=(
            "Level 4: They be rapin everybody out here, the rapper said of the charts. "
            "The singer's new album sold 200,000 copies in its first week, the label said."
        ),
    )
    texts = [c.text for c in candidate_sentences([article])]
    assert texts == [
        "The singer's new album sold 200,000 copies in its first week, the label said."
    ]


@pytest.mark.skipif(parse("Canada moved troops.") is None, reason="no spaCy parse")
def test_a_subject_that_stands_for_people_told_before_cannot_be_read_alone() -> None:
    from newsbrief.summarize.keypoints import reads_alone_problem

    # Timeline entries of the 2,000-article mix (NewsWCL50's Mueller story, DUC 2006): a
    # group named by its size, and a pronoun whose only word before it is a date.
    points_back = [
        "Nearly four months later, on Feb. 22, the pair was hit with additional tax evasion "
        "and bank fraud charges.",
        "The couple married 18 years ago.",
        "At a news conference Friday she called malaria a cause of rising human suffering.",
        "On Monday, it said that profits fell.",
    ]
    for sentence in points_back:
        assert reads_alone_problem(sentence) == "its subject points back", sentence
    # An "it" that stands for its that-clause, and a group with its members named first.
    reads_alone = [
        "On Friday, it was reported that the Interior Department sent a rule to the White House.",
        "In 2010, it emerged that the bank had lied.",
        "Manafort and Gates pleaded not guilty, and the pair was released.",
        "The two leaders met in Singapore on Tuesday.",
    ]
    for sentence in reads_alone:
        assert reads_alone_problem(sentence) is None, sentence
