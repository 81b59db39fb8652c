"""English attribution: the rules (:mod:`.rules`), their word lists
(:mod:`.words`), the cue senses that report nothing (:mod:`.cues`) and the
phrase a relative pronoun source stands for (:mod:`.antecedents`)."""

from claimcheck.text.attribution.en.antecedents import RELATIVE_SOURCES, relative_antecedent
from claimcheck.text.attribution.en.cues import reports
from claimcheck.text.attribution.en.rules import find_matches

__all__ = ["RELATIVE_SOURCES", "find_matches", "relative_antecedent", "reports"]
