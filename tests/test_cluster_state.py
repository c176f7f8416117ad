"""The online clusterer's state: saved and loaded mid-stream, and merged (real articles)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsbrief.cluster import OnlineClusterer, features_for_articles
from newsbrief.cluster.features import ArticleFeatures
from newsbrief.cluster.online_state import load_state, merge_states, save_state
from newsbrief.config import ClusterConfig
from newsbrief.errors import InputError
from newsbrief.evaluate.clustering import load_labelled
from newsbrief.model import Article

NEWSWCL50 = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "clustering" / "newswcl50.jsonl"
)
CONFIG = ClusterConfig()


@pytest.fixture(scope="module")
def dated_stream() -> tuple[list[Article], list[ArticleFeatures], dict[str, str]]:
    articles, gold, _ = load_labelled(NEWSWCL50)
    event_of = {a.id: event for a, event in zip(articles, gold, strict=True)}
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date or dt.date.min, a.id))
    return dated, features_for_articles(dated, CONFIG), event_of


def _feed(clusterer: OnlineClusterer, items: Sequence[ArticleFeatures]) -> None:
    for item in items:
        assert item.date is not None
        clusterer.close_quiet_ids(item.date)
        clusterer.add_features(item)


def _events(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(group) for group in groups}


def test_a_saved_and_loaded_state_goes_on_as_the_continuous_stream(dated_stream) -> None:
    _, features, _ = dated_stream
    continuous = OnlineClusterer(CONFIG)
    _feed(continuous, features)
    expected = _events(continuous.close_all_ids())
    for cut in (len(features) // 3, len(features) // 2, len(features) - 3):
        first = OnlineClusterer(CONFIG)
        _feed(first, features[:cut])
        saved = save_state(first)
        resumed = load_state(saved, CONFIG)
        assert save_state(resumed) == saved  # nothing lost in the round trip
        _feed(resumed, features[cut:])
        assert _events(resumed.close_all_ids()) == expected, cut


def test_merging_the_states_of_two_disjoint_streams_keeps_both_and_goes_on(dated_stream) -> None:
    _, features, event_of = dated_stream
    # Two desks: one follows NewsWCL50 events 0-4, the other 5-9; the last report of
    # the second desk's largest event arrives after the merge.
    side_b = [f for f in features if int(event_of[f.article_id]) >= 5]
    largest = max(
        {event_of[f.article_id] for f in side_b},
        key=lambda e: sum(event_of[f.article_id] == e for f in side_b),
    )
    late = [f for f in side_b if event_of[f.article_id] == largest][-1]
    side_a = [f for f in features if int(event_of[f.article_id]) < 5]
    side_b = [f for f in side_b if f is not late]
    first, second = OnlineClusterer(CONFIG), OnlineClusterer(CONFIG)
    _feed(first, side_a)
    _feed(second, side_b)
    before = (save_state(first), save_state(second))
    merged = merge_states(first, second)
    assert (save_state(first), save_state(second)) == before  # inputs untouched
    assert merged.open_count == first.open_count + second.open_count
    merged.add_features(late)
    groups = _events(merged.close_all_ids())
    gold: dict[str, set[str]] = {}
    for f in features:
        gold.setdefault(event_of[f.article_id], set()).add(f.article_id)
    assert groups == {frozenset(g) for g in gold.values()}
    assert any(late.article_id in g and len(g) > 1 for g in groups)
    with pytest.raises(InputError, match="share articles"):
        merge_states(first, first)


def test_a_damaged_state_is_a_one_line_input_error() -> None:
    with pytest.raises(InputError, match="not a saved clustering state"):
        load_state('{"version": 0}', CONFIG)
    with pytest.raises(InputError, match="not a saved clustering state"):
        load_state("not json", CONFIG)
