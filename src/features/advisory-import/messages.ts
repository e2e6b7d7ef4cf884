// Strings of the advisory-import feature, in Japanese and English.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '脆弱性対策情報の取り込み',
};

const en: Catalog<typeof ja> = {
  title: 'Advisory import',
};

export const messages = { ja, en };
