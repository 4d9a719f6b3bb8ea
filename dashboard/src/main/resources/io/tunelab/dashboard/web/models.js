'use strict';
(async () => {
  const {el, fmt, fmtTime, api, showError, nav} = TL;
  nav('Models');
  const main = document.getElementById('main');
  main.append(el('h1', {text: 'Models'}));
  const detail = el('div', {id: 'model-detail'});
  let info = {tokenRequired: false};

  async function promote(model, form, out) {
    out.replaceChildren();
    const body = {alias: form.alias.value.trim(), reason: form.reason.value};
    // a whole number is sent as one; anything else as typed, for the server to refuse naming the field and the value
    const what = form.source.value.trim(), number = text => /^-?\d+$/.test(text) ? Number(text) : text;
    if (form.fromTrial.checked) { body.study = Number(form.study.value); body.trialNumber = number(what.replace(/^#/, '')); }
    else body.version = number(what.replace(/^v/, ''));
    const headers = {'Content-Type': 'application/json'};
    if (info.tokenRequired) {
      const token = sessionStorage.getItem('tunelab-token') || prompt('This dashboard needs its token for changes:');
      if (!token) return;
      sessionStorage.setItem('tunelab-token', token);
      headers.Authorization = 'Bearer ' + token;
    }
    try {
      const res = await api('/api/models/' + encodeURIComponent(model) + '/promote', {method: 'POST', headers, body: JSON.stringify(body)});
      const notes = [];
      if (res.gate) notes.push(el('div', {class: res.gate.passed ? 'note' : 'error', text: 'Evaluation gate: ' + (res.gate.passed ? 'passed' : 'refused') + ' — ' + res.gate.message}));
      notes.push(el('div', {class: 'note', id: 'promote-result', text: res.moved ? body.alias + ' now points at version ' + res.version.version
        : (res.version ? 'registered version ' + res.version.version + '; ' : '') + body.alias + ' did not move'}));
      await loadList();
      await show(model, notes);
    } catch (e) { showError(out, e); }
  }
  let shown = null;
  async function show(name, notes) {
    shown = name;
    detail.replaceChildren();
    try {
      const d = await api('/api/models/' + encodeURIComponent(name));
      const aliases = Object.entries(d.model.aliases).map(([a, v]) => el('span', {class: 'chip', 'data-alias': a, text: a + ' → v' + v}));
      const versions = el('table', {class: 'plain', id: 'versions'}, el('thead', null, el('tr', null, ['version', 'trial', 'value', 'metrics', 'created', 'archived'].map(h => el('th', {text: h})))),
        el('tbody', null, d.versions.map(v => el('tr', null, el('td', {text: 'v' + v.version}),
          el('td', null, el('a', {href: TL.page('/trial.html?id=' + v.trialId), text: v.studyName + ' #' + v.trialNumber})),
          el('td', {class: 'num', text: (v.values || []).map(fmt).join(', ')}),
          el('td', {text: Object.entries(v.metrics).map(([k, x]) => k + ' ' + fmt(x)).join(', ')}), el('td', {text: fmtTime(v.created)}), el('td', {text: v.archived ? 'yes' : ''})))));
      const audit = auditTable(d.audit);
      const out = el('div', null, notes || []);
      // a trial is named by its number in a study, as the study pages show it; the study of the latest version first
      const latest = d.versions.length ? d.versions[0].studyName : null;
      const studies = (await api('/api/studies')).studies;
      const form = el('form', {class: 'toolbar', id: 'promote-form'}, 'Point alias ', el('input', {type: 'text', name: 'alias', value: 'production', size: 12}),
        ' at ', el('input', {type: 'text', name: 'source', placeholder: 'version (e.g. 3) or trial number', size: 22}),
        el('label', null, el('input', {type: 'checkbox', name: 'fromTrial'}), ' it is the trial number of study '),
        el('select', {name: 'study'}, studies.map(s => el('option', {value: s.id, text: s.name, selected: s.name === latest}))),
        ' (register a new version)',
        ' reason ', el('input', {type: 'text', name: 'reason', size: 30}), el('button', {type: 'submit', text: 'Promote'}));
      form.addEventListener('submit', e => { e.preventDefault(); promote(name, form, out); });
      detail.append(el('div', {class: 'panel'}, el('h2', {text: d.model.name}), el('p', {class: 'muted', text: d.model.description || ''}),
        el('div', {id: 'aliases'}, aliases), form, out),
        el('div', {class: 'panel'}, el('h2', {text: 'Versions'}), versions), el('div', {class: 'panel'}, el('h2', {text: 'Audit trail of alias moves and deletions'}), audit));
    } catch (e) {
      if (e.status === 404 && e.body && e.body.deleted) showDeleted(name, e.body);
      else showError(detail, e);
    }
  }
  function auditTable(moves) {
    return el('table', {class: 'plain', id: 'audit'}, el('thead', null, el('tr', null, ['when', 'alias', 'from', 'to', 'by', 'reason'].map(h => el('th', {text: h})))),
      el('tbody', null, moves.map(m => el('tr', null, el('td', {text: fmtTime(m.at)}), el('td', {text: m.subject}), el('td', {text: m.fromVersion == null ? '—' : 'v' + m.fromVersion}),
        el('td', {text: m.refused ? 'refused (stays v' + m.toVersion + ')' : m.toVersion == null ? 'removed' : 'v' + m.toVersion}), el('td', {text: m.actor}), el('td', {text: m.reason})))));
  }
  // A deleted model (the API's 404 says so, with its audit trail): when and by whom it was deleted, and its history.
  function showDeleted(name, body) {
    const d = body.deleted;
    detail.append(el('div', {class: 'panel', id: 'model-deleted'}, el('h2', null, name + ' ', el('span', {class: 'state FAIL', text: 'deleted'})),
      el('p', {text: 'Deleted ' + fmtTime(d.at) + ' by ' + d.actor + (d.reason ? ': ' + d.reason : '') + '. Its versions are gone; the source trials stay.'})),
      el('div', {class: 'panel'}, el('h2', {text: 'Audit trail of alias moves and deletions'}), auditTable(body.audit)));
  }
  const list = el('div', {class: 'panel'});
  async function loadList() {
    const res = await api('/api/models');
    list.replaceChildren(el('table', {class: 'plain', id: 'models'},
      el('thead', null, el('tr', null, ['name', 'latest version', 'aliases', 'updated'].map(h => el('th', {text: h})))),
      el('tbody', null, res.models.map(m => el('tr', null, el('td', null, el('a', {href: '#', text: m.name, onclick: e => { e.preventDefault(); show(m.name); }})),
        el('td', {text: 'v' + m.latestVersion}), el('td', {text: Object.entries(m.aliases).map(([a, v]) => a + ' → v' + v).join(', ')}),
        el('td', {text: fmtTime(m.updated)}))))));
    return res.models;
  }
  let loaded = false;
  try {
    info = await api('/api/info');
    const models = await loadList();
    main.append(list, detail);
    // ?model=NAME shows that model, also one that was deleted (then its deletion and audit trail)
    const wanted = TL.param('model') || (models.length ? models[0].name : null);
    if (wanted) await show(wanted);
    loaded = true;
  } catch (e) {
    showError(main, e);
  }
  TL.ready();
  // once the database answers again after an outage: a page whose first load failed loads again; else the list and the
  // model shown are read again
  TL.onResume(() => loaded ? loadList().then(() => shown && show(shown)).catch(e => showError(main, e)) : location.reload());
})();
