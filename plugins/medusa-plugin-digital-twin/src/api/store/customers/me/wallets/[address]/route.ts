import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { isAddress } from "viem"
import { invalid } from "../../../../../../lib/http"
import { requireCustomer } from "@pva/medusa-kit"
import type CustomerWalletService from "../../../../../../services/customer-wallet"

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "unlink a wallet")
  const { address } = req.params
  if (!isAddress(address, { strict: false })) invalid("address must be a 0x-prefixed Ethereum address")
  const wallets: CustomerWalletService = req.scope.resolve("customerWalletService")
  await wallets.unlink(customerId, address)
  res.json({ address, deleted: true })
}
