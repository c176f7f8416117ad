"""The one signature every summarizer shares, so baselines and newsbrief run side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from newsbrief.model import Article


class Summarizer(Protocol):
    def __call__(
        self,
        articles: Sequence[Article],
        budget_words: int,
        query: str | None = None,
        read_before: Sequence[Article] = (),
    ) -> list[str]:
        """Return the summary's sentences, in reading order, within ``budget_words`` words.

        ``query`` is a topic statement when the task gives one (DUC); ``read_before`` holds
        articles the reader already knows (DUC 2007 update task): report what is new.
        """
        ...
