import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm"

/** Bytes under their CIDv1 (raw, sha2-256): what GET /ipfs/:cid serves. */
@Entity()
export class ContentBlock {
  @PrimaryColumn({ type: "text" })
  cid!: string

  @Column({ type: "text" })
  content_type!: string

  @Column({ type: "bytea" })
  bytes!: Buffer

  @CreateDateColumn({ type: "timestamptz" })
  created_at!: Date
}
