#!/usr/bin/python3
"""The PyTorch-to-Java sample: trains an Iris network in PyTorch and exports it to ONNX.

Run with Debian's Python (python3-torch 1.13), from the repository root, then import the model:

    /usr/bin/python3 samples/src/test/python/torch_iris.py
    ./netc import samples/src/test/resources/torch_iris.onnx --out samples/src/main/netc/torch_iris.nn --network TorchIris

It writes samples/src/test/resources/torch_iris.onnx (float32, opset 13) and
samples/src/test/resources/torch_iris_outputs.csv: PyTorch's class probabilities for the 150 rows
of samples/data/iris.csv, in file order, printed so that each float32 reads back exactly.
"""
import csv
import os

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
RESOURCES = os.path.join(ROOT, "src", "test", "resources")

data = np.loadtxt(os.path.join(ROOT, "data", "iris.csv"), delimiter=",", skiprows=1)
x = torch.tensor(data[:, :4], dtype=torch.float32)
y = torch.tensor(data[:, 4], dtype=torch.long)

torch.manual_seed(0)
model = torch.nn.Sequential(
    torch.nn.Linear(4, 16), torch.nn.ReLU(),
    torch.nn.Linear(16, 3), torch.nn.Softmax(dim=1))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(500):
    optimizer.zero_grad()
    loss = torch.nn.functional.nll_loss(torch.log(model(x)), y)
    loss.backward()
    optimizer.step()

model.eval()
torch.onnx.export(model, torch.zeros(1, 4), os.path.join(RESOURCES, "torch_iris.onnx"),
                  opset_version=13, input_names=["input"], output_names=["output"],
                  dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
with torch.no_grad():
    p = model(x)
with open(os.path.join(RESOURCES, "torch_iris_outputs.csv"), "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["p_0", "p_1", "p_2"])
    for row in p.tolist():
        out.writerow([repr(float(np.float32(v))) for v in row])
accuracy = (p.argmax(dim=1) == y).float().mean().item()
print(f"loss {loss.item():.6f}, accuracy {accuracy:.4f}")
