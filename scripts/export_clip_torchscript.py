#!/usr/bin/env python3
"""Traces openai/clip-vit-base-patch32 to TorchScript with get_image_features and get_text_features,
the format AI Image Organizer loads, then writes a complete model folder.

Needs network access and: pip install torch transformers
  python3 scripts/export_clip_torchscript.py OUT_DIR
"""
import os
import subprocess
import sys
import tempfile

import torch
from transformers import CLIPModel, CLIPTokenizerFast

REVISION = "3d74acf9a28c67741b2f4f2ea7635f0aaf6f0268"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    model = CLIPModel.from_pretrained("openai/clip-vit-base-patch32", revision=REVISION, torchscript=True,
                                      return_dict=False).eval()
    tokenizer = CLIPTokenizerFast.from_pretrained("openai/clip-vit-base-patch32", revision=REVISION)
    text = tokenizer(["a photo of a cat."], return_tensors="pt")
    pixels = torch.zeros(1, 3, 224, 224)
    with torch.no_grad():
        traced = torch.jit.trace_module(model, {
            "get_image_features": (pixels,),
            "get_text_features": (text["input_ids"], text["attention_mask"]),
        })
    work = tempfile.mkdtemp()
    pt = os.path.join(work, "clip.pt")
    torch.jit.save(traced, pt)
    tokenizer.backend_tokenizer.save(os.path.join(work, "tokenizer.json"))
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "make_model_folder.py"), "--model", pt,
                    "--tokenizer", os.path.join(work, "tokenizer.json"), "--out", out,
                    "--model-id", "openai/clip-vit-base-patch32@hf-trace-" + REVISION[:8]], check=True)


if __name__ == "__main__":
    main()
