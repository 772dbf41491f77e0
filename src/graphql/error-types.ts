import {
  BulkOperationError,
  type BulkItemFailure,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  QuotaExceededError,
  UpgradeRequiredError,
  ValidationError,
} from '../errors.ts';
import { builder } from './builder.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Every typed error a mutation can return implements this.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldIssueRef = builder.objectRef<{ path: string[]; message: string }>('FieldIssue').implement({
  description: 'One invalid input field and why.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path of the offending field inside the input, e.g. ["input","name"].' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: "The input is invalid; `issues` names each offending field. Nothing was changed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: "The object does not exist or is not visible to the viewer (another organization's objects look the same). Nothing was changed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({ resource: t.exposeString('resource') }),
});

builder.objectType(PermissionDeniedError, {
  name: 'ForbiddenError',
  description:
    'The caller may see the object but not make this change (a MEMBER, or a key without the permission). The message says what is missing and where. Nothing was changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PermissionDeniedError,
  fields: (t) => ({
    permission: t.string({
      nullable: true,
      description: 'The permission of `availablePermissions` that was missing (`project:create`); null for a rule that is not one (an ADMIN changing an OWNER).',
      resolve: (error) => error.permission,
    }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: "The change collides with the current state (a taken slug, an already rotated key...). Nothing was changed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: () => ({}),
});

builder.objectType(UpgradeRequiredError, {
  name: 'UpgradeRequiredError',
  description: "The organization's plan does not include API access. Nothing was changed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof UpgradeRequiredError,
  fields: (t) => ({
    currentPlan: t.exposeString('currentPlan'),
    requiredPlans: t.exposeStringList('requiredPlans'),
  }),
});

builder.objectType(QuotaExceededError, {
  name: 'QuotaExceededError',
  description: "The key's quota has fewer credits left than the trigger costs (`ApiKey.quota`). Nothing was started.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof QuotaExceededError,
  fields: (t) => ({
    remaining: t.exposeInt('remaining', { description: 'Credits left.' }),
    cost: t.exposeInt('cost', { description: 'What the trigger would have cost.' }),
    refillsAt: t.field({ type: 'DateTime', nullable: true, description: 'When the quota refills; null when it never does.', resolve: (e) => e.refillsAt }),
  }),
});

const BulkItemFailureReason = builder.enumType('BulkItemFailureReason', {
  description: 'Why one item of a bulk operation cannot be processed.',
  values: {
    NOT_FOUND: { description: 'No such item, or one in another organization.' },
    FORBIDDEN: { description: 'The viewer may not change this item.' },
    DUPLICATE: { description: 'The same id was given more than once.' },
  } satisfies Record<BulkItemFailure['reason'], unknown>,
});

const BulkItemFailureRef = builder
  .objectRef<BulkItemFailure>('BulkItemFailure')
  .implement({
    description: 'One item of a bulk operation that could not be applied (so none was).',
    fields: (t) => ({
      id: t.exposeID('id'),
      reason: t.field({ type: BulkItemFailureReason, resolve: (f) => f.reason }),
      message: t.exposeString('message'),
    }),
  });

builder.objectType(BulkOperationError, {
  name: 'BulkOperationError',
  description: "Some items of a bulk operation cannot be processed, so none was; `failures` lists why.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof BulkOperationError,
  fields: (t) => ({ failures: t.field({ type: [BulkItemFailureRef], resolve: (e) => e.failures }) }),
});

// Each mutation's result union lists the errors it can return, and no others.
/** Changes to an existing object: bad input, not found (or another tenant's), not allowed. */
export const changeErrors = [ValidationError, NotFoundError, PermissionDeniedError];
/** Changes that can also collide with another object (a taken slug, a member added twice). */
export const uniqueChangeErrors = [...changeErrors, ConflictError];
