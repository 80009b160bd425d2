package org.imageorganizer.ml;

import org.imageorganizer.model.ModelException;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TorchScript CLIP model run in-process by DJL's PyTorch engine. The TorchScript module exposes
 * {@code get_image_features(pixel_values)} and {@code get_text_features(input_ids, attention_mask)}.
 * The fp32, int8 and bf16 variants load alike: each takes and returns float32 tensors (a bf16 model
 * casts inside itself, because DJL cannot pass bfloat16 tensors across JNI).
 * Every call allocates its tensors in a short-lived sub-manager so native memory does not grow.
 */
public final class DjlClipModel implements ClipModel {
    private static final Logger LOG = LoggerFactory.getLogger(DjlClipModel.class);
    private static final String METHOD_PREFIX = "module_method:";

    private final ModelManifest manifest;
    private final Model model;
    private final Block block;
    private final HuggingFaceTokenizer tokenizer;
    private final NativeCalls calls = new NativeCalls();
    private final NativeInputBuffer inputBuffer = new NativeInputBuffer();

    private DjlClipModel(ModelManifest manifest, Model model, HuggingFaceTokenizer tokenizer) {
        this.manifest = manifest;
        this.model = model;
        this.block = model.getBlock();
        this.tokenizer = tokenizer;
    }

    /**
     * Loads a checked model folder and verifies that both methods answer with the shapes the manifest promises.
     *
     * @throws ModelException when the files cannot be loaded or the shapes are wrong
     */
    public static DjlClipModel load(ModelFolder folder) {
        ModelManifest manifest = folder.manifest();
        if (manifest.usesOnnxRuntime()) {
            throw new ModelException("The model in " + folder.directory() + " is an ONNX Runtime variant ("
                    + manifest.variant() + "); load it with ClipModels.load.");
        }
        // fp32, int8 (dynamically quantized Linear layers) and bf16 (casts inside the model) are all
        // TorchScript taking and returning float32, so they load and run the same way
        Model model = Model.newInstance(manifest.modelId(), ModelManifest.PYTORCH);
        HuggingFaceTokenizer tokenizer = null;
        try {
            String fileName = folder.modelFile().getFileName().toString();
            model.load(folder.directory(), stripExtension(fileName), Map.of());
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(folder.tokenizerFile())
                    .optAddSpecialTokens(true)
                    .optMaxLength(manifest.contextLength())
                    .optTruncation(true)
                    .optPadding(true)
                    .build();
            DjlClipModel clip = new DjlClipModel(manifest, model, tokenizer);
            clip.checkShapes();
            LOG.info("Loaded model {} ({} {}) from {}", manifest.modelId(), manifest.djlEngine(), manifest.precision(),
                    folder.directory());
            return clip;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (tokenizer != null) {
                tokenizer.close();
            }
            if (e instanceof ModelException me) {
                throw me;
            }
            throw new ModelException("Cannot load the model in " + folder.directory() + ": " + EncoderTensors.firstLine(e), e);
        }
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public float[][] embedImages(float[] pixels, int count) {
        return calls.run(() -> imageFeatures(pixels, count));
    }

    private float[][] imageFeatures(float[] pixels, int count) {
        int size = manifest.imageSize();
        long expected = EncoderTensors.pixelCount(pixels, count, size);
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray input = scope.create(inputBuffer.copy(pixels, (int) expected), new Shape(count, 3, size, size),
                    DataType.FLOAT32);
            return run(scope, "get_image_features", count, input);
        }
    }

    @Override
    public float[][] embedTexts(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        return calls.run(() -> textFeatures(texts));
    }

    private float[][] textFeatures(List<String> texts) {
        EncoderTensors.TokenBatch tokens = EncoderTensors.TokenBatch.of(tokenizer, texts);
        try (NDManager scope = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(tokens.count(), tokens.length());
            return run(scope, "get_text_features", texts.size(),
                    scope.create(tokens.ids(), shape), scope.create(tokens.mask(), shape));
        }
    }

    private float[][] run(NDManager scope, String method, int count, NDArray... inputs) {
        NDList list = new NDList(inputs);
        NDArray selector = scope.create("");
        selector.setName(METHOD_PREFIX + method);
        list.add(selector);
        JniUtils.setGradMode(false); // grad mode is per thread in PyTorch
        NDList output = block.forward(new ParameterStore(scope, false), list, false);
        return EncoderTensors.rows(output.get(0), method, count, manifest.embeddingSize());
    }

    /** The token ids the model sees for a text (start and end tokens included, no padding). */
    long[] tokenIds(String text) {
        return calls.run(() -> tokenizer.encode(text).getIds());
    }

    private void checkShapes() {
        int size = manifest.imageSize();
        embedImages(new float[3 * size * size], 1);
        embedTexts(List.of("a photo of a cat."));
    }

    @Override
    public void close() {
        if (calls.close()) {
            tokenizer.close();
            model.close();
        }
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }


}
