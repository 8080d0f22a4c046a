/** PVA brand tokens (BRIEF.md), for code and, below, as CSS variables for stylesheets. */
export const brand = {
  green900: "#0f3b2d",
  green700: "#1c5a45",
  accent: "#4ef8a3",
  background: "#f8f9fa",
  gradient: "linear-gradient(135deg, #0f3b2d 0%, #1c5a45 100%)",
  footer: "© PVA Bazaar",
} as const

/** The tokens as CSS custom properties; small enough to inline in every page head. */
export const tokensCss = `:root {
  --pva-green-900: #0f3b2d;
  --pva-green-700: #1c5a45;
  --pva-accent: #4ef8a3;
  --pva-bg: #f8f9fa;
  --pva-ink: #14201b;
  --pva-muted: #4a5a53;
  --pva-gradient: linear-gradient(135deg, var(--pva-green-900) 0%, var(--pva-green-700) 100%);
  --pva-radius: 10px;
  --pva-focus: 0 0 0 3px var(--pva-accent), 0 0 0 5px var(--pva-green-900);
}`
