"""'Did you mean' suggestions for misspelt names."""

from __future__ import annotations

import difflib
from typing import Iterable


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap of neighbours) that turn a into b."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option the word was most likely meant to be, if any is close enough."""
    candidates = [o for o in dict.fromkeys(options) if o != word]
    if not candidates or len(word) > 100:
        return None
    folded = word.casefold()
    scored = sorted((_distance(folded, o.casefold()), i, o) for i, o in enumerate(candidates))
    best, _, option = scored[0]
    if best <= max(1, min(len(word), len(option)) // 3):
        return option
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return match[0] if match else None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """' (did you mean 'x'?)', or nothing."""
    option = closest(word, options)
    return f" (did you mean '{option}'?)" if option else ""
