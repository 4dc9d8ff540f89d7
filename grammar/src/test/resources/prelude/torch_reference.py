#!/usr/bin/python3
"""Reference values of netc's prelude activations, computed by PyTorch.

Writes torch_reference.csv beside this script: for each activation and point x, the value f(x)
and the derivative f'(x) from autograd, in float64. Run with Debian's python3-torch (1.13):

    /usr/bin/python3 torch_reference.py

The points avoid nothing on purpose: 0 and the ends of hard_tanh are included, so that the
conventions at kinks (the derivative of the branch taken) are compared too.
"""
import csv
import os

import torch
import torch.nn.functional as F

ACTIVATIONS = {
    "gelu": lambda x: F.gelu(x, approximate="tanh"),
    "gelu_exact": lambda x: F.gelu(x),
    "silu": F.silu,
    "swish": F.silu,
    "mish": F.mish,
    "selu": F.selu,
    "hard_tanh": F.hardtanh,
}

POINTS = [-8.0, -5.0, -3.0, -2.0, -1.5, -1.0, -0.75, -0.5, -0.25, -0.1, -1e-3, 0.0,
          1e-3, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_reference.csv")
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["activation", "x", "value", "derivative"])
        for name, fn in ACTIVATIONS.items():
            for p in POINTS:
                x = torch.tensor(p, dtype=torch.float64, requires_grad=True)
                y = fn(x)
                (g,) = torch.autograd.grad(y, x)
                w.writerow([name, repr(p), repr(y.item()), repr(g.item())])
    print("torch", torch.__version__, "->", out)


if __name__ == "__main__":
    main()
