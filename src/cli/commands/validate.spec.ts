import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'validate',
  usage: 'validate <file>',
  description: 'Validate a trunk model and print its summary (exit 0 valid, 1 invalid, 2 usage or unreadable file).',
  usageExitCode: 2,
  options: (cmd) => {
    cmd.option('--json', 'print the result as JSON');
  },
  load: () => import('./validate.js'),
};
