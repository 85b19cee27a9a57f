#!/usr/bin/env node
// Writes docs/errors.md from the code tables in src/<area>/codes.ts (through the built
// dist/src/errors.js). test/errors.test.ts checks that the two agree, so a code cannot be added
// without its documentation nor documented without existing. Run: npm run docs:errors
import { writeFileSync } from 'node:fs';
import { ERROR_CODES } from '../dist/src/errors.js';

const titles = {
  model: 'Trunk model (validate, number, uris)',
  sip: 'SIP messages, parser, URIs, Digest, SDP',
  sipUa: 'SIP transports, transactions and user agent (options, call, cert)',
  render: 'Rendering (render)',
  resolve: 'Resolution and failover (resolve, forward)',
  probe: 'Probe (probe)',
  service: 'Service and HTTP API (serve, jwt)',
  cli: 'Command line',
};
let out = '# Error and finding codes\n\n';
out += 'Every error siptrunk reports, on the command line, in `--json` output, in HTTP problem documents\n';
out += 'and from the library, carries one of these stable codes. Generated from `src/*/codes.ts` by\n';
out += '`npm run docs:errors`; a test fails when this page and the code disagree.\n';
for (const [area, table] of Object.entries(ERROR_CODES)) {
  const entries = Object.entries(table);
  out += `\n## ${titles[area] ?? area}\n\n`;
  if (entries.length === 0) { out += '(none)\n'; continue; }
  out += '| code | meaning |\n| --- | --- |\n';
  for (const [code, text] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    out += `| \`${code}\` | ${String(text).replace(/\|/g, '\\|')} |\n`;
  }
}
writeFileSync(new URL('../docs/errors.md', import.meta.url), out);
console.log('wrote docs/errors.md');
