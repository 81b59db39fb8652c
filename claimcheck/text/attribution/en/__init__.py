"""English attribution: the rules (:mod:`.rules`) and their word lists (:mod:`.words`)."""

from claimcheck.text.attribution.en.rules import find_matches

__all__ = ["find_matches"]
