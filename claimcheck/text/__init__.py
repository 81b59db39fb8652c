"""Text stage of claimcheck: sentences, language, and attributed claims."""

from claimcheck.text.attribution import extract_claims, find_attributions
from claimcheck.text.language import detect_language
from claimcheck.text.sentences import split_sentences

__all__ = ["detect_language", "extract_claims", "find_attributions", "split_sentences"]
