import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'options',
  usage: 'options <target>',
  description: 'Send a Digest-authenticated OPTIONS to a SIP target.',
  usageExitCode: 3,
  options: (cmd) => {
    cmd
      .option('--transport <transport>', 'udp, tcp or tls')
      .option('--key <key>', 'API key (Digest username)')
      .option('--secret-env <var>', 'environment variable holding the secret')
      .option('--secret-file <file>', 'file holding the secret')
      .option('--timeout <ms>', 'give up after this many milliseconds')
      .option('--dns-server <addr>', 'DNS server to resolve the target with (host:port)')
      .option('--region <region>', "for the carrier's domain without SRV: order its regional endpoints from this region (us-east, eu-west, sg, ...)")
      .option('--insecure', 'TLS: do not verify the server certificate')
      .option('--ca <file>', 'TLS: trust this CA file')
      .option('--cert <file>', 'TLS: client certificate')
      .option('--cert-key <file>', 'TLS: client certificate key')
      .option('--json', 'print the result as JSON');
  },
  load: () => import('./options.js'),
};
