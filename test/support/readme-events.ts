import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/config/config.ts';

// The event bodies the README documents, so that tests can hold real deliveries to them.

/** The README's JSON example of an event of `type`. */
export function documentedEvent(type: string): unknown {
  const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const examples = [...readme.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1]!) as { type?: string });
  const example = examples.find((e) => e.type === type);
  if (!example) throw new Error(`README documents no ${type} event`);
  return example;
}

/** The shape of a JSON value: its keys, recursively, with each leaf replaced by its type (null stays null). */
export function shapeOf(value: unknown): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return typeof value;
}
