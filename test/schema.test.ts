import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.ts';
import { printContract, schema } from '../src/graphql/schema.ts';

describe('the committed contract', () => {
  it('schema.graphql matches the schema the code builds (run `npm run schema:print` after a change)', () => {
    const committed = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');
    expect(printContract(schema)).toBe(committed);
  });

  it('schema.graphql is valid SDL on its own (directives come with their definitions)', () => {
    const committed = fs.readFileSync(path.join(projectRoot, 'schema.graphql'), 'utf8');
    const rebuilt = buildSchema(committed);
    expect(printSchema(lexicographicSortSchema(rebuilt))).toBe(printSchema(lexicographicSortSchema(schema)));
  });
});
