"""newsbrief: turn news coverage from many outlets into event briefs people can trust.

>>> from newsbrief import build_briefs
>>> briefs, report = build_briefs(["examples/seeds"])
>>> print(briefs[0].headline)
"""

from newsbrief.config import Config, load_config
from newsbrief.errors import NewsbriefError
from newsbrief.model import Article, Brief, Event, Rejected, RunReport
from newsbrief.pipeline import build_briefs, build_briefs_from_articles

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Brief",
    "Config",
    "Event",
    "NewsbriefError",
    "Rejected",
    "RunReport",
    "__version__",
    "build_briefs",
    "build_briefs_from_articles",
    "load_config",
]
