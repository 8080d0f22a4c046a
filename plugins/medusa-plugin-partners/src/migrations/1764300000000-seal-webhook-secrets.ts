import { MigrationInterface, QueryRunner } from "typeorm"
import { resolvePartnerSettings } from "../lib/settings"
import { open } from "../lib/secret-box"
import { storeSecret, StoredWebhookSecret } from "../lib/webhook-secrets"

type PlainWebhookSecret = { secret: string; created_at: string; expires_at: string | null }

/**
 * Partners' webhook signing secrets were stored in plain text: seal each with
 * WEBHOOK_SECRET_KEY (AES-256-GCM), keeping its dates. Rows already sealed are left alone,
 * so the migration can run again after an interruption. Medusa runs migrations without plugin
 * options, so the key comes from the environment (WEBHOOK_SECRET_KEY).
 */
export class SealWebhookSecrets1764300000000 implements MigrationInterface {
  name = "SealWebhookSecrets1764300000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    const key = resolvePartnerSettings().webhookSecretKey
    const rows: Array<{ id: string; webhook_secrets: Array<PlainWebhookSecret | StoredWebhookSecret> }> = await queryRunner.query(
      `SELECT id, webhook_secrets FROM partner WHERE webhook_secrets @? '$[*] ? (exists(@.secret))' FOR UPDATE`
    )
    for (const row of rows) {
      const sealed = row.webhook_secrets.map((s) =>
        "secret" in s ? { ...storeSecret(s.secret, key, new Date(s.created_at)), expires_at: s.expires_at } : s
      )
      await queryRunner.query(`UPDATE partner SET webhook_secrets = $2 WHERE id = $1`, [row.id, JSON.stringify(sealed)])
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const key = resolvePartnerSettings().webhookSecretKey
    const rows: Array<{ id: string; webhook_secrets: StoredWebhookSecret[] }> = await queryRunner.query(
      `SELECT id, webhook_secrets FROM partner WHERE webhook_secrets @? '$[*] ? (exists(@.sealed))' FOR UPDATE`
    )
    for (const row of rows) {
      const plain = row.webhook_secrets.map((s) => ({ secret: open(s.sealed, key), created_at: s.created_at, expires_at: s.expires_at }))
      await queryRunner.query(`UPDATE partner SET webhook_secrets = $2 WHERE id = $1`, [row.id, JSON.stringify(plain)])
    }
  }
}
