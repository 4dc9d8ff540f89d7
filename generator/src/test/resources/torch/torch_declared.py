#!/usr/bin/python3
"""Reference values for netc's generated classes with declared activations, computed by PyTorch.

Writes, beside this script:

- erf_reference.csv: x and torch.erf(x) in float64, at points spread over [-7, 7] and down to 1e-300,
  for the erf helper that generated classes carry (the JDK has no erf).
- gelu_mish.nn: a network 3 -> 4 gelu -> 4 gelu_exact -> 3 mish -> 2 linear with squared_error,
  its weights and biases drawn here (torch.manual_seed(13)) and written out explicitly, twice: with
  sgd(rate = 0.1) and with adam(rate = 0.01).
- gelu_mish_reference.csv: for each optimizer, three stochastic steps on fixed examples: the output
  before each step, the loss of each step, and every weight and bias after the last step.

PyTorch's functions are the reference: F.gelu(approximate='tanh') for gelu, F.gelu for gelu_exact,
F.mish, and torch.optim.SGD / Adam (eps 1e-8, betas 0.9 and 0.999) on 1/2 sum (y - t)^2. Run with
Debian's python3-torch (1.13):

    /usr/bin/python3 torch_declared.py
"""
import csv
import os

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = [3, 4, 4, 3, 2]
ACTIVATIONS = ["gelu", "gelu_exact", "mish", "linear"]
FUNCTIONS = {
    "gelu": lambda z: F.gelu(z, approximate="tanh"),
    "gelu_exact": F.gelu,
    "mish": F.mish,
    "linear": lambda z: z,
}
INPUTS = [[0.5, -1.2, 2.0], [-0.3, 0.8, -1.5], [1.7, 0.1, -0.4]]
TARGETS = [[0.3, -0.6], [-1.0, 0.4], [0.8, 0.9]]
OPTIMIZERS = {
    "sgd": ("sgd(rate = 0.1)", lambda p: torch.optim.SGD(p, lr=0.1)),
    "adam": ("adam(rate = 0.01)", lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-8)),
}


def initial():
    torch.manual_seed(13)
    layers = []
    for n_in, n_out in zip(SIZES, SIZES[1:]):
        w = (torch.rand(n_out, n_in, dtype=torch.float64) - 0.5) * 1.6
        b = (torch.rand(n_out, dtype=torch.float64) - 0.5) * 0.4
        layers.append((w, b))
    return layers


def network_file(layers):
    text = ["// Written by torch_declared.py (PyTorch reference for declared activations).", ""]
    for name, (optimizer, _) in OPTIMIZERS.items():
        text.append("network GeluMish" + name.capitalize() + " {")
        text.append("    input 3;")
        for (w, b), activation in zip(layers, ACTIVATIONS):
            rows = ", ".join("[" + ", ".join(repr(v) for v in row.tolist()) + "]" for row in w)
            bias = ", ".join(repr(v) for v in b.tolist())
            text.append("    dense %d %s {" % (w.shape[0], activation))
            text.append("        weights = [%s];" % rows)
            text.append("        bias = [%s];" % bias)
            text.append("    }")
        text.append("    loss squared_error;")
        text.append("    optimizer %s;" % optimizer)
        text.append("}")
        text.append("")
    return "\n".join(text)


def forward(params, x):
    a = x
    for k, activation in enumerate(ACTIVATIONS):
        a = FUNCTIONS[activation](params[2 * k] @ a + params[2 * k + 1])
    return a


def main():
    layers = initial()
    with open(os.path.join(HERE, "gelu_mish.nn"), "w") as f:
        f.write(network_file(layers))
    with open(os.path.join(HERE, "gelu_mish_reference.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["optimizer", "what", "step", "index", "value"])
        for name, (_, make) in OPTIMIZERS.items():
            params = []
            for w, b in layers:
                params += [w.clone().requires_grad_(True), b.clone().requires_grad_(True)]
            optimizer = make(params)
            for step, (x, t) in enumerate(zip(INPUTS, TARGETS)):
                x = torch.tensor(x, dtype=torch.float64)
                t = torch.tensor(t, dtype=torch.float64)
                optimizer.zero_grad()
                y = forward(params, x)
                loss = 0.5 * ((y - t) ** 2).sum()
                loss.backward()
                optimizer.step()
                for k, v in enumerate(y.tolist()):
                    out.writerow([name, "output", step, k, repr(v)])
                out.writerow([name, "loss", step, 0, repr(loss.item())])
            for p, param in enumerate(params):
                for k, v in enumerate(param.detach().flatten().tolist()):
                    out.writerow([name, "parameter%d" % p, 3, k, repr(v)])
    with open(os.path.join(HERE, "erf_reference.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["x", "erf"])
        points = torch.linspace(-7, 7, 2801, dtype=torch.float64).tolist()
        points += [10.0 ** e for e in range(-300, 1, 20)] + [-1e-10, 1e-8, 2.0, -2.0, 6.0, 5.999999]
        for x in points:
            out.writerow([repr(x), repr(torch.erf(torch.tensor(x, dtype=torch.float64)).item())])
    print("torch", torch.__version__, "->", HERE)


if __name__ == "__main__":
    main()
