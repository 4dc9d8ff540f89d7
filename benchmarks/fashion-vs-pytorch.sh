#!/usr/bin/env bash
# Fashion-MNIST at batch 32 (60,000 training images, 3 epochs, mean loss, Adam rate 0.001,
# 784 -> 128 relu -> 10 softmax): netc's `netc train` (the network of samples/src/main/netc/fashion.nn
# in double and in float, 1 and 2 threads) against PyTorch on the CPU with one thread (float32 and
# float64), in one run; prints a Markdown table of training seconds and test accuracy.
#
#   benchmarks/fashion-vs-pytorch.sh            # about 2 minutes on an idle 2-core machine
#   EPOCHS=1 benchmarks/fashion-vs-pytorch.sh
#
# Needs Debian's dataset-fashion-mnist (or NETC_FASHION=<folder of the four IDX files>) and
# python3-torch (PYTHON, default /usr/bin/python3). The training time of each side covers the
# epochs only (no loading, no compilation, no evaluation). Timings on a shared machine are noisy:
# run it twice and compare the ratios of one run.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
data="${NETC_FASHION:-/usr/share/datasets/fashion-mnist}"
epochs="${EPOCHS:-3}"
python="${PYTHON:-/usr/bin/python3}"
for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz \
    t10k-labels-idx1-ubyte.gz; do
  if [[ ! -f "$data/$f" ]]; then
    echo "fashion-vs-pytorch: $data/$f is missing: install Debian's dataset-fashion-mnist or set NETC_FASHION" >&2
    exit 3
  fi
done
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "fashion-vs-pytorch: $python cannot import torch: apt-get install python3-torch, or set PYTHON" >&2
  exit 3
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/samples/src/main/netc/fashion.nn" "$work/fashion.nn"
sed -e 's/network FashionNet {/network FashionNetFloat {/' \
    -e 's/^\( *\)optimizer \(.*\)$/\1optimizer \2\n\1precision float;/' \
    "$root/samples/src/main/netc/fashion.nn" > "$work/fashion_float.nn"

rows=()
netc_run() { # file precision threads
  local log="$work/$1-$3.log"
  OMP_NUM_THREADS=1 "$root/netc" train "$work/$1.nn" --data "$data/train-images-idx3-ubyte.gz" \
      --test "$data/t10k-images-idx3-ubyte.gz" --epochs "$epochs" --batch 32 --reduction mean \
      --threads "$3" --out "$work/$1.json" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  local seconds accuracy
  seconds="$(sed -n 's/^trained .* in \([0-9.]*\) s$/\1/p' "$log")"
  accuracy="$(awk '$1 == "accuracy" {sub("%", "", $2); printf "%.4f", $2 / 100; exit}' "$log")"
  rows+=("netc	$2	$3	$seconds	$accuracy")
}
netc_run fashion float64 1
netc_run fashion_float float32 1
netc_run fashion float64 2
netc_run fashion_float float32 2
while IFS= read -r line; do
  rows+=("$line")
done < <(OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$python" "$root/benchmarks/pytorch/fashion_pytorch.py" \
    --data "$data" --epochs "$epochs")

echo "| implementation | precision | threads | training s ($epochs epochs) | examples/s | test accuracy |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for row in "${rows[@]}"; do
  IFS=$'\t' read -r impl precision threads seconds accuracy <<< "$row"
  awk -v i="$impl" -v p="$precision" -v t="$threads" -v s="$seconds" -v a="$accuracy" -v e="$epochs" \
      'BEGIN {printf "| %s | %s | %s | %.1f | %.0f | %.2f%% |\n", i, p, t, s, 60000 * e / s, 100 * a}'
done
