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


def test_cli_overrides_replace_only_given_values():
    config = with_overrides(Config(), "cluster", similarity_threshold=0.6, event_window_days=None)
    assert config.cluster.similarity_threshold == 0.6
    assert config.cluster.event_window_days == Config().cluster.event_window_days
