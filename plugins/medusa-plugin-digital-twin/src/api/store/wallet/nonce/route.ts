import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { refuseSignInFlood } from "../../../../lib/rate-limit"
import type WalletSignInService from "../../../../services/wallet-sign-in"

/** A single-use nonce for the next Sign-In with Ethereum message; it lives 5 minutes. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const signIn: WalletSignInService = req.scope.resolve("walletSignInService")
  if (await refuseSignInFlood(req, res, signIn.settings)) return
  res.status(201).json(await signIn.issueNonce())
}
