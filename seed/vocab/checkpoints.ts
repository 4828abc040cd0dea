// Real land-border checkpoints; the ASCII spelling is what the border guard's crossing log sends.

export type NeighbourCountry = 'CN' | 'LA' | 'KH';

export interface Checkpoint {
  name: string;
  country: NeighbourCountry;
}

export const checkpoints = {
  mongCai: { name: 'Mong Cai', country: 'CN' },
  huuNghi: { name: 'Huu Nghi', country: 'CN' },
  laoCai: { name: 'Lao Cai', country: 'CN' },
  thanhThuy: { name: 'Thanh Thuy', country: 'CN' },
  cauTreo: { name: 'Cau Treo', country: 'LA' },
  naMeo: { name: 'Na Meo', country: 'LA' },
  laoBao: { name: 'Lao Bao', country: 'LA' },
  tayTrang: { name: 'Tay Trang', country: 'LA' },
  mocBai: { name: 'Moc Bai', country: 'KH' },
  tinhBien: { name: 'Tinh Bien', country: 'KH' },
  xaMat: { name: 'Xa Mat', country: 'KH' },
} as const satisfies Record<string, Checkpoint>;

export const allCheckpoints: readonly Checkpoint[] = Object.values(checkpoints);

export function checkpointsTo(country: NeighbourCountry): Checkpoint[] {
  return allCheckpoints.filter((checkpoint) => checkpoint.country === country);
}
