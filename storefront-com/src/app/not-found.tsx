import { Link } from "@/modules/common/link"

export default function NotFound() {
  return (
    <div className="container section">
      <h1>We could not find that page</h1>
      <p><Link href="/store">Browse all pieces</Link></p>
    </div>
  )
}
