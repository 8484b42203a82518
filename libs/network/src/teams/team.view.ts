/** A team as the network services answer it (never an entity: see index.ts). */
export interface TeamView {
  id: string;
  name: string;
  capitalId: string;
  description: string;
  active: boolean;
}
