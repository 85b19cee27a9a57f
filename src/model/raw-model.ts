/**
 * The model as written in YAML, after the schema has checked its shape and filled in its
 * defaults: what the semantic rules read. The rules turn it into a TrunkModel (types.ts).
 */
import type { FirewallKind, PbxKind, Transport } from './types.js';

export interface RawCarrier {
  base?: string;
  [field: string]: unknown;
}

export type RawSecret = string | { env?: string; file?: string };

export interface RawPbx {
  target: PbxKind;
  inboundContext?: string;
  outboundContext?: string;
  inboundExtension: string;
  outboundPatterns?: string[];
  register: boolean;
  qualifySeconds: number;
  nat: boolean;
  tls?: { certFile: string; keyFile: string; caFile?: string };
}

export interface RawModel {
  name?: string;
  carrier: string | RawCarrier;
  account: { apiKey: string; secret: RawSecret };
  numbers: { callerId: string | number; dids: (string | number)[] };
  codecs?: string[];
  transports: Transport[];
  region: string;
  pbx: RawPbx[];
  forwardToSip: string | string[];
  firewall: FirewallKind[];
  tls: { certFile?: string; keyFile?: string; caFile?: string };
  dns: { server?: string };
}
