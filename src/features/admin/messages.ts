// Strings of the admin feature, in Japanese and English (t('admin.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {} as const;

const en: Catalog<typeof ja> = {};

export const messages = { ja, en };
