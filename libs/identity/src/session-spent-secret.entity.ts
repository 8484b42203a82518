import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The SHA-256 of a refresh secret that was once a session's current one and has been
 * rotated away. Reuse detection asks for it: a spent secret coming back ends the session,
 * a secret that was never issued does not.
 */
@Entity({ name: 'session_spent_secrets' })
export class SessionSpentSecretEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'int' })
  generation: number;

  @CreateDateColumn({ type: 'timestamptz' })
  spentAt: Date;
}
