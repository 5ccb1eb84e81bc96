/**
 * Amounts in Vietnamese words, as a receipt states them ("Số tiền bằng chữ"):
 * 150000 → "Một trăm năm mươi nghìn đồng". Rules: "mốt" for 1 after a tens digit ≥ 2, "lăm" for
 * 5 after any tens digit, "linh" for a zero tens digit before a units digit inside a group, and
 * "không trăm" for an empty hundreds digit in any group after the first.
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'];

function group(n: number, leading: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || !leading) words.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && words.length) words.push('linh');
  } else if (t === 1) words.push('mười');
  else words.push(DIGITS[t]!, 'mươi');
  if (u > 0) {
    if (u === 1 && t >= 2) words.push('mốt');
    else if (u === 5 && t >= 1) words.push('lăm');
    else words.push(DIGITS[u]!);
  }
  return words;
}

export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1e12)
    throw new Error('amount must be a whole number of đồng below 10^12');
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const value = groups[i]!;
    if (value === 0) continue;
    words.push(...group(value, i === groups.length - 1));
    if (i > 0) words.push(SCALES[i]!);
  }
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
