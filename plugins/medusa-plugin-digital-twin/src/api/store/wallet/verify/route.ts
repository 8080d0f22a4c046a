import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import jwt from "jsonwebtoken"
import { bodyOf } from "../../../../lib/http"
import { refuseSignInFlood } from "../../../../lib/rate-limit"
import type CustomerWalletService from "../../../../services/customer-wallet"
import type WalletSignInService from "../../../../services/wallet-sign-in"

/**
 * Proves a wallet with a signed SIWE message. A wallet linked to an account signs in as that
 * customer: the answer carries the same kind of token as POST /store/auth/token, good on both shops,
 * naming the wallet, so that the server ends it when the wallet is unlinked
 * (medusa-server's lib/ended-sessions.ts), and lasting `walletSessionHours`.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const signIn: WalletSignInService = req.scope.resolve("walletSignInService")
  if (await refuseSignInFlood(req, res, signIn.settings)) return
  const body = bodyOf(req)
  const { address, chainId } = await signIn.verify(body.message, body.signature)
  const wallets: CustomerWalletService = req.scope.resolve("customerWalletService")
  const customerId = await wallets.ownerOf(address)
  if (!customerId) {
    res.json({ address, chain_id: chainId, linked: false })
    return
  }
  const { jwt_secret } = req.scope.resolve<any>("configModule").projectConfig
  const token = jwt.sign({ customer_id: customerId, domain: "store", wallet: address }, jwt_secret, {
    expiresIn: Math.round(signIn.settings.walletSessionHours * 3600),
  })
  res.json({ address, chain_id: chainId, linked: true, access_token: token })
}
