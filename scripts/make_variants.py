#!/usr/bin/env python3
"""Make the bf16 variant of a real CLIP model folder and measure variants against fp32 on real photos.

For whoever publishes a release, on a machine where the real weights can be had. Usage (Debian's
Python with python3-torch and python3-pil; onnxruntime from pip only to measure ONNX variants):

    /usr/bin/python3 scripts/make_variants.py FP32_DIR [--bf16 OUT_DIR] [--measure VARIANT_DIR ...]
                                              [--photos PHOTO_DIR] [--settings settings.json]

FP32_DIR is a PyTorch fp32 model folder (manifest.json, the TorchScript with get_image_features and
get_text_features, tokenizer.json), e.g. from scripts/make_model_folder.py or
scripts/export_clip_torchscript.py.

--bf16 OUT_DIR writes a bfloat16 TorchScript variant: weights in bfloat16, pixels cast to bfloat16
inside the model and features cast back to float32 (model_variants.Bf16Clip), so the application
only ever sees float32 (DJL cannot pass bfloat16 across JNI). Its model id is the fp32 id + "@bf16".

--photos PHOTO_DIR measures every variant (the new bf16 folder and each --measure folder) against
fp32 on those photos: the lowest and mean cosine of their image embeddings and, with --settings
(the application's settings.json, which holds the labels and prompt templates), how often the
object and background labels agree. The figures go into each variant's manifest.json as
"quality"; the application's --precision auto never picks a variant whose quality says its
lowest cosine is under 0.995. Files other than manifest.json are not changed.
"""

import argparse
import json
import os
import shutil
import sys

import torch
import torch.nn.functional as F

from make_tiny_clip import RefTokenizer
from model_manifest import write_json, write_manifest
from model_variants import Bf16Clip, file_name, model_id

MIN_COSINE = 0.995
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".bmp")


def read_manifest(folder):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def make_bf16(fp32_dir, manifest, out_dir):
    """Writes the bf16 TorchScript folder next to a copy of the tokenizer; returns its path."""
    if os.path.exists(out_dir):
        sys.exit(f"error: {out_dir} exists; remove it first")
    os.makedirs(out_dir)
    source = os.path.join(fp32_dir, manifest["model_file"])
    bf16 = torch.jit.script(Bf16Clip(torch.jit.load(source, map_location="cpu")).eval())
    model_file = file_name(manifest["model_file"], "bf16")
    bf16.save(os.path.join(out_dir, model_file))
    shutil.copyfile(os.path.join(fp32_dir, manifest["tokenizer_file"]), os.path.join(out_dir, manifest["tokenizer_file"]))
    write_manifest(out_dir, model_id(manifest["model_id"], "bf16"), manifest.get("name", "CLIP") + ", bf16",
                   manifest["embedding_size"], model_file, manifest["tokenizer_file"], precision="bf16")
    print(f"wrote {out_dir}")
    return out_dir


class Encoder:
    """Image and text features of one model folder, TorchScript or (with onnxruntime) ONNX."""

    def __init__(self, folder):
        self.manifest = read_manifest(folder)
        self.folder = folder
        if self.manifest.get("engine", "PyTorch").lower() == "onnxruntime":
            import onnxruntime  # only needed to measure ONNX variants
            self.vision = onnxruntime.InferenceSession(os.path.join(folder, self.manifest["model_file"]))
            self.text = onnxruntime.InferenceSession(os.path.join(folder, self.manifest["text_model_file"]))
            self.torch = None
        else:
            self.torch = torch.jit.load(os.path.join(folder, self.manifest["model_file"]), map_location="cpu").eval()

    def images(self, pixels):
        if self.torch is not None:
            with torch.no_grad():
                return self.torch.get_image_features(pixels).float()
        out = self.vision.run(None, {"pixel_values": pixels.numpy()})
        return torch.from_numpy(out[0]).float()

    def texts(self, ids, mask):
        if self.torch is not None:
            with torch.no_grad():
                return self.torch.get_text_features(ids, mask).float()
        inputs = {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}
        wanted = {i.name for i in self.text.get_inputs()}
        out = self.text.run(None, {k: v for k, v in inputs.items() if k in wanted})
        return torch.from_numpy(out[0]).float()


def load_photos(photo_dir, manifest, limit):
    from PIL import Image
    size = manifest["image_size"]
    mean = torch.tensor(manifest["mean"]).view(3, 1, 1)
    std = torch.tensor(manifest["std"]).view(3, 1, 1)
    names = sorted(n for n in os.listdir(photo_dir) if n.lower().endswith(PHOTO_TYPES))[:limit]
    tensors = []
    for name in names:
        with Image.open(os.path.join(photo_dir, name)) as image:
            image = image.convert("RGB")
            scale = size / min(image.size)
            image = image.resize((max(size, round(image.width * scale)), max(size, round(image.height * scale))),
                                 Image.BICUBIC)
            left, top = (image.width - size) // 2, (image.height - size) // 2
            image = image.crop((left, top, left + size, top + size))
            data = torch.frombuffer(bytearray(image.tobytes()), dtype=torch.uint8).view(size, size, 3)
            tensors.append((data.permute(2, 0, 1).float() / 255 - mean) / std)
    if not tensors:
        sys.exit(f"error: no photos ({', '.join(PHOTO_TYPES)}) in {photo_dir}")
    return torch.stack(tensors), names


def batched(fn, pixels, batch=16):
    return torch.cat([fn(pixels[i:i + batch]) for i in range(0, len(pixels), batch)])


def label_space(encoder, tokenizer, labels, templates, context_length):
    """One normalised text embedding per label: the mean of its prompts' embeddings (prompt ensemble)."""
    rows = []
    for label in labels:
        encoded = [tokenizer.encode_padded(t.replace("{}", label), context_length) for t in templates]
        ids = torch.tensor([e[0] for e in encoded], dtype=torch.long)
        mask = torch.tensor([e[1] for e in encoded], dtype=torch.long)
        rows.append(F.normalize(F.normalize(encoder.texts(ids, mask), dim=-1).mean(0), dim=-1))
    return torch.stack(rows)


def tokenizer_of(folder, manifest):
    with open(os.path.join(folder, manifest["tokenizer_file"]), encoding="utf-8") as f:
        model = json.load(f)["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model["merges"]]
    return RefTokenizer(model["vocab"], merges)


def measure(reference, variant_dir, pixels, labels):
    variant = Encoder(variant_dir)
    a = F.normalize(batched(reference.images, pixels), dim=-1)
    b = F.normalize(batched(variant.images, pixels), dim=-1)
    cosine = (a * b).sum(-1)
    quality = {"reference_model_id": reference.manifest["model_id"], "photos": len(pixels),
               "cosine_min": round(cosine.min().item(), 6), "cosine_mean": round(cosine.mean().item(), 6)}
    if labels is not None:
        tokenizer = tokenizer_of(reference.folder, reference.manifest)
        length = reference.manifest.get("context_length", 77)
        for kind, names, templates in labels:
            ref_top = (a @ label_space(reference, tokenizer, names, templates, length).T).argmax(-1)
            var_top = (b @ label_space(variant, tokenizer, names, templates, length).T).argmax(-1)
            quality[f"{kind}_label_agreement"] = round((ref_top == var_top).float().mean().item(), 6)
    path = os.path.join(variant_dir, "manifest.json")
    manifest = read_manifest(variant_dir)
    manifest["quality"] = quality
    write_json(path, manifest)
    verdict = "ok" if quality["cosine_min"] >= MIN_COSINE else f"UNDER {MIN_COSINE}: auto will not choose it"
    print(f"{manifest['model_id']}: {json.dumps(quality)} ({verdict})")


def labels_from(settings_file):
    with open(settings_file, encoding="utf-8") as f:
        labels = json.load(f).get("labels") or {}
    needed = ("objects", "backgrounds", "object_templates", "background_templates")
    if not all(labels.get(k) for k in needed):
        sys.exit(f"error: {settings_file} has no complete \"labels\" ({', '.join(needed)}); "
                 "start the application once to write its defaults")
    return [("object", labels["objects"], labels["object_templates"]),
            ("background", labels["backgrounds"], labels["background_templates"])]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("fp32_dir", metavar="FP32_DIR", help="the PyTorch fp32 model folder")
    parser.add_argument("--bf16", metavar="OUT_DIR", help="write the bf16 variant here")
    parser.add_argument("--measure", metavar="VARIANT_DIR", action="append", default=[],
                        help="another variant folder to measure (repeatable)")
    parser.add_argument("--photos", metavar="PHOTO_DIR", help="real photos to measure the variants on")
    parser.add_argument("--max-photos", type=int, default=500)
    parser.add_argument("--settings", metavar="FILE", help="the application's settings.json (labels and prompts)")
    args = parser.parse_args()

    manifest = read_manifest(args.fp32_dir)
    if manifest.get("engine", "PyTorch") != "PyTorch" or manifest.get("precision", "fp32") != "fp32":
        sys.exit(f"error: {args.fp32_dir} is not a PyTorch fp32 model folder")
    variants = list(args.measure)
    if args.bf16:
        variants.insert(0, make_bf16(args.fp32_dir, manifest, args.bf16))
    if not args.photos:
        if args.measure:
            sys.exit("error: --measure needs --photos")
        return
    torch.manual_seed(0)
    pixels, names = load_photos(args.photos, manifest, args.max_photos)
    print(f"measuring on {len(names)} photos from {args.photos}")
    labels = labels_from(args.settings) if args.settings else None
    reference = Encoder(args.fp32_dir)
    for folder in variants:
        try:
            measure(reference, folder, pixels, labels)
        except ImportError as e:
            print(f"skipped {folder}: measuring an ONNX variant needs onnxruntime ({e.msg}; pip install onnxruntime)")


if __name__ == "__main__":
    main()
