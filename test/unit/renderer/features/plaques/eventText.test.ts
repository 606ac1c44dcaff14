import { describe, expect, it } from 'vitest';
import { readableReason } from '../../../../../renderer/src/features/plaques/eventText';

const codes = { criminal_sentence: '被判处刑罚', veteran: '退役军人家庭', certificate: '持证（主动服务）', moved: '搬迁' };

describe('plaque event reasons in words', () => {
  it('translates codes, keeps what the clerk typed', () => {
    expect(readableReason('criminal_sentence', codes)).toBe('被判处刑罚');
    expect(readableReason('criminal_sentence：判决生效，依规收回', codes)).toBe('被判处刑罚：判决生效，依规收回');
    expect(readableReason('张光明 veteran certificate', codes)).toBe('张光明 退役军人家庭 持证（主动服务）');
    expect(readableReason('搬到 moved 新房', codes)).toBe('搬到 搬迁 新房');
    expect(readableReason('', codes)).toBe('');
  });
});
