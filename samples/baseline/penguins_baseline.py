#!/usr/bin/python3
"""Baselines for the penguins sample: scikit-learn on the same split and the same encoding.

Run from the repository root with Debian's Python and scikit-learn (apt-get install
python3-sklearn; tested with scikit-learn 1.2.1, numpy 1.24.2):

    /usr/bin/python3 samples/baseline/penguins_baseline.py

It reads samples/data/penguins.csv as published and penguins-test-lines.txt, the file lines of
the 103 held-out rows of netc's stratified 70/30 split with seed 42 (PenguinsSample checks that
its split is exactly these rows). The other 241 rows train. The encoding is netc's: year left out;
island and sex one-hot over their training values, a missing or unseen value all zeros; a missing
number replaced by its column's training mean; then every input standardized with the training
mean and population standard deviation. It prints the held-out accuracy of:

- a multinomial logistic regression (lbfgs, C = 1, max_iter = 1000), and
- a random forest (500 trees, random_state = 0).

Output with scikit-learn 1.2.1: see samples/baseline/README.md.
"""
import csv
import os

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "penguins.csv")
MISSING = {"", "na", "n/a", "nan", "null", "?"}


def missing(value):
    return value.strip().lower() in MISSING


def main():
    with open(DATA, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    with open(os.path.join(HERE, "penguins-test-lines.txt"), encoding="ascii") as f:
        test_lines = [int(line) for line in f if line.strip()]
    # File line n (1-based, the header is line 1) is body[n - 2].
    test = [body[n - 2] for n in test_lines]
    test_set = set(test_lines)
    train = [row for n, row in enumerate(body, start=2) if n not in test_set]

    label = header.index("species")
    features = [j for j, name in enumerate(header) if name not in ("species", "year")]
    encoders = []
    for j in features:
        values = [r[j].strip() for r in train if not missing(r[j])]
        try:
            numbers = [float(v) for v in values]
            encoders.append(("numeric", j, sum(numbers) / len(numbers)))
        except ValueError:
            encoders.append(("categorical", j, sorted(set(values))))

    def encode(row):
        out = []
        for kind, j, info in encoders:
            if kind == "numeric":
                out.append(info if missing(row[j]) else float(row[j]))
            else:
                out.extend(1.0 if row[j].strip() == v else 0.0 for v in info)
        return out

    x_train = np.array([encode(r) for r in train])
    x_test = np.array([encode(r) for r in test])
    mean = x_train.mean(axis=0)
    sd = x_train.std(axis=0)
    sd[sd == 0] = 1.0
    x_train = (x_train - mean) / sd
    x_test = (x_test - mean) / sd
    y_train = [r[label] for r in train]
    y_test = [r[label] for r in test]

    print("train rows %d, test rows %d, inputs %d" % (len(train), len(test), x_train.shape[1]))
    models = [
        ("logistic regression", LogisticRegression(C=1.0, max_iter=1000)),
        ("random forest", RandomForestClassifier(n_estimators=500, random_state=0)),
    ]
    for name, model in models:
        model.fit(x_train, y_train)
        predicted = model.predict(x_test)
        correct = sum(1 for p, t in zip(predicted, y_test) if p == t)
        print("%s: test accuracy %.2f%% (%d/%d)" % (name, 100.0 * correct / len(y_test), correct,
                                                     len(y_test)))


if __name__ == "__main__":
    main()
