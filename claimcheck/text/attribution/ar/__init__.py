"""Arabic attribution: the rules (:mod:`.rules`, with according-to phrases and
relays in :mod:`.relays` and the phrases they read in :mod:`.phrases`), their
word lists (:mod:`.words`) and what can name a speaker (:mod:`.sources`)."""

from claimcheck.text.attribution.ar.rules import find_matches

__all__ = ["find_matches"]
