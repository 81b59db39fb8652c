"""English attribution: the rules (:mod:`.rules`), their word lists
(:mod:`.words`) and the cue senses that report nothing (:mod:`.cues`)."""

from claimcheck.text.attribution.en.cues import reports
from claimcheck.text.attribution.en.rules import find_matches

__all__ = ["find_matches", "reports"]
