// Strings of the website feature, in Japanese and English (t('website.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: 'ウェブサイトの届出対応',
};

const en: Catalog<typeof ja> = {
  title: 'Website cases',
};

export const messages = { ja, en };
