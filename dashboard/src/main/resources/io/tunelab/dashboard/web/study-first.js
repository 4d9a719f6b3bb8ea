'use strict';
/*
 * The study page's first-screen requests, started as soon as the page's head is read: this script runs before ECharts
 * (the largest script, which takes a few hundred milliseconds to compile and run), so the requests travel meanwhile.
 * study.js takes each promise once (TL.studyFirst.take(name)); a later draw asks again.
 */
TL.studyFirst = (() => {
  const base = '/api/studies/' + encodeURIComponent(TL.param('id'));
  const lines = Math.max(1, Number(TL.param('lines')) || 2000);
  const started = {};
  const get = (name, path, load) => { started[name] = (load || TL.api)(base + path); started[name].catch(() => {}); };
  get('study', ''); get('space', '/space');
  get('history', '/history.bin?objective=0', TL.HistoryChart.load); get('sample', '/sample?objective=0&lines=' + lines);
  // not the learning curves: below the first screen, they are asked for once the page is interactive (see study.js)
  get('importance', '/importance?objective=0');
  // the trials table's first page, as the table asks for it (it is part of the first screen)
  const tableUrl = TL.TrialTable.firstPageUrl(encodeURIComponent(TL.param('id')));
  started.table = TL.api(tableUrl); started.table.catch(() => {});
  return {lines, tableUrl, take(name) { const p = started[name]; delete started[name]; return p; }};
})();
