/** The seed layouts as core grids, made in memory from the same declarations the .xlsx samples
 * are written from (test/fixtures): no workbook is written or read, so the fuzz starts from
 * exactly what the fixture put in each cell. */
import { CellValue, Grid, MergeArea } from '../../core/grid';
import { resolveGrid, SheetSpec } from '../fixtures/sheet-model';
import { english003, typed002 } from '../fixtures/build-fixtures';
import { SEED_000 } from '../fixtures/seeds/seed-000-mopa';
import { SEED_001 } from '../fixtures/seeds/seed-001-lged';
import { SEED_002 } from '../fixtures/seeds/seed-002-khulna-library';
import { SEED_003 } from '../fixtures/seeds/seed-003-skt';
import { APA_MAIN } from '../fixtures/seeds/apa-main-jessore';

/** A grid the mutations may edit in place: rectangular, formats the same shape as values. */
export interface FuzzGrid extends Grid {
  values: CellValue[][];
  formats: (string | null | undefined)[][];
  merges: MergeArea[];
}

/** The grid a host would hand over for a fixture sheet: values, number formats, 0-based merges. */
export function gridOfSpec(spec: SheetSpec): FuzzGrid {
  const g = resolveGrid(spec);
  const width = g.width;
  const values = g.rows.map((r) => Array.from({ length: width }, (_, c): CellValue => r.cells[c]?.value ?? null));
  const formats = g.rows.map((r) => Array.from({ length: width }, (_, c) => r.cells[c]?.numFmt ?? null));
  const merges = g.merges.map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  return { sheet: spec.name, values, formats, merges };
}

export const SEED_SPECS: Record<string, () => SheetSpec> = {
  '000-three-tier': () => SEED_000,
  '001-single-target': () => SEED_001,
  '002-five-tier': () => SEED_002,
  '002-five-tier-typed': typed002,
  '003-row-pairs': () => SEED_003,
  '003-row-pairs-english': english003,
  'apa-main-quarters': () => APA_MAIN,
};
export const SEED_NAMES = Object.keys(SEED_SPECS);

const cache = new Map<string, FuzzGrid>();

/** A fresh copy of a seed's grid (the cached original is never handed out). */
export function seedGrid(name: string): FuzzGrid {
  let g = cache.get(name);
  if (!g) {
    g = gridOfSpec(SEED_SPECS[name]());
    cache.set(name, g);
  }
  return cloneGrid(g);
}

export function cloneGrid(g: FuzzGrid): FuzzGrid {
  return {
    sheet: g.sheet,
    file: g.file,
    origin: g.origin ? { ...g.origin } : undefined,
    values: g.values.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v))),
    formats: g.formats.map((r) => [...r]),
    merges: g.merges.map((m) => ({ ...m })),
  };
}
