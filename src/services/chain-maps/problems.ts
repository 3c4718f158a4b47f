import { CHAIN_MAP_SHEETS, type RowProblem } from "../../model/chain-map";
import { CHAIN_MAP_COLUMNS } from "./columns";

/**
 * The problems of one file, collected as found and handed back in reading order (sheet, row,
 * column), so a planner fixes them top to bottom and tests can compare exact lists.
 */
export class ProblemList {
  private readonly items: RowProblem[] = [];

  add(sheet: string, row: number, column: string | null, reason: string): void {
    this.items.push({ sheet, row, column, reason });
  }

  get size(): number {
    return this.items.length;
  }

  /** Sheets in CHAIN_MAP_SHEETS order (a whole-file problem first), then row, then column order. */
  sorted(): RowProblem[] {
    return this.items
      .map((problem, index) => ({ problem, index }))
      .sort((a, b) => compare(a.problem, b.problem) || a.index - b.index)
      .map(({ problem }) => problem);
  }
}

function sheetOrder(sheet: string): number {
  return (CHAIN_MAP_SHEETS as readonly string[]).indexOf(sheet);
}

/** A row problem before its cells' problems; known columns in the sheet's order; unknown ones last. */
function columnOrder(problem: RowProblem): number {
  if (problem.column === null) return -1;
  const index = sheetOrder(problem.sheet);
  const sheet = CHAIN_MAP_SHEETS[index];
  if (sheet === undefined) return Number.MAX_SAFE_INTEGER;
  const position = CHAIN_MAP_COLUMNS[sheet].findIndex((spec) => spec.key === problem.column);
  return position === -1 ? Number.MAX_SAFE_INTEGER : position;
}

function compare(a: RowProblem, b: RowProblem): number {
  return (
    sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row || columnOrder(a) - columnOrder(b)
  );
}
