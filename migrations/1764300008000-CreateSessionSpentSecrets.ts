import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hashes of a session's spent refresh secrets. A refresh with a secret that is neither
 * current nor spent was never issued (a forgery from a session id, which the audit log
 * names): it is refused and the session lives on. Only a spent one coming back proves the
 * token was copied, and ends the session.
 */
export class CreateSessionSpentSecrets1764300008000 implements MigrationInterface {
  name = 'CreateSessionSpentSecrets1764300008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_spent_secrets (
        session_id uuid NOT NULL
          CONSTRAINT fk_session_spent_secrets_session REFERENCES sessions(id) ON DELETE CASCADE,
        secret_hash char(64) NOT NULL,
        generation int NOT NULL,
        spent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_session_spent_secrets PRIMARY KEY (session_id, secret_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_spent_secrets`);
  }
}
