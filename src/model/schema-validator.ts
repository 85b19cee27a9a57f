/**
 * The trunk schema's validators. schemas/trunk.schema.json is compiled by ajv once, at
 * development time, into src/model/generated/trunk-schema-validator.ts (see
 * scripts/gen-schema-validator.mjs): a cold start then loads plain functions instead of ajv and
 * a 90 ms compile. The ajv options (scripts/schema-validator-source.mjs):
 * - allErrors: report every problem at once, not just the first;
 * - useDefaults: fill in the schema's `default`s, so the rules see a complete model;
 * - strict schema checks on, except strictRequired (the carrier override's `if/then` names
 *   properties defined elsewhere) and strictTypes (union types: `carrier` is a name or a mapping).
 */
import * as generated from './generated/trunk-schema-validator.js';

/** One error as ajv reports it. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

const validateTrunkFn = generated.validateTrunk as unknown as GeneratedValidator;
const validateCarrierFn = generated.validateCarrierProfile as unknown as GeneratedValidator;

/** Validates a parsed model against the schema, filling in defaults in place. */
export function validateTrunkSchema(data: unknown): SchemaError[] {
  return validateTrunkFn(data) ? [] : [...(validateTrunkFn.errors ?? [])];
}

/** Validates a complete carrier profile ($defs/carrierProfile). */
export function validateCarrierSchema(data: unknown): SchemaError[] {
  return validateCarrierFn(data) ? [] : [...(validateCarrierFn.errors ?? [])];
}
