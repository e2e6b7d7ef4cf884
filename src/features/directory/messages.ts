// Strings of the directory feature, in Japanese and English (t('directory.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '名簿',
};

const en: Catalog<typeof ja> = {
  title: 'Directory',
};

export const messages = { ja, en };
