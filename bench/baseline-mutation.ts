// The benchmark's baseline: an API-key-authenticated mutation that inserts one row through the same stack (Yoga,
// the key plugins, Pothos with scope-auth, Prisma, the database) and does nothing else. Registered only by
// bench/server.ts, never part of the served schema.
import { builder } from '../src/graphql/builder.ts';
import { parseGlobalId } from '../src/graphql/ids.ts';

builder.mutationField('benchInsertOneRow', (t) =>
  t.boolean({
    description: 'Benchmark baseline: inserts one execution row, nothing else.',
    authScopes: { permission: 'workflow:trigger' },
    args: { workflowId: t.arg.id({ required: true }), projectId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const workflowId = parseGlobalId(String(args.workflowId), 'Workflow', ['workflowId']);
      const projectId = parseGlobalId(String(args.projectId), 'Project', ['projectId']);
      await ctx.prisma.$executeRaw`
        INSERT INTO "WorkflowExecution" (id, "workflowId", "projectId", status, payload, "createdAt")
        VALUES (gen_random_uuid(), ${workflowId}::uuid, ${projectId}::uuid, 'QUEUED', '{"bench":true}'::jsonb, ${ctx.clock.now()})`;
      return true;
    },
  }),
);
