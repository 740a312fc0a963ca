import type { ReactNode } from "react";

export type FigureColumn = { label: string; numeric?: boolean };
export type FigureRow = { key: string; head: ReactNode; cells: readonly ReactNode[] };

/**
 * A chart's numbers as a table, folded under `summary` so the chart leads and a screen reader or
 * a careful reader gets every number. The first column heads each row; each row carries
 * `data-<keyName>` so tests and styles can find one day or hour.
 */
export function FigureTable({ summary, columns, rows, keyName }: { summary: string; columns: readonly FigureColumn[]; rows: readonly FigureRow[]; keyName: string }) {
  return (
    <details>
      <summary>{summary}</summary>
      <table className="data-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? "tabular" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} {...{ [`data-${keyName}`]: row.key }}>
              <th scope="row">{row.head}</th>
              {row.cells.map((cell, i) => (
                <td key={i} className="tabular">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
