import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAvailability } from '../../scripts/link-monitor/archive';
import type { LinkResult } from '../../scripts/link-monitor/monitor';
import {
  archiveTargets,
  mergeResults,
  readStatusFile,
  statusFileText,
  type StatusFile,
} from '../../scripts/link-monitor/status-file';
import { addressRange, isNonPublicAddress } from '../../src/lib/ip-address';
import { CLASS_GROUP, linkKey, RECORDED_CLASSES, statusWords, type LinkStatus } from '../../src/lib/link-status';
import { stringTable } from '../../src/lib/i18n';
import { urlPolicyProblems } from '../../src/lib/url-policy';

const ROOT = resolve(import.meta.dirname, '../..');

describe('addressRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fd00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['114.80.217.250', 'public'],
    ['2408:8000::1', 'public'],
  ])('%s is %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isNonPublicAddress(address)).toBe(range !== 'public');
  });

  it('is null for a name', () => {
    expect(addressRange('beian.miit.gov.cn')).toBeNull();
    expect(isNonPublicAddress('beian.miit.gov.cn')).toBe(false);
  });
});

describe('the URL policy refuses non-public hosts in content', () => {
  const rules = (url: string) => urlPolicyProblems(url).map((p) => `${p.level}:${p.rule}`);
  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://10.0.0.1/form.doc',
    'http://192.168.0.10:8080/',
    'http://169.254.169.254/latest/',
    'http://100.64.1.1/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://intranet.localhost/',
  ])('%s is an error', (url) => {
    expect(rules(url)).toContain('error:non-public-host');
    expect(rules(url)).not.toContain('warning:bare-ip');
  });

  it('names the range in its message; a public bare IP stays a warning', () => {
    expect(urlPolicyProblems('http://2130706433/').find((p) => p.rule === 'non-public-host')?.message).toBe(
      'the host 127.0.0.1 is not a public address (loopback)',
    );
    expect(rules('http://114.80.217.250/')).toEqual(['warning:bare-ip', 'warning:insecure']);
  });
});

describe('statusWords: what the page says', () => {
  const base: LinkStatus = {
    checked: '2026-12-07',
    class: 'ok',
    status: 200,
    finalUrl: 'https://x.gov.cn/',
    detail: null,
    failingSince: null,
    lastOk: '2026-12-07',
    archive: null,
  };
  const archive = { url: 'https://web.archive.org/web/20261101000000/https://x.gov.cn/', date: '2026-11-01' };

  it('says when it was checked, since when it fails, and offers the archived copy of a failing link', () => {
    expect(statusWords('zh-cn', base)).toEqual({ tone: 'ok', text: '2026-12-07 检查：可以打开', archive: null });
    expect(statusWords('en', { ...base, class: 'redirected' }).text).toBe('Checked 2026-12-07: it answered');
    const failing: LinkStatus = { ...base, class: 'dns-failure', status: null, failingSince: '2026-11-30', archive };
    expect(statusWords('zh-cn', failing)).toEqual({
      tone: 'warn',
      text: '自 2026-11-30 起无法打开（域名无法解析；2026-12-07 检查）',
      archive: { url: archive.url, label: '网页存档', note: '（web.archive.org，2026-11-01；在中国大陆可能打不开）' },
    });
    expect(statusWords('en', failing).text).toBe(
      'Not reachable since 2026-11-30 (the domain name does not resolve; checked 2026-12-07)',
    );
    // An archived copy of a link that works again is kept in the file but not offered.
    expect(statusWords('en', { ...base, archive }).archive).toBeNull();
  });

  it('a check that could not tell says so, and is not shown as broken', () => {
    const blocked: LinkStatus = { ...base, class: 'blocked', status: 302, detail: '10.0.0.1' };
    expect(statusWords('en', blocked)).toMatchObject({
      tone: 'unknown',
      text: 'Checked 2026-12-07: it leads to a non-public address, 10.0.0.1, so it was not checked',
    });
    expect(statusWords('zh-cn', { ...base, class: 'odd-status', status: 999 }).text).toBe(
      '2026-12-07 检查：服务器的回应不寻常（HTTP 999），未能确认',
    );
    expect(statusWords('zh-cn', undefined)).toEqual({ tone: 'unknown', text: '尚未检查', archive: null });
    expect(statusWords('en', undefined).text).toBe('Not checked yet');
  });

  it('has words for every class that is not ok', () => {
    const table = stringTable();
    for (const cls of RECORDED_CLASSES.filter((c) => CLASS_GROUP[c] !== 'ok')) {
      expect(table[`linkReason_${cls.replace(/-/g, '_')}`], cls).toBeDefined();
    }
  });
});

describe('the status file keeps the history', () => {
  const result = (url: string, cls: LinkResult['class'], day: string, status: number | null = null): LinkResult => ({
    url,
    class: cls,
    group: CLASS_GROUP[cls],
    status,
    finalUrl: url,
    redirects: [],
    attempts: 1,
    detail: null,
    ms: 1,
    checkedAt: `${day}T03:00:00.000Z`,
  });
  const A = 'https://a.gov.cn/';
  const B = 'https://b.gov.cn/x';

  it('failingSince is the first failure of a run of failures; lastOk survives; an unreached link keeps its entry', () => {
    const one = mergeResults({}, [
      result(A, 'ok', '2026-11-23', 200),
      result(`${B}#frag`, 'client-error', '2026-11-23', 404),
    ]);
    expect(one[A]).toMatchObject({ checked: '2026-11-23', failingSince: null, lastOk: '2026-11-23' });
    expect(one[B]).toMatchObject({ failingSince: '2026-11-23', lastOk: null });
    const two = mergeResults(one, [result(A, 'timeout', '2026-11-30'), result(B, 'not-checked', '2026-11-30')]);
    expect(two[A]).toMatchObject({
      checked: '2026-11-30',
      class: 'timeout',
      failingSince: '2026-11-30',
      lastOk: '2026-11-23',
    });
    expect(two[B]).toEqual(one[B]);
    // Asked to come back later: not a failure, and not the end of one either.
    const three = mergeResults(two, [result(A, 'rate-limited', '2026-12-07', 429)]);
    expect(three[A]).toMatchObject({ class: 'rate-limited', failingSince: '2026-11-30', lastOk: '2026-11-23' });
    const four = mergeResults(three, [result(A, 'dns-failure', '2026-12-14')]);
    expect(four[A]).toMatchObject({ failingSince: '2026-11-30' });
    const five = mergeResults(four, [result(A, 'ok', '2026-12-21', 200)]);
    expect(five[A]).toMatchObject({ failingSince: null, lastOk: '2026-12-21' });
  });

  it('archived copies are asked for failing links that have none, near the day they last worked, and then kept', () => {
    const results = [result(A, 'client-error', '2026-11-30', 404), result(B, 'ok', '2026-11-30', 200)];
    const merged = mergeResults({ [A]: { ...mergeResults({}, [result(A, 'ok', '2026-11-23', 200)])[A]! } }, results);
    expect(archiveTargets(merged, results)).toEqual([{ url: A, near: '2026-11-23' }]);
    const copy = { url: `https://web.archive.org/web/20261120000000/${A}`, date: '2026-11-20' };
    const withCopy = mergeResults(merged, results, new Map([[A, copy]]));
    expect(withCopy[A]?.archive).toEqual(copy);
    expect(archiveTargets(withCopy, results)).toEqual([]);
    expect(mergeResults(withCopy, [result(A, 'timeout', '2026-12-07')])[A]?.archive).toEqual(copy);
  });

  it('writes sorted keys, so a run changes only the lines that changed', () => {
    const file = mergeResults({}, [result(B, 'ok', '2026-11-23', 200), result(A, 'ok', '2026-11-23', 200)]);
    const text = statusFileText(file);
    expect(Object.keys(JSON.parse(text) as StatusFile)).toEqual([A, B]);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('the committed file is valid and, until the monitor first runs in CI, empty: every link "not checked yet"', () => {
    expect(readStatusFile(resolve(ROOT, 'content/link-status/links.json'))).toEqual({});
  });
});

describe('parseAvailability (the Internet Archive availability API)', () => {
  const answer = (closest: object | undefined) => ({ url: 'x', archived_snapshots: closest ? { closest } : {} });
  it('takes a successful snapshot on web.archive.org, over https, with its date', () => {
    expect(
      parseAvailability(
        answer({
          status: '200',
          available: true,
          url: 'http://web.archive.org/web/20190801123456/http://x.gov.cn/',
          timestamp: '20190801123456',
        }),
      ),
    ).toEqual({ url: 'https://web.archive.org/web/20190801123456/http://x.gov.cn/', date: '2019-08-01' });
  });
  it.each([
    ['no snapshot', undefined],
    [
      'not available',
      { available: false, url: 'http://web.archive.org/web/20190801123456/x', timestamp: '20190801123456' },
    ],
    [
      'a capture of an error',
      {
        status: '404',
        available: true,
        url: 'http://web.archive.org/web/20190801123456/x',
        timestamp: '20190801123456',
      },
    ],
    ['another host', { available: true, url: 'http://evil.example/web/20190801123456/x', timestamp: '20190801123456' }],
    ['no timestamp', { available: true, url: 'http://web.archive.org/web/x' }],
  ])('refuses %s', (_name, closest) => {
    expect(parseAvailability(answer(closest))).toBeNull();
  });
  it('refuses what is not an answer', () => {
    expect(parseAvailability(null)).toBeNull();
    expect(parseAvailability('nope')).toBeNull();
  });
});

describe('linkKey', () => {
  it('drops the fragment and normalises', () => {
    expect(linkKey('http://%E5%9F%9F%E5%90%8D.%E4%BF%A1%E6%81%AF')).toBe(linkKey('http://域名.信息'));
    expect(linkKey('https://a.gov.cn/x#y')).toBe('https://a.gov.cn/x');
    expect(linkKey('not a url')).toBeNull();
  });
});

describe('the build reads statuses from content only', () => {
  it("no code under src/ or in the build's scripts names the monitor's reports or the old report variable", () => {
    const files = readdirSync(resolve(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|mjs|astro)$/.test(f))
      .map((f) => join('src', f))
      .concat('scripts/build.mjs', 'scripts/build-steps.sh', 'scripts/check-links.ts', 'scripts/index-site.ts');
    const offenders = files.filter((f) =>
      /external-links\.(json|md)|ICP_LINK_REPORT/.test(readFileSync(resolve(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });
});
