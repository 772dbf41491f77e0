// The server the benchmark drives: src/main.ts plus the baseline mutation, registered before the schema is built.
import './baseline-mutation.ts';

await import('../src/main.ts');
