import { brand } from "../tokens"

export function SiteFooter({ children }: { children?: React.ReactNode }) {
  return (
    <footer className="pva-footer">
      {children}
      <p>{brand.footer}</p>
    </footer>
  )
}
