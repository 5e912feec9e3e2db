// Accrue dashboard: asks for an API key (kept in sessionStorage only, so it goes when the tab
// closes), calls the analytics JSON API with the chosen filters and draws each answer with ECharts.
// Each chart element gets data-points="<n>" once drawn, which the browser test reads.
(function () {
  'use strict';

  const KEY = 'accrue.apiKey';
  const $ = (id) => document.getElementById(id);
  const charts = {};

  // The API speaks the event contracts' symbols; people read these.
  const LABELS = {
    LIVE_WEBINAR: 'Live webinar', IN_PERSON: 'In person', SELF_STUDY: 'Self-study',
    GENERAL: 'General', LAW_AND_ETHICS: 'Law and ethics', CULTURAL_DIVERSITY: 'Cultural diversity',
    SUICIDE_PREVENTION: 'Suicide prevention', DOMESTIC_VIOLENCE: 'Domestic violence', MEDICAL_ERRORS: 'Medical errors',
    SUPERVISION: 'Supervision', TELEHEALTH: 'Telehealth', HIV_AIDS: 'HIV/AIDS', LAWS_AND_RULES: 'Laws and rules',
    ETHICS: 'Ethics', ETHICS_AND_BOUNDARIES: 'Ethics and boundaries', PROFESSIONAL_BOUNDARIES: 'Professional boundaries',
    HUMAN_TRAFFICKING: 'Human trafficking', JURISPRUDENCE: 'Jurisprudence',
    COMPLETE: 'Complete', ON_TRACK: 'On track', AT_RISK: 'At risk', OVERDUE: 'Overdue'
  };
  // Status colours mean what they say: overdue red, at risk amber, complete and on track greens.
  // Each passes 3:1 against the white chart background (WCAG AA for graphics).
  const STATUS_COLOURS = { COMPLETE: '#1b7a3d', ON_TRACK: '#4f9a5b', AT_RISK: '#b26a00', OVERDUE: '#c62828' };
  const STATUS_ORDER = ['COMPLETE', 'ON_TRACK', 'AT_RISK', 'OVERDUE'];

  function label(symbol) {
    if (LABELS[symbol]) {
      return LABELS[symbol];
    }
    const words = String(symbol).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  // A course's title, with its provider where another listed course has the same title.
  function courseLabels(courses) {
    const seen = {};
    courses.forEach((c) => { seen[c.title] = (seen[c.title] || 0) + 1; });
    return courses.map((c) => (!c.title ? c.key : seen[c.title] > 1 ? c.title + ' (' + c.providerId + ')' : c.title));
  }

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
    // No animation: the numbers show at once, and screenshots show the final chart. aria: ECharts describes
    // the chart in an aria-label for screen readers.
    c.setOption(Object.assign({ animation: false, aria: { enabled: true } }, option), true);
    $(id).dataset.points = String(points);
  }

  // Bars per label. A series with yAxisIndex 1 gets its own scale on the right, so people are not
  // drawn against hours (they differ by an order of magnitude).
  function bars(id, labels, series, options) {
    const horizontal = options && options.horizontal;
    // Every label shown in full: long ones wrap rather than being cut.
    const category = { type: 'category', data: labels,
      axisLabel: { interval: 0, width: horizontal ? 220 : 110, overflow: 'break', lineHeight: 14 } };
    const axes = (options && options.axes) || [{ type: 'value' }];
    draw(id, {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: horizontal ? 230 : 60, right: axes.length > 1 ? 60 : 20, top: 40, bottom: horizontal ? 40 : 70 },
      xAxis: horizontal ? axes[0] : category,
      yAxis: horizontal ? category : axes,
      series: series.map((s) => Object.assign({ type: 'bar' }, s))
    }, labels.length);
  }

  function tile(id, value, digits) {
    $(id).textContent = Number(value).toLocaleString(undefined, { maximumFractionDigits: digits });
  }

  async function summary() {
    const data = await api('/v1/analytics/summary?' + query());
    tile('kpi-attendances', data.attendances, 0);
    tile('kpi-credit-hours', data.creditHours, 1);
    tile('kpi-certificates', data.certificates, 0);
    tile('kpi-active-licensees', data.activeLicensees, 0);
  }

  async function trends() {
    const metric = $('metric');
    const data = await api('/v1/analytics/trends?' + query({ metric: metric.value, interval: $('interval').value }));
    draw('chart-trends', {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: data.buckets.map((b) => b.start) },
      // Counts come in whole numbers; credit hours in fractions.
      yAxis: { type: 'value', minInterval: metric.value === 'creditHours' ? 0 : 1 },
      // Straight segments: a smoothed curve would suggest values between buckets (and dip below zero).
      series: [{ name: metric.options[metric.selectedIndex].text, type: 'line', areaStyle: {},
        data: data.buckets.map((b) => b.value) }]
    }, data.buckets.filter((b) => b.value > 0).length);
  }

  async function topCourses() {
    const data = await api('/v1/analytics/top-courses?' + query({ by: 'attendees', limit: 10 }));
    const rows = data.courses.slice().reverse();
    bars('chart-top-courses', courseLabels(rows.map((c) => ({ title: c.title, providerId: c.providerId, key: c.courseKey }))),
      [{ name: 'Attendees', data: rows.map((c) => c.value) }],
      { horizontal: true, axes: [{ type: 'value', minInterval: 1 }] });
  }

  async function breakdown(id, path) {
    const data = await api(path + '?' + query());
    bars(id, data.items.map((i) => label(i.key)), [
      { name: 'Credit hours', yAxisIndex: 0, data: data.items.map((i) => i.creditHours) },
      { name: 'Attendees', yAxisIndex: 1, data: data.items.map((i) => i.attendees) }
    ], { axes: [{ type: 'value', name: 'Credit hours' },
                { type: 'value', name: 'Attendees', position: 'right', minInterval: 1 }] });
  }

  async function completion() {
    const data = await api('/v1/analytics/completion?' + query({ groupBy: 'course', limit: 10 }));
    // Course keys are "<provider>/<course>".
    bars('chart-completion', courseLabels(data.rows.map((r) => ({ title: r.title, providerId: r.key.split('/')[0], key: r.key }))), [
      { name: 'Joined', data: data.rows.map((r) => r.joined) },
      { name: 'Earned credit', data: data.rows.map((r) => r.earned) }
    ], { axes: [{ type: 'value', name: 'Licensees', minInterval: 1 }] });
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
    const present = new Set(data.boards.flatMap((b) => Object.keys(b.statuses)));
    const statuses = STATUS_ORDER.filter((s) => present.has(s))
      .concat([...present].filter((s) => !STATUS_ORDER.includes(s)).sort());
    bars('chart-compliance', data.boards.map((b) => b.board), statuses.map((s) => ({
      name: label(s), stack: 'status', itemStyle: { color: STATUS_COLOURS[s] || '#5a6272' },
      data: data.boards.map((b) => b.statuses[s] || 0)
    })), { axes: [{ type: 'value', name: 'Licences', minInterval: 1 }] });
  }

  async function refresh(event) {
    if (event) {
      event.preventDefault();
    }
    sessionStorage.setItem(KEY, $('apiKey').value);
    const status = $('status');
    status.className = '';
    status.textContent = 'Loading…';
    const results = await Promise.allSettled([summary(), trends(), topCourses(),
      breakdown('chart-categories', '/v1/analytics/categories'),
      breakdown('chart-formats', '/v1/analytics/formats'), completion(), compliance()]);
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length) {
      status.className = 'error';
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

  // For the browser test: the labelling rules, checked on inputs the seeded data does not have.
  window.accrueDashboard = { label, courseLabels, statusColours: STATUS_COLOURS };
  init();
})();
