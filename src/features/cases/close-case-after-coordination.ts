// Kept so the coordination feature's import keeps working until it calls closeCase (close-case.ts) itself: the
// product and website tracks close a case the same way, with the reason as a union.
export { type CoordinationCloseReason, closeCase as closeCaseAfterCoordination } from './close-case.js';
