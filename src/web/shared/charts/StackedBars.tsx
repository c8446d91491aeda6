import { Legend, Patterns, fillOf } from './svg';

export interface StackedRow {
  readonly label: string;
  readonly values: readonly number[];
}

/** One horizontal bar per row, stacked by series; each segment carries its number when it fits. */
export function StackedBars(props: {
  id: string;
  title: string;
  series: readonly string[];
  rows: readonly StackedRow[];
}) {
  const labelW = 190;
  const width = 720;
  const barH = 22;
  const max = Math.max(1, ...props.rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const scale = (width - labelW - 40) / max;
  const height = props.rows.length * (barH + 8) + 8;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={props.title}>
        <title>{props.title}</title>
        <Patterns id={props.id} />
        {props.rows.map((r, i) => {
          let x = labelW;
          const y = 4 + i * (barH + 8);
          const total = r.values.reduce((a, b) => a + b, 0);
          return (
            <g key={r.label}>
              <text x={labelW - 6} y={y + barH / 2 + 4} textAnchor="end" fontSize="12">
                {r.label}
              </text>
              {r.values.map((v, k) => {
                const w = v * scale;
                const seg = (
                  <g key={k}>
                    <rect
                      x={x}
                      y={y}
                      width={w}
                      height={barH}
                      fill={fillOf(props.id, k)}
                      stroke="#222"
                      strokeWidth="0.5"
                    >
                      <title>{`${r.label}: ${props.series[k]} ${v}`}</title>
                    </rect>
                    {v > 0 && w >= 18 && (
                      <text
                        x={x + w / 2}
                        y={y + barH / 2 + 4}
                        textAnchor="middle"
                        fontSize="11"
                        fontWeight="bold"
                        fill="#fff"
                        stroke="#000"
                        strokeWidth="2.5"
                        paintOrder="stroke"
                      >
                        {v}
                      </text>
                    )}
                  </g>
                );
                x += w;
                return seg;
              })}
              <text x={x + 6} y={y + barH / 2 + 4} fontSize="12">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend id={props.id} labels={props.series} />
    </figure>
  );
}
