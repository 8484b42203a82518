/** A team's TAXII key as its leads and administrators see it: never the secret or its hash. */
export interface TaxiiKeyView {
  id: string;
  teamId: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  createdBy: { id: string; displayName: string } | null;
}

/** A key just issued: the only answer that carries its secret. */
export interface IssuedTaxiiKey {
  id: string;
  teamId: string;
  label: string;
  createdAt: Date;
  secret: string;
}
