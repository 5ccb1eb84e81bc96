/**
 * Placeholder mark for the emblem slot: a neutral public-building pictogram, deliberately not a
 * state emblem. Replace the SVG (same size) when the province provides its approved logo.
 */
export function Emblem({ size = 40 }: { size?: number }) {
  return (
    <svg
      className="emblem"
      width={size}
      height={size}
      viewBox="0 0 40 40"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="20" cy="20" r="19" fill="#ffffff" />
      <circle cx="20" cy="20" r="16.5" fill="none" stroke="#0b3d6e" strokeWidth="1.5" />
      <path
        fill="#0b3d6e"
        d="M20 9.5 10 15v2.2h20V15L20 9.5Zm-7.2 9.2v8.6h2.8v-8.6h-2.8Zm5.8 0v8.6h2.8v-8.6h-2.8Zm5.8 0v8.6h2.8v-8.6h-2.8ZM10 28.6V31h20v-2.4H10Z"
      />
    </svg>
  );
}
