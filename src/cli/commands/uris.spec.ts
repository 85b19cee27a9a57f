import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'uris',
  usage: 'uris <list>',
  description: 'Parse a forward-to-SIP list and print its failover order.',
  usageExitCode: 2,
  options: (cmd) => {
    cmd.option('--json', 'print the result as JSON');
  },
  load: () => import('./uris.js'),
};
