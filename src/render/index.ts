/** The render area's public API (re-exported by src/index.ts). */
export { renderModel, checkRenderable, RenderRefusedError, SECRET_PLACEHOLDER } from './render-model.js';
export { writeRendered, type WrittenFile } from './write-rendered.js';
export { checkRendered, type CheckResult, type Drift } from './check-rendered.js';
export { unifiedDiff } from './unified-diff.js';
export { RENDER_TARGETS, isRenderTarget, selectTargets } from './registry.js';
export { safeOutputPath } from './safe-path.js';
export type { RenderedFile, RenderOptions, SecretMode } from './types.js';
export { RENDER_CODES } from './codes.js';
