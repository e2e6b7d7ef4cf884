// Approval catches an advisory whose CSAF document could not be published (承認時の CSAF 検査): the copy being
// approved is built into the AdvisoryDocument the publish step would build (publication/build-document.ts) and
// its CSAF 2.0 document checked (schema and every mandatory test, csaf-provider/store-csaf.ts checkCsaf). Instead
// of a refusal at the agreed moment, the coordinator hears now, in words about the advisory rather than about
// JSON paths: "vulnerability 2 has no affected product"; a rule the words here do not cover is named with the
// validator's own (English) text beside the vulnerability or part it concerns.
import type { Config } from '../../config.js';
import type { AdvisoryContent, AdvisoryKind, AdvisoryRevision } from '../../domain/advisory-document.js';
import { CsafMappingError } from '../../exports/csaf.js';
import type { CsafValidationError } from '../../exports/csaf-validate.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { T } from '../../platform/i18n/i18n.js';
import { checkCsaf } from '../csaf-provider/store-csaf.js';
import { buildAdvisoryDocument } from '../publication/build-document.js';

/** One problem, as a catalog key and its values (worded in the reader's language by the page). */
export type CsafProblem = { key: string; vars: Record<string, string | number> };

/** The approval refused because the CSAF document would be invalid: nothing was saved. */
export class CsafRefusedError extends AppError {
  constructor(readonly problems: readonly CsafProblem[]) {
    super('conflict', 'advisories.errors.csaf.invalid');
    this.name = 'CsafRefusedError';
  }
}

/** The refusal in the reader's language: the sentence, then one line per problem. */
export function wordCsafRefusal(t: T, err: CsafRefusedError): string[] {
  return [t('advisories.errors.csaf.invalid'), ...err.problems.map((p) => t(p.key, p.vars))];
}

const ruleName = (test: string) => {
  const m = /(\d+(?:_\d+)+)$/.exec(test);
  return m?.[1] ? m[1].replaceAll('_', '.') : 'schema';
};

/** The validator's errors in a coordinator's words (pure). `ordinals`: the vulnerabilities' ordinals in order. */
export function csafProblems(
  errors: readonly CsafValidationError[],
  ordinals: readonly number[],
): CsafProblem[] {
  const out: CsafProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const detail = `CSAF ${ruleName(e.test)}: ${e.message}`;
    const v = /^\/vulnerabilities\/(\d+)(\/|$)/.exec(e.instancePath);
    let p: CsafProblem;
    if (v?.[1])
      p = {
        key: 'advisories.errors.csaf.inVulnerability',
        vars: { n: ordinals[Number(v[1])] ?? Number(v[1]) + 1, detail },
      };
    else if (e.instancePath.startsWith('/product_tree'))
      p = { key: 'advisories.errors.csaf.inProducts', vars: { detail } };
    else p = { key: 'advisories.errors.csaf.inDocument', vars: { detail } };
    const k = JSON.stringify(p);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  }
  return out;
}

/** What the mapping refuses, in a coordinator's words (pure). */
export function mappingProblem(err: CsafMappingError): CsafProblem {
  if (err.code === 'no-vulnerabilities') return { key: 'advisories.errors.csaf.noVulnerabilities', vars: {} };
  const n = /vulnerability (\d+)/.exec(err.message)?.[1];
  if (err.code === 'no-products' && n)
    return { key: 'advisories.errors.csaf.noProduct', vars: { n: Number(n) } };
  if (err.code === 'no-products') return { key: 'advisories.errors.csaf.noProductAny', vars: {} };
  return { key: 'advisories.errors.csaf.noEnglish', vars: {} };
}

/**
 * In the approval's transaction: throws CsafRefusedError when the CSAF document of the copy would be invalid
 * (or AppError when the copy could not be published at all: no change note for a correction, no title). Warm the
 * validator (warmCsafCheck) before the transaction: its first load takes seconds.
 */
export async function assertPublishableCsaf(
  trx: Database,
  config: Config,
  a: {
    content: AdvisoryContent;
    publicId: string;
    kind: AdvisoryKind;
    revision: number;
    firstPublishedAt: Date | null;
    note: { ja: string | null; en: string | null };
  },
  now: Date,
): Promise<void> {
  const previous =
    a.revision > 1
      ? await trx
          .selectFrom('public_advisory_revisions')
          .select(['revision', 'published_at', 'note_ja', 'note_en'])
          .where('advisory_id', '=', a.publicId)
          .where('revision', '<', a.revision)
          .orderBy('revision')
          .execute()
      : [];
  const built = buildAdvisoryDocument({
    content: a.content,
    publicId: a.publicId,
    kind: a.kind,
    revision: a.revision,
    moment: now,
    firstPublishedAt: a.firstPublishedAt,
    previous: previous.map(
      (r): AdvisoryRevision => ({
        revision: r.revision,
        publishedAt: r.published_at.toISOString(),
        note: { ja: r.note_ja, en: r.note_en },
      }),
    ),
    note: a.note,
  });
  if (!built.ok) {
    if (built.reason === 'no_change_note')
      throw new AppError('validation', 'errors.validation', { _: ['advisories.errors.changeNoteRequired'] });
    if (built.reason === 'no_title')
      throw new AppError('validation', 'errors.validation', { _: ['advisories.errors.titleJaRequired'] });
    return; // revisions out of order: the publish step refuses it and tells the coordinators
  }
  let errors: CsafValidationError[];
  try {
    errors = await checkCsaf(config, built.doc);
  } catch (err) {
    if (err instanceof CsafMappingError) throw new CsafRefusedError([mappingProblem(err)]);
    throw err;
  }
  if (errors.length === 0) return;
  const ordinals = [...built.doc.vulnerabilities].map((v) => v.ordinal).sort((x, y) => x - y);
  throw new CsafRefusedError(csafProblems(errors, ordinals));
}
