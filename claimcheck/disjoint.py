"""Disjoint sets (union-find) over ``0 .. n-1``: the grouping behind one
speaker per document (``text/speakers.py``) and one source across documents
(``sources.py``)."""

from __future__ import annotations


class DisjointSets:
    """Union-find with path halving; a set's root is always its smallest
    member, so merging is deterministic whatever the order of the calls."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root of ``i``'s set."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> tuple[int, int] | None:
        """Merge the sets of ``i`` and ``j``; return ``(root, absorbed root)``,
        or None when they were one set already."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return None
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        return root, child
