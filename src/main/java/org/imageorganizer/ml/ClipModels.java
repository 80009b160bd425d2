package org.imageorganizer.ml;

import org.imageorganizer.model.ModelException;

/** Loads a checked model folder with the engine its manifest names. */
public final class ClipModels {
    private ClipModels() {
    }

    /**
     * A TorchScript variant (fp32, int8, bf16) on DJL's PyTorch engine, or an ONNX variant on DJL's
     * ONNX Runtime engine.
     *
     * @throws ModelException when the files cannot be loaded or the shapes are wrong
     */
    public static ClipModel load(ModelFolder folder) {
        return folder.manifest().usesOnnxRuntime() ? OnnxClipModel.load(folder) : DjlClipModel.load(folder);
    }
}
