// Choice lists the admin pages share, worded in the viewer's language.
import type { ViewContext } from '../../../platform/views/view-context.js';
import { ORGANIZATION_TYPES } from '../create-organization.js';

export const organizationTypeOptions = (t: ViewContext['t']) =>
  ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`orgTypes.${o}`) }));
