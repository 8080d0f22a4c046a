import { entityTable } from "@pva/medusa-kit"
import { KycApplication } from "../models/kyc-application"
import { KycDecision } from "../models/kyc-decision"
import { Offering } from "../models/offering"
import { ShareReservation } from "../models/share-reservation"
import { fractionalCustomerWalletTable } from "./customer-wallet"
import { eligibilityTaskTable } from "./eligibility-task"
import { appliedTransferTable, shareHoldingTable } from "./share-holding"

/**
 * Every table this plugin's migrations make: those described in src/db, and those whose one
 * description is their TypeORM entity in src/models (the services use their repositories).
 */
export const FRACTIONAL_TABLES = [
  shareHoldingTable,
  appliedTransferTable,
  eligibilityTaskTable,
  fractionalCustomerWalletTable,
  entityTable(Offering),
  entityTable(ShareReservation),
  entityTable(KycApplication),
  entityTable(KycDecision),
]
