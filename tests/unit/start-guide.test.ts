import { describe, expect, it } from 'vitest';
import { buildGuide, nodePath } from '../../src/lib/start-guide';
import type { Question } from '../../src/schemas/start';
import { questionSchema } from '../../src/schemas/start';
import { CONTENT } from './content-helpers';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const text = (s: string) => ({ zh: s, en: s });
const q = (...next: string[]): Question => ({
  question: text('?'),
  answers: next.map((n) => ({ label: text(n), next: n })),
});
const both = (...ids: string[]) => ({ 'zh-cn': ids, en: ids });

describe('buildGuide', () => {
  it('accepts a graph whose answers all lead somewhere and records the way back', () => {
    const guide = buildGuide(
      new Map([
        ['start', q('own', 'other')],
        ['own', q('a', 'b')],
      ]),
      both('other', 'a', 'b'),
    );
    expect(guide.parents.get('a')).toEqual(['own']);
    expect(guide.parents.get('own')).toEqual(['start']);
  });

  it('names an answer that leads nowhere, an outcome missing in a language, and a node that cannot be reached', () => {
    const questions = new Map([
      ['start', q('own', 'gone')],
      ['own', q('a', 'b')],
      ['lonely', q('a', 'b')],
    ]);
    const build = () => buildGuide(questions, { 'zh-cn': ['a', 'b'], en: ['a'] });
    expect(build).toThrow(/start\.answers\.1\.next "gone" is neither a question nor an outcome/);
    expect(build).toThrow(/outcome "b" has no file for en/);
    expect(build).toThrow(/"lonely" cannot be reached/);
    expect(() => buildGuide(new Map([['own', q('a', 'b')]]), both('a', 'b'))).toThrow(/no "start" question/);
  });

  it('puts the first question at /start/ and the others below it', () => {
    expect(nodePath('start')).toBe('/start/');
    expect(nodePath('other-entity')).toBe('/start/other-entity/');
  });

  it('accepts the real guide: every question, every outcome in both languages', () => {
    const raw = yaml.load(readFileSync(join(CONTENT, 'start/questions.yaml'), 'utf8')) as Record<string, unknown>;
    const questions = new Map(Object.entries(raw).map(([id, v]) => [id, questionSchema.parse(v)]));
    const outcomes = Object.fromEntries(
      ['zh-cn', 'en'].map((lang) => [
        lang,
        readdirSync(join(CONTENT, 'start/outcomes', lang)).map((f) => f.replace(/\.mdx?$/, '')),
      ]),
    );
    const guide = buildGuide(questions, outcomes);
    expect([...guide.outcomes].sort()).toEqual(['leave-provider', 'other-entity', 'paper', 'provider']);
  });
});
