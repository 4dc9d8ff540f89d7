#!/usr/bin/python3
"""LeNet-5 shape in PyTorch on the CPU with one thread: the PyTorch column of the convolution
benchmark (docs/performance.md).

The network is the language spec's LeNet on 28 x 28 x 1:

    conv 6 5x5 relu -> maxpool 2x2 -> conv 16 5x5 relu (same) -> avgpool 2x2
    -> dense 120 relu -> dense 10 softmax, cross-entropy, sgd(rate = 0.01)

Measured, in double and in float: training examples per second with one example per step
(batch 1) and with 32 (batch 32, the loss summed over the batch as netc does), and predictions
per second (one example at a time, no gradient). Each figure is the best of several timed
rounds after a warm-up, per CPU-second of the process (as the JMH suite's CpuShareProfiler
reports netc's: on a machine shared with other work, another process only ever takes CPU time
away); the CPU share column is the mean fraction of a core the process got. Run with Debian's
python3-torch:

    /usr/bin/python3 benchmarks/pytorch/lenet.py            # about 1 minute
    /usr/bin/python3 benchmarks/pytorch/lenet.py --seconds 0.5 --rounds 3   # a quick look
"""

import argparse
import os
import statistics
import time

# One thread also for the BLAS and OpenMP pools below torch.set_num_threads(1), whose idle
# workers would otherwise spin and be counted as the process's CPU time.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import torch  # noqa: E402 (after the thread settings, which torch reads when it loads)
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5, padding=2)  # same: 5x5, stride 1 pads 2 on each side
        self.fc1 = nn.Linear(6 * 6 * 16, 120)
        self.fc2 = nn.Linear(120, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.avg_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        return self.fc2(F.relu(self.fc1(x)))  # logits; softmax is in the loss


def rate(work, seconds, rounds, per_call):
    """Best examples per CPU-second of work() over rounds of about `seconds` each, and the mean
    CPU share (CPU time / wall time) of the rounds."""
    start = time.perf_counter()
    calls = 0
    while time.perf_counter() - start < seconds:  # warm-up, and an estimate of calls per round
        work()
        calls += 1
    n = max(1, calls)
    rates = []
    shares = []
    for _ in range(rounds):
        wall = time.perf_counter()
        cpu = time.process_time()
        for _ in range(n):
            work()
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - wall
        rates.append(n * per_call / cpu)
        shares.append(cpu / wall)
    return max(rates), statistics.mean(shares)


def measure(dtype, seconds, rounds):
    torch.manual_seed(1)
    net = LeNet().to(dtype)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    xs = torch.rand(1024, 1, 28, 28, dtype=dtype)
    ys = torch.randint(10, (1024,))
    state = {"i": 0}

    def train(batch):
        def step():
            i = state["i"]
            state["i"] = (i + batch) % (1024 - batch)
            opt.zero_grad()
            loss = F.cross_entropy(net(xs[i:i + batch]), ys[i:i + batch], reduction="sum")
            loss.backward()
            opt.step()
        return step

    def predict():
        i = state["i"]
        state["i"] = (i + 1) % 1024
        with torch.no_grad():
            net(xs[i:i + 1]).argmax()

    return (rate(train(1), seconds, rounds, 1), rate(train(32), seconds, rounds, 32),
            rate(predict, seconds, rounds, 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="length of one round")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per figure")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    print("PyTorch %s, %d thread, LeNet-5 shape on 28 x 28 x 1" % (torch.__version__,
                                                               torch.get_num_threads()))
    print()
    print("examples per CPU-second, best round (CPU share: mean fraction of a core the process got)")
    print()
    print("| precision | train, batch 1 | CPU share | train, batch 32 | CPU share "
          "| predict | CPU share |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, dtype in (("double", torch.float64), ("float", torch.float32)):
        figures = measure(dtype, args.seconds, args.rounds)
        print("| %s | %s |" % (name, " | ".join("%.0f | %.2f" % f for f in figures)))


if __name__ == "__main__":
    main()
