/**
 * The siptrunk library API. The CLI (src/cli) is a thin layer over these functions.
 *
 *   import { loadModel, validateModel, renderModel } from 'siptrunk';
 *   import { sip } from 'siptrunk';          // the SIP stack: new sip.SipClient(...)
 */
export * from './errors.js';
export { Secret } from './util/secret.js';
export type * from './model/types.js';

// The trunk model (docs/model.md).
export { loadModel, validateModel, validateModelObject, type ValidateOptions } from './model/load-model.js';
export { resolveSecret, describeSecretRef } from './model/resolve-secret.js';
export { checkNumber, type NumberCheck } from './model/rules/e164.js';
export { checkCodecs, lookupCodec } from './model/rules/codecs.js';
export { checkSipUri, type SipUriCheck } from './model/rules/sip-uri.js';
export { parseForwardList } from './model/rules/forward-list.js';
export { loadCarrierProfile, builtInCarrierIds } from './carriers/load-carrier.js';

// Rendering (docs/render.md).
export {
  renderModel,
  checkRenderable,
  writeRendered,
  checkRendered,
  RenderRefusedError,
  RENDER_TARGETS,
  type RenderedFile,
  type RenderOptions,
} from './render/index.js';

// Resolution and failover (docs/resolve.md).
export * from './resolve/index.js';

// The SIP stack (docs/sip.md, docs/sip-parser.md): knows nothing of trunks.
export * as sip from './sip/index.js';

// The health-check probe and service (docs/probe.md, docs/service.md).
export { startService } from './service/service.js';
export { loadServiceConfig, normaliseServiceConfig } from './service/config.js';
export { mintApplicationJwt, verifyApplicationJwt } from './service/jwt.js';
export { createSipProbers } from './probe/sip-probers.js';
export { evaluate, nagiosLine } from './probe/evaluate.js';
export { planModelProbes } from './probe/plan-model.js';
export type { ProbeResult, Prober, ProbeContext } from './probe/types.js';
