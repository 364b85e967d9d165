#!/usr/bin/env python3
"""Gradient Lab's independent check of the layer probe (electron/engine/train/layer-probe.ts), in PyTorch.

Reads a probe case (electron/engine/train/probe-case.ts writes it: the initial weights of a run, its first batch
and the lab's step-0 probe), recomputes every probe quantity from the weights and batch with torch's
autograd, in float32 as the lab computes (--dtype float64 to see what float32 rounds away, e.g. a sigmoid
that float32 saturates to exactly 1 where float64 leaves a gradient of 1e-11), and compares field by field:

  activation h: mean, std (population), saturated share (|tanh| > 0.97; sigmoid |2s-1| > 0.97), histogram
  pre-activation u (input of the activation, after batch norm): percentiles 15/50/85 (linear interpolation)
  dL/dh: std, log10|.| histogram with zeros apart
  W: std(W), std(dL/dW), grad:data, update:data log10(std(lr dL/dW)/std(W)) and log10(||lr dL/dW||/||W||)
  delta = dL/dz: ||delta||, ||dL/db||
  ledger: log10(||delta_l||/||delta_l+1||), log10 mean|sigma'(u)|, log10(||delta_l+1 W_l+1^T|| / ||delta_l+1||)

Tolerances: scalars 1e-3 relative (absolute below 1e-12; ||dL/db|| on the scale of 1e-3 ||delta||, since
before batch norm it is rounding noise of an exact zero), log10 fields 1e-3 absolute, shares 2 entries, histograms 0.5% of the entries in L1 (bin edges). Prints one JSON line
with the worst difference per kind and exits 1 when anything disagrees.

Run: /usr/bin/python3 bench/probe_check.py CASE.json [--threads 1] [--dtype float32|float64]
"""
import argparse
import json
import math
import sys

import numpy as np
import torch
import torch.nn.functional as F

SCALAR_REL = 1e-3
LOG_ABS = 1e-3
DTYPE = torch.float32


def log10(x):
    """log10, or None where it is not finite (the lab's null: a gradient that is exactly zero)."""
    return math.log10(x) if x > 0 and math.isfinite(x) else None


def activation(kind, u):
    if kind == 'sigmoid':
        return torch.sigmoid(u)
    if kind == 'tanh':
        return torch.tanh(u)
    if kind == 'relu':
        return torch.relu(u)
    if kind == 'leakyRelu':
        return F.leaky_relu(u, 0.2)
    if kind == 'elu':
        return F.elu(u)
    if kind == 'selu':
        return torch.selu(u)
    if kind == 'gelu':
        return F.gelu(u)
    if kind == 'softplus':
        return F.softplus(u)
    if kind in ('linear', 'softmax'):
        return u
    raise ValueError('unknown activation ' + kind)


def log_hist(g, rule):
    a = np.abs(g.ravel())
    zeros = int((a == 0).sum())
    nz = a[a != 0]
    width = (rule['log10Max'] - rule['log10Min']) / rule['bins']
    b = np.floor((np.log10(nz) - rule['log10Min']) / width)
    b = np.clip(np.nan_to_num(b, nan=rule['bins'] - 1, posinf=rule['bins'] - 1, neginf=0), 0, rule['bins'] - 1).astype(int)
    return np.bincount(b, minlength=rule['bins']), zeros


def act_hist(h, rule):
    width = (rule['max'] - rule['min']) / rule['bins']
    b = np.clip(np.floor((h.ravel() - rule['min']) / width), 0, rule['bins'] - 1).astype(int)
    return np.bincount(b, minlength=rule['bins'])


def compute(case):
    n = len(case['y'])
    x = torch.tensor(case['x'], dtype=DTYPE).reshape(n, case['features'])
    y = torch.tensor(case['y'], dtype=torch.long)
    lr = case['probe']['learningRate']
    Ws, bs, zs, us, hs = [], [], [], [], []
    a = x
    for layer in case['layers']:
        W = torch.tensor(layer['kernel'], dtype=DTYPE).reshape(layer['fanIn'], layer['units']).requires_grad_()
        b = torch.tensor(layer['bias'], dtype=DTYPE).requires_grad_()
        z = a @ W + b
        z.retain_grad()
        u = z
        bn = layer['batchNorm']
        if bn:
            mean = z.mean(0)
            var = z.var(0, unbiased=False)
            u = (z - mean) / torch.sqrt(var + bn['epsilon']) * torch.tensor(bn['gamma'], dtype=DTYPE) + torch.tensor(bn['beta'], dtype=DTYPE)
        h = activation(layer['activation'], u)
        if h is z:
            h = z.clone()
        h.retain_grad()
        Ws.append(W), bs.append(b), zs.append(z), us.append(u), hs.append(h)
        a = h + a if layer['residual'] else h
    loss = F.cross_entropy(hs[-1], y)
    loss.backward()
    L = len(case['layers'])
    out = []
    for l, layer in enumerate(case['layers']):
        W, dW = Ws[l].detach(), Ws[l].grad
        h = hs[l].detach()
        u = us[l].detach()
        delta = zs[l].grad
        dh = hs[l].grad
        kind = layer['activation']
        rec = {
            'actMean': h.mean().item(),
            'actStd': h.std(unbiased=False).item(),
            'preP15': torch.quantile(u.ravel(), 0.15).item(),
            'preP50': torch.quantile(u.ravel(), 0.5).item(),
            'preP85': torch.quantile(u.ravel(), 0.85).item(),
            'actGradStd': dh.std(unbiased=False).item(),
            'weightStd': W.std(unbiased=False).item(),
            'weightGradStd': dW.std(unbiased=False).item(),
            'deltaNorm': delta.norm().item(),
            'biasGradNorm': bs[l].grad.norm().item(),
        }
        rec['gradToData'] = rec['weightGradStd'] / rec['weightStd']
        rec['updateToDataStd'] = log10(lr * rec['weightGradStd'] / rec['weightStd'])
        rec['updateToDataNorm'] = log10(lr * dW.norm().item() / W.norm().item())
        thr = case['rules']['saturation']
        if kind == 'tanh':
            rec['saturatedFrac'] = (h.abs() > thr['tanh']).double().mean().item()
        elif kind == 'sigmoid':
            rec['saturatedFrac'] = ((2 * h - 1).abs() > thr['sigmoid']).double().mean().item()
        else:
            rec['saturatedFrac'] = None
        if l + 1 < L:
            nxt = zs[l + 1].grad
            uu = u.clone().requires_grad_()
            (ds,) = torch.autograd.grad(activation(kind, uu).sum(), uu)
            back = nxt @ Ws[l + 1].detach().T
            rec['ledgerRatio'] = log10(delta.norm().item() / nxt.norm().item())
            rec['ledgerActivation'] = log10(ds.abs().mean().item())
            rec['ledgerWeights'] = log10(back.norm().item() / nxt.norm().item())
        else:
            rec['ledgerRatio'] = rec['ledgerActivation'] = rec['ledgerWeights'] = None
        rec['actCounts'] = act_hist(h.numpy(), case['rules']['activationHistogram'])
        rec['actGradCounts'], rec['actGradZeros'] = log_hist(dh.numpy(), case['rules']['gradientHistogram'])
        rec['total'] = h.numel()
        out.append(rec)
    return loss.item(), out


LOG_FIELDS = {'updateToDataStd', 'updateToDataNorm', 'ledgerRatio', 'ledgerActivation', 'ledgerWeights'}
SCALARS = ['actMean', 'actStd', 'preP15', 'preP50', 'preP85', 'actGradStd', 'weightStd', 'weightGradStd', 'gradToData', 'deltaNorm', 'biasGradNorm']


def compare(case, loss, ours):
    problems = []
    worst = {'scalarRel': 0.0, 'logAbs': 0.0, 'shareEntries': 0.0, 'histL1Share': 0.0}
    probe = case['probe']
    d = abs(probe['loss'] - loss) / max(abs(loss), 1e-12)
    worst['scalarRel'] = max(worst['scalarRel'], d)
    if d > SCALAR_REL:
        problems.append('loss: lab %r, torch %r' % (probe['loss'], loss))
    for l, (lab, ref) in enumerate(zip(probe['layers'], ours)):
        for f in SCALARS:
            a, b = lab[f], ref[f]
            # Before batch norm the bias gradient is exactly zero in exact arithmetic: both sides hold rounding
            # noise, compared on the scale of the layer's delta.
            floor = 1e-3 * ref['deltaNorm'] if f == 'biasGradNorm' else 1e-12
            rel = abs(a - b) / max(abs(b), floor) if max(abs(b), floor) > 1e-12 else abs(a - b)
            worst['scalarRel'] = max(worst['scalarRel'], rel)
            if rel > SCALAR_REL:
                problems.append('layer %d %s: lab %r, torch %r' % (l, f, a, b))
        for f in LOG_FIELDS:
            a, b = lab[f], ref[f]
            if (a is None) != (b is None):
                problems.append('layer %d %s: lab %r, torch %r' % (l, f, a, b))
                continue
            if a is not None:
                worst['logAbs'] = max(worst['logAbs'], abs(a - b))
                if abs(a - b) > LOG_ABS:
                    problems.append('layer %d %s: lab %r, torch %r' % (l, f, a, b))
        a, b = lab['saturatedFrac'], ref['saturatedFrac']
        if (a is None) != (b is None):
            problems.append('layer %d saturatedFrac: lab %r, torch %r' % (l, a, b))
        elif a is not None:
            entries = abs(a - b) * ref['total']
            worst['shareEntries'] = max(worst['shareEntries'], entries)
            if entries > 2.5:
                problems.append('layer %d saturatedFrac: lab %r, torch %r' % (l, a, b))
        if lab['total'] != ref['total']:
            problems.append('layer %d total: lab %r, torch %r' % (l, lab['total'], ref['total']))
        for f in ('actCounts', 'actGradCounts'):
            l1 = float(np.abs(np.array(lab[f]) - np.array(ref[f])).sum())
            if f == 'actGradCounts':
                l1 += abs(lab['actGradZeros'] - ref['actGradZeros'])
            share = l1 / ref['total']
            worst['histL1Share'] = max(worst['histL1Share'], share)
            if share > 0.005:
                problems.append('layer %d %s: L1 difference %d of %d entries' % (l, f, l1, ref['total']))
    return problems, worst


def main():
    p = argparse.ArgumentParser()
    p.add_argument('case')
    p.add_argument('--threads', type=int, default=1)
    p.add_argument('--dtype', choices=['float32', 'float64'], default='float32')
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    global DTYPE
    DTYPE = torch.float32 if args.dtype == 'float32' else torch.float64
    with open(args.case) as f:
        case = json.load(f)
    if case.get('format') != 'gradient-lab-probe-case':
        print(json.dumps({'ok': False, 'problems': ['not a Gradient Lab probe case']}))
        sys.exit(2)
    loss, ours = compute(case)
    problems, worst = compare(case, loss, ours)
    print(json.dumps({
        'ok': not problems,
        'layers': len(ours),
        'torch': torch.__version__,
        'threads': args.threads,
        'dtype': args.dtype,
        'loss': {'lab': case['probe']['loss'], 'torch': loss},
        'deltaNorm': [{'lab': a['deltaNorm'], 'torch': b['deltaNorm']} for a, b in zip(case['probe']['layers'], ours)],
        'worst': worst,
        'problems': problems[:20],
    }))
    sys.exit(0 if not problems else 1)


if __name__ == '__main__':
    main()
