// Starts serve-process.ts (the web host in a process of its own) and talks to it over raw and WebSocket
// connections, for the attack tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const FIXTURE = join(import.meta.dirname, 'serve-process.ts');

export interface Served {
  child: ChildProcess;
  port: number;
  token: string;
  pid: number;
  /** The host's database file. */
  dbPath: string;
  exited: () => boolean;
  stderr: () => string;
}

export async function serveProcess(env: Record<string, string> = {}): Promise<Served> {
  const db = join(mkdtempSync(join(tmpdir(), 'gl-hostile-')), 'lab.db');
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, db], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  let stderr = '';
  child.once('exit', () => (exited = true));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).once('line', res);
    child.once('exit', (code) => rej(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const { port, token, pid } = JSON.parse(line) as { port: number; token: string; pid: number };
  return { child, port, token, pid, dbPath: db, exited: () => exited, stderr: () => stderr };
}

export function stopServed(s: Served | undefined): Promise<void> {
  if (!s || s.exited()) return Promise.resolve();
  return new Promise((res) => {
    s.child.once('exit', () => res());
    s.child.kill('SIGKILL');
  });
}

/** Send raw bytes, collect whatever comes back until the server closes or `ms` pass. */
export function raw(port: number, bytes: string, ms = 1500): Promise<string> {
  return new Promise((res) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const done = () => {
      socket.destroy();
      res(got);
    };
    socket.on('data', (d) => (got += d.toString()));
    socket.on('error', done);
    socket.on('close', done);
    setTimeout(done, ms);
    socket.write(bytes);
  });
}

/** An authenticated GET of the page: the host still serves. */
export function pageStatus(s: Served): Promise<number> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port: s.port, path: '/', headers: { Host: `127.0.0.1:${s.port}`, Authorization: `Bearer ${s.token}` } }, (r) => {
      r.resume();
      res(r.statusCode ?? 0);
    });
    req.on('error', rej);
    req.end();
  });
}

export function openSocket(s: Served): Promise<WebSocket> {
  return new Promise((res, rej) => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ws?token=${s.token}`, { headers: { Origin: `http://127.0.0.1:${s.port}` } });
    ws.once('open', () => res(ws));
    ws.once('error', rej);
  });
}
