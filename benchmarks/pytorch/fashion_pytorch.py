"""PyTorch side of fashion-vs-pytorch.sh: trains the network of samples/src/main/netc/fashion.nn
(784 -> 128 relu -> 10 softmax, cross-entropy, Adam rate 0.001) on the 60,000 Fashion-MNIST
training images in mini-batches of 32 (mean loss, shuffled every epoch) on one CPU thread, in
float32 and float64, and prints one tab-separated line per precision:

    pytorch <precision> <threads> <training seconds> <test accuracy>

The training time covers the epochs only (no loading, no evaluation), as netc's "trained ... in"
figure does. Pixels are divided by 255 like netc's IDX loader.
"""

import argparse
import gzip
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(folder, kind):
    images = read_idx(f"{folder}/{kind}-images-idx3-ubyte.gz")
    labels = read_idx(f"{folder}/{kind}-labels-idx1-ubyte.gz")
    return images.reshape(len(images), -1).astype(np.float64) / 255.0, labels.astype(np.int64)


def run(x, y, x_test, y_test, dtype, epochs, batch, seed):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    for layer in (model[0], model[2]):
        torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
        torch.nn.init.zeros_(layer.bias)
    model = model.to(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = torch.nn.CrossEntropyLoss()
    xt = torch.from_numpy(x).to(dtype)
    yt = torch.from_numpy(y)
    generator = torch.Generator().manual_seed(seed)
    n = len(xt)
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(n, generator=generator)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(xt[idx]), yt[idx])
            loss.backward()
            optimizer.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        predicted = model(torch.from_numpy(x_test).to(dtype)).argmax(dim=1).numpy()
    return seconds, float((predicted == y_test).mean())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--precisions", default="float32,float64")
    args = parser.parse_args()
    torch.set_num_threads(1)
    x, y = load(args.data, "train")
    x_test, y_test = load(args.data, "t10k")
    for name in args.precisions.split(","):
        dtype = {"float32": torch.float32, "float64": torch.float64}[name]
        seconds, accuracy = run(x, y, x_test, y_test, dtype, args.epochs, args.batch, args.seed)
        print(f"pytorch\t{name}\t1\t{seconds:.2f}\t{accuracy:.4f}", flush=True)


if __name__ == "__main__":
    main()
