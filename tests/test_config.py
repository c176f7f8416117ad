import pytest

from newsbrief.config import Config, config_from_dict, load_config, with_overrides
from newsbrief.errors import ConfigError


def test_defaults_without_a_file():
    assert load_config(None) == Config()


def test_toml_file_overrides_one_key(tmp_path):
    path = tmp_path / "newsbrief.toml"
    path.write_text("[cluster]\nsimilarity_threshold = 0.5\n")
    config = load_config(path)
    assert config.cluster.similarity_threshold == 0.5
    assert config.dedup == Config().dedup


def test_unknown_keys_are_errors_that_name_the_valid_ones():
    with pytest.raises(ConfigError, match=r"unknown key 'treshold'.*similarity_threshold"):
        config_from_dict({"cluster": {"treshold": 0.5}})
    with pytest.raises(ConfigError, match="unknown key 'clusters'"):
        config_from_dict({"clusters": {}})


def test_wrong_types_and_broken_files_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="must be float"):
        config_from_dict({"cluster": {"similarity_threshold": "high"}})
    broken = tmp_path / "broken.toml"
    broken.write_text("[cluster\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(broken)
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe garbage")  # a traceback from tomllib's decoding
    with pytest.raises(ConfigError, match="invalid TOML: not UTF-8"):
        load_config(binary)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"cluster": {"similarity_threshold": float("nan")}}, "must be a finite number"),
        ({"clean": {"repetitive_distinct_share": float("inf")}}, "must be a finite number"),
        ({"timeline": {"max_entries": -1}}, "timeline.max_entries must be 0 or more"),
        ({"cluster": {"event_window_days": -5}}, "must be 0 or more"),
        # datasketch's own limits, a traceback from inside the run before
        ({"dedup": {"num_perm": 1}}, "num_perm must be 2 or more"),
        ({"dedup": {"seed": 2**32}}, "seed must be from 0 to 2\\*\\*32 - 1"),
        # a read of that many bytes plus one had ended the run (OverflowError)
        ({"ingest": {"max_record_bytes": 2**63 - 1}}, "must be at most 2\\*\\*53"),
        # true is an int to Python: it had been read as one worker
        ({"workers": True}, "config.workers must be int, not bool"),
        ({"cluster": {"event_window_days": True}}, "must be int, not bool"),
    ],
)
def test_settings_out_of_their_range_are_config_errors(values, message):
    with pytest.raises(ConfigError, match=message):
        config_from_dict(values)


def test_a_setting_whose_default_is_negative_takes_any_finite_value():
    assert config_from_dict({"facts": {"min_importance": -2.5}}).facts.min_importance == -2.5
    with pytest.raises(ConfigError, match="similarity_threshold must be 0 or more"):
        with_overrides(Config(), "cluster", similarity_threshold=-1.0)  # the CLI flag


def test_cli_overrides_replace_only_given_values():
    config = with_overrides(Config(), "cluster", similarity_threshold=0.6, event_window_days=None)
    assert config.cluster.similarity_threshold == 0.6
    assert config.cluster.event_window_days == Config().cluster.event_window_days
