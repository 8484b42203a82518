import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets are stored sealed (AES-256-GCM, `rwk1.<key id>.<iv>.<ciphertext>.<tag>`),
 * which is longer than the 256 characters a secret may have, so the column widens. The
 * migration cannot seal existing rows: the key lives in the apps' environment
 * (WEBHOOK_SECRET_KEY), not in the database. The API seals every plain-text row at its
 * next start, and until then the worker reads such a row as legacy plain text.
 */
export class SealWebhookSecrets1764300011000 implements MigrationInterface {
  name = 'SealWebhookSecrets1764300011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE team_webhooks ALTER COLUMN secret TYPE varchar(2048)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Fails while a sealed secret is longer than 256 characters: those cannot go back into
    // the old column, and the old code could not open them anyway (set the webhooks again).
    await q.query(`ALTER TABLE team_webhooks ALTER COLUMN secret TYPE varchar(256)`);
  }
}
