#!/usr/bin/env python3
"""Generate a full-size, CLIP ViT-B/32-shaped TorchScript model with random weights, for benchmarks.

Usage (Debian's Python, which ships python3-torch and python3-torchvision):

    /usr/bin/python3 scripts/make_bench_model.py [--variant fp32|int8|bf16] OUT_DIR [--force]

The model does the same computation as openai/clip-vit-base-patch32 (ViT-B/32 image tower,
12-layer 512-wide causal text transformer), so timings and memory use are realistic, but its
weights are random (torch.manual_seed(0)) and its embeddings are meaningless. It uses the tiny
test model's tokenizer (src/test/resources/models/tiny-clip/tokenizer.json), so the token
embedding has that tokenizer's small vocabulary instead of CLIP's 49408 tokens; this changes the
parameter count and file size (about 25 M parameters / 100 MB less) but not the compute.

--variant (default fp32) picks the PyTorch variant (see model_variants.py): int8 quantizes every
nn.Linear dynamically, bf16 keeps bfloat16 weights and casts to and from float32 inside the model.

Writes a complete model folder for `--model-dir OUT_DIR`:
  bench-clip.pt    TorchScript module with get_image_features / get_text_features / forward
                   (bench-clip-int8.pt, bench-clip-bf16.pt for the variants)
  tokenizer.json   copy of the tiny test model's tokenizer
  manifest.json    model manifest (with sha256 of the two files)

OUT_DIR must be missing or empty unless --force is given (then the three files are overwritten).
No network access is needed (torchvision's ViT is built with weights=None).
"""

import argparse
import json
import os
import shutil
import sys
import time

import torch
import torch.nn as nn
import torchvision

# Random weights cannot tell content apart: the near-duplicate veto is off for this model (ADR 0033).
RANDOM_WEIGHTS_VETO = -1

from model_manifest import sha256, write_manifest
from model_variants import (ONNX_VARIANTS, VARIANTS, ImageEncoder, TextEncoder, export_onnx,
                            file_name, make_variant, model_id)

EMBED = 512
IMAGE_SIZE = 224
CONTEXT_LENGTH = 77
TEXT_WIDTH = 512
TEXT_LAYERS = 12
TEXT_HEADS = 8
TEXT_MLP = 2048
CLIP_VOCAB = 49408
MODEL_FILE = "bench-clip.pt"
TOKENIZER_FILE = "tokenizer.json"
MODEL_ID = "bench-vit-b32-random-1"


class TextBlock(nn.Module):
    """CLIP text transformer block (pre-LayerNorm, causal self-attention, 4x MLP)."""

    def __init__(self, width: int, heads: int, mlp: int):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = nn.MultiheadAttention(width, heads, batch_first=True)
        self.ln_2 = nn.LayerNorm(width)
        self.c_fc = nn.Linear(width, mlp)
        self.gelu = nn.GELU()
        self.c_proj = nn.Linear(mlp, width)

    def forward(self, x: torch.Tensor, causal_mask: torch.Tensor,
                padding_mask: torch.Tensor) -> torch.Tensor:
        h = self.ln_1(x)
        a, _ = self.attn(h, h, h, key_padding_mask=padding_mask, need_weights=False,
                         attn_mask=causal_mask)
        x = x + a
        return x + self.c_proj(self.gelu(self.c_fc(self.ln_2(x))))


class BenchClip(nn.Module):
    def __init__(self, vocab_size: int):
        super().__init__()
        # image tower: torchvision ViT-B/32, classification head -> CLIP's visual projection
        self.visual = torchvision.models.vit_b_32(weights=None)
        self.visual.heads = nn.Linear(768, EMBED, bias=False)
        # text tower
        self.token_embedding = nn.Embedding(vocab_size, TEXT_WIDTH)
        self.positional_embedding = nn.Parameter(torch.randn(CONTEXT_LENGTH, TEXT_WIDTH) * 0.01)
        self.blocks = nn.ModuleList(
            [TextBlock(TEXT_WIDTH, TEXT_HEADS, TEXT_MLP) for _ in range(TEXT_LAYERS)])
        self.ln_final = nn.LayerNorm(TEXT_WIDTH)
        self.text_projection = nn.Linear(TEXT_WIDTH, EMBED, bias=False)
        # True = may not attend (key j > query i)
        self.register_buffer(
            "causal_mask",
            torch.triu(torch.ones(CONTEXT_LENGTH, CONTEXT_LENGTH, dtype=torch.bool), diagonal=1),
            persistent=True)

    @torch.jit.export
    def get_image_features(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.visual(pixel_values)                               # [B,512]

    @torch.jit.export
    def get_text_features(self, input_ids: torch.Tensor,
                          attention_mask: torch.Tensor) -> torch.Tensor:
        seq_len = input_ids.size(1)
        x = self.token_embedding(input_ids) + self.positional_embedding[:seq_len].unsqueeze(0)
        causal = self.causal_mask[:seq_len, :seq_len]
        padding = attention_mask == 0                                  # True = padding
        for block in self.blocks:
            x = block(x, causal, padding)
        x = self.ln_final(x)
        eot = input_ids.argmax(dim=-1)                                 # EOT has the highest id
        rows = torch.arange(x.size(0), device=x.device)
        return self.text_projection(x[rows, eot])                      # [B,512]

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.get_image_features(pixel_values)


def write_onnx_variant(out_dir, model, vocab_size, variant):
    """bench-clip-image.onnx and bench-clip-text.onnx (+ manifest) for ONNX Runtime; onnx-int8
    quantizes the weight products with onnx_int8.py. No run-time check here (onnxruntime's Python
    package is not in Debian): the application's tests load the tiny ONNX variants."""
    import onnx  # Debian: python3-onnx
    image_file, text_file = "bench-clip-image.onnx", "bench-clip-text.onnx"
    eot_id = vocab_size - 1
    ids = torch.full((2, CONTEXT_LENGTH), eot_id, dtype=torch.int64)
    ids[:, 0] = eot_id - 1
    mask = torch.zeros(2, CONTEXT_LENGTH, dtype=torch.int64)
    mask[:, :5] = 1
    export_onnx(ImageEncoder(model), TextEncoder(model),
                torch.randn(2, 3, IMAGE_SIZE, IMAGE_SIZE), ids, mask,
                os.path.join(out_dir, image_file), os.path.join(out_dir, text_file))
    if variant == "onnx-int8":
        from onnx_int8 import quantize_dynamic
        for name in (image_file, text_file):
            path = os.path.join(out_dir, name)
            quantized, n = quantize_dynamic(onnx.load(path))
            onnx.save(quantized, path)
            print(f"{name}: {n} weight products quantized to int8")
    for name in (image_file, text_file):
        graph = onnx.load(os.path.join(out_dir, name))
        onnx.checker.check_model(graph)
        print(f"{name}: inputs {[i.name for i in graph.graph.input]}, "
              f"outputs {[o.name for o in graph.graph.output]}")
    manifest = write_manifest(out_dir, model_id(MODEL_ID, variant),
                              f"CLIP ViT-B/32-shaped benchmark model (random weights), {variant} variant",
                              EMBED, image_file, TOKENIZER_FILE, engine="OnnxRuntime",
                              precision=variant.split("-", 1)[1], text_model_file=text_file,
                              near_duplicate_min_cosine=RANDOM_WEIGHTS_VETO)
    for entry in manifest["files"]:
        size = os.path.getsize(os.path.join(out_dir, entry["path"]))
        print(f"{size:>12,}  {entry['path']}  sha256 {entry['sha256']}")


def count(module):
    return sum(p.numel() for p in module.parameters())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", metavar="OUT_DIR", help="model folder to write")
    parser.add_argument("--force", action="store_true",
                        help="write into OUT_DIR even if it is not empty")
    parser.add_argument("--variant", choices=VARIANTS + ONNX_VARIANTS, default="fp32",
                        help="fp32 (default), int8 (dynamic quantization of the Linear layers), "
                             "bf16 (bfloat16 weights, float32 in and out), onnx-fp32 or onnx-int8 "
                             "(two ONNX graphs for ONNX Runtime)")
    args = parser.parse_args()
    variant = args.variant

    # TorchScript serialises some module attributes in set-iteration order; pin the hash seed
    # so that re-running the script produces a byte-identical model file.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)

    out_dir = args.out_dir
    if os.path.isfile(out_dir):
        sys.exit(f"{out_dir} is a file, not a folder")
    if os.path.isdir(out_dir) and os.listdir(out_dir) and not args.force:
        sys.exit(f"{out_dir} is not empty; use --force to write into it anyway")
    os.makedirs(out_dir, exist_ok=True)

    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tiny_tok = os.path.join(repo_root, "src", "test", "resources", "models", "tiny-clip",
                            TOKENIZER_FILE)
    with open(tiny_tok, encoding="utf-8") as f:
        tok = json.load(f)
    ids = list(tok["model"]["vocab"].values()) + [t["id"] for t in tok.get("added_tokens", [])]
    vocab_size = max(ids) + 1
    tok_path = os.path.join(out_dir, TOKENIZER_FILE)
    shutil.copyfile(tiny_tok, tok_path)

    torch.manual_seed(0)
    model = BenchClip(vocab_size).eval()
    n_visual = count(model.visual)
    n_total = count(model)
    n_text = n_total - n_visual
    n_clip_equiv = n_total + (CLIP_VOCAB - vocab_size) * TEXT_WIDTH
    print(f"vocab size {vocab_size}")
    print(f"parameters: {n_total:,} total = {n_visual:,} image + {n_text:,} text "
          f"({n_clip_equiv:,} with CLIP's {CLIP_VOCAB}-token vocabulary)")
    # openai/clip-vit-base-patch32: 87.85 M image + 63.17 M text (of which 25.3 M token embedding)
    assert 87.0e6 < n_visual < 88.5e6, n_visual
    assert 150.0e6 < n_clip_equiv < 152.5e6, n_clip_equiv

    if variant in ONNX_VARIANTS:
        write_onnx_variant(out_dir, model, vocab_size, variant)
        return
    if variant == "fp32":
        with torch.no_grad():
            scripted = torch.jit.script(model)
    else:
        scripted = make_variant(model, variant)
    model_file = file_name(MODEL_FILE, variant)
    model_path = os.path.join(out_dir, model_file)
    torch.jit.save(scripted, model_path)

    name = "CLIP ViT-B/32-shaped benchmark model (random weights)"
    if variant != "fp32":
        name += f", {variant} variant"
    manifest = write_manifest(out_dir, model_id(MODEL_ID, variant), name, EMBED, model_file,
                              TOKENIZER_FILE, precision=variant,
                              near_duplicate_min_cosine=RANDOM_WEIGHTS_VETO)

    # ---------------------------------------------------------------- self-check
    loaded = torch.jit.load(model_path)
    loaded.eval()
    cosines = []

    def close(a, b, atol):
        """fp32: equal within atol; a variant: cosine to the reference at least 0.99 (int8's
        activation scales depend on the whole batch, so even batch-mates move its features)."""
        if variant == "fp32":
            return torch.allclose(a, b, atol=atol)
        c = torch.nn.functional.cosine_similarity(a, b, dim=-1).min().item()
        cosines.append(c)
        return c > 0.99

    eot_id = vocab_size - 1
    with torch.no_grad():
        gen = torch.Generator().manual_seed(1)
        imgs = torch.randn(2, 3, IMAGE_SIZE, IMAGE_SIZE, generator=gen)
        img_f = loaded.get_image_features(imgs)
        assert img_f.shape == (2, EMBED) and img_f.dtype == torch.float32, img_f.shape
        assert torch.allclose(loaded.forward(imgs), img_f, atol=1e-5)
        assert close(model.get_image_features(imgs), img_f, 1e-4)
        assert close(loaded.get_image_features(imgs[1:]), img_f[1:], 1e-4)
        three = torch.randn(3, 3, IMAGE_SIZE, IMAGE_SIZE, generator=gen)
        assert loaded.get_image_features(three).shape == (3, EMBED)

        # two texts, padded to the context length with the end-of-text id like tokenizer.json
        # (lengths 5 and 20)
        texts = [[eot_id - 1, 5, 17, 42, eot_id], [eot_id - 1] + list(range(3, 363, 20)) + [eot_id]]
        ids = torch.full((2, CONTEXT_LENGTH), eot_id, dtype=torch.int64)
        mask = torch.zeros(2, CONTEXT_LENGTH, dtype=torch.int64)
        for i, t in enumerate(texts):
            ids[i, :len(t)] = torch.tensor(t)
            mask[i, :len(t)] = 1
        txt_f = loaded.get_text_features(ids, mask)
        assert txt_f.shape == (2, EMBED) and txt_f.dtype == torch.float32, txt_f.shape
        assert torch.isfinite(txt_f).all()
        assert close(model.get_text_features(ids, mask), txt_f, 1e-4)
        # unpadded input (any L <= 77) gives the same features as the padded one
        for i, t in enumerate(texts):
            short = loaded.get_text_features(torch.tensor([t]), torch.ones(1, len(t),
                                                                           dtype=torch.int64))
            assert close(short, txt_f[i:i + 1], 1e-4), i
        assert not torch.allclose(txt_f[0], txt_f[1], atol=1e-3)
        assert not torch.allclose(img_f[0], img_f[1], atol=1e-3)

        torch.set_num_threads(2)
        batch = torch.randn(8, 3, IMAGE_SIZE, IMAGE_SIZE, generator=gen)
        loaded.get_image_features(batch)                               # warm-up
        runs = 3
        start = time.perf_counter()
        for _ in range(runs):
            loaded.get_image_features(batch)
        elapsed = time.perf_counter() - start

    print(f"get_image_features: {tuple(imgs.shape)} -> {tuple(img_f.shape)}")
    print(f"get_text_features: {tuple(ids.shape)} -> {tuple(txt_f.shape)}")
    print(f"timing: get_image_features at batch 8, 2 threads: "
          f"{elapsed / runs:.2f} s per batch, {8 * runs / elapsed:.1f} images/s")
    if cosines:
        print(f"{variant}: lowest cosine to fp32 (and to itself at another batch size) "
              f"{min(cosines):.5f}")
    for name in (model_file, TOKENIZER_FILE, "manifest.json"):
        path = os.path.join(out_dir, name)
        print(f"{os.path.getsize(path):>12,}  {name}")
    for entry in manifest["files"]:
        print(f"sha256 {entry['sha256']}  {entry['path']}")


if __name__ == "__main__":
    main()
