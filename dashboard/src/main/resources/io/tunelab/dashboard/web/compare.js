'use strict';
(async () => {
  const {el, esc, fmt, finite, api, showError, nav, stateChip} = TL;
  nav('Studies');
  const main = document.getElementById('main');
  const ids = (TL.param('trials') || '').split(',').filter(Boolean);
  main.append(el('h1', {text: 'Compare trials'}));
  try {
    const res = await api('/api/compare?trials=' + encodeURIComponent(ids.join(',')));
    const T = res.trials;
    const differs = new Set(res.differs);
    const head = el('tr', null, el('th', {text: ''}), T.map(t => el('th', null, el('a', {href: TL.page('/trial.html?id=' + t.id), text: t.study.name + ' #' + t.number}))));
    const row = (label, cells, cls) => el('tr', {class: cls}, el('td', {text: label}), cells.map(c => el('td', {class: 'num'}, c instanceof Node ? c : String(c))));
    const rows = [row('state', T.map(t => stateChip(t.state))), row('values', T.map(t => t.values.map(fmt).join(', ')))];
    for (const p of res.params) rows.push(row(p, T.map(t => fmt(t.params[p])), differs.has(p) ? 'diff' : null));
    for (const m of res.metrics) for (const agg of ['last', 'min', 'max']) {
      rows.push(row(m + '.' + agg, T.map(t => t.metricSummaries[m] ? fmt(t.metricSummaries[m][agg]) : '—')));
    }
    main.append(el('div', {class: 'panel'}, el('p', {class: 'muted', text: 'Highlighted rows: parameters that differ (' + res.differs.length + ').'}),
      el('table', {class: 'plain', id: 'compare-table'}, el('thead', null, head), el('tbody', null, rows))));
    if (res.metrics.length) {
      const pick = el('select', {id: 'compare-metric'}, res.metrics.map(m => el('option', {value: m, text: m})));
      const div = el('div', {class: 'chart', id: 'compare-chart'});
      main.append(el('div', {class: 'panel'}, el('div', {class: 'toolbar'}, 'overlay ', pick), div));
      const draw = async () => {
        const s = await api('/api/series?maxPoints=2000&name=' + encodeURIComponent(pick.value) + '&trials=' + T.map(t => t.id).join(','));
        const label = new Map(T.map(t => [t.id, t.study.name + ' #' + t.number]));
        TL.chart(div).setOption({animation: false, legend: {top: 0}, grid: {left: 60, right: 24, top: 40, bottom: 40},
          tooltip: {trigger: 'axis', formatter: ps => ps.map(p => esc(p.seriesName) + ': ' + esc(fmt(p.value[1]))).join('<br>')},
          xAxis: {type: 'value', name: 'step', nameLocation: 'middle', nameGap: 22}, yAxis: {type: 'value', scale: true},
          series: s.series.map(x => ({name: label.get(x.trialId), type: 'line', showSymbol: x.steps.length === 1, data: x.steps.map((st, i) => [st, finite(x.values[i])])}))}, true);
      };
      pick.addEventListener('change', draw);
      await draw();
    }
    TL.ready();
  } catch (e) { showError(main, e); }
})();
