import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { draagvlak, workdir } from '../e2e/cli.js';

describe('draagvlak studio', () => {
  test('writes one self-contained page starting from a scenario, with its timeline entries at a week', () => {
    const dir = workdir({
      'evening.yaml': 'name: evening\nseed: 9\nhorizon: 30\nstrategy: {serving: 0.8}\ninterventions:\n  - {at: 4, action: evening}\n  - {when: {metric: support_share, above: 0.2}, action: mandate}\n',
    });
    const r = draagvlak(['studio', 'evening.yaml', '--out', 'page/s.html', '--lang', 'nl'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('draagvlak: studio: page/s.html\n');
    expect(r.stderr).toContain('1 intervention(s) fire on a window or a condition and are left out');
    const html = readFileSync(join(dir, 'page', 's.html'), 'utf8');
    const boot = JSON.parse(html.match(/<script type="application\/json" id="studio-boot">(.*?)<\/script>/s)![1]);
    expect(boot.seed).toBe(9);
    expect(boot.horizon).toBe(30);
    expect(boot.lang).toBe('nl');
    expect(boot.params.strategy.serving).toBe(0.8);
    expect(boot.interventions).toEqual([{ at: 4, action: 'evening' }]);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  test('bad input: one line naming what is wrong, exit 2, nothing written', () => {
    const dir = workdir({ 'bad.yaml': 'strategy: {serving: 7}\n' });
    const lang = draagvlak(['studio', '--lang', 'fr', '--out', 'a.html'], dir);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe('--lang: expected one of en, nl, found "fr"\n');
    const bad = draagvlak(['studio', 'bad.yaml', '--out', 'b.html'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.yaml: strategy\.serving: expected .*, found 7\n$/);
    expect(existsSync(join(dir, 'a.html')) || existsSync(join(dir, 'b.html'))).toBe(false);
  });
});
