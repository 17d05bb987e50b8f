// src/sim runs in a browser Worker and in Node alike: no Node API, no DOM, nothing from above it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../src/sim');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/sim', () => {
  it.each(files)('%s imports only sibling modules', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const specifiers = [...source.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\/[\w-]+\.ts$/);
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code, `${file} uses a Node or browser global`).not.toMatch(/\b(process\.|require\(|document\.|window\.|globalThis\.)/);
  });
});
