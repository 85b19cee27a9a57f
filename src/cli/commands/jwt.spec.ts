import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'jwt',
  usage: 'jwt',
  description: 'Mint an RS256 application JWT for the carrier Voice API.',
  usageExitCode: 3,
  options: (cmd) => {
    cmd
      .requiredOption('--application-id <id>', 'application id')
      .requiredOption('--private-key <file>', 'PEM private key file')
      .option('--ttl <duration>', 'lifetime: 30s to 24h (15m default)', '15m')
      .option('--json', 'print the token and its claims as JSON');
  },
  load: () => import('./jwt.js'),
};
