/**
 * What every firewall target allows: signalling from each carrier address or network to the
 * enabled transports' ports only (UDP and TCP 5060 for udp/tcp, TCP 5061 for tls), and media
 * from anywhere to the carrier's RTP range (UDP 10000-20000): the carrier document says its
 * media addresses change and are not to be allowlisted by address.
 */
import type { TrunkModel } from '../../model/types.js';
import { FindingList } from '../findings.js';
import type { Finding } from '../../model/types.js';
import { signallingAddresses, signallingPorts, checkTrunkName } from '../model-checks.js';
import type { SignallingAddress } from '../addresses.js';

export interface FirewallPlan {
  v4: SignallingAddress[];
  v6: SignallingAddress[];
  udp: number[];
  tcp: number[];
  media: { min: number; max: number };
}

export function firewallPlan(model: TrunkModel, f: FindingList, format: string): FirewallPlan {
  checkTrunkName(f, model, format);
  const addrs = signallingAddresses(f, model, format);
  const { udp, tcp } = signallingPorts(model);
  const { portMin, portMax } = model.carrier.media;
  const okPort = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535;
  if (!okPort(portMin) || !okPort(portMax) || portMin > portMax) {
    f.check(`is ${portMin}-${portMax}, not a port range`, '/carrier/media', format, 'portMin <= portMax, both 1-65535');
  }
  for (const [k, p] of Object.entries(model.carrier.ports)) {
    if (!okPort(p)) f.check(`is ${p}, not a port`, `/carrier/ports/${k}`, format, 'a port 1-65535');
  }
  // The same address twice would be a duplicate rule (and a duplicate set element for nft).
  const seen = new Set<string>();
  const unique = addrs.filter((a) => (seen.has(a.cidr) ? false : (seen.add(a.cidr), true)));
  return {
    v4: unique.filter((a) => a.family === 4),
    v6: unique.filter((a) => a.family === 6),
    udp,
    tcp,
    media: { min: portMin, max: portMax },
  };
}

/** The findings of a firewall target whose only checks are those of its plan. */
export function firewallFindings(model: TrunkModel, format: string): Finding[] {
  const f = new FindingList();
  firewallPlan(model, f, format);
  return f.items;
}
