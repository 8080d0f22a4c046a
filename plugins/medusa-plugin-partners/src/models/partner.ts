import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"

export type PartnerStatus = "pending" | "approved" | "rejected"
export const PARTNER_STATUSES: PartnerStatus[] = ["pending", "approved", "rejected"]

import type { StoredWebhookSecret } from "../lib/webhook-secrets"

/** A cooperative that makes and supplies pieces; products belong to one partner. */
@Entity()
export class Partner extends BaseEntity {
  @Column({ type: "text" })
  name!: string

  @Index("IDX_partner_handle", { unique: true })
  @Column({ type: "text" })
  handle!: string

  @Column({ type: "text" })
  country!: string

  @Column({ type: "text", nullable: true })
  country_code!: string | null

  @Column({ type: "text", nullable: true })
  story!: string | null

  @Column({ type: "text", nullable: true })
  contact_email!: string | null

  @Column({ type: "text", default: "pending" })
  status!: PartnerStatus

  @Column({ type: "text", nullable: true })
  payout_account_ref!: string | null

  @Column({ type: "text", nullable: true })
  webhook_url!: string | null

  @Column({ type: "jsonb", default: [] })
  webhook_secrets!: StoredWebhookSecret[]

  @Column({ type: "timestamptz", nullable: true })
  webhook_disabled_at!: Date | null

  @Column({ type: "text", nullable: true })
  webhook_disabled_reason!: string | null

  @Column({ type: "text", nullable: true })
  inventory_feed_url!: string | null

  @Column({ type: "boolean", default: true })
  is_active!: boolean

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "partner")
  }
}
