"""Negation and denial cues that really negate (``negation`` reason)."""

from __future__ import annotations

import functools

from claimcheck.reasons.fold import CACHE_SIZE, _Folded, _is_arabic, _words

_NEGATORS = _words(
    """
    لا لم لن ليس ليست ليسوا لسنا لست عدم
    not no never none nobody nothing neither nor cannot without
    """
)
_DENIALS = _words(
    """
    نفي نفت ينفي تنفي نفوا ينفون نفيه
    denied denies deny denying refuted rejected dismissed
    """
)
# "لا يزال"/"ما زال" mean "still"; "لا سيما" "especially"; "لا بد" "must".
_NOT_NEGATED_AFTER = _words("يزال تزال يزالون زال زالت يزل تزل سيما بد يخفي only doubt")


@functools.lru_cache(maxsize=CACHE_SIZE)
def _negations(folded: _Folded) -> tuple[str, ...]:
    """The negation cues of a text that really negate (as written)."""
    tokens = folded.tokens
    cues = []
    for i, tok in enumerate(tokens):
        w = tok.text
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        bare = w[1:] if _is_arabic(w) and w[0] in "وف" and w[1:] in _DENIALS | _NEGATORS else w
        is_cue = (
            bare in _NEGATORS
            or bare in _DENIALS
            or w.endswith("n't")
            or (w == "yet" and nxt == "to")  # "had yet to be counted"
        )
        if bare == "غير":
            # The verb "غيّر" (changed) takes a definite or suffixed object;
            # the negating "غير" comes before an indefinite adjective.
            # "غير أن" is "however".
            is_cue = (
                bool(nxt)
                and nxt not in ("ان", "انه", "انها")
                and not nxt.startswith("ال")
                and not nxt.endswith(("ه", "ها", "هم"))
            )
        if not is_cue or nxt in _NOT_NEGATED_AFTER:
            continue
        # "لن تغادرها إلا بعد ..." (will not leave until) asserts, not negates.
        if bare in ("لا", "لم", "لن", "ليس", "ليست") and any(
            t.text in ("الا", "سوي") for t in tokens[i + 1 : i + 8]
        ):
            continue
        cues.append(folded.original[tok.start : tok.end])
    return tuple(cues)
