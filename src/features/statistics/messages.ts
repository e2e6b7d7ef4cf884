// Strings of the statistics feature (届出状況), in Japanese and English.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '届出状況',
};

const en: Catalog<typeof ja> = {
  title: 'Reporting statistics',
};

export const messages = { ja, en };
