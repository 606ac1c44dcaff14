import { describe, expect, it } from 'vitest';
import { searchText, spacedText, type SearchSource } from '../../../../../electron/core/db/searchText';

const record = (over: Partial<SearchSource>): SearchSource =>
  ({ name: '张德胜', pinyin: 'zhangdesheng', initials: 'zds', pinyinSpaced: 'zhang de sheng', nativePlaceText: '', deathPlaceText: '', burialPlace: '', cemetery: '', unitAndPost: '', certificateNo: '', deeds: '', merits: '', remarks: '', deathCause: '', ...over }) as SearchSource;

describe('searchText: the tokens of recurring places and units are remembered', () => {
  it('gives every record the tokens of its own texts, however often others recur', () => {
    const places = ['山东省惠民县', '河北省献县', '山东省惠民县', 'Hebei 献县 No.3', '河北省献县'];
    const units = ['华东野战军第九纵队', '八路军一一五师', '华东野战军第九纵队 排长', '华东野战军第九纵队'];
    for (let i = 0; i < 40; i++) {
      const place = places[i % places.length]!;
      const unit = units[i % units.length]!;
      const t = searchText(record({ nativePlaceText: place, unitAndPost: unit, deeds: i % 3 === 0 ? '' : `事迹${i}` }));
      expect(t.place).toBe(spacedText([place, '', '', ''].join(' ')));
      expect(t.unit).toBe(spacedText(unit));
      expect(t.deeds).toBe(spacedText([i % 3 === 0 ? '' : `事迹${i}`, '', '', ''].join(' ')));
    }
  });

  it('stays right past the memo’s size, and for long texts it does not keep', () => {
    for (let i = 0; i < 12_000; i++) {
      const place = `第${i}村`;
      expect(searchText(record({ nativePlaceText: place })).place).toBe(spacedText(`${place}   `));
    }
    const long = '长'.repeat(150);
    expect(searchText(record({ unitAndPost: long })).unit).toBe(spacedText(long));
  });
});
