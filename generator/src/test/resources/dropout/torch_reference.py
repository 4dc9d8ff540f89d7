#!/usr/bin/python3
"""Reference numbers for DropoutTest: the loss and gradient of one training step of a network with
dropout, computed by PyTorch's autograd (float64) with masks drawn by an independent Python
implementation of netc's documented mask stream (docs/language.md, "Dropout").

Network (as DropoutTest builds it): input 3; dense 5 tanh dropout(0.3); dense 4 relu dropout(0.5);
dense 2 softmax; loss cross_entropy. Parameters from a fixed formula; three examples, whose keys
are 21, 22 and 23 (the key set before the first example, then one more per example).

Run with Debian's python3-torch (1.13.1): /usr/bin/python3 torch_reference.py > torch_reference.json
"""
import json
import math

import torch

from mask_stream import mask


sizes = [3, 5, 4, 2]
rates = [0.3, 0.5, 0.0]
weights, biases = [], []
for l in range(3):
    rows, cols = sizes[l + 1], sizes[l]
    weights.append([[0.8 * math.sin(1.3 * (l + 1) + 0.7 * i + 0.37 * j) for j in range(cols)]
                    for i in range(rows)])
    biases.append([0.1 * math.cos(2.1 * (l + 1) + i) for i in range(rows)])
inputs = [[0.5, -1.0, 0.25], [-0.3, 0.8, 1.2], [1.1, 0.2, -0.7]]
targets = [[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]
first_key = 21

W = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in weights]
b = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in biases]
total = torch.zeros((), dtype=torch.float64)
losses = []
masks = []
for e, (x, t) in enumerate(zip(inputs, targets)):
    key = first_key + e
    m1 = mask(key, 1, 5, rates[0])
    m2 = mask(key, 2, 4, rates[1])
    masks.append([m1, m2])
    a = torch.tensor(x, dtype=torch.float64)
    a = torch.tanh(W[0] @ a + b[0]) * torch.tensor(m1, dtype=torch.float64)
    a = torch.relu(W[1] @ a + b[1]) * torch.tensor(m2, dtype=torch.float64)
    z = W[2] @ a + b[2]
    loss = -(torch.tensor(t, dtype=torch.float64) * torch.log_softmax(z, dim=0)).sum()
    losses.append(loss.item())
    total = total + loss
total.backward()
print(json.dumps({
    "source": "generator/src/test/resources/dropout/torch_reference.py, torch " + torch.__version__,
    "firstKey": first_key,
    "weights": weights,
    "biases": biases,
    "inputs": inputs,
    "targets": targets,
    "masks": masks,
    "losses": losses,
    "weightGradients": [w.grad.tolist() for w in W],
    "biasGradients": [v.grad.tolist() for v in b],
}, indent=1))
