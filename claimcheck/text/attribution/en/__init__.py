"""English attribution: the rules (:mod:`.rules`), the phrases they test
around a cue (:mod:`.phrases`: a source after its cue, an apposition, a
programme's name), the subject a cue
without a source of its own takes (:mod:`.subjects`), what they look up in a
sentence (:mod:`.marks`), their word lists (:mod:`.words`), the cue senses
that report nothing (:mod:`.cues`) and the phrase a relative pronoun source
stands for, or a personal pronoun no earlier source can (:mod:`.antecedents`);
what can name a speaker, in English and the other Latin-script languages
(:mod:`.sources`)."""

from claimcheck.text.attribution.en.antecedents import (
    PERSONAL_SOURCES,
    RELATIVE_SOURCES,
    opening_subject,
    pronoun_gender,
    relative_antecedent,
    surnames,
)
from claimcheck.text.attribution.en.cues import reports
from claimcheck.text.attribution.en.rules import find_matches

__all__ = ["PERSONAL_SOURCES", "RELATIVE_SOURCES", "find_matches", "opening_subject",
           "pronoun_gender", "relative_antecedent", "reports", "surnames"]
