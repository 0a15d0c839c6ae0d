import { commerceScenarios } from './commerce.js';
import { saasScenarios } from './saas.js';
import type { Scenario } from './scenario.js';
import { telecomScenarios } from './telecom.js';

export const scenarios: readonly Scenario[] = [...telecomScenarios, ...commerceScenarios, ...saasScenarios];
