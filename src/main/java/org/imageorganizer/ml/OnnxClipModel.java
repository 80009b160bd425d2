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
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CLIP model in two ONNX files run in-process by DJL's ONNX Runtime engine: the image encoder
 * ({@code model_file}: input {@code pixel_values}, output {@code image_embeds} or the first output)
 * and the text encoder ({@code text_model_file}: {@code input_ids}, and {@code attention_mask} when
 * the graph asks for it; output {@code text_embeds} or the first output). This is the layout of
 * the ONNX exports published for CLIP (Xenova/clip-vit-base-patch32's vision_model.onnx and
 * text_model.onnx) and of {@code scripts/make_tiny_clip.py --variant onnx-fp32}.
 */
public final class OnnxClipModel implements ClipModel {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxClipModel.class);
    /** DJL's name for the ONNX Runtime engine. */
    public static final String ENGINE = ModelManifest.ONNX_RUNTIME;

    private final ModelManifest manifest;
    private final Model vision;
    private final Model text;
    private final Block visionBlock;
    private final Block textBlock;
    private final List<String> textInputs;
    private final HuggingFaceTokenizer tokenizer;
    private final NativeCalls calls = new NativeCalls();
    private final NativeInputBuffer inputBuffer = new NativeInputBuffer();

    private OnnxClipModel(ModelManifest manifest, Model vision, Model text, HuggingFaceTokenizer tokenizer) {
        this.manifest = manifest;
        this.vision = vision;
        this.text = text;
        this.visionBlock = vision.getBlock();
        this.textBlock = text.getBlock();
        this.textInputs = textBlock.describeInput().keys();
        this.tokenizer = tokenizer;
    }

    /**
     * Loads a checked ONNX Runtime model folder and verifies both encoders' output shapes.
     *
     * @throws ModelException when the files cannot be loaded or the shapes are wrong
     */
    public static OnnxClipModel load(ModelFolder folder) {
        ModelManifest manifest = folder.manifest();
        if (!manifest.usesOnnxRuntime()) {
            throw new ModelException("The model in " + folder.directory() + " is not an ONNX Runtime variant.");
        }
        Model vision = Model.newInstance(manifest.modelId() + "#image", ENGINE);
        Model text = Model.newInstance(manifest.modelId() + "#text", ENGINE);
        HuggingFaceTokenizer tokenizer = null;
        try {
            Map<String, String> options = sessionOptions();
            vision.load(folder.directory(), stripExtension(folder.modelFile()), options);
            text.load(folder.directory(), stripExtension(folder.textModelFile()), options);
            if (!vision.getBlock().describeInput().keys().contains("pixel_values")) {
                throw new ModelException(folder.modelFile().getFileName() + " has no input pixel_values (it has "
                        + vision.getBlock().describeInput().keys() + "): it is not a CLIP image encoder.");
            }
            if (!text.getBlock().describeInput().keys().contains("input_ids")) {
                throw new ModelException(folder.textModelFile().getFileName() + " has no input input_ids (it has "
                        + text.getBlock().describeInput().keys() + "): it is not a CLIP text encoder.");
            }
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(folder.tokenizerFile())
                    .optAddSpecialTokens(true)
                    .optMaxLength(manifest.contextLength())
                    .optTruncation(true)
                    .optPadding(true)
                    .build();
            OnnxClipModel clip = new OnnxClipModel(manifest, vision, text, tokenizer);
            clip.checkShapes();
            LOG.info("Loaded model {} ({} {}) from {}", manifest.modelId(), ENGINE, manifest.precision(),
                    folder.directory());
            return clip;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            vision.close();
            text.close();
            if (tokenizer != null) {
                tokenizer.close();
            }
            if (e instanceof ModelException me) {
                throw me;
            }
            throw new ModelException("Cannot load the model in " + folder.directory() + ": " + EncoderTensors.firstLine(e), e);
        }
    }

    /**
     * The same threading as the PyTorch engine (ADR 0007): each caller runs its batch on the
     * intra-op threads {@code ai.djl.pytorch.num_threads} gives, no inter-op parallelism.
     */
    private static Map<String, String> sessionOptions() {
        String threads = System.getProperty("ai.djl.pytorch.num_threads");
        if (threads == null || !threads.matches("[1-9][0-9]{0,3}")) {
            threads = String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        }
        return Map.of("intraOpNumThreads", threads, "interOpNumThreads", "1",
                "cpuArenaAllocator", "false", "memoryPatternOptimization", "false");
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
        try (NDManager scope = vision.getNDManager().newSubManager()) {
            NDArray input = scope.create(inputBuffer.copy(pixels, (int) expected), new Shape(count, 3, size, size),
                    DataType.FLOAT32);
            input.setName("pixel_values");
            return run(visionBlock, scope, "image_embeds", count, new NDList(input));
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
        try (NDManager scope = text.getNDManager().newSubManager()) {
            Shape shape = new Shape(tokens.count(), tokens.length());
            NDList inputs = new NDList();
            for (String name : textInputs) {
                NDArray array = switch (name) {
                    case "input_ids" -> scope.create(tokens.ids(), shape);
                    case "attention_mask" -> scope.create(tokens.mask(), shape);
                    default -> throw new ModelException("The text encoder asks for an input " + name
                            + " that a CLIP text encoder does not have.");
                };
                array.setName(name);
                inputs.add(array);
            }
            return run(textBlock, scope, "text_embeds", texts.size(), inputs);
        }
    }

    private float[][] run(Block block, NDManager scope, String outputName, int count, NDList inputs) {
        NDList output = block.forward(new ParameterStore(scope, false), inputs, false);
        NDArray features = output.get(outputName);
        if (features == null) {
            features = output.get(0);
        }
        try {
            return EncoderTensors.rows(features, outputName, count, manifest.embeddingSize());
        } finally {
            output.close();
        }
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
            vision.close();
            text.close();
        }
    }

    private static String stripExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
