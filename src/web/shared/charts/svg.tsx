/**
 * Plain SVG charts. Colours are from a colour-blind-safe palette (Okabe–Ito) and every series also
 * has a hatch pattern and a written label, so the charts read in grey print and without colour.
 */
export const SERIES = [
  { color: '#0072B2', pattern: 'none' },
  { color: '#E69F00', pattern: 'diagonal' },
  { color: '#009E73', pattern: 'dots' },
  { color: '#D55E00', pattern: 'cross' },
  { color: '#CC79A7', pattern: 'horizontal' },
  { color: '#56B4E9', pattern: 'vertical' },
  { color: '#F0E442', pattern: 'dots' },
  { color: '#999999', pattern: 'diagonal' },
  { color: '#0072B2', pattern: 'cross' },
  { color: '#E69F00', pattern: 'horizontal' },
  { color: '#009E73', pattern: 'vertical' },
  { color: '#D55E00', pattern: 'none' },
] as const;

export function Patterns(props: { id: string }) {
  return (
    <defs>
      {SERIES.map((s, i) => (
        <pattern key={i} id={`${props.id}-p${i}`} patternUnits="userSpaceOnUse" width="6" height="6">
          <rect width="6" height="6" fill={s.color} />
          {s.pattern === 'diagonal' && (
            <path d="M0,6 L6,0" stroke="#000" strokeOpacity="0.45" strokeWidth="1" />
          )}
          {s.pattern === 'dots' && <circle cx="3" cy="3" r="1.1" fill="#000" fillOpacity="0.45" />}
          {s.pattern === 'cross' && (
            <path d="M0,0 L6,6 M6,0 L0,6" stroke="#000" strokeOpacity="0.45" strokeWidth="0.8" />
          )}
          {s.pattern === 'horizontal' && (
            <path d="M0,3 L6,3" stroke="#000" strokeOpacity="0.45" strokeWidth="1" />
          )}
          {s.pattern === 'vertical' && (
            <path d="M3,0 L3,6" stroke="#000" strokeOpacity="0.45" strokeWidth="1" />
          )}
        </pattern>
      ))}
    </defs>
  );
}

export const fillOf = (id: string, i: number) => `url(#${id}-p${i % SERIES.length})`;

export function Legend(props: { id: string; labels: readonly string[] }) {
  return (
    <svg width="100%" height={20 * Math.ceil(props.labels.length / 3)} role="list" aria-label="Chú giải">
      <Patterns id={`${props.id}-legend`} />
      {props.labels.map((l, i) => (
        <g key={l} transform={`translate(${(i % 3) * 220}, ${Math.floor(i / 3) * 20})`} role="listitem">
          <rect
            x="0"
            y="4"
            width="14"
            height="12"
            fill={fillOf(`${props.id}-legend`, i)}
            stroke="#222"
            strokeWidth="0.5"
          />
          <text x="20" y="14" fontSize="12">
            {l}
          </text>
        </g>
      ))}
    </svg>
  );
}
