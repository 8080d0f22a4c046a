import { BaseEntity } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"
import { BeforeInsert, Column, Entity } from "typeorm"

/** One serialized sold piece's twin; the chain owns mint and owner, chain sync mirrors them here. */
@Entity()
export class DigitalTwin extends BaseEntity {
  @Column({ type: "bigint", unique: true })
  token_id!: string

  @Column({ type: "text", unique: true })
  tag_id!: string

  @Column({ type: "text", nullable: true })
  product_id!: string | null

  @Column({ type: "text", nullable: true })
  variant_id!: string | null

  @Column({ type: "text", nullable: true })
  order_id!: string | null

  @Column({ type: "text", nullable: true })
  line_item_id!: string | null

  @Column({ type: "int", default: 0 })
  unit_index!: number

  @Column({ type: "text", nullable: true })
  customer_id!: string | null

  @Column({ type: "text" })
  title!: string

  @Column({ type: "text" })
  metadata_cid!: string

  @Column({ type: "text" })
  metadata_digest!: string

  @Column({ type: "text" })
  image_cid!: string

  @Column({ type: "text", default: "issued" })
  status!: "issued" | "bound" | "submitted" | "minted"

  @Column({ type: "text", nullable: true })
  claim_wallet!: string | null

  @Column({ type: "text", nullable: true })
  owner_address!: string | null

  @Column({ type: "bigint", nullable: true })
  voucher_deadline!: string | null

  @Column({ type: "text", nullable: true })
  voucher_signature!: string | null

  @Column({ type: "text", nullable: true })
  relay_tx_hash!: string | null

  @Column({ type: "text", nullable: true })
  mint_tx_hash!: string | null

  @Column({ type: "bigint", nullable: true })
  mint_block!: string | null

  @Column({ type: "timestamptz", nullable: true })
  pinned_at!: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "twin")
  }
}
