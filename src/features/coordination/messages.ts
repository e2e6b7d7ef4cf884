// Strings of the coordination feature, in Japanese and English (t('coordination.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '調整',
};

const en: Catalog<typeof ja> = {
  title: 'Coordination',
};

export const messages = { ja, en };
