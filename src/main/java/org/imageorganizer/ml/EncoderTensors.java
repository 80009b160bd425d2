package org.imageorganizer.ml;

import org.imageorganizer.model.ModelException;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/** What the PyTorch and ONNX Runtime encoders share: token batches in, checked feature rows out. */
final class EncoderTensors {
    private EncoderTensors() {
    }

    /**
     * Texts as the model takes them: row-major ids and attention mask of {@code count × length}.
     */
    record TokenBatch(long[] ids, long[] mask, int count, int length) {
        static TokenBatch of(HuggingFaceTokenizer tokenizer, List<String> texts) {
            Encoding[] encodings = tokenizer.batchEncode(texts);
            int length = encodings[0].getIds().length;
            long[] ids = new long[texts.size() * length];
            long[] mask = new long[ids.length];
            for (int i = 0; i < encodings.length; i++) {
                System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
                System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
            }
            return new TokenBatch(ids, mask, texts.size(), length);
        }
    }

    /**
     * The rows of a {@code (count, embeddingSize)} feature array.
     *
     * @throws ModelException when the model returned another shape than its manifest promises
     */
    static float[][] rows(NDArray features, String what, int count, int embeddingSize) {
        long[] shape = features.getShape().getShape();
        if (shape.length != 2 || shape[0] != count || shape[1] != embeddingSize) {
            throw new ModelException(what + " returned shape " + features.getShape() + " but the manifest promises ("
                    + count + ", " + embeddingSize + ")");
        }
        float[] flat = features.toType(DataType.FLOAT32, false).toFloatArray();
        float[][] result = new float[count][embeddingSize];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat, i * embeddingSize, result[i], 0, embeddingSize);
        }
        return result;
    }

    /**
     * The number of values {@code count} images of {@code size}² RGB pixels take.
     *
     * @throws IllegalArgumentException when there are no images or too few values
     */
    static long pixelCount(float[] pixels, int count, int size) {
        long expected = (long) count * 3 * size * size;
        if (count < 1 || pixels.length < expected) {
            throw new IllegalArgumentException("expected " + expected + " pixel values for " + count + " images, got " + pixels.length);
        }
        return expected;
    }

    /** The first line of an error's message, for a one-line sentence. */
    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
