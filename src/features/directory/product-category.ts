// Product categories (製品分類): the coordination schedule policy reads them (e.g. a longer target for industrial
// control systems, ics).
export const PRODUCT_CATEGORIES = ['general', 'ics', 'iot', 'medical', 'automotive', 'other'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export function isProductCategory(v: unknown): v is ProductCategory {
  return typeof v === 'string' && (PRODUCT_CATEGORIES as readonly string[]).includes(v);
}

/** Website operators' kinds, counted in the statistics. */
export const OPERATOR_KINDS = ['company', 'local_government', 'organization', 'individual', 'other'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

/** The organization types the directory keeps entries for. */
export const DIRECTORY_TYPES = ['product_developer', 'csirt', 'website_operator'] as const;
export type DirectoryType = (typeof DIRECTORY_TYPES)[number];

export function isDirectoryType(v: unknown): v is DirectoryType {
  return typeof v === 'string' && (DIRECTORY_TYPES as readonly string[]).includes(v);
}
