import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AUTHORING_PATH, regenerate, renderFields } from '../../../scripts/authoring-docs.ts';
import { chapterSchema } from '../../../src/content/chapter-schema.ts';

describe('docs/AUTHORING.md', () => {
  it('is up to date with the schema (run `npm run docs:authoring` if this fails)', () => {
    const doc = readFileSync(AUTHORING_PATH, 'utf8');
    expect(regenerate(doc)).toBe(doc);
  });

  it('documents every field with its description', () => {
    const text = renderFields();
    for (const [name, field] of Object.entries(chapterSchema.shape)) {
      expect(text).toContain(`### \`${name}\``);
      expect(field.description, `${name} has a .describe() text`).toBeTruthy();
      expect(text).toContain(field.description!);
    }
  });
});
