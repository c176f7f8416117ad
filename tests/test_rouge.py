"""ROUGE-1.5.5 reimplementation: hand-checked cases and the official DUC figures."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from newsbrief.evaluate import read_jsonl
from newsbrief.evaluate.rouge import (
    RougeSettings,
    RougeText,
    bootstrap_average,
    jackknife_evaluations,
    porter_stem,
    rouge_prf,
    rouge_scores,
    rouge_tokens,
    skip_bigram_counts,
    stem_token,
)

# The evaluation data beside the checkout (../shared/data), as CI provides it.
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "summarization"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        # Porter (1980) examples, which the Perl stemmer follows.
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("relational", "relat"),
        ("hopping", "hop"),
        ("happy", "happi"),
        ("generalization", "gener"),
        ("troops", "troop"),
        ("yield", "yield"),
        # Chin-Yew Lin's 2004 change: -ement words then try -ment and -ent (plain Porter keeps
        # "agreement"); py-rouge lists these as where NLTK differs from ROUGE-1.5.5.
        ("agreement", "agreem"),
        ("argument", "argum"),
        ("accidentally", "accid"),
    ],
)
def test_porter_stem_matches_the_perl_stemmer(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_wordnet_exceptions_win_over_porter_and_short_tokens_stay() -> None:
    assert stem_token("said") == "say"
    assert stem_token("children") == "child"
    assert stem_token("went") == "go"
    # Tokens of 3 characters or fewer are never stemmed, not even looked up.
    assert stem_token("was") == "was"
    assert stem_token("men") == "men"


def test_tokens_lowercase_split_on_non_alphanumerics_and_keep_stopwords() -> None:
    assert rouge_tokens("The U.S.-led troops' move, said Gen. Smith.") == (
        "the", "u", "s", "led", "troop", "move", "say", "gen", "smith",
    )  # fmt: skip


def test_length_limit_counts_whitespace_words_before_tokenising() -> None:
    # "U.S.-led" is one word for -l, three tokens after tokenising.
    assert rouge_tokens("U.S.-led troops moved to Kuwait", length_limit_words=2) == (
        "u", "s", "led", "troop",
    )  # fmt: skip


def test_skip_bigrams_with_unigrams_leave_out_the_last_unigram() -> None:
    grams = skip_bigram_counts(["a", "b", "c"])
    # ROUGE-1.5.5's loop stops before the last token: no unigram "c".
    assert dict(grams) == {("a",): 1, ("b",): 1, ("a", "b"): 1, ("a", "c"): 1, ("b", "c"): 1}
    far = skip_bigram_counts(list("abcdefg"))
    assert ("a", "f") in far  # 4 words between
    assert ("a", "g") not in far  # 5 words between


def test_hand_checked_recall_precision_and_model_average() -> None:
    scores = rouge_prf("the cat sat", ["the cat ran", "a dog sat"], jackknife=False)
    # Unigrams: hits 2 + 1 over model grams 3 + 3; precision over peer grams 3 x 2 models.
    assert scores["rouge-1"].recall == pytest.approx(0.5)
    assert scores["rouge-1"].precision == pytest.approx(0.5)
    # Bigrams: "the cat" hits once; model bigrams 2 + 2.
    assert scores["rouge-2"].recall == pytest.approx(0.25)
    assert scores["rouge-2"].f == pytest.approx(0.25)


def test_jackknifing_averages_leave_one_out_and_drops_a_humans_own_reference() -> None:
    references = ["the cat sat on the mat", "a dog sat on a log", "the cat ran"]
    peer = RougeText.of("the cat sat on the mat")
    models = [RougeText.of(text) for text in references]
    assert len(jackknife_evaluations(peer, models)) == 3
    own = jackknife_evaluations(peer, models, own_reference=0)
    assert len(own) == 1
    # Without its own reference the copy of reference 0 no longer scores 1.
    assert own[0]["rouge-1"].recall < 1.0
    system = rouge_scores("the cat sat on the mat", references)
    human = rouge_scores("the cat sat on the mat", references, own_reference=0)
    assert system["rouge-1"] > human["rouge-1"]


def test_identical_summary_scores_one_and_unrelated_scores_zero() -> None:
    reference = "Canada moved some of its 500 troops from Iraq to Kuwait."
    assert rouge_scores(reference, [reference, reference]) == {
        "rouge-1": 1.0,
        "rouge-2": 1.0,
        "rouge-su4": 1.0,
    }
    assert rouge_scores("Stock markets rose on Friday.", [reference])["rouge-2"] == 0.0
    assert rouge_scores("", [reference])["rouge-1"] == 0.0


def test_bootstrap_average_is_the_resample_mean() -> None:
    assert bootstrap_average([0.25] * 7).mean == 0.25
    values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    average = bootstrap_average(values)
    assert average.mean == pytest.approx(0.35, abs=0.01)
    assert average.ci_low < average.mean < average.ci_high
    assert bootstrap_average([]).mean == 0.0


def _reproduce(name: str, data_file: str, systems: set[str]) -> dict[str, dict[str, float]]:
    """Score the given official peers as NIST did; return ours beside the published recall."""
    clusters = {c["id"]: c for c in read_jsonl(DATA / data_file)}
    published = json.loads((DATA / f"{name}.published.json").read_text())["systems"]
    references = {cid: [RougeText.of(r) for r in c["references"]] for cid, c in clusters.items()}
    evaluations: dict[str, list[tuple[tuple[str, str], dict]]] = defaultdict(list)
    for peer in read_jsonl(DATA / f"{name}.peers.jsonl"):
        if peer["system"] not in systems:
            continue
        cluster = clusters[peer["id"]]
        ids = cluster["reference_ids"]
        own = ids.index(peer["system"]) if peer["system"] in ids else None
        scores = jackknife_evaluations(RougeText.of(peer["summary"]), references[peer["id"]], own)
        left_out = [own] if own is not None else range(len(ids))
        for skipped, score in zip(left_out, scores, strict=True):
            evaluations[peer["system"]].append(((peer["id"], ids[skipped]), score))
    out = {}
    for system, items in evaluations.items():
        items.sort(key=lambda item: item[0])
        for metric in ("rouge-2", "rouge-su4"):
            ours = bootstrap_average([score[metric].recall for _, score in items]).mean
            out[f"{system} {metric}"] = {
                "ours": ours,
                "published": published[system]["metrics"][metric]["recall"],
            }
    return out


def test_reproduces_official_duc_figures_for_a_subset_of_peers() -> None:
    # Best system, NIST baseline, a weak system and two humans (scored without their own).
    rows = _reproduce("duc2006", "duc2006.jsonl.gz", {"24", "1", "11", "C", "F"})
    rows |= _reproduce("duc2007_update", "duc2007_update.jsonl", {"40", "44", "A"})
    assert len(rows) == 16
    for row in rows.values():
        assert row["ours"] == pytest.approx(row["published"], abs=1e-9)


def test_settings_parse_the_rouge_option_string() -> None:
    duc = RougeSettings.parse("-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -d")
    assert duc == RougeSettings()
    duc2004 = RougeSettings.parse("-a -c 95 -b 665 -m -n 4 -w 1.2")
    assert duc2004.length_limit_bytes == 665 and duc2004.stem
    plain = RougeSettings.parse("-n 2 -s -l 100 -2 -1 -p 0.8")
    assert (plain.stem, plain.remove_stopwords, plain.length_limit_words) == (False, True, 100)
    assert (plain.skip_distance, plain.alpha) == (-1, 0.8)


def test_byte_limit_stopwords_and_no_stemming_follow_the_options() -> None:
    text = "The troops were moved to Kuwait"
    assert rouge_tokens(text, settings=RougeSettings(length_limit_bytes=10)) == ("the", "troop")
    unstemmed = RougeSettings(stem=False, remove_stopwords=True)
    assert rouge_tokens(text, settings=unstemmed) == ("troops", "moved", "kuwait")
