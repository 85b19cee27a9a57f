/**
 * The normalised trunk model: what `loadModel()` returns after the YAML has been parsed,
 * checked against schemas/trunk.schema.json, given its defaults and run through the semantic
 * rules. Renderers, the resolver and the prober read only this shape, never the raw YAML.
 *
 * This file is the contract between the model and everything downstream of it.
 */
import type { Secret } from '../util/secret.js';

export type Transport = 'udp' | 'tcp' | 'tls';

/** Canonical codec names. Aliases (alaw, G711a, ulaw, G711u, Speex16, ...) map onto these. */
export type CodecName = 'PCMA' | 'PCMU' | 'G729' | 'G722' | 'iLBC' | 'speex16';

export type PbxKind = 'asterisk-chansip' | 'asterisk-pjsip' | 'freepbx' | 'freeswitch';
export type FirewallKind = 'iptables' | 'nftables' | 'ufw' | 'firewalld';
export type RenderTarget = PbxKind | FirewallKind;

/** A carrier's regional SIP endpoint (sip-us1.nexmo.com, Washington). */
export interface CarrierEndpoint {
  host: string;
  /** Region code used for endpoint choice: `us`, `eu`, `ap`, ... */
  region: string;
  /** Human place name from the carrier document: Washington, London, Singapore. */
  location: string;
  /** Approximate coordinates of the location, used to order regions by distance. */
  latitude: number;
  longitude: number;
}

/** A region the model may name, with where it is (for "the two closest endpoints"). */
export interface CarrierRegion {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  /** The carrier's codec rule: ulaw (PCMU) is for the US only, alaw (PCMA) elsewhere. */
  ulaw: boolean;
}

/** The facts of a carrier (src/carriers/<id>.yaml), possibly overridden by the model. */
export interface CarrierProfile {
  id: string;
  name: string;
  /** The SIP domain users point at: sip.nexmo.com. */
  domain: string;
  endpoints: CarrierEndpoint[];
  regions: CarrierRegion[];
  /** Addresses the carrier signals from (IPv4/IPv6 addresses or CIDRs), for ACLs and firewalls. */
  signallingAddresses: string[];
  ports: { udp: number; tcp: number; tls: number };
  media: { portMin: number; portMax: number };
  codecs: CodecName[];
  dtmf: 'rfc2833';
  tls: { minVersion: 'TLSv1.2' | 'TLSv1.3' };
  /** Forward-to-SIP rules of the carrier's dashboard. */
  forward: { timeoutMinMs: number; timeoutMaxMs: number; timeoutDefaultMs: number };
}

/** A phone number after E.164 normalisation. */
export interface PhoneNumber {
  input: string;
  /** `+` form: +14155550100. */
  e164: string;
  /** ISO 3166-1 alpha-2 country, when libphonenumber knows it (US, GB, FR). */
  country: string | undefined;
  callingCode: string;
  nationalNumber: string;
}

/** One entry of the forward-to-SIP list, in failover order. */
export interface ForwardEntry {
  /** 0-based position: 0 is tried first. */
  index: number;
  /** The text as the user wrote it. */
  input: string;
  /** Canonical URI with scheme: sip:1234567890@mydomain.com;timeout=5000 */
  uri: string;
  scheme: 'sip' | 'sips';
  user: string | undefined;
  host: string;
  hostKind: 'domain' | 'ipv4' | 'ipv6';
  /** Effective port (explicit, else 5060 for sip, 5061 for sips). */
  port: number;
  /** Whether the port was written in the URI (RFC 3263: an explicit port skips SRV). */
  explicitPort: boolean;
  /** Effective transport (explicit transport= parameter, else udp for sip, tls for sips). */
  transport: Transport;
  /** Per-entry timeout from `;timeout=`, else the carrier default (5000 ms). */
  timeoutMs: number;
  /** Other URI parameters, lower-cased names; value null for a flag parameter. */
  params: Record<string, string | null>;
}

/** Dial plan options of one PBX target. */
export interface PbxTarget {
  kind: PbxKind;
  /** Context (Asterisk) or dialplan context (FreeSWITCH) inbound calls from the carrier land in. */
  inboundContext: string;
  /** Context holding the outbound dial patterns. */
  outboundContext: string;
  /** The extension inbound calls to the DIDs go to (1000 in the carrier document). */
  inboundExtension: string;
  /**
   * Outbound dial patterns in the target's own syntax: Asterisk extension patterns (`_00X.`)
   * for asterisk-* and freepbx, regular expressions (`^00(\d+)$`) for freeswitch.
   */
  outboundPatterns: string[];
  /** Register with the carrier for outbound calls (the carrier document does). */
  register: boolean;
  /** OPTIONS keep-alive / qualify interval in seconds (pjsip qualify_frequency = 120 in the document). */
  qualifySeconds: number;
  /** Whether the PBX sits behind NAT (chan_sip nat=, pjsip rtp_symmetric/force_rport/rewrite_contact). */
  nat: boolean;
  /** TLS certificate paths on the PBX host, used when tls is an enabled transport. */
  tls: { certFile: string; keyFile: string; caFile: string | undefined } | undefined;
}

export interface TrunkAccount {
  /** The carrier API key: Digest username. Not secret. */
  apiKey: string;
  /** How the secret is referenced, safe to show: `env:NEXMO_API_SECRET`, `file:./secret.txt`. */
  secretRef: SecretRef;
}

export type SecretRef =
  | { kind: 'env'; name: string }
  | { kind: 'file'; path: string }
  | { kind: 'inline'; value: Secret };

export interface TrunkModel {
  /** Absolute path of the YAML file, when loaded from a file. */
  source: string | undefined;
  /** Trunk name, used for section and gateway names: `nexmo`. Matches ^[a-z][a-z0-9_-]{0,31}$. */
  name: string;
  carrier: CarrierProfile;
  account: TrunkAccount;
  callerId: PhoneNumber;
  dids: PhoneNumber[];
  /** Codecs in preference order, canonical names. */
  codecs: CodecName[];
  /** Enabled transports, in preference order. */
  transports: Transport[];
  /** Region id used for endpoint choice (one of carrier.regions). */
  region: string;
  pbx: PbxTarget[];
  forward: ForwardEntry[];
  firewall: FirewallKind[];
  /** The user agent's own TLS material for signalling (client certificate), when it has one. */
  tls: { certFile: string | undefined; keyFile: string | undefined; caFile: string | undefined };
  /** DNS server for resolution (`127.0.0.1:5353`); undefined means the system resolver. */
  dnsServer: string | undefined;
}

export type Severity = 'error' | 'warning';

/** One validation finding. `code` is stable (src/model/codes.ts). */
export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  /** JSON pointer into the model: `/numbers/dids/2`. */
  path: string;
  /** Where in the YAML source, 1-based, when known. */
  file?: string;
  line?: number;
  column?: number;
  /** What would be valid, in words. */
  expected?: string;
}

export interface ValidationResult {
  ok: boolean;
  /** The normalised model; present even when there are warnings, absent when there are errors. */
  model: TrunkModel | undefined;
  findings: Finding[];
}

/** Resolves the secret reference into a Secret (never a plain string). */
export type SecretResolver = (ref: SecretRef, baseDir: string | undefined) => Promise<Secret>;
