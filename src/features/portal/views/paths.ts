// Paths of the portal's pages (references such as `IPA#00000012` carry characters a path must encode).
export const PORTAL_PATH = '/portal';
export const portalCasePath = (reference: string) => `/portal/cases/${encodeURIComponent(reference)}`;
