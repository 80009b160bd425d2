package org.imageorganizer.ml.download;

import java.net.URI;
import java.util.List;

/** The models this application knows how to download. See docs/decisions/0005-model-download.md. */
public final class ModelSources {
    /** Folder name of {@link #clipVitBasePatch32()}. */
    public static final String CLIP_VIT_BASE_PATCH32 = "clip-vit-base-patch32";

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
                URI.create("https://huggingface.co/openai/clip-vit-base-patch32/resolve/"
                        + "3d74acf9a28c67741b2f4f2ea7635f0aaf6f0268/tokenizer.json"),
                "b556ac8c99757ffb677208af34bc8c6721572114111a6e0aaf5fa69ff0b8d842",
                2_224_041);
        ModelSource.ManifestValues manifest = new ModelSource.ManifestValues(
                "openai/clip-vit-base-patch32@djl-clip-zip", "fp32", 512, 224, CLIP_MEAN, CLIP_STD, 77, 100.0,
                "clip.pt", "tokenizer.json");
        return new ModelSource(CLIP_VIT_BASE_PATCH32, "CLIP ViT-B/32 (OpenAI; TorchScript export by DJL)",
                List.of(model, tokenizer), manifest);
    }
}
