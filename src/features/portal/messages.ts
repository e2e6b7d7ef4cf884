// Strings of the portal feature, in Japanese and English (t('portal.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: '製品開発者ポータル',
};

const en: Catalog<typeof ja> = {
  title: 'Developer portal',
};

export const messages = { ja, en };
