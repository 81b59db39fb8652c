"""Relations the learned tagger finds and the rules miss.

English text only: the tagger (:mod:`claimcheck.text.tagger`) reads each run
of English sentences, and each of its relations that the rules did not find
joins theirs, filed under the sentence where its content starts.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from claimcheck.text.attribution.tokens import Match
from claimcheck.text.normalize import NormalizedText
from claimcheck.text.tagger import AttributionTagger, TaggedRelation, link, shipped_tagger
from claimcheck.types import Sentence

# (sentence index, normalised sentence, relation, language of the rules)
Found = tuple[int, NormalizedText, Match, str]


def tagged_relations(
    text: str, sentences: list[Sentence], english: list[bool],
    tagger: bool | AttributionTagger, langs: list[str] | None = None,
) -> list[TaggedRelation]:
    """The tagger's relations in the sentences it reads: ``english`` says,
    per sentence, whether it reads it (English, or a language without
    rules); ``tagger`` is True for the shipped tagger or the tagger to use;
    ``langs`` is each sentence's language when known."""
    if not any(english):
        return []
    model = shipped_tagger() if tagger is True else tagger
    return _tagged_relations(text, sentences, english, model, langs)


def add_tagged(
    text: str, sentences: list[Sentence], found: list[Found],
    relations: list[TaggedRelation], langs: list[str] | None = None,
    refused: Sequence[Found] = (),
) -> list[Found]:
    """``found`` plus the tagger's ``relations`` (:func:`tagged_relations`)
    whose content overlaps no content found by the rules and whose cue is
    not a rule's cue, each filed under the sentence where its content starts.

    ``langs``, each sentence's language, labels what it finds (default
    "en"). ``refused`` are rule candidates set aside for a sense that
    reports nothing: they are not returned, but a tagger relation over their
    content or cue is not taken either, as the tagger reads those words the
    same way.
    """
    if not relations:
        return found
    rules = [*found, *refused]
    taken = [norm.to_input(*match.content) for _, norm, match, _ in rules]
    cues = [norm.to_input(*match.cue) for _, norm, match, _ in rules]
    starts = [s.span[0] for s in sentences]
    whole = NormalizedText(text=text, starts=None, ends=None, offset=0)
    added = []
    for relation in relations:
        # Inside the English run it came from, so its sentence is English.
        index = bisect.bisect_right(starts, relation.content[0]) - 1
        if any(relation.content[0] < end and start < relation.content[1] for start, end in taken):
            continue
        if any(relation.cue[0] < end and start < relation.cue[1] for start, end in cues):
            continue  # that cue already reports what the rules found
        content = _without_complementiser(text, relation.content)
        match = Match(relation.source, relation.cue, content,
                      region_start=relation.content[0], holderless=relation.source is None)
        added.append((index, whole, match, langs[index] if langs else "en"))
    if not added:
        return found
    return sorted(found + added, key=lambda item: (item[0], item[1].to_input(*item[2].content)))


def lend_sources(found: list[Found], relations: list[TaggedRelation]) -> list[Found]:
    """Each relation of ``found`` that has no source and a holder (not "is
    expected to") takes the source of the first tagger relation whose
    content overlaps its content, when that source is written in its
    sentence before its cue ("Obama took a lighter tone, still calling
    ...", "But in late November, Rubio seemed ..."): the rules leave a
    subject they cannot find implicit, and the tagger often reads it.
    Returns the relations whose source was lent (changed in place)."""
    lent = []
    # Sorted by where their contents start (the tagger's contents do not
    # overlap), for a lookup per relation instead of a scan of the document.
    sourced = sorted((r for r in relations if r.source is not None), key=lambda r: r.content)
    starts = [r.content[0] for r in sourced]
    for item in found:
        _, norm, match, _ = item
        if match.source is not None or match.holderless:
            continue
        content = norm.to_input(*match.content)
        cue_start = norm.to_input(*match.cue)[0]
        first = None
        k = bisect.bisect_left(starts, content[1]) - 1
        while k >= 0 and sourced[k].content[1] > content[0]:
            first, k = sourced[k], k - 1  # the earliest content overlapping this one
        if first is not None and first.source[1] <= cue_start:
            match.source = norm.from_input(*first.source)
            if match.source is not None:
                lent.append(item)
    return lent


def english_runs(sentences: list[Sentence], english: list[bool]) -> list[tuple[int, int]]:
    """Spans of the runs of consecutive English sentences: what the tagger reads."""
    runs = []
    for is_english, run in itertools.groupby(range(len(sentences)), key=english.__getitem__):
        if is_english:
            indices = list(run)
            runs.append((sentences[indices[0]].span[0], sentences[indices[-1]].span[1]))
    return runs


def _tagged_relations(
    text: str, sentences: list[Sentence], english: list[bool], model: AttributionTagger,
    langs: list[str] | None = None,
) -> list[TaggedRelation]:
    """The tagger's relations in each run of consecutive English sentences
    (an Arabic article with one English line costs one short window);
    ``langs``, each sentence's language when known."""
    relations: list[TaggedRelation] = []
    runs = english_runs(sentences, english)
    # In a document whose every sentence is English no run needs its language
    # detected again. (In an Arabic document a Latin-script line is "en" only
    # as a guess: a French line there is detected and goes to the fallback.)
    english_document = langs is not None and all(lang == "en" for lang in langs)
    run_langs = ["en" if english_document else None for _ in runs]
    # Every run of the document in one batched pass.
    tagged = model.tag_many([text[start:end] for start, end in runs],
                            langs=run_langs) if runs else []
    for (start, end), spans in zip(runs, tagged):
        part = text[start:end]
        for r in link(part, spans):
            relations.append(TaggedRelation(
                (r.source[0] + start, r.source[1] + start) if r.source else None,
                (r.cue[0] + start, r.cue[1] + start),
                (r.content[0] + start, r.content[1] + start),
            ))
    return relations


_COMPLEMENTISER = re.compile(r"(?:that|que|qu['’]|dass|bahwa|che|daß|که|کہ)\s*(?<=\s|['’])",
                             re.IGNORECASE)


def _without_complementiser(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without a leading complementiser ("that", "que", "dass",
    "bahwa", "che", Persian "که", Urdu "کہ"): the rules' convention for
    contents."""
    word = _COMPLEMENTISER.match(text[span[0]:span[1]])
    if word and word.end() < span[1] - span[0]:
        return (span[0] + word.end(), span[1])
    return span

