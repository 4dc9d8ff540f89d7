#!/usr/bin/python3
"""Reference numbers for convolution and pooling networks, computed by PyTorch.

For each case below this script writes <case>.nn (the network with explicit weights and
biases, so that the file alone fixes the initial parameters) and <case>.json (the examples,
every layer's output for each example with the initial parameters, the loss and gradients
of the first step, and the parameters after every step). Run it with Debian's python3-torch
(1.13) from this folder:

    /usr/bin/python3 make_references.py

PyTorch works in NCHW and keeps conv weights as (filters, channels, kh, kw); netc works in
HWC and keeps a conv layer's weights as one row per filter in (ky, kx, c) order. The
conversions are here, in one place: `to_nchw`, `from_torch_conv`, `to_torch_conv`, and the
flatten before the first dense layer, which permutes NCHW to NHWC first so that the dense
weights' columns follow netc's HWC order. `same` padding is applied with F.pad using
TensorFlow's split (floor(total / 2) before, the rest after), not torch's symmetric padding.
"""

import json
import math
import os

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def same_padding(size, k, stride):
    out = -(-size // stride)
    total = max((out - 1) * stride + k - size, 0)
    return total // 2, total - total // 2


class Conv:
    def __init__(self, filters, kh, kw, activation, stride=1, padding="valid", param=None):
        self.filters, self.kh, self.kw = filters, kh, kw
        self.activation, self.stride, self.padding, self.param = activation, stride, padding, param

    def shape(self, shape):
        h, w, c = shape
        self.input = shape
        if self.padding == "same":
            return (-(-h // self.stride), -(-w // self.stride), self.filters)
        return ((h - self.kh) // self.stride + 1, (w - self.kw) // self.stride + 1, self.filters)

    def init(self, gen):
        c = self.input[2]
        bound = 1 / math.sqrt(self.kh * self.kw * c)
        self.w = ((torch.rand(self.filters, c, self.kh, self.kw, generator=gen) * 2 - 1) * bound)
        self.b = ((torch.rand(self.filters, generator=gen) * 2 - 1) * bound)
        self.w.requires_grad_(True)
        self.b.requires_grad_(True)

    def params(self):
        return [self.w, self.b]

    def forward(self, x):
        h, w, _ = self.input
        if self.padding == "same":
            top, bottom = same_padding(h, self.kh, self.stride)
            left, right = same_padding(w, self.kw, self.stride)
            x = F.pad(x, (left, right, top, bottom))
        z = F.conv2d(x, self.w, self.b, stride=self.stride)
        return activate(z, self.activation, self.param)

    def spec(self):
        return {"kind": "conv", "filters": self.filters, "window": [self.kh, self.kw],
                "stride": self.stride, "padding": self.padding, "activation": self.activation,
                "activation_param": self.param}

    def statement(self):
        text = "conv %d %dx%d %s" % (self.filters, self.kh, self.kw, call(self.activation, self.param))
        if self.stride != 1:
            text += " stride %d" % self.stride
        if self.padding != "valid":
            text += " padding " + self.padding
        rows = from_torch_conv(self.w.detach())
        return text + " {\n        weights = %s;\n        bias = %s;\n    }" % (
            matrix(rows), vector(self.b.detach().tolist()))


class Pool:
    def __init__(self, kind, kh, kw, stride=None):
        self.kind, self.kh, self.kw, self.stride = kind, kh, kw, stride

    def shape(self, shape):
        h, w, c = shape
        self.input = shape
        sy, sx = (self.stride, self.stride) if self.stride else (self.kh, self.kw)
        self.strides = (sy, sx)
        return ((h - self.kh) // sy + 1, (w - self.kw) // sx + 1, c)

    def init(self, gen):
        pass

    def params(self):
        return []

    def forward(self, x):
        if self.kind == "maxpool":
            return F.max_pool2d(x, (self.kh, self.kw), self.strides)
        return F.avg_pool2d(x, (self.kh, self.kw), self.strides)

    def spec(self):
        return {"kind": self.kind, "window": [self.kh, self.kw], "stride": list(self.strides)}

    def statement(self):
        text = "%s %dx%d" % (self.kind, self.kh, self.kw)
        return text + (" stride %d" % self.stride if self.stride else "") + ";"


class Dense:
    def __init__(self, units, activation, param=None):
        self.units, self.activation, self.param = units, activation, param

    def shape(self, shape):
        self.inputs = shape[0] * shape[1] * shape[2]
        return (1, 1, self.units)

    def init(self, gen):
        bound = 1 / math.sqrt(self.inputs)
        self.w = ((torch.rand(self.units, self.inputs, generator=gen) * 2 - 1) * bound)
        self.b = ((torch.rand(self.units, generator=gen) * 2 - 1) * bound)
        self.w.requires_grad_(True)
        self.b.requires_grad_(True)

    def params(self):
        return [self.w, self.b]

    def forward(self, x):
        if x.dim() == 4:
            x = x.permute(0, 2, 3, 1).reshape(x.shape[0], -1)  # NCHW -> NHWC, netc's order
        z = F.linear(x, self.w, self.b)
        if self.activation == "softmax":
            return torch.softmax(z, dim=1)
        return activate(z, self.activation, self.param)

    def spec(self):
        return {"kind": "dense", "units": self.units, "activation": self.activation,
                "activation_param": self.param}

    def statement(self):
        return "dense %d %s {\n        weights = %s;\n        bias = %s;\n    }" % (
            self.units, call(self.activation, self.param), matrix(self.w.detach().tolist()),
            vector(self.b.detach().tolist()))


def activate(z, name, param):
    if name == "relu":
        return torch.relu(z)
    if name == "tanh":
        return torch.tanh(z)
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "leaky_relu":
        return F.leaky_relu(z, param)
    if name == "elu":
        return F.elu(z, param)
    if name == "softplus":
        return F.softplus(z)
    if name == "linear":
        return z
    raise ValueError(name)


def call(name, param):
    return name if param is None else "%s(%r)" % (name, param)


def from_torch_conv(w):
    """(filters, c, kh, kw) -> one row per filter in (ky, kx, c) order."""
    return w.permute(0, 2, 3, 1).reshape(w.shape[0], -1).tolist()


def to_nchw(x, shape):
    h, w, c = shape
    return x.reshape(1, h, w, c).permute(0, 3, 1, 2)


def number(v):
    return repr(float(v))


def vector(values):
    return "[" + ", ".join(number(v) for v in values) + "]"


def matrix(rows):
    return "[" + (",\n                   ").join(vector(r) for r in rows) + "]"


def loss_of(y, t, loss):
    if loss == "cross_entropy":
        return -(t * torch.log(y)).sum()
    if loss == "binary_cross_entropy":
        return -(t * torch.log(y) + (1 - t) * torch.log(1 - y)).sum()
    if loss == "squared_error":
        return 0.5 * ((y - t) ** 2).sum()
    raise ValueError(loss)


def layer_names(layers):
    return ["layer%d" % (i + 1) for i in range(len(layers))]


def parameters_json(layers):
    out = []
    for name, layer in zip(layer_names(layers), layers):
        if isinstance(layer, Conv):
            out.append({"layer": name, "W": from_torch_conv(layer.w.detach()),
                        "b": layer.b.detach().tolist()})
        elif isinstance(layer, Dense):
            out.append({"layer": name, "W": layer.w.detach().tolist(),
                        "b": layer.b.detach().tolist()})
    return out


def gradients_json(layers):
    out = []
    for name, layer in zip(layer_names(layers), layers):
        if isinstance(layer, Conv):
            out.append({"layer": name, "W": from_torch_conv(layer.w.grad),
                        "b": layer.b.grad.tolist()})
        elif isinstance(layer, Dense):
            out.append({"layer": name, "W": layer.w.grad.tolist(), "b": layer.b.grad.tolist()})
    return out


def run(case):
    name, shape, layers = case["name"], case["input"], case["layers"]
    gen = torch.Generator().manual_seed(case["seed"])
    shapes = []
    s = shape
    for layer in layers:
        s = layer.shape(s)
        shapes.append(s)
        layer.init(gen)
    size = shape[0] * shape[1] * shape[2]
    outputs = layers[-1].units
    examples = []
    for _ in range(case["examples"]):
        x = (torch.rand(size, generator=gen) * 2 - 1)
        if case["loss"] == "cross_entropy":
            t = torch.zeros(outputs)
            t[int(torch.randint(outputs, (1,), generator=gen))] = 1
        elif case["loss"] == "binary_cross_entropy":
            t = (torch.rand(outputs, generator=gen) < 0.5).double()
        else:
            t = torch.rand(outputs, generator=gen) * 2 - 1
        examples.append((x, t))

    text = "// Made by make_references.py: %s\nnetwork %s {\n    input %d x %d x %d;\n" % (
        case["about"], case["network"], *shape)
    for layer in layers:
        text += "    " + layer.statement() + "\n"
    text += "    loss %s;\n    optimizer %s;\n" % (case["loss"], case["optimizer_dsl"])
    for extra in case.get("extra_dsl", []):
        text += "    %s\n" % extra
    text += "}\n"

    def forward(x):
        h = to_nchw(x, shape)
        per_layer = []
        for layer in layers:
            h = layer.forward(h)
            if h.dim() == 4:
                per_layer.append(h.permute(0, 2, 3, 1).reshape(-1))  # back to HWC
            else:
                per_layer.append(h.reshape(-1))
        return per_layer

    record = {
        "source": name + ".nn",
        "network": case["network"],
        "about": case["about"],
        "input_shape": list(shape),
        "layers": [dict({"layer": n, "output_shape": list(s),
                         "parameters": sum(p.numel() for p in l.params())}, **l.spec())
                   for n, l, s in zip(layer_names(layers), layers, shapes)],
        "loss": case["loss"],
        "optimizer": case["optimizer_spec"],
        "l2": case.get("l2", 0.0),
        "clip_norm": case.get("clip_norm"),
        "clip_value": case.get("clip_value"),
        "initial_params": parameters_json(layers),
        "examples": [{"x": x.tolist(), "t": t.tolist()} for x, t in examples],
    }
    with torch.no_grad():
        record["forward"] = [
            {"outputs": [o.tolist() for o in forward(x)],
             "loss": float(loss_of(forward(x)[-1], t, case["loss"]))}
            for x, t in examples]

    params = [p for layer in layers for p in layer.params()]
    weights = [layer.w for layer in layers if isinstance(layer, (Conv, Dense))]
    opt = case["optimizer"](params)
    steps = []
    for step in range(case["steps"]):
        x, t = examples[step % len(examples)]
        for p in params:
            p.grad = None
        loss = loss_of(forward(x)[-1], t, case["loss"])
        loss.backward()
        if step == 0:
            record["first_step_gradients"] = gradients_json(layers)
        with torch.no_grad():
            if "l2" in case:
                for w in weights:
                    w.grad += case["l2"] * w
            if "clip_value" in case:
                for p in params:
                    p.grad.clamp_(-case["clip_value"], case["clip_value"])
            if "clip_norm" in case:
                norm = math.sqrt(sum(float((p.grad ** 2).sum()) for p in params))
                if norm > case["clip_norm"]:
                    for p in params:
                        p.grad *= case["clip_norm"] / norm
        opt.step()
        steps.append({"example": step % len(examples), "loss": float(loss),
                      "params_after": parameters_json(layers)})
    record["steps"] = steps
    with open(name + ".nn", "w", encoding="ascii") as f:
        f.write(text)
    with open(name + ".json", "w", encoding="ascii") as f:
        json.dump(record, f, indent=1)
        f.write("\n")


CASES = [
    {
        "name": "conv_valid_maxpool_sgd",
        "network": "ConvValid",
        "about": "2-D, two channels, valid padding, max pooling, softmax, sgd with momentum, l2",
        "seed": 1,
        "input": (6, 6, 2),
        "layers": [Conv(3, 3, 3, "tanh"), Pool("maxpool", 2, 2), Dense(3, "softmax")],
        "loss": "cross_entropy",
        "optimizer": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
        "optimizer_dsl": "sgd(rate = 0.1, momentum = 0.9)",
        "optimizer_spec": {"kind": "sgd", "rate": 0.1, "momentum": 0.9},
        "l2": 0.01,
        "extra_dsl": ["regularize l2(0.01);"],
        "examples": 3,
        "steps": 5,
    },
    {
        "name": "conv_same_stride_adam",
        "network": "ConvSame",
        "about": "2-D, same padding with stride 2 and an even window, average pooling, adam, clip",
        "seed": 2,
        "input": (7, 7, 1),
        "layers": [Conv(4, 3, 3, "relu", stride=2, padding="same"), Pool("avgpool", 2, 2),
                   Conv(2, 2, 2, "sigmoid", padding="same"), Dense(2, "sigmoid")],
        "loss": "binary_cross_entropy",
        "optimizer": lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-8),
        "optimizer_dsl": "adam(rate = 0.01)",
        "optimizer_spec": {"kind": "adam", "rate": 0.01, "beta1": 0.9, "beta2": 0.999,
                           "epsilon": 1e-8},
        "clip_norm": 1.0,
        "extra_dsl": ["clip norm(1);"],
        "examples": 2,
        "steps": 4,
    },
    {
        "name": "conv1d_signal_sgd",
        "network": "Signal",
        "about": "1-D signal with three channels, same and valid padding, pool stride, sgd",
        "seed": 3,
        "input": (16, 1, 3),
        "layers": [Conv(4, 5, 1, "leaky_relu", padding="same", param=0.1),
                   Pool("maxpool", 2, 1), Conv(2, 3, 1, "elu", param=1.0),
                   Pool("avgpool", 2, 1, stride=2), Dense(2, "linear")],
        "loss": "squared_error",
        "optimizer": lambda p: torch.optim.SGD(p, lr=0.05),
        "optimizer_dsl": "sgd(rate = 0.05)",
        "optimizer_spec": {"kind": "sgd", "rate": 0.05, "momentum": 0.0},
        "examples": 3,
        "steps": 6,
    },
]

CASES += [
    {
        "name": "conv_overlap_rmsprop",
        "network": "Overlap",
        "about": "three channels, stride 2 valid, softplus, overlapping max pooling (stride 1), rmsprop",
        "seed": 4,
        "input": (9, 9, 3),
        "layers": [Conv(4, 3, 3, "softplus", stride=2), Pool("maxpool", 2, 2, stride=1),
                   Dense(3, "softmax")],
        "loss": "cross_entropy",
        "optimizer": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-8),
        "optimizer_dsl": "rmsprop(rate = 0.01, rho = 0.9)",
        "optimizer_spec": {"kind": "rmsprop", "rate": 0.01, "rho": 0.9, "epsilon": 1e-8},
        "examples": 2,
        "steps": 4,
    },
    {
        "name": "conv_rect_adagrad",
        "network": "Rect",
        "about": "a 2x3 window with same padding (rows: 0 above, 1 below; columns: 1 on each side), avgpool 1x2, adagrad",
        "seed": 5,
        "input": (5, 6, 2),
        "layers": [Conv(3, 2, 3, "sigmoid", padding="same"), Pool("avgpool", 1, 2),
                   Conv(2, 1, 1, "tanh"), Dense(2, "linear")],
        "loss": "squared_error",
        "optimizer": lambda p: torch.optim.Adagrad(p, lr=0.1, eps=1e-8),
        "optimizer_dsl": "adagrad(rate = 0.1)",
        "optimizer_spec": {"kind": "adagrad", "rate": 0.1, "epsilon": 1e-8},
        "examples": 2,
        "steps": 4,
    },
    {
        "name": "conv_nesterov_l2_clip",
        "network": "Nesterov",
        "about": "sgd with nesterov momentum, l2 and value clipping over conv and max pooling",
        "seed": 6,
        "input": (6, 6, 1),
        "layers": [Conv(2, 3, 3, "relu", padding="same"), Pool("maxpool", 3, 3),
                   Dense(2, "sigmoid")],
        "loss": "binary_cross_entropy",
        "optimizer": lambda p: torch.optim.SGD(p, lr=0.2, momentum=0.8, nesterov=True),
        "optimizer_dsl": "sgd(rate = 0.2, momentum = 0.8, nesterov = 1)",
        "optimizer_spec": {"kind": "sgd", "rate": 0.2, "momentum": 0.8, "nesterov": True},
        "l2": 0.05,
        "clip_value": 0.05,
        "extra_dsl": ["regularize l2(0.05);", "clip value(0.05);"],
        "examples": 3,
        "steps": 5,
    },
]

if __name__ == "__main__":
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    for case in CASES:
        run(case)
