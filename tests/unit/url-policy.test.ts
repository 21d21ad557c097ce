import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invisibleCharacter, isValidDnsName, urlPolicyProblems } from '../../src/lib/url-policy';

const rules = (raw: string) => urlPolicyProblems(raw).map((p) => `${p.level}:${p.rule}`);

describe('urlPolicyProblems', () => {
  it('accepts ordinary https, http (warning) and mailto URLs', () => {
    expect(rules('https://beian.miit.gov.cn')).toEqual([]);
    expect(rules('https://help.aliyun.com/zh/icp-filing/basic-icp-service/x?spm=5176.1&file=a.doc')).toEqual([]);
    expect(rules('http://jxca.miit.gov.cn/show.aspx?id=5903')).toEqual(['warning:insecure']);
    expect(rules('mailto:someone@example.org')).toEqual([]);
  });

  it('treats a bare IP as a warning, not an error (the Shanghai administration publishes one)', () => {
    expect(rules('http://114.80.217.250/')).toEqual(['warning:bare-ip', 'warning:insecure']);
    expect(rules('https://[2408:8000::1]/')).toEqual(['warning:bare-ip']); // 2001:db8:: (documentation) is an error now
  });

  it('accepts an IDN host, raw or percent-encoded, after punycode', () => {
    expect(rules('http://域名.信息')).toEqual(['warning:insecure']);
    expect(rules('http://%E5%9F%9F%E5%90%8D.%E4%BF%A1%E6%81%AF')).toEqual(['warning:insecure']);
  });

  it('refuses the seeds: a session id in the path, an underscore host', () => {
    expect(
      rules(
        'http://gz.beian.miit.gov.cn/state/outPortal/queryMutualityDownloadInfo.action;jsessionid=20CC30DE1F206219D0251B410DCD8A56?id=16',
      ),
    ).toContain('error:session-id');
    const host = urlPolicyProblems('http://aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com/help%2Fbeian%2Fx.doc');
    expect(host.map((p) => p.rule)).toContain('host');
    expect(host.find((p) => p.rule === 'host')?.message).toContain(
      'aliyun_portal_storage.oss-cn-hangzhou.aliyuncs.com',
    );
  });

  it('refuses session parameters in the query, by exact name (ASP adds a random suffix)', () => {
    expect(rules('https://example.org/a?PHPSESSID=abc')).toContain('error:session-id');
    expect(rules('https://example.org/a?sid=abc')).toContain('error:session-id');
    expect(rules('https://example.org/a?ASPSESSIONIDQQGQGQRA=abc')).toContain('error:session-id');
    // Parameters that merely start like one are fine.
    expect(rules('https://example.org/a?side=left&sidebar=1&sessionless=1')).toEqual([]);
  });

  it('refuses the session-id variants: percent-encoded, other path parameters, hyphenated names', () => {
    const variants = [
      'http://x.gov.cn/a.action%3Bjsessionid%3DABC?id=8',
      'http://x.gov.cn/a.action%3Bjsessionid=ABC?id=8',
      'https://example.org/a;phpsessid=abc',
      'https://example.org/a;sid=abc?x=1',
      'https://example.org/a?session-id=abc',
      'https://example.org/a?Session_ID=abc',
    ];
    for (const url of variants) expect(rules(url), url).toContain('error:session-id');
    // Other path parameters and look-alike names are fine.
    expect(rules('https://example.org/a;version=2?side=1')).toEqual([]);
    expect(rules('https://example.org/a?session-length=5')).toEqual([]);
  });

  it('refuses invisible format characters, raw or percent-encoded, naming the code point', () => {
    for (const ch of ['\u200B', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', '\uFEFF']) {
      expect(rules(`https://example.org/a${ch}b`), ch).toEqual(['error:invisible']);
    }
    expect(rules('https://exa\u200Bmple.org/')).toEqual(['error:invisible']);
    expect(rules('https://example.org/%E2%80%AEfdp.exe')).toEqual(['error:invisible']);
    expect(urlPolicyProblems('https://example.org/ab\u202Ec')[0]?.message).toContain('U+202E at character 23');
  });

  it('refuses credentials, other protocols and malformed URLs', () => {
    expect(rules('https://user:pass@example.org/')).toContain('error:credentials');
    expect(rules('https://user@example.org/')).toContain('error:credentials');
    expect(rules('ftp://example.org/form.doc')).toEqual(['error:protocol']);
    expect(rules('javascript:alert(1)')).toEqual(['error:protocol']);
    expect(rules('/relative/path')).toEqual(['error:malformed']);
    expect(rules('https://exa mple.org/')).toEqual(['error:malformed']);
    expect(rules('mailto:nobody')).toEqual(['error:malformed']);
  });

  it('refuses what the URL parser would silently repair', () => {
    expect(rules('http:/example.org/')).toEqual(['error:malformed']);
    expect(rules('http:\\\\example.org\\x')).toEqual(['error:malformed']);
    expect(rules('https://exa\tmple.org/')).toEqual(['error:malformed']);
    expect(rules('https://example.org/a b')).toEqual(['error:malformed']);
    expect(rules('//example.org/')).toEqual(['error:malformed']);
  });

  it('refuses single-label and underscore hosts', () => {
    expect(rules('http://localhost/')).toContain('error:host');
    expect(rules('https://a_b.example.org/')).toContain('error:host');
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const problems = urlPolicyProblems(s);
        expect(Array.isArray(problems)).toBe(true);
      }),
    );
  });
});

describe('isValidDnsName', () => {
  it('follows the DNS label rules', () => {
    expect(isValidDnsName('beian.miit.gov.cn')).toBe(true);
    expect(isValidDnsName('xn--eqrt2g.xn--vuq861b')).toBe(true);
    expect(isValidDnsName('a-b.example.org')).toBe(true);
    expect(isValidDnsName('-a.example.org')).toBe(false);
    expect(isValidDnsName('a-.example.org')).toBe(false);
    expect(isValidDnsName(`${'a'.repeat(64)}.example.org`)).toBe(false);
    expect(isValidDnsName('example.123')).toBe(false);
    expect(isValidDnsName('example')).toBe(false);
    expect(isValidDnsName('')).toBe(false);
  });
});

describe('invisibleCharacter', () => {
  it('names the first invisible format character and its position, and passes ordinary text', () => {
    expect(invisibleCharacter('湖南\u202E省')).toBe('U+202E at character 3');
    expect(invisibleCharacter('a\u200Db\u200B')).toBe('U+200D at character 2');
    expect(invisibleCharacter('湖南省通信管理局 Hunan – “x”')).toBeUndefined();
  });
});
