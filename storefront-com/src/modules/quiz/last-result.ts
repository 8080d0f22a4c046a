/** The result just scored, kept for this tab so the result page needs no second request. */
export const LAST_RESULT_KEY = "pva_last_result"
