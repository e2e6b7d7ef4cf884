// Strings of the vulndb feature, in Japanese and English.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '脆弱性対策情報データベース',
};

const en: Catalog<typeof ja> = {
  title: 'Vulnerability database',
};

export const messages = { ja, en };
