import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm"

/** A wallet's balance of one offering as chain sync last reported it (the chain is the record). */
@Entity({ name: "fractional_share_holding" })
export class ShareHolding {
  @PrimaryColumn({ type: "numeric" }) chain_offering_id!: string
  @PrimaryColumn({ type: "text" }) wallet!: string
  @Column({ type: "numeric" }) balance!: string
  @UpdateDateColumn({ type: "timestamptz" }) updated_at!: Date
}
