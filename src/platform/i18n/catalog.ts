/** The shape every catalog has: the Japanese catalog's keys, each a string. */
export type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
