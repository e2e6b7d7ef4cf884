// Who may know who the finder is (受付機関基準 (4)): the reception body always; the coordination body, the
// developer or the website operator only with the finder's consent; the public only the credit name the
// finder chose, and only if they asked to be credited. One rule, used by every page, API response and mail.

export type Audience = 'reception' | 'coordinator' | 'vendor' | 'operator' | 'finder' | 'public';

export type FinderConsents = {
  identityToCoordinator: boolean;
  /** to the product developer or, on the website track, to the website operator */
  identityToVendor: boolean;
  directContact: boolean;
  publicCredit: boolean;
};

export function mayKnowFinderIdentity(audience: Audience, c: FinderConsents): boolean {
  switch (audience) {
    case 'reception':
    case 'finder':
      return true;
    case 'coordinator':
      return c.identityToCoordinator;
    case 'vendor':
    case 'operator':
      return c.identityToVendor;
    case 'public':
      return false;
  }
}

/** The name to print in a published advisory, or null (no credit, or no name given). */
export function publicCreditName(c: FinderConsents, creditName: string | undefined): string | null {
  const name = creditName?.trim();
  return c.publicCredit && name ? name : null;
}

/** Direct finder–developer contact needs the finder's consent and the coordinator's agreement. */
export function mayContactFinderDirectly(c: FinderConsents, coordinatorAllowed: boolean): boolean {
  return c.directContact && c.identityToVendor && coordinatorAllowed;
}
