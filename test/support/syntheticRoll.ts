/**
 * A deterministic synthetic roll: realistic surnames (by frequency), given names, places and
 * dates. Used by search tests and, later, by `npm run bench`.
 */
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单';
const compound = ['欧阳', '司马', '诸葛', '上官'];
const givenChars = '德胜明华建国文志永海春秀英玉兰桂芳金山林清福贵宝成立军平红云长生发荣忠义勇刚伟强东兴家庆洪全树有';
const places = ['山东省惠民县', '山东省阳信县', '河北省献县', '江苏省沭阳县', '河南省商城县', '四川省南部县', '湖北省红安县', '安徽省金寨县'];
const units = ['华东野战军第九纵队', '八路军一一五师', '新四军第三师', '中国人民志愿军第二十军', '晋察冀军区'];

/** Mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticMartyr {
  name: string;
  birthDate: string;
  deathDate: string;
  nativePlaceText: string;
  unitAndPost: string;
}

export function syntheticRoll(count: number, seed = 1982): SyntheticMartyr[] {
  const rand = prng(seed);
  const pick = <T>(list: ArrayLike<T>) => list[Math.floor(rand() * list.length)]!;
  // Zipf-like surname choice: common surnames far more often.
  const surname = () => (rand() < 0.01 ? pick(compound) : [...surnames][Math.floor(Math.pow(rand(), 2.2) * [...surnames].length)]!);
  return Array.from({ length: count }, () => {
    const given = rand() < 0.3 ? pick([...givenChars]) : pick([...givenChars]) + pick([...givenChars]);
    const born = 1895 + Math.floor(rand() * 60);
    const died = born + 16 + Math.floor(rand() * 20);
    return {
      name: surname() + given,
      birthDate: rand() < 0.5 || born < 1912 ? `${born}年` : rand() < 0.5 ? `民国${born - 1911}年` : '',
      deathDate: rand() < 0.3 ? `${died}年春` : `${died}年${1 + Math.floor(rand() * 12)}月`,
      nativePlaceText: pick(places),
      unitAndPost: pick(units),
    };
  });
}
