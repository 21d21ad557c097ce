/**
 * Markup in Markdown and MDX content that the site's Content-Security-Policy would block, or that would load
 * another site: inline scripts and styles, event-handler attributes, frames and plugins, forms posting elsewhere.
 * Run as a Markdown plugin (astro.config.mjs), so the build fails naming the file and the line instead of shipping it.
 */

// `style` the element (inline CSS), `base` (changes where every relative link goes), the rest load active content.
const BLOCKED_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
]);
const FORM_ACTION_ATTRIBUTES = new Set(['action', 'formaction']);

export interface CspProblem {
  line: number | undefined;
  message: string;
}

interface Point {
  line: number;
}
interface TreeNode {
  type: string;
  tagName?: string;
  name?: string | null | { type: string; name?: unknown };
  properties?: Record<string, unknown>;
  attributes?: TreeNode[];
  value?: unknown;
  children?: TreeNode[];
  position?: { start: Point };
  loc?: { start: Point };
}

/** Why an attribute is refused, or undefined. `name` as written (MDX) or as hast's property name (onError, style). */
function attributeProblem(name: string, value: unknown): string | undefined {
  const lower = name.toLowerCase();
  if (/^on[a-z]/.test(lower)) return `an event-handler attribute (${name}=) is inline script, which the CSP blocks`;
  if (lower === 'style') return 'a style attribute is inline CSS, which the CSP blocks: use a class';
  if (lower === 'srcdoc') return 'a srcdoc attribute is an inline document, which the CSP blocks';
  if (lower === 'set:html') return 'set:html inserts raw HTML, which this check cannot see: write the markup itself';
  if (
    FORM_ACTION_ATTRIBUTES.has(lower) &&
    typeof value === 'string' &&
    /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value.trim())
  ) {
    return `a form that sends to another address (${name}="${value}") breaks the CSP's form-action 'self'`;
  }
  return undefined;
}

const elementProblem = (name: string) =>
  BLOCKED_ELEMENTS.has(name.toLowerCase())
    ? `<${name}> elements are blocked by the site's Content-Security-Policy`
    : undefined;

const lineOf = (node: TreeNode) => node.position?.start.line ?? node.loc?.start.line;

/** JSX inside MDX expressions and exports (estree): `{<script>…</script>}` is an element too. */
function estreeProblems(node: unknown, problems: CspProblem[]): void {
  if (Array.isArray(node)) {
    for (const item of node) estreeProblems(item, problems);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as TreeNode & Record<string, unknown>;
  if (n.type === 'JSXOpeningElement' && typeof n.name === 'object' && n.name?.type === 'JSXIdentifier') {
    const message = elementProblem(String(n.name.name));
    if (message) problems.push({ line: lineOf(n), message });
  }
  if (n.type === 'JSXAttribute' && typeof n.name === 'object' && n.name !== null) {
    const literal =
      (n.value as { type?: string; value?: unknown } | null)?.type === 'Literal'
        ? (n.value as { value: unknown }).value
        : undefined;
    const ns = n.name as { type: string; name?: { name?: unknown } | unknown; namespace?: { name?: unknown } };
    const name =
      ns.type === 'JSXNamespacedName'
        ? `${ns.namespace?.name}:${(ns.name as { name?: unknown })?.name}`
        : String(ns.name);
    const message = attributeProblem(name, literal);
    if (message) problems.push({ line: lineOf(n), message });
  }
  for (const [key, value] of Object.entries(n))
    if (key !== 'loc' && key !== 'range' && typeof value === 'object') estreeProblems(value, problems);
}

/** Every blocked element and attribute in a hast tree (with MDX's JSX nodes, less its expressions), with its line. */
export function cspProblems(tree: TreeNode): CspProblem[] {
  const problems: CspProblem[] = [];
  const visit = (node: TreeNode) => {
    const line = lineOf(node);
    if (node.type === 'element' && node.tagName) {
      const message = elementProblem(node.tagName);
      if (message) problems.push({ line, message });
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        const problem = attributeProblem(name, value);
        if (problem) problems.push({ line, message: problem });
      }
    } else if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      typeof node.name === 'string'
    ) {
      const message = elementProblem(node.name);
      if (message) problems.push({ line, message });
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.name !== 'string') continue;
        const problem = attributeProblem(attribute.name, attribute.value);
        if (problem) problems.push({ line: lineOf(attribute) ?? line, message: problem });
      }
    } else if (node.type === 'raw') {
      problems.push({ line, message: 'raw HTML that was not parsed cannot be checked against the CSP' });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}

type Expression = TreeNode & { parseExpression(): unknown };

/**
 * The check as a Sätteri hast plugin (Astro's Markdown and MDX processor), made once per file: expressions and
 * exports are parsed by their visitors, the rest is read from the finished tree. Throws the file's problems, one line
 * each, located at the first (Astro's MDX plugin reads `line` and `column` off the error).
 */
export function cspCheckPlugin(factory: { fileURL: URL | undefined }) {
  const problems: CspProblem[] = [];
  const expression = (node: Expression) => {
    const found: CspProblem[] = [];
    estreeProblems(node.parseExpression(), found);
    // The expression's own line: estree's lines count from the expression, not the file.
    problems.push(...found.map((p) => ({ ...p, line: lineOf(node) })));
  };
  return {
    name: 'csp-check',
    options: { position: true },
    mdxFlowExpression: expression,
    mdxTextExpression: expression,
    mdxjsEsm: expression,
    after(root: TreeNode) {
      problems.push(...cspProblems(root));
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const first = problems[0];
      if (!first) return;
      const file = factory.fileURL ? decodeURIComponent(factory.fileURL.pathname) : 'content';
      const lines = problems.map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
      throw Object.assign(new Error(lines.join('\n')), { line: first.line, column: 1 });
    },
  };
}
