import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm"
import type { Archetype } from "../lib/archetypes"

/** How strongly an archetype is drawn to a product category (0–1), edited in the admin. */
@Entity("archetype_category_affinity")
export class CategoryAffinity {
  @PrimaryColumn({ type: "text" })
  archetype!: Archetype

  @PrimaryColumn({ type: "text" })
  category_id!: string

  @Column({ type: "numeric", precision: 4, scale: 3, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  weight!: number

  @UpdateDateColumn({ type: "timestamptz" })
  updated_at!: Date
}
