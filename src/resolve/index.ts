/** Resolution and failover: the public API of src/resolve (re-exported by src/index.ts). */
export { RESOLVE_CODES, type ResolveCode } from './codes.js';
export { DnsClient, type DnsClientOptions } from './dns-client.js';
export { DnsCache } from './dns-cache.js';
export type { AddressRecord, DnsAnswer, NaptrRecord, QueryType, SrvRecord } from './dns-records.js';
export { parseDnsServer, formatDnsServer, type DnsServerAddress } from './dns-server-address.js';
export { parseSipTarget, targetFromForwardEntry, type SipTarget } from './sip-target.js';
export { resolveRfc3263, type Rfc3263Options, type Rfc3263Result } from './rfc3263.js';
export { orderSrv, firstPickProbabilities } from './srv-select.js';
export { seededRandom, type RandomSource } from './seeded-random.js';
export { greatCircleKm } from './great-circle.js';
export { buildRegionalPlan, findRegion, TierRotation, type RegionalPlan, type RegionalTier, type RegionalEndpoint } from './regional-plan.js';
export { resolveTarget, dnsClientFor, type Resolution, type ResolveTargetOptions } from './resolve-target.js';
export type { PlanEntry, PlanSource, ResolutionTree, DnsStep } from './plan.js';
export { EndpointAvailability, defaultAvailability } from './endpoint-availability.js';
export {
  withFailover,
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  type AttemptFn,
  type AttemptContext,
  type AttemptResult,
  type AttemptOutcome,
  type AttemptRecord,
  type FailoverOptions,
  type FailoverResult,
} from './failover.js';
export { walkForwardList, type ForwardAttempt, type ForwardOutcome, type ForwardWalkOptions, type ForwardWalkResult } from './forward-walk.js';
export { sipOptionsAttempt, sipInviteAttempt, optionsRttProber, parseRetryAfter } from './sip-attempt.js';
export { watchUdpUnreachable } from './udp-unreachable.js';
