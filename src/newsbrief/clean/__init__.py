"""The clean stage: boilerplate removal, whitespace and quote normalisation, sentences.

``clean_articles`` is the one-call path. Spark (or any map/reduce) runs the same steps:

1. map ``line_fingerprints(article, config)`` -> (outlet, (text id, line keys)) per article;
2. merge ``repeated_lines(fingerprints, config)`` -> outlet -> boilerplate line keys (a
   text read twice counted once);
3. map ``drop_repeated_lines(article, repeated)`` then ``clean_article(article, config)``;
4. ``reject_unusable`` splits off articles left without text, too short, or with their
   letters lost in encoding.
"""

from newsbrief.clean.article import clean_article, clean_text, normalise_text
from newsbrief.clean.repeated import (
    clean_articles,
    drop_repeated_lines,
    line_fingerprints,
    outlet_of,
    reject_unusable,
    repeated_lines,
    report_outlets,
)
from newsbrief.clean.sentences import split_sentences

__all__ = [
    "clean_article",
    "clean_articles",
    "clean_text",
    "drop_repeated_lines",
    "line_fingerprints",
    "normalise_text",
    "outlet_of",
    "reject_unusable",
    "repeated_lines",
    "report_outlets",
    "split_sentences",
]
