/** The roles of the public contract; a token naming any other role is not accepted. */
export const ROLES = ['ingest', 'analyst', 'investigator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a viewer may see unmasked: minors' (under 16) and (suspected) victims' identifying fields. */
export const CLEARANCES = ['minors', 'victims'] as const;
export type Clearance = (typeof CLEARANCES)[number];

/** Who is calling, from a verified token. */
export interface Principal {
  /** The token's sub: a user or a system. */
  sub: string;
  agency: string | null;
  roles: readonly Role[];
  clearance: ReadonlySet<Clearance>;
}
