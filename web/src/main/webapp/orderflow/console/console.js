/*
 * The orderflow operator console: a static page over the operations API (/orderflow/api/ops/…).
 * It holds no authority of its own: every call carries the operator's bearer token, and the
 * server decides what the token may see and do. Data is only ever put into the page as text
 * (never parsed as HTML). Pages poll every two seconds while they are shown.
 */
'use strict';

const API = new URL('../api/', location.href).href;
const DEV = new URL('../dev/', location.href).href;
const POLL_MS = 2000;
const LAG_SAMPLES = 90;
const TOKEN_KEY = 'orderflow.console.token';

const session = { token: null, claims: null };
const lagHistory = new Map();      // projector -> [{t, lag, position}]
const openDetails = new Set();     // keys of <details> the operator opened, kept open across refreshes
let currentPage = null;
let refreshing = false;

// ---------------------------------------------------------------- DOM helpers

function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'text') el.textContent = value;
        else if (key === 'class') el.className = value;
        else if (key === 'style') el.style.cssText = value;   // CSSOM: allowed by the page's Content-Security-Policy
        else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
        else if (key === 'dataset') Object.assign(el.dataset, value);
        else el.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) continue;
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
}

function replace(container, ...children) {
    container.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
}

function table(headers, rows, emptyText) {
    if (!rows.length) return h('p', { class: 'empty', text: emptyText });
    return h('table', {},
        h('thead', {}, h('tr', {}, headers.map(([label, cls]) => h('th', { class: cls || null, text: label })))),
        h('tbody', {}, rows));
}

function badge(text, kind) {
    return h('span', { class: 'badge ' + (kind || ''), text });
}

function kv(pairs) {
    return h('dl', { class: 'kv' }, pairs.flatMap(([k, v, attrs]) =>
        [h('dt', { text: k }), h('dd', attrs || {}, v === null || v === undefined || v === '' ? '—' : v)]));
}

function progress(percent, label, name) {
    const p = Math.max(0, Math.min(100, percent));
    return h('div', { class: 'progress-block' },
        h('div', { class: 'progress', role: 'progressbar', 'aria-valuenow': String(p), 'aria-valuemin': '0',
                'aria-valuemax': '100', 'aria-valuetext': label, dataset: { progress: name || '' } },
            h('div', { class: 'bar', style: 'width:' + p + '%' })),
        h('div', { class: 'progress-label', text: label }));
}

function sparkline(samples) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('viewBox', '0 0 140 28');
    svg.setAttribute('preserveAspectRatio', 'none');
    const title = document.createElementNS(ns, 'title');
    const max = Math.max(1, ...samples.map(s => s.lag));
    title.textContent = 'lag over the last ' + Math.round(samples.length * POLL_MS / 1000) + ' s, peak ' + max + ' events';
    svg.append(title);
    if (samples.length > 1) {
        const line = document.createElementNS(ns, 'polyline');
        line.setAttribute('points', samples.map((s, i) =>
            (i * 140 / (LAG_SAMPLES - 1)).toFixed(1) + ',' + (27 - s.lag * 26 / max).toFixed(1)).join(' '));
        svg.append(line);
    }
    return svg;
}

function when(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString();
}

function seconds(s) {
    if (s === null || s === undefined) return '—';
    if (s < 60) return s.toFixed(s < 10 ? 2 : 1) + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';
    return Math.floor(s / 3600) + ' h ' + Math.round((s % 3600) / 60) + ' min';
}

function trackedDetails(key, summary, ...content) {
    const d = h('details', { open: openDetails.has(key) }, h('summary', { text: summary }), content);
    d.addEventListener('toggle', () => d.open ? openDetails.add(key) : openDetails.delete(key));
    return d;
}

function notice(message, bad) {
    const el = document.getElementById('notice');
    el.textContent = message;
    el.className = 'notice' + (bad ? ' bad' : '');
    el.hidden = !message;
}

/** A modal question: resolves to the entered text (or '' without input), or null when cancelled. */
function ask(question, { input = false, placeholder = '', confirm = 'OK', danger = false } = {}) {
    return new Promise(resolve => {
        const field = input ? h('input', { type: 'text', name: 'answer', placeholder, maxlength: '500', size: '50' }) : null;
        const dialog = h('dialog', { class: 'ask' },
            h('form', { method: 'dialog' },
                h('p', { text: question }),
                field,
                h('div', { class: 'row' },
                    h('button', { value: 'cancel', type: 'submit', text: 'Cancel' }),
                    h('button', { value: 'ok', type: 'submit', class: danger ? 'primary danger' : 'primary', text: confirm }))));
        dialog.addEventListener('close', () => {
            const answer = dialog.returnValue === 'ok' ? (field ? field.value.trim() : '') : null;
            dialog.remove();
            resolve(answer);
        });
        document.body.append(dialog);
        dialog.showModal();
        if (field) field.focus();
    });
}

// ---------------------------------------------------------------- API

class Problem extends Error {
    constructor(status, body) {
        super(body && (body.detail || body.title) ? (body.title || 'Error') + ': ' + (body.detail || '') : 'HTTP ' + status);
        this.status = status;
        this.body = body;
    }
}

async function api(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json', Authorization: 'Bearer ' + session.token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = { detail: text }; }
    if (response.status === 401) {
        signOut('The server refused the token (expired, revoked or from another issuer): sign in again.');
        throw new Problem(401, json);
    }
    if (!response.ok) throw new Problem(response.status, json);
    return json;
}

/** Runs an operator action, then reports what happened and refreshes the page. */
async function act(label, action, outcome = 'done') {
    try {
        await action();
        notice(label + ': ' + outcome + '.');
    } catch (e) {
        notice(label + ' failed — ' + e.message, true);
    }
    refresh();
}

function hasRole(role) {
    const groups = (session.claims && session.claims.groups) || [];
    return groups.includes(role);
}

const platform = () => hasRole('platform-operator');
const PLATFORM_ONLY = 'Needs the platform-operator role';

// ---------------------------------------------------------------- session

function decodeClaims(token) {
    const part = token.split('.')[1];
    if (!part) throw new Error('This is not a JWT (header.payload.signature).');
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
}

async function signIn(token) {
    token = token.trim();
    let claims;
    try {
        claims = decodeClaims(token);
    } catch (e) {
        notice('Not a token: ' + e.message, true);
        return;
    }
    session.token = token;
    session.claims = claims;
    try {
        await api('GET', 'ops/projections');
    } catch (e) {
        if (e.status === 403) {
            session.token = null;
            notice('This token has no operator role (operator or platform-operator in its groups claim).', true);
        } else if (e.status !== 401) {
            notice('Cannot reach the operations API — ' + e.message, true);
        }
        return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    notice('');
    showSignedIn();
    route();
}

function signOut(message) {
    session.token = null;
    session.claims = null;
    sessionStorage.removeItem(TOKEN_KEY);
    document.getElementById('nav').hidden = true;
    replace(document.getElementById('who'));
    currentPage = null;
    notice(message || '', Boolean(message));
    renderLogin();
}

function showSignedIn() {
    document.getElementById('nav').hidden = false;
    const c = session.claims;
    replace(document.getElementById('who'),
        h('span', { id: 'who-name', text: c.sub }),
        h('span', { text: 'tenant ' + (c.tenant_id || '—') }),
        h('span', { text: (c.groups || []).join(', ') }),
        h('button', { id: 'sign-out', text: 'Sign out', onclick: () => signOut('Signed out.') }));
}

async function renderLogin() {
    const main = document.getElementById('main');
    const tokenField = h('textarea', { id: 'token', rows: '5', placeholder: 'eyJhbGciOiJSUzI1NiIs…' });
    const dev = h('div');
    replace(main, h('div', { class: 'login' },
        h('section', { class: 'card' },
            h('h2', { text: 'Sign in' }),
            h('p', { text: 'Paste a bearer token from your identity provider. It needs the operator role (one tenant) or '
                    + 'platform-operator (every tenant) in its groups claim. It is kept in this tab only.' }),
            tokenField,
            h('div', { class: 'row' }, h('button', { id: 'sign-in', class: 'primary', text: 'Sign in',
                onclick: () => signIn(tokenField.value) }))),
        dev));
    try {
        const probe = await fetch(DEV + 'jwks');
        if (!probe.ok) return;
    } catch (e) {
        return;
    }
    const sub = h('input', { id: 'dev-sub', value: 'operator', size: '12' });
    const tenant = h('input', { id: 'dev-tenant', value: 'default', size: '12' });
    const groups = h('input', { id: 'dev-groups', value: 'operator,platform-operator', size: '28' });
    replace(dev, h('section', { class: 'card' },
        h('h2', { text: 'Development issuer' }),
        h('p', { text: 'This server hands out test tokens (ORDERFLOW_DEV_ISSUER_ENABLED): never in production.' }),
        h('div', { class: 'row' },
            h('label', {}, 'subject', sub), h('label', {}, 'tenant', tenant), h('label', {}, 'groups', groups),
            h('button', { id: 'dev-sign-in', class: 'primary', text: 'Get a token and sign in', onclick: async () => {
                const q = new URLSearchParams({ sub: sub.value, tenant: tenant.value, groups: groups.value });
                const response = await fetch(DEV + 'token?' + q);
                if (!response.ok) {
                    notice('The development issuer refused: HTTP ' + response.status, true);
                    return;
                }
                signIn(await response.text());
            } }))));
}

// ---------------------------------------------------------------- pages

const pages = {};

pages.projections = {
    title: 'Projections',
    errorFilter: 'open',
    render(main) {
        this.status = h('div');
        this.errors = h('div');
        const filter = h('select', { id: 'error-filter', onchange: () => { this.errorFilter = filter.value; refresh(); } },
            [['open', 'open (retry pending, dead)'], ['RETRY_PENDING', 'retry pending'], ['DEAD', 'dead'],
                ['RESOLVED', 'resolved'], ['SKIPPED', 'skipped']]
                .map(([v, label]) => h('option', { value: v, selected: v === this.errorFilter, text: label })));
        replace(main,
            h('section', { class: 'card' }, h('h2', { text: 'Projectors' }), this.status),
            h('section', { class: 'card' },
                h('div', { class: 'row' }, h('h2', { text: 'Errors' }), h('label', {}, 'show', filter)),
                this.errors));
    },
    async refresh() {
        const states = await api('GET', 'ops/projections');
        const jobs = new Map(await Promise.all(states.filter(s => s.rebuildable).map(async s =>
            [s.projector, (await api('GET', 'ops/projections/' + encodeURIComponent(s.projector) + '/rebuilds'))[0]])));
        const now = Date.now();
        const rows = states.map(s => {
            const samples = lagHistory.get(s.projector) || [];
            const previous = samples[samples.length - 1];
            samples.push({ t: now, lag: s.lag_events, position: s.position });
            while (samples.length > LAG_SAMPLES) samples.shift();
            lagHistory.set(s.projector, samples);
            const rate = previous && now > previous.t ? Math.max(0, (s.position - previous.position) * 1000 / (now - previous.t)) : null;
            const job = jobs.get(s.projector);
            const running = job && job.state === 'running';
            const stateBadge = running ? badge('rebuilding', 'warn')
                : s.lag_events === 0 ? badge('at head', 'ok') : badge('behind', s.lag_seconds > 5 ? 'bad' : 'warn');
            return h('tr', { dataset: { projector: s.projector } },
                h('td', {}, h('strong', { text: s.projector }), h('div', { class: 'mono', text: s.subscribes_to.join(', ') })),
                h('td', {}, stateBadge),
                h('td', { class: 'mono' }, h('div', { text: s.transaction_id + ' / ' + s.position }), segmentList(s.segments)),
                h('td', { class: 'num lag-events', text: String(s.lag_events) }),
                h('td', { class: 'num lag-seconds', text: seconds(s.lag_seconds) }),
                h('td', { class: 'num', text: rate === null ? '—' : Math.round(rate).toLocaleString() }),
                h('td', {}, sparkline(samples)),
                h('td', {}, s.rebuildable ? rebuildCell(s.projector, job) : h('span', { class: 'empty', text: 'not rebuildable' })));
        });
        replace(this.status, table([['Projector'], ['State'], ['Checkpoint (tx / position)'], ['Lag events', 'num'],
            ['Lag', 'num'], ['≈ events/s', 'num'], ['Lag, last 3 min'], ['Rebuild']], rows, 'No projectors.'));

        const query = this.errorFilter === 'open' ? '' : '&status=' + this.errorFilter;
        let errors = await api('GET', 'ops/projection-errors?limit=200' + query);
        if (this.errorFilter === 'open') errors = errors.filter(e => e.status === 'RETRY_PENDING' || e.status === 'DEAD');
        const deadProjectors = [...new Set(errors.filter(e => e.status === 'DEAD').map(e => e.projector))];
        replace(this.errors,
            deadProjectors.map(p => h('button', { class: 'retry-dead', disabled: !platform(), title: platform() ? null : PLATFORM_ONLY,
                text: 'Retry every dead error of ' + p,
                onclick: () => act('Retry dead errors of ' + p, () => api('POST', 'ops/projection-errors/retry-dead?projector=' + encodeURIComponent(p))) })),
            table([['Id'], ['Projector'], ['Status'], ['Stream'], ['Event'], ['Error'], ['Retries', 'num'], ['Next retry'],
                ['Parked', 'num'], ['']], errors.map(e => h('tr', { dataset: { errorId: String(e.id), stream: e.stream_id } },
                h('td', { class: 'num', text: String(e.id) }),
                h('td', { text: e.projector }),
                h('td', {}, badge(e.status.toLowerCase().replace('_', ' '), e.status === 'DEAD' ? 'bad'
                    : e.status === 'RETRY_PENDING' ? 'warn' : 'ok'), e.resolved_by ? h('div', { class: 'empty',
                    text: 'by ' + e.resolved_by + (e.resolution ? ': ' + e.resolution : '') }) : null),
                h('td', { class: 'mono' }, streamLink(e.stream_type, e.stream_id, e.tenant_id), ' v' + e.stream_version),
                h('td', { text: e.event_type + ' @' + e.position }),
                h('td', { class: 'wrap' }, e.error, e.stack_summary ? trackedDetails('stack-' + e.id, 'stack',
                    h('pre', { class: 'json', text: e.stack_summary })) : null),
                h('td', { class: 'num', text: String(e.retry_count) }),
                h('td', { text: when(e.next_retry_at) }),
                h('td', { class: 'num', text: String(e.parked_events) }),
                h('td', {}, e.status === 'RETRY_PENDING' || e.status === 'DEAD' ? [
                    h('button', { class: 'retry', text: 'Retry', onclick: () => act('Retry of error ' + e.id,
                        () => api('POST', 'ops/projection-errors/' + e.id + '/retry')) }),
                    ' ',
                    h('button', { class: 'skip', text: 'Skip…', onclick: async () => {
                        const reason = await ask('Skip event ' + e.event_type + ' of stream ' + e.stream_id + ' for '
                            + e.projector + '? The read model will not have it. Why?', { input: true, placeholder: 'reason (recorded)', confirm: 'Skip it' });
                        if (reason) act('Skip of error ' + e.id, () => api('POST', 'ops/projection-errors/' + e.id + '/skip', { skip: { reason } }));
                    } })] : null))),
                'No ' + (this.errorFilter === 'open' ? 'open' : this.errorFilter.toLowerCase().replace('_', ' ')) + ' errors.'));
    },
};

/** A split projector's segments (several servers): each one's lag and the server that applied it last. */
function segmentList(segments) {
    if (!segments || segments.length < 2) {
        return h('span', {});
    }
    return h('div', { class: 'segments' }, ...segments.map(g => h('div', { class: 'empty segment', dataset: { key: g.key },
        text: g.key.replace(/^.*#/, '#') + ': lag ' + g.lag_events + (g.owner ? ' · ' + g.owner : '') })));
}

function rebuildCell(projector, job) {
    const running = job && job.state === 'running';
    const parts = [];
    if (job) {
        const label = job.state === 'running'
            ? job.percent_done.toFixed(1) + ' % · ' + job.events_done.toLocaleString() + ' / ' + job.events_total.toLocaleString()
                + ' · ' + job.events_per_second.toLocaleString() + ' ev/s' + (job.eta_seconds !== null ? ' · ETA ' + seconds(job.eta_seconds) : '')
            : job.state + ' · ' + job.percent_done.toFixed(1) + ' % · ' + job.events_done.toLocaleString() + ' events'
                + (job.finished_at ? ' · ' + when(job.finished_at) : '');
        parts.push(progress(job.percent_done, label, projector), h('div', { class: 'empty job-state', dataset: { state: job.state },
            text: 'job ' + job.job_id + ': ' + job.state + (job.error ? ' — ' + job.error : '') }));
    }
    parts.push(running
        ? h('button', { class: 'cancel-rebuild danger', disabled: !platform() || job.cancel_requested,
            title: platform() ? null : PLATFORM_ONLY, text: job.cancel_requested ? 'Cancelling…' : 'Cancel',
            onclick: () => act('Cancel of rebuild ' + job.job_id, () => api('DELETE', 'ops/projections/'
                + encodeURIComponent(projector) + '/rebuilds/' + job.job_id), 'requested, it stops at its next batch') })
        : h('button', { class: 'rebuild', disabled: !platform(), title: platform() ? null : PLATFORM_ONLY, text: 'Rebuild…',
            onclick: async () => {
                if (await ask('Rebuild ' + projector + '? The new read model is built beside the live one, which keeps '
                    + 'answering queries until the new one is swapped in.', { confirm: 'Start rebuild' }) !== null) {
                    act('Rebuild of ' + projector, () => api('POST', 'ops/projections/' + encodeURIComponent(projector) + '/rebuild'),
                        'started, its progress shows below');
                }
            } }));
    return parts;
}

pages.publishing = {
    title: 'Publishing',
    render(main) {
        this.outbox = h('div');
        this.letters = h('div');
        replace(main,
            h('div', { class: 'split' },
                h('section', { class: 'card' }, h('h2', { text: 'Outbox publisher' }), this.outbox)),
            h('section', { class: 'card' }, h('h2', { text: 'Dead letters' }), this.letters));
    },
    async refresh() {
        const o = await api('GET', 'ops/outbox');
        const healthy = o.consecutive_failures === 0;
        replace(this.outbox,
            kv([['state', badge(o.state, healthy ? 'ok' : 'bad')],
                ['publisher', o.publisher],
                ['cursor (tx / position)', o.cursor_transaction_id + ' / ' + o.cursor_position, { class: 'mono' }],
                ['backlog', String(o.pending_events), { id: 'outbox-backlog' }],
                ['oldest waiting', o.pending_events ? seconds(o.oldest_pending_ms / 1000) : '—'],
                ['published in all', o.published_total.toLocaleString()],
                ['last published', when(o.last_published_at)],
                ['failures in a row', String(o.consecutive_failures)],
                ['last error', o.last_error],
                ['next attempt', when(o.next_attempt_at)]]),
            h('h2', { text: 'Consumers' }),
            table([['Subscription'], ['Messages processed', 'num']], o.consumers.map(c => h('tr', {},
                h('td', { text: c.name }), h('td', { class: 'num', text: c.processed.toLocaleString() }))), 'No consumer has processed a message yet.'));

        const letters = await api('GET', 'ops/dead-letters?limit=200');
        replace(this.letters,
            h('div', { class: 'row' },
                h('button', { id: 'replay-all', disabled: !platform() || !letters.length, title: platform() ? null : PLATFORM_ONLY,
                    text: 'Replay all', onclick: async () => {
                        if (await ask('Send every dead letter back to its subscription?', { confirm: 'Replay all' }) !== null) {
                            act('Replay of every dead letter', () => api('POST', 'ops/dead-letters/replay'));
                        }
                    } }),
                h('button', { id: 'purge-all', class: 'danger', disabled: !platform() || !letters.length,
                    title: platform() ? null : PLATFORM_ONLY, text: 'Purge all…', onclick: async () => {
                        if (await ask('Delete every dead letter for good? Their events stay in the log, but no consumer will '
                            + 'see these messages again.', { confirm: 'Purge all', danger: true }) !== null) {
                            act('Purge of every dead letter', () => api('DELETE', 'ops/dead-letters'));
                        }
                    } })),
            table([['Message'], ['Event'], ['Stream'], ['Subscription'], ['Reason'], ['Dead since'], ['Deliveries', 'num'], ['']],
                letters.map(l => h('tr', { dataset: { messageId: l.message_id, stream: l.stream_id || '' } },
                    h('td', { class: 'mono wrap' }, l.message_id, trackedDetails('letter-' + l.message_id, 'message body',
                        h('pre', { class: 'json', text: pretty(l.body) }))),
                    h('td', { text: l.event_type || '—' }),
                    h('td', { class: 'mono' }, l.stream_id ? streamLink(null, l.stream_id) : '—'),
                    h('td', { class: 'wrap', text: l.subscription || '—' }),
                    h('td', { class: 'wrap', text: l.reason || '—' }),
                    h('td', { text: when(l.dead_at) }),
                    h('td', { class: 'num', text: String(l.delivery_count) }),
                    h('td', {},
                        h('button', { class: 'replay', text: 'Replay', onclick: () => act('Replay of ' + l.message_id,
                            () => api('POST', 'ops/dead-letters/' + encodeURIComponent(l.message_id) + '/replay')) }),
                        ' ',
                        h('button', { class: 'purge danger', text: 'Purge…', onclick: async () => {
                            if (await ask('Delete dead letter ' + l.message_id + ' for good?', { confirm: 'Purge', danger: true }) !== null) {
                                act('Purge of ' + l.message_id, () => api('DELETE', 'ops/dead-letters/' + encodeURIComponent(l.message_id)));
                            }
                        } })))),
                'No dead letters.'));
    },
};

function pretty(text) {
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
}

const STREAM_TYPES = { Order: 'orders', Product: 'products' };

/** A link that opens a stream in the stream explorer (the type is guessed when a message does not name it). */
function streamLink(type, id) {
    return h('a', { class: 'link', text: id, onclick: () => {
        pages.streams.open = { type: type || 'Order', id, atVersion: null };
        location.hash = '#/streams';
        if (currentPage === pages.streams) route();
    } });
}

pages.streams = {
    title: 'Streams',
    open: null,           // {type, id, atVersion}
    correlation: null,
    render(main) {
        const type = h('select', { id: 'stream-type' }, Object.keys(STREAM_TYPES).map(t =>
            h('option', { value: t, text: t, selected: this.open && this.open.type === t })));
        const id = h('input', { id: 'stream-id', size: '40', placeholder: 'stream id (UUID)', value: this.open ? this.open.id : '' });
        const correlation = h('input', { id: 'correlation-id', size: '40', placeholder: 'correlation id', value: this.correlation || '' });
        this.view = h('div');
        replace(main,
            h('section', { class: 'card' },
                h('div', { class: 'row' },
                    h('label', {}, 'type', type), h('label', {}, 'id', id),
                    h('button', { id: 'open-stream', class: 'primary', text: 'Open stream', onclick: () => {
                        this.open = { type: type.value, id: id.value.trim(), atVersion: null };
                        this.correlation = null;
                        this.show();
                    } }),
                    h('label', {}, 'or follow a correlation id', correlation),
                    h('button', { id: 'follow-correlation', text: 'Follow', onclick: () => this.follow(correlation.value.trim()) }))),
            this.view);
        if (this.correlation) this.follow(this.correlation);
        else if (this.open) this.show();
    },
    async refresh() {
        // a stream's past does not change; the explorer reads on demand, not by polling
    },
    async show() {
        const { type, id } = this.open;
        const base = STREAM_TYPES[type] + '/' + encodeURIComponent(id);
        let current;
        try {
            current = await api('GET', base);
        } catch (e) {
            replace(this.view, h('section', { class: 'card' }, h('p', { class: 'empty', text: e.message })));
            return;
        }
        // the read model may be a moment behind the log: the newest version seen in the history wins
        let latest = current.version;
        const at = this.open.atVersion || latest;
        const state = h('pre', { class: 'json', id: 'stream-state' });
        const versionLabel = h('strong', { id: 'stream-version' });
        const slider = h('input', { type: 'range', id: 'version-slider', min: '1', max: String(latest), value: String(at), step: '1' });
        const events = h('tbody');
        const more = h('div');
        const showAt = async version => {
            this.open.atVersion = version;
            slider.value = String(version);
            versionLabel.textContent = 'version ' + version + ' of ' + latest + (version === latest ? ' (current)' : '');
            const view = version === latest && current ? current : await api('GET', base + '?at_version=' + version);
            state.textContent = JSON.stringify(view, null, 2);
            for (const row of events.children) row.classList.toggle('at', Number(row.dataset.version) === version);
        };
        slider.addEventListener('input', () => showAt(Number(slider.value)));
        const loadPage = async after => {
            const page = await api('GET', base + '/history?limit=50&after_version=' + after);
            for (const e of page.events) {
                events.append(h('tr', { dataset: { version: String(e.stream_version) } },
                    h('td', { class: 'num', text: String(e.stream_version) }),
                    h('td', {}, h('a', { class: 'link', text: e.event_type, onclick: () => showAt(e.stream_version) })),
                    h('td', { text: when(e.recorded_at) }),
                    h('td', { class: 'num mono', text: String(e.position) }),
                    h('td', { class: 'mono' }, e.metadata.correlation_id ? h('a', { class: 'link correlation',
                        text: e.metadata.correlation_id, onclick: () => this.follow(e.metadata.correlation_id) }) : '—'),
                    h('td', { text: e.metadata.user_id || '—' }),
                    h('td', { text: e.metadata.source || '—' }),
                    h('td', {}, trackedDetails('event-' + e.event_id, 'data', h('pre', { class: 'json',
                        text: JSON.stringify({ event_id: e.event_id, schema_version: e.schema_version, metadata: e.metadata, data: e.data }, null, 2) })))));
            }
            const newest = page.events.length ? page.events[page.events.length - 1].stream_version : 0;
            if (newest > latest) {
                const wasLatest = Number(slider.value) === latest;
                latest = newest;
                slider.max = String(latest);
                current = null;
                if (wasLatest) await showAt(latest);
            }
            replace(more, page.next_after_version ? h('button', { id: 'more-events', text: 'More events',
                onclick: () => loadPage(page.next_after_version) }) : null);
        };
        replace(this.view,
            h('section', { class: 'card' },
                h('h2', { text: type + ' ' + id }),
                h('div', { class: 'row' }, versionLabel),
                slider,
                h('div', { class: 'row' },
                    h('button', { id: 'previous-version', text: '◀ previous', onclick: () => showAt(Math.max(1, Number(slider.value) - 1)) }),
                    h('button', { id: 'next-version', text: 'next ▶', onclick: () => showAt(Math.min(latest, Number(slider.value) + 1)) })),
                state),
            h('section', { class: 'card' }, h('h2', { text: 'Events' }),
                h('table', { id: 'stream-events' }, h('thead', {}, h('tr', {}, ['Version', 'Event', 'Recorded', 'Position',
                    'Correlation', 'User', 'Source', ''].map(t => h('th', { text: t })))), events),
                more));
        await loadPage(0);
        await showAt(Math.min(this.open.atVersion || latest, latest));
    },
    async follow(correlationId) {
        if (!correlationId) return;
        this.correlation = correlationId;
        const field = document.getElementById('correlation-id');
        if (field) field.value = correlationId;
        const rows = h('tbody');
        const more = h('div');
        const loadPage = async after => {
            const page = await api('GET', 'ops/correlations/' + encodeURIComponent(correlationId) + '?limit=100&after_position=' + after);
            for (const e of page.events) {
                rows.append(h('tr', { dataset: { stream: e.stream_id } },
                    h('td', { class: 'num mono', text: String(e.position) }),
                    h('td', { text: e.stream_type }),
                    h('td', { class: 'mono' }, h('a', { class: 'link', text: e.stream_id, onclick: () => {
                        this.open = { type: e.stream_type, id: e.stream_id, atVersion: e.stream_version };
                        this.correlation = null;
                        this.show();
                    } })),
                    h('td', { class: 'num', text: String(e.stream_version) }),
                    h('td', { text: e.event_type }),
                    h('td', { text: when(e.recorded_at) }),
                    h('td', { text: e.metadata.user_id || '—' }),
                    h('td', { class: 'mono', text: e.metadata.causation_id || '—' })));
            }
            replace(more, page.next_after_position ? h('button', { text: 'More', onclick: () => loadPage(page.next_after_position) })
                : rows.children.length ? null : h('p', { class: 'empty', text: 'No event carries this correlation id (in your tenant).' }));
        };
        replace(this.view, h('section', { class: 'card' },
            h('h2', { text: 'Correlation ' + correlationId }),
            h('table', { id: 'correlated-events' }, h('thead', {}, h('tr', {}, ['Position', 'Type', 'Stream', 'Version', 'Event',
                'Recorded', 'User', 'Caused by'].map(t => h('th', { text: t })))), rows),
            more));
        try {
            await loadPage(0);
        } catch (e) {
            replace(more, h('p', { class: 'empty', text: e.message }));
        }
    },
};

pages.watermark = {
    title: 'Watermark',
    render(main) {
        this.view = h('div');
        replace(main, h('section', { class: 'card' },
            h('h2', { text: 'Watermark of the log' }),
            h('p', { text: 'Projectors, the publisher and a rebuild\u2019s catch-up read only events of transactions older than '
                + 'every transaction still open in the database cluster. A long open transaction holds them all back: it '
                + 'is shown here, with the session to end if it is stuck.' }),
            this.view));
    },
    async refresh() {
        if (!platform()) {
            replace(this.view, h('p', { class: 'empty', text: PLATFORM_ONLY + ' (the holding session may belong to any tenant).' }));
            return;
        }
        const w = await api('GET', 'ops/watermark');
        const held = w.held_back_by;
        replace(this.view,
            kv([['safe transaction id (pg_snapshot_xmin)', String(w.safe_transaction_id), { id: 'safe-transaction', class: 'mono' }],
                ['head of the log (position)', String(w.head_position), { class: 'mono' }],
                ['committed but not yet readable', String(w.unreadable_events), { id: 'unreadable-events' }],
                ['oldest of them recorded', when(w.oldest_unreadable_recorded_at)]]),
            h('h2', { text: 'Oldest open transaction' }),
            held ? kv([['pid', String(held.pid), { class: 'mono' }], ['age', seconds(held.transaction_age_seconds)],
                    ['state', held.state], ['database / user', held.database + ' / ' + held.user],
                    ['application', held.application_name], ['transaction started', when(held.transaction_started_at)],
                    ['query started', when(held.query_started_at)], ['query', held.query, { class: 'mono' }]])
                : h('p', { class: 'empty', id: 'no-holder', text: 'No transaction is open: nothing holds readers back.' }));
    },
};

pages.processes = {
    title: 'Processes',
    filter: '',
    render(main) {
        this.view = h('div');
        const filter = h('select', { id: 'process-filter', onchange: () => { this.filter = filter.value; refresh(); } },
            ['', 'RUNNING', 'WAITING_FOR_PAYMENT', 'COMPENSATING', 'FAILED', 'DONE'].map(v =>
                h('option', { value: v, selected: v === this.filter, text: v ? v.toLowerCase().replace(/_/g, ' ') : 'all' })));
        replace(main, h('section', { class: 'card' },
            h('div', { class: 'row' }, h('h2', { text: 'Checkouts' }), h('label', {}, 'state', filter)), this.view));
    },
    async refresh() {
        const list = await api('GET', 'ops/processes?limit=200' + (this.filter ? '&state=' + this.filter : ''));
        replace(this.view, table([['Order'], ['State'], ['Step'], ['Amount', 'num'], ['Payment attempts', 'num'], ['Next attempt'],
            ['Deadline'], ['Last error'], ['Age', 'num'], ['']], list.map(p => h('tr', { dataset: { order: p.order_id } },
            h('td', { class: 'mono' }, streamLink('Order', p.order_id)),
            h('td', {}, badge(p.state.toLowerCase().replace(/_/g, ' '), p.state === 'DONE' ? 'ok' : p.state === 'FAILED' ? 'bad' : 'warn')),
            h('td', { text: p.step }),
            h('td', { class: 'num', text: (p.amount_cents / 100).toFixed(2) }),
            h('td', { class: 'num', text: String(p.payment_attempts) }),
            h('td', { text: when(p.next_attempt_at) }),
            h('td', { text: when(p.deadline) }),
            h('td', { class: 'wrap', text: p.last_error || p.reason_code || '—' }),
            h('td', { class: 'num', text: seconds(p.age_seconds) }),
            h('td', {}, p.state === 'DONE' ? null : [
                h('button', { class: 'retry', text: 'Retry', onclick: () => act('Retry of checkout ' + p.order_id,
                    () => api('POST', 'ops/processes/' + p.order_id + '/retry')) }), ' ',
                h('button', { class: 'abort danger', text: 'Abort…', onclick: async () => {
                    const reason = await ask('Abort the checkout of ' + p.order_id + '? The order is cancelled and its stock '
                        + 'released. Why?', { input: true, placeholder: 'reason (recorded)', confirm: 'Abort', danger: true });
                    if (reason) act('Abort of checkout ' + p.order_id, () => api('POST', 'ops/processes/' + p.order_id + '/abort', { abort: { reason } }));
                } })]))),
            'No checkouts' + (this.filter ? ' in this state.' : '.')));
    },
};

pages.audit = {
    title: 'Audit',
    page: 0,
    render(main) {
        this.view = h('div');
        replace(main, h('section', { class: 'card' }, h('h2', { text: 'Operator actions' }), this.view));
    },
    async refresh() {
        const result = await api('GET', 'ops/audit?size=50&page=' + this.page);
        replace(this.view,
            table([['When'], ['Actor'], ['Tenant'], ['Action'], ['Request'], ['Outcome'], ['Detail']], result.entries.map(e => h('tr', {},
                h('td', { text: when(e.at) }), h('td', { text: e.actor }), h('td', { text: e.tenant_id || '—' }),
                h('td', { text: e.action }), h('td', { class: 'mono wrap', text: e.method + ' ' + e.path }),
                h('td', {}, badge(e.outcome + ' ' + e.status, e.outcome === 'succeeded' ? 'ok' : 'bad')),
                h('td', { class: 'wrap', text: e.detail || '' }))), 'No operator actions recorded.'),
            h('div', { class: 'row' },
                h('button', { text: '◀ newer', disabled: this.page === 0, onclick: () => { this.page--; refresh(); } }),
                h('span', { text: 'page ' + (this.page + 1) }),
                h('button', { text: 'older ▶', disabled: result.entries.length < 50, onclick: () => { this.page++; refresh(); } })));
    },
};

// ---------------------------------------------------------------- routing and polling

function route() {
    if (!session.token) return;
    const name = (location.hash.match(/^#\/(\w+)/) || [])[1];
    const page = pages[name] || pages.projections;
    if (!pages[name]) {
        history.replaceState(null, '', '#/projections');
    }
    for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === (pages[name] ? name : 'projections'));
    currentPage = page;
    document.title = page.title + ' · orderflow console';
    page.render(document.getElementById('main'));
    refresh();
}

async function refresh() {
    if (!currentPage || refreshing) return;
    refreshing = true;
    const page = currentPage;
    try {
        await page.refresh();
        document.getElementById('refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (e) {
        if (e.status !== 401 && page === currentPage) notice('Could not load ' + page.title.toLowerCase() + ' — ' + e.message, true);
    } finally {
        refreshing = false;
    }
}

window.addEventListener('hashchange', route);
setInterval(() => { if (!document.hidden) refresh(); }, POLL_MS);

(function start() {
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) {
        signIn(saved);
    } else {
        renderLogin();
    }
})();
