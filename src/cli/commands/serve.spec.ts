import type { CommandSpec } from '../command-spec.js';

export const spec: CommandSpec = {
  name: 'serve',
  usage: 'serve',
  description: 'Run the health-check service: scheduler, Prometheus metrics and the HTTP API.',
  usageExitCode: 3,
  options: (cmd) => {
    cmd
      .requiredOption('--config <file>', 'service configuration (YAML)')
      .option('--check', 'validate the configuration and exit');
  },
  load: () => import('./serve.js'),
};
