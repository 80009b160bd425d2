#!/usr/bin/env python3
"""Builds a model folder AI Image Organizer accepts (--model-dir) from files downloaded by hand.

Use it when the application cannot download the CLIP model itself (no network on that machine,
or a build whose model checksum is not pinned yet):

  1. On any computer with a browser, download
       https://resources.djl.ai/demo/pytorch/clip.zip          (TorchScript CLIP ViT-B/32, by DJL)
       https://huggingface.co/openai/clip-vit-base-patch32/resolve/3d74acf9a28c67741b2f4f2ea7635f0aaf6f0268/tokenizer.json
  2. python3 scripts/make_model_folder.py --model clip.zip --tokenizer tokenizer.json --out DIR
  3. java -jar target/image-organizer.jar organize PHOTOS --model-dir DIR
     (or put DIR at <cache folder>/models/clip-vit-base-patch32 to make it the default)

Only the Python standard library is needed. A .pt file (for example one you traced yourself with
scripts/export_clip_torchscript.py) can be given instead of the zip.
"""
import argparse
import os
import shutil
import sys
import tempfile
import zipfile

from model_manifest import sha256, write_manifest

TOKENIZER_SHA256 = "b556ac8c99757ffb677208af34bc8c6721572114111a6e0aaf5fa69ff0b8d842"
MODEL_ID = "openai/clip-vit-base-patch32@djl-clip-zip"


def extract_pt(archive, target):
    with zipfile.ZipFile(archive) as z:
        entries = [n for n in z.namelist() if n.endswith(".pt") and not n.startswith("/") and ".." not in n]
        if len(entries) != 1:
            sys.exit(f"{archive}: expected exactly one .pt file inside, found {entries or 'none'}")
        with z.open(entries[0]) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, help="clip.zip from DJL, or a TorchScript .pt file")
    parser.add_argument("--tokenizer", required=True, help="tokenizer.json of openai/clip-vit-base-patch32")
    parser.add_argument("--out", required=True, help="folder to create (must not exist)")
    parser.add_argument("--model-id", default=MODEL_ID, help="id recorded in libraries built with this model")
    args = parser.parse_args()

    if os.path.exists(args.out):
        sys.exit(f"{args.out} already exists; choose a new folder")
    tokenizer_hash = sha256(args.tokenizer)
    if tokenizer_hash != TOKENIZER_SHA256:
        print(f"warning: {args.tokenizer} has SHA-256 {tokenizer_hash}, not the pinned CLIP tokenizer {TOKENIZER_SHA256}",
              file=sys.stderr)

    parent = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(parent, exist_ok=True)
    work = tempfile.mkdtemp(prefix=".model-", dir=parent)
    try:
        model_path = os.path.join(work, "clip.pt")
        if zipfile.is_zipfile(args.model):
            extract_pt(args.model, model_path)
        else:
            shutil.copyfile(args.model, model_path)
        shutil.copyfile(args.tokenizer, os.path.join(work, "tokenizer.json"))
        write_manifest(work, args.model_id, "CLIP ViT-B/32 (OpenAI), TorchScript", 512, "clip.pt", "tokenizer.json",
                       tokenizer_sha256=tokenizer_hash)
        os.rename(work, args.out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    print(f"Model folder ready: {args.out}")


if __name__ == "__main__":
    main()
