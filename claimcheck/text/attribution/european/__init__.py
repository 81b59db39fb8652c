"""Attribution rules for Spanish, French, Portuguese, Italian and German."""

from claimcheck.text.attribution.european.rules import LANGUAGES, matcher

__all__ = ["LANGUAGES", "matcher"]
