"""claimcheck: find contradictions between attributed claims in news.

    >>> import claimcheck
    >>> for c in claimcheck.find_contradictions(article_text):  # doctest: +SKIP
    ...     print(c.claim_a.speaker, "|", c.claim_b.speaker, "|", round(c.score, 2), c.reason)

Pipeline: text -> Document -> Claim (extract_claims) -> embeddings (Encoder)
-> candidate pairs -> NLI (NLIModel) -> Contradiction (find_contradictions).
"""

from claimcheck.data import LABELS, load_pairs
from claimcheck.detect import ContradictionFinder, find_contradictions
from claimcheck.encoder import Encoder
from claimcheck.finetune import FinetuneResult, finetune
from claimcheck.nli import NLIModel
from claimcheck.text import extract_claims, split_sentences
from claimcheck.types import Claim, ClaimPair, Contradiction, Document, Sentence

__version__ = "0.1.0"

__all__ = [
    "LABELS",
    "Claim",
    "ClaimPair",
    "Contradiction",
    "ContradictionFinder",
    "Document",
    "Encoder",
    "FinetuneResult",
    "NLIModel",
    "Sentence",
    "extract_claims",
    "find_contradictions",
    "finetune",
    "load_pairs",
    "split_sentences",
]
