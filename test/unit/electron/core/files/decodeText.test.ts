import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, guessLegacyEncoding, looksLikeMixedUtf8 } from '../../../../../electron/core/files/decodeText';

const rows = Array.from({ length: 200 }, (_, i) => `${i + 1},张德胜,男,山东省惠民县胡集镇,华东野战军第九纵队排长,1947年春`).join('\n');

describe('decodeText and mixed encodings', () => {
  it('reads UTF-8 and GBK files whole', () => {
    expect(decodeText(Buffer.from(rows, 'utf8'))).toBe(rows);
    expect(decodeText(iconv.encode(rows, 'gbk'))).toBe(rows);
  });

  it('does not take real GBK or GB18030 text for mixed', () => {
    expect(looksLikeMixedUtf8(iconv.encode(rows, 'gbk'))).toBe(false);
    expect(looksLikeMixedUtf8(iconv.encode(`${rows}\n𠀀,䶮,龘`, 'gb18030'))).toBe(false);
    expect(looksLikeMixedUtf8(iconv.encode('张三', 'gbk'))).toBe(false);
  });

  it('sees a file that is part UTF-8 and part GBK, or UTF-8 with a damaged byte', () => {
    expect(looksLikeMixedUtf8(Buffer.concat([Buffer.from('姓名,性别\n张德胜,男\n', 'utf8'), iconv.encode('李秀英,女\n', 'gbk')]))).toBe(true);
    const damaged = Buffer.from(rows, 'utf8');
    damaged[300] = 0xff;
    expect(looksLikeMixedUtf8(damaged)).toBe(true);
  });
});

// Bug: a Big5 (Traditional Chinese) CSV failed strict UTF-8 and was read as GBK without a single
// replacement character, every name garbled (張德勝 → 眎紈秤), and imported so.
describe('GBK or Big5', () => {
  const traditional = [
    '序號,姓名,性別,出生年月,籍貫,生前所在單位及職務,犧牲時間',
    '1,張德勝,男,1920年,山東省惠民縣胡集鎮,華東野戰軍第九縱隊排長,1947年春',
    '2,李秀英,女,1923年,山東省陽信縣,渤海軍區衛生部看護,1945年5月',
    '3,劉國華,男,1925年,河北省滄州市,中國人民志願軍第二十七軍連長,1951年',
  ].join('\n');

  it('reads a Big5 file as Big5, whole', () => {
    const bytes = iconv.encode(traditional, 'big5');
    expect(guessLegacyEncoding(bytes)).toBe('big5');
    expect(decodeText(bytes)).toBe(traditional);
  });

  it('keeps GBK files GBK: Simplified text, Traditional characters in GBK, short files, rare characters', () => {
    expect(guessLegacyEncoding(iconv.encode(rows, 'gbk'))).toBe('gb18030');
    expect(guessLegacyEncoding(iconv.encode(traditional, 'gbk'))).toBe('gb18030');
    expect(decodeText(iconv.encode(traditional, 'gbk'))).toBe(traditional);
    for (const short of ['张三', '男', '周大山,男', '王福,男,惠民县']) expect(guessLegacyEncoding(iconv.encode(short, 'gbk'))).toBe('gb18030');
    expect(guessLegacyEncoding(iconv.encode(`${rows}\n𠀀,䶮,龘`, 'gb18030'))).toBe('gb18030');
  });

  it('tells short Big5 text apart too', () => {
    for (const short of ['張三,男', '周大山,男', '王福,男,惠民縣']) expect(decodeText(iconv.encode(short, 'big5'))).toBe(short);
  });

  it('looks at a sample only, so a 100,000-row file costs no more than its first 256 KiB', () => {
    const gbkHead = iconv.encode(Array.from({ length: 5_000 }, (_, i) => `${i + 1},张德胜,男,山东省惠民县胡集镇,华东野战军第九纵队排长`).join('\n'), 'gbk');
    expect(gbkHead.length).toBeGreaterThan(256 * 1024);
    const big5Tail = iconv.encode(traditional.repeat(2_000), 'big5');
    expect(guessLegacyEncoding(Buffer.concat([gbkHead, big5Tail]))).toBe('gb18030');
    expect(guessLegacyEncoding(Buffer.concat([gbkHead, big5Tail]), gbkHead.length + big5Tail.length)).toBe('big5');
  });
});
