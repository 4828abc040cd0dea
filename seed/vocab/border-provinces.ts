import { checkpoints, type Checkpoint } from './checkpoints.ts';

export interface Province {
  name: string;
  /** First three digits of a citizen id (CCCD) issued there. */
  citizenIdCode: string;
  /** Vehicle registration prefix. */
  plateCode: string;
  /** The checkpoint its traders and tourists use. */
  checkpoint: Checkpoint;
  /** Relative share of the scenario's population. */
  weight: number;
}

export const borderProvinces: readonly Province[] = [
  { name: 'Quảng Ninh', citizenIdCode: '022', plateCode: '14', checkpoint: checkpoints.mongCai, weight: 14 },
  { name: 'Lạng Sơn', citizenIdCode: '020', plateCode: '12', checkpoint: checkpoints.huuNghi, weight: 8 },
  { name: 'Lào Cai', citizenIdCode: '010', plateCode: '24', checkpoint: checkpoints.laoCai, weight: 8 },
  { name: 'Hà Giang', citizenIdCode: '002', plateCode: '23', checkpoint: checkpoints.thanhThuy, weight: 7 },
  { name: 'Cao Bằng', citizenIdCode: '004', plateCode: '11', checkpoint: checkpoints.huuNghi, weight: 5 },
  { name: 'Điện Biên', citizenIdCode: '011', plateCode: '27', checkpoint: checkpoints.tayTrang, weight: 5 },
  { name: 'Thanh Hóa', citizenIdCode: '038', plateCode: '36', checkpoint: checkpoints.naMeo, weight: 10 },
  { name: 'Nghệ An', citizenIdCode: '040', plateCode: '37', checkpoint: checkpoints.cauTreo, weight: 12 },
  { name: 'Hà Tĩnh', citizenIdCode: '042', plateCode: '38', checkpoint: checkpoints.cauTreo, weight: 7 },
  { name: 'Quảng Trị', citizenIdCode: '045', plateCode: '74', checkpoint: checkpoints.laoBao, weight: 5 },
  { name: 'Tây Ninh', citizenIdCode: '072', plateCode: '70', checkpoint: checkpoints.mocBai, weight: 8 },
  { name: 'An Giang', citizenIdCode: '089', plateCode: '67', checkpoint: checkpoints.tinhBien, weight: 11 },
];

export const weightedProvinces: readonly (readonly [Province, number])[] = borderProvinces.map((p) => [p, p.weight]);
