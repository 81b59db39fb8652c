"""Attributed claims: who said what, in Arabic and English.

:func:`extract_claims` is the public entry point. It splits the text into
sentences (:mod:`claimcheck.text.sentences`), finds reporting relations in
each with the rules of its language, links their sources into speakers
(:mod:`claimcheck.text.speakers`) and returns one
:class:`~claimcheck.types.Claim` per attributed content, plus one unattributed
claim (``speaker=None``) per sentence that states something without a source.
:func:`find_attributions` is the same search seen as relations, for
evaluation.

The parts, one job each:

- :mod:`.claims` -- claims from relations and sentences (:func:`extract_claims`);
- :mod:`.relations` -- relations of a text, speakers resolved (:func:`find_attributions`);
- :mod:`.en`, :mod:`.ar` -- the rules of each language and their word lists;
- :mod:`.nesting` -- how relations in one sentence end and nest;
- :mod:`.quotes` -- where the text is inside quotation marks;
- :mod:`.tagged` -- relations the learned tagger adds to the rules';
- :mod:`.tokens` -- the tokens and candidate relations the rules share.

Every step is linear or log-linear in the length of the text, so that
megabytes of quotations or of words without punctuation take seconds
(``benchmarks/extraction_speed.py`` measures it).
"""

from claimcheck.text.attribution.claims import extract_claims
from claimcheck.text.attribution.relations import Attribution, find_attributions

__all__ = ["Attribution", "extract_claims", "find_attributions"]
