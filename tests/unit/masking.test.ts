import { describe, expect, it } from 'vitest';
import { isUnmasked, maskAddress, maskBankCard, maskIdNumber, maskPhone, screenValue } from '../../electron/core/masking';

describe('maskIdNumber: first 6 and last 4', () => {
  it.each([
    ['360702198803156341', '360702********6341'],
    ['36070219880315634x', '360702********634X'],
    ['３６０７０２１９８８０３１５６３４１', '360702********6341'],
    [' 360702 19880315 6341 ', '360702********6341'],
    ['360702880315634', '360702*****5634'],
    ['3607021988', '********88'],
    ['1234', '****'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (input, expected) => expect(maskIdNumber(input)).toBe(expected));
});

describe('maskPhone: first 3 and last 4', () => {
  it.each([
    ['13912341234', '139****1234'],
    ['139 1234 1234', '139****1234'],
    ['139-1234-1234', '139****1234'],
    ['+86 139 1234 1234', '139****1234'],
    ['008613912341234', '139****1234'],
    ['１３９１２３４１２３４', '139****1234'],
    ['0797-8123456', '0797-***3456'],
    ['010-12345678', '010-****5678'],
    ['12345', '*****'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (input, expected) => expect(maskPhone(input)).toBe(expected));
});

describe('maskBankCard: last 4', () => {
  it.each([
    ['6222021234567891234', '尾号1234'],
    ['6222 0212 3456 7891 234', '尾号1234'],
    ['6228-4800-1234-5678', '尾号5678'],
    ['123', '***'],
    ['', ''],
  ])('%s → %s', (input, expected) => expect(maskBankCard(input)).toBe(expected));
});

describe('maskAddress: up to the district or county', () => {
  it.each([
    ['江西省赣州市章贡区红旗大道20号', '江西省赣州市章贡区…'],
    ['江西省赣州市南康区蓉江新区滨江大道1号', '江西省赣州市南康区…'],
    ['江西省赣州市于都县贡江镇长征大道', '江西省赣州市于都县…'],
    ['江西省赣州市于都县', '江西省赣州市于都县'],
    ['江西省赣州市瑞金市象湖镇金都大道', '江西省赣州市瑞金市…'],
    ['江西省瑞金市象湖镇金都大道8号', '江西省瑞金市…'],
    ['江西省南昌县莲塘镇澄湖东路', '江西省南昌县…'],
    ['江西省赣州市市辖区章贡区文清路', '江西省赣州市市辖区章贡区…'],
    ['北京市朝阳区建国路88号', '北京市朝阳区…'],
    ['北京市市辖区东城区东华门街道', '北京市市辖区东城区…'],
    ['重庆市县城口县葛城街道', '重庆市县城口县…'],
    ['上海市浦东新区张江镇', '上海市浦东新区…'],
    ['内蒙古自治区呼伦贝尔市鄂温克族自治旗巴彦托海镇', '内蒙古自治区呼伦贝尔市鄂温克族自治旗…'],
    ['内蒙古自治区锡林郭勒盟正蓝旗上都镇', '内蒙古自治区锡林郭勒盟正蓝旗…'],
    ['贵州省黔东南苗族侗族自治州凯里市北京东路', '贵州省黔东南苗族侗族自治州凯里市…'],
    ['湖南省湘西土家族苗族自治州泸溪县白沙镇', '湖南省湘西土家族苗族自治州泸溪县…'],
    ['广西壮族自治区桂林市恭城瑶族自治县栗木镇', '广西壮族自治区桂林市恭城瑶族自治县…'],
    ['赣州市南康区蓉江新区', '赣州市南康区…'],
    ['赣州市章贡区', '赣州市章贡区'],
    ['南康区唐江镇卢屋村3组', '南康区…'],
    ['石城县琴江镇', '石城县…'],
    ['赣州市沙石镇', '赣州市…'],
    ['红旗大道20号', '…'],
    ['赣州市红旗大道20号', '赣州市…'],
    ['城市花园小区3栋', '城市…'],
    ['中山路8号', '…'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (input, expected) => expect(maskAddress(input)).toBe(expected));
});

describe('unmask: one field, one worker, until an instant', () => {
  const now = new Date('2026-11-20T02:00:00Z');
  const unmasked = { field: 'idNumber' as const, workerId: 7, until: '2026-11-20T02:00:10Z' };
  it.each([
    ['the same field and worker before the end', unmasked, 'idNumber', 7, now, true],
    ['another worker', unmasked, 'idNumber', 8, now, false],
    ['another field', unmasked, 'phone', 7, now, false],
    ['at the end instant', unmasked, 'idNumber', 7, new Date('2026-11-20T02:00:10Z'), false],
    ['every worker when workerId is null', { ...unmasked, workerId: null }, 'idNumber', 8, now, true],
    ['nothing unmasked', null, 'idNumber', 7, now, false],
  ] as const)('%s', (_name, state, field, workerId, at, expected) => expect(isUnmasked(state, field, workerId, at)).toBe(expected));

  it('screenValue masks unless unmasked', () => {
    expect(screenValue('idNumber', '360702198803156341', 7, unmasked, now)).toBe('360702198803156341');
    expect(screenValue('idNumber', '360702198803156341', 8, unmasked, now)).toBe('360702********6341');
    expect(screenValue('phone', '13912341234', 7, unmasked, now)).toBe('139****1234');
    expect(screenValue('phone', null, 7, unmasked, now)).toBe('');
  });
});
