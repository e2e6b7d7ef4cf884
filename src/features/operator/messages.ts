// Strings of the operator feature, in Japanese and English (t('operator.…')).
import type { Catalog } from '../../platform/i18n/catalog.js';

const ja = {
  title: 'ウェブサイト運営者',
};

const en: Catalog<typeof ja> = {
  title: 'Website operator',
};

export const messages = { ja, en };
