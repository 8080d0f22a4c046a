import { BeforeInsert, Column, Entity } from "typeorm"
import { BaseEntity } from "@medusajs/medusa"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"

export type KycApplicationStatus = "pending" | "approved" | "rejected"

/** What a customer tells us to become a shareholder. Personal data: shown only to its owner and admins. */
@Entity({ name: "fractional_kyc_application" })
export class KycApplication extends BaseEntity {
  @Column({ type: "text" }) customer_id!: string
  @Column({ type: "text" }) legal_name!: string
  @Column({ type: "char", length: 2 }) country_code!: string
  @Column({ type: "date" }) date_of_birth!: string
  @Column({ type: "text" }) status!: KycApplicationStatus

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "kyc")
  }
}
