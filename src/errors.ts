/**
 * The public error vocabulary. Resolvers and services throw these; the Pothos errors plugin turns them into members
 * of each mutation's result union (see graphql/error-types.ts). Anything else is unexpected and masked by Yoga.
 */
export type FieldIssue = { path: string[]; message: string };

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(public readonly issues: FieldIssue[]) {
    super(issues.length === 1 ? `${issues[0].path.join('.') || 'input'}: ${issues[0].message}` : `${issues.length} invalid fields`);
  }
  static field(path: string | string[], message: string): ValidationError {
    return new ValidationError([{ path: Array.isArray(path) ? path : path.split('.'), message }]);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(public readonly resource: string) {
    super(`${resource} not found`);
  }
}

export class PermissionDeniedError extends Error {
  override name = 'ForbiddenError';
  constructor(
    message = 'You are not allowed to do this',
    /** The catalog permission that was missing (`project:create`), when one was. */
    readonly permission: string | null = null,
  ) {
    super(message);
  }
}

export class ConflictError extends Error {
  override name = 'ConflictError';
}

export class UpgradeRequiredError extends Error {
  override name = 'UpgradeRequiredError';
  constructor(
    public readonly currentPlan: string,
    public readonly requiredPlans: string[] = ['TEAM', 'ENTERPRISE'],
  ) {
    super(`API access is not included in the ${currentPlan} plan; upgrade to ${requiredPlans.join(' or ')}`);
  }
}

/** A trigger that costs more credits than the key's quota has left: nothing was started. */
export class QuotaExceededError extends Error {
  override name = 'QuotaExceededError';
  constructor(
    readonly remaining: number,
    readonly cost: number,
    /** When the quota refills next; null when it never does. */
    readonly refillsAt: Date | null,
  ) {
    super(
      `This API key has ${remaining} credit${remaining === 1 ? '' : 's'} left, fewer than the ${cost} this trigger costs; ${refillsAt ? `its quota refills at ${refillsAt.toISOString()}` : 'its quota does not refill'}`,
    );
  }
}

/** One entry of a bulk operation that could not be applied. */
export type BulkItemFailure = { id: string; reason: 'NOT_FOUND' | 'FORBIDDEN' | 'DUPLICATE'; message: string };

export class BulkOperationError extends Error {
  override name = 'BulkOperationError';
  constructor(public readonly failures: BulkItemFailure[]) {
    super(`Nothing was changed: ${failures.length} of the requested items cannot be processed`);
  }
}
