import { Dec, formatNumber, formatPercent, formatQuantity } from '../../src/engine';

describe('display formatting (half up, Italian)', () => {
  test('percentages', () => {
    expect(formatPercent(new Dec('0.99617'))).toBe('99,62%');
    expect(formatPercent(new Dec('0.987492'))).toBe('98,75%');
    expect(formatPercent(new Dec('0.98745'))).toBe('98,75%');
    expect(formatPercent(new Dec('12.5'))).toBe('1250,00%');
    expect(formatPercent(new Dec('-0.00001'))).toBe('0,00%');
  });

  test('numbers and quantities', () => {
    expect(formatNumber(new Dec('18231161719'))).toBe('18.231.161.719,00');
    expect(formatNumber(new Dec('-1234.565'), 2)).toBe('-1.234,57');
    expect(formatQuantity({ amount: new Dec('0.9677'), unit: '%' })).toBe('96,77 %');
    expect(formatQuantity({ amount: new Dec('1250'), unit: 'N' }, 0)).toBe('1.250 N.');
    expect(formatQuantity({ amount: new Dec('-24.31'), unit: 'gg' })).toBe('-24,31 gg');
    expect(formatQuantity({ amount: new Dec('3.5'), unit: null }, 1)).toBe('3,5');
  });
});
