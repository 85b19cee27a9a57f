import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'cert',
  usage: 'cert',
  description: 'Create a self-signed TLS client certificate for the user agent.',
  usageExitCode: 3,
  options: (cmd) => {
    cmd
      .requiredOption('--out <dir>', 'directory to write cert.pem and key.pem into')
      .option('--cn <name>', 'certificate common name')
      .option('--days <days>', 'validity in days', '825')
      .option('--json', 'print the result as JSON');
  },
  load: () => import('./cert.js'),
};
