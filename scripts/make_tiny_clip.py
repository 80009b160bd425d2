#!/usr/bin/env python3
"""Generate a tiny, CLIP-shaped TorchScript test model plus a matching tokenizer.

Usage (Debian's Python, which ships python3-torch):

    /usr/bin/python3 scripts/make_tiny_clip.py [--variant fp32|int8|bf16] [OUT_DIR]

OUT_DIR defaults to src/test/resources/models/tiny-clip (fp32) or tiny-clip-int8 / tiny-clip-bf16
there (relative to the repo root).

Writes:
  tiny-clip.pt              TorchScript module with get_image_features / get_text_features / forward
                            (tiny-clip-int8.pt / tiny-clip-bf16.pt for the variants, see
                            model_variants.py; all take and return float32)
  tokenizer.json            Hugging Face tokenizers file shaped like openai/clip-vit-base-patch32's
  tokenizer-expected.json   reference token ids produced by the pure-Python tokenizer in this script
                            (fp32 only)
  manifest.json             model manifest (with sha256 of the model and tokenizer files; precision
                            and model id tiny-clip-test-1@VARIANT for the variants)

The weights are random (torch.manual_seed(0)); the model is only meant for tests.
No network access and no `tokenizers`/`transformers` packages are needed.
"""

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter

import torch
import torch.nn as nn
import torch.nn.functional as F

# Random weights cannot tell content apart: the near-duplicate veto is off for this model (ADR 0033).
RANDOM_WEIGHTS_VETO = -1

from model_manifest import sha256, write_json, write_manifest
from model_variants import (ONNX_VARIANTS, VARIANTS, TextEncoder, export_onnx, file_name,
                            make_variant, model_id)

EMBED = 32
CONTEXT_LENGTH = 77
IMAGE_SIZE = 224
NUM_MERGES = 300
SOT = "<|startoftext|>"
EOT = "<|endoftext|>"
MEAN = [0.48145466, 0.4578275, 0.40821073]
STD = [0.26862954, 0.26130258, 0.27577711]

SPLIT_REGEX = (
    r"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"
)

OBJECTS = ["cat", "dog", "bird", "horse", "person", "car", "bicycle", "motorcycle", "airplane",
           "boat", "train", "food", "flower", "tree", "building", "landscape", "furniture",
           "electronics", "book", "toy", "artwork", "document", "other"]
BACKGROUNDS = ["indoor", "outdoor", "urban", "nature", "beach", "mountain", "forest", "water",
               "snow", "desert", "sky", "night", "studio"]
TEMPLATES = ["a photo of a {}.", "a close-up photo of a {}.", "a photo taken {}.",
             "a photo of the {}.", "a blurry photo of a {}.", "a bright photo of a {}.",
             "a photo with a {} background."]
COMMON_WORDS = ("the a an of and to in is it that this with for on at by from as be are was "
                "picture image photo photograph small large big little old new good bad dark "
                "light red green blue white black yellow people man woman child animal house "
                "street city road river lake sea sun day morning evening there here one two "
                "three some many very what where when who which").split()


# --------------------------------------------------------------------------------------------
# Pure-Python reference of the CLIP tokenizer pipeline described by tokenizer.json
# --------------------------------------------------------------------------------------------

# Unicode White_Space characters (what \s matches in the tokenizers regexes).
_WHITESPACE = set("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | {
    chr(c) for c in range(0x2000, 0x200B)}


def bytes_to_unicode():
    """GPT-2 / CLIP reversible byte -> unicode char mapping (insertion order = vocab order)."""
    bs = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
          + list(range(ord("®"), ord("ÿ") + 1)))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


BYTE_ENCODER = bytes_to_unicode()


def normalize(text):
    """NFC -> Replace(\\s+ -> ' ') -> Lowercase."""
    text = unicodedata.normalize("NFC", text)
    out = []
    prev_ws = False
    for ch in text:
        if ch in _WHITESPACE:
            if not prev_ws:
                out.append(" ")
            prev_ws = True
        else:
            out.append(ch)
            prev_ws = False
    return "".join(out).lower()


def _is_l(ch):
    return unicodedata.category(ch).startswith("L")


def _is_n(ch):
    return unicodedata.category(ch).startswith("N")


def pre_split(text):
    """Matches of SPLIT_REGEX (leftmost-first alternation), i.e. Split(invert=true, Removed)."""
    pieces = []
    i, n = 0, len(text)
    fixed = [SOT, EOT, "'s", "'t", "'re", "'ve", "'m", "'ll", "'d"]
    while i < n:
        hit = next((f for f in fixed if text.startswith(f, i)), None)
        if hit is not None:
            pieces.append(hit)
            i += len(hit)
            continue
        ch = text[i]
        j = i + 1
        if _is_l(ch):
            while j < n and _is_l(text[j]):
                j += 1
        elif _is_n(ch):
            pass
        elif ch not in _WHITESPACE:
            while j < n and not (text[j] in _WHITESPACE or _is_l(text[j]) or _is_n(text[j])):
                j += 1
        else:
            i += 1  # whitespace is never part of a match
            continue
        pieces.append(text[i:j])
        i = j
    return pieces


def byte_level(piece):
    return "".join(BYTE_ENCODER[b] for b in piece.encode("utf-8"))


def word_symbols(word):
    """Initial BPE symbols of a byte-level word: chars, last one with the </w> suffix."""
    syms = list(word)
    syms[-1] = syms[-1] + "</w>"
    return syms


def train_bpe(corpus_texts, num_merges):
    """Tiny deterministic BPE trainer (most frequent pair, ties -> lexicographically smallest)."""
    freqs = Counter()
    for t in corpus_texts:
        for piece in pre_split(normalize(t)):
            if piece in (SOT, EOT):
                continue
            freqs[byte_level(piece)] += 1
    words = {w: word_symbols(w) for w in sorted(freqs)}
    merges = []
    while len(merges) < num_merges:
        pairs = Counter()
        for w, syms in words.items():
            for a, b in zip(syms, syms[1:]):
                pairs[(a, b)] += freqs[w]
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        a, b = best
        for w, syms in words.items():
            out = []
            k = 0
            while k < len(syms):
                if k + 1 < len(syms) and syms[k] == a and syms[k + 1] == b:
                    out.append(a + b)
                    k += 2
                else:
                    out.append(syms[k])
                    k += 1
            words[w] = out
    return merges


class RefTokenizer:
    def __init__(self, vocab, merges):
        self.vocab = vocab
        self.merges = list(merges)
        self.ranks = {m: i for i, m in enumerate(self.merges)}

    def bpe(self, word):
        syms = word_symbols(word)
        while len(syms) > 1:
            pairs = [(self.ranks.get((a, b), float("inf")), k)
                     for k, (a, b) in enumerate(zip(syms, syms[1:]))]
            rank, _ = min(pairs)
            if rank == float("inf"):
                break
            a, b = self.merges[rank]
            out = []
            k = 0
            while k < len(syms):
                if k + 1 < len(syms) and syms[k] == a and syms[k + 1] == b:
                    out.append(a + b)
                    k += 2
                else:
                    out.append(syms[k])
                    k += 1
            syms = out
        return syms

    def tokenize(self, text):
        """ids with <|startoftext|> ... <|endoftext|>, no padding/truncation."""
        ids = [self.vocab[SOT]]
        for piece in pre_split(normalize(text)):
            if piece in (SOT, EOT):
                ids.append(self.vocab[piece])
                continue
            ids.extend(self.vocab.get(s, self.vocab[EOT]) for s in self.bpe(byte_level(piece)))
        ids.append(self.vocab[EOT])
        return ids

    def encode_padded(self, text, length=CONTEXT_LENGTH):
        ids = self.tokenize(text)
        if len(ids) > length:
            ids = ids[:length - 1] + [self.vocab[EOT]]
        mask = [1] * len(ids) + [0] * (length - len(ids))
        ids = ids + [self.vocab[EOT]] * (length - len(ids))
        return ids, mask


def build_tokenizer():
    corpus = []
    for label in OBJECTS + BACKGROUNDS:
        corpus.extend(t.format(label) for t in TEMPLATES)
    corpus.append(" ".join(COMMON_WORDS))
    merges = train_bpe(corpus, NUM_MERGES)

    base = list(BYTE_ENCODER.values())
    tokens = base + [c + "</w>" for c in base]
    seen = set(tokens)
    for a, b in merges:
        if a + b not in seen:
            seen.add(a + b)
            tokens.append(a + b)
    tokens += [SOT, EOT]
    vocab = {t: i for i, t in enumerate(tokens)}
    sot_id, eot_id = vocab[SOT], vocab[EOT]

    def added(tok, idx):
        return {"id": idx, "content": tok, "single_word": False, "lstrip": False,
                "rstrip": False, "normalized": True, "special": True}

    tok_json = {
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": CONTEXT_LENGTH,
                       "strategy": "LongestFirst", "stride": 0},
        "padding": {"strategy": {"Fixed": CONTEXT_LENGTH}, "direction": "Right",
                    "pad_to_multiple_of": None, "pad_id": eot_id, "pad_type_id": 0,
                    "pad_token": EOT},
        "added_tokens": [added(SOT, sot_id), added(EOT, eot_id)],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "NFC"},
            {"type": "Replace", "pattern": {"Regex": r"\s+"}, "content": " "},
            {"type": "Lowercase"}]},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": SPLIT_REGEX}, "behavior": "Removed",
             "invert": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True,
             "use_regex": False}]},
        "post_processor": {"type": "RobertaProcessing", "sep": [EOT, eot_id],
                           "cls": [SOT, sot_id], "trim_offsets": False,
                           "add_prefix_space": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True,
                    "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": EOT,
                  "continuing_subword_prefix": "", "end_of_word_suffix": "</w>",
                  "fuse_unk": False, "byte_fallback": False, "vocab": vocab,
                  "merges": [a + " " + b for a, b in merges]},
    }
    return tok_json, RefTokenizer(vocab, merges), len(merges)


# --------------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------------

class TinyClip(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        # image tower: 7x7 patches of 32x32 -> 16 channels; global mean + 2x2 pooled map
        self.patch = nn.Conv2d(3, 16, kernel_size=32, stride=32)
        self.visual_proj = nn.Linear(16 + 16 * 4, EMBED)
        # text tower: token + position embeddings, causal running-mean mixing, EOT pooling
        self.token_embedding = nn.Embedding(vocab_size, EMBED)
        self.positional_embedding = nn.Parameter(torch.randn(CONTEXT_LENGTH, EMBED) * 0.1)
        self.mix = nn.Linear(2 * EMBED, EMBED)
        self.text_proj = nn.Linear(EMBED, EMBED, bias=False)

    @torch.jit.export
    def get_image_features(self, pixel_values: torch.Tensor) -> torch.Tensor:
        x = F.gelu(self.patch(pixel_values))                      # [B,16,7,7]
        g = x.mean(dim=[2, 3])                                    # [B,16]
        p = F.adaptive_avg_pool2d(x, [2, 2]).flatten(1)           # [B,64]
        return self.visual_proj(torch.cat([g, p], dim=1))         # [B,32]

    @torch.jit.export
    def get_text_features(self, input_ids: torch.Tensor,
                          attention_mask: torch.Tensor) -> torch.Tensor:
        seq_len = input_ids.size(1)
        x = self.token_embedding(input_ids) + self.positional_embedding[:seq_len].unsqueeze(0)
        m = attention_mask.to(x.dtype).unsqueeze(-1)              # [B,L,1]
        # causal context (like CLIP's causal attention): mean of the tokens up to each position
        ctx = torch.cumsum(x * m, dim=1) / torch.cumsum(m, dim=1).clamp(min=1.0)
        h = ctx + F.gelu(self.mix(torch.cat([x, ctx], dim=-1)))   # [B,L,32]
        eot = input_ids.argmax(dim=-1)                            # EOT has the highest id
        rows = torch.arange(h.size(0), device=h.device)
        return self.text_proj(h[rows, eot])                       # [B,32]

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.get_image_features(pixel_values)


class TinyImageEncoder(nn.Module):
    """TinyClip.get_image_features in ops ONNX can export: adaptive_avg_pool2d from 7x7 to 2x2
    (overlapping bins 0-3 and 3-6) is written out as four means."""

    def __init__(self, clip: TinyClip):
        super().__init__()
        self.clip = clip

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        x = F.gelu(self.clip.patch(pixel_values))                 # [B,16,7,7]
        g = x.mean(dim=[2, 3])
        bins = [(0, 4), (3, 7)]
        p = torch.stack([x[:, :, r0:r1, c0:c1].mean(dim=[2, 3])
                         for r0, r1 in bins for c0, c1 in bins], dim=2).flatten(1)
        return self.clip.visual_proj(torch.cat([g, p], dim=1))


def write_onnx_variant(out_dir, model, ref, variant):
    """tiny-clip-image.onnx and tiny-clip-text.onnx (+ manifest) for ONNX Runtime."""
    import onnx  # Debian: python3-onnx
    image_file, text_file = "tiny-clip-image.onnx", "tiny-clip-text.onnx"
    image_encoder = TinyImageEncoder(model).eval()
    gen = torch.Generator().manual_seed(1)
    imgs = torch.randn(2, 3, IMAGE_SIZE, IMAGE_SIZE, generator=gen)
    with torch.no_grad():
        assert torch.allclose(image_encoder(imgs), model.get_image_features(imgs), atol=1e-5)
    enc = [ref.encode_padded(t) for t in ("a photo of a cat.", "a photo of a dog.")]
    ids = torch.tensor([e[0] for e in enc], dtype=torch.int64)
    mask = torch.tensor([e[1] for e in enc], dtype=torch.int64)
    export_onnx(image_encoder, TextEncoder(model), imgs, ids, mask,
                os.path.join(out_dir, image_file), os.path.join(out_dir, text_file))
    if variant == "onnx-int8":
        from onnx_int8 import quantize_dynamic
        for name in (image_file, text_file):
            quantized, count = quantize_dynamic(onnx.load(os.path.join(out_dir, name)))
            onnx.save(quantized, os.path.join(out_dir, name))
            print(f"{name}: {count} weight products quantized to int8")
    for name in (image_file, text_file):
        graph = onnx.load(os.path.join(out_dir, name))
        onnx.checker.check_model(graph)
        print(f"{name}: inputs {[i.name for i in graph.graph.input]}, "
              f"outputs {[o.name for o in graph.graph.output]}, "
              f"ops {sorted(set(n.op_type for n in graph.graph.node))}")
    precision = variant.split("-", 1)[1]
    write_manifest(out_dir, model_id("tiny-clip-test-1", variant),
                   f"Tiny CLIP-shaped test model (random weights), {variant} variant", EMBED,
                   image_file, "tokenizer.json", engine="OnnxRuntime", precision=precision,
                   text_model_file=text_file, near_duplicate_min_cosine=RANDOM_WEIGHTS_VETO)
    for name in sorted(os.listdir(out_dir)):
        print(f"{os.path.getsize(os.path.join(out_dir, name)):>10}  {name}")


# --------------------------------------------------------------------------------------------


def cosine(a, b):
    return F.cosine_similarity(a, b, dim=-1)


def main():
    # TorchScript serialises some module attributes in set-iteration order; pin the hash seed
    # so that re-running the script produces a byte-identical tiny-clip.pt.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", metavar="OUT_DIR", nargs="?", help="model folder to write")
    parser.add_argument("--variant", choices=VARIANTS + ONNX_VARIANTS, default="fp32",
                        help="fp32 (default), int8 (dynamic quantization of the Linear layers), "
                             "bf16 (bfloat16 weights, float32 in and out), onnx-fp32 (two ONNX "
                             "files for ONNX Runtime), onnx-int8 (the same with int8 weight "
                             "products, see onnx_int8.py)")
    args = parser.parse_args()
    variant = args.variant

    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    default_name = "tiny-clip" if variant == "fp32" else f"tiny-clip-{variant}"
    out_dir = args.out_dir or os.path.join(repo_root, "src", "test", "resources", "models",
                                           default_name)
    os.makedirs(out_dir, exist_ok=True)

    tok_json, ref, n_merges = build_tokenizer()
    vocab = tok_json["model"]["vocab"]
    tok_path = os.path.join(out_dir, "tokenizer.json")
    write_json(tok_path, tok_json, indent=None)

    cases = ["a photo of a cat.", "A  Close-up PHOTO of a dog.", "zebra"]
    if variant == "fp32":
        with open(os.path.join(out_dir, "tokenizer-expected.json"), "w", encoding="utf-8",
                  newline="\n") as f:
            rows = [json.dumps({"text": t, "ids": ref.tokenize(t)}, ensure_ascii=False)
                    for t in cases]
            f.write("[\n  " + ",\n  ".join(rows) + "\n]\n")

    torch.manual_seed(0)
    model = TinyClip(len(vocab)).eval()
    if variant in ONNX_VARIANTS:
        write_onnx_variant(out_dir, model, ref, variant)
        return
    model_file = file_name("tiny-clip.pt", variant)
    if variant == "fp32":
        scripted = torch.jit.script(model)
    else:
        scripted = make_variant(model, variant)
    model_path = os.path.join(out_dir, model_file)
    torch.jit.save(scripted, model_path)

    name = "Tiny CLIP-shaped test model (random weights)"
    if variant != "fp32":
        name += f", {variant} variant"
    manifest = write_manifest(out_dir, model_id("tiny-clip-test-1", variant), name, EMBED,
                              model_file, "tokenizer.json", precision=variant,
                              near_duplicate_min_cosine=RANDOM_WEIGHTS_VETO)

    # ---------------------------------------------------------------- self-check
    loaded = torch.jit.load(model_path)
    loaded.eval()
    with torch.no_grad():
        gen = torch.Generator().manual_seed(1)
        imgs = torch.randn(2, 3, IMAGE_SIZE, IMAGE_SIZE, generator=gen)
        img_f = loaded.get_image_features(imgs)
        assert img_f.shape == (2, EMBED) and img_f.dtype == torch.float32, img_f.shape
        assert torch.equal(loaded.forward(imgs), img_f)
        if variant == "int8":
            # dynamic quantization scales the activations per batch: batch-mates move the features a little
            assert cosine(loaded.get_image_features(imgs[:1]), img_f[:1]).item() > 0.999
        else:
            assert torch.equal(loaded.get_image_features(imgs[:1]), img_f[:1]) or torch.allclose(
                loaded.get_image_features(imgs[:1]), img_f[:1], atol=1e-6)

        texts = ["a photo of a cat.", "a photo of a dog."]
        enc = [ref.encode_padded(t) for t in texts]
        ids = torch.tensor([e[0] for e in enc], dtype=torch.int64)
        mask = torch.tensor([e[1] for e in enc], dtype=torch.int64)
        txt_f = loaded.get_text_features(ids, mask)
        assert txt_f.shape == (2, EMBED) and txt_f.dtype == torch.float32, txt_f.shape
        # unpadded input (any L <= 77) gives the same features as the padded one
        raw = ref.tokenize(texts[0])
        short = loaded.get_text_features(torch.tensor([raw]), torch.ones(1, len(raw),
                                                                        dtype=torch.int64))
        if variant == "int8":
            assert cosine(short, txt_f[:1]).item() > 0.999
        else:
            assert torch.allclose(short, txt_f[:1], atol=1e-5)

        # content dependence: solid colours / layouts must be clearly different
        def norm(rgb):
            t = torch.tensor(rgb, dtype=torch.float32).view(1, 3, 1, 1)
            return (t - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)
        red = norm([1.0, 0.0, 0.0]).expand(1, 3, IMAGE_SIZE, IMAGE_SIZE)
        blue = norm([0.0, 0.0, 1.0]).expand(1, 3, IMAGE_SIZE, IMAGE_SIZE)
        split = red.clone()
        split[..., IMAGE_SIZE // 2:] = blue[..., IMAGE_SIZE // 2:]
        f = loaded.get_image_features(torch.cat([red, blue, split, split.flip(-1)]))
        img_cos = {"red/blue": cosine(f[0], f[1]).item(),
                   "red/split": cosine(f[0], f[2]).item(),
                   "split/mirrored": cosine(f[2], f[3]).item(),
                   "random0/random1": cosine(img_f[0], img_f[1]).item()}
        txt_cos = cosine(txt_f[0], txt_f[1]).item()
        if variant != "fp32":
            fp32_img = model.get_image_features(torch.cat([imgs, red, blue, split]))
            fp32_txt = model.get_text_features(ids, mask)
            var_img = loaded.get_image_features(torch.cat([imgs, red, blue, split]))
            img_to_fp32 = cosine(fp32_img, var_img).min().item()
            txt_to_fp32 = cosine(fp32_txt, txt_f).min().item()
            print(f"{variant} vs fp32: lowest cosine images {img_to_fp32:.5f}, "
                  f"texts {txt_to_fp32:.5f}")
            assert img_to_fp32 > 0.99 and txt_to_fp32 > 0.99, (img_to_fp32, txt_to_fp32)

    print(f"vocab size {len(vocab)} ({n_merges} merges); "
          f"{SOT}={vocab[SOT]} {EOT}={vocab[EOT]}")
    print("image cosines: " + ", ".join(f"{k}={v:.3f}" for k, v in img_cos.items()))
    print(f"text cosine cat/dog: {txt_cos:.3f}")
    for c in cases:
        print(f"  {c!r} -> {ref.tokenize(c)}")
    assert max(img_cos.values()) < 0.95, img_cos
    assert txt_cos < 0.98, txt_cos
    total = 0
    for name in sorted(os.listdir(out_dir)):
        size = os.path.getsize(os.path.join(out_dir, name))
        total += size
        print(f"{size:>10}  {name}")
    print(f"{total:>10}  total")


if __name__ == "__main__":
    main()
