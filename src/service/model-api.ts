/**
 * What the REST API needs from the model and render layers, as one interface, so the HTTP app
 * depends on a contract and the wiring (src/service/model-api-impl.ts) can load the heavy
 * modules lazily.
 */
export interface ModelFinding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  path: string;
  line?: number;
  column?: number;
  expected?: string;
}

export interface ModelApi {
  validate(input: { yaml?: string; model?: object }): Promise<{ ok: boolean; findings: ModelFinding[]; summary?: object }>;
  render(input: { yaml?: string; model?: object; targets?: string[] }): Promise<{ ok: boolean; findings: ModelFinding[]; files: { target: string; path: string; content: string; mode?: number }[] }>;
  checkUris(input: { uris?: string[]; forward?: string | string[] }): Promise<object>;
  checkNumbers(numbers: string[]): Promise<object>;
}
