import { Column, Entity, PrimaryColumn } from "typeorm"

/** A wallet a customer proved with SIWE. The address is the key: one wallet, one customer. */
@Entity()
export class CustomerWallet {
  @PrimaryColumn({ type: "text" })
  address!: string

  @Column({ type: "text" })
  customer_id!: string

  @Column({ type: "int" })
  chain_id!: number

  @Column({ type: "timestamptz" })
  linked_at!: Date
}
