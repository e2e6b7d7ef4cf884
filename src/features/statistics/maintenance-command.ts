// `keikai statistics-rebuild` and `keikai statistics-check`: the statistics' maintenance from the command line.
// rebuild: the live facts derived again from the whole event history (imported facts untouched), waiting its
// turn behind a running projection or import. check: the rollups against a recomputation from the facts (exit 0
// no drift, 1 drift — then a rebuild, or re-running the import, repairs it).
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { checkStatisticsRollup, rebuildStatisticsFacts } from './facts.js';

export const STATISTICS_COMMANDS_USAGE = `  keikai statistics-rebuild         derive the statistics again from the whole case history
  keikai statistics-check           compare the statistics rollups with a recomputation from the facts`;

const MESSAGES = {
  en: {
    rebuilt: (r: { events: number; facts: number; seconds: string }) =>
      `statistics rebuilt: ${r.events} events read, ${r.facts} facts written (${r.seconds} s)`,
    clean: 'statistics rollups agree with the facts',
    drift: (table: string, rows: number) =>
      `${table}: ${rows} rows differ from a recomputation from the facts`,
    repair: 'run `keikai statistics-rebuild` (live facts) or the history import again to repair',
  },
  ja: {
    rebuilt: (r: { events: number; facts: number; seconds: string }) =>
      `統計を再構築しました: イベント ${r.events} 件を読み、ファクト ${r.facts} 件を書き込みました（${r.seconds} 秒）`,
    clean: '統計の集計表はファクトと一致しています',
    drift: (table: string, rows: number) => `${table}: ${rows} 行がファクトからの再計算と一致しません`,
    repair: '`keikai statistics-rebuild`（ライブのファクト）または履歴の取込みをやり直すと修復されます',
  },
} as const;

type Io = { stdout: (s: string) => void; locale: Locale };

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  locale: /^ja/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'ja' : 'en',
});

export async function statisticsCommand(
  command: 'statistics-rebuild' | 'statistics-check',
  withContext: <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>,
  io: Io = defaultIo(),
): Promise<number> {
  const m = MESSAGES[io.locale === 'ja' ? 'ja' : 'en'];
  return withContext(async (ctx) => {
    if (command === 'statistics-rebuild') {
      const started = Date.now();
      const r = await rebuildStatisticsFacts(ctx.db);
      io.stdout(`${m.rebuilt({ ...r, seconds: ((Date.now() - started) / 1000).toFixed(1) })}\n`);
      return 0;
    }
    const drift = (await checkStatisticsRollup(ctx.db)).filter((d) => d.rows > 0);
    if (drift.length === 0) {
      io.stdout(`${m.clean}\n`);
      return 0;
    }
    for (const d of drift) io.stdout(`${m.drift(d.table, d.rows)}\n`);
    io.stdout(`${m.repair}\n`);
    return 1;
  });
}
