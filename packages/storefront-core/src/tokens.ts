/** PVA brand tokens (BRIEF.md); tokens.css holds the same values as CSS variables. */
export const brand = {
  green900: "#0f3b2d",
  green700: "#1c5a45",
  accent: "#4ef8a3",
  background: "#f8f9fa",
  gradient: "linear-gradient(135deg, #0f3b2d 0%, #1c5a45 100%)",
  footer: "© PVA Bazaar",
} as const
