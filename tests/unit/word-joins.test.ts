import { describe, expect, it } from 'vitest';
import { pageText, wordJoins } from '../../src/lib/word-joins';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Title text</title></head><body>${body}</body></html>`;

describe('pageText', () => {
  it('marks inline tag boundaries, breaks lines at blocks and leaves out the head, scripts and styles', () => {
    const text = pageText(page('<p>a<b>b</b></p><li>c</li><script>x</script><style>y</style>'));
    expect(text.replace(/\n+/g, '\n')).toBe('\na\0b\0\nc\n');
  });

  it('decodes entities and treats <wbr> as no boundary', () => {
    expect(pageText('<span>a&amp;b</span>long<wbr>word')).toBe('\0a&b\0longword');
  });
});

describe('wordJoins', () => {
  it('finds a word run into a link, as the text around it', () => {
    expect(wordJoins(page('<p>Check out my<a href="/blog">blog</a> today</p>'))).toEqual(['Check out my|blog today']);
  });

  it('finds sentence punctuation run into the next word, and citations run into each other', () => {
    const joins = wordJoins(page('<p>first.<a href="/">Which</a> <span>[A]</span><span>[B]</span></p>'));
    expect(joins).toEqual(['first.|Which [A][B]', 'first.Which [A]|[B]']);
  });

  it('finds a word run into the next word across closing and opening tags', () => {
    expect(wordJoins(page('<p><span class="tag">Unconfirmed</span><span class="tag">Not checked</span></p>'))).toEqual([
      'Unconfirmed|Not checked',
    ]);
  });

  it('accepts spaces, punctuation that opens, block boundaries and Chinese next to a tag', () => {
    const ok = [
      '<p>Check out my <a href="/blog">blog</a>.</p>',
      '<p>(<a href="/">see</a>)</p>',
      '<p><a href="/">Beijing</a>’s form</p>',
      '<li>one</li><li>two</li>',
      '<p>in</p><p>one</p>',
      '<p>在<a href="/">北京</a>注销</p>',
      '<p>Text<br>next line</p>',
      '<script>a</script>b',
    ];
    for (const body of ok) expect(wordJoins(page(body)), body).toEqual([]);
  });

  it('reads text inside one node as written', () => {
    expect(wordJoins(page('<p>beian.miit.gov.cn and first.Second</p>'))).toEqual([]);
  });
});
