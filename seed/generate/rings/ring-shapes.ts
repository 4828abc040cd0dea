import type { Random } from '../../prng.ts';
import type { RingShape } from '../../truth-types.ts';
import type { NeighbourCountry } from '../../vocab/checkpoints.ts';

export interface VictimProfile {
  age: number;
  sex: 'MALE' | 'FEMALE';
}

/** What distinguishes one kind of planted ring from another. */
export interface RingShapeSpec {
  shape: RingShape;
  destinations: readonly NeighbourCountry[];
  victim(random: Random): VictimProfile;
  /** Recruits through an unlicensed or revoked labour-export broker. */
  usesBroker: boolean;
  /** The recruiter crosses with the victims, posing as their relative. */
  recruiterPosesAsRelative: boolean;
  recruiterFemaleShare: number;
  caseTitle: string;
}

const eitherSex = (random: Random, maleShare = 0.5): 'MALE' | 'FEMALE' =>
  random.chance(maleShare) ? 'MALE' : 'FEMALE';

/** The four shapes of the rotation; the field shapes are planted on their own schedules. */
export type RotatingRingShape = Exclude<RingShape, 'ONLINE_SCAM_RECRUITMENT' | 'FAMILY_CHILD_TRAFFICKING'>;

export const ringShapes: Readonly<Record<RotatingRingShape, RingShapeSpec>> = {
  LABOUR_EXPORT_SCAM: {
    shape: 'LABOUR_EXPORT_SCAM',
    destinations: ['CN', 'LA'],
    victim: (random) => ({ age: random.int(19, 40), sex: eitherSex(random) }),
    usesBroker: true,
    recruiterPosesAsRelative: false,
    recruiterFemaleShare: 0.4,
    caseTitle: 'Mua bán người (lừa đảo đưa người đi lao động ở nước ngoài)',
  },
  CHILD_TRAFFICKING_CN: {
    shape: 'CHILD_TRAFFICKING_CN',
    destinations: ['CN'],
    victim: (random) => ({ age: random.int(5, 15), sex: eitherSex(random) }),
    usesBroker: false,
    recruiterPosesAsRelative: true,
    recruiterFemaleShare: 0.6,
    caseTitle: 'Mua bán người dưới 16 tuổi',
  },
  BRIDES_TO_CN: {
    shape: 'BRIDES_TO_CN',
    destinations: ['CN'],
    victim: (random) => ({ age: random.chance(0.25) ? random.int(14, 15) : random.int(16, 24), sex: 'FEMALE' }),
    usesBroker: false,
    recruiterPosesAsRelative: false,
    recruiterFemaleShare: 0.7,
    caseTitle: 'Mua bán người (đưa phụ nữ sang Trung Quốc kết hôn trái phép)',
  },
  SCAM_COMPOUND_YOUTHS: {
    shape: 'SCAM_COMPOUND_YOUTHS',
    destinations: ['KH', 'KH', 'LA'],
    victim: (random) => ({ age: random.chance(0.15) ? 15 : random.int(16, 26), sex: eitherSex(random, 0.65) }),
    usesBroker: false,
    recruiterPosesAsRelative: false,
    recruiterFemaleShare: 0.3,
    caseTitle: 'Mua bán người; tổ chức cho người khác xuất cảnh trái phép (việc làm lương cao giả)',
  },
};

/** The field shapes (see plant-online-recruitment.ts and plant-family-ring.ts). */
export const fieldRingShapes: Readonly<Record<Exclude<RingShape, RotatingRingShape>, RingShapeSpec>> = {
  ONLINE_SCAM_RECRUITMENT: {
    shape: 'ONLINE_SCAM_RECRUITMENT',
    destinations: ['KH', 'KH', 'LA'],
    victim: (random) => ({ age: random.chance(0.1) ? 15 : random.int(16, 28), sex: eitherSex(random, 0.6) }),
    usesBroker: false,
    recruiterPosesAsRelative: false,
    recruiterFemaleShare: 0.4,
    caseTitle: 'Mua bán người; tổ chức cho người khác xuất cảnh trái phép (tuyển dụng qua mạng)',
  },
  FAMILY_CHILD_TRAFFICKING: {
    shape: 'FAMILY_CHILD_TRAFFICKING',
    destinations: ['CN'],
    victim: (random) => ({ age: random.int(5, 15), sex: eitherSex(random, 0.25) }),
    usesBroker: false,
    recruiterPosesAsRelative: true,
    recruiterFemaleShare: 0.7,
    caseTitle: 'Mua bán người dưới 16 tuổi (người thân trong gia đình)',
  },
};

const shapeOrder: readonly RotatingRingShape[] = [
  'LABOUR_EXPORT_SCAM',
  'CHILD_TRAFFICKING_CN',
  'BRIDES_TO_CN',
  'SCAM_COMPOUND_YOUTHS',
];

/** Shapes rotate so that even a scenario with four rings has one of each. */
export function shapeForRing(ringIndex: number): RingShapeSpec {
  return ringShapes[shapeOrder[ringIndex % shapeOrder.length] ?? 'LABOUR_EXPORT_SCAM'];
}

export interface RingComposition {
  organisers: number;
  recruiters: number;
  escorts: number;
  victims: number;
}

/** 6 to 25 people: a few organisers, recruiters and escorts, the rest victims. */
export function composeRing(random: Random): RingComposition {
  const size = random.int(6, 25);
  const organisers = size >= 15 ? 2 : 1;
  const recruiters = Math.min(3, Math.max(1, Math.round(size / 8)));
  const escorts = size > 18 ? 3 : size > 10 ? 2 : 1;
  return { organisers, recruiters, escorts, victims: size - organisers - recruiters - escorts };
}
