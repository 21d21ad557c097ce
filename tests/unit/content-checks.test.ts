import { describe, expect, it } from 'vitest';
import {
  MAX_FIELD_CHARS,
  MAX_FILE_BYTES,
  formatProblems,
  locate,
  schemaProblems,
  sizeProblem,
  textProblems,
  utf8Problem,
  yamlLine,
} from '../../src/lib/content-checks';
import { provinceSchema } from '../../src/schemas/province';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sizeProblem', () => {
  it('refuses an empty file and one over the limit, by size alone', () => {
    expect(sizeProblem(0)).toBe('the file is empty');
    expect(sizeProblem(MAX_FILE_BYTES)).toBeUndefined();
    expect(sizeProblem(80_000_000)).toBe('the file is 80,000,000 bytes, over the limit of 1,000,000');
  });
});

describe('utf8Problem', () => {
  it('passes UTF-8 and names the line and offset of the first bad byte', () => {
    expect(utf8Problem(utf8('slug: hunan\nname: 湖南\n'))).toBeUndefined();
    const bytes = new Uint8Array([...utf8('a: 1\nb: 湖'), 0xff, ...utf8('\n')]);
    expect(utf8Problem(bytes)).toEqual({
      path: [],
      line: 2,
      message: 'the file is not UTF-8 (byte 0xFF at offset 11); save it as UTF-8',
    });
  });
  it('finds a GBK file and a truncated sequence', () => {
    // 湖南 in GBK: BA FE C4 CF.
    expect(utf8Problem(new Uint8Array([0x23, 0x20, 0xba, 0xfe, 0xc4, 0xcf]))?.message).toContain(
      'byte 0xBA at offset 2',
    );
    expect(utf8Problem(new Uint8Array([...utf8('ok\n'), 0xe6, 0xb9]))).toMatchObject({ line: 2 });
  });
});

describe('textProblems', () => {
  it('names every string with an invisible character, U+FFFD or too many characters, by path', () => {
    const data = {
      name: { zh: '湖南', en: 'Hu\u202Enan' },
      aliases: ['湖南省', 'Hu\u200BNan'],
      notes: [{ text: { zh: '\uFFFD\uFFFD', en: 'x'.repeat(MAX_FIELD_CHARS + 1) } }],
      updated: new Date(0),
      count: 3,
    };
    expect(textProblems(data)).toEqual([
      { path: ['name', 'en'], message: 'contains an invisible format character (U+202E at character 3); delete it' },
      { path: ['aliases', 1], message: 'contains an invisible format character (U+200B at character 3); delete it' },
      {
        path: ['notes', 0, 'text', 'zh'],
        message: 'contains U+FFFD at character 1, the mark of text decoded with the wrong encoding',
      },
      { path: ['notes', 0, 'text', 'en'], message: 'the text is 20,001 characters, over the limit of 20,000' },
    ]);
    expect(textProblems({ ok: 'x'.repeat(MAX_FIELD_CHARS), list: ['湖南省通信管理局'] })).toEqual([]);
  });
  it('checks field names too', () => {
    expect(textProblems({ 'na\u200Dme': 1 })[0]?.message).toMatch(
      /^its field name contains an invisible format character/,
    );
  });
});

describe('schemaProblems', () => {
  it('names an unknown root-level key as a field and a union by its telling branch', () => {
    const province = {
      slug: 'x',
      iso: 'CN-XX',
      division: '43',
      prefix: '湘',
      region: 'central',
      name: { zh: 'a', en: 'a', pinyin: 'a' },
    };
    const result = provinceSchema.safeParse({
      ...province,
      administration: { zh: 'a', en: 'a' },
      links: [],
      updated: '2026/01',
      phone: '1',
    });
    expect(result.success).toBe(false);
    const problems = schemaProblems(result.error!.issues);
    expect(problems).toContainEqual({
      path: ['phone'],
      message: 'unknown field: the schema has no field of this name',
    });
    expect(problems).toContainEqual({ path: ['updated'], message: 'a date is YYYY, YYYY-MM or YYYY-MM-DD' });
    expect(problems).toContainEqual({
      path: ['links'],
      message: 'every province needs at least one deregistration link',
    });
  });
});

describe('yamlLine and locate', () => {
  const yaml = 'slug: hunan\nname:\n  zh: 湖南\n  en: Hunan\naliases: [a, b]\nlinks:\n  - url: x\n    kind: y\n';
  it('finds the line of a nested key, a sequence item, or the deepest parent that exists', () => {
    expect(yamlLine(yaml, ['name', 'en'])).toBe(4);
    expect(yamlLine(yaml, ['aliases', 1])).toBe(5);
    expect(yamlLine(yaml, ['links', 0, 'kind'])).toBe(8);
    expect(yamlLine(yaml, ['links', 0, 'note', 'en'])).toBe(7);
    expect(yamlLine(yaml, ['administration'])).toBeUndefined();
    expect(yamlLine(yaml, ['name', 'en'], 1)).toBe(5);
  });
  it('formats file:line: field: reason, leaving out what is unknown', () => {
    const problems = locate(
      [
        { path: ['name', 'en'], message: 'bad' },
        { path: [], message: 'the file is empty' },
      ],
      yaml,
    );
    expect(formatProblems('content/provinces/hunan.yaml', problems)).toBe(
      'content/provinces/hunan.yaml:4: name.en: bad\ncontent/provinces/hunan.yaml: the file is empty',
    );
  });
});
