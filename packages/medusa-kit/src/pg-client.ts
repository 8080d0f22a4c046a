// Checked-out node-postgres clients that survive PostgreSQL ending their connection.
//
// pg-pool listens for a client's 'error' only while the client sits idle in the pool; once
// checked out, nobody does. PostgreSQL ending the connection between two queries (a restart, a
// failover, an idle timeout, pg_terminate_backend) then raises an unhandled 'error' event, and
// Node ends the whole process. Every client held across awaits is checked out through here.
// Structural types, so this package needs no pg of its own.

export interface CheckedOutClient {
  on(event: "error", listener: (err: Error) => void): unknown
  removeListener(event: "error", listener: (err: Error) => void): unknown
  /** With an error, the pool destroys the client instead of reusing it. */
  release(err?: Error | boolean): void
}

export interface ClientPool<C extends CheckedOutClient> {
  connect(): Promise<C>
}

/**
 * Runs `work` on a client of `pool` and gives it back. A connection lost while the client is
 * out fails the next query (which `work` sees as an ordinary error) and the client is
 * destroyed rather than handed to the next caller.
 */
export async function withClient<C extends CheckedOutClient, T>(pool: ClientPool<C>, work: (client: C) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let lost: Error | undefined
  const onError = (err: Error) => {
    lost = err
  }
  client.on("error", onError)
  try {
    return await work(client)
  } finally {
    client.removeListener("error", onError)
    client.release(lost)
  }
}

export interface HeldClient<C extends CheckedOutClient> {
  client: C
  /** Gives the client back to the pool; does nothing once the connection was lost. */
  release(): void
}

/**
 * Checks out a client to keep for a long time (a session advisory lock, a LISTEN). When its
 * connection is lost, the client is destroyed and `onLost` is called once; the holder decides
 * what to take again.
 */
export async function holdClient<C extends CheckedOutClient>(pool: ClientPool<C>, onLost: (err: Error) => void): Promise<HeldClient<C>> {
  const client = await pool.connect()
  let held = true
  const onError = (err: Error) => {
    if (!held) return
    held = false
    client.release(err)
    onLost(err)
  }
  // Stays attached after the release: a destroyed client can still report its socket's end.
  client.on("error", onError)
  return {
    client,
    release() {
      if (!held) return
      held = false
      client.removeListener("error", onError)
      client.release()
    },
  }
}
