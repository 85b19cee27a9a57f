/**
 * Starts the real service (fastify listening on a loopback address of the service area,
 * port 0) with test keys, for the HTTP tests. Probes go through the real SIP client.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createSipProbers, type SipProbers } from '../../../src/probe/sip-probers.js';
import { normaliseServiceConfig } from '../../../src/service/config.js';
import { createModelApi } from '../../../src/service/model-api-impl.js';
import { startService, type RunningService } from '../../../src/service/service.js';

export const KEYS = {
  ok: { key: 'ops', secret: 'a3f1c9e07b5d42e8a6c1f0b9d8e7c6b5a4f3e2d1c0b9a8f7' },
  other: { key: 'ci', secret: '0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a3f2e1d0c9b8a7f6' },
  disabled: { key: 'retired', secret: 'f0e1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d5e6f7a8b' },
};

export const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

export interface TestService extends RunningService {
  logs: string[];
  probers: SipProbers;
  stop(): Promise<void>;
}

export async function startTestService(host: string, raw: Record<string, unknown> = {}): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), 'siptrunk-service-'));
  const auth = (raw['auth'] ?? {}) as Record<string, unknown>;
  const config = normaliseServiceConfig({
    listen: { host, port: 0 },
    logging: { level: 'info' },
    shutdownTimeout: '3s',
    ...raw,
    auth: {
      keys: [
        { key: KEYS.ok.key, secretSha256: sha256hex(KEYS.ok.secret) },
        { key: KEYS.other.key, secretSha256: sha256hex(KEYS.other.secret) },
        { key: KEYS.disabled.key, secretSha256: sha256hex(KEYS.disabled.secret), disabled: true },
      ],
      failedAuthRateLimit: { burst: 100000, refillPerSecond: 1000 },
      ...auth,
      jwt: { privateKeyFile: join(dir, 'jwt-key.pem'), createKey: true, clockSkew: '5s', ...((auth['jwt'] as object) ?? {}) },
    },
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const probers = createSipProbers();
  const svc = await startService(config, { probers: probers.table, modelApi: createModelApi(), logDestination: sink });
  return {
    ...svc,
    logs,
    probers,
    async stop() {
      await svc.close();
      await probers.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function basic(key: string, secret: string): string {
  return 'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64');
}
