/**
 * Names as people write them: "Nguyễn Văn Hùng", "Nguyen Van Hung", "NGUYỄN văn hùng".
 * Stored names keep their diacritics in NFC; the folded key (no diacritics, đ → d, lower
 * case, single spaces) is what search and entity resolution compare.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Mark}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

/**
 * The folded name with its words sorted: "Hùng Nguyễn Văn" and "Nguyen Van Hung" share it,
 * since agencies write Vietnamese names in either order.
 */
export function nameKey(name: string): string {
  return foldName(name).split(' ').filter(Boolean).sort().join(' ');
}
