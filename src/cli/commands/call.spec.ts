import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'call',
  usage: 'call <target>',
  description: 'Place a Digest-authenticated INVITE test call and report its timings.',
  usageExitCode: 3,
  options: (cmd) => {
    cmd
      .requiredOption('--to <e164>', 'callee number, E.164')
      .requiredOption('--from <e164>', 'caller ID, E.164')
      .option('--transport <transport>', 'udp, tcp or tls')
      .option('--key <key>', 'API key (Digest username)')
      .option('--secret-env <var>', 'environment variable holding the secret')
      .option('--secret-file <file>', 'file holding the secret')
      .option('--codecs <list>', 'codecs to offer, comma-separated, in preference order')
      .option('--hold <ms>', 'how long to hold the answered call before BYE')
      .option('--ring-timeout <ms>', 'CANCEL when not answered within this time')
      .option('--timeout <ms>', 'transaction timeout')
      .option('--dns-server <addr>', 'DNS server to resolve the target with (host:port)')
      .option('--region <region>', "for the carrier's domain without SRV: order its regional endpoints from this region (us-east, eu-west, sg, ...)")
      .option('--insecure', 'TLS: do not verify the server certificate')
      .option('--ca <file>', 'TLS: trust this CA file')
      .option('--cert <file>', 'TLS: client certificate')
      .option('--cert-key <file>', 'TLS: client certificate key')
      .option('--json', 'print the result as JSON');
  },
  load: () => import('./call.js'),
};
