/** The semantic rules, in the order they run (after the schema and its defaults). */
import type { Rule } from '../rule-context.js';
import { accountRule } from './account-rule.js';
import { numbersRule } from './numbers-rule.js';
import { regionRule } from './region-rule.js';
import { codecsRule } from './codecs-rule.js';
import { transportsRule, firewallRule } from './lists-rule.js';
import { pbxRule } from './pbx-rule.js';
import { forwardRule } from './forward-rule.js';
import { tlsRule, dnsRule } from './tls-dns-rule.js';

export const MODEL_RULES: readonly Rule[] = [
  accountRule,
  numbersRule,
  regionRule,
  codecsRule,
  transportsRule,
  pbxRule,
  forwardRule,
  firewallRule,
  tlsRule,
  dnsRule,
];
