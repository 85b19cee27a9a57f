import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'resolve',
  usage: 'resolve <target>',
  description: 'Resolve a SIP target the RFC 3263 way and print the attempt plan.',
  usageExitCode: 3,
  options: (cmd) => {
    cmd
      .option('--dns-server <addr>', 'DNS server (host:port), default the system resolver')
      .option('--region <region>', 'region for the carrier fallback plan')
      .option('--model <file>', 'trunk model to take the carrier and region from')
      .option('--measure', 'order regional endpoints by measured OPTIONS round-trip time')
      .option('--json', 'print the result as JSON');
  },
  load: () => import('./resolve.js'),
};
