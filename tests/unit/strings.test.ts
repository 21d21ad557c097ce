import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_HTML_LANG, enumLabel, otherLang, stringTable } from '../../src/lib/i18n';

const AREAS = resolve(import.meta.dirname, '../../src/lib/strings');

describe('the string table', () => {
  it('has every key in both languages, never empty', () => {
    for (const [key, text] of Object.entries(stringTable())) {
      expect(text.zh?.trim(), `${key}.zh`).toBeTruthy();
      expect(text.en?.trim(), `${key}.en`).toBeTruthy();
    }
  });

  it('gives each key to one area only (a spread would silently keep the last)', async () => {
    const owner = new Map<string, string>();
    for (const file of readdirSync(AREAS).filter((f) => f.endsWith('.ts') && f !== 'types.ts')) {
      const area = (await import(`${AREAS}/${file}`)).default as Record<string, unknown>;
      for (const key of Object.keys(area)) {
        expect(owner.get(key), `"${key}" is in ${owner.get(key)} and ${file}`).toBeUndefined();
        owner.set(key, file);
      }
    }
    expect(owner.size).toBe(Object.keys(stringTable()).length);
  });
});

describe('language helpers', () => {
  it('names the other language, and a content language by its BCP 47 tag and its label', () => {
    expect(otherLang('zh-cn')).toBe('en');
    expect(otherLang('en')).toBe('zh-cn');
    expect(TEXT_HTML_LANG).toEqual({ zh: 'zh-CN', en: 'en' });
    expect(enumLabel('en', 'lang', 'zh')).toBe('Chinese');
    expect(enumLabel('zh-cn', 'lang', 'en')).toBe('英文');
  });
});
