"""Union-find shared by speaker and source linking (claimcheck/disjoint.py)."""

from claimcheck.disjoint import DisjointSets


def test_the_smallest_member_is_the_root_whatever_the_order():
    sets = DisjointSets(5)
    assert sets.union(3, 4) == (3, 4)
    assert sets.union(4, 1) == (1, 3)
    assert sets.union(1, 3) is None
    assert [sets.find(i) for i in range(5)] == [0, 1, 2, 1, 1]
