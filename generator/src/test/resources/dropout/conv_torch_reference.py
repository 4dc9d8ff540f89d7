#!/usr/bin/python3
"""Reference numbers for ConvDropoutTest: the losses and gradients of one training step of a
convolution network with dropout, computed by PyTorch's autograd (float64, NCHW tensors) with masks
drawn by an independent Python implementation of netc's documented mask stream (docs/language.md,
"Dropout"; the units of a conv layer's output numbered in HWC order, (y * W + x) * F + f).

Network (as ConvDropoutTest writes it): input 6 x 6 x 2; conv 3 3x3 tanh dropout(0.3);
maxpool 2x2; conv 4 2x2 relu dropout(0.25); dense 2 softmax; loss cross_entropy. Parameters from a
fixed formula, written in netc's layout (conv: one row per filter, (ky, kx, c) order; dense: one row
per unit); three examples, whose keys are 40, 41 and 42.

Run with Debian's python3-torch (1.13.1):
/usr/bin/python3 conv_torch_reference.py > conv_torch_reference.json
"""
import json
import math

import torch
import torch.nn.functional as F

from mask_stream import mask


def hwc_to_chw(values, h, w, c):
    """A flat HWC list as a C x H x W tensor."""
    return torch.tensor(values, dtype=torch.float64).reshape(h, w, c).permute(2, 0, 1)


def conv_weight(rows, kh, kw, c):
    """netc's conv weights (one row per filter, (ky, kx, c) order) as torch's F x C x KH x KW."""
    return torch.tensor(rows, dtype=torch.float64).reshape(len(rows), kh, kw, c).permute(0, 3, 1, 2)


def netc_layout(grad):
    """A gradient of torch's F x C x KH x KW weight in netc's layout, one row per filter."""
    return grad.permute(0, 2, 3, 1).reshape(grad.shape[0], -1).tolist()


# parameter layers 1 (conv 3 3x3 over 2 channels), 3 (conv 4 2x2 over 3), 4 (dense 2 over 4)
shapes = [(3, 18), (4, 12), (2, 4)]
weights, biases = [], []
for l, (rows, cols) in enumerate(shapes):
    weights.append([[0.6 * math.sin(1.1 * (l + 1) + 0.7 * i + 0.31 * j) for j in range(cols)]
                    for i in range(rows)])
    biases.append([0.1 * math.cos(1.9 * (l + 1) + i) + (2.5 if l == 1 else 0.0) for i in range(rows)])
inputs = [[math.sin(0.37 * k + e) for k in range(72)] for e in range(3)]
targets = [[1.0, 0.0], [0.0, 1.0], [0.3, 0.7]]
first_key = 40

W1 = conv_weight(weights[0], 3, 3, 2).clone().requires_grad_(True)
W3 = conv_weight(weights[1], 2, 2, 3).clone().requires_grad_(True)
W4 = torch.tensor(weights[2], dtype=torch.float64, requires_grad=True)
b = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in biases]
total = torch.zeros((), dtype=torch.float64)
losses = []
for e, (x, t) in enumerate(zip(inputs, targets)):
    key = first_key + e
    m1 = hwc_to_chw(mask(key, 1, 48, 0.3), 4, 4, 3)
    m3 = hwc_to_chw(mask(key, 3, 4, 0.25), 1, 1, 4)
    a = hwc_to_chw(x, 6, 6, 2).unsqueeze(0)
    a = torch.tanh(F.conv2d(a, W1, b[0])) * m1
    a = F.max_pool2d(a, 2)
    a = torch.relu(F.conv2d(a, W3, b[1])) * m3
    a = a[0].permute(1, 2, 0).reshape(-1)  # HWC order, as the dense layer reads it
    z = W4 @ a + b[2]
    loss = -(torch.tensor(t, dtype=torch.float64) * torch.log_softmax(z, dim=0)).sum()
    losses.append(loss.item())
    total = total + loss
total.backward()
print(json.dumps({
    "source": "generator/src/test/resources/dropout/conv_torch_reference.py, torch "
              + torch.__version__,
    "firstKey": first_key,
    "layers": [1, 3, 4],
    "weights": weights,
    "biases": biases,
    "inputs": inputs,
    "targets": targets,
    "losses": losses,
    "weightGradients": [netc_layout(W1.grad), netc_layout(W3.grad), W4.grad.tolist()],
    "biasGradients": [v.grad.tolist() for v in b],
}, indent=1))
