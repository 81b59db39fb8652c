"""Attribution rules for Spanish, French, Portuguese, Italian and German."""

from claimcheck.text.attribution.european.rules import LANGUAGES, matcher
from claimcheck.text.attribution.european.words import CLAUSE_OPENERS

__all__ = ["CLAUSE_OPENERS", "LANGUAGES", "matcher"]
