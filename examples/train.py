"""A small, real training program for the example in main.py: a multilayer perceptron trained
with plain Python (the stock python image has no numpy) on synthetic concentric circles.

Parameters arrive as ``--name=value`` arguments (single runs) or in the JSON file named by
RUN_PARAMETERS_FILE (sweeps); the file wins. Final metrics are printed as one JSON line and
written to $RUN_OUTPUT_DIR/metrics.json.
"""

import json
import math
import os
import random
import sys


def parameters() -> dict:
    values = dict(arg[2:].split("=", 1) for arg in sys.argv[1:] if arg.startswith("--") and "=" in arg)
    path = os.environ.get("RUN_PARAMETERS_FILE")
    if path:
        with open(path) as file:
            values.update(json.load(file)["parameters"])
    return values


def circles(rng: random.Random, n: int) -> list:
    points = []
    for i in range(n):
        label, angle = i % 2, rng.uniform(0, 2 * math.pi)
        radius = (0.3 if label else 0.8) + rng.gauss(0, 0.1)
        points.append(([radius * math.cos(angle), radius * math.sin(angle)], label))
    return points


def main() -> None:
    p = parameters()
    rate, depth = float(p.get("learning_rate", 0.01)), int(p.get("layers", 2))
    act, dact = ((math.tanh, lambda y: 1 - y * y) if p.get("activation") == "tanh"
                 else (lambda x: max(0.0, x), lambda y: 1.0 if y > 0 else 0.0))
    rng = random.Random(int(os.environ.get("RUN_SEED", "0")))
    data, width = circles(rng, 400), 8
    sizes = [2] + [width] * depth + [1]
    weights = [[[rng.gauss(0, 1 / math.sqrt(a)) for _ in range(a + 1)] for _ in range(b)]
               for a, b in zip(sizes, sizes[1:])]

    def forward(x):
        outputs = [x]
        for index, layer in enumerate(weights):
            z = [sum(w * v for w, v in zip(row, outputs[-1] + [1.0])) for row in layer]
            outputs.append([1 / (1 + math.exp(-max(-30.0, min(30.0, z[0]))))] if index == len(weights) - 1
                           else [act(v) for v in z])
        return outputs

    train, test = data[:300], data[300:]
    for _ in range(int(p.get("epochs", 30))):
        rng.shuffle(train)
        for x, y in train:
            outputs = forward(x)
            deltas = [outputs[-1][0] - y]
            for index in range(len(weights) - 1, -1, -1):
                inputs = outputs[index] + [1.0]
                below = [sum(weights[index][j][i] * deltas[j] for j in range(len(deltas)))
                         for i in range(len(inputs) - 1)]
                for j, row in enumerate(weights[index]):
                    for i, v in enumerate(inputs):
                        row[i] -= rate * deltas[j] * v
                deltas = [d * dact(o) for d, o in zip(below, outputs[index])]
    predictions = [(forward(x)[-1][0], y) for x, y in test]
    metrics = {
        "accuracy": sum((q > 0.5) == bool(y) for q, y in predictions) / len(test),
        "loss": -sum(math.log(max(q if y else 1 - q, 1e-12)) for q, y in predictions) / len(test),
    }
    print(json.dumps({"run": os.environ.get("RUN_NAME"), "parameters": p, "metrics": metrics}))
    with open(os.path.join(os.environ.get("RUN_OUTPUT_DIR", "/tmp"), "metrics.json"), "w") as file:
        json.dump(metrics, file)


if __name__ == "__main__":
    main()
