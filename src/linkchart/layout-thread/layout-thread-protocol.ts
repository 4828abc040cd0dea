import type { LayoutInput } from '../layout-chart.ts';

export interface LayoutJob {
  id: number;
  chart: LayoutInput;
}

export type LayoutAnswer =
  | { id: number; ok: true; ids: string[]; xs: Float64Array; ys: Float64Array }
  | { id: number; ok: false; message: string };
