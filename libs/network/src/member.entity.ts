import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type MemberKind = 'state' | 'organisation';

/** A member state or organisation: the home organisation of users. */
@Entity({ name: 'members' })
export class MemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: MemberKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
