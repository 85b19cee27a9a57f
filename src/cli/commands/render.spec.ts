import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'render',
  usage: 'render <file>',
  description: 'Render PBX and firewall configurations from a trunk model.',
  usageExitCode: 2,
  options: (cmd) => {
    cmd
      .requiredOption('--out <dir>', 'output directory')
      .option('--target <target...>', 'targets to render (all when none is named)')
      .option('--secrets <mode>', 'inline: write the secret; placeholder: write <secret>', 'placeholder')
      .option('--check', 'compare with what is in --out; exit 1 with a diff when a file has drifted')
      .option('--json', 'print the result as JSON');
  },
  load: () => import('./render.js'),
};
