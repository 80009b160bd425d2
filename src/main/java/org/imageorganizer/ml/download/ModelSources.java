package org.imageorganizer.ml.download;

import java.net.URI;
import java.util.List;
import org.imageorganizer.ml.ModelManifest;

/** The models this application knows how to download. See docs/decisions/0005-model-download.md. */
public final class ModelSources {
    /** Folder name of {@link #clipVitBasePatch32()}. */
    public static final String CLIP_VIT_BASE_PATCH32 = "clip-vit-base-patch32";
    /** Folder name of {@link #clipVitBasePatch32OnnxInt8()}. */
    public static final String CLIP_VIT_BASE_PATCH32_ONNX_INT8 = "clip-vit-base-patch32-onnx-int8";
    /** The Hugging Face revision of Xenova/clip-vit-base-patch32 whose files are pinned here. */
    static final String XENOVA_REVISION = "d15189d7028b43f1d3e65039190477f6af591c2a";
    /** The revision of openai/clip-vit-base-patch32 whose tokenizer.json is pinned here. */
    static final String OPENAI_REVISION = "3d74acf9a28c67741b2f4f2ea7635f0aaf6f0268";

    /** OpenAI CLIP normalisation (mean and std of the training images, RGB). */
    private static final List<Double> CLIP_MEAN = List.of(0.48145466, 0.4578275, 0.40821073);
    private static final List<Double> CLIP_STD = List.of(0.26862954, 0.26130258, 0.27577711);

    private ModelSources() {
    }

    /**
     * OpenAI CLIP ViT-B/32 as a TorchScript module: DJL's own CLIP example archive (a trace of
     * {@code openai/clip-vit-base-patch32} through Hugging Face {@code CLIPModel} with
     * {@code torchscript=True}, exposing {@code get_image_features} and {@code get_text_features}),
     * and the matching Hugging Face tokenizer pinned to a repository revision.
     */
    public static ModelSource clipVitBasePatch32() {
        RemoteFile model = RemoteFile.zipped(
                "clip.zip",
                URI.create("https://resources.djl.ai/demo/pytorch/clip.zip"),
                // NOT PINNED. No public source available offline states the SHA-256 (or size) of
                // clip.zip, and a checksum learned from whatever the first download returns would be
                // trust-on-first-use, which this project does not do. Until someone with network access
                // downloads the archive, checks that it holds clip.pt, and pins its SHA-256 (and size)
                // here, ModelDownloader refuses this file and tells the user how to supply the model
                // by hand. See docs/decisions/0005-model-download.md.
                null,
                -1,
                "clip.pt", // believed to be the entry name (DJL loads the archive as model "clip"); unverified
                "clip.pt");
        RemoteFile tokenizer = RemoteFile.plain(
                "tokenizer.json",
                URI.create("https://huggingface.co/openai/clip-vit-base-patch32/resolve/" + OPENAI_REVISION
                        + "/tokenizer.json"),
                "b556ac8c99757ffb677208af34bc8c6721572114111a6e0aaf5fa69ff0b8d842",
                2_224_041);
        ModelSource.ManifestValues manifest = ModelSource.ManifestValues.torchScript(
                "openai/clip-vit-base-patch32@djl-clip-zip", "fp32", 512, 224, CLIP_MEAN, CLIP_STD, 77, 100.0,
                "clip.pt", "tokenizer.json");
        return new ModelSource(CLIP_VIT_BASE_PATCH32, "CLIP ViT-B/32 (OpenAI; TorchScript export by DJL)",
                List.of(model, tokenizer), manifest);
    }

    /**
     * The same OpenAI CLIP ViT-B/32 as two ONNX graphs with int8 weights (dynamic quantization of the
     * weight MatMuls), run by DJL's ONNX Runtime engine: the exports Xenova publishes for
     * transformers.js ({@code onnx/vision_model_quantized.onnx} with input {@code pixel_values} and
     * output {@code image_embeds}, {@code onnx/text_model_quantized.onnx} with {@code input_ids} and
     * {@code text_embeds}), pinned to a revision and their SHA-256, with OpenAI's tokenizer (pinned
     * as in {@link #clipVitBasePatch32()}). See docs/decisions/0013-model-variants.md.
     */
    public static ModelSource clipVitBasePatch32OnnxInt8() {
        String base = "https://huggingface.co/Xenova/clip-vit-base-patch32/resolve/" + XENOVA_REVISION + "/onnx/";
        RemoteFile vision = RemoteFile.plain("vision_model_quantized.onnx",
                URI.create(base + "vision_model_quantized.onnx"),
                "583fd1110a514667812fee7d684952aaf82a99b959760c8d7dca7e0ab9839299", 89_117_001);
        RemoteFile text = RemoteFile.plain("text_model_quantized.onnx",
                URI.create(base + "text_model_quantized.onnx"),
                "73baab855d406190da9faa498cfedf65f15cf309f4cc7385b7b032e6d08e5c3a", 64_504_507);
        ModelSource fp32 = clipVitBasePatch32();
        RemoteFile tokenizer = fp32.files().get(1);
        ModelSource.ManifestValues manifest = new ModelSource.ManifestValues(
                "openai/clip-vit-base-patch32@xenova-onnx", ModelManifest.ONNX_RUNTIME, ModelManifest.INT8, 512, 224,
                CLIP_MEAN, CLIP_STD, 77, 100.0, vision.targetName(), text.targetName(), tokenizer.targetName());
        return new ModelSource(CLIP_VIT_BASE_PATCH32_ONNX_INT8,
                "CLIP ViT-B/32 (OpenAI; int8 ONNX export by Xenova)", List.of(vision, text, tokenizer), manifest);
    }

    /**
     * The models a first run downloads for a precision: for {@code auto} every variant, for
     * {@code fp32} or {@code int8} the one of that precision (there is no published bf16 file).
     *
     * @param precision {@code auto}, {@code fp32}, {@code int8} or {@code bf16} (lower case)
     */
    public static List<ModelSource> forPrecision(String precision) {
        return switch (precision) {
            case "auto" -> List.of(clipVitBasePatch32(), clipVitBasePatch32OnnxInt8());
            case ModelManifest.FP32 -> List.of(clipVitBasePatch32());
            case ModelManifest.INT8 -> List.of(clipVitBasePatch32OnnxInt8());
            default -> List.of();
        };
    }
}
