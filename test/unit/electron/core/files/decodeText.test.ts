import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, looksLikeMixedUtf8 } from '../../../../../electron/core/files/decodeText';

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
