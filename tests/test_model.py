import datetime as dt
import pickle
import sys
from pathlib import Path

from newsbrief.model import (
    Article,
    Brief,
    Claim,
    Fact,
    KeySentence,
    Rejected,
    RunReport,
    Sentences,
    TimelineEntry,
    briefs_to_json,
    content_id,
    parse_date,
)


def test_content_id_ignores_whitespace_and_unicode_form():
    composed = "Fran\u00e7ois-Philippe Champagne said"
    decomposed = "Franc\u0327ois-Philippe  Champagne\nsaid"
    assert content_id("cbc.ca", composed) == content_id("cbc.ca", decomposed)
    assert content_id("cbc.ca", composed) != content_id("ctv.ca", composed)


def test_parse_date_accepts_iso_dates_and_timestamps_only():
    assert parse_date("2020-01-07") == dt.date(2020, 1, 7)
    assert parse_date("2020-01-07T11:33:00Z") == dt.date(2020, 1, 7)
    assert parse_date("Tuesday") is None
    assert parse_date("2020-13-40") is None
    assert parse_date(None) is None


def test_article_record_round_trip_keeps_every_field():
    article = Article(
        id="a1",
        text="Canada moves troops.\n\nVance wrote a letter.",
        title="Canada moves troops",
        date=dt.date(2020, 1, 7),
        source="globalnews.ca",
        url="https://globalnews.ca/a1",
        language="en",
        sentences=("Canada moves troops.", "Vance wrote a letter."),
        copy_of="a0",
    )
    assert Article.from_record(article.to_record()) == article
    assert article.paragraphs == ["Canada moves troops.", "Vance wrote a letter."]


def test_brief_json_has_the_stable_keys_of_the_design():
    a = Article(id="a", text="x", date=dt.date(2020, 1, 6), source="one")
    b = Article(id="b", text="y", date=dt.date(2020, 1, 7), source="two")
    c = Article(id="c", text="y", date=dt.date(2020, 1, 7), source="three", copy_of="b")
    fact = Fact(
        subject="Canadian personnel in Iraq",
        value="500",
        unit=None,
        claims=(
            Claim("500", "about", ("b",), "about 500 in Iraq"),
            Claim("300", "more than", ("a",), "More than 300 Canadian personnel"),
        ),
        agreement="conflict",
    )
    brief = Brief(
        event_id="e1",
        headline="Canada moves troops from Iraq to Kuwait.",
        summary=(KeySentence("Canada moves some troops.", ("a", "b")),),
        articles=(a, b, c),
        facts=(fact,),
        timeline=(TimelineEntry(dt.date(2020, 1, 7), "Vance writes to families.", ("b",)),),
    )
    document = briefs_to_json([brief], RunReport(rejected=(Rejected("x.html", "no article"),)))
    event = document["events"][0]
    assert set(event) >= {
        "id",
        "headline",
        "date",
        "first_seen",
        "last_seen",
        "summary",
        "articles",
        "facts",
        "entities",
        "timeline",
    }
    assert event["date"] == "2020-01-07"  # two of three articles appeared that day
    assert (event["first_seen"], event["last_seen"]) == ("2020-01-06", "2020-01-07")
    assert event["articles"][2]["copy_of"] == "b"
    assert event["facts"][0]["claims"][1] == {
        "value": "300",
        "qualifier": "more than",
        "sources": ["a"],
        "quote": "More than 300 Canadian personnel",
        "as_of": None,  # added key: the day the value held, when known
    }
    assert document["rejected"] == [{"source": "x.html", "reason": "no article", "stage": "ingest"}]


def test_sentences_are_offsets_into_the_text_and_read_as_the_tuple(seeds_dir: Path) -> None:
    from newsbrief.clean import split_sentences
    from newsbrief.clean.article import clean_text

    text = clean_text((seeds_dir / "004_a468471a9ef7a55f.txt").read_text(encoding="utf-8"))
    listed = tuple(split_sentences(text))
    sentences = Sentences.of(text, listed)
    assert isinstance(sentences, Sentences)
    assert sentences == listed and tuple(sentences) == listed and len(sentences) == len(listed)
    assert sentences[0] == listed[0] and sentences[-1] == listed[-1]
    assert sentences[2:5] == listed[2:5] and sentences[::2] == listed[::2]
    assert hash(sentences) == hash(listed)
    # The offsets, not a second copy of the characters.
    strings = sys.getsizeof(listed) + sum(map(sys.getsizeof, listed))
    assert sys.getsizeof(sentences._bounds) < strings / 10
    article = Article(id="a", text=text, sentences=sentences)
    copied = pickle.loads(pickle.dumps(article))
    assert copied == article and copied.sentences._text is copied.text  # text pickled once
    assert Article.from_record(article.to_record()) == article


def test_sentences_not_in_the_text_stay_strings() -> None:
    # A sentence the splitter reworded (not a piece of the text) keeps its own string.
    assert Sentences.of("It rained. Then it stopped.", ["It rained.", "Then it ended."]) == (
        "It rained.",
        "Then it ended.",
    )
    assert not isinstance(Sentences.of("x", ["y"]), Sentences)
