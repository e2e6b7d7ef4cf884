// Paths of the reception console (tracking numbers such as `IPA#00000012` carry characters a path must encode).
export const reportPath = (trackingNumber: string) =>
  `/reception/reports/${encodeURIComponent(trackingNumber)}`;
