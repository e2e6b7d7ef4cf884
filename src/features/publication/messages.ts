// Strings of the publication feature, in Japanese and English.
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '公表',
};

const en: Catalog<typeof ja> = {
  title: 'Publication',
};

export const messages = { ja, en };
