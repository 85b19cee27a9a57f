/**
 * A hand-built TrunkModel equal to the carrier document's setup (sip.nexmo.com, its six
 * signalling addresses, UDP 5060, ulaw/alaw/g729, from_user = the long virtual number,
 * qualify_frequency = 120, context nexmo for chan_sip and inbound for chan_pjsip). Unit and
 * property tests start from it; golden tests load fixtures/models/nexmo-example.yaml when it
 * exists.
 */
import type { PhoneNumber, TrunkModel } from '../../../src/model/types.js';
import { Secret } from '../../../src/util/secret.js';

function phone(e164: string, country: string, callingCode: string): PhoneNumber {
  return { input: e164, e164, country, callingCode, nationalNumber: e164.slice(1 + callingCode.length) };
}

export function exampleModel(): TrunkModel {
  return {
    source: '/models/nexmo-example.yaml',
    name: 'nexmo',
    carrier: {
      id: 'nexmo',
      name: 'Vonage (Nexmo)',
      domain: 'sip.nexmo.com',
      endpoints: [
        { host: 'sip-us1.nexmo.com', region: 'us', location: 'Washington', latitude: 38.9072, longitude: -77.0369 },
        { host: 'sip-eu1.nexmo.com', region: 'eu', location: 'London', latitude: 51.5074, longitude: -0.1278 },
      ],
      regions: [{ id: 'eu-west', name: 'Europe West (London)', latitude: 51.5074, longitude: -0.1278, ulaw: false }],
      signallingAddresses: ['173.193.199.24', '174.37.245.34', '5.10.112.121', '5.10.112.122', '119.81.44.6', '119.81.44.7'],
      ports: { udp: 5060, tcp: 5060, tls: 5061 },
      media: { portMin: 10000, portMax: 20000 },
      codecs: ['PCMA', 'PCMU', 'iLBC', 'G729', 'G722', 'speex16'],
      dtmf: 'rfc2833',
      tls: { minVersion: 'TLSv1.2' },
      forward: { timeoutMinMs: 2000, timeoutMaxMs: 20000, timeoutDefaultMs: 5000 },
    },
    account: { apiKey: 'abcd1234', secretRef: { kind: 'inline', value: new Secret('s3cretValue', 'inline') } },
    callerId: phone('+447937947990', 'GB', '44'),
    dids: [phone('+447937947990', 'GB', '44'), phone('+14155550100', 'US', '1')],
    codecs: ['PCMU', 'PCMA', 'G729'],
    transports: ['udp'],
    region: 'eu-west',
    pbx: [
      { kind: 'asterisk-chansip', inboundContext: 'nexmo', outboundContext: 'nexmo-outbound-sip', inboundExtension: '1000', outboundPatterns: ['_00X.'], register: true, qualifySeconds: 120, nat: false, tls: undefined },
      { kind: 'asterisk-pjsip', inboundContext: 'inbound', outboundContext: 'nexmo-outbound-pjsip', inboundExtension: '1000', outboundPatterns: ['_00X.'], register: true, qualifySeconds: 120, nat: false, tls: undefined },
      { kind: 'freeswitch', inboundContext: 'public', outboundContext: 'default', inboundExtension: '1000', outboundPatterns: ['^00(\\d+)$'], register: true, qualifySeconds: 120, nat: false, tls: undefined },
    ],
    forward: [],
    firewall: ['iptables', 'nftables', 'ufw', 'firewalld'],
    tls: { certFile: undefined, keyFile: undefined, caFile: undefined },
    dnsServer: undefined,
  };
}

/** The example with every transport (udp, tcp, tls), TLS files, an IPv6 address and a network. */
export function exampleModelAllTransports(): TrunkModel {
  const m = exampleModel();
  m.transports = ['tls', 'udp', 'tcp'];
  m.carrier = { ...m.carrier, signallingAddresses: [...m.carrier.signallingAddresses, '2001:db8::10', '198.51.100.0/24'] };
  m.pbx = m.pbx.map((p) => ({ ...p, nat: true, tls: { certFile: '/etc/asterisk/keys/pbx.crt', keyFile: '/etc/asterisk/keys/pbx.key', caFile: '/etc/ssl/certs/ca-certificates.crt' } }));
  return m;
}
