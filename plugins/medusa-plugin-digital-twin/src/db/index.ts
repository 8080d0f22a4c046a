import { contentBlockTable } from "./content-block"
import { customerWalletTable } from "./customer-wallet"
import { digitalTwinTable } from "./digital-twin"
import { digitalTwinChainStateTable } from "./digital-twin-chain-state"
import { digitalTwinClaimCodeTable } from "./digital-twin-claim-code"
import { digitalTwinEventTable } from "./digital-twin-event"
import { walletNonceTable } from "./wallet-nonce"

/** Every table this plugin's migrations make, each described once in its home beside this file. */
export const DIGITAL_TWIN_TABLES = [
  digitalTwinTable,
  digitalTwinClaimCodeTable,
  digitalTwinEventTable,
  contentBlockTable,
  customerWalletTable,
  walletNonceTable,
  digitalTwinChainStateTable,
]
