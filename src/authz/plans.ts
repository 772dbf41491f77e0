import { UpgradeRequiredError } from '../errors.ts';
import type { Plan } from '../generated/prisma/enums.ts';

// What each plan includes. API access (keys and key-authenticated calls) is a paid-plan feature.

export const planIncludesApiAccess = (plan: Plan): boolean => plan !== 'FREE';

/** Key management on a plan without API access answers UpgradeRequiredError. */
export function requireApiAccess(org: { plan: Plan }): void {
  if (!planIncludesApiAccess(org.plan)) throw new UpgradeRequiredError(org.plan);
}
