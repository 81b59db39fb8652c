"""Choosing which claims to compare: nearest neighbours in embedding space.

Scoring every pair with NLI costs n(n-1)/2 cross-encoder calls; a claim only
needs comparing with the claims about the same thing, which its nearest
neighbours in e5 space are. Each claim is paired with its ``top_k`` most
similar claims above a similarity floor, across documents and languages.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from claimcheck.batches import one_blas_thread
from claimcheck.reasons.quantities import find_quantities
from claimcheck.text.normalize import folded_words
from claimcheck.types import Claim, ClaimPair

#: e5 cosines sit high (unrelated news sentences ≈ 0.74–0.83), so the floor
#: only drops clearly unrelated claims; ``top_k`` does most of the pruning.
DEFAULT_MIN_SIMILARITY = 0.80
DEFAULT_TOP_K = 10


def candidate_pairs(
    claims: Sequence[Claim],
    embeddings: np.ndarray,
    *,
    top_k: int | None = DEFAULT_TOP_K,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    chunk_size: int = 2048,
) -> list[ClaimPair]:
    """Unordered pairs of claims that are each other's near neighbours.

    Parameters
    ----------
    claims : sequence of Claim
    embeddings : (n, d) unit vectors, row ``i`` for ``claims[i]``
    top_k : int or None
        Neighbours kept per claim; None keeps all above the floor.
    min_similarity : float
        Cosine floor.
    chunk_size : int
        Rows of the similarity matrix computed at once (memory stays
        ``chunk_size * n`` floats whatever the corpus size).

    Returns
    -------
    list of ClaimPair
        Each unordered pair once (lower index first), in index order.
        Claims with identical text, or the same words (:func:`near_identical`:
        case, punctuation, spacing and Arabic marks aside; one quote in two
        articles), are never paired: there is nothing to contradict; nor is a
        claim that is not :func:`informative` ("No", "people would").
    """
    n = len(claims)
    if embeddings.shape[0] != n:
        raise ValueError(f"{n} claims but {embeddings.shape[0]} embeddings")
    if top_k is not None and top_k < 1:
        raise ValueError(f"top_k must be a positive integer or None, got {top_k}")
    if n < 2:
        return []
    keep = n - 1 if top_k is None else min(top_k, n - 1)
    words = [folded_words(c.text) for c in claims]
    chosen: dict[tuple[int, int], float] = {}
    for start in range(0, n, chunk_size):
        with one_blas_thread():
            sims = embeddings[start : start + chunk_size] @ embeddings.T
        rows = np.arange(sims.shape[0])
        sims[rows, rows + start] = -np.inf  # a claim is not its own neighbour
        if keep < n - 1:
            top = np.argpartition(-sims, keep - 1, axis=1)[:, :keep]
        else:
            top = np.argsort(-sims, axis=1)[:, :keep]
        for r, neighbours in enumerate(top):
            i = start + r
            for j in neighbours.tolist():
                sim = float(sims[r, j])
                if sim < min_similarity or not comparable(words[i], words[j]):
                    continue
                chosen[(min(i, j), max(i, j))] = sim
    return [ClaimPair(claims[i], claims[j], sim) for (i, j), sim in sorted(chosen.items())]


def informative(words: Sequence[str]) -> bool:
    """Whether a claim of these (folded) words can be compared at all: three
    words or more, or a number ("about 8,000"). A one- or two-word answer
    ("No", "people would") says nothing another claim could contradict
    without the question it answers; on the e2e dev cases every side of a
    listed contradiction passes."""
    return len(words) >= 3 or any(ch.isdigit() for w in words for ch in w)


def comparable(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """Whether two claims, given as their :func:`folded_words`, are worth
    comparing: both :func:`informative`, not the same words (the same quote
    twice, :func:`near_identical`; identical texts included), and not one
    the other with a word or two added (:func:`restates`)."""
    return (words_a != words_b and informative(words_a) and informative(words_b)
            and not restates(words_a, words_b))


#: Words that, added to a claim, can turn it into its opposite or change
#: what it counts: negations, denials, "nearly", "only", "still", "all" ...
#: (folded as :func:`folded_words` folds; "didn't" folds to "didn", "t").
_MEANING_WORDS = frozenset(folded_words("""
    not no never none nobody nothing neither nor cannot without t nt nearly almost
    barely hardly scarcely only all every fully partly partially still already yet
    longer failed fail fails refused deny denied denies rejected false untrue unlikely
    لا لم لن ليس ليست ليسوا لسنا لست عدم غير نفى نفت ينفي تنفي نفوا كاد كادت يكاد
    تكاد تقريبا بالكاد فقط كل جميع بالكامل كاملا جزئيا يزال تزال زال زالت فشل فشلت
    رفض رفضت
"""))


def restates(words_a: Sequence[str], words_b: Sequence[str], *, extra: int = 2) -> bool:
    """Whether one claim is the other with at most ``extra`` words added and
    nothing else changed (both as :func:`folded_words`): the same quote with a
    name filled in ("أسسه في ..." / "أسسه لولا في ..."), a longer cut of one
    sentence. Such a pair cannot clash, unless an added word can turn the
    claim round or change a count: a negation, "nearly", "only", "still", a
    number (:data:`_MEANING_WORDS`, :func:`~claimcheck.reasons.find_quantities`).
    The shorter claim needs three words or more."""
    short, long_ = sorted((tuple(words_a), tuple(words_b)), key=len)
    if len(short) < 3 or not 0 < len(long_) - len(short) <= extra:
        return False
    added, k = [], 0
    for word in long_:
        if k < len(short) and word == short[k]:
            k += 1
        else:
            added.append(word)
    if k < len(short):
        return False  # not the shorter one with words added
    return not any(
        w in _MEANING_WORDS or (w[:1] in "وف" and w[1:] in _MEANING_WORDS)
        or any(ch.isdigit() for ch in w) for w in added) \
        and not find_quantities(" ".join(added))


def near_identical(a: str, b: str) -> bool:
    """Whether two claim texts say the same words (punctuation, case, marks
    and spacing aside): the same quote reported twice, never a clash."""
    wa, wb = folded_words(a), folded_words(b)
    return bool(wa) and wa == wb


def nearest_in_each_language(pairs: Sequence[ClaimPair],
                             among: Collection[Claim] | None = None) -> list[bool]:
    """For each pair, whether it is one of its claims' nearest candidates in
    the other claim's language (ties to the earlier pair): the pairs the
    cascade's first stage always keeps (:func:`screen`). Computed over all
    the candidate pairs at once, since a pair's rank depends on the others.
    ``among``: only these claims' nearest count (a claim store's new claims:
    a stored claim met its own neighbours when it was added)."""
    best: dict[tuple[Claim, str], tuple[float, int]] = {}
    for k, pair in enumerate(pairs):
        for claim, other in ((pair.a, pair.b), (pair.b, pair.a)):
            if among is not None and claim not in among:
                continue
            key = (claim, other.lang)
            if key not in best or pair.similarity > best[key][0]:
                best[key] = (pair.similarity, k)
    flags = [False] * len(pairs)
    for _, k in best.values():
        flags[k] = True
    return flags


def screen(nearest: Sequence[bool], evidence: Sequence[bool]) -> list[int]:
    """The candidate pairs worth a cross-encoder call: the first, cheap stage
    of the cascade (:attr:`claimcheck.detect.ContradictionFinder.cascade`).

    A pair is kept when its claims are nearest neighbours, or when a rule
    already sees evidence of a clash in it:

    - ``nearest`` (:func:`nearest_in_each_language`): for each claim and
      each language, the candidate of that language most similar to it, so
      that a claim is always compared with its closest claim in Arabic, in
      English, ...;
    - ``evidence``: a numeric, temporal, negation or antonym reason, or a
      clash the article reports (:func:`claimcheck.reasons.find_reasons`);
      the finder counts a negation only where the negated phrase repeats
      (:meth:`claimcheck.detect.ContradictionFinder._clash_seen`).

    On the e2e dev cases the finder's cascade read 257 of 1,529 candidate
    pairs and kept every gold contradiction the full comparison reported
    (``benchmarks/run_benchmark.py e2e`` measures it).

    Returns
    -------
    list of int
        Indices of the kept pairs, ascending.
    """
    if len(evidence) != len(nearest):
        raise ValueError(f"{len(nearest)} nearest flags but {len(evidence)} evidence flags")
    return [k for k, (near, seen) in enumerate(zip(nearest, evidence)) if near or seen]
