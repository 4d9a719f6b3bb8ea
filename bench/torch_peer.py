#!/usr/bin/env python3
"""The PyTorch peer of the DJL trainers' epoch-time benchmark (tunelab bench peers / bench images).

Usage: python3 bench/torch_peer.py SPEC.json

SPEC.json (written by io.tunelab.bench.training.TorchPeer) names the training examples the Java side
trained on, written as raw little-endian arrays, and the network the Java side built:

  {"threads": 1, "seed": 42, "epochs": 2, "batch_size": 32, "optimizer": "adam", "learning_rate": 0.001,
   "task": "classification" | "regression",
   "features": "x.f32", "feature_shape": [N, ...example shape],
   "labels": "y.i64" (classification) | "targets": "y.f32", "target_width": 1 (regression),
   "classes": 10,
   "architecture": {"type": "cnn" | "rnn" | "mlp", ...: ArchitectureJson of the Java record}}

It trains the same network (same layers, batch size, optimizer and learning rate, same threads) in
PyTorch and prints JSON lines on standard output: first {"peer": "torch-VERSION", "threads": T}, then
one {"epoch": E, "seconds": S, "cpu_seconds": C, "loss": L} per epoch, where S is the wall time of the
epoch's training steps (shuffle, batches, forward, backward, update) without any evaluation, as on the
Java side, and C the CPU time of the training thread over the same steps (which other processes on a
shared machine do not inflate).
The batches are slices of one in-memory tensor in a fresh random order each epoch: the fastest idiom in
PyTorch, no DataLoader worker processes.
"""
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn


def activation(name):
    name = (name or "relu").lower()
    table = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "elu": nn.ELU, "selu": nn.SELU,
             "gelu": nn.GELU, "leaky_relu": nn.LeakyReLU, "swish": nn.SiLU, "softplus": nn.Softplus}
    if name not in table:
        raise ValueError("unknown activation " + name)
    return table[name]()


class Residual(nn.Module):
    """conv -> (bn) -> act -> conv -> (bn), plus the identity or a 1x1 projection (and bn); then act."""

    def __init__(self, channels, filters, kernel, bn, act):
        super().__init__()
        pad = kernel // 2
        layers = [nn.Conv2d(channels, filters, kernel, padding=pad, bias=not bn)]
        if bn:
            layers.append(nn.BatchNorm2d(filters))
        layers += [activation(act), nn.Conv2d(filters, filters, kernel, padding=pad, bias=not bn)]
        if bn:
            layers.append(nn.BatchNorm2d(filters))
        self.main = nn.Sequential(*layers)
        if channels == filters:
            self.skip = nn.Identity()
        else:
            skip = [nn.Conv2d(channels, filters, 1, bias=not bn)]
            if bn:
                skip.append(nn.BatchNorm2d(filters))
            self.skip = nn.Sequential(*skip)

    def forward(self, x):
        return self.main(x) + self.skip(x)


def cnn(a, outputs):
    shape = a["input_shape"]
    channels = shape[0] if len(shape) == 3 else 1
    layers = [] if len(shape) == 3 else [nn.Unflatten(1, (1, shape[0]))]
    bn = a["batch_norm"]
    for b in range(a["conv_blocks"]):
        filters = a["filters"] << b
        if a["residual"]:
            layers.append(Residual(channels, filters, a["kernel_size"], bn, a["activation"]))
        else:
            layers.append(nn.Conv2d(channels, filters, a["kernel_size"], padding=a["kernel_size"] // 2, bias=not bn))
            if bn:
                layers.append(nn.BatchNorm2d(filters))
        layers.append(activation(a["activation"]))
        layers.append(nn.MaxPool2d(2) if a["pooling"] == "max" else nn.AvgPool2d(2))
        channels = filters
    if a["global_pool"]:
        layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten()]
        width = channels
    else:
        h, w = shape[-2], shape[-1]
        for _ in range(a["conv_blocks"]):
            h, w = h // 2, w // 2
        layers += [nn.Flatten(), nn.Linear(channels * h * w, a["dense_units"]), activation(a["activation"])]
        width = a["dense_units"]
    if a["dropout"] > 0:
        layers.append(nn.Dropout(a["dropout"]))
    layers.append(nn.Linear(width, outputs))
    return nn.Sequential(*layers)


class Recurrent(nn.Module):
    """(conv1d front end) -> stacked recurrent layers returning sequences -> last step -> dense."""

    def __init__(self, a, outputs):
        super().__init__()
        steps, features = a["input_shape"]
        self.conv = None
        if a["conv_filters"] > 0:
            self.conv = nn.Conv1d(features, a["conv_filters"], a["conv_kernel"], stride=a["conv_stride"])
            features = a["conv_filters"]
        cell = {"simple": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[a["cell"]]
        self.layers = nn.ModuleList()
        for units in a["units"]:
            self.layers.append(cell(features, units, batch_first=True))
            features = units
        self.dropout = nn.Dropout(a["dropout"]) if a["dropout"] > 0 else None
        self.head = nn.Linear(features, outputs)

    def forward(self, x):
        if self.conv is not None:
            x = self.conv(x.transpose(1, 2)).transpose(1, 2)
        for layer in self.layers:
            x, _ = layer(x)
            if self.dropout is not None:
                x = self.dropout(x)
        return self.head(x[:, -1, :])


def mlp(a, outputs):
    if a["wide_and_deep"]:
        raise ValueError("the peer builds no wide-and-deep network")
    width = int(np.prod(a["input_shape"]))
    layers = [nn.Flatten()]
    bn, after = a["batch_norm"], a["batch_norm_after_activation"]
    for units in a["hidden_units"]:
        layers.append(nn.Linear(width, units, bias=not (bn and not after)))
        if bn and not after:
            layers.append(nn.BatchNorm1d(units))
        layers.append(activation(a["activation"]))
        if bn and after:
            layers.append(nn.BatchNorm1d(units))
        if a["dropout"] > 0:
            layers.append(nn.AlphaDropout(a["dropout"]) if a["alpha_dropout"] else nn.Dropout(a["dropout"]))
        width = units
    layers.append(nn.Linear(width, outputs))
    return nn.Sequential(*layers)


def network(spec):
    a = spec["architecture"]
    outputs = spec["classes"] if spec["task"] == "classification" else spec["target_width"]
    kind = a["type"]
    if kind == "cnn":
        return cnn(a, outputs)
    if kind == "rnn":
        return Recurrent(a, outputs)
    if kind == "mlp":
        return mlp(a, outputs)
    raise ValueError("unknown architecture kind " + kind)


def optimizer(spec, params):
    name = spec["optimizer"]
    lr = spec["learning_rate"]
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, eps=1e-7)  # the Java side's OptimizerSpec.defaults: the book's 1e-7
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    raise ValueError("unknown optimizer " + name)


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    torch.set_num_threads(spec["threads"])
    # the Java side's oneDNN switch (io.tunelab.trainers.device.OneDnn), so both sides run the same kernels
    torch.backends.mkldnn.enabled = os.environ.get("TUNELAB_ONEDNN", "on") == "on"
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(spec["seed"])
    say({"peer": "torch-" + torch.__version__, "threads": torch.get_num_threads()})
    x = torch.from_numpy(np.fromfile(spec["features"], dtype="<f4").reshape(spec["feature_shape"]))
    regression = spec["task"] == "regression"
    if regression:
        y = torch.from_numpy(np.fromfile(spec["targets"], dtype="<f4").reshape(-1, spec["target_width"]))
        loss_fn = nn.MSELoss()
    else:
        y = torch.from_numpy(np.fromfile(spec["labels"], dtype="<i8"))
        loss_fn = nn.CrossEntropyLoss()
    model = network(spec)
    opt = optimizer(spec, model.parameters())
    n, batch = x.shape[0], spec["batch_size"]
    model.train()
    for epoch in range(1, spec["epochs"] + 1):
        start = time.perf_counter()
        cpu = time.thread_time()
        order = torch.randperm(n)
        total = 0.0
        for i in range(0, n, batch):
            idx = order[i:i + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            total += loss.item() * idx.shape[0]
        say({"epoch": epoch, "seconds": time.perf_counter() - start, "cpu_seconds": time.thread_time() - cpu,
             "loss": total / n})


if __name__ == "__main__":
    main()
