import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { bodyOf, withHttpErrors } from "../../../../../lib/http"
import { requireCustomer } from "@pva/medusa-kit"
import { refuseSignInFlood } from "../../../../../lib/rate-limit"
import type CustomerWalletService from "../../../../../services/customer-wallet"
import type WalletSignInService from "../../../../../services/wallet-sign-in"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your wallets")
  const wallets: CustomerWalletService = req.scope.resolve("customerWalletService")
  res.json({ wallets: await wallets.listFor(customerId) })
}

/** Links the wallet that signed `message` (SIWE, with a fresh nonce) to the signed-in customer. */
export const POST = withHttpErrors(async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "link a wallet")
  const signIn: WalletSignInService = req.scope.resolve("walletSignInService")
  if (await refuseSignInFlood(req, res, signIn.settings)) return
  const body = bodyOf(req)
  const { address, chainId } = await signIn.verify(body.message, body.signature)
  const wallets: CustomerWalletService = req.scope.resolve("customerWalletService")
  res.status(201).json({ wallet: await wallets.link(customerId, address, chainId) })
})
