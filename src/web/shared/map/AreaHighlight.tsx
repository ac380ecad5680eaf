/**
 * The outline of the focused or hovered area of a map (theme.css .rt-map__highlight), drawn as the svg's last child
 * so the neighbouring areas do not hide it. A module of its own so maps in the main bundle need nothing more.
 */
export function AreaHighlight({ d }: { d: string | null | undefined }) {
  if (!d) return null;
  return (
    <g aria-hidden="true">
      <path className="rt-map__highlight rt-map__highlight--halo" d={d} />
      <path className="rt-map__highlight" d={d} />
    </g>
  );
}
