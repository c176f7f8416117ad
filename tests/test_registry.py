"""Components chosen by name: the registry, its decorator, and validation at config load."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.cluster import make_story
from newsbrief.cluster.online import make_event
from newsbrief.config import ComponentsConfig, Config, config_from_dict, load_config
from newsbrief.errors import ConfigError
from newsbrief.model import Event, TimelineEntry
from newsbrief.pipeline import Pipeline
from newsbrief.registry import KINDS, choices, component, register


def test_every_kind_has_its_built_in_default() -> None:
    defaults = ComponentsConfig()
    for kind in KINDS:
        assert getattr(defaults, kind) in choices(kind)
        assert callable(component(kind, getattr(defaults, kind)))
    assert {"batch", "online"} <= set(choices("clusterer"))


def test_an_unknown_name_is_a_one_line_error_naming_the_choices(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        config_from_dict({"components": {"clusterer": "kmeans"}})
    message = str(error.value)
    assert "\n" not in message
    assert "'kmeans'" in message and "batch" in message and "online" in message
    toml = tmp_path / "newsbrief.toml"
    toml.write_text('[components]\nsummarizer = "gpt"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="summarizer = 'gpt' is not registered"):
        load_config(toml)
    with pytest.raises(ConfigError, match="unknown key 'embeder'"):
        config_from_dict({"components": {"embeder": "usem3"}})


def test_a_registered_component_is_chosen_by_name_and_used(seeds_dir: Path) -> None:
    calls: list[str] = []

    @register("timeline", "test-no-timeline")
    def no_timeline(event: Event, config: object) -> tuple[TimelineEntry, ...]:
        calls.append(event.id)
        return ()

    with pytest.raises(ConfigError, match="already registered"):
        register("timeline", "test-no-timeline")(lambda event, config: ())
    config = config_from_dict({"components": {"timeline": "test-no-timeline"}, "workers": 1})
    pipeline = Pipeline(config)
    articles, _ = pipeline.read([seeds_dir])
    prepared, _ = pipeline.prepare(articles)
    story = make_story([make_event(prepared)])
    brief = pipeline.brief(story)
    assert calls == [story.id]
    assert brief.timeline == ()
    assert brief.entities  # the other stages are the built-in ones
    default = Pipeline(Config(workers=1)).brief(story)
    assert default.timeline and default.headline == brief.headline


def test_the_online_clusterer_is_a_component_too(seeds_dir: Path) -> None:
    online = Pipeline(config_from_dict({"components": {"clusterer": "online"}}))
    prepared, _ = online.prepare(online.read([seeds_dir])[0])
    stories = online.cluster(prepared)
    assert len(stories) == 1 and len(stories[0].articles) == 5
