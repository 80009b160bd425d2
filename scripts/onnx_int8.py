"""Dynamic int8 quantization of an ONNX graph's weight matrix products, with Debian's python3-onnx
and numpy only (onnxruntime's Python quantizer is not installable there).

Every MatMul whose second input is a float initializer (a weight), and every Gemm with a weight
initializer (alpha = beta = 1, no transA), becomes what onnxruntime.quantization.quantize_dynamic
makes of it:

    DynamicQuantizeLinear(A) -> A_u8, A_scale, A_zero_point       (per batch, at run time)
    MatMulInteger(A_u8, W_s8, A_zero_point) -> int32               (W quantized here, per column,
    Cast(float) * (A_scale * W_scale[column])  (+ bias for Gemm)    symmetric, zero point 0)

Convolutions, embeddings and attention products between activations stay float32.

    /usr/bin/python3 scripts/onnx_int8.py IN.onnx OUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def _attr(node, name, default):
    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return default


def quantize_dynamic(model: onnx.ModelProto) -> tuple:
    """Quantizes model in place; returns (model, number of products quantized)."""
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    new_nodes = []
    used = {}
    count = 0
    for node in graph.node:
        weight = None
        bias = None
        if node.op_type == "MatMul" and node.input[1] in inits:
            weight = numpy_helper.to_array(inits[node.input[1]])
        elif (node.op_type == "Gemm" and node.input[1] in inits and _attr(node, "transA", 0) == 0
              and _attr(node, "alpha", 1.0) == 1.0 and _attr(node, "beta", 1.0) == 1.0):
            weight = numpy_helper.to_array(inits[node.input[1]])
            if _attr(node, "transB", 0):
                weight = weight.T
            bias = node.input[2] if len(node.input) > 2 and node.input[2] else None
        if weight is None or weight.dtype != np.float32 or weight.ndim != 2:
            new_nodes.append(node)
            continue
        count += 1
        base = f"{node.name or node.op_type}_{count}_q"
        w_scale = np.maximum(np.abs(weight).max(axis=0), 1e-8) / 127.0           # per column [N]
        w_q = np.clip(np.round(weight / w_scale), -127, 127).astype(np.int8)
        graph.initializer.extend([
            numpy_helper.from_array(np.ascontiguousarray(w_q), base + "_W"),
            numpy_helper.from_array(w_scale.astype(np.float32), base + "_W_scale")])
        used[node.input[1]] = used.get(node.input[1], 0)
        a = node.input[0]
        out = node.output[0]
        product = base + "_out" if bias else out
        new_nodes += [
            helper.make_node("DynamicQuantizeLinear", [a], [base + "_A", base + "_A_scale", base + "_A_zp"],
                             name=base + "_quantize"),
            helper.make_node("MatMulInteger", [base + "_A", base + "_W", base + "_A_zp"], [base + "_int32"],
                             name=base + "_matmul"),
            helper.make_node("Cast", [base + "_int32"], [base + "_float"], to=TensorProto.FLOAT,
                             name=base + "_cast"),
            helper.make_node("Mul", [base + "_A_scale", base + "_W_scale"], [base + "_scale"],
                             name=base + "_scale"),
            helper.make_node("Mul", [base + "_float", base + "_scale"], [product], name=base + "_rescale"),
        ]
        if bias:
            new_nodes.append(helper.make_node("Add", [product, bias], [out], name=base + "_bias"))
    del graph.node[:]
    graph.node.extend(new_nodes)
    # drop the float weights nothing reads any more
    still_read = {i for n in graph.node for i in n.input}
    keep = [i for i in graph.initializer if i.name in still_read]
    del graph.initializer[:]
    graph.initializer.extend(keep)
    # MatMulInteger and DynamicQuantizeLinear are opset 10/11 ops of the default domain
    onnx.checker.check_model(model)
    return model, count


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    model, count = quantize_dynamic(onnx.load(sys.argv[1]))
    onnx.save(model, sys.argv[2])
    print(f"{count} weight products quantized -> {sys.argv[2]}")


if __name__ == "__main__":
    main()
