import type { ReactNode } from 'react';

export interface Column<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The row header: the cell that names the row for screen readers. */
  rowHeader?: boolean;
  numeric?: boolean;
}

/** A plain data table with a caption, column headers and one row header per row. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
  empty,
}: {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  testId: string;
  empty: string;
}) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} data-testid={`row-${rowKey(row)}`}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.id} scope="row">
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.id} className={column.numeric ? 'num' : undefined}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({
  hasNextPage,
  onNext,
  onFirst,
  isFirst,
  labels,
}: {
  hasNextPage: boolean;
  onNext: () => void;
  onFirst: () => void;
  isFirst: boolean;
  labels: { next: string; first: string };
}) {
  if (!hasNextPage && isFirst) return null;
  return (
    <p className="pager">
      {!isFirst && (
        <button type="button" onClick={onFirst} data-testid="page-first">
          {labels.first}
        </button>
      )}
      {hasNextPage && (
        <button type="button" onClick={onNext} data-testid="page-next">
          {labels.next}
        </button>
      )}
    </p>
  );
}
