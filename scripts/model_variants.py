"""The PyTorch variants of a CLIP-shaped module (fp32, int8, bf16), made in one place for
make_tiny_clip.py and make_bench_model.py. Needs Debian's python3-torch.

Every variant is a scripted TorchScript module with the same three methods as the fp32 model
(get_image_features, get_text_features, forward) that takes and returns float32 tensors, so the
application loads all of them the same way:

- fp32: the module as it is.
- int8: dynamic quantization of every nn.Linear (weights int8, activations quantized per batch at
  run time), torch.ao.quantization.quantize_dynamic.
- bf16: weights in bfloat16; the module casts the pixels to bfloat16 on the way in and the
  features back to float32 on the way out. DJL cannot hand bfloat16 tensors across JNI (asking
  for DataType.BFLOAT16 aborts the JVM), so every cast stays inside the model.
"""
import torch
import torch.nn as nn

VARIANTS = ("fp32", "int8", "bf16")
ONNX_VARIANTS = ("onnx-fp32", "onnx-int8")


class Bf16Clip(nn.Module):
    """A CLIP-shaped module with bfloat16 weights behind float32 inputs and outputs."""

    def __init__(self, inner: nn.Module):
        super().__init__()
        self.inner = inner.to(torch.bfloat16)

    @torch.jit.export
    def get_image_features(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.inner.get_image_features(pixel_values.to(torch.bfloat16)).to(torch.float32)

    @torch.jit.export
    def get_text_features(self, input_ids: torch.Tensor,
                          attention_mask: torch.Tensor) -> torch.Tensor:
        return self.inner.get_text_features(input_ids, attention_mask).to(torch.float32)

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.get_image_features(pixel_values)


def make_variant(model: nn.Module, variant: str) -> torch.jit.ScriptModule:
    """The scripted variant of an fp32 module in eval mode (the module itself is not changed)."""
    import copy
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
    model = copy.deepcopy(model).eval()
    if variant == "int8":
        model = torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
    elif variant == "bf16":
        model = Bf16Clip(model).eval()
    with torch.no_grad():
        return torch.jit.script(model)


class ImageEncoder(nn.Module):
    """forward = get_image_features, for torch.onnx.export (which exports forward only)."""

    def __init__(self, clip: nn.Module):
        super().__init__()
        self.clip = clip

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.clip.get_image_features(pixel_values)


class TextEncoder(nn.Module):
    """forward = get_text_features, for torch.onnx.export."""

    def __init__(self, clip: nn.Module):
        super().__init__()
        self.clip = clip

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.clip.get_text_features(input_ids, attention_mask)


def export_onnx(image_encoder: nn.Module, text_encoder: nn.Module, pixel_values, input_ids,
                attention_mask, image_path: str, text_path: str, opset: int = 14):
    """Exports the two encoders as two ONNX files in the layout the application reads (and
    Xenova/clip-vit-base-patch32 publishes): pixel_values -> image_embeds; input_ids,
    attention_mask -> text_embeds; batch and sequence length dynamic.

    Runs with gradients enabled on purpose: Debian's torch 1.13 fails to export
    nn.MultiheadAttention under torch.no_grad (aten::_native_multi_head_attention)."""
    image_encoder.eval()
    text_encoder.eval()
    with torch.enable_grad():
        torch.onnx.export(image_encoder, (pixel_values,), image_path, opset_version=opset,
                          input_names=["pixel_values"], output_names=["image_embeds"],
                          dynamic_axes={"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"}})
        torch.onnx.export(text_encoder, (input_ids, attention_mask), text_path, opset_version=opset,
                          input_names=["input_ids", "attention_mask"], output_names=["text_embeds"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                        "attention_mask": {0: "batch", 1: "sequence"},
                                        "text_embeds": {0: "batch"}})


def model_id(base_id: str, variant: str) -> str:
    """The model id stored with the embeddings: the fp32 id as it is, other variants with '@variant'
    (the same rule as ModelManifest.modelId() in Java)."""
    return base_id if variant == "fp32" else f"{base_id}@{variant}"


def file_name(base_name: str, variant: str) -> str:
    """tiny-clip.pt -> tiny-clip-int8.pt (fp32 keeps its name)."""
    if variant == "fp32":
        return base_name
    stem, dot, ext = base_name.rpartition(".")
    return f"{stem}-{variant}.{ext}" if dot else f"{base_name}-{variant}"
