// Words run together where two tags meet: "Check out my<a>blog</a>" reads "myblog". Astro 7 renders a line break
// between text and a tag as nothing (compressHTML: 'jsx'), so a template or MDX line break in the wrong place
// does this without any error. Only joins at a tag boundary are reported: text inside one node is as written.
import { Parser } from 'htmlparser2';

// Their start and end end a line of text, so nothing runs across them.
const BLOCK = new Set(
  (
    'address article aside blockquote body br button caption dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr html input label legend li main nav ol option p pre section select ' +
    'summary table tbody td textarea tfoot th thead tr ul'
  ).split(' '),
);
// Not read as text on the page.
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'svg', 'math']);
const TAG = '\u0000';

// Left of the tag boundary, right of it: a word or a citation's bracket; sentence punctuation and a letter.
const JOINS = [/[A-Za-z0-9\]][\0]+[A-Za-z0-9[(]/g, /[.,;:!?][\0]+[A-Za-z]/g];

/** What an element's start or end puts into the text: a line break, nothing (<wbr>) or a tag boundary. */
const boundary = (name: string) => (BLOCK.has(name) ? '\n' : name === 'wbr' ? '' : TAG);

/** The text of a page, block boundaries as line breaks and every inline tag boundary as one NUL. */
export function pageText(html: string): string {
  let text = '';
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipDepth > 0 || SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        text += boundary(name);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        text += boundary(name);
      },
      ontext(data) {
        if (skipDepth === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text;
}

/** Each place on the page where words run together, as the text around it with the join marked "|". */
export function wordJoins(html: string): string[] {
  const text = pageText(html);
  const at = JOINS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m.index + 1)).sort((a, b) => a - b);
  return at.map((i) => {
    const before = text.slice(Math.max(0, i - 30), i).replaceAll(TAG, '');
    const after = text.slice(i, i + 30).replaceAll(TAG, '');
    return `${before.split('\n').at(-1)}|${after.split('\n')[0]}`;
  });
}
