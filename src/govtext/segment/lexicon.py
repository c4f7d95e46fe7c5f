"""The government lexicon the segmenters share.

It is the union of `data/gov_words.txt` (policy terms and government vocabulary) and the
names in the entity lexicons (titles, organs), so that the segmenter keeps whole what the
entity layer looks for.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import exists, read_rows, read_words

# Entity tables whose first column are words the segmenter should keep whole.
SOURCES = ("gov_words.txt", "titles.tsv", "agencies.tsv")


@lru_cache(maxsize=1)
def gov_words() -> tuple[str, ...]:
    words: set[str] = set()
    for name in SOURCES:
        if exists(name):
            words |= read_words(name)
    return tuple(sorted(w for w in words if w and not any(c.isspace() for c in w)))


@lru_cache(maxsize=1)
def splits() -> tuple[str, ...]:
    """Dictionary words the jieba segmenter cuts, each written with a space at the cut
    (`segment_splits.txt`: 法国 总理)."""
    if not exists("segment_splits.txt"):
        return ()
    return tuple(sorted(" ".join(row[0].split()) for row in read_rows("segment_splits.txt")
                        if len(row[0].split()) > 1))
