"""Measure the entity recognisers on the hand-annotated seeds; write bench/results/entities.md.

    .venv/bin/python bench/entities.py [--out bench/results/entities.md]

For each backend available in this run (spaCy ``en_core_web_sm`` from the ``[ner]`` extra,
and the rule-based fallback) and a capitalised-span baseline, every seed article is run as
an event of its own and its entities are scored against ``tests/fixtures/facts/
seeds_entities.json``: precision, recall and F1 of entity names (typed: name and type must
match; untyped: the name alone), micro-averaged over the five articles. The merge check
runs the five articles as one event and counts gold entities split over several predicted
entities and predicted entities that join different gold ones. Speed is articles per
second after the model is loaded (median of 3 runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from newsbrief.config import EntitiesConfig
from newsbrief.entities import extract_entities, spacy_available
from newsbrief.entities.names import name_key
from newsbrief.ingest.text import parse_text_article
from newsbrief.model import Article, Entity, Event

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "data" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "facts"
GOLD = FIXTURES / "seeds_entities.json"
HELDOUT = FIXTURES / "heldout_entities.json"

GoldEntity = tuple[str, str, frozenset[str]]


def load_seeds() -> list[Article]:
    """Return the seed articles with their file prefix ("000") as id."""
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = parse_text_article(path.read_text(encoding="utf-8"), origin=str(path), url=None)
        articles.append(replace(article, id=path.name[:3]))
    return articles


def load_heldout() -> list[Article]:
    """Return the held-out NewsWCL50 articles annotated in heldout_entities.json."""
    wanted = json.loads(HELDOUT.read_text(encoding="utf-8"))["articles"]
    path = ROOT.parent / "shared" / "data" / "clustering" / "newswcl50.jsonl"
    articles = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                articles.append(
                    Article(id=record["id"], text=record["text"], title=record["title"])
                )
    return sorted(articles, key=lambda a: list(wanted).index(a.id))


def load_gold(path: Path = GOLD) -> dict[str, list[GoldEntity]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        article_id: [
            (name, kind, frozenset(name_key(n) for n in [name, *aliases]))
            for name, kind, aliases in entities
        ]
        for article_id, entities in data["articles"].items()
    }


def _keys(entity: Entity) -> frozenset[str]:
    return frozenset(name_key(n) for n in [entity.name, *entity.aliases])


def score(predicted: list[Entity], gold: list[GoldEntity], typed: bool) -> tuple[int, int, int]:
    """Return (true positives among predicted, matched gold, ...) as (tp_p, tp_g, -)."""

    def match(entity: Entity, item: GoldEntity) -> bool:
        return bool(_keys(entity) & item[2]) and (not typed or entity.type == item[1])

    tp_predicted = sum(any(match(e, g) for g in gold) for e in predicted)
    tp_gold = sum(any(match(e, g) for e in predicted) for g in gold)
    return tp_predicted, tp_gold, 0


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def capitalised_baseline(event: Event) -> tuple[Entity, ...]:
    """Every run of capitalised words not starting a sentence, typed "place" (a baseline)."""
    from newsbrief.clean import split_sentences

    counts: dict[str, set[str]] = {}
    for article in event.articles:
        for sentence in split_sentences(article.text):
            for match in re.finditer(r"(?<!^)(?<=\s)(?:[A-Z][\w.'’-]*\s?)+", sentence):
                counts.setdefault(match.group().strip(" .’'"), set()).add(article.id)
    return tuple(Entity(n, "place", 1, tuple(s)) for n, s in counts.items() if n)


def evaluate(
    name: str, extract, articles: list[Article], gold: dict[str, list[GoldEntity]]
) -> dict:
    totals = {True: [0, 0, 0, 0], False: [0, 0, 0, 0]}
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        outputs = {a.id: list(extract(Event(a.id, (a,)))) for a in articles}
        timings.append(time.perf_counter() - start)
    for article in articles:
        predicted, expected = outputs[article.id], gold[article.id]
        for typed in (True, False):
            tp_p, tp_g, _ = score(predicted, expected, typed)
            totals[typed][0] += tp_p
            totals[typed][1] += len(predicted)
            totals[typed][2] += tp_g
            totals[typed][3] += len(expected)
    event_entities = list(extract(Event("seeds", tuple(articles))))
    union: dict[str, GoldEntity] = {}
    for entities in gold.values():
        for item in entities:
            union.setdefault(item[0], item)
    split = sum(sum(bool(_keys(e) & g[2]) for e in event_entities) > 1 for g in union.values())
    joined = sum(sum(bool(_keys(e) & g[2]) for g in union.values()) > 1 for e in event_entities)
    typed_prf = _prf(totals[True][0], totals[True][1], totals[True][2], totals[True][3])
    untyped_prf = _prf(totals[False][0], totals[False][1], totals[False][2], totals[False][3])
    return {
        "name": name,
        "typed": typed_prf,
        "untyped": untyped_prf,
        "split": split,
        "joined": joined,
        "gold_event": len(union),
        "articles_per_s": len(articles) / statistics.median(timings),
    }


FIGURES = FIXTURES / "heldout_figures.json"
_NUMBER_TOKEN = re.compile(
    r"\b\d[\d,]*(?:\.\d+)?\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen)\b",
    re.IGNORECASE,
)


def every_number(text: str) -> list[float]:
    """Baseline: every number in the text is a figure."""
    words = {
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "dozen": 12,
    }
    out = []
    for token in _NUMBER_TOKEN.findall(text):
        lower = token.lower()
        out.append(float(words[lower]) if lower in words else float(token.replace(",", "")))
    return out


def newsbrief_figures(text: str) -> list[float]:
    from newsbrief.clean import split_sentences
    from newsbrief.facts import find_figures

    return [f.number for s in split_sentences(text) for f in find_figures(s)]


def score_figures(read, articles: list[Article], gold: dict[str, list[float]]) -> tuple:
    """Return precision, recall, F1 of figure numbers, paired one to one per article."""
    tp = n_predicted = n_gold = 0
    for article in articles:
        predicted = read(f"{article.title}\n\n{article.text}")
        expected = list(gold[article.id])
        n_predicted += len(predicted)
        n_gold += len(expected)
        for number in predicted:
            hit = next((g for g in expected if abs(g - number) <= 1e-6 * max(g, 1)), None)
            if hit is not None:
                expected.remove(hit)
                tp += 1
    return _prf(tp, n_predicted, tp, n_gold)


def figures_section() -> list[str]:
    data = json.loads(FIGURES.read_text(encoding="utf-8"))["articles"]
    gold = {k: [float(item[0]) for item in v] for k, v in data.items()}
    path = ROOT.parent / "shared" / "data" / "clustering" / "newswcl50.jsonl"
    articles = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in gold:
                articles.append(
                    Article(id=record["id"], text=record["text"], title=record["title"])
                )
    lines = [
        "",
        f"## Figures (facts stage), NewsWCL50 held-out: {len(articles)} articles, "
        f"{sum(len(v) for v in gold.values())} figures",
        "",
        "Gold: `tests/fixtures/facts/heldout_figures.json`, annotated before the reader was run "
        "on these articles. A predicted figure is correct when its number equals a gold "
        "figure's of the same article (paired one to one). Dates, years, ordinals and "
        "compound modifiers are not figures.",
        "",
        "| system | P | R | F1 |",
        "|---|---|---|---|",
    ]
    for name, read in (
        ("newsbrief `facts.find_figures`", newsbrief_figures),
        ("baseline: every number", every_number),
    ):
        precision, recall, f1 = score_figures(read, articles, gold)
        lines.append(f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")
    return lines


BRIEFS = ROOT.parent / "shared" / "data" / "briefs" / "briefs_dev.jsonl"
ECBPLUS = ROOT.parent / "shared" / "data" / "clustering" / "ecbplus_dev.jsonl"


def _names(entity: Entity) -> set[str]:
    return {" ".join(re.findall(r"\w+", n.lower())) for n in (entity.name, *entity.aliases)}


def _suspects(entities: tuple[Entity, ...], text: str) -> list[str]:
    """Return what an editor would query: one-word names the text also writes in lower case
    (a common word), and pairs of shown names one of which holds the other's words."""
    found = []
    for entity in entities:
        word = entity.name
        if (
            len(word.split()) == 1
            and not word.isupper()
            and re.search(rf"\b{word.lower()}\b", text)
        ):
            found.append(f"common word? {word} [{entity.type}]")
    for one in entities:
        for other in entities:
            mine, theirs = set(name_key(one.name).split()), set(name_key(other.name).split())
            if one is not other and mine < theirs and (one.type == other.type):
                found.append(f"pair? {one.name} [{one.type}] / {other.name} [{other.type}]")
    return found


def audit(out: Path) -> None:
    """Write every gold duplicate, gold miss and editor's query per story (each story's
    articles read as one event, the shipped settings, spaCy)."""
    from newsbrief.evaluate.briefs import entity_matches, read_gold_briefs

    config = EntitiesConfig()
    lines = [
        "# Entities audit: the 14 gold stories and the ECB+ dev topics",
        "",
        f"Run on {dt.date.today().isoformat()} with `.venv/bin/python bench/entities.py "
        "--audit`. Each story's articles are read as one event (the shipped entity "
        "settings); a gold duplicate is a gold entity shown under two names, a query is a "
        "one-word name the text also writes in lower case or two shown names of one type "
        "one of which holds the other's words (often right: 'Izmit' / 'Izmit Refinery').",
    ]
    stories = [(s.id, s.articles, s.entities) for s in read_gold_briefs(BRIEFS)]
    topics: dict[str, list[Article]] = {}
    with open(ECBPLUS, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            topic = str(record.get("topic") or record["id"].split("_")[0])
            topics.setdefault(topic, []).append(
                Article(id=record["id"], text=record["text"], title=record.get("title") or "")
            )
    stories += [(f"ecbplus-{t}", tuple(a), ()) for t, a in sorted(topics.items())]
    totals = [0, 0, 0]
    for story_id, articles, gold in stories:
        entities = extract_entities(Event(story_id, tuple(articles)), config)
        found, duplicates = entity_matches(entities, gold)
        totals = [totals[0] + found, totals[1] + len(gold), totals[2] + duplicates]
        lines += ["", f"## {story_id}: {len(entities)} shown, gold {found}/{len(gold)}"]
        lines.append("")
        lines.append("shown: " + "; ".join(f"{e.name} [{e.type}]" for e in entities))
        for item in gold:
            names = {
                " ".join(re.findall(r"\w+", str(n).lower()))
                for n in (item["name"], *(item.get("aliases") or ()))
            }
            hits = [e.name for e in entities if names & _names(e)]
            if len(hits) > 1:
                lines.append(f"- duplicate of gold {item['name']}: {' / '.join(hits)}")
            if not hits:
                lines.append(f"- missed gold {item['name']} [{item['type']}]")
        text = "\n".join(a.text for a in articles)
        lines += [f"- {query}" for query in _suspects(entities, text)]
    lines[3:3] = [
        "",
        f"Gold stories: {totals[0]}/{totals[1]} gold entities named, {totals[2]} shown twice.",
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "entities.md")
    parser.add_argument(
        "--audit", action="store_true", help="list duplicates and queries per story instead"
    )
    args = parser.parse_args(argv)
    if args.audit:
        audit(ROOT / "bench" / "results" / "entities_audit.md")
        return 0
    articles, gold = load_seeds(), load_gold()
    config = EntitiesConfig(max_entities=1000)
    systems = []
    if spacy_available(config):
        spacy_config = replace(config, backend="spacy")
        systems.append(
            (
                "newsbrief spaCy en_core_web_sm 3.8 ([ner] extra)",
                lambda e: extract_entities(e, spacy_config),
            )
        )
    else:
        print("spaCy model not installed: pip install 'newsbrief[ner]'", file=sys.stderr)
    rules_config = replace(config, backend="rules")
    systems.append(
        ("newsbrief rules (fallback, no model)", lambda e: extract_entities(e, rules_config))
    )
    systems.append(("baseline: capitalised spans", capitalised_baseline))
    datasets = [
        ("seeds (dev: the recognisers were written looking at these)", articles, gold),
        (
            "NewsWCL50 held-out (annotated before any run, never tuned on)",
            load_heldout(),
            load_gold(HELDOUT),
        ),
    ]
    lines = [
        "# Entities: people, organisations, places on hand-annotated articles",
        "",
        f"Run on {dt.date.today().isoformat()} with `.venv/bin/python bench/entities.py` "
        "(2-core CPU). Gold: `tests/fixtures/facts/seeds_entities.json` (the 5 seeds) and "
        "`tests/fixtures/facts/heldout_entities.json` (3 NewsWCL50 articles), hand-annotated. "
        "Each article is one event; precision/recall of the entity set, micro-averaged over "
        "articles. Typed: name and type must match; name: the name alone (a name matches "
        "when it or an alias equals the gold name or an alias after normalisation). "
        "Split/joined: all articles of a set as one event, gold entities split over several "
        "predicted ones / predicted ones that join different gold entities. Speed: "
        "articles per second after loading, median of 3 runs.",
    ]
    for title, items, expected in datasets:
        rows = [evaluate(name, fn, items, expected) for name, fn in systems]
        n_pairs = sum(len(v) for v in expected.values())
        lines += [
            "",
            f"## {title}: {len(items)} articles, {n_pairs} entity-article pairs",
            "",
            "| system | typed P | typed R | typed F1 | name P | name R | name F1 "
            "| split | joined | articles/s |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for row in rows:
            tp, tr, tf = row["typed"]
            up, ur, uf = row["untyped"]
            lines.append(
                f"| {row['name']} | {tp:.3f} | {tr:.3f} | {tf:.3f} | {up:.3f} | {ur:.3f} "
                f"| {uf:.3f} | {row['split']}/{row['gold_event']} | {row['joined']} "
                f"| {row['articles_per_s']:.1f} |"
            )
    lines += figures_section()
    text = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
