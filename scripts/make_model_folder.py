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

The int8 ONNX variant the application downloads on its own can be assembled by hand the same way:

  1. download vision_model_quantized.onnx and text_model_quantized.onnx from
       https://huggingface.co/Xenova/clip-vit-base-patch32/tree/d15189d7028b43f1d3e65039190477f6af591c2a/onnx
     and the tokenizer.json above
  2. python3 scripts/make_model_folder.py --onnx-int8 vision_model_quantized.onnx text_model_quantized.onnx \
       --tokenizer tokenizer.json --out DIR
     (or put DIR at <cache folder>/models/clip-vit-base-patch32-onnx-int8)

Both ONNX files are checked against the SHA-256 the application pins; another file is refused.
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
ONNX_MODEL_ID = "openai/clip-vit-base-patch32@xenova-onnx"
# the same pins as ModelSources.clipVitBasePatch32OnnxInt8() in the application
ONNX_INT8_SHA256 = {
    "vision_model_quantized.onnx": "583fd1110a514667812fee7d684952aaf82a99b959760c8d7dca7e0ab9839299",
    "text_model_quantized.onnx": "73baab855d406190da9faa498cfedf65f15cf309f4cc7385b7b032e6d08e5c3a",
}


def holds_pt(archive):
    with zipfile.ZipFile(archive) as z:
        return any(n.endswith(".pt") for n in z.namelist())


def extract_pt(archive, target):
    with zipfile.ZipFile(archive) as z:
        entries = [n for n in z.namelist() if n.endswith(".pt") and not n.startswith("/") and ".." not in n]
        if len(entries) != 1:
            sys.exit(f"{archive}: expected exactly one .pt file inside, found {entries or 'none'}")
        with z.open(entries[0]) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", help="clip.zip from DJL, or a TorchScript .pt file")
    source.add_argument("--onnx-int8", nargs=2, metavar=("VISION", "TEXT"),
                        help="Xenova's vision_model_quantized.onnx and text_model_quantized.onnx")
    parser.add_argument("--tokenizer", required=True, help="tokenizer.json of openai/clip-vit-base-patch32")
    parser.add_argument("--out", required=True, help="folder to create (must not exist)")
    parser.add_argument("--model-id", help="id recorded in libraries built with this model")
    args = parser.parse_args()
    if args.onnx_int8:
        for path, name in zip(args.onnx_int8, ONNX_INT8_SHA256):
            if sha256(path) != ONNX_INT8_SHA256[name]:
                sys.exit(f"{path} is not Xenova's {name} at the pinned revision (SHA-256 differs); refusing it")

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
        shutil.copyfile(args.tokenizer, os.path.join(work, "tokenizer.json"))
        if args.onnx_int8:
            names = list(ONNX_INT8_SHA256)
            for path, name in zip(args.onnx_int8, names):
                shutil.copyfile(path, os.path.join(work, name))
            write_manifest(work, args.model_id or ONNX_MODEL_ID, "CLIP ViT-B/32 (OpenAI; int8 ONNX export by Xenova)",
                           512, names[0], "tokenizer.json", tokenizer_sha256=tokenizer_hash, engine="OnnxRuntime",
                           precision="int8", text_model_file=names[1])
        else:
            model_path = os.path.join(work, "clip.pt")
            # a TorchScript file is itself a zip archive, but one without a .pt entry inside
            if zipfile.is_zipfile(args.model) and holds_pt(args.model):
                extract_pt(args.model, model_path)
            else:
                shutil.copyfile(args.model, model_path)
            write_manifest(work, args.model_id or MODEL_ID, "CLIP ViT-B/32 (OpenAI), TorchScript", 512, "clip.pt",
                           "tokenizer.json", tokenizer_sha256=tokenizer_hash)
        os.rename(work, args.out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    print(f"Model folder ready: {args.out}")


if __name__ == "__main__":
    main()
