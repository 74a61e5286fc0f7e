/** Regression cases written for dateline (not from any corpus): one mention string, its sentence, date → code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveMention } from './resolve.js';

const CASES: [text: string, context: string, date: string | undefined, code: string | null][] = [
  ['Chancellor Olaf Scholz', 'Chancellor Olaf Scholz flew to Kyiv on Tuesday.', '2023-03-01', 'DEUGOV'],
  ['Scholz', 'Scholz said Germany would send tanks.', '2019-03-01', 'DEUGOV'],
  ['Tokyo', 'Tokyo lodged a protest with Beijing over the incident.', '2021-01-10', 'JPNGOV'],
  ['Beijing', 'Tokyo lodged a protest with Beijing over the incident.', '2021-01-10', 'CHNGOV'],
  ['Pakistani troops', 'Pakistani troops exchanged fire with Indian soldiers.', '2019-02-27', 'PAKMIL'],
  ['Indian soldiers', 'Pakistani troops exchanged fire with Indian soldiers.', '2019-02-27', 'INDMIL'],
  ['Houthi rebels', 'Houthi rebels fired a missile at a tanker.', '2024-01-15', 'YEMREBHTI'],
  ['al-Shabaab militants', 'al-Shabaab militants stormed a hotel in Mogadishu.', '2022-08-20', 'SOMREBSHB'],
  ['Venezuelan opposition leader', 'The Venezuelan opposition leader called for protests.', '2019-04-30', 'VENOPP'],
  [
    'Ukrainian Foreign Minister Dmytro Kuleba',
    'Ukrainian Foreign Minister Dmytro Kuleba met his counterparts.',
    '2022-04-07',
    'UKRGOV',
  ],
  ['Brazilian farmers', 'Brazilian farmers blocked roads in protest.', '2018-05-25', 'BRAAGR'],
  ['Mexican police', 'Mexican police arrested a cartel leader.', '2016-01-08', 'MEXCOP'],
  ['the Élysée', 'The Élysée said the president would travel to Dakar.', '2020-01-01', 'FRAGOV'],
  ['Downing Street', 'Downing Street denied the report.', '2020-01-01', 'GBRGOV'],
  ['Zhongnanhai', 'Zhongnanhai has not commented.', '2020-01-01', 'CHNGOV'],
  ['Iraqi Kurdish peshmerga', 'Iraqi Kurdish peshmerga fighters retook the town.', '2016-11-01', 'IRQMILKRD'],
  ['Congolese refugees', 'Congolese refugees crossed into Uganda.', '2018-02-01', 'CODREF'],
  [
    'Egyptian President Abdel Fattah el-Sisi',
    'Egyptian President Abdel Fattah el-Sisi met the delegation.',
    '2019-05-05',
    'EGYGOV',
  ],
  ['former President Jacob Zuma', 'Former President Jacob Zuma appeared in court.', '2021-05-17', 'ZAFELI'],
  [
    'UN Secretary-General Antonio Guterres',
    'UN Secretary-General Antonio Guterres urged restraint.',
    '2020-01-05',
    'IGOUNO',
  ],
  ['World Health Organization', 'The World Health Organization declared an emergency.', '2020-01-30', 'IGOUNOWHO'],
  ['NATO allies', 'NATO allies pledged more air defence.', '2023-07-11', 'IGOWSTNAT'],
  ['Kremlin spokesman', 'A Kremlin spokesman dismissed the claims.', '2018-03-14', 'RUSGOV'],
  ['Nigerian army', 'The Nigerian army said it rescued 20 hostages.', '2021-03-02', 'NGAMIL'],
  ['Boko Haram', 'Boko Haram kidnapped schoolgirls in Chibok.', '2014-04-15', 'NGAREBBKH'],
  ['students', 'Students at a university in Khartoum marched on Sunday.', '2019-01-06', 'SDNEDU'],
  ['Maduro', 'Maduro accused Washington of plotting a coup.', '2019-01-25', 'VENGOV'],
  ['Turkish President', 'The Turkish President spoke by phone with his Iranian counterpart.', '2020-01-01', 'TURGOV'],
  ['Iranian counterpart', 'The Turkish President spoke by phone with his Iranian counterpart.', '2020-01-01', 'IRNGOV'],
  ['the weather', 'The weather improved on Monday.', '2020-01-01', null],
];

test('hand-written regression cases', () => {
  const misses: string[] = [];
  for (const [text, context, date, code] of CASES) {
    const r = resolveMention({ text, context, date });
    const got = r ? r.code : null;
    if (got !== code) misses.push(`${text} → ${got} (want ${code})`);
  }
  assert.deepEqual(misses, []);
});
