"""newsbrief's multi-document summarizer: concept coverage, chosen greedily within a budget.

``summarize_cluster`` (the ``Summarizer`` protocol of ``summarize/base.py``) runs:

1. candidates: split every original article into sentences (copies are skipped), tidy
   datelines and quotes, keep the sentences that read well alone (``candidates.py``);
2. concepts: weight stemmed bigrams by how many documents mention them, more when they
   open an article or match the query, less when the reader saw them already
   (``concepts.py``);
3. selection: the sentences that cover the most concept weight within the word budget,
   each concept counted once, so repeats earn nothing (``select.py``);
4. ordering: by article date, then article, then position in the article
   (steps 1-4 in ``multidoc.py``).

``summarize_event`` turns the same selection into a brief's headline and key sentences,
each with every article that reports it (``brief.py``).
"""

from newsbrief.summarize.brief import summarize_event, write_headline
from newsbrief.summarize.multidoc import order_for_reading, rank_candidates, summarize_cluster

__all__ = [
    "order_for_reading",
    "rank_candidates",
    "summarize_cluster",
    "summarize_event",
    "write_headline",
]
