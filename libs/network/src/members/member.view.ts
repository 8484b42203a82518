import type { MemberKind } from '../member.entity';

/** A member as the network services answer it (never an entity: see index.ts). */
export interface MemberView {
  code: string;
  name: string;
  kind: MemberKind;
}
