"""Time expressions of news text, resolved against the article's date, or left unresolved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsbrief.timexpr import (
    HABITUAL,
    NO_ANCHOR,
    NOWADAYS,
    TimeMention,
    find_times,
    past_verb_beside,
    period_end,
)

TUESDAY = dt.date(2020, 1, 7)  # the seeds' publication date, a Tuesday
FRIDAY = dt.date(1998, 7, 24)


def only(text: str, anchor: dt.date | None = TUESDAY) -> TimeMention:
    mentions = find_times(text, anchor)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        # bare weekdays in past-tense reports: the most recent such day on or before
        ("Gen. Jonathan Vance said Tuesday.", "Tuesday", dt.date(2020, 1, 7), "day"),
        ("A letter sent on Monday suggested it.", "on Monday", dt.date(2020, 1, 6), "day"),
        ("The parliament of Iraq voted Sunday.", "Sunday", dt.date(2020, 1, 5), "day"),
        (
            "He was killed at the airport on Friday night.",
            "on Friday night",
            dt.date(2020, 1, 3),
            "day",
        ),
        # future cue: the next such day
        ("The ministers will meet on Friday.", "on Friday", dt.date(2020, 1, 10), "day"),
        ("Talks resume next Monday.", "next Monday", dt.date(2020, 1, 13), "day"),
        ("They met last Tuesday.", "last Tuesday", dt.date(2019, 12, 31), "day"),
        # absolute dates
        ("in London on Dec. 3, 2019.", "Dec. 3, 2019", dt.date(2019, 12, 3), "day"),
        (
            "Protests grew on Jan. 26 , 2011 in Cairo .",
            "Jan. 26 , 2011",
            dt.date(2011, 1, 26),
            "day",
        ),
        ("It was published 2020-01-05.", "2020-01-05", dt.date(2020, 1, 5), "day"),
        ("a letter dated January 6 was sent", "January 6", dt.date(2020, 1, 6), "day"),
        (
            "In October 2014, Stephen Harper deployed jets.",
            "October 2014",
            dt.date(2014, 10, 1),
            "month",
        ),
        ("since 2003, more than 182,000 civilians died", "since 2003", dt.date(2003, 1, 1), "year"),
        (
            "In the summer of 2014, ISIL rolled through Iraq.",
            "the summer of 2014",
            dt.date(2014, 1, 1),
            "year",
        ),
        # relative to the article's date
        ("The minister spoke yesterday.", "yesterday", dt.date(2020, 1, 6), "day"),
        ("Trump said in a speech last night.", "last night", dt.date(2020, 1, 6), "day"),
        ("The strike came two days ago.", "two days ago", dt.date(2020, 1, 5), "day"),
        ("The drone strike last week killed him.", "last week", dt.date(2019, 12, 30), "week"),
        ("It happened earlier this month.", "earlier this month", dt.date(2020, 1, 1), "month"),
        ("The mission ends next month.", "next month", dt.date(2020, 2, 1), "month"),
        ("Troops arrived last year.", "last year", dt.date(2019, 1, 1), "year"),
        ("Families gathered this weekend.", "this weekend", dt.date(2020, 1, 4), "week"),
        ("Families will gather this weekend.", "this weekend", dt.date(2020, 1, 11), "week"),
    ],
)
def test_resolves_each_form(text: str, expression: str, value: dt.date, precision: str) -> None:
    mention = only(text)
    assert (mention.text, mention.value, mention.precision) == (expression, value, precision)
    assert mention.resolved and mention.reason is None
    assert text[mention.start : mention.end] == expression


def test_weekday_takes_the_explicit_date_that_follows() -> None:
    text = "The US drone in Baghdad on Thursday evening (January 2, 2020 EST) raised tensions."
    mentions = find_times(text, TUESDAY)
    assert [m.value for m in mentions] == [dt.date(2020, 1, 2), dt.date(2020, 1, 2)]
    # Even with no article date the explicit date fixes the weekday.
    undated = find_times(text, None)
    assert [m.value for m in undated] == [dt.date(2020, 1, 2), dt.date(2020, 1, 2)]


def test_weekday_takes_the_month_and_day_it_names() -> None:
    # The NYT wire's editorial line (DUC 2007, a report of Wednesday, Nov. 3, 1999): the
    # Thursday is the 4th, not the Thursday before; a date before a colon is a date.
    wednesday = dt.date(1999, 11, 3)
    text = "The New York Times said in an editorial for Thursday, Nov. 4: The killing"
    assert [(m.text, m.value) for m in find_times(text, wednesday)] == [
        ("Thursday", dt.date(1999, 11, 4)),
        ("Nov. 4", dt.date(1999, 11, 4)),
    ]
    # A weekday the date does not fall on keeps its own day; a clock is no day.
    friday = find_times("It happened on Friday, November 4, in town.", wednesday)
    assert [m.value for m in friday] == [dt.date(1999, 10, 29), dt.date(1999, 11, 4)]
    assert [m.text for m in find_times("Nov. 4 at 4:30 p.m.", wednesday)] == ["Nov. 4"]
    # Another weekday or "yesterday" after it is no date that names it.
    both = find_times("Al Jazeera was reporting on Friday that people watched on Friday.", TUESDAY)
    assert len({m.value for m in both}) == 1


def test_vague_future_gets_no_day() -> None:
    mention = only("US troops would leave in the coming days.")
    assert mention.text == "in the coming days"
    assert mention.value is None and not mention.resolved
    assert mention.precision == "vague" and "future" in (mention.reason or "")


def test_without_anchor_relative_expressions_stay_unresolved() -> None:
    text = "Vance said Tuesday that troops left last week, two days ago and on January 6."
    mentions = find_times(text, None)
    assert [m.text for m in mentions] == ["Tuesday", "last week", "two days ago", "January 6"]
    assert all(not m.resolved and m.value is None and m.reason == NO_ANCHOR for m in mentions)
    # Absolute expressions need no anchor.
    assert only("since 2003", None).value == dt.date(2003, 1, 1)
    assert only("in October 2014", None).value == dt.date(2014, 10, 1)


def test_numbers_that_are_not_times() -> None:
    assert find_times("Canada has about 500 soldiers and 2003 vehicles.", TUESDAY) == []
    assert find_times("They may march on the capital.", TUESDAY) == []


def test_a_day_with_a_year_past_news_gets_no_year_of_the_report() -> None:
    # A hostile record's "March 3, 2150" had been shown as the report's year's March 3.
    assert find_times("A fire killed 12 workers on March 3, 2150, officials said.", TUESDAY) == []
    assert find_times("It began on 3 March 0999.", TUESDAY) == []
    # A count after a day is no year: "March 3, 1500 troops arrived".
    assert only("On March 3, 1500 troops arrived.").value == dt.date(2019, 3, 3)


def test_month_without_year_is_past_unless_future() -> None:
    assert only("It reopened on May 5.").value == dt.date(2019, 5, 5)
    assert only("It will reopen on May 5.").value == dt.date(2020, 5, 5)


def test_a_month_and_year_with_a_comma_between_is_that_month() -> None:
    # Timeline17 (the 10,000-article mix): a 2011 report's "in June, 2009" was dated June 2011.
    sentence = "Michael Jackson died aged 50 in June, 2009 while rehearsing for his tour."
    (mention,) = find_times(sentence, dt.date(2011, 6, 20))
    assert (mention.text, mention.value, mention.precision) == (
        "June, 2009",
        dt.date(2009, 6, 1),
        "month",
    )
    # a comma before a count is no year
    (mention,) = find_times("In June, 12 people died.", dt.date(2011, 6, 20))
    assert (mention.text, mention.value) == ("In June", dt.date(2011, 6, 1))


def test_an_irregular_past_verb_dates_a_month_behind() -> None:
    # DUC 2007 D0740I, a report of 1998-11-12: the record was broken in February 1998,
    # not shown as a scheduled February 1999.
    sentence = (
        "In February the Swiss pilot, along with British flight engineer Andy Elson and "
        "Belgian pilot Wim Verstraeten, broke the record for the longest time in the air."
    )
    (mention,) = find_times(sentence, dt.date(1998, 11, 12), clause_tense=True)
    assert (mention.value, mention.future) == (dt.date(1998, 2, 1), False)


def test_trigger_prefilter_changes_nothing(seeds_dir, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Parity of the fast path (rules skipped when their trigger words are absent) with
    # running every rule, on the seed articles split into sentences and whole.
    import re

    import newsbrief.timexpr as timexpr

    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    pieces = texts + [line for text in texts for line in text.splitlines() if line.strip()]
    fast = [find_times(piece, TUESDAY) for piece in pieces]
    monkeypatch.setattr(timexpr, "_TRIGGERS", {k: re.compile("") for k in timexpr._TRIGGERS})
    assert [find_times(piece, TUESDAY) for piece in pieces] == fast
    assert sum(len(found) for found in fast) > 20


@pytest.mark.parametrize(
    ("text", "value", "future"),
    [
        # the sentence's tense decides; a deadline ("by Friday") is ahead
        ("Oxygen could be exhausted by Friday, rescuers said.", dt.date(2020, 1, 10), True),
        ("The leaders will meet on Thursday in Seoul.", dt.date(2020, 1, 9), True),
        ("The parliament of Iraq voted on Sunday.", dt.date(2020, 1, 5), False),
        ("It faces a deadline on Friday.", dt.date(2020, 1, 10), True),
    ],
)
def test_weekdays_follow_the_tense_of_their_sentence(
    text: str, value: dt.date, future: bool
) -> None:
    [mention] = [m for m in find_times(text, TUESDAY) if m.precision == "day"]
    assert (mention.value, mention.future) == (value, future)


def test_a_date_without_year_takes_the_year_its_context_gives() -> None:
    april = dt.date(2018, 4, 24)
    # no tense either way: the nearest May 12, this year's (news style names other years)
    assert only("He faces a May 12 deadline on the Iran deal.", april).value == dt.date(2018, 5, 12)
    assert only("The May 12 summit is in doubt.", april).value == dt.date(2018, 5, 12)
    # past tense: the latest one before the report
    assert only("The plant closed on May 12.", april).value == dt.date(2017, 5, 12)
    # a year named earlier in the sentence carries over
    mentions = find_times("He called on Feb. 8, 2017, and again on March 30.", april)
    assert [m.value for m in mentions] == [dt.date(2017, 2, 8), dt.date(2017, 3, 30)]


def test_a_later_date_of_the_sentence_does_not_go_back_before_the_year_it_named() -> None:
    # DUC 2007 D0711C: the raid came after the investigation began.
    mentions = find_times(
        "The Japanese investigation of Microsoft began in October 1997, but accelerated "
        "sharply on the morning of Jan. 13 when 20 uniformed police officers swept in.",
        dt.date(1998, 3, 1),
    )
    assert [m.value for m in mentions] == [dt.date(1997, 10, 1), dt.date(1998, 1, 13)]


def test_a_present_tense_schedule_dates_ahead_in_a_past_tense_report() -> None:
    # DUC 2007 D0703A (APW, 14 June 1998): the euro's start, not a January gone by.
    [mention] = find_times(
        "The report also said Duisenberg expects the future relationship between the dollar "
        "and the euro, which officially goes into effect on Jan. 12, to be stable.",
        dt.date(1998, 6, 14),
    )
    assert (mention.value, mention.future) == (dt.date(1999, 1, 12), True)
    # DUC 2007 D0736H: a book out next month.
    [mention] = find_times(
        "Fans who can't wait until his new legal thriller is published Feb. 1 can get a "
        "sneak preview online.",
        dt.date(1999, 1, 20),
    )
    assert mention.future
    [done] = find_times("The exhibition opened Friday.", dt.date(2020, 1, 8))
    assert (done.value, done.future) == (dt.date(2020, 1, 3), False)


def test_a_day_set_for_or_given_until_lies_ahead_with_the_days_listed_after_it() -> None:
    # DUC 2006 (APW, Sunday 13 June 1999): the ceremonies of the coming week, not the
    # Tuesday and Wednesday gone by.
    mentions = find_times(
        "Similar ceremonies are set for Tuesday at DaimlerChrysler and Wednesday at GM.",
        dt.date(1999, 6, 13),
    )
    assert [m.value for m in mentions] == [dt.date(1999, 6, 15), dt.date(1999, 6, 16)]
    # DUC 2007 D0711C (Xinhua, Tuesday 25 April 2000): a deadline that Friday.
    [deadline] = find_times(
        "Each has until Friday to submit proposed remedies to U.S. District Judge Thomas "
        "Penfield Jackson.",
        dt.date(2000, 4, 25),
    )
    assert (deadline.value, deadline.future) == (dt.date(2000, 4, 28), True)
    # The next sentence's day is its own: a past one.
    ahead, past = find_times(
        "The talks are set for Tuesday. Police said Wednesday they arrested him.",
        dt.date(1999, 6, 13),
    )
    assert (ahead.value, past.value) == (dt.date(1999, 6, 15), dt.date(1999, 6, 9))


def test_a_paper_s_issue_named_by_its_weekday_is_the_nearest_one() -> None:
    # The 2,000-article mix (AP, Wednesday 12 August 1998): a study "in Thursday's issue of
    # the journal Nature" is out the next day; it had been dated Thursday 6 August.
    [issue] = find_times(
        "In the study in Thursday's issue of the journal Nature, Wentz and Schabel "
        "reported that the satellite readings had been misread.",
        dt.date(1998, 8, 12),
    )
    assert issue.value == dt.date(1998, 8, 13)
    # One two days back is the last one, and a plain past weekday stays past.
    [earlier] = find_times("It appeared in Monday's editions.", dt.date(1998, 8, 12))
    assert earlier.value == dt.date(1998, 8, 10)
    [spoke] = find_times("He spoke on Thursday.", dt.date(1998, 8, 12))
    assert spoke.value == dt.date(1998, 8, 6)


def test_what_a_standing_call_asks_for_lies_ahead() -> None:
    # Timeline17 (Egypt, a Thursday report): the protests called for after Friday prayers
    # had been dated the Friday before.
    [prayers] = find_times(
        "The Muslim Brotherhood has called for protests after Friday prayers.",
        dt.date(2011, 1, 27),
    )
    assert prayers.value == dt.date(2011, 1, 28)
    [called] = find_times("The Brotherhood called for protests on Friday.", dt.date(2011, 1, 27))
    assert called.value == dt.date(2011, 1, 21)


def test_a_passive_infinitive_of_what_is_scheduled_lies_ahead() -> None:
    # The 2,000-article mix: "the measures to be voted on Thursday" in a Wednesday report of
    # Athens' riots (ECB+) had been the Thursday before; "Orozco is to be formally sentenced
    # May 3" in a report of 4 April 2007 had been 3 May 2006; "its latest issue, to be
    # published Wednesday" in a Tuesday report the Wednesday before.
    [vote] = find_times(
        "The government was preparing for the measures to be voted on Thursday.",
        dt.date(2010, 5, 5),
    )
    assert vote.value == dt.date(2010, 5, 6)
    [sentencing] = find_times(
        "Orozco is to be formally sentenced May 3 by Judge Philip H. Hickock.", dt.date(2007, 4, 4)
    )
    assert sentencing.value == dt.date(2007, 5, 3)
    [issue] = find_times(
        "Its latest issue, to be published Wednesday in London.", dt.date(1999, 8, 24)
    )
    assert issue.value == dt.date(1999, 8, 25)
    # A state found, or a report of the past, is no plan (Timeline17: "a high school student
    # ... was found to be infected on Saturday").
    [found] = find_times("A student was found to be infected on Saturday.", dt.date(2009, 5, 21))
    assert found.value == dt.date(2009, 5, 16)
    [seen] = find_times("He was said to be seen on Thursday.", dt.date(2010, 5, 5))
    assert seen.value == dt.date(2010, 4, 29)
    # A paper's study "appearing Friday in the journal Science" (Xinhua, Thursday 15 July
    # 1999, on the mix) is out the next day; one that "was appearing" is past.
    for sentence, day in (
        ("The study appearing Friday in the journal Science found the gene.", 16),
        ("The study, which appears Friday in Nature, found it.", 16),
        ("She was appearing Friday at a rally when she fell.", 9),
        ("He appeared Friday in court.", 9),
    ):
        [friday] = find_times(sentence, dt.date(1999, 7, 15))
        assert friday.value == dt.date(1999, 7, day), sentence


@pytest.mark.parametrize(
    ("sentence", "reported", "days"),
    [
        # DUC 2006 on the 2,000-article mix: in a Sunday report (11 July 1999) the meeting
        # is the next day; it had been dated the Monday before.
        (
            "Clinton planned a budget meeting Monday with leaders of both parties.",
            dt.date(1999, 7, 11),
            [dt.date(1999, 7, 12)],
        ),
        (
            "The committee scheduled a vote on Thursday.",
            dt.date(1998, 1, 14),
            [dt.date(1998, 1, 15)],
        ),
        # Its day may come after a longer object, with "for" (a Friday report of 3 March 2000).
        (
            "The Corps scheduled a news conference on the regulations for Monday.",
            dt.date(2000, 3, 3),
            [dt.date(2000, 3, 6)],
        ),
        # A plan that may have fallen through, and what was held or called, stay past.
        (
            "Clinton had planned a budget meeting Monday but it was cancelled.",
            dt.date(1998, 1, 14),
            [dt.date(1998, 1, 12)],
        ),
        (
            "He called a meeting Monday to discuss the crash.",
            dt.date(1998, 1, 14),
            [dt.date(1998, 1, 12)],
        ),
        ("The leaders held a meeting Monday.", dt.date(1998, 1, 14), [dt.date(1998, 1, 12)]),
    ],
)
def test_a_plans_object_with_its_day_after_it_lies_ahead(
    sentence: str, reported: dt.date, days: list[dt.date]
) -> None:
    assert [m.value for m in find_times(sentence, reported)] == days


@pytest.mark.parametrize(
    ("sentence", "reported", "days"),
    [
        # The 2,000-article mix, read by an editor: these had been dated the Sunday before
        # (a Saturday report of 25 March 2000, a Friday one) and June 1998 (a report of 3
        # February 1999).
        (
            "Rebels shot at polling stations set up for Sunday's presidential elections, "
            "the Interfax news agency reported Saturday.",
            dt.date(2000, 3, 25),
            [dt.date(2000, 3, 26), dt.date(2000, 3, 25)],
        ),
        (
            "Politicians are rushing around before elections Sunday.",
            FRIDAY,
            [FRIDAY + dt.timedelta(days=2)],
        ),
        (
            "He contemplated the near certainty of jail at his sentencing in June.",
            dt.date(1999, 2, 3),
            [dt.date(1999, 6, 1)],
        ),
        # The nearest counts a day ahead as two behind: a Monday's "vote on Thursday was
        # 52-48" is the last one; a future cue still puts it ahead.
        ("The vote on Thursday was 52-48.", dt.date(1998, 7, 27), [dt.date(1998, 7, 23)]),
        ("The vote on Thursday will be close.", dt.date(1998, 7, 27), [dt.date(1998, 7, 30)]),
        # A plan told in the past names the nearest day (the mix, a Thursday report: the
        # Monday gone had been dated the Monday ahead); "is scheduled" stays ahead.
        (
            "Clinton was scheduled to be here Monday anyway to address the convention.",
            dt.date(1999, 8, 12),
            [dt.date(1999, 8, 9)],
        ),
        ("The vote was scheduled for Friday.", dt.date(1999, 8, 12), [dt.date(1999, 8, 13)]),
        ("Clinton is scheduled to be here Monday.", dt.date(1999, 8, 12), [dt.date(1999, 8, 16)]),
        # A paper published on a weekday is the nearest one (the mix: a Thursday's "published
        # Friday in The Lancet" had been dated six days back); any other release keeps the
        # sentence's tense.
        (
            "The findings were published Friday in The Lancet.",
            dt.date(1999, 12, 16),
            [dt.date(1999, 12, 17)],
        ),
        (
            "The study, published Friday in the journal Science, found that.",
            dt.date(1999, 12, 20),
            [dt.date(1999, 12, 17)],
        ),
        (
            "The report was released Friday by the agency.",
            dt.date(1999, 9, 16),
            [dt.date(1999, 9, 10)],
        ),
        # The editors' thirty-first read (DUC 2006 and 2007): each had been a year or a week
        # back. A scheduled execution and balloting, a deadline "by" a day, a journal's issue
        # named by its weekday; and a limit gone by is the one before.
        (
            "Rodriguez said the report is timed to coincide with a protest over the scheduled "
            "June 17 execution of Joseph Stanley Faulder.",
            dt.date(1999, 6, 1),
            [dt.date(1999, 6, 17)],
        ),
        (
            "Putin is widely considered to be a shoo-in in the March 26 balloting.",
            dt.date(2000, 3, 1),
            [dt.date(2000, 3, 26)],
        ),
        (
            "The INS said last week the boy should be sent back to Cuba by Jan. 14.",
            dt.date(2000, 1, 8),
            [dt.date(1999, 12, 27), dt.date(2000, 1, 14)],
        ),
        (
            "The study, published in Wednesday's Journal of the American Medical Association, "
            "found the hormone raised testosterone levels.",
            dt.date(2000, 2, 8),
            [dt.date(2000, 2, 9)],
        ),
        ("By March 3, the toll had reached 200.", dt.date(2000, 3, 9), [dt.date(2000, 3, 3)]),
    ],
)
def test_a_scheduled_happenings_day_is_the_nearest_whatever_the_tense(
    sentence: str, reported: dt.date, days: list[dt.date]
) -> None:
    assert [m.value for m in find_times(sentence, reported)] == days


def test_a_months_year_may_be_named_after_it() -> None:
    # "In March of last year, two boys in Jonesboro, Ark., opened fire" in a report of 21
    # April 1999 (the mix) had been dated March 1999.
    [march, _] = find_times("In March of last year, two boys opened fire.", dt.date(1999, 4, 21))
    assert (march.value, march.precision) == (dt.date(1998, 3, 1), "month")
    [june, _] = find_times("The plant opens in June of next year.", dt.date(1999, 4, 21))
    assert june.value == dt.date(2000, 6, 1)


def test_a_heading_year_dates_month_and_day() -> None:
    mentions = find_times("May 18 _ The states file suit.", dt.date(1999, 11, 5), year=1998)
    assert [m.value for m in mentions] == [dt.date(1998, 5, 18)]


def test_the_next_day_of_a_narrative_is_not_counted_from_the_report() -> None:
    # NewsWCL50 (Comey memos): the call was set for a Saturday of 2017, not after the report.
    sentence = (
        "Mr. Flynn told the president that he had scheduled a return call for the next "
        "Saturday — far too late in Mr. Trump's estimation."
    )
    (mention,) = find_times(sentence, dt.date(2018, 4, 20))
    assert mention.text == "the next Saturday"
    assert not mention.resolved and mention.value is None
    # "next Saturday" itself is still the coming one.
    (coming,) = find_times("He will return next Saturday.", dt.date(2018, 4, 20))
    assert coming.value == dt.date(2018, 4, 21)


def test_a_quote_does_not_set_the_tense_of_the_sentence() -> None:
    # The quote's "we'll" is the speaker's future; the rally itself is past.
    sentence = (
        "Mr. Trump came back to immigration at a rally in Michigan on Saturday night, saying: "
        "\"If we don't get border security, we'll close down the country.\""
    )
    (mention,) = find_times(sentence, dt.date(2018, 4, 29))
    assert mention.value == dt.date(2018, 4, 28) and not mention.future


def test_preparing_for_a_meeting_puts_its_month_ahead() -> None:
    # NewsWCL50 (Trump and Abe, April 2018): the summit is this May, not last year's.
    sentence = (
        "At the same time, Mr. Trump signaled more optimism about brokering a nuclear "
        "accord with North Korea as he prepares for a summit meeting with its leader, "
        "Kim Jong-un, in May or early June."
    )
    may = find_times(sentence, dt.date(2018, 4, 18))[0]
    assert (may.text, may.value, may.precision) == ("in May", dt.date(2018, 5, 1), "month")


def test_a_past_plan_keeps_its_weekday_in_the_past() -> None:
    # Seeds (001, Tuesday 2020-01-07): the letter was Monday's, not next Monday's.
    sentence = (
        "A leaked letter from the U.S. general commanding the anti-ISIL coalition to Iraq's "
        "defence ministry on Monday suggested the coalition, to which Canada belongs, was "
        "preparing to pack up and withdraw from the country."
    )
    assert only(sentence).value == dt.date(2020, 1, 6)


def test_the_day_of_an_event_is_no_deadline_and_a_plan_is_ahead() -> None:
    # Timeline17 haiti_bbc (PTB-tokenised): the quake's Tuesday, Golding's coming Thursday.
    wednesday = dt.date(2010, 1, 13)
    killed = only(
        "Haiti 's Prime Minister Jean-Max Bellerive says he believes more than 100,000 "
        "people may have been killed by Tuesday 's 7.0-magnitude earthquake .",
        wednesday,
    )
    assert killed.value == dt.date(2010, 1, 12) and not killed.future
    planned = only(
        "Jamaica 's Prime Minister Bruce Golding said he planned to go to Haiti on Thursday .",
        wednesday,
    )
    assert planned.value == dt.date(2010, 1, 14)
    # DUC 2006 (NYT, Thursday 1998-07-23) on the 2,000-article mix: the coming Monday, not
    # the one before (filed as background).
    expected = only("The planned debate is expected as early as Monday.", dt.date(1998, 7, 23))
    assert (expected.value, expected.future) == (dt.date(1998, 7, 27), True)


def test_a_past_verb_dates_its_weekday_in_a_sentence_about_the_future() -> None:
    # DUC 2007 D0703A (APW, Thursday 1998-12-31).
    lev = only(
        "The Bulgarian National Bank announced Thursday its national currency, the lev, "
        "will be fixed at 1,955.83 to the euro.",
        dt.date(1998, 12, 31),
    )
    text = (
        "The Bulgarian National Bank announced Thursday its national currency, the lev, "
        "will be fixed at 1,955.83 to the euro."
    )
    assert lev.value == dt.date(1998, 12, 31) and past_verb_beside(text, lev)
    postponed = "The vote will be postponed Monday."
    assert not past_verb_beside(postponed, only(postponed, dt.date(2018, 4, 20)))
    # NewsWCL50 (caravan, Fox News of Saturday 2018-04-28): "poised" is a plan, not a
    # past verb; the Sunday is the one ahead.
    poised = (
        'Asylum-seekers in a "caravan" from Central America are poised on Sunday to test '
        "the Trump administration's tough immigration rhetoric."
    )
    (sunday,) = find_times(poised, dt.date(2018, 4, 28), clause_tense=True)
    assert (sunday.value, sunday.future) == (dt.date(2018, 4, 29), True)
    assert not past_verb_beside(poised, sunday)
    # A past verb right after the day (DUC 2006, NYT 1999-01-20): "Greenspan on Wednesday
    # trashed President Clinton's plan to invest" was filed as a plan ("plan to").
    trashed = (
        "Federal Reserve Chairman Alan Greenspan on Wednesday trashed President Clinton's "
        "plan to invest government funds in the stock market."
    )
    (wednesday,) = find_times(trashed, dt.date(1999, 1, 20))
    assert wednesday.future and past_verb_beside(trashed, wednesday)
    planned = "The president on Monday planned to travel to Ohio."
    assert not past_verb_beside(planned, only(planned, dt.date(1999, 1, 20)))
    # A perfect is done, whatever its participle (DUC 2007 D0743J, Xinhua 1999-08-18): the
    # year of "has fallen this year" is no plan of the forecast beside it.
    fallen = (
        "The destruction will certainly cripple Turkey's effort to climb out of the "
        "economic troubles into which it has fallen this year."
    )
    this_year = only(fallen, dt.date(1999, 8, 18))
    assert this_year.future and past_verb_beside(fallen, this_year)
    finished = "The team will have finished the work this year."
    assert not past_verb_beside(finished, only(finished, dt.date(1999, 8, 18)))


def test_scheduled_as_an_adjective_is_no_plan() -> None:
    # NewsWCL50 (Trump and Abe, report of Thursday 2018-04-19): Wednesday is the day before.
    sentence = (
        "While exuding confidence about North Korea on Wednesday, Trump also raised the "
        "possibility that the yet-to-be scheduled summit might be called off because of a "
        "lack of agreement over an agenda."
    )
    wednesday = only(sentence, dt.date(2018, 4, 19))
    assert wednesday.value == dt.date(2018, 4, 18) and not wednesday.future
    planned = only("Garry Norris is scheduled to take the stand Monday.", dt.date(1999, 6, 4))
    assert planned.value == dt.date(1999, 6, 7) and planned.future


def test_a_past_weekday_a_day_after_the_report_is_its_next_day_in_an_event_timeline() -> None:
    # NewsWCL50 (North Korea, a report dated Friday 2018-04-20 with a Seoul dateline):
    # the announcement was the next morning there, not the Saturday six days before.
    text = (
        "SEOUL, South Korea — North Korea's leader, Kim Jong-un, announced early Saturday "
        "that his country no longer needed to test nuclear weapons or long-range missiles."
    )
    friday = dt.date(2018, 4, 20)
    (saturday,) = find_times(text, friday, clause_tense=True)
    assert (saturday.value, saturday.future) == (dt.date(2018, 4, 21), False)
    # Story timelines keep the six days back (Timeline17: docs/timelines.md); "last"
    # names last week's day in either.
    assert find_times(text, friday)[0].value == dt.date(2018, 4, 14)
    last = "Three chairmen requested last Saturday that the memos be sent to Congress."
    assert find_times(last, friday, clause_tense=True)[0].value == dt.date(2018, 4, 14)
    # A weekday two or more days ahead is still read back in a past clause.
    sunday = "The group marched to the border on Sunday."
    assert find_times(sunday, friday, clause_tense=True)[0].value == dt.date(2018, 4, 15)
    # A forecast told in a past clause stays a forecast (DUC 2006, Xinhua of Thursday
    # 2000-08-17), not the next day's development.
    oxygen = (
        "Authorities said earlier that the oxygen availability aboard the Kursk could last "
        "until Friday, but they later revised that prediction."
    )
    (until,) = find_times(oxygen, dt.date(2000, 8, 17), clause_tense=True)
    assert (until.value, until.future) == (dt.date(2000, 8, 18), True)


def test_a_past_clause_keeps_its_weekday_past_whatever_the_sentence_promises() -> None:
    # NewsWCL50 (caravan, a Monday report): the rally was last Saturday; the deadline is
    # what lies ahead. Only event timelines read the clause (see find_times).
    text = (
        "Mr. Trump came back to immigration issues at a rally in Michigan on Saturday "
        'night, saying "we\'ll close down the country," referring to a shutdown when a '
        "funding deadline is reached in September."
    )
    monday = dt.date(2018, 4, 30)
    saturday = find_times(text, monday, clause_tense=True)[0]
    assert (saturday.value, saturday.future) == (dt.date(2018, 4, 28), False)
    assert find_times(text, monday)[0].value == dt.date(2018, 5, 5)
    # A future cue after the date in its own clause keeps it ahead (NewsWCL50, a Monday
    # report): "came just days before a self-imposed May 12 deadline" is 12 May 2018.
    deadline = (
        "Netanyahu's presentation came just days before a highly-anticipated and "
        "self-imposed May 12 deadline for the Trump administration to withdraw."
    )
    assert find_times(deadline, monday, clause_tense=True)[0].value == dt.date(2018, 5, 12)
    reported = "NBC News reported Wednesday that 19 states plan to file cases Thursday."
    friday = dt.date(1998, 5, 15)
    assert find_times(reported, friday, clause_tense=True)[0].value == dt.date(1998, 5, 13)
    plan = find_times("The talks, which began on Monday, will end on Friday.", monday)
    assert [m.value for m in plan] == [dt.date(2018, 4, 30), dt.date(2018, 5, 4)]
    # A time opening its sentence dates the clause after it: the mix (Xinhua, Tuesday 22
    # September 1998) had the signing as a plan of the Monday after.
    tuesday = dt.date(1998, 9, 22)
    signed = (
        "On Monday, the two countries signed six documents, under which Germany will "
        "provide 25 million marks in aid."
    )
    [day] = find_times(signed, tuesday, clause_tense=True)
    assert (day.value, day.future) == (dt.date(1998, 9, 21), False)
    for ahead in (
        "On Monday, the minister will sign the deal.",
        "Next Monday, it will rule.",
        # the mix: the clause after the day is not the main one
        "Monday, as she did last year while taking a break, she will be on TV.",
    ):
        day = find_times(ahead, tuesday, clause_tense=True)[0]
        assert (day.value, day.future) == (dt.date(1998, 9, 28), True)


def test_poised_puts_its_weekday_ahead() -> None:
    # NewsWCL50 (caravan, a Saturday report): "are poised on Sunday to test" is tomorrow.
    text = "Asylum-seekers in a caravan are poised on Sunday to test the rhetoric."
    assert find_times(text, dt.date(2018, 4, 28))[0].value == dt.date(2018, 4, 29)


def test_a_decade_is_no_year() -> None:
    # NewsWCL50 (Netanyahu's files): "the early 2000's" was shown as the year 2000.
    anchor = dt.date(2018, 5, 1)
    kerry = "It's worth remembering that the early 2000's — when his evidence comes from"
    assert find_times(kerry, anchor) == []
    assert find_times("during the 1990’s boom", anchor) == []
    [deal] = find_times("since 2015's deal", anchor)  # a year's possessive is that year
    assert (deal.value, deal.precision) == (dt.date(2015, 1, 1), "year")


def test_a_text_without_a_trigger_names_no_time(seeds_dir: Path) -> None:
    from newsbrief.clean import split_sentences
    from newsbrief.ingest import read_sources
    from newsbrief.model import Article
    from newsbrief.timexpr import may_name_a_time

    # Case-blind triggers, and the seeds' real sentences: those without a trigger (most
    # past a lead) give find_times nothing, so the timeline skips them unread.
    assert may_name_a_time("TWO WEEKS AGO") and may_name_a_time("It rained Tonight.")
    assert may_name_a_time("The Next one") and not may_name_a_time("Officials met.")
    articles = [a for a in read_sources([seeds_dir]) if isinstance(a, Article)]
    sentences = [s for a in articles for s in split_sentences(a.text)]
    without = [s for s in sentences if not may_name_a_time(s)]
    assert without and len(without) < len(sentences)
    assert all(find_times(s, TUESDAY) == [] for s in without)


def test_a_plan_with_would_or_could_is_ahead_only_in_its_own_clause() -> None:
    # DUC 2006 D0640D (the Kursk), a report of Tuesday 2000-08-29.
    tuesday = dt.date(2000, 8, 29)

    def first(sentence: str) -> tuple[dt.date | None, bool]:
        mention = find_times(sentence, tuesday)[0]
        return mention.value, mention.future

    assert first("Klebanov said the commission would give Putin a proposal on Wednesday.") == (
        dt.date(2000, 8, 30),
        True,
    )
    assert first("He said a contract would be initialed Saturday.") == (dt.date(2000, 9, 2), True)
    # Not a plan: a past that did not happen, another clause, a day named from an event,
    # an explicit date.
    assert first("The firm said it could have saved them on Monday.")[1] is False
    assert first("He said he would not run and who was at the Monday dinner.")[1] is False
    assert first("Livingston announced he would run the Friday after the elections.")[1] is False
    assert first("The NTSB would lead if the cause of the Oct. 31 crash is found.") == (
        dt.date(1999, 10, 31),
        False,
    )


def test_a_run_through_a_day_may_end_ahead_of_a_past_tense_report() -> None:
    # DUC 2007 D0721E (APW, 2000-02-27): the play runs to this April, not last year's.
    [mention] = find_times(
        "The play was the brainchild of Moises Kaufman, whose members collaborated on the "
        "drama now on view at the Denver Center Theater through April 1.",
        dt.date(2000, 2, 27),
    )
    assert mention.value == dt.date(2000, 4, 1)


def test_an_abbreviated_month_with_its_day_after_a_preposition_is_a_day() -> None:
    # "from Feb" was read as a month, the day after its dot left out.
    mentions = find_times("He was held from Feb. 3 until Feb. 9.", dt.date(2000, 3, 1))
    assert [(m.text, m.value) for m in mentions] == [
        ("Feb. 3", dt.date(2000, 2, 3)),
        ("Feb. 9", dt.date(2000, 2, 9)),
    ]
    [month] = find_times("It happened in Feb. after the vote.", dt.date(2000, 3, 1))
    assert (month.text, month.precision) == ("in Feb.", "month")


def test_a_date_that_names_a_thing_is_its_nearest_day_whatever_the_tense() -> None:
    # DUC 2006 D0626H (29 August 1998): "the Aug. 7 bombing" was put on 7 August 1999,
    # after the sentence's "will be charged".
    mentions = find_times(
        "Two suspects held in connection with the Aug. 7 bombing of the U.S. Embassy in "
        "Tanzania will be charged in a local court next week, a newspaper said Saturday.",
        dt.date(1998, 8, 29),
    )
    assert (mentions[0].text, mentions[0].value) == ("Aug. 7", dt.date(1998, 8, 7))
    [quake] = find_times("Crews will rebuild homes Tuesday's quake destroyed.", dt.date(2020, 1, 9))
    assert quake.value == dt.date(2020, 1, 7)


def test_a_day_before_what_was_said_is_past_though_what_was_said_is_ahead() -> None:
    # DUC 2006 D0649D (3 February 2000): the session was in January 2000, not 2001.
    sentence = (
        "At a government cabinet session on Jan. 27, Putin said defense spending this year "
        "will be 50 percent higher than last year."
    )
    session = find_times(sentence, dt.date(2000, 2, 3), clause_tense=True)[0]
    assert (session.value, session.future) == (dt.date(2000, 1, 27), False)
    # a plan stated before the saying stays ahead
    [summit] = find_times(
        "The summit on Feb. 10 will be held in Paris, officials said.",
        dt.date(2000, 2, 3),
        clause_tense=True,
    )
    assert summit.future


def test_next_to_a_place_or_the_narrative_s_next_day_is_no_future() -> None:
    # The 2,000-article mix: "The next day, Jan. 28, he disappeared" was scheduled for the
    # next year; Timeline17 (Haiti): "helped out until the next day" put "on Tuesday" ahead.
    sunday = dt.date(2011, 2, 13)
    [monday] = find_times("He stood next to the president on Monday.", sunday)
    assert (monday.value, monday.future) == (dt.date(2011, 2, 7), False)
    day = find_times("The next day, Jan. 28, he disappeared.", sunday)[-1]
    assert day.value == dt.date(2011, 1, 28)
    [week] = find_times("He will travel next week.", sunday)
    assert week.future
    [friday] = find_times("The next meeting is on Friday.", sunday)
    assert (friday.value, friday.future) == (dt.date(2011, 2, 18), True)


def test_a_participle_right_before_a_time_dates_its_own_past_event() -> None:
    # The 2,000-article mix (APW, 4 August 1998): the order was issued in May 1998, not
    # planned for May 1999.
    [may] = find_times(
        "The legislation, sponsored by Rep. Joel Hefley, would nullify an executive order "
        "issued in May by President Clinton.",
        dt.date(1998, 8, 4),
    )
    assert (may.value, may.future) == (dt.date(1998, 5, 1), False)
    [monday] = find_times("The vote would be postponed Monday, aides said.", dt.date(1998, 8, 4))
    assert monday.future


def test_a_sentence_opening_on_today_in_the_present_means_nowadays() -> None:
    # DUC 2006 D0614E, D0609I (NYT): "Today, ..." sets the present against the past.
    anchor = dt.date(1999, 12, 6)
    for text in (
        "Today, Quebec's separatist movement lies in tatters.",
        "He left in 1990. Today, Acadians make up about a third of the population.",
        # the clause's verb, not the past of a later one ("to have lobbied")
        "Today, Acadians make up about a third of the population of New Brunswick -- too "
        "small a minority to challenge Ottawa, but large enough to have successfully "
        "lobbied for public schools that teach entirely in French.",
    ):
        (today,) = [m for m in find_times(text, anchor) if m.text == "Today"]
        assert today.value is None and today.reason == NOWADAYS
    for text in (
        "Today, the president signed the bill.",  # past: the day's news
        "Arafat today urged Israel to stop building.",
        "Quebecers go to the polls today, officials say.",
        "Today, the Senate will vote on the bill.",
    ):
        assert [m.value for m in find_times(text, anchor)] == [anchor]


def test_still_or_even_today_means_nowadays() -> None:
    # A National Post profile (fundus_dev) had this on its timeline, dated the report's day.
    anchor = dt.date(2024, 8, 28)
    text = (
        "By the time she got there, and still today, its most prominent alumnus was Leonard"
        " Cohen, with Mila Mulroney and Stockwell Day trailing far behind."
    )
    (today,) = find_times(text, anchor)
    assert today.value is None and today.reason == NOWADAYS
    assert find_times("Even today the town is divided.", anchor)[0].reason == NOWADAYS
    assert [m.value for m in find_times("The president spoke today.", anchor)] == [anchor]


def test_a_time_that_says_it_is_past_is_no_plan() -> None:
    # DUC 2006 D0642F: "... will enforce existing oil production reduction agreements made
    # earlier this year" (AP, 12 December 1998) was shown as scheduled for 1998.
    text = (
        "The Venezuelan president-elect also reiterated that his administration will enforce "
        "existing oil production reduction agreements made earlier this year."
    )
    (earlier,) = find_times(text, dt.date(1998, 12, 12))
    assert earlier.value == dt.date(1998, 1, 1) and not earlier.future
    (monday,) = find_times("The vote will be held Monday.", dt.date(1998, 12, 12))
    assert monday.future


def test_the_next_holder_of_an_office_and_what_might_have_been_expected_are_no_plans() -> None:
    # DUC 2006 D0642F (NYT, 8 December 1998) was shown as scheduled for the Sunday after.
    text = (
        "With his landslide victory Sunday securing his place as the next president of "
        "Venezuela, Hugo Chavez Frias might have been expected to smooth over the tracks."
    )
    (sunday,) = find_times(text, dt.date(1998, 12, 8))
    assert sunday.value == dt.date(1998, 12, 6) and not sunday.future
    (monday,) = find_times("He is expected to resign on Monday.", dt.date(1998, 12, 8))
    assert monday.future
    # Timeline17 (a report of 8 November 2011) showed it scheduled for October 2012.
    contest = (
        "In October, the 18-year-old from Brighton appeared to swear after finding out he "
        "was getting through to the next round during a results show."
    )
    (october,) = find_times(contest, dt.date(2011, 11, 8))
    assert october.value == dt.date(2011, 10, 1) and not october.future


def test_a_recurring_weekday_names_no_day() -> None:
    # DUC 2007 D0706B (the 2,000-article mix): "every Saturday and Sunday" was dated the
    # Saturday before the report, a timeline entry of a habit.
    anchor = dt.date(1998, 7, 31)
    for text in (
        "Suu Kyi was able to give speeches at her front gate every Saturday and Sunday.",
        "Protesters gather every Friday outside the embassy.",
        "Each Tuesday the council meets, and every other Monday its committee.",
        # the mix (a profile of the Carters): had been an entry of the report's Saturday
        "Every sixth Saturday, Rosalynn vacuums the church and cleans the toilets.",
        "The club meets every 2nd Tuesday.",
    ):
        mentions = find_times(text, anchor)
        assert mentions and all(m.value is None and m.reason == HABITUAL for m in mentions)
    # a weekday after a recurring day or week is a day
    for text in (
        "Every day he walked; on Monday he stopped.",
        "They met every week; Monday they signed.",
    ):
        assert [m.value for m in find_times(text, anchor)] == [dt.date(1998, 7, 27)]


def test_a_scheduled_happening_named_by_its_day_is_the_nearest_one() -> None:
    # A day that names an opening, an election, a ballot or a deadline may lie ahead of a
    # past-tense report. DUC 2006 (NYT, Friday 1999-05-14): "hyped" read as a past verb
    # had dated the film's opening to May 1998.
    [first, second] = find_times(
        "And the rerelease also served as the most successful trailer in history, whetting "
        "appetites for the May 19 opening of Phantom Menace. Phantom is in the unique "
        "position of being hyped everywhere for its May 19 opening.",
        dt.date(1999, 5, 14),
    )
    assert (first.value, first.future) == (dt.date(1999, 5, 19), True)
    assert (second.value, second.future) == (dt.date(1999, 5, 19), True)
    # DUC 2006 (APW, 2000-01-28; 2000-04-10): the ballot ahead, then the primary behind.
    [_thursday, ballot] = find_times(
        "GOP party members announced their opposition Thursday to Proposition 22, a measure "
        "on the March 7 ballot that would ban gay marriage.",
        dt.date(2000, 1, 28),
    )
    assert (ballot.value, ballot.future) == (dt.date(2000, 3, 7), True)
    [primary] = find_times(
        "In California's March 7 primary, 2 percent of voters told exit poll surveys they "
        "were gay.",
        dt.date(2000, 4, 10),
    )
    assert (primary.value, primary.future) == (dt.date(2000, 3, 7), False)
    # The happening's noun decides: a crash is past ("the Oct. 31 crash" above).
    [crash] = find_times("Investigators studied the Oct. 31 crash.", dt.date(2000, 8, 29))
    assert crash.value == dt.date(1999, 10, 31)


def test_a_time_later_this_period_is_ahead_whatever_the_verb() -> None:
    # Timeline17 (H1N1, BP): a past-tense sentence about what is still to come.
    [meet] = find_times(
        "Representatives from 150 countries meet later this month in Bonn to work on the deal.",
        dt.date(1999, 10, 19),
    )
    assert (meet.value, meet.precision, meet.future) == (dt.date(1999, 10, 1), "month", True)
    [hope] = find_times(
        "A BP spokesman said the company hoped later this week to divert more oil.",
        dt.date(2010, 5, 17),
    )
    assert hope.future
    [earlier] = find_times("The plant closed earlier this year.", dt.date(2010, 5, 17))
    assert not earlier.future


def test_a_week_ends_on_its_sunday() -> None:
    # A forecast "this week" in a Tuesday report is still ahead on Thursday; the week had
    # ended on its Monday, so a Thursday report overtook it.
    [week] = find_times("The union will vote on the offer this week.", TUESDAY)
    assert (week.value, week.precision) == (dt.date(2020, 1, 6), "week")
    assert period_end(week.value, week.precision) == dt.date(2020, 1, 12)
    [weekend] = find_times("Families will gather this weekend.", TUESDAY)
    assert period_end(weekend.value, weekend.precision) == dt.date(2020, 1, 12)
    assert period_end(dt.date(2020, 2, 3), "month") == dt.date(2020, 2, 29)


@pytest.mark.parametrize(
    ("sentence", "reported", "value", "precision"),
    [
        # Timeline17 (Michael Jackson's doctor), read by an editor on the 2,000-article mix:
        # a trial a judge ordered "should" be held lies ahead (it had been March 2010) ...
        (
            "A judge ordered Dr Conrad Murray should stand trial in March over Jackson's death.",
            dt.date(2011, 1, 25),
            dt.date(2011, 3, 1),
            "month",
        ),
        # ... "should have" is past
        (
            "He said he should have stayed in March.",
            dt.date(2011, 8, 3),
            dt.date(2011, 3, 1),
            "month",
        ),
        # a limit the rule takes in ("until May") is the nearest May, not last year's
        (
            "A US judge has delayed the trial of Michael Jackson's doctor until May.",
            dt.date(2011, 3, 3),
            dt.date(2011, 5, 1),
            "month",
        ),
        # a span ahead dates nothing (Timeline17, Haiti: the promise had been dated 2011)
        (
            "Mr Obama also promised an immediate $100m and said that investment would grow "
            "over the coming year.",
            dt.date(2010, 1, 14),
            None,
            "vague",
        ),
        ("The vote is due next year.", dt.date(2010, 1, 14), dt.date(2011, 1, 1), "year"),
    ],
)
def test_a_modal_plan_a_limit_and_a_span_ahead(
    sentence: str, reported: dt.date, value: dt.date | None, precision: str
) -> None:
    [mention] = find_times(sentence, reported, clause_tense=True)
    assert (mention.value, mention.precision) == (value, precision)


@pytest.mark.parametrize(
    ("sentence", "reported", "days"),
    [
        # The editors' thirty-second read (DUC 2006, Timeline17): each had been a week or a
        # year off. A day before a pledge or a telling is the pledge's, whatever it promises;
        # a past verb's day keeps its tense when a coordinated verb or a "that" clause after
        # it looks ahead; "due to start" a day is a schedule; an arrangement in the present
        # progressive is the nearest such month.
        (
            "Prime Minister Ehud Barak, during his visit to this settlement on September 15, "
            "pledged to the settlers there that he will continue to expand it.",
            dt.date(1999, 9, 27),
            [dt.date(1999, 9, 15)],
        ),
        (
            "After the first meeting Sunday of a ministerial committee reviewing the policy on "
            "Jewish settlements, Barak informed Jewish settler leaders Tuesday that he plans "
            "to dismantle 15 encampments illegally built in the West Bank.",
            dt.date(1999, 10, 14),
            [dt.date(1999, 10, 10), dt.date(1999, 10, 12)],
        ),
        (
            "Winter storm warnings were in effect Wednesday from the southern Appalachian "
            "mountains to coastal Massachusetts and were expected to expire Thursday morning , "
            "said CNN meteorologist Sean Morris .",
            dt.date(2011, 1, 27),
            [dt.date(2011, 1, 26), dt.date(2011, 1, 27)],
        ),
        (
            "The PA made the accusation in a memorandum to be presented to an emergency "
            "session of the Cairo-based Arab League due to start Sunday.",
            dt.date(1996, 11, 30),
            [dt.date(1996, 12, 1)],
        ),
        (
            "The Department of Homeland Security is ending its color-coded terror threat level "
            "system in April , as expected , CNN 's National Security Contributor Fran "
            "Townsend has confirmed .",
            dt.date(2011, 1, 27),
            [dt.date(2011, 4, 1)],
        ),
        (
            "Preliminary returns that could give even a hint of the winner are not expected "
            "before early Monday.",
            dt.date(2000, 7, 2),
            [dt.date(2000, 7, 3)],
        ),
        # and what must not move: a progressive beside a past verb, a plan told in the past
        (
            "He is recovering after he was injured in April.",
            dt.date(2011, 1, 2),
            [dt.date(2010, 4, 1)],
        ),
        (
            "The talks were postponed Wednesday and will be held Friday.",
            dt.date(2011, 1, 27),
            [dt.date(2011, 1, 26), dt.date(2011, 1, 28)],
        ),
    ],
)
def test_a_days_own_clause_sets_its_tense_in_an_event_timeline(
    sentence: str, reported: dt.date, days: list[dt.date]
) -> None:
    assert [m.value for m in find_times(sentence, reported, clause_tense=True)] == days


@pytest.mark.parametrize(
    ("sentence", "reported", "days"),
    [
        # a day set "for" a weekday lies ahead (DUC 2007 D0727G, a Monday report)
        (
            "Cobb County Superior Court Judge Dorothy Robinson has set a hearing for Thursday "
            "morning.",
            dt.date(2000, 4, 3),
            [dt.date(2000, 4, 6)],
        ),
        # "this Thursday" of a Monday is this week's (DUC 2006, NYT)
        (
            "Bush's first-ever meeting with gay Republicans may bolster his image but the "
            "session this Thursday in Austin, Texas, has irked leaders of a gay GOP group.",
            dt.date(2000, 4, 10),
            [dt.date(2000, 4, 13)],
        ),
        # the modal's verb happens on the date (DUC 2006, Xinhua)
        (
            "China's leading anti-virus company warned computer users that a killer virus "
            'dubbed "THUS" may attack computer hard drives on December 13.',
            dt.date(1999, 12, 7),
            [dt.date(1999, 12, 13)],
        ),
        # "last year" names the year of the month after it (DUC 2006, AP)
        (
            "Last year, the first U.S. case of West Nile was reported in late August; a total "
            "of seven people in the New York area died.",
            dt.date(2000, 8, 1),
            [dt.date(1999, 1, 1), dt.date(1999, 8, 1)],
        ),
        # a day the text writes in full is that day without its year (NewsWCL50)
        (
            "Among the disclosures in the memos is a Feb. 8, 2017, encounter in which Trump "
            "spoke of leaks. At that same Feb. 8 meeting, Trump asked about Michael Flynn.",
            dt.date(2018, 4, 19),
            [dt.date(2017, 2, 8), dt.date(2017, 2, 8)],
        ),
        # "as early as" a weekday is the nearest one (DUC 2006, AP: a Wednesday report)
        (
            "Justice Department officials have prepared a letter ordering the family to turn "
            "the boy over _ perhaps as early as Thursday at an airport north of Miami.",
            dt.date(2000, 4, 12),
            [dt.date(2000, 4, 13)],
        ),
        # "since last year" names no year of the dates after it (DUC 2006, AP)
        (
            'Acts of violent terrorism have occured "many times" in Yili since last year, the '
            "Xinjiang Daily said in its Aug. 24 edition, seen Saturday in Beijing.",
            dt.date(1998, 8, 29),
            [dt.date(1997, 1, 1), dt.date(1998, 8, 24), dt.date(1998, 8, 29)],
        ),
        # a month "of" its year (Timeline17, a BBC page: it had been June 2010)
        (
            "The singer died suddenly in June of 2009 from a prescription drug overdose.",
            dt.date(2011, 9, 27),
            [dt.date(2009, 6, 1)],
        ),
        # "December next year" (DUC 2006, WorldSources: it had been December 1998)
        (
            "China has pledged it will increase its co-operation with Macau in the run-up "
            "to the enclave's reversion to Chinese administration in December next year.",
            dt.date(1998, 6, 8),
            [dt.date(1999, 12, 1), dt.date(1999, 1, 1)],
        ),
        # a plan's "slated to" and "intend to" put the day ahead (DUC 2006, NYT)
        (
            "Sensenbrenner, a House manager who is slated to deliver the opening statement "
            "in the Senate trial Thursday, said so.",
            dt.date(1999, 1, 13),
            [dt.date(1999, 1, 14)],
        ),
        (
            "Tuesday, Republicans intend to call two federal judges to testify.",
            dt.date(1998, 11, 27),
            [dt.date(1998, 12, 1)],
        ),
        # "last year" in a clause of its own names no year of the month after it (DUC 2006,
        # NYT: it had been June 1998)
        (
            "Snider, a three-year veteran of Universal who was ranked 19th last year, became "
            "co-chairwoman in June as the studio was ending its long box office slump.",
            dt.date(1999, 12, 6),
            [dt.date(1998, 1, 1), dt.date(1999, 6, 1)],
        ),
        # a weekday's nights recur (DUC 2006, NYT: it had been the Thursday before)
        (
            "The show, which moves to Thursday nights in the fall, won best comedy series.",
            dt.date(2000, 9, 10),
            [None],
        ),
        # a paper's issue an editorial is written for (DUC 2006, AP: a Thursday report)
        (
            "The threat is massive, said the editorial prepared for Friday's People's Daily.",
            dt.date(1999, 7, 22),
            [dt.date(1999, 7, 23)],
        ),
        # a show's day, and the day it was put off to (Timeline17, Reuters and a BBC page)
        (
            "The Jonas Brothers have postponed their shows in Monterrey, Mexico to July 31.",
            dt.date(2009, 5, 14),
            [dt.date(2009, 7, 31)],
        ),
        # what is called off by its day had not yet come (the thirty-fourth read: a BBC
        # page of a Thursday had dated the shows four days back); of a Monday, Sunday's
        # game was called off on its day
        (
            "The Jonas Brothers have postponed Sunday's shows in Monterrey, Mexico to July 31 "
            "because of the H1N1 flu that virtually paralyzed the country.",
            dt.date(2009, 5, 14),
            [dt.date(2009, 5, 17), dt.date(2009, 7, 31)],
        ),
        (
            "The league cancelled Sunday's game because of snow.",
            dt.date(1999, 1, 11),
            [dt.date(1999, 1, 10)],
        ),
        (
            "Final preparations are under way for Saturday's stadium concert in Cardiff.",
            dt.date(2011, 10, 7),
            [dt.date(2011, 10, 8)],
        ),
        # a capitalised "Tomorrow" inside a sentence is a name's word (DUC 2006, NYT)
        (
            "Technically, Wine Brats is an acronym _ Wine to Benefit Responsible Adults for "
            "Tomorrow's Society _ but few people, even the Brats themselves, ever use it.",
            dt.date(2000, 5, 2),
            [None],
        ),
        # and what must not move: a conference called on its day, a day named "last", "this
        # Monday" of a Thursday, a thing's own date in a modal sentence, an opening "Today"
        (
            "The president called a news conference Monday to announce the plan.",
            dt.date(2000, 4, 5),
            [dt.date(2000, 4, 3)],
        ),
        (
            "Police said this Monday that the suspect had fled.",
            dt.date(2000, 4, 6),
            [dt.date(2000, 4, 3)],
        ),
        (
            "Investigators said the Oct. 31 crash could take a year to explain.",
            dt.date(1999, 11, 10),
            [dt.date(1999, 10, 31)],
        ),
        (
            "Today, the ministry said it would appeal.",
            dt.date(2000, 5, 2),
            [dt.date(2000, 5, 2)],
        ),
        (
            "9:00 am ET - Remembering the Challenger tragedy - Today marks the 25th "
            "anniversary of the space shuttle Challenger accident.",
            dt.date(2011, 1, 28),
            [dt.date(2011, 1, 28)],
        ),
        # a byline in capitals before "Yesterday" is no name's (Timeline17, a BBC page)
        (
            "ISABELLE JEANSON , MEDICINS SANS FRONTIERES Yesterday I visited Trinite Hospital .",
            dt.date(2010, 1, 20),
            [dt.date(2010, 1, 19)],
        ),
        # a name's "Today" keeps the report's day: the interview is most often that morning's
        (
            "Murray told Today's Savannah Guthrie he had not been distracted.",
            dt.date(2011, 11, 11),
            [dt.date(2011, 11, 11)],
        ),
        # the thirty-fifth read (DUC 2006 and 2007, NYT and AP): each had been dated a week
        # back. A gathering named by its day, in a sentence looking ahead ...
        (
            "Bush's foray into gay issues also comes as some conservative groups are angered "
            'over the Vermont Legislature\'s approval this week of marriage-like "gay unions," '
            'and shortly before Sunday\'s "Millennium March" in Washington that is expected to '
            "attract 300,000 supporters of gay rights.",
            dt.date(2000, 4, 27),
            [dt.date(2000, 4, 24), dt.date(2000, 4, 30)],
        ),
        # (the results of one gone by are what lies ahead: a Tuesday's Monday)
        (
            "What appears certain is that the results of Monday's election will set all of "
            "Canada on another painful round of introspection and soul-searching.",
            dt.date(1998, 12, 1),
            [dt.date(1998, 11, 30)],
        ),
        # ... a trial one goes on, a limit's hour before its day ...
        (
            "One of two men accused in the slaying, Aaron McKinney, 22, goes on trial Monday on "
            "charges of first-degree murder, kidnapping and aggravated robbery.",
            dt.date(1999, 10, 10),
            [dt.date(1999, 10, 11)],
        ),
        (
            "After noting that an injunction preventing Elian's father from leaving the United "
            "States with his son expires at 4 p.m. Wednesday, the five-page ruling said the "
            "appeals court will not entertain any more requests for a stay.",
            dt.date(2000, 6, 23),
            [dt.date(2000, 6, 28)],
        ),
        # ... a hearing's day in a past clause (the nearest) ...
        (
            "The agreement was reached prior to a Thursday hearing that was expected to attract "
            "national media.",
            dt.date(1999, 9, 14),
            [dt.date(1999, 9, 16)],
        ),
        # ... and a speaker's tag between a day and what he will do; a day said on stays
        (
            "On Tuesday, Dennis Shepard said, he will try to meet with Senate Majority Leader "
            "Sen. Trent Lott.",
            dt.date(1999, 11, 8),
            [dt.date(1999, 11, 9)],
        ),
        (
            "On Monday, officials said, the toll rose to 50.",
            dt.date(2000, 2, 10),
            [dt.date(2000, 2, 7)],
        ),
    ],
)
def test_a_days_words_around_it_set_which_one_it_is(
    sentence: str, reported: dt.date, days: list[dt.date | None]
) -> None:
    assert [m.value for m in find_times(sentence, reported, clause_tense=True)] == days


def test_a_paragraph_break_ends_the_sentence_that_sets_a_times_tense() -> None:
    # DUC 2007 D0727G (a report of 6 April 2000): "the next five months" of the paragraph
    # before had put "Dec. 16" in December 2000.
    text = (
        "The couple and their attorneys spent nearly the next five months arguing over "
        "depositions and money, going to court twice.\n\nBut on Dec. 16, during a "
        "court-ordered mediation that ended after 12 hours, the Gingriches reached a tentative "
        "agreement."
    )
    assert [m.value for m in find_times(text, dt.date(2000, 4, 6))] == [dt.date(1999, 12, 16)]


def test_an_irregular_past_verb_makes_a_month_past() -> None:
    # The Qeshm quake of November 2005 on the mix: "hit" is past in a report's sentence
    # ("the February ahead" had been read, and February's quake dated 2006 in a timeline).
    sentence = (
        "In February, a quake measuring 6.4 on the Richter scale hit the southern town of"
        " Zarand, killing 612 people and wounding around 1,400."
    )
    assert [m.value for m in find_times(sentence, dt.date(2005, 11, 28))] == [dt.date(2005, 2, 1)]
    # with no verb of either tense, the nearest February still
    assert [m.value for m in find_times("Elections in February.", dt.date(2005, 11, 28))] == [
        dt.date(2006, 2, 1)
    ]
