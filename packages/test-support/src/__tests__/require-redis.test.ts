import { freePort } from "../database"
import { requireRedis } from "../topology"

describe("a suite that needs Redis", () => {
  it("fails, naming the address, when nothing answers there", async () => {
    // A port that was free a moment ago: nothing listens on it.
    const port = await freePort()
    await expect(requireRedis(`redis://127.0.0.1:${port}`)).rejects.toThrow(`Redis is not reachable at 127.0.0.1:${port}`)
  })

  it("goes on when Redis answers", async () => {
    await expect(requireRedis()).resolves.toBeUndefined()
  })
})
