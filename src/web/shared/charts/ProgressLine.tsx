/** Hamlets done over time (a step line) against the total and the plan's final deadline. */
export function ProgressLine(props: {
  title: string;
  series: readonly { date: string; done: number }[];
  total: number;
  deadline: string | null;
  today: string;
  deadlineLabel: string;
}) {
  const W = 720;
  const H = 240;
  const L = 44;
  const R = 16;
  const T = 16;
  const B = 36;
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const dates = [
    ...props.series.map((s) => s.date),
    props.today,
    ...(props.deadline ? [props.deadline] : []),
  ];
  const from = Math.min(...dates.map(day)) - 3;
  const to = Math.max(...dates.map(day)) + 3;
  const x = (d: string) => L + ((day(d) - from) / Math.max(1, to - from)) * (W - L - R);
  const y = (n: number) => H - B - (n / Math.max(1, props.total)) * (H - T - B);
  let path = `M${L},${y(0)}`;
  let last = 0;
  for (const s of props.series) {
    path += ` L${x(s.date)},${y(last)} L${x(s.date)},${y(s.done)}`;
    last = s.done;
  }
  path += ` L${x(props.today)},${y(last)}`;
  const fmt = (d: string) => d.split('-').reverse().slice(0, 2).join('/');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={props.title}>
      <title>{props.title}</title>
      <line x1={L} y1={H - B} x2={W - R} y2={H - B} stroke="#222" />
      <line x1={L} y1={T} x2={L} y2={H - B} stroke="#222" />
      <line x1={L} y1={y(props.total)} x2={W - R} y2={y(props.total)} stroke="#555" strokeDasharray="2 3" />
      <text x={L - 6} y={y(props.total) + 4} textAnchor="end" fontSize="11">
        {props.total}
      </text>
      <text x={L - 6} y={H - B + 4} textAnchor="end" fontSize="11">
        0
      </text>
      <path d={path} fill="none" stroke="#0072B2" strokeWidth="3" />
      {props.series.map((s) => (
        <circle key={s.date} cx={x(s.date)} cy={y(s.done)} r="3.5" fill="#0072B2">
          <title>{`${fmt(s.date)}: ${s.done}`}</title>
        </circle>
      ))}
      <text x={x(props.today) + 4} y={y(last) - 6} fontSize="12" fontWeight="bold">
        {last}/{props.total}
      </text>
      {props.deadline && (
        <g>
          <line
            x1={x(props.deadline)}
            y1={T}
            x2={x(props.deadline)}
            y2={H - B}
            stroke="#D55E00"
            strokeWidth="2"
            strokeDasharray="6 4"
          />
          <text x={x(props.deadline)} y={H - B + 28} textAnchor="middle" fontSize="11" fill="#8a3300">
            {props.deadlineLabel} {fmt(props.deadline)}
          </text>
        </g>
      )}
      <text x={x(props.today)} y={H - B + 14} textAnchor="middle" fontSize="11">
        {fmt(props.today)}
      </text>
    </svg>
  );
}
