"""What the nearest text of a quote that is not in the article costs (#15).

A wrong quote's explanation names the article's text most like it.  This times that search
for the first wrong quote of an article (which pays for reading the article's words) and for
each further one, in a realistic 50 KB article and a 1 MB one, made of the corpus's
articles one after another (distinct text, not one article repeated):

    python benchmarks/nearest_text.py
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from factsuite.meaning import grounding

ROOT = Path(__file__).resolve().parents[1]


def corpus_text(size: int) -> str:
    """Distinct article text of about ``size`` characters."""
    texts = sorted(ROOT.glob("corpus/tuning/**/article.txt")) + sorted(
        ROOT.glob("facts/*/article.txt")
    )
    parts: list[str] = []
    total = 0
    rounds = 0
    while total < size:  # the corpus holds less than 1 MB: later rounds number their lines
        for path in texts:
            text = path.read_text("utf-8")
            if rounds:
                text = "\n".join(f"{rounds}.{n} {line}" for n, line in enumerate(text.split("\n")))
            parts.append(text)
            total += len(text) + 1
            if total >= size:
                break
        rounds += 1
    return "\n".join(parts)[:size]


def quotes(article: str) -> dict[str, str]:
    """Wrong quotes of several kinds, taken from the middle of the article."""
    rng = random.Random(1)
    middle = len(article) // 2
    sentence = article[middle : middle + 318]
    one = rng.randrange(len(sentence))
    return {
        "318 chars, every a an o": sentence.replace("a", "o"),
        "318 chars, one changed": sentence[:one] + "#" + sentence[one + 1 :],
        "12 words reordered": " ".join(reversed(article[middle : middle + 80].split())),
        "nothing alike, 10k chars": "y" * 10_000,
        "5k chars of the text, edited": article[1000:6000].replace("e", "E"),
    }


def timed(call: Callable[[], object]) -> float:
    started = time.process_time()  # CPU time: the machine may be shared
    call()
    return time.process_time() - started


def _clear(module: object) -> None:
    """Forget every article read: the next search pays for reading it again."""
    for name in ("_words", "_index"):  # before #15's index: _words; after: _index
        cached = getattr(module, name, None)
        if cached is not None:
            cached.cache_clear()


def main() -> None:
    for size in (50_000, 1_000_000):
        article = corpus_text(size)
        print(f"article of {len(article):,} characters")
        for name, quote in quotes(article).items():

            def search(quote: str = quote) -> tuple[object, str, float]:
                return grounding.nearest_match(article, quote)  # noqa: B023

            _clear(grounding)
            first = timed(search) * 1000
            further = min(timed(search) for _ in range(3)) * 1000
            alike = search()[2]
            times = f"first {first:5.1f} ms  further {further:5.1f} ms"
            print(f"  {name:30} {times}  {alike:.0%} alike")


if __name__ == "__main__":
    main()
