import { Column, Entity, PrimaryColumn } from "typeorm"

/** A SIWE nonce the server issued; deleted when used, so it works once. */
@Entity()
export class WalletNonce {
  @PrimaryColumn({ type: "text" })
  nonce!: string

  @Column({ type: "timestamptz" })
  expires_at!: Date
}
