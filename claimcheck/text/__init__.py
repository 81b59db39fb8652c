"""Text stage of claimcheck: sentences, language, attributed claims and the
learned attribution tagger."""

from claimcheck.text.attribution import extract_claims, find_attributions
from claimcheck.text.language import detect_language
from claimcheck.text.sentences import split_sentences
from claimcheck.text.tagger import AttributionTagger

__all__ = [
    "AttributionTagger",
    "detect_language",
    "extract_claims",
    "find_attributions",
    "split_sentences",
]
