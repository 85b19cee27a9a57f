import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'number',
  usage: 'number <numbers...>',
  description: 'Check and normalise phone numbers to E.164.',
  usageExitCode: 2,
  options: (cmd) => {
    cmd.option('--json', 'print the result as JSON');
  },
  load: () => import('./number.js'),
};
