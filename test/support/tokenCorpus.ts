// Job: the texts the token estimate is measured on, shared by its unit test
// (test/unit/tokenEstimate.test.ts) and its calibration (npm run calibrate,
// bench/calibrateTokens.ts), so both measure the same thing: hand-picked
// prose, Markdown, code and other languages; READMEs in node_modules and this
// repository's core sources; a seeded generated corpus of many kinds of text;
// and the primers of seeded fixture campaigns.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import type { Campaign } from '../../src/core/model/model';
import { renderPrimer } from '../../src/core/primer/primer';
import { mulberry32 } from './fixtures';

/** The real o200k count; text that spells a special token is counted as plain text. */
export function realTokens(text: string): number {
  return encode(text, { disallowedSpecial: new Set() }).length;
}

/** fast-check's arbitrary strings the estimate must not undercount: every unit and size, and ASCII-ish text. */
export function arbitraryText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.string({ size: 'large' }),
    fc.string({ unit: 'grapheme', size: 'medium' }),
    fc.string({ unit: 'grapheme-composite', size: 'medium' }),
    fc.string({ unit: 'binary', size: 'medium' }),
    fc.string({ unit: 'binary-ascii', size: 'medium' }),
    fc.stringMatching(/^[a-zA-Z0-9 _.,:;'"()\-\n]{0,80}$/),
  );
}

// ---- a seeded PRNG and the generated corpus ------------------------------------------

export const WORDS = (
  'the of and to in is that for it as with was on be by this are from at or an have not which but all can will one has ' +
  'more their if about new when there also been would so what use into only its other some than time these could may ' +
  'first then any like work over such make after used most where file data code project session should need each well ' +
  'because through build test value state type function return error change version set list user name note item update ' +
  'without between before while both same primer handoff decision rationale constraint blocker focus priority remaining ' +
  'internationalization implementation configuration authentication asynchronous serialization'
).split(' ');

export const PROSE = [
  `Every Claude Code session starts fresh. When I close a session and return the next day, Claude has no memory of yesterday's work. I have to re-explain project goals, constraints, and decisions. This wastes 15-30 minutes per session on context-setting.`,
  `The campaign file captures what was built, which decisions were made and why, and what remains to be done. A new session reads the primer first, so it doesn't contradict choices that were settled last week — it continues where the previous one stopped.`,
  `We chose PostgreSQL over MongoDB because the data is relational and we need ACID transactions; short-lived access tokens (15 minutes) limit the damage of a leaked token, and refresh-token rotation lets us revoke sessions without a denylist.`,
  `Don't store secrets in the campaign file. It's committed with the code, and anything in it ends up in every agent's context. If you've already done so, rotate the credentials — they're compromised.`,
];

export const MARKDOWN = [
  '# Campaign: Acme Auth\nPurpose: Self-hosted auth service\nTech stack: TypeScript, PostgreSQL, Redis\n\n## Constraints\n- No external auth providers (self-hosted requirement)\n- Must support offline-first mobile clients\n',
  '## Installation\n\n```bash\nnpm install --save-dev campaign\n```\n\nThen run `campaign init --name "My Project"` in the repository root. See [the docs](https://example.com/docs/getting-started#init) for **all** options.\n\n| Command | What it does |\n|---------|--------------|\n| `init` | creates `.claude/campaign.yaml` |\n| `primer` | prints the session primer |\n',
  '> **Note**\n> The primer is regenerated after every change.\n\n1. Start a session: `campaign start --focus "Password reset"`\n2. Work.\n3. End it: `campaign end --done "Reset flow" --next "Rate limiting"`\n\n---\n\n* [x] schema v1\n* [ ] archive old entries\n',
];

export const CODE = [
  `export function renderPrimer(campaign: Campaign, options: PrimerOptions = {}): Primer {\n  const budget = Math.max(0, Math.floor(options.budget ?? DEFAULT_PRIMER_BUDGET));\n  for (const [key, value] of Object.entries(campaign)) {\n    if (value === undefined) continue;\n    console.log(\`\${key}: \${JSON.stringify(value)}\`);\n  }\n  return { text: '', tokens: 0, omitted: {} };\n}\n`,
  `class CampaignManager:\n    def __init__(self, campaign_path: str):\n        self.campaign_path = Path(campaign_path)\n        self.campaign = self._load_campaign()\n\n    def start_session(self, focus: str) -> dict:\n        """Initialize new session with context from campaign."""\n        session_context = {"started": datetime.now().isoformat(), "focus": focus}\n        return session_context\n`,
  `version: 1\nidentity:\n  name: Acme\n  tech_stack: [TypeScript, PostgreSQL]\nremaining_work:\n  - id: w1\n    title: Implement password reset\n    priority: high\n    status: in_progress\n  - "[LOW] Write API documentation"\nbuild_log: []\n`,
  `SELECT u.id, u.email, COUNT(s.id) AS sessions FROM users u LEFT JOIN sessions s ON s.user_id = u.id WHERE u.created_at >= '2026-01-01' GROUP BY u.id HAVING COUNT(s.id) > 3 ORDER BY sessions DESC LIMIT 50;\n`,
];

export const FOREIGN = [
  'Die Entwicklung der Anwendung wurde durch zahlreiche Sicherheitsüberprüfungen verzögert, aber das Team hat die Schnittstellen rechtzeitig fertiggestellt.',
  'Le développement de l’application a été retardé par de nombreuses vérifications de sécurité, mais l’équipe a terminé les interfaces à temps.',
  'El desarrollo de la aplicación se retrasó por numerosas revisiones de seguridad, pero el equipo terminó las interfaces a tiempo.',
  'Rozwój aplikacji został opóźniony przez liczne kontrole bezpieczeństwa, ale zespół ukończył interfejsy na czas.',
  'Việc phát triển ứng dụng bị trì hoãn do nhiều đợt kiểm tra bảo mật, nhưng nhóm đã hoàn thành giao diện đúng hạn.',
  'Разработка приложения задержалась из-за многочисленных проверок безопасности, но команда вовремя закончила интерфейсы.',
  '由于大量的安全检查，应用程序的开发被推迟了，但团队按时完成了接口。',
  'アプリケーションの開発は多数のセキュリティチェックによって遅れましたが、チームは期限内にインターフェースを完成させました。',
  '애플리케이션 개발은 수많은 보안 검사로 인해 지연되었지만 팀은 제시간에 인터페이스를 완성했습니다.',
  'Η ανάπτυξη της εφαρμογής καθυστέρησε λόγω πολλών ελέγχων ασφαλείας, αλλά η ομάδα ολοκλήρωσε τις διεπαφές εγκαίρως.',
  'تأخر تطوير التطبيق بسبب العديد من الفحوصات الأمنية، لكن الفريق أنهى الواجهات في الوقت المحدد.',
  'पहले सुरक्षा जाँचों के कारण एप्लिकेशन के विकास में देरी हुई, लेकिन टीम ने समय पर इंटरफ़ेस पूरे कर लिए।',
  'การพัฒนาแอปพลิเคชันล่าช้าเนื่องจากการตรวจสอบความปลอดภัยจำนวนมาก แต่ทีมทำอินเทอร์เฟซเสร็จทันเวลา',
];

export type Generator = () => string;

/** Named generators of sample text, all driven by one seeded PRNG. */
export function generators(seed: number): Record<string, Generator> {
  const r = mulberry32(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
  const rep = (n: number, f: () => string) => Array.from({ length: n }, f).join('');
  const cp = (lo: number, hi: number): string => {
    for (;;) {
      const c = lo + int(hi - lo + 1);
      if (c < 0xd800 || c > 0xdfff) return String.fromCodePoint(c);
    }
  };
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  const gib = (n: number) => rep(n, () => lower[int(26)]!);
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const sentence = () =>
    cap(Array.from({ length: 4 + int(14) }, () => pick(WORDS)).join(' ')) + pick(['.', '.', '?', '!', ';', ':']);
  const ident = () => {
    const ws = Array.from({ length: 1 + int(4) }, () => pick(WORDS));
    switch (int(5)) {
      case 0:
        return ws.map((w, i) => (i ? cap(w) : w)).join('');
      case 1:
        return ws.join('_');
      case 2:
        return ws.join('-');
      case 3:
        return ws.join('_').toUpperCase();
      default:
        return ws.map(cap).join('') + (r() < 0.5 ? String(int(100)) : '');
    }
  };
  const punct = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
  return {
    prose: () => rep(1 + int(12), () => sentence() + (r() < 0.2 ? '\n\n' : ' ')),
    contractions: () =>
      rep(1 + int(20), () => pick(["don't", "it's", "we'll", "they're", "isn't", "you've", "I'm", "campaign's", pick(WORDS)]) + pick([' ', ', ', '. '])),
    markdown: () =>
      rep(1 + int(15), () =>
        pick(['# ', '## ', '### ', '- ', '* ', '1. ', '> ', '- [ ] ', '| ']) +
        sentence() +
        pick(['', ` \`${ident()}\``, ` **${pick(WORDS)}**`, ` [${pick(WORDS)}](https://x.io/${ident()})`, ` — ${sentence()}`]) +
        '\n' +
        (r() < 0.2 ? `\n\`\`\`ts\nconst ${ident()} = ${int(100)};\n\`\`\`\n` : ''),
      ),
    identifiers: () => rep(1 + int(20), () => ident() + pick([' ', '.', '(', ', ', '\n', '_', '/'])),
    compoundWords: () => rep(1 + int(10), () => pick(WORDS) + pick(WORDS) + pick(['', 's', 'ing', 'ed']) + ' '),
    paths: () =>
      rep(1 + int(6), () =>
        pick(['/', './', '~/', 'C:\\', '../']) +
        Array.from({ length: 1 + int(5) }, () => pick([ident(), pick(WORDS), gib(1 + int(8))])).join(pick(['/', '\\'])) +
        pick(['.ts', '.js', '.yaml', '.md', '', '.json']) +
        ' ',
      ),
    urls: () =>
      rep(1 + int(4), () =>
        `https://${pick(WORDS)}.${pick(['com', 'io', 'dev', 'org'])}/${Array.from({ length: 1 + int(4) }, () => pick([ident(), gib(1 + int(10)), String(int(99999))])).join('/')}?${pick(WORDS)}=${gib(int(12))}&id=${int(1e6)} `,
      ),
    numbers: () =>
      rep(1 + int(20), () =>
        pick([String(int(1e9)), (r() * 1000).toFixed(int(6)), `${2000 + int(30)}-${1 + int(12)}-${1 + int(28)}`, `v${int(10)}.${int(30)}.${int(100)}`, String(r()).slice(2), `+1 (555) ${int(1000)}-${int(10000)}`]) +
        pick([' ', ', ', '\n', '']),
      ),
    hex: () => rep(1 + int(8), () => rep(1 + int(40), () => '0123456789abcdef'[int(16)]!) + ' '),
    base64: () =>
      rep(1 + int(6), () => rep(4 + int(60), () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[int(64)]!) + pick(['=', '==', '', ' '])),
    uuids: () => rep(1 + int(6), () => [8, 4, 4, 4, 12].map((n) => rep(n, () => '0123456789abcdef'[int(16)]!)).join('-') + ' '),
    json: () =>
      JSON.stringify(
        Array.from({ length: 1 + int(8) }, () => ({ id: int(1000), name: pick(WORDS), tags: [pick(WORDS)], nested: { ok: r() < 0.5, v: [[int(9)]] } })),
        null,
        r() < 0.5 ? 2 : 0,
      ),
    gibberish: () => rep(1 + int(15), () => gib(1 + int(14)) + pick([' ', ' ', ', ', '. '])),
    gibberishWord: () => gib(1 + int(30)),
    capsGibberish: () => rep(1 + int(10), () => gib(1 + int(10)).toUpperCase() + ' '),
    mixedCase: () => rep(1 + int(10), () => rep(1 + int(12), () => (r() < 0.5 ? lower[int(26)]! : lower[int(26)]!.toUpperCase())) + ' '),
    asciiPrintable: () => rep(int(200), () => String.fromCharCode(32 + int(95))),
    asciiShort: () => rep(1 + int(6), () => String.fromCharCode(32 + int(95))),
    latin1Bytes: () => rep(int(100), () => String.fromCharCode(int(256))),
    controlChars: () => rep(1 + int(40), () => String.fromCharCode(int(32)) + (r() < 0.3 ? pick(punct) : '')),
    punctuation: () => rep(1 + int(40), () => pick(punct)),
    codePunctuation: () => rep(1 + int(60), () => pick(['{', '}', '(', ')', ';', '\n', '[', ']', ',', '=>', '"', "'", '});', '))', ']]', '}}', '\n  ', ':', '.', 'x', ' '])),
    repeatedPunctuation: () => rep(1 + int(4), () => pick([...punct, '\n', ' ', '\t']).repeat(1 + int(200)) + pick(['', ' ', 'a', '\n'])),
    nestedBrackets: () => rep(1 + int(10), () => pick(['((', '))', '[[', ']]', '{{', '}}', '<<', '>>', '""', "''", '``']).repeat(1 + int(8)) + pick([' ', 'x', ''])),
    whitespace: () => rep(1 + int(60), () => pick([' ', ' ', ' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2003', '\v', '\f'])),
    whitespaceRuns: () => rep(1 + int(5), () => pick([' ', '\t', '\n']).repeat(1 + int(300)) + pick(['x', '', 'word', '.'])),
    cjk: () => rep(1 + int(100), () => cp(0x4e00, 0x9fff)),
    cjkExtensionA: () => rep(1 + int(50), () => cp(0x3400, 0x4dbf)),
    kana: () => rep(1 + int(100), () => cp(0x3041, 0x30fa)),
    hangul: () => rep(1 + int(60), () => (r() < 0.2 ? ' ' : '') + cp(0xac00, 0xd7a3)),
    cyrillic: () => rep(1 + int(20), () => rep(1 + int(12), () => cp(0x410, 0x44f)) + pick([' ', ', ', '. '])),
    greek: () => rep(1 + int(20), () => rep(1 + int(12), () => cp(0x391, 0x3c9)) + ' '),
    arabic: () => rep(1 + int(20), () => rep(1 + int(10), () => cp(0x621, 0x64a)) + ' '),
    accentedLatin: () => rep(1 + int(20), () => rep(1 + int(12), () => (r() < 0.3 ? cp(0xc0, 0xff) : lower[int(26)]!)) + ' '),
    latinExtended: () => rep(1 + int(40), () => cp(0x100, 0x24f)),
    devanagari: () => rep(1 + int(60), () => cp(0x900, 0x97f)),
    thai: () => rep(1 + int(60), () => cp(0xe00, 0xe7f)),
    foreignProse: () => rep(1 + int(4), () => pick(FOREIGN) + ' '),
    emoji: () =>
      rep(1 + int(30), () =>
        pick([
          cp(0x1f300, 0x1faff),
          cp(0x1f600, 0x1f64f) + '\u200d' + cp(0x1f300, 0x1f5ff),
          cp(0x1f466, 0x1f469) + cp(0x1f3fb, 0x1f3ff),
          cp(0x1f1e6, 0x1f1ff) + cp(0x1f1e6, 0x1f1ff),
          cp(0x2600, 0x27bf) + '\ufe0f',
          ' ',
        ]),
      ),
    symbols: () => rep(1 + int(40), () => cp(0x2000, 0x2bff)),
    combiningMarks: () => rep(1 + int(40), () => 'aeiouxyz'[int(8)]! + cp(0x300, 0x36f) + (r() < 0.5 ? cp(0x300, 0x36f) : '')),
    randomBmp: () => rep(1 + int(60), () => cp(0x80, 0xfffd)),
    randomAstral: () => rep(1 + int(30), () => cp(0x10000, 0x10ffff)),
    randomUnicode: () => rep(1 + int(60), () => cp(0, 0x10ffff)),
    loneSurrogates: () => rep(1 + int(20), () => pick([String.fromCharCode(0xd800 + int(0x800)), pick(WORDS), ' '])),
    mixedScripts: () =>
      rep(1 + int(30), () =>
        pick([pick(WORDS), cp(0x4e00, 0x9fff), cp(0x410, 0x44f) + cp(0x410, 0x44f), cp(0x1f600, 0x1f64f), String(int(1000)), pick(['—', '…', '“', '”', '→', '•'])]) +
        pick([' ', '', '\n']),
      ),
    specialTokenLookalikes: () => rep(1 + int(5), () => pick(['<|endoftext|>', '<|im_start|>', '<|fim_prefix|>', '<|', '|>']) + pick(WORDS)),
  };
}

// ---- realistic text: files that ship with the dependencies, and this repository's sources

export const ROOT = process.env.CAMPAIGN_REPO_ROOT ?? process.cwd();

/** Windows of 200-2,000 characters from a file, cut at whitespace. */
export function windows(text: string, seed: number, count: number): string[] {
  const r = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < count && text.length > 50; i++) {
    let start = Math.floor(r() * Math.max(1, text.length - 2000));
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    let end = Math.min(text.length, start + 200 + Math.floor(r() * 1800));
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    out.push(text.slice(start, end));
  }
  return out;
}

export function realFiles(kind: 'markdown' | 'code'): { name: string; text: string }[] {
  const files: string[] = [];
  if (kind === 'markdown') {
    for (const pkg of ['typescript', 'yaml', 'zod', 'fast-check', 'gpt-tokenizer', 'esbuild', 'mocha', '@vscode/vsce', 'playwright-core']) {
      const p = join(ROOT, 'node_modules', pkg, 'README.md');
      if (existsSync(p)) files.push(p);
    }
  } else {
    const dir = join(ROOT, 'src', 'core');
    // Every core module, folders included: the corpus must not shrink when modules move.
    if (existsSync(dir)) for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) if (f.endsWith('.ts')) files.push(join(dir, f));
  }
  return files.map((p) => ({ name: p, text: readFileSync(p, 'utf8') }));
}

// ---- fixture campaigns, whose primers are measured too ----------------------------------

export function fixtureCampaign(seed: number, size: number): Campaign {
  const r = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return {
    version: 1,
    identity: { name: `Project ${words(2)}`, purpose: words(12), tech_stack: ['TypeScript', 'PostgreSQL', 'Redis'] },
    constraints: Array.from({ length: 3 }, () => words(8)),
    active_session: { started: '2026-03-21T09:00:00Z', focus: words(6), blockers: [words(5)] },
    remaining_work: Array.from({ length: size }, (_, i) => ({
      id: `w${i + 1}`,
      title: words(3 + Math.floor(r() * 8)),
      priority: pick(['high', 'medium', 'medium', 'low'] as const),
      status: pick(['todo', 'todo', 'in_progress', 'blocked', 'done'] as const),
      ...(r() < 0.3 ? { notes: words(12) } : {}),
      index: i,
      form: 'map' as const,
    })),
    build_log: Array.from({ length: size * 3 }, (_, i) => ({
      date: `2026-0${1 + (i % 9)}-1${i % 10}`,
      title: words(3),
      accomplishments: [words(6), words(9)],
      decisions: r() < 0.3 ? [words(7)] : [],
    })),
    decisions_log: Array.from({ length: size * 2 }, (_, i) => ({
      id: `d${i + 1}`,
      date: '2026-03-01',
      decision: words(5),
      rationale: words(14),
      status: r() < 0.2 ? ('superseded' as const) : ('active' as const),
      index: i,
    })),
    handoff_notes: { next_session: words(7), notes: [words(9), words(6)] },
  };
}

/** Fixture-campaign primers at several budgets: what Campaign itself estimates most. */
export function fixturePrimers(): string[] {
  const primers: string[] = [];
  for (const [seed, size] of [[1, 4], [2, 20], [3, 120]] as const) {
    for (const budget of [100, 300, 800, 2000, 8000]) primers.push(renderPrimer(fixtureCampaign(seed, size), { budget }).text);
  }
  return primers;
}
