// Strings of the accounts feature, in Japanese and English (t('accounts.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {} as const;

const en: Catalog<typeof ja> = {};

export const messages = { ja, en };
