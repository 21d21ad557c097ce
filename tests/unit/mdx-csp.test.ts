import { describe, expect, it } from 'vitest';
import { cspCheckPlugin, cspProblems } from '../../src/lib/mdx-csp';

const at = (line: number) => ({ start: { line } });
const root = (...children: object[]) => ({ type: 'root', children }) as Parameters<typeof cspProblems>[0];
const messages = (tree: Parameters<typeof cspProblems>[0]) => cspProblems(tree).map((p) => `${p.line}: ${p.message}`);

describe('cspProblems', () => {
  it('refuses blocked elements and attributes, in hast and in MDX JSX, with their lines', () => {
    const tree = root(
      {
        type: 'element',
        tagName: 'p',
        properties: { className: ['x'] },
        position: at(1),
        children: [{ type: 'text', value: 'ok' }],
      },
      { type: 'element', tagName: 'img', properties: { src: 'a.png', onError: 'x()' }, position: at(2) },
      { type: 'element', tagName: 'p', properties: { style: 'color:red' }, position: at(3) },
      { type: 'mdxJsxFlowElement', name: 'iframe', attributes: [], position: at(4) },
      { type: 'mdxJsxFlowElement', name: 'object', attributes: [], position: at(5) },
      {
        type: 'mdxJsxFlowElement',
        name: 'form',
        attributes: [{ type: 'mdxJsxAttribute', name: 'action', value: 'https://evil.example/' }],
        position: at(6),
      },
      {
        type: 'mdxJsxTextElement',
        name: 'Cite',
        attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'aliyun-2019' }],
        position: at(7),
      },
      { type: 'element', tagName: 'form', properties: { action: '/search/' }, position: at(8) },
    );
    expect(messages(tree)).toEqual([
      '2: an event-handler attribute (onError=) is inline script, which the CSP blocks',
      '3: a style attribute is inline CSS, which the CSP blocks: use a class',
      "4: <iframe> elements are blocked by the site's Content-Security-Policy",
      "5: <object> elements are blocked by the site's Content-Security-Policy",
      `6: a form that sends to another address (action="https://evil.example/") breaks the CSP's form-action 'self'`,
    ]);
  });
  it('refuses raw HTML it cannot see into, and nested elements', () => {
    expect(messages(root({ type: 'raw', value: '<script>', position: at(9) }))).toEqual([
      '9: raw HTML that was not parsed cannot be checked against the CSP',
    ]);
    const nested = root({
      type: 'element',
      tagName: 'div',
      properties: {},
      children: [{ type: 'element', tagName: 'embed', properties: {}, position: at(4) }],
    });
    expect(messages(nested)).toEqual(["4: <embed> elements are blocked by the site's Content-Security-Policy"]);
  });
});

describe('cspCheckPlugin', () => {
  it('throws every problem of the file, expressions included, at the line of the first', () => {
    const plugin = cspCheckPlugin({ fileURL: new URL('file:///c/procedure/en.mdx') });
    const script = { type: 'JSXOpeningElement', name: { type: 'JSXIdentifier', name: 'script' }, attributes: [] };
    const setHtml = {
      type: 'JSXAttribute',
      name: { type: 'JSXNamespacedName', namespace: { name: 'set' }, name: { name: 'html' } },
      value: null,
    };
    plugin.mdxFlowExpression({
      type: 'mdxFlowExpression',
      position: at(12),
      parseExpression: () => ({ type: 'Program', body: [script] }),
    });
    plugin.mdxjsEsm({
      type: 'mdxjsEsm',
      position: at(3),
      parseExpression: () => ({ type: 'Program', body: [setHtml] }),
    });
    const error = (() => {
      try {
        plugin.after(root({ type: 'element', tagName: 'style', properties: {}, position: at(20) }));
      } catch (e) {
        return e as Error & { line: number };
      }
      throw new Error('the plugin did not throw');
    })();
    expect(error.message.split('\n')).toEqual([
      '/c/procedure/en.mdx:3: set:html inserts raw HTML, which this check cannot see: write the markup itself',
      "/c/procedure/en.mdx:12: <script> elements are blocked by the site's Content-Security-Policy",
      "/c/procedure/en.mdx:20: <style> elements are blocked by the site's Content-Security-Policy",
    ]);
    expect(error.line).toBe(3);
  });
  it('passes a clean file', () => {
    const plugin = cspCheckPlugin({ fileURL: undefined });
    expect(() =>
      plugin.after(root({ type: 'element', tagName: 'a', properties: { href: '/x/' }, position: at(1) })),
    ).not.toThrow();
  });
});
