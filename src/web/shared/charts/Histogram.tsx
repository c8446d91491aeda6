import { Patterns, fillOf } from './svg';

/** Counts of values in 10-point bins from 0 to 100, each bar labelled with its count. */
export function Histogram(props: { id: string; title: string; values: readonly number[]; unit: string }) {
  const bins = Array.from(
    { length: 10 },
    (_, i) => props.values.filter((v) => Math.min(9, Math.floor(v / 10)) === i).length,
  );
  const W = 720;
  const H = 200;
  const L = 30;
  const B = 30;
  const max = Math.max(1, ...bins);
  const bw = (W - L - 10) / 10;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={props.title}>
      <title>{props.title}</title>
      <Patterns id={props.id} />
      <line x1={L} y1={H - B} x2={W - 10} y2={H - B} stroke="#222" />
      {bins.map((n, i) => {
        const h = (n / max) * (H - B - 20);
        return (
          <g key={i}>
            <rect
              x={L + i * bw + 2}
              y={H - B - h}
              width={bw - 4}
              height={h}
              fill={fillOf(props.id, 0)}
              stroke="#222"
              strokeWidth="0.5"
            >
              <title>{`${i * 10}–${i * 10 + 10}${props.unit}: ${n}`}</title>
            </rect>
            {n > 0 && (
              <text
                x={L + i * bw + bw / 2}
                y={H - B - h - 4}
                textAnchor="middle"
                fontSize="12"
                fontWeight="bold"
              >
                {n}
              </text>
            )}
            <text x={L + i * bw + bw / 2} y={H - B + 16} textAnchor="middle" fontSize="11">
              {i * 10}–{i * 10 + 10}
              {props.unit}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
