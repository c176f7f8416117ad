"""One date parser for every reader: the formats feeds, scrapers and crawls write, and a
reason for every value it cannot read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsbrief.dates import read_date, stamp_date
from newsbrief.ingest import read_sources
from newsbrief.model import Article, Rejected

JAN_7 = dt.date(2020, 1, 7)


@pytest.mark.parametrize(
    "value",
    [
        "Tue, 07 Jan 2020 10:00:00 GMT",
        "Tue, 7 Jan 2020 10:00:00 +0100",
        "2020-01-07",
        "2020-01-07T10:00:00Z",
        "2020-01-07T23:30:00-05:00",  # the day where it was written, not in UTC
        "2020-01-07 10:00:00 +0000 UTC",
        "January 7, 2020",
        "Jan. 7, 2020",
        "7 January 2020",
        "2020/01/07",
        "07.01.2020",
        "1578391200",  # Unix seconds
        1578391200000,  # Unix milliseconds
        dt.datetime(2020, 1, 7, 10),
    ],
)
def test_common_formats_give_the_day(value: object) -> None:
    assert read_date(value) == (JAN_7, None)


def test_relative_words_need_a_reference_date() -> None:
    assert read_date("yesterday", reference=dt.date(2020, 1, 8)) == (JAN_7, None)
    assert read_date("3 days ago", reference=dt.date(2020, 1, 10)) == (JAN_7, None)
    day, reason = read_date("yesterday")
    assert day is None and reason == "relative date 'yesterday' without a reference date"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2020-13-45", "not a valid date"),
        ("2008-10-294T05:21:46-0700", "not a valid date"),  # ClueWeb's WARC-Date
        ("January 2020", "no full day"),
        ("tomorrow-ish", "not a date"),
        ("1066-10-14", "implausible year"),
        # a missing date as an export writes it: the Unix epoch (the number 0 or less too)
        ("1970-01-01T00:00:00Z", "the Unix epoch"),
        ("1970-01-01T00:00:00", "the Unix epoch"),
        ("Thu, 01 Jan 1970 00:00:00 GMT", "the Unix epoch"),  # an RSS pubDate
    ],
)
def test_unreadable_dates_say_why(value: str, reason: str) -> None:
    day, problem = read_date(value)
    assert day is None and problem is not None and problem.startswith(reason)


@pytest.mark.parametrize("value", [0, -5, 0.0, -1578391200000])
def test_a_timestamp_at_or_before_the_epoch_is_a_placeholder(value: float) -> None:
    day, problem = read_date(value)
    assert day is None and problem is not None and problem.endswith("a placeholder")


def test_a_day_written_in_1970_is_kept() -> None:
    assert read_date("1970-01-01") == (dt.date(1970, 1, 1), None)
    assert read_date("1970-01-01T09:30:00+01:00") == (dt.date(1970, 1, 1), None)


def test_no_value_is_no_problem() -> None:
    assert read_date(None) == (None, None) and read_date("  ") == (None, None)


def test_readers_keep_the_article_and_report_its_unreadable_date(tmp_path: Path) -> None:
    text = "The council approved the budget after a long debate on Tuesday night."
    rows = [
        {"id": "a", "text": text, "date": "Tue, 07 Jan 2020 10:00:00 GMT"},
        {"id": "b", "text": text + " More.", "date": "yesterday"},
        {"id": "c", "text": text + " Again.", "date": "yesterday", "date_download": "2020-01-08"},
        {"id": "d", "text": text + " Later.", "date": "2020-13-45"},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    records = list(read_sources([path]))
    dates = {r.id: r.date for r in records if isinstance(r, Article)}
    assert dates == {"a": JAN_7, "b": None, "c": JAN_7, "d": None}
    notes = {r.source.rsplit(":", 1)[1]: r.reason for r in records if isinstance(r, Rejected)}
    assert set(notes) == {"2", "4"}
    assert "relative date 'yesterday'" in notes["2"] and "article was kept" in notes["2"]
    assert "not a valid date: '2020-13-45'" in notes["4"]


def _ecb_text(shared_data: Path, article_id: str) -> str:
    lines = (shared_data / "clustering" / "ecbplus_dev.jsonl").read_text().splitlines()
    [text] = [r["text"] for r in map(json.loads, lines) if r["id"] == article_id]
    return str(text)


def test_a_page_s_stamp_under_its_title_gives_its_day(shared_data: Path) -> None:
    # ECB+ pages as text, undated records: the stamp is the second line.
    # "May 3, 2013 | 8:20 am"
    assert stamp_date(_ecb_text(shared_data, "1_5ecbplus")) == dt.date(2013, 5, 3)
    assert stamp_date(_ecb_text(shared_data, "20_7ecbplus")) == dt.date(2005, 11, 27)
    assert stamp_date("Lohan checks in\nFri., May. 3, 2013 11:45 AM PDT\nBody.") == dt.date(
        2013, 5, 3
    )
    assert stamp_date("Title\nWASHINGTON, DC, April 28, 2009\nBody.") == dt.date(2009, 4, 28)
    # A sentence that names a day, a memorial's "End of Watch", a page counted back from
    # its download and a day that could be either (11 September or 9 November) are none.
    assert stamp_date(_ecb_text(shared_data, "1_5ecb")) is None  # "Reid checked herself in on ..."
    assert stamp_date("Title\nEnd of Watch: Friday, June 24, 2005\nBody.") is None
    assert stamp_date("Posted 1 year, 160 days ago [downloaded on 2 October 2013]") is None
    assert stamp_date(_ecb_text(shared_data, "22_14ecbplus")) is None  # "11/09/2010"
    assert (
        stamp_date("Title\nBody of the report.\nMore.\nMore.\nMay 3, 2013") is None
    )  # too far down
