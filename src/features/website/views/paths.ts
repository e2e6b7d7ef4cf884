// Paths of the website pages (references such as `IPA#00000012` carry characters a path must encode).
export const websiteCasePath = (reference: string) => `/website/cases/${encodeURIComponent(reference)}`;
export const LONG_RUNNING_PATH = '/website/long-running';
