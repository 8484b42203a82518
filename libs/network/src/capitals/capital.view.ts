/** A capital as the network services answer it (never an entity: see index.ts). */
export interface CapitalView {
  id: string;
  name: string;
  countryCode: string;
  timezone: string;
}
