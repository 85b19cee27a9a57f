import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'probe',
  usage: 'probe [file]',
  description: 'Health-check a trunk: Nagios-style exit codes (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).',
  usageExitCode: 3,
  options: (cmd) => {
    cmd
      .option('--target <uri>', 'probe this SIP URI instead of a model')
      .option('--method <method>', 'options or invite', 'options')
      .option('--transport <transport>', 'udp, tcp, tls or all')
      .option('--warn-rtt <ms>', 'WARNING above this round-trip time')
      .option('--crit-rtt <ms>', 'CRITICAL above this round-trip time')
      .option('--timeout <ms>', 'per-probe timeout')
      .option('--dns-server <addr>', 'DNS server (host:port)')
      .option('--key <key>', 'API key (Digest username)')
      .option('--secret-env <var>', 'environment variable holding the secret')
      .option('--secret-file <file>', 'file holding the secret')
      .option('--insecure', 'TLS: do not verify the server certificate')
      .option('--ca <file>', 'TLS: trust this CA file')
      .option('--json', 'print the result as JSON')
      .option('--nagios', 'print one Nagios status line with perfdata');
  },
  load: () => import('./probe.js'),
};
