// Publication (公表): mail subscriptions to new advisories; the publish step itself runs as a job (jobs/).
import type { Feature } from '../../platform/http/server.js';

export const publicationRoutes: Feature = () => {};
