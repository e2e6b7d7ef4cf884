// Strings of the advisories feature, in Japanese and English.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '脆弱性対策情報の作成',
};

const en: Catalog<typeof ja> = {
  title: 'Advisories',
};

export const messages = { ja, en };
