import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/config.ts';
import { printContract, schema } from '../src/schema.ts';

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

describe('descriptions for codegen users', () => {
  it('every type, root field and mutation of the contract has a description', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!type.name.startsWith('__') && !type.description) missing.push(type.name);
    }
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) if (!field.description) missing.push(`${root.name}.${field.name}`);
    }
    expect(missing).toEqual([]);
  });
});
