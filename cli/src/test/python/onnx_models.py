#!/usr/bin/python3
"""Makes the ONNX test models of `netc import` and their reference outputs.

Run with Debian's Python (python3-torch 1.13, python3-onnx 1.12), from the repository root:

    /usr/bin/python3 cli/src/test/python/onnx_models.py

For each model it writes, into cli/src/test/resources/dev/netc/cli/onnx/:
  NAME.onnx      the model, exported by torch.onnx.export (one edited with the onnx package to
                 hold what PyTorch does not write in eval mode, and two typed_* models written
                 with onnx.helper, with numpy's outputs, as said below)
  NAME.csv       300 random inputs (x1..xn, each a value of the model's precision, printed so it
                 reads back exactly) and PyTorch's outputs for them (y1..yk, printed the same way)
and the bad inputs of the error tests. The weights come from torch.manual_seed, so a rerun writes the
same numbers (the .onnx bytes may differ between versions of PyTorch).
"""
import csv
import os

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "dev", "netc",
                   "cli", "onnx")
ROWS = 300


class MatMulAdd(torch.nn.Module):
    """x @ W + b with the parameters as plain tensors: exported as MatMul then Add."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.w = torch.nn.Parameter(torch.randn(inputs, outputs) * 0.5)
        self.b = torch.nn.Parameter(torch.randn(outputs) * 0.1)

    def forward(self, x):
        return torch.matmul(x, self.w) + self.b


class Reshaped(torch.nn.Module):
    """[batch, 3, 2] reshaped to [batch, 6] (a Reshape with a constant shape), then an MLP."""

    def __init__(self, mlp):
        super().__init__()
        self.mlp = mlp

    def forward(self, x):
        return self.mlp(x.reshape(-1, 6))


class Residual(torch.nn.Module):
    """A branch: the input added back after two layers (not a chain)."""

    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(4, 4)
        self.fc2 = torch.nn.Linear(4, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)) + x)


def models():
    """(name, module, input shape without the batch, dtype, opset)."""
    torch.manual_seed(15)
    yield ("gemm_relu_softmax_f32", torch.nn.Sequential(
        torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3), torch.nn.Softmax(dim=1)),
        (4,), torch.float32, 13)
    yield ("gemm_tanh_sigmoid_f64", torch.nn.Sequential(
        torch.nn.Linear(5, 6), torch.nn.Tanh(), torch.nn.Linear(6, 1), torch.nn.Sigmoid()),
        (5,), torch.float64, 13)
    yield ("matmul_add_elu_f32", torch.nn.Sequential(
        MatMulAdd(3, 5), torch.nn.ELU(alpha=0.7), MatMulAdd(5, 2)),
        (3,), torch.float32, 11)
    yield ("matmul_add_softplus_f64", torch.nn.Sequential(
        MatMulAdd(4, 6), torch.nn.Softplus(), MatMulAdd(6, 3), torch.nn.Softmax(dim=-1)),
        (4,), torch.float64, 9)
    yield ("leaky_relu_linear_f64", torch.nn.Sequential(
        torch.nn.Linear(3, 7), torch.nn.LeakyReLU(0.2), torch.nn.Linear(7, 5), torch.nn.ReLU(),
        torch.nn.Linear(5, 2)),
        (3,), torch.float64, 17)
    yield ("flatten_dropout_sigmoid_f32", torch.nn.Sequential(
        torch.nn.Flatten(), torch.nn.Linear(6, 4), torch.nn.Sigmoid(), torch.nn.Dropout(0.5),
        torch.nn.Linear(4, 2), torch.nn.Tanh()),
        (2, 3), torch.float32, 15)
    yield ("reshape_tanh_f32", Reshaped(torch.nn.Sequential(
        torch.nn.Linear(6, 5), torch.nn.Tanh(), torch.nn.Linear(5, 4), torch.nn.Softmax(dim=1))),
        (3, 2), torch.float32, 12)


def export(module, shape, dtype, opset, path):
    module = module.to(dtype).eval()
    example = torch.zeros((1,) + shape, dtype=dtype)
    torch.onnx.export(module, example, path, opset_version=opset, input_names=["input"],
                      output_names=["output"], dynamic_axes={"input": {0: "batch"},
                                                             "output": {0: "batch"}})
    return module


def exact(value, dtype):
    """The shortest text that reads back to the value in the model's precision (as a double)."""
    return repr(float(np.float32(value))) if dtype == torch.float32 else repr(float(value))


def reference(name, module, shape, dtype):
    generator = torch.Generator().manual_seed(sum(map(ord, name)))
    x = torch.randn((ROWS,) + shape, generator=generator, dtype=torch.float64) * 2
    x = x.to(dtype)
    with torch.no_grad():
        y = module(x)
    flat = x.reshape(ROWS, -1)
    with open(os.path.join(OUT, name + ".csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow([f"x{i + 1}" for i in range(flat.shape[1])]
                     + [f"y{k + 1}" for k in range(y.shape[1])])
        for row, target in zip(flat.tolist(), y.tolist()):
            out.writerow([exact(v, dtype) for v in row] + [exact(v, dtype) for v in target])


def insert_dropout_and_identity(path):
    """PyTorch leaves Dropout out in eval mode: put a Dropout and an Identity back in the chain."""
    model = onnx.load(path)
    graph = model.graph
    sigmoid = next(i for i, n in enumerate(graph.node) if n.op_type == "Sigmoid")
    old = graph.node[sigmoid].output[0]
    graph.node[sigmoid].output[0] = "sigmoid_out"
    graph.node.insert(sigmoid + 1, helper.make_node(
        "Dropout", ["sigmoid_out"], ["dropped", "mask"], name="dropout"))
    graph.node.insert(sigmoid + 2, helper.make_node("Identity", ["dropped"], [old],
                                                    name="identity"))
    onnx.checker.check_model(model)
    onnx.save(model, path)


def typed_lists(name, dtype, opset):
    """A model written with onnx.helper, not PyTorch: initializers as typed lists (float_data or
    double_data, not raw_data), Gemm with alpha, beta and transB=0 then transB=1; reference outputs
    computed with numpy in the model's precision."""
    rng = np.random.default_rng(sum(map(ord, name)))
    elem = onnx.TensorProto.FLOAT if dtype == np.float32 else onnx.TensorProto.DOUBLE
    b1 = rng.normal(size=(4, 6)).astype(dtype)      # transB=0: [inputs, units]
    c1 = rng.normal(size=(6,)).astype(dtype)
    b2 = rng.normal(size=(2, 6)).astype(dtype)      # transB=1: [units, inputs]
    c2 = rng.normal(size=(1, 2)).astype(dtype)      # a [1, units] bias
    tensors = [helper.make_tensor(n, elem, a.shape, a.flatten().tolist(), raw=False)
               for n, a in (("l1.w", b1), ("l1.b", c1), ("l2.w", b2), ("l2.b", c2))]
    nodes = [
        helper.make_node("Gemm", ["input", "l1.w", "l1.b"], ["z1"], name="gemm1", alpha=0.5,
                         beta=2.0),
        helper.make_node("Tanh", ["z1"], ["x1"], name="tanh1"),
        helper.make_node("Gemm", ["x1", "l2.w", "l2.b"], ["z2"], name="gemm2", transB=1),
        helper.make_node("Sigmoid", ["z2"], ["output"], name="sigmoid2"),
    ]
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("input", elem,
                                                                          ["batch", 4])],
                              [helper.make_tensor_value_info("output", elem, ["batch", 2])],
                              initializer=tensors)
    model = helper.make_model(graph, producer_name="onnx.helper",
                              opset_imports=[helper.make_opsetid("", opset)])
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, name + ".onnx"))
    x = (rng.normal(size=(ROWS, 4)) * 2).astype(dtype)
    half, two = dtype(0.5), dtype(2.0)
    h = np.tanh(half * (x @ b1) + two * c1)
    y = (1 / (1 + np.exp(-(h @ b2.T + c2)))).astype(dtype)
    kind = torch.float32 if dtype == np.float32 else torch.float64
    with open(os.path.join(OUT, name + ".csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow([f"x{i + 1}" for i in range(4)] + ["y1", "y2"])
        for row, target in zip(x.tolist(), y.tolist()):
            out.writerow([exact(v, kind) for v in row] + [exact(v, kind) for v in target])
    print(f"{name}: opset {opset}, {' '.join(n.op_type for n in nodes)}")


def bad_inputs():
    torch.manual_seed(7)
    good = os.path.join(OUT, "gemm_relu_softmax_f32.onnx")
    with open(good, "rb") as f:
        data = f.read()
    with open(os.path.join(OUT, "bad_truncated.onnx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(OUT, "bad_not_onnx.onnx"), "w") as f:
        f.write("x1,x2,x3,x4\n0.5,1.0,-2.0,3.0\n")
    export(torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.LogSoftmax(dim=1)), (4,),
           torch.float32, 13, os.path.join(OUT, "bad_unsupported_op.onnx"))
    export(Residual(), (4,), torch.float32, 13, os.path.join(OUT, "bad_branches.onnx"))
    model = onnx.load(good)
    weights = [t for t in model.graph.initializer if len(t.dims) == 2]
    second = weights[1]
    wrong = numpy_helper.from_array(np.zeros((3, 7), dtype=np.float32), second.name)
    second.CopyFrom(wrong)
    onnx.save(model, os.path.join(OUT, "bad_weight_shape.onnx"))


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, module, shape, dtype, opset in models():
        path = os.path.join(OUT, name + ".onnx")
        module = export(module, shape, dtype, opset, path)
        if name.startswith("flatten_dropout"):
            insert_dropout_and_identity(path)
        reference(name, module, shape, dtype)
        ops = [n.op_type for n in onnx.load(path).graph.node]
        print(f"{name}: opset {opset}, {' '.join(ops)}")
    typed_lists("typed_gemm_alpha_beta_f64", np.float64, 18)
    typed_lists("typed_gemm_alpha_beta_f32", np.float32, 10)
    bad_inputs()


if __name__ == "__main__":
    main()
