import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A phone number in any common written form ("0912 345 678", "(+84) 912.345.678") to
 * E.164, read in the sender's default country when it has no +country prefix. Returns
 * undefined for a number that no carrier could dial (the caller reports INVALID_PHONE).
 */
export function normalizePhone(number: string, defaultCountry = 'VN'): string | undefined {
  const parsed = parsePhoneNumberFromString(number, defaultCountry as CountryCode);
  if (!parsed || !parsed.isValid()) return undefined;
  return parsed.number;
}
