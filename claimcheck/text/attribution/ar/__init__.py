"""Arabic attribution: the rules (:mod:`.rules`), their word lists (:mod:`.words`)
and what can name a speaker (:mod:`.sources`)."""

from claimcheck.text.attribution.ar.rules import find_matches

__all__ = ["find_matches"]
