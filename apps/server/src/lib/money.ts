import Nzh from 'nzh/cn';

/**
 * 金额大写: an amount in cents written in Chinese capital figures as on invoices and settlement
 * sheets (中国人民银行《支付结算办法》), e.g. 127000 → 壹仟贰佰柒拾元整, 0 → 零元整, 10000000050 → 壹亿元伍角.
 * The amount is handed to nzh as an exact decimal string (never a float) with trailing zero
 * decimals dropped, so whole amounts end in 整 and 角 amounts end at 角 as the rules allow.
 */
export function yuanInCapitals(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount in cents must be an integer: ${cents}`);
  const abs = Math.abs(cents);
  const fraction = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const decimal = `${Math.trunc(abs / 100)}${fraction ? `.${fraction}` : ''}`;
  const words = Nzh.toMoney(decimal, { outSymbol: false });
  return cents < 0 ? `负${words}` : words;
}
