// Advisories being written (脆弱性対策情報の作成): the editor, review and approval, scheduling and the developers' pre-release copy.
import type { Feature } from '../../platform/http/server.js';

export const advisoriesRoutes: Feature = () => {};
