import { BeforeInsert, Column, Entity } from "typeorm"
import { BaseEntity } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"

export type ReservationStatus = "reserved" | "minting" | "confirmed" | "released"

/**
 * Shares held for one order line from cart completion until chain sync confirms their mint
 * (or the mint fails and they are released). The line item id is the mint's idempotency key.
 */
@Entity({ name: "fractional_share_reservation" })
export class ShareReservation extends BaseEntity {
  @Column({ type: "text" }) offering_id!: string
  @Column({ type: "text" }) line_item_id!: string
  @Column({ type: "text", nullable: true }) cart_id!: string | null
  @Column({ type: "text", nullable: true }) order_id!: string | null
  @Column({ type: "text" }) customer_id!: string
  @Column({ type: "text" }) wallet!: string
  @Column({ type: "int" }) quantity!: number
  @Column({ type: "text" }) status!: ReservationStatus
  @Column({ type: "text", nullable: true }) mint_tx_hash!: string | null
  @Column({ type: "text", nullable: true }) error!: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "shres")
  }
}
