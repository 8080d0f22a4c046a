import { BeforeInsert, Column, Entity } from "typeorm"
import { BaseEntity } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"

export type OfferingStatus = "draft" | "open" | "closed" | "sold_out"

/**
 * One artifact split into PVAShares shares. `sold + reserved <= total_shares` is a CHECK in
 * the database: reservations add to `reserved` in one guarded UPDATE, never read-then-write.
 */
@Entity({ name: "fractional_offering" })
export class Offering extends BaseEntity {
  @Column({ type: "text" }) title!: string
  @Column({ type: "text", nullable: true }) artifact_product_id!: string | null
  @Column({ type: "numeric", nullable: true }) twin_token_id!: string | null
  /** The "Fractional share" product sold on the pvabazaar.org channel. */
  @Column({ type: "text", nullable: true }) product_id!: string | null
  @Column({ type: "text", nullable: true }) variant_id!: string | null
  @Column({ type: "int" }) total_shares!: number
  /** Minor units (cents) per share. */
  @Column({ type: "int" }) price_usd!: number
  @Column({ type: "int" }) price_eur!: number
  @Column({ type: "int", nullable: true }) investor_cap!: number | null
  @Column({ type: "timestamptz", nullable: true }) lockup_until!: Date | null
  @Column({ type: "text" }) status!: OfferingStatus
  @Column({ type: "numeric", nullable: true }) chain_offering_id!: string | null
  @Column({ type: "text", nullable: true }) open_tx_hash!: string | null
  @Column({ type: "text", nullable: true }) open_error!: string | null
  @Column({ type: "timestamptz", nullable: true }) opened_at!: Date | null
  @Column({ type: "int" }) sold!: number
  @Column({ type: "int" }) reserved!: number

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "offer")
  }
}
