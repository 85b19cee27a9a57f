import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'forward',
  usage: 'forward [list]',
  description: 'Walk a forward-to-SIP list as the carrier would and show which entry takes the call.',
  usageExitCode: 3,
  options: (cmd) => {
    cmd
      .option('--model <file>', 'take the list from this trunk model')
      .option('--method <method>', 'options or invite', 'options')
      .option('--dns-server <addr>', 'DNS server (host:port)')
      .option('--json', 'print the result as JSON');
  },
  load: () => import('./forward.js'),
};
