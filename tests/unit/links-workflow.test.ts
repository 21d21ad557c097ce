import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
interface Step {
  run?: string;
  uses?: string;
  if?: string;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { 'timeout-minutes'?: number; steps: Step[] }>;
}
const workflow = yaml.load(readFileSync(resolve(ROOT, '.github/workflows/links.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const runs = steps.flatMap((s) => (s.run ? [s.run.trim()] : []));

describe('the scheduled link check (.github/workflows/links.yml)', () => {
  it('runs weekly and on demand, bounded in time', () => {
    expect(workflow.on.schedule?.map((s) => s.cron.split(' ').length)).toEqual([5]);
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \d$/); // one weekday: weekly
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    for (const job of Object.values(workflow.jobs)) expect(job['timeout-minutes']).toBeGreaterThan(0);
  });

  it('builds, runs the monitor with a concurrency and a time limit, commits the status file and has Pages rebuild', () => {
    const build = runs.indexOf('npm run build');
    const monitor = runs.findIndex((r) => r.startsWith('npm run check:links:external'));
    expect(build).toBeGreaterThan(-1);
    expect(monitor).toBeGreaterThan(build);
    expect(runs[monitor]).toMatch(/--concurrency \d+ --per-host \d+ --deadline \d+/);
    const commit = runs.find((r) => r.includes('commit -m'));
    expect(commit).toContain('git add content/link-status/links.json');
    expect(runs.some((r) => r.startsWith('gh workflow run pages.yml'))).toBe(true);
    expect(workflow.permissions).toMatchObject({ contents: 'write', actions: 'write' });
  });

  it("its commands are the README's", () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Links: checked at every build'),
      readme.indexOf('## Filing-number lookup'),
    );
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    for (const command of [
      'npm install',
      'npm run build',
      runs.find((r) => r.startsWith('npm run check:links:external'))!,
      'git add content/link-status/links.json',
    ]) {
      expect(block).toContain(command);
    }
  });
});
