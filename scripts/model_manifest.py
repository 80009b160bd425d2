"""The model folder format AI Image Organizer reads (org.imageorganizer.ml.ModelManifest), written
in one place for the scripts that make model folders. Standard library only."""
import hashlib
import json
import os

CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_json(path, obj, indent=2):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, ensure_ascii=False, indent=indent)
        f.write("\n")


ENGINES = ("PyTorch", "OnnxRuntime")
PRECISIONS = ("fp32", "int8", "bf16")


def write_manifest(folder, model_id, name, embedding_size, model_file, tokenizer_file, tokenizer_sha256=None,
                   engine="PyTorch", precision="fp32", text_model_file=None, near_duplicate_min_cosine=None):
    """Writes folder/manifest.json for a CLIP-style model (224 px, CLIP mean/std, 77 tokens, logit scale 100)
    with the SHA-256 of both files; returns the manifest.

    engine is DJL's engine name, "PyTorch" (TorchScript) or "OnnxRuntime"; precision is "fp32", "int8"
    or "bf16". Absent from a manifest, they mean PyTorch and fp32. Give each variant its own model_id
    (model_variants.model_id: the fp32 id with "@int8", "@bf16"): the library stores it with every
    embedding, and embeddings of different variants must not be mixed. An OnnxRuntime folder has two
    graphs: model_file is the image encoder, text_model_file the text encoder. near_duplicate_min_cosine is
    the model's near-duplicate veto (ADR 0033): -1 for a random-weight model, which cannot tell content
    apart; absent, the application uses its default for CLIP ViT-B/32."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
    if (engine == "OnnxRuntime") != (text_model_file is not None):
        raise ValueError("text_model_file is given for OnnxRuntime folders, and only for them")
    manifest = {
        "format_version": 1,
        "model_id": model_id,
        "name": name,
        "engine": engine,
        "precision": precision,
        "embedding_size": embedding_size,
        "image_size": 224,
        "mean": CLIP_MEAN,
        "std": CLIP_STD,
        "context_length": 77,
        "logit_scale": 100.0,
        "model_file": model_file,
        "tokenizer_file": tokenizer_file,
        "files": [
            {"path": model_file, "sha256": sha256(os.path.join(folder, model_file))},
            {"path": tokenizer_file,
             "sha256": tokenizer_sha256 or sha256(os.path.join(folder, tokenizer_file))},
        ],
    }
    if text_model_file is not None:
        manifest["text_model_file"] = text_model_file
        manifest["files"].insert(1, {"path": text_model_file,
                                     "sha256": sha256(os.path.join(folder, text_model_file))})
    if near_duplicate_min_cosine is not None:
        manifest["near_duplicate_min_cosine"] = near_duplicate_min_cosine
    write_json(os.path.join(folder, "manifest.json"), manifest)
    return manifest
