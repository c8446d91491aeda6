/**
 * The counting phones of bench/count-api.bench.ts (one per batch: 50 or 200), run in a worker thread
 * so that the load they make does not share the server's event loop (real phones do not). Plain
 * JavaScript: a worker does not go through tsx. workerData: { base, bare, cookie, countId, candidates,
 * batches, mode, perClient, bulk, rate }; answers { seconds, latencies, keys, retries, errors }.
 *
 * Modes: `bare` (a POST of a paper's body to a bare Fastify route in the server's process, back to
 * back: the floor of any POST on this machine at this moment), `ref` (GET /api/me back to back: an
 * authenticated request that reads the session and answers),
 * `closed` (each client sends its next request as soon as the previous one is answered), `open` (the
 * clients together offer `rate` papers/s on a fixed schedule; latency counts from the scheduled time,
 * so a server that falls behind is not flattered), `queue` (see queuedClient).
 */
/* global fetch */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as wait } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';

const { base, bare, cookie, countId, candidates, batches, mode, perClient, bulk, rate } = workerData;
const latencies = [];
const keys = [];
const errors = [];
let retries = 0;

async function post(path, body) {
  const r = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}

function paper(c, i) {
  return { batchId: batches[c], lane: 1, kept: [candidates[(c + i) % 3 === 0 ? 1 : 0]], key: randomUUID() };
}

/** Sends papers i..i+n-1 of client c (one request, bulk or not); checks a retry is a replay. */
async function send(c, i, n, retry, start) {
  const papers = Array.from({ length: n }, (_, k) => paper(c, i + k));
  const path = bulk > 1 ? `/api/counts/${countId}/papers/bulk` : `/api/counts/${countId}/papers`;
  const body = bulk > 1 ? { papers } : papers[0];
  const r = await post(path, body);
  if (r.status !== 201) throw new Error(`client ${c} paper ${i}: ${r.status} ${JSON.stringify(r.body)}`);
  latencies.push(performance.now() - start);
  for (const p of papers) keys.push(p.key);
  if (retry) {
    // A phone that did not see the answer sends the same papers again: nothing may be stored twice.
    retries += n;
    const again = await post(path, body);
    const acks = bulk > 1 ? again.body.acks : [again.body];
    const first = bulk > 1 ? r.body.acks : [r.body];
    if (again.status !== 201 || acks.some((a, k) => !a.replay || a.entryId !== first[k].entryId))
      throw new Error(`client ${c}: a retry was stored again`);
  }
}

const sleep = (ms) => wait(Math.max(0, ms));

async function client(c) {
  const step = bulk > 1 ? bulk : 1;
  const interval = mode === 'open' ? (1000 * batches.length) / rate : 0;
  const t0 = performance.now() + (interval * c) / batches.length;
  for (let i = 0, k = 0; i < perClient; i += step, k++) {
    const scheduled = t0 + k * interval;
    if (mode === 'open' && scheduled > performance.now()) await sleep(scheduled - performance.now());
    const start = mode === 'open' ? scheduled : performance.now();
    if (mode === 'bare') {
      const r = await fetch(bare, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(paper(c, i)),
      });
      await r.arrayBuffer();
      if (r.status !== 201) throw new Error(`bare POST: ${r.status}`);
      latencies.push(performance.now() - start);
    } else if (mode === 'ref') {
      const r = await fetch(`${base}/api/me`, { headers: { cookie } });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`GET /api/me: ${r.status}`);
      latencies.push(performance.now() - start);
    } else
      await send(c, i, Math.min(step, perClient - i), k % (step > 1 ? 4 : 20) === (step > 1 ? 2 : 7), start);
  }
}

/**
 * A phone that sends what has queued up: papers are typed at `rate / clients` per second on a schedule;
 * whenever no request is in flight, every paper waiting (up to 50) goes in one bulk request. Latency
 * is per paper, from the moment it was typed to its acknowledgement.
 */
async function queuedClient(c) {
  const interval = (1000 * batches.length) / rate;
  const t0 = performance.now() + (interval * c) / batches.length;
  const typedAt = (i) => t0 + i * interval;
  let sent = 0;
  let requests = 0;
  while (sent < perClient) {
    const due = Math.min(perClient, Math.floor((performance.now() - t0) / interval) + 1);
    if (due <= sent) {
      await sleep(typedAt(sent) - performance.now());
      continue;
    }
    const n = Math.min(due - sent, 50);
    const papers = Array.from({ length: n }, (_, k) => paper(c, sent + k));
    const path = `/api/counts/${countId}/papers/bulk`;
    const r = await post(path, { papers });
    if (r.status !== 201) throw new Error(`client ${c}: ${r.status} ${JSON.stringify(r.body)}`);
    const now = performance.now();
    for (let k = 0; k < n; k++) latencies.push(now - typedAt(sent + k));
    for (const p of papers) keys.push(p.key);
    if (requests++ % 20 === 7) {
      retries += n;
      const again = await post(path, { papers });
      if (
        again.status !== 201 ||
        again.body.acks.some((a, k) => !a.replay || a.entryId !== r.body.acks[k].entryId)
      )
        throw new Error(`client ${c}: a retry was stored again`);
    }
    sent += n;
  }
}

const start = performance.now();
const run = mode === 'queue' ? queuedClient : client;
await Promise.all(batches.map((_, c) => run(c).catch((e) => errors.push(String(e)))));
const seconds = (performance.now() - start) / 1000;
parentPort.postMessage({ seconds, latencies, keys, retries, errors });
