"""What a story's brief reads: a bounded sample of its reports, each cut to its opening.

A story can gather hundreds of reports over months (a Timeline17 topic: 288 of 1,000
articles in one story), and some reports are book-length (240,000 characters). The brief
stages read names, figures and key points where news states them, in the leads of the
main reports, so reading every sentence of every report made a brief's cost and memory
grow with the story (docs/scaling.md). ``brief_sample`` gives the stages:

* at most ``max_reports`` original reports: first the main development's (the event with
  the most original reports), up to half the budget; then each other development's
  reports in turn, the largest development first and every development's first report
  before any development's second; then the main development's rest;
* the copies of the reports read (they add sources, not text), at most ``max_copies`` of
  each;
* each report cut after the last sentence that ends within ``max_report_chars`` (at
  least its first ``LEAD_SENTENCES`` sentences).

The timeline reads every report (and at most ``max_copies`` copies of each), each cut the
same way: a story's dates are spread over its developments, and dating sentences costs
little. The brief still lists every report of the story.

A news digest among the reports (``clean.digest``: a wire service's top stories, a press
review) is read for its items on the story's ``topic`` only (``topic_words``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from newsbrief.clean.digest import digest_items, on_topic_items
from newsbrief.clean.sentences import split_sentences
from newsbrief.config import BriefConfig, TimelineConfig
from newsbrief.model import LEAD_SENTENCES, Article, Event, Sentences, Story
from newsbrief.timeline import story_keywords


def topic_words(story: Story, config: TimelineConfig) -> tuple[str, ...]:
    """Return what the story is about: the words most of its reports use
    (``timeline.story_keywords``), which a digest's items are read for."""
    return story_keywords(story.articles, config, every_one=True)


def brief_sample(story: Story, config: BriefConfig, topic: Sequence[str] = ()) -> Event:
    """Return the story as one event of the reports its brief reads, each cut to its opening
    (a digest to its items on ``topic``)."""
    chosen = {article.id for article in _chosen_reports(story.events, config.max_reports)}
    read = _with_copies(story.articles, chosen, config)
    return Event(
        story.id, tuple(_read(a, config, topic) for a in read), developments=len(story.events)
    )


def timeline_sample(story: Story, config: BriefConfig, topic: Sequence[str] = ()) -> Event:
    """Return the story as one event of all its reports and at most ``max_copies`` copies
    of each, each cut to its opening (a digest to its items on ``topic``)."""
    originals = {article.id for article in story.articles if article.copy_of is None}
    read = _with_copies(story.articles, originals, config)
    return Event(story.id, tuple(_read(a, config, topic) for a in read))


def _with_copies(
    articles: Sequence[Article], chosen: set[str], config: BriefConfig
) -> list[Article]:
    """The ``chosen`` originals and at most ``config.max_copies`` copies of each (0: all),
    in the story's order: a template feed of 50,000 copies of one report gave the timeline
    50,000 texts to date and cite (127 CPU s)."""
    copies: Counter[str] = Counter()
    read = []
    for article in articles:
        if article.copy_of in chosen:
            copies[article.copy_of] += 1
            if config.max_copies and copies[article.copy_of] > config.max_copies:
                continue
        elif article.id not in chosen:
            continue
        read.append(article)
    return read


def _read(article: Article, config: BriefConfig, topic: Sequence[str]) -> Article:
    items = digest_items(article.text) if topic else None
    if items:
        text = "\n\n".join(on_topic_items(items, topic))
        sentences = Sentences.of(text, split_sentences(text))
        article = dataclasses.replace(article, text=text, sentences=sentences)
    return opening(article, config.max_report_chars)


def _chosen_reports(events: Sequence[Event], budget: int) -> list[Article]:
    if budget <= 0:
        return [a for event in events for a in event.originals]
    # Largest development first; ties keep the story's (date) order.
    developments = sorted(events, key=lambda event: -len(event.originals))
    main, others = list(developments[0].originals), [list(e.originals) for e in developments[1:]]
    from_main = max(1, budget // 2)
    chosen = main[:from_main]
    depth = 0
    while len(chosen) < budget and any(depth < len(reports) for reports in others):
        chosen += [reports[depth] for reports in others if depth < len(reports)]
        depth += 1
    chosen += main[from_main:]
    return chosen[:budget]


def opening(article: Article, max_chars: int) -> Article:
    """Return the article cut after the last sentence that ends within ``max_chars``
    characters of its text (at least its first ``LEAD_SENTENCES``); unchanged if shorter."""
    if max_chars <= 0 or len(article.text) <= max_chars:
        return article
    end = 0
    kept = 0
    for sentence in article.sentences:
        found = article.text.find(sentence, end)
        if found < 0:  # a sentence the clean stage reworded: cut by characters
            break
        if found + len(sentence) > max_chars and kept >= LEAD_SENTENCES:
            break
        end = found + len(sentence)
        kept += 1
    if kept == 0:
        space = article.text.rfind(" ", 0, max_chars)
        end = space if space > 0 else max_chars
    return dataclasses.replace(
        article, text=article.text[:end].rstrip(), sentences=article.sentences[:kept]
    )
