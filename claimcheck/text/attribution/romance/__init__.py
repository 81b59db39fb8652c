"""Attribution rules for Spanish, French, Portuguese and Italian."""

from claimcheck.text.attribution.romance.rules import LANGUAGES, matcher

__all__ = ["LANGUAGES", "matcher"]
