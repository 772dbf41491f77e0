import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SECRET_PLACEHOLDER, triggerableWorkflow, triggerCurl } from '../web/src/api-keys/use-key.ts';
import { recentlyUsed } from '../web/src/api-keys/recently-used.ts';

// The console's "Use this key" (web/src/api-keys/use-key.ts): which workflow the ready command triggers, and how the
// shell reads it. The browser test (web/e2e/workflows.spec.ts) runs the command against a server.

const a1 = { id: 'wf-a1', name: 'A1', projectId: 'a' };
const a2 = { id: 'wf-a2', name: 'A2', projectId: 'a' };
const b1 = { id: 'wf-b1', name: 'B1', projectId: 'b' };

describe('triggerableWorkflow', () => {
  it('takes the first workflow a workflow:trigger grant covers: everywhere, narrowed to projects, narrowed to workflows', () => {
    expect(triggerableWorkflow([{ permission: 'workflow:trigger' }], [a1, a2, b1])).toBe(a1);
    expect(triggerableWorkflow([{ permission: 'workflow:trigger', projectIds: ['b'] }], [a1, a2, b1])).toBe(b1);
    expect(triggerableWorkflow([{ permission: 'workflow:trigger', workflowIds: ['wf-a2'] }], [a1, a2, b1])).toBe(a2);
  });

  it('is null without a trigger grant, or when no covered workflow exists', () => {
    expect(triggerableWorkflow([{ permission: 'execution:read' }, { permission: 'api_key:read' }], [a1])).toBeNull();
    expect(triggerableWorkflow([{ permission: 'workflow:trigger', projectIds: ['c'] }], [a1, b1])).toBeNull();
    expect(triggerableWorkflow([{ permission: 'workflow:trigger' }], [])).toBeNull();
  });
});

describe('triggerCurl', () => {
  // A shell function stands in for curl and prints the words it receives, one a line: what curl would get.
  const words = (command: string, env: Record<string, string> = {}) =>
    execFileSync('bash', ['-c', `curl() { printf '%s\\n' "$@"; }\n${command}`], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' }).trim().split('\n');

  it('passes the key as a bearer token and the body intact (GraphQL’s $input is not expanded)', () => {
    const [, url, , auth, , type, , body] = words(triggerCurl('http://localhost:4000', 'ksk_abc_def', 'V29ya2Zsb3c6MQ'));
    expect(url).toBe('http://localhost:4000/graphql');
    expect(auth).toBe('Authorization: Bearer ksk_abc_def');
    expect(type).toBe('Content-Type: application/json');
    const parsed = JSON.parse(body);
    expect(parsed.query).toContain('mutation Trigger($input: TriggerWorkflowInput!)');
    expect(parsed.variables).toEqual({ input: { workflowId: 'V29ya2Zsb3c6MQ', payload: { hello: 'world' } } });
  });

  it('reads the placeholder from the environment', () => {
    const auth = words(triggerCurl('http://localhost:4000', SECRET_PLACEHOLDER, 'w'), { KEYSMITH_API_KEY: 'ksk_from_env' })[3];
    expect(auth).toBe('Authorization: Bearer ksk_from_env');
  });
});

describe('recentlyUsed', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  it('is true within the last 24 hours only', () => {
    expect(recentlyUsed('2026-12-02T12:00:01Z', now)).toBe(true);
    expect(recentlyUsed('2026-12-02T12:00:00Z', now)).toBe(false);
    expect(recentlyUsed(null, now)).toBe(false);
  });
});
