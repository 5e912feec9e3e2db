// Accrue dashboard: asks for an API key (kept in sessionStorage only, so it goes when the tab
// closes), calls the analytics JSON API with the chosen filters and draws each answer with ECharts.
// Each chart element gets data-points="<n>" once drawn, which the browser test reads.
(function () {
  'use strict';

  const KEY = 'accrue.apiKey';
  const $ = (id) => document.getElementById(id);
  const charts = {};

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init($(id));
    }
    return charts[id];
  }

  function isoDate(d) {
    return d.toISOString().slice(0, 10);
  }

  function query(extra) {
    const params = new URLSearchParams({ from: $('from').value, to: $('to').value });
    const provider = $('providerId').value.trim();
    if (provider) {
      params.set('providerId', provider);
    }
    Object.entries(extra || {}).forEach(([k, v]) => params.set(k, v));
    return params.toString();
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) { /* not problem+json */ }
      throw new Error(response.status + ' ' + detail);
    }
    return response.json();
  }

  function draw(id, option, points) {
    const c = chart(id);
    // No animation: the numbers show at once, and screenshots show the final chart.
    c.setOption(Object.assign({ animation: false }, option), true);
    $(id).dataset.points = String(points);
  }

  function bars(id, labels, series, horizontal) {
    // Every label shown (interval 0); vertical bars tilt theirs so long category names fit.
    const category = { type: 'category', data: labels,
      axisLabel: horizontal ? { width: 160, overflow: 'truncate', interval: 0 }
                            : { interval: 0, rotate: 30, width: 120, overflow: 'truncate' } };
    const value = { type: 'value' };
    draw(id, {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: horizontal ? 170 : 50, right: 20, top: 30, bottom: horizontal ? 40 : 80 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series.map((s) => Object.assign({ type: 'bar' }, s))
    }, labels.length);
  }

  async function trends() {
    const metric = $('metric').value;
    const data = await api('/v1/analytics/trends?' + query({ metric, interval: $('interval').value }));
    draw('chart-trends', {
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: data.buckets.map((b) => b.start) },
      yAxis: { type: 'value' },
      // Straight segments: a smoothed curve would suggest values between buckets (and dip below zero).
      series: [{ name: metric, type: 'line', areaStyle: {}, data: data.buckets.map((b) => b.value) }]
    }, data.buckets.filter((b) => b.value > 0).length);
  }

  async function topCourses() {
    const data = await api('/v1/analytics/top-courses?' + query({ by: 'attendees', limit: 10 }));
    const rows = data.courses.slice().reverse();
    bars('chart-top-courses', rows.map((c) => c.title || c.courseKey),
      [{ name: 'Attendees', data: rows.map((c) => c.value) }], true);
  }

  async function breakdown(id, path) {
    const data = await api(path + '?' + query());
    bars(id, data.items.map((i) => i.key), [
      { name: 'Credit hours', data: data.items.map((i) => i.creditHours) },
      { name: 'Attendees', data: data.items.map((i) => i.attendees) }
    ], false);
  }

  async function completion() {
    const data = await api('/v1/analytics/completion?' + query({ groupBy: 'course', limit: 10 }));
    bars('chart-completion', data.rows.map((r) => r.title || r.key), [
      { name: 'Joined', data: data.rows.map((r) => r.joined) },
      { name: 'Earned credit', data: data.rows.map((r) => r.earned) }
    ], false);
  }

  async function compliance() {
    let data;
    try {
      // No filters on purpose: the endpoint's from/to select renewal-cycle ends, not activity dates, and it
      // has no provider, so the chart is each licence's current status (labelled so on the page).
      data = await api('/v1/analytics/compliance');
    } catch (e) {
      if (e.message.startsWith('403')) {
        // Provider keys have no cross-provider compliance view.
        draw('chart-compliance', { title: { text: 'Needs an analyst key', left: 'center', top: 'middle' } }, 0);
        return;
      }
      throw e;
    }
    const statuses = [...new Set(data.boards.flatMap((b) => Object.keys(b.statuses)))].sort();
    bars('chart-compliance', data.boards.map((b) => b.board), statuses.map((s) => ({
      name: s, stack: 'status', data: data.boards.map((b) => b.statuses[s] || 0)
    })), false);
  }

  async function refresh(event) {
    if (event) {
      event.preventDefault();
    }
    sessionStorage.setItem(KEY, $('apiKey').value);
    const status = $('status');
    status.className = '';
    status.textContent = 'Loading…';
    const results = await Promise.allSettled([trends(), topCourses(),
      breakdown('chart-categories', '/v1/analytics/categories'),
      breakdown('chart-formats', '/v1/analytics/formats'), completion(), compliance()]);
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length) {
      status.textContent = 'Some charts failed: ' + failed.map((r) => r.reason.message).join('; ');
    } else {
      status.className = 'ok';
      status.textContent = 'Updated ' + new Date().toLocaleTimeString();
    }
    document.body.dataset.loaded = 'true';
  }

  function init() {
    const params = new URLSearchParams(location.search);
    const today = new Date();
    const ninetyDaysAgo = new Date(today.getTime() - 89 * 86400000);
    $('from').value = params.get('from') || isoDate(ninetyDaysAgo);
    $('to').value = params.get('to') || isoDate(today);
    $('providerId').value = params.get('providerId') || '';
    $('apiKey').value = sessionStorage.getItem(KEY) || '';
    $('filters').addEventListener('submit', refresh);
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    if ($('apiKey').value) {
      refresh();
    }
  }

  init();
})();
