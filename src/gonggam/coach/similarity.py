"""Near-copy detection between a reply and the agent's replies to other customers.

Exact Jaccard similarity on character 4-shingles of the whitespace- and punctuation-free
text. Why exact and not MinHash: the composer compares one reply with at most a few dozen
recent replies of the same agent, where exact Jaccard costs well under a millisecond and is
deterministic (no estimation error near the threshold, stable tests). Character shingles
survive Korean spacing changes and a swapped customer name or order number still leaves a
template above the threshold. MinHash LSH (datasketch) only pays off when searching a whole
team's history, which is a report, not a keystroke.

The built-in composer's fixed wording (`coach.stock`: one rule sentence each, the same for
every customer by design) is left out of both texts when the reply has enough words of its
own; a reply made of little else is compared whole. So two drafts for two customers are
judged on what was written for each, while a copied reply — which carries the other
customer's name and words — is still a near-copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from gonggam.coach.stock import STOCK

SHINGLE = 4
NEAR_COPY_THRESHOLD = 0.7
# Shorter replies share shingles by chance ("감사합니다!"), so they are not judged.
MIN_CHARS = 20
_NOISE = re.compile(r"[\s\W_]+")


@dataclass(frozen=True)
class NearCopy:
    """The most similar previous reply and its similarity."""

    index: int
    similarity: float
    previous: str


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """Return the set of character shingles of `text` with spacing and punctuation removed."""
    compact = _NOISE.sub("", text.lower())
    if len(compact) <= size:
        return frozenset({compact}) if compact else frozenset()
    return frozenset(compact[i : i + size] for i in range(len(compact) - size + 1))


def _pieces(stripped: str, size: int = SHINGLE) -> frozenset[str]:
    """Shingles of a stock-stripped text, never across a removed piece."""
    out: set[str] = set()
    for part in stripped.split(" "):
        out |= shingles(part, size) if part else set()
    return frozenset(out)


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    """Return |A∩B| / |A∪B| (0.0 for two empty sets)."""
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


@cache
def _stock_compact() -> tuple[str, ...]:
    # Longest first, so a piece inside a longer one does not break it.
    return tuple(sorted({_NOISE.sub("", s.lower()) for s in STOCK} - {""}, key=len, reverse=True))


def without_stock(text: str) -> str:
    """`text` compacted (no spacing or punctuation) with the composer's fixed wording removed."""
    compact = _NOISE.sub("", text.lower())
    for piece in _stock_compact():
        compact = compact.replace(piece, " ")
    return compact


def find_near_copy(
    reply: str, previous_replies: Sequence[str], threshold: float = NEAR_COPY_THRESHOLD
) -> NearCopy | None:
    """Return the most similar previous reply when it is at least `threshold` similar."""
    if len(_NOISE.sub("", reply)) < MIN_CHARS:
        return None
    own = without_stock(reply)
    whole = len(own.replace(" ", "")) < MIN_CHARS
    mine = shingles(reply) if whole else _pieces(own)
    best: NearCopy | None = None
    for index, previous in enumerate(previous_replies):
        theirs = shingles(previous) if whole else _pieces(without_stock(previous))
        score = jaccard(mine, theirs)
        if score >= threshold and (best is None or score > best.similarity):
            best = NearCopy(index, score, previous)
    return best
