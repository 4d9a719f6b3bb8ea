'use strict';
(async () => {
  const {el, esc, fmt, fmtTime, fmtDuration, finite, api, showError, nav, stateChip, infeasibleChip} = TL;
  nav('Studies');
  const main = document.getElementById('main');
  const id = TL.param('id');
  const series = new Map();

  function kv(entries) {
    return el('dl', {class: 'kv'}, entries.flatMap(([k, v]) => [el('dt', {text: k}), el('dd', null, v instanceof Node ? v : String(v == null ? '' : v))]));
  }
  // Off loopback, artifact downloads need the dashboard's token (unless it runs with --public-read):
  // the links then fetch with the token and save what comes back.
  async function guardDownloads(table) {
    const info = await api('/api/info').catch(() => ({}));
    if (!info.downloadTokenRequired) return;
    table.querySelectorAll('a[download]').forEach(a => a.addEventListener('click', async e => {
      e.preventDefault();
      const token = sessionStorage.getItem('tunelab-token') || prompt('This dashboard needs its token for downloads:');
      if (!token) return;
      const res = await fetch(a.href, {headers: {Authorization: 'Bearer ' + token}});
      if (!res.ok) {
        sessionStorage.removeItem('tunelab-token');
        showError(table.parentNode, new TL.ApiError(res.status, await res.json().catch(() => ({}))));
        return;
      }
      sessionStorage.setItem('tunelab-token', token);
      const url = URL.createObjectURL(await res.blob());
      const save = el('a', {href: url, download: a.getAttribute('download')});
      save.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }));
  }
  /** The intermediate values' step axis (steps: the keys of trial.intermediate). */
  const stepsAxis = steps => TL.stepAxis(steps.map(Number), {name: 'step', nameLocation: 'middle', nameGap: 22, min: 'dataMin', max: 'dataMax'});
  function json(v) { return el('pre', {class: 'json', text: JSON.stringify(v, null, 2)}); }
  function seriesOption(name, s) {
    const data = s.steps.map((st, i) => [st, finite(s.values[i])]);
    return {animation: false, title: {text: name, subtext: s.downsampled ? s.steps.length + ' of ' + s.total + ' points (min/max per bucket); zoom for full resolution' : s.total + ' points', textStyle: {fontSize: 13}},
      grid: {left: 60, right: 24, top: 56, bottom: 70}, tooltip: {trigger: 'axis', formatter: ps => 'step ' + ps[0].value[0] + ': ' + esc(fmt(ps[0].value[1]))},
      xAxis: stepsAxis(s.steps), yAxis: {type: 'value', scale: true},
      dataZoom: [{type: 'inside', filterMode: 'none'}, {type: 'slider', filterMode: 'none', height: 18, bottom: 8}],
      series: [{type: 'line', showSymbol: data.length === 1, data, name}]};
  }
  async function loadSeries(name, from, to) {
    // A zoomed range comes at full resolution up to 20,000 points (the server's limit), min/max beyond.
    const range = from == null ? '' : '&from=' + Math.floor(from) + '&to=' + Math.ceil(to);
    const s = await api('/api/trials/' + id + '/series?maxPoints=' + (from == null ? 2000 : 20000) + '&name=' + encodeURIComponent(name) + range);
    series.set(name, s);
    return s;
  }
  async function metricChart(name, i) {
    const div = el('div', {class: 'chart', id: 'metric-' + i});
    const link = el('a', {href: '/api/trials/' + id + '/series.csv?name=' + encodeURIComponent(name), text: 'CSV (every point)'});
    document.getElementById('metrics').append(el('div', {class: 'panel'}, div, link));
    const chart = TL.chart(div);
    chart.setOption(seriesOption(name, await loadSeries(name)));
    let timer = null;
    chart.on('datazoom', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const axis = chart.getModel().getComponent('xAxis', 0).axis.scale.getExtent();
        const s = await loadSeries(name, axis[0], axis[1]);
        chart.setOption({title: {subtext: (s.downsampled ? s.steps.length + ' of ' + s.total : s.total) + ' points in steps ' + Math.floor(axis[0]) + '–' + Math.ceil(axis[1])},
          series: [{data: s.steps.map((st, k) => [st, finite(s.values[k])])}]});
      }, 250);
    });
  }
  try {
    const t = await api('/api/trials/' + encodeURIComponent(id));
    document.title = t.study.name + ' #' + t.number + ' · Tunelab';
    main.append(el('h1', null, el('a', {href: TL.page('/study.html?id=' + t.study.id), text: t.study.name}), ' — trial #' + t.number + ' ', stateChip(t.state), infeasibleChip(t)));
    const values = t.values.map((v, i) => (t.study.directions[i] || '').toLowerCase() + ' ' + fmt(v)).join(', ');
    const overview = kv([['values', values || '—'], ['started', fmtTime(t.start)], ['ended', fmtTime(t.end)], ['duration', fmtDuration(t.start, t.end)],
      ['slot', t.slot || '—'], ['sampler', t.sampler || '—'], ['trial id', t.id]].concat(t.message ? [['message', t.message]] : [])
      .concat(t.userAttrs.oom_retry ? [['GPU out of memory', 'retried with batch size ' + t.userAttrs.oom_retry.retry_batch_size
        + ' (was ' + t.userAttrs.oom_retry.batch_size + ')']] : [])
      .concat(t.userAttrs.resumed_from_epoch !== undefined ? [['resumed', 'after epoch ' + t.userAttrs.resumed_from_epoch
        + ' from the checkpoint of trial #' + t.userAttrs.resumed_from_trial]] : []));
    const paramRows = Object.entries(t.params).map(([p, v]) => el('tr', null, el('td', {text: p}), el('td', {class: 'num', text: fmt(v)}),
      el('td', {class: 'muted', text: JSON.stringify(t.distributions[p])})));
    const params = el('table', {class: 'plain', id: 'params'}, el('thead', null, el('tr', null, el('th', {text: 'parameter'}), el('th', {text: 'value'}), el('th', {text: 'distribution'}))),
      el('tbody', null, paramRows));
    main.append(el('div', {class: 'grid2'}, el('div', {class: 'panel'}, el('h2', {text: 'Overview'}), overview), el('div', {class: 'panel'}, el('h2', {text: 'Parameters'}), params)));
    if (t.pruneDecision) {
      const d = t.pruneDecision;
      main.append(el('div', {class: 'panel', id: 'why-pruned'}, el('h2', {text: 'Why it was pruned'}),
        kv([['step', d.step], ['its value', fmt(d.value)], ['compared with', fmt(d.threshold)], ['reason', d.reason]])));
    }
    const artifacts = t.artifacts.length ? el('table', {class: 'plain', id: 'artifacts'}, el('tbody', null, t.artifacts.map(a => el('tr', null,
      el('td', null, el('a', {href: '/api/trials/' + t.id + '/artifacts/' + encodeURIComponent(a.name), download: a.name, text: a.name})),
      el('td', {class: 'num', text: a.size + ' bytes'}), el('td', {class: 'muted', text: 'sha256 ' + a.sha256}))))) : el('p', {class: 'muted', text: 'No artifacts.'});
    if (t.artifacts.length) guardDownloads(artifacts);
    main.append(el('div', {class: 'grid2'}, el('div', {class: 'panel'}, el('h2', {text: 'Artifacts and checkpoints'}), artifacts),
      el('div', {class: 'panel'}, el('h2', {text: 'User attributes'}), json(t.userAttrs))));
    const steps = Object.keys(t.intermediate);
    if (steps.length) {
      const div = el('div', {class: 'chart small', id: 'intermediate'});
      main.append(el('div', {class: 'panel'}, div));
      TL.chart(div).setOption({animation: false, title: {text: 'Intermediate values (what the pruner judged)', textStyle: {fontSize: 13}},
        grid: {left: 60, right: 24, top: 36, bottom: 30}, tooltip: {trigger: 'axis'}, xAxis: stepsAxis(steps), yAxis: {type: 'value', scale: true},
        series: [{type: 'line', data: steps.map(s => [Number(s), finite(t.intermediate[s])])}]});
    }
    main.append(el('h2', {text: 'Metrics'}), el('div', {id: 'metrics', class: 'grid2'}));
    if (!t.metricNames.length) document.getElementById('metrics').append(el('p', {class: 'muted', text: 'No metric series.'}));
    await Promise.all(t.metricNames.map(metricChart));
    main.append(el('div', {class: 'grid2'}, el('div', {class: 'panel', id: 'provenance'}, el('h2', {text: 'Provenance'}),
      Object.keys(t.provenance).length ? json(t.provenance) : el('p', {class: 'muted', text: 'Not recorded by this store.'}),
      el('h2', {text: 'Study attributes'}), json(t.studyAttrs),
      ...(Object.keys(t.studyUserAttrs).length ? [el('h2', {text: 'Study user attributes'}), json(t.studyUserAttrs)] : [])),
      el('div', {class: 'panel'}, el('h2', {text: 'System attributes'}), json(t.systemAttrs))));
    TL.ready();
    if (t.state === 'RUNNING') {
      // What the stream said changed, taken in by one update at a time (TL.oneAtATime): a slow answer never lets two
      // updates overlap and draw out of order, and what a failed update missed is asked for again by the next.
      const pending = {metrics: new Set(), trial: false};
      async function applyChanges() {
        const names = [...pending.metrics], trialChanged = pending.trial;
        pending.metrics.clear();
        pending.trial = false;
        try {
          for (const name of names) {
            const i = t.metricNames.indexOf(name);
            const s = series.get(name);
            if (i < 0 || !s) { location.reload(); return; }
            const last = s.steps.length ? s.steps[s.steps.length - 1] : -1;
            const more = await api('/api/trials/' + id + '/series?maxPoints=0&after=' + last + '&name=' + encodeURIComponent(name));
            s.steps.push(...more.steps); s.values.push(...more.values); s.total += more.total;
            TL.chart('metric-' + i).setOption({series: [{data: s.steps.map((st, k) => [st, finite(s.values[k])])}]});
          }
          if (trialChanged) {
            // the trial changed: a finished trial's page is drawn again in its final state; a running one's pruner
            // values follow
            const now = await api('/api/trials/' + encodeURIComponent(id));
            const steps = Object.keys(now.intermediate);
            if (now.state !== 'RUNNING' || (steps.length && !document.getElementById('intermediate'))) { location.reload(); return; }
            if (steps.length) TL.chart('intermediate').setOption({xAxis: stepsAxis(steps), series: [{data: steps.map(s => [Number(s), finite(now.intermediate[s])])}]});
          }
        } catch (e) {
          names.forEach(n => pending.metrics.add(n));
          pending.trial = pending.trial || trialChanged;
          throw e;
        }
      }
      const update = TL.throttle(TL.oneAtATime(applyChanges), 1000);
      // on every (re)connection, e.g. after an outage, whatever changed meanwhile: every series and the trial
      const catchUp = () => { t.metricNames.forEach(n => pending.metrics.add(n)); pending.trial = true; update(); };
      TL.events({study: t.study.id}, ev => {
        (ev.metrics || []).filter(m => m.trialId === t.id).forEach(m => pending.metrics.add(m.name));
        if ((ev.trials || []).includes(t.number)) pending.trial = true;
        if (pending.metrics.size || pending.trial) update();
      }, catchUp);
    }
  } catch (e) { showError(main, e); }
})();
