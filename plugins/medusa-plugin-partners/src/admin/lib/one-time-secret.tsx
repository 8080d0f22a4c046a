/**
 * A just-issued signing secret. The server stores it sealed and never returns it again,
 * so the admin copies it to the partner now.
 */
export const OneTimeSecret = ({ secret, title = "New webhook signing secret", onDismiss }: { secret: string; title?: string; onDismiss: () => void }) => (
  <div className="border-orange-40 bg-orange-5 rounded-rounded mb-4 border p-4" role="alert" data-testid="one-time-secret">
    <p className="inter-small-semibold">{title}</p>
    <p className="inter-small-regular">Copy it now and give it to the partner: it will not be shown again.</p>
    <code className="my-2 block select-all break-all font-mono text-xs">{secret}</code>
    <button className="btn btn-secondary btn-small" onClick={onDismiss}>
      I have copied it
    </button>
  </div>
)
