/**
 * Loopback addresses and free ports for tests that start real peers.
 *
 * Each area of the project owns a /24 of 127.0.0.0/8 (see the brief: SIP stack 127.0.10.x,
 * resolve 127.0.20.x, service 127.0.30.x) so that test files running in parallel never collide.
 * Inside an area, a test file takes its own address with `loopbackHost(area, n)`, then asks for
 * free ports on it.
 */
import dgram from 'node:dgram';
import net from 'node:net';

/** `127.<area>.0.<n>`-style helper: `loopbackHost(10, 3)` → `127.0.10.3`. */
export function loopbackHost(area: number, n: number): string {
  if (n < 1 || n > 254) throw new RangeError(`host number ${n} outside 1..254`);
  return `127.0.${area}.${n}`;
}

/** Binds a UDP socket on host:port; resolves true when the port was free (and releases it). */
export function udpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    s.once('error', () => {
      s.close();
      resolve(false);
    });
    s.bind({ address: host, port, exclusive: true }, () => {
      s.close(() => resolve(true));
    });
  });
}

/** Listens on TCP host:port; resolves true when the port was free (and releases it). */
export function tcpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Resolves true when something accepts TCP connections on host:port. */
export function tcpAccepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect({ host, port });
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => {
      c.destroy();
      resolve(false);
    });
  });
}

/**
 * A port free for both UDP and TCP on `host` (SIP peers listen on both). Picks random ports in
 * 20000-59999 and retries; a peer that still loses the race is restarted by its harness.
 */
export async function freePort(host: string, count = 1): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 40000 - count);
    let ok = true;
    for (let p = base; p < base + count && ok; p++) {
      ok = (await udpPortFree(host, p)) && (await tcpPortFree(host, p));
    }
    if (ok) return base;
  }
  throw new Error(`no free port on ${host} after 200 attempts`);
}

/** Polls `check` every `intervalMs` until it returns true or `timeoutMs` passes. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  intervalMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
