// The batch console: polls /console/api and draws jobs, warming progress, executions, cache statistics
// (with an inline SVG hit-rate chart) and recent invalidations. No external assets, no framework.
(function () {
  'use strict';

  const API = new URL('api/', window.location.href.replace(/[^/]*$/, '')).pathname;
  const POLL_MS = 1500;
  const TOKEN_KEY = 'm365-mcp-console-token';
  const samples = []; // this page's own samples of the live counters: {at, hits, misses}

  function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }

  async function call(path, method) {
    const headers = { 'Accept': 'application/json' };
    if (token()) { headers['Authorization'] = 'Bearer ' + token(); }
    const response = await fetch(API + path, { method: method || 'GET', headers: headers });
    if (response.status === 401) { showTokenPanel(); throw new Error('token required'); }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new Error(body.error || ('HTTP ' + response.status)); }
    return body;
  }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (name === 'text') { node.textContent = value; } else if (name === 'onclick') { node.onclick = value; }
      else if (name === 'disabled') { node.disabled = !!value; } else { node.setAttribute(name, value); }
    });
    (children || []).forEach(child => node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
    return node;
  }

  function time(iso) { return iso ? new Date(iso).toLocaleTimeString() : ''; }

  function statusCell(status, id) {
    return el('td', {}, [el('span', { 'class': 'status ' + (status || ''), id: id || '', text: status || '—' })]);
  }

  function warmingProgress(execution) {
    const step = execution && (execution.steps || []).find(s => s.progress);
    return step ? step.progress : null;
  }

  function progressBar(done, total, id) {
    const percent = total ? Math.round(done * 100 / total) : 0;
    return el('span', {}, [el('span', { 'class': 'bar' }, [el('div', { style: 'width:' + percent + '%' })]),
      el('span', { id: id, text: ' ' + done + ' / ' + total })]);
  }

  function running(execution) { return execution && ['STARTING', 'STARTED', 'STOPPING'].includes(execution.status); }

  async function act(path, message) {
    const out = document.getElementById('action-message');
    try {
      const answer = await call(path, 'POST');
      out.textContent = message + (answer.execution_id ? ' (execution ' + answer.execution_id + ')' : '');
    } catch (e) { out.textContent = e.message; }
    refresh();
  }

  function drawJobs(jobs) {
    const body = document.querySelector('#jobs tbody');
    body.replaceChildren(...jobs.map(job => {
      const latest = job.latest;
      const progress = warmingProgress(latest);
      const id = job.name;
      return el('tr', { id: 'job-' + id }, [
        el('td', {}, [el('strong', { text: id }), el('div', { 'class': 'muted small', text: job.description })]),
        el('td', { text: latest ? String(latest.execution_id) : '—' }),
        statusCell(latest && latest.status, 'status-' + id),
        el('td', { text: latest ? time(latest.started_at) : '' }),
        el('td', { text: latest ? time(latest.ended_at) : '' }),
        el('td', {}, progress ? [progressBar(progress.items.length, total(progress), 'progress-' + id)] : []),
        el('td', { 'class': 'small', id: 'exit-' + id, text: (latest && latest.exit_status) || '' }),
        el('td', {}, [
          el('button', { id: 'start-' + id, text: 'Start', disabled: running(latest),
            onclick: () => act('jobs/' + id + '/start', id + ' started') }),
          el('button', { id: 'stop-' + id, text: 'Stop', disabled: !running(latest),
            onclick: () => act('executions/' + latest.execution_id + '/stop', id + ' stopping') }),
          el('button', { id: 'restart-' + id, text: 'Restart', disabled: !(latest && latest.restartable),
            onclick: () => act('executions/' + latest.execution_id + '/restart', id + ' restarted') })
        ])
      ]);
    }));
  }

  function total(progress) { return Object.values(progress.planned || {}).reduce((a, b) => a + b, 0); }

  function drawWarming(jobs) {
    const target = document.getElementById('warming');
    const warming = jobs.find(job => job.name === 'cache-warming');
    const progress = warmingProgress(warming && warming.latest);
    if (!progress) { target.replaceChildren(el('p', { 'class': 'muted', text: 'No warming has run.' })); return; }
    const accounts = Object.keys(progress.planned).map(account => {
      const items = progress.items.filter(item => item.account_id === account);
      const count = outcome => items.filter(item => item.outcome === outcome).length;
      return el('tr', {}, [el('td', { text: account }), el('td', {}, [progressBar(items.length, progress.planned[account])]),
        el('td', { text: String(count('warmed')) }), el('td', { text: String(count('fresh')) }),
        el('td', { text: String(count('failed')) })]);
    });
    const items = progress.items.map(item => el('li', {}, [
      el('span', { 'class': 'outcome-' + item.outcome, text: item.outcome }),
      ' ' + item.operation + ' (priority ' + item.priority + ') for ' + item.account_id
        + (item.millis != null ? ' in ' + item.millis + ' ms' : '') + (item.error ? ' — ' + item.error : '')]));
    target.replaceChildren(
      el('table', { id: 'warming-accounts' }, [
        el('thead', {}, [el('tr', {}, ['Account', 'Progress', 'Warmed', 'Already fresh', 'Failed'].map(h => el('th', { text: h })))]),
        el('tbody', {}, accounts)]),
      el('ol', { id: 'warming-items', 'class': 'small' }, items));
  }

  async function drawExecutions(jobs) {
    const lists = await Promise.all(jobs.map(job => call('jobs/' + job.name + '/executions?limit=8')));
    const executions = lists.flatMap(list => list.executions).sort((a, b) => b.execution_id - a.execution_id);
    const details = await Promise.all(executions.slice(0, 10).map(e => call('executions/' + e.execution_id)));
    document.querySelector('#executions tbody').replaceChildren(...details.map(e => el('tr', {}, [
      el('td', { text: String(e.execution_id) }), el('td', { text: e.job }), statusCell(e.status),
      el('td', { text: time(e.started_at) }), el('td', { text: time(e.ended_at) }),
      el('td', { 'class': 'small', text: e.exit_status || '' }),
      el('td', { 'class': 'small' }, e.steps.map(s => el('div', { text: s.step + ': ' + s.status + ' '
        + [s.metrics.read_count, s.metrics.write_count, s.metrics.filter_count, s.metrics.process_skip_count]
          .map(v => v == null ? 0 : v).join(' / ') + (s.exit_status ? ' — ' + s.exit_status : '') })))])));
  }

  function drawStats(stats) {
    const c = stats.current;
    const rows = [['Store', c.store_open ? 'open (' + c.key_source + ' key)' : 'memory only'],
      ['Entries', c.entries], ['Stored bytes', c.stored_bytes], ['Uncompressed bytes', c.uncompressed_bytes],
      ['Hits', c.hits], ['Misses', c.misses], ['Hit rate', (c.hit_rate * 100).toFixed(1) + ' %']];
    document.getElementById('stats').replaceChildren(...rows.flatMap(([name, value]) =>
      [el('dt', { text: name }), el('dd', { id: 'stat-' + name.toLowerCase().replace(/ /g, '-'), text: String(value) })]));
    samples.push({ at: stats.at, hits: c.hits, misses: c.misses });
    if (samples.length > 200) { samples.shift(); }
    drawChart(stats.history.map(p => ({ at: p.at, rate: p.hit_rate })).concat(liveRates()));
  }

  // The live counters are totals since start-up: each sample's rate is that of the calls since the previous one.
  function liveRates() {
    const points = [];
    for (let i = 1; i < samples.length; i++) {
      const hits = samples[i].hits - samples[i - 1].hits;
      const misses = samples[i].misses - samples[i - 1].misses;
      if (hits + misses > 0) { points.push({ at: samples[i].at, rate: hits / (hits + misses) }); }
    }
    if (!points.length && samples.length) {
      const last = samples[samples.length - 1];
      if (last.hits + last.misses > 0) { points.push({ at: last.at, rate: last.hits / (last.hits + last.misses) }); }
    }
    return points;
  }

  function drawChart(points) {
    const svg = document.getElementById('hit-rate-chart');
    const ns = 'http://www.w3.org/2000/svg';
    const shape = (tag, attributes) => { const n = document.createElementNS(ns, tag); Object.entries(attributes).forEach(([k, v]) => n.setAttribute(k, v)); return n; };
    const left = 36, right = 470, top = 10, bottom = 180;
    const nodes = [shape('line', { x1: left, y1: bottom, x2: right, y2: bottom, 'class': 'axis' }),
      shape('line', { x1: left, y1: top, x2: left, y2: bottom, 'class': 'axis' })];
    [0, 50, 100].forEach(p => { const t = shape('text', { x: 4, y: bottom - (bottom - top) * p / 100 + 3 }); t.textContent = p + '%'; nodes.push(t); });
    if (points.length) {
      const times = points.map(p => Date.parse(p.at));
      const t0 = Math.min(...times), t1 = Math.max(...times);
      const x = t => t1 === t0 ? (left + right) / 2 : left + (right - left) * (t - t0) / (t1 - t0);
      const y = r => bottom - (bottom - top) * r;
      const xy = points.map((p, i) => [x(times[i]), y(p.rate)]);
      nodes.push(shape('polyline', { points: xy.map(p => p.join(',')).join(' '), 'class': 'line' }));
      xy.forEach(([cx, cy]) => nodes.push(shape('circle', { cx: cx, cy: cy, r: 2.5, 'class': 'dot' })));
      const label = shape('text', { x: right - 60, y: bottom + 14 }); label.textContent = time(points[points.length - 1].at); nodes.push(label);
    } else {
      const t = shape('text', { x: 180, y: 100 }); t.textContent = 'no cached calls yet'; nodes.push(t);
    }
    svg.replaceChildren(...nodes);
  }

  function drawInvalidations(answer) {
    document.querySelector('#invalidations tbody').replaceChildren(...answer.invalidations.map(i => el('tr', {}, [
      el('td', { text: time(i.invalidated_at) }), el('td', { text: i.account_id }),
      el('td', { text: i.resource_type || '*' }), el('td', {}, [el('code', { text: i.pattern })]),
      el('td', { text: i.reason }), el('td', { text: String(i.entries_invalidated) })])));
  }

  function drawSync(sync) {
    document.getElementById('sync-summary').textContent = !sync ? '' : !sync.enabled
      ? 'Delta sync is off: cached data is current by its TTLs only.'
      : sync.changes + ' changes applied, ' + sync.entries_invalidated + ' entries dropped, '
        + sync.entries_patched + ' patched, ' + sync.revalidated
        + ' revalidated; ' + sync.pulls + ' delta rounds (' + sync.failed_pulls + ' failed, ' + sync.resyncs
        + ' resyncs), ' + sync.graph_requests + ' Graph requests.';
    document.querySelector('#sync tbody').replaceChildren(...((sync && sync.resources) || []).map(r => el('tr', {}, [
      el('td', { text: r.account_id }), el('td', {}, [el('code', { text: r.resource })]), el('td', { text: r.mode }),
      el('td', { text: time(r.last_sync) }), el('td', { text: r.lag_seconds == null ? '' : String(r.lag_seconds) }),
      el('td', { text: String(r.changes) }), el('td', { text: r.last_error || '' })])));
  }

  function showTokenPanel() {
    document.getElementById('token-panel').hidden = false;
    document.getElementById('content').hidden = true;
    document.getElementById('connection').textContent = 'Token required';
  }

  let refreshing = false;
  async function refresh() {
    if (refreshing) { return; }
    refreshing = true;
    try {
      const answer = await call('jobs');
      document.getElementById('token-panel').hidden = true;
      document.getElementById('content').hidden = false;
      drawJobs(answer.jobs);
      drawWarming(answer.jobs);
      const [stats, invalidations] = await Promise.all([call('cache/stats'), call('cache/invalidations?limit=25')]);
      drawStats(stats);
      drawSync(stats.current.sync);
      drawInvalidations(invalidations);
      await drawExecutions(answer.jobs);
      document.getElementById('connection').textContent = 'Updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      if (e.message !== 'token required') { document.getElementById('connection').textContent = 'Error: ' + e.message; }
    } finally {
      refreshing = false;
    }
  }

  document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
    refresh();
  });
  refresh();
  setInterval(refresh, POLL_MS);
}());
