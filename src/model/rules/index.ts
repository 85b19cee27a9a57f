/**
 * The semantic rules, in the order they run (after the schema and its defaults), each with the
 * top-level keys it reads: when the schema finds a key malformed, the rules that read it are
 * skipped and the others still run, so one run reports the problems of every part.
 */
import type { Rule } from '../rule-context.js';
import { accountRule } from './account-rule.js';
import { numbersRule } from './numbers-rule.js';
import { regionRule } from './region-rule.js';
import { codecsRule } from './codecs-rule.js';
import { transportsRule } from './transports-rule.js';
import { firewallRule } from './firewall-rule.js';
import { pbxRule } from './pbx-rule.js';
import { forwardRule } from './forward-rule.js';
import { tlsRule } from './tls-rule.js';
import { dnsRule } from './dns-rule.js';

export interface RuleEntry {
  rule: Rule;
  /** Top-level model keys the rule reads (besides the resolved carrier). */
  reads: readonly string[];
}

export const MODEL_RULES: readonly RuleEntry[] = [
  { rule: accountRule, reads: ['account'] },
  { rule: numbersRule, reads: ['numbers'] },
  { rule: regionRule, reads: ['region'] },
  { rule: codecsRule, reads: ['codecs', 'region'] },
  { rule: transportsRule, reads: ['transports'] },
  { rule: pbxRule, reads: ['pbx', 'transports'] },
  { rule: forwardRule, reads: ['forwardToSip'] },
  { rule: firewallRule, reads: ['firewall'] },
  { rule: tlsRule, reads: ['tls'] },
  { rule: dnsRule, reads: ['dns'] },
];
