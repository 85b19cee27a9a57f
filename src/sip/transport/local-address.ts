/**
 * The local address the kernel would use to reach a destination, for the Via sent-by
 * (RFC 3261 18.1.1) when the socket is bound to a wildcard address. Found once per destination
 * address by connecting a throw-away UDP socket (no packet is sent) and cached.
 */
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';

const cache = new Map<string, string>();
const MAX = 4096;

/** The address found before for `remote`, if any (no waiting). */
export function knownLocalAddressFor(remote: string): string | undefined {
  return cache.get(remote);
}

export async function localAddressFor(remote: string): Promise<string> {
  const hit = cache.get(remote);
  if (hit) return hit;
  const s = dgram.createSocket(isIPv6(remote) ? 'udp6' : 'udp4');
  try {
    const addr = await new Promise<string>((resolve, reject) => {
      s.once('error', reject);
      s.connect(9, remote, () => resolve(s.address().address));
    });
    if (cache.size >= MAX) cache.clear();
    cache.set(remote, addr);
    return addr;
  } catch {
    return isIPv6(remote) ? '::1' : '127.0.0.1';
  } finally {
    s.close();
  }
}
