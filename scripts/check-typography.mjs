#!/usr/bin/env node
// Typography check: CJK spacing and punctuation (AutoCorrect) in content/**/*.{yaml,mdx} and the built Chinese
// pages in dist/; on every built page, words run together where two tags meet (src/lib/word-joins.ts).
// Usage: node scripts/check-typography.mjs [file or directory …]   (default: content dist)
// Rules: .autocorrectrc; paths to skip: .autocorrectignore (globs relative to the project root).
// Prints file:line:column with the suggestion and exits 1 on any finding.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, matchesGlob, relative, resolve } from 'node:path';
import autocorrect from 'autocorrect-node';
import { parse } from 'yaml';
import { wordJoins } from '../src/lib/word-joins.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const targets = args.length > 0 ? args : ['content', 'dist'];

const rc = join(root, '.autocorrectrc');
const config = existsSync(rc) ? readFileSync(rc, 'utf8') : '';
if (config) autocorrect.loadConfig(config);
// A source's title is the page's own title, quoted as published (content/sources/*.yaml).
const sourcesDir = join(root, 'content', 'sources');
const sourceTitles = existsSync(sourcesDir)
  ? readdirSync(sourcesDir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => parse(readFileSync(join(sourcesDir, f), 'utf8'))?.title)
      .filter((t) => typeof t === 'string')
  : [];
/** @type {string[]} */
const verbatim = [...((config && parse(config)?.verbatim) || []), ...sourceTitles].sort((a, b) => b.length - a.length);

const ignoreFile = join(root, '.autocorrectignore');
const ignored = existsSync(ignoreFile)
  ? readFileSync(ignoreFile, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  : [];
const isIgnored = (rel) => ignored.some((g) => matchesGlob(rel, g));

const linted = /\.(ya?ml|mdx?|html)$/;

function* walk(path) {
  const st = statSync(path);
  if (st.isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    yield* walk(join(path, entry.name));
  }
}

// Identifiers stay as written (京ICP备12345678号-1, 京ICP证030173号, 浙B2-20080224, host names, URLs): each is
// masked with a same-length run of 〇 before linting, as are the `verbatim` quotes listed in .autocorrectrc, so that AutoCorrect sees CJK there and positions still match.
const identifiers = [
  /https?:\/\/[^\s"'<>)）]+/g,
  /[\u4e00-\u9fff]?ICP[备证](?!案)(?:\d+号(?:-\d+)?)?(?:…+|\.\.\.)?/g,
  /[\u4e00-\u9fff]B\d-\d+/g,
  /[\u4e00-\u9fff]公网安备\d+号/g,
  /\*?(?:[a-z0-9-]+|\*)(?:\.[a-z0-9-]+)*\.(?:gov\.cn|com\.cn|com|cn|org|net|io|信息)\b/gi,
  /[\u4e00-\u9fff]+\.信息/g,
];
const masked = (m) => '〇'.repeat(m.length);
const mask = (text) =>
  identifiers.reduce(
    (t, re) => t.replace(re, masked),
    verbatim.reduce((t, v) => t.replaceAll(v, masked(v)), text),
  );

// YAML: English values and verbatim fields (a source's page title, a link as published) are blanked, keeping the
// key and the line numbers; the Chinese values are linted.
const blankedKeys = /^(\s*(?:-\s+)?(?:en|title|original|url):)(.*)$/;
const blankYaml = (text) =>
  text
    .split('\n')
    .map((line) => line.replace(blankedKeys, '$1'))
    .join('\n');

// Only Chinese pages: the English ones carry Chinese names on purpose, marked with lang.
const isEnglishPage = (html) => /<html[^>]*\blang="en/i.test(html);

let findings = 0;
let files = 0;
for (const target of targets) {
  const abs = resolve(root, target);
  if (!existsSync(abs)) {
    console.error(`check-typography: ${target} does not exist${target === 'dist' ? ' (run npm run build first)' : ''}`);
    process.exit(2);
  }
  for (const file of walk(abs)) {
    const rel = relative(root, file);
    if (!linted.test(file) || isIgnored(rel)) continue;
    const text = readFileSync(file, 'utf8');
    files++;
    if (file.endsWith('.html')) {
      for (const join of wordJoins(text)) {
        findings++;
        console.log(
          `${rel}: words run together where two tags meet: "${join}"\n  → a space in the template, e.g. {' '}`,
        );
      }
      if (isEnglishPage(text)) continue;
    }
    const prepared = /\.ya?ml$/.test(file) ? mask(blankYaml(text)) : mask(text);
    const result = autocorrect.lintFor(prepared, file);
    if (result.error) {
      console.error(`${rel}: ${result.error}`);
      findings++;
      continue;
    }
    for (const line of result.lines) {
      findings++;
      console.log(`${rel}:${line.l}:${line.c}: ${line.old.trim()}\n  → ${line.new.trim()}`);
    }
  }
}

if (findings > 0) {
  console.error(
    `check-typography: ${findings} finding(s) in ${files} file(s). Fix the text, or mark identifiers up as <code>.`,
  );
  process.exit(1);
}
console.log(`check-typography: ${files} file(s), no findings.`);
