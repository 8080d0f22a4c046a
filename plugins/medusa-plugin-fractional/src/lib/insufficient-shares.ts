import { MedusaError } from "medusa-core-utils"

/**
 * Too few shares left for what the buyer asked: a conflict with the offering's state, answered
 * 409 as Medusa answers too little stock, whether the add-to-cart check, the checkout's second
 * look at the cart or the reservation finds it first.
 */
export const insufficientShares = (message: string) =>
  new MedusaError(MedusaError.Types.NOT_ALLOWED, message, MedusaError.Codes.INSUFFICIENT_INVENTORY)

/** An offering's status as a buyer reads it: "not open yet", "sold out", "closed". */
export const offeringStatusWords = (status: string) => (status === "draft" ? "not open yet" : status.replace("_", " "))

/** An offering that sold out, closed or is not open yet, met where shares are reserved: 409 as well. */
export const notForSale = (title: string, status: string) => insufficientShares(`${title} is ${offeringStatusWords(status)}: no shares are for sale`)
