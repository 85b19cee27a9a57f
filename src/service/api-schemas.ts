/** The JSON Schemas of the API bodies (schemas/api/*.json), read once; fastify and OpenAPI share them. */
import { readdirSync, readFileSync } from 'node:fs';
import { packagePath } from '../util/paths.js';

export interface ApiSchema {
  $id: string;
  title: string;
  [k: string]: unknown;
}

let cached: ApiSchema[] | undefined;

export function apiSchemas(): ApiSchema[] {
  if (!cached) {
    const dir = packagePath('schemas', 'api');
    cached = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as ApiSchema);
  }
  return cached;
}
