import {
  BulkOperationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  UpgradeRequiredError,
  ValidationError,
} from '../errors.ts';
import { builder } from './builder.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Every typed error a mutation can return implements this.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldIssueRef = builder.objectRef<{ path: string[]; message: string }>('FieldIssue').implement({
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path of the offending field inside the input, e.g. ["input","name"].' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({ resource: t.exposeString('resource') }),
});

builder.objectType(PermissionDeniedError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PermissionDeniedError,
  fields: () => ({}),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: () => ({}),
});

builder.objectType(UpgradeRequiredError, {
  name: 'UpgradeRequiredError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof UpgradeRequiredError,
  fields: (t) => ({
    currentPlan: t.exposeString('currentPlan'),
    requiredPlans: t.exposeStringList('requiredPlans'),
  }),
});

const BulkItemFailureRef = builder
  .objectRef<BulkOperationError['failures'][number]>('BulkItemFailure')
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      reason: t.exposeString('reason'),
      message: t.exposeString('message'),
    }),
  });

builder.objectType(BulkOperationError, {
  name: 'BulkOperationError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof BulkOperationError,
  fields: (t) => ({ failures: t.field({ type: [BulkItemFailureRef], resolve: (e) => e.failures }) }),
});

/** Every mutation's result union includes these. */
export const commonErrors = [ValidationError, NotFoundError, PermissionDeniedError, ConflictError];
