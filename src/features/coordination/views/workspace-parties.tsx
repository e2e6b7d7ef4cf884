// Developers of the case (add one or a group, notify, what became of the notice), the compact status matrix
// (filter by status, by name, or to what changed since the last look; cells marked when they changed), and the
// developers other developers suggested, to decide.
import type { PartyStatus } from '../../../platform/db/schema/coordination.js';
import { Checkbox, Field, SelectField, TextArea } from '../../../platform/views/form-fields.js';
import { workspacePath } from '../mail.js';
import { cellKey, PARTY_STATUSES, type PartyView } from '../show-workspace.js';
import { At, errorsFor, PostForm } from './parts.js';
import type { WorkspaceProps } from './workspace-page.js';

const name = (v: WorkspaceProps['v'], p: { nameJa: string; nameEn: string }) =>
  v.locale === 'ja' ? p.nameJa : p.nameEn;

function PartyRowView({ v, w, p }: WorkspaceProps & { p: PartyView }) {
  const { t } = v;
  const base = workspacePath(w.reference);
  const open = !w.coordination.endKind;
  const consent = w.finderConsents?.directContact && w.finderConsents.identityToVendor;
  return (
    <tr class={p.changed ? 'changed' : undefined}>
      <th scope="row">
        {name(v, p)}
        {p.changed && <strong class="badge"> {t('coordination.workspace.changedMark')}</strong>}
      </th>
      <td>
        <At v={v} at={p.notifiedAt} />
        {open && (
          <PostForm v={v} action={`${base}/parties/${p.id}/notify`} class="inline">
            <button type="submit">
              {p.notifiedAt ? t('coordination.workspace.notifyAgain') : t('coordination.workspace.notify')}
            </button>
          </PostForm>
        )}
        {open && (
          <details>
            <summary>{t('coordination.workspace.remove')}</summary>
            <PostForm v={v} action={`${base}/parties/${p.id}/remove`}>
              <TextArea
                name="reason"
                id={`remove-${p.id}-reason`}
                label={t('coordination.workspace.removeReason')}
                rows={2}
                required
              />
              <button type="submit">{t('coordination.workspace.remove')}</button>
            </PostForm>
          </details>
        )}
      </td>
      <td>{p.mail ? t(`coordination.mailStatuses.${p.mail.status}`) : t('coordination.workspace.none')}</td>
      <td>
        <At v={v} at={p.firstOpenedAt} />
      </td>
      <td>
        <At v={v} at={p.acknowledgedAt} />
      </td>
      <td>
        {p.unreachableAt ? (
          <strong>
            <At v={v} at={p.unreachableAt} />
          </strong>
        ) : (
          '—'
        )}
        <br />
        {t('coordination.workspace.remindersSent', { count: p.reminders })} ·{' '}
        {t('coordination.workspace.attempts', { count: p.attempts })}
      </td>
      <td>
        {p.finderContactAllowed
          ? t('coordination.workspace.allowed')
          : t('coordination.workspace.notAllowed')}
        {open && (consent || p.finderContactAllowed) ? (
          <PostForm v={v} action={`${base}/parties/${p.id}/finder-contact`} class="inline">
            <input type="hidden" name="allow" value={p.finderContactAllowed ? 'no' : 'yes'} />
            <button type="submit">
              {p.finderContactAllowed
                ? t('coordination.workspace.withdrawFinderContact')
                : t('coordination.workspace.allowFinderContact')}
            </button>
          </PostForm>
        ) : (
          !consent && <span class="hint"> ({t('coordination.workspace.noConsent')})</span>
        )}
      </td>
    </tr>
  );
}

export function PartiesSection(props: WorkspaceProps) {
  const { v, w, problems } = props;
  const { t } = v;
  const base = workspacePath(w.reference);
  const open = !w.coordination.endKind;
  const inCase = new Set(w.parties.map((p) => p.organizationId));
  return (
    <section aria-labelledby="parties">
      <h2 id="parties">{t('coordination.workspace.parties')}</h2>
      <div class="table-wrap">
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{t('coordination.workspace.developer')}</th>
              <th scope="col">{t('coordination.workspace.notified')}</th>
              <th scope="col">{t('coordination.workspace.mail')}</th>
              <th scope="col">{t('coordination.workspace.opened')}</th>
              <th scope="col">{t('coordination.workspace.acknowledged')}</th>
              <th scope="col">{t('coordination.workspace.unreachable')}</th>
              <th scope="col">{t('coordination.workspace.finderContact')}</th>
            </tr>
          </thead>
          <tbody>
            {w.parties.map((p) => (
              <PartyRowView key={p.id} {...props} p={p} />
            ))}
          </tbody>
        </table>
      </div>
      {open && (
        <form method="get" action={`${base}#parties`} class="filters">
          <Field
            name="dq"
            type="search"
            label={t('coordination.workspace.searchDevelopers')}
            value={w.filter.developerQuery}
          />
          <button type="submit">{t('coordination.workspace.filter')}</button>
        </form>
      )}
      {open && (
        <div class="form-row">
          <PostForm v={v} action={`${base}/parties`} class="inline">
            <SelectField
              name="organizationId"
              id="party-organizationId"
              label={t('coordination.workspace.addDeveloper')}
              errors={errorsFor(problems, 'party')}
              placeholder=""
              options={w.developerChoices
                .filter((d) => !inCase.has(d.organizationId))
                .map((d) => ({ value: d.organizationId, label: `${d.nameJa} / ${d.nameEn}` }))}
            />
            <button type="submit">{t('coordination.workspace.addDeveloper')}</button>
          </PostForm>
          {w.groups.length > 0 && (
            <PostForm v={v} action={`${base}/parties`} class="inline">
              <SelectField
                name="groupId"
                id="party-groupId"
                label={t('coordination.workspace.addGroup')}
                errors={errorsFor(problems, 'party')}
                placeholder=""
                options={w.groups.map((g) => ({
                  value: g.id,
                  label: t('coordination.workspace.groupOption', { name: g.name, count: g.memberCount }),
                }))}
              />
              <button type="submit">{t('coordination.workspace.addGroup')}</button>
            </PostForm>
          )}
        </div>
      )}
    </section>
  );
}

export function MatrixSection({ v, w, problems }: WorkspaceProps) {
  const { t } = v;
  const base = workspacePath(w.reference);
  const statusOf = (partyId: string, vulnerabilityId: string) =>
    w.cells.get(cellKey(partyId, vulnerabilityId));
  return (
    <section aria-labelledby="matrix">
      <h2 id="matrix">{t('coordination.workspace.matrix')}</h2>
      <p>
        {t('coordination.workspace.counts')}:{' '}
        {PARTY_STATUSES.filter((s) => w.counts[s] > 0)
          .map((s) => `${t(`coordination.statuses.${s}`)} ${w.counts[s]}`)
          .join(' · ') || t('coordination.workspace.none')}
      </p>
      <form method="get" action={`${base}#matrix`} class="filters">
        <SelectField
          name="status"
          label={t('coordination.workspace.filterStatus')}
          value={w.filter.status ?? ''}
          placeholder={t('coordination.workspace.all')}
          options={PARTY_STATUSES.map((s) => ({ value: s, label: t(`coordination.statuses.${s}`) }))}
        />
        <Field name="q" type="search" label={t('coordination.workspace.filterName')} value={w.filter.q} />
        <Checkbox
          name="changed"
          label={t('coordination.workspace.filterChanged')}
          checked={w.filter.changed}
        />
        <button type="submit">{t('coordination.workspace.filter')}</button>
      </form>
      <div class="table-wrap">
        <table class="compact matrix">
          <caption>{t('coordination.workspace.matrixCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coordination.workspace.developer')}</th>
              {w.vulnerabilities.map((x) => (
                <th scope="col" key={x.id} title={v.locale === 'ja' ? x.titleJa : x.titleEn}>
                  .{x.ordinal}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {w.matrixParties.map((p) => (
              <tr key={p.id}>
                <th scope="row">{name(v, p)}</th>
                {w.vulnerabilities.map((x) => {
                  const cell = statusOf(p.id, x.id);
                  const status: PartyStatus = cell?.status ?? 'unknown';
                  return (
                    <td key={x.id} class={`status-${status}${cell?.changed ? ' changed' : ''}`}>
                      {t(`coordination.statuses.${status}`)}
                      {cell?.changed && (
                        <strong class="badge"> {t('coordination.workspace.changedMark')}</strong>
                      )}
                      {(cell?.statement || cell?.countermeasure) && (
                        <details>
                          <summary>
                            {t('coordination.workspace.statement')}
                            {cell.sharedWithParties ? ` (${t('coordination.workspace.shared')})` : ''}
                          </summary>
                          {cell.statement && <pre class="mail">{cell.statement}</pre>}
                          {cell.countermeasure && (
                            <>
                              <p>{t('coordination.workspace.countermeasure')}</p>
                              <pre class="mail">{cell.countermeasure}</pre>
                            </>
                          )}
                        </details>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!w.coordination.endKind && w.parties.length > 0 && w.vulnerabilities.length > 0 && (
        <details open={problems?.form === 'status'}>
          <summary>{t('coordination.workspace.recordStatus')}</summary>
          <PostForm v={v} action={`${base}/statuses`}>
            <SelectField
              name="partyId"
              id="status-partyId"
              label={t('coordination.workspace.developer')}
              errors={errorsFor(problems, 'status')}
              options={w.parties.map((p) => ({ value: p.id, label: name(v, p) }))}
            />
            <SelectField
              name="vulnerabilityId"
              id="status-vulnerabilityId"
              label={t('coordination.workspace.vulnerabilities')}
              errors={errorsFor(problems, 'status')}
              options={w.vulnerabilities.map((x) => ({
                value: x.id,
                label: `${w.reference}.${x.ordinal} ${v.locale === 'ja' ? x.titleJa : x.titleEn}`,
              }))}
            />
            <SelectField
              name="status"
              id="status-status"
              label={t('coordination.workspace.status')}
              errors={errorsFor(problems, 'status')}
              options={PARTY_STATUSES.map((s) => ({ value: s, label: t(`coordination.statuses.${s}`) }))}
            />
            <TextArea
              name="statement"
              id="status-statement"
              label={t('coordination.workspace.statement')}
              errors={errorsFor(problems, 'status')}
              rows={2}
            />
            <button type="submit">{t('coordination.workspace.recordStatus')}</button>
          </PostForm>
        </details>
      )}
    </section>
  );
}

export function SuggestionsSection({ v, w, problems }: WorkspaceProps) {
  const { t } = v;
  if (w.suggestions.length === 0) return null;
  const base = workspacePath(w.reference);
  const byParty = (id: string | null) => w.parties.find((p) => p.id === id);
  return (
    <section aria-labelledby="suggestions">
      <h2 id="suggestions">{t('coordination.workspace.suggestions')}</h2>
      <ul>
        {w.suggestions.map((s) => {
          const from = byParty(s.byParty);
          return (
            <li key={s.id}>
              <strong>{s.name}</strong> ← {from ? name(v, from) : ''} (<At v={v} at={s.createdAt} />)
              <pre class="mail">{s.reason}</pre>
              {s.state === 'pending' && !w.coordination.endKind ? (
                <PostForm v={v} action={`${base}/suggestions/${s.id}`}>
                  {!s.organizationId && (
                    <SelectField
                      name="organizationId"
                      id={`suggestion-${s.id}-organizationId`}
                      label={t('coordination.workspace.developer')}
                      placeholder=""
                      errors={errorsFor(problems, `suggestion-${s.id}`)}
                      options={w.developerChoices.map((d) => ({
                        value: d.organizationId,
                        label: `${d.nameJa} / ${d.nameEn}`,
                      }))}
                    />
                  )}
                  <TextArea
                    name="note"
                    id={`suggestion-${s.id}-note`}
                    label={t('coordination.workspace.note')}
                    rows={2}
                    errors={errorsFor(problems, `suggestion-${s.id}`)}
                  />
                  <button type="submit" name="decision" value="accept">
                    {t('coordination.workspace.accept')}
                  </button>{' '}
                  <button type="submit" name="decision" value="reject">
                    {t('coordination.workspace.reject')}
                  </button>
                </PostForm>
              ) : (
                <p>
                  {s.state === 'pending'
                    ? ''
                    : t(`coordination.workspace.${s.state === 'accepted' ? 'accept' : 'reject'}`)}
                  {s.note ? `: ${s.note}` : ''}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
