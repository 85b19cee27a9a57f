/** Findings name the field (JSON pointer), the format and what would be valid; renderModel refuses on errors. */
import { describe, expect, it } from 'vitest';
import { checkRenderable, renderModel, RenderRefusedError } from '../../src/render/index.js';
import { Secret } from '../../src/util/secret.js';
import { exampleModel, exampleModelAllTransports } from './helpers/example-model.js';

describe('checkRenderable', () => {
  it('finds nothing in the example model', () => {
    expect(checkRenderable(exampleModel())).toEqual([]);
  });

  it('names the field and the file for a newline in a context', () => {
    const m = exampleModel();
    m.pbx[1] = { ...m.pbx[1]!, inboundContext: 'inbound\n[evil]' };
    const f = checkRenderable(m, { targets: ['asterisk-pjsip'] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', code: 'RENDER_UNSAFE_VALUE', path: '/pbx/1/inboundContext' });
    expect(f[0]!.message).toContain('asterisk/extensions.conf');
    expect(f[0]!.expected).toMatch(/context name/);
  });

  it('renderModel refuses with the findings and writes nothing', () => {
    const m = exampleModel();
    m.account = { ...m.account, apiKey: 'key;x' };
    try {
      renderModel(m, { secrets: 'placeholder' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RenderRefusedError);
      const err = e as RenderRefusedError;
      expect(err.code).toBe('RENDER_REFUSED');
      expect(err.findings.map((x) => x.path)).toContain('/account/apiKey');
      expect(err.toJSON()['findings']).toEqual(err.findings);
    }
  });

  it('reports a bad signalling address for each format that writes addresses', () => {
    const m = exampleModel();
    m.carrier = { ...m.carrier, signallingAddresses: ['173.193.199.24', '1.2.3.4; drop'] };
    const f = checkRenderable(m);
    expect(f.every((x) => x.path === '/carrier/signallingAddresses/1' && x.code === 'RENDER_BAD_ADDRESS')).toBe(true);
    expect(new Set(f.map((x) => x.message.replace(/.*written to /, ''))).size).toBeGreaterThan(4);
  });

  it('never quotes the secret in a finding', () => {
    const m = exampleModel();
    m.account = { ...m.account, secretRef: { kind: 'inline', value: new Secret('pass;word\n', 'inline') } };
    const f = checkRenderable(m, { secrets: 'inline' });
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) {
      expect(x.path).toBe('/account/secretRef');
      expect(JSON.stringify(x)).not.toContain('pass');
    }
    // In placeholder mode the secret is not written, so it is not checked.
    expect(checkRenderable(m)).toEqual([]);
  });

  it('warns (without refusing) about a CIDR chan_sip cannot make a peer of', () => {
    const f = checkRenderable(exampleModelAllTransports(), { targets: ['asterisk-chansip'] });
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', code: 'RENDER_CIDR_NOT_SUPPORTED', path: '/carrier/signallingAddresses/7' })]);
    expect(() => renderModel(exampleModelAllTransports(), { secrets: 'placeholder', targets: ['asterisk-chansip'] })).not.toThrow();
  });

  it('asks for TLS files when tls is enabled and the PBX has none', () => {
    const m = exampleModel();
    m.transports = ['udp', 'tls'];
    const f = checkRenderable(m, { targets: ['asterisk-pjsip'] });
    expect(f).toEqual([expect.objectContaining({ code: 'RENDER_MISSING_TLS_FILES', path: '/pbx/1/tls' })]);
  });

  it('refuses a trunk name too long for an iptables chain', () => {
    const m = exampleModel();
    m.name = 'a'.repeat(20);
    expect(checkRenderable(m, { targets: ['iptables'] })).toEqual([expect.objectContaining({ code: 'RENDER_NAME_TOO_LONG', path: '/name' })]);
    m.name = 'a'.repeat(19);
    expect(checkRenderable(m, { targets: ['iptables'] })).toEqual([]);
  });

  it('refuses a FreeSWITCH outbound pattern that is not a regular expression or has no group', () => {
    const m = exampleModel();
    m.pbx[2] = { ...m.pbx[2]!, outboundPatterns: ['^(00\\d+$', '^00\\d+$'] };
    const f = checkRenderable(m, { targets: ['freeswitch'] });
    expect(f.map((x) => [x.path, x.code])).toEqual([['/pbx/2/outboundPatterns/0', 'RENDER_BAD_PATTERN'], ['/pbx/2/outboundPatterns/1', 'RENDER_BAD_PATTERN']]);
    expect(f[1]!.message).toMatch(/no capture group/);
  });

  it('refuses an empty transport list, a port out of range and a bad qualify interval', () => {
    const m = exampleModel();
    m.transports = [];
    m.carrier = { ...m.carrier, ports: { ...m.carrier.ports, tls: 70000 } };
    m.pbx[1] = { ...m.pbx[1]!, qualifySeconds: -1 };
    const paths = new Set(checkRenderable(m, { targets: ['asterisk-pjsip'] }).map((f) => f.path));
    expect([...paths].sort()).toEqual(['/carrier/ports/tls', '/pbx/1/qualifySeconds', '/transports']);
  });

  it('an unknown target and an unresolved inline secret are typed errors', () => {
    expect(() => renderModel(exampleModel(), { secrets: 'placeholder', targets: ['nope' as never] })).toThrow(expect.objectContaining({ code: 'RENDER_UNKNOWN_TARGET' }));
    const m = exampleModel();
    m.account = { ...m.account, secretRef: { kind: 'env', name: 'X_SECRET' } };
    expect(() => renderModel(m, { secrets: 'inline' })).toThrow(expect.objectContaining({ code: 'RENDER_SECRET_UNAVAILABLE' }));
  });

  it('renders PBX targets the model does not list with the document\'s defaults', () => {
    const m = exampleModel();
    m.pbx = [];
    const files = renderModel(m, { secrets: 'placeholder', targets: ['asterisk-pjsip', 'freeswitch'] });
    expect(files.find((f) => f.path === 'asterisk/pjsip.conf')!.content).toContain('context = inbound');
    expect(files.find((f) => f.path === 'freeswitch/dialplan/default/nexmo_outbound.xml')!.content).toContain('expression="^00(\\d+)$"');
  });
});
