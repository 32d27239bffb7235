/* gonggam chat widget. One script tag on the host site:
 *   <script src="https://desk.example/static/widget.js" data-lang="ko" data-token="…" async></script>
 * Plain JS, no build step. Customer and agent text is only ever set with textContent.
 * Protocol: see gonggam/channels/chat/api.py. */
(function () {
  "use strict";
  if (window.__gonggamWidget) return;
  window.__gonggamWidget = true;

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  var origin = new URL(script.src, location.href).origin;
  var lang = script.getAttribute("data-lang") || (navigator.language || "ko").slice(0, 2);
  var token = script.getAttribute("data-token") || null;
  var BACKOFF = [500, 1000, 2000, 4000, 8000, 15000, 30000];

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  function stored(key, make) {
    try {
      var value = localStorage.getItem(key);
      if (!value) { value = make(); localStorage.setItem(key, value); }
      return value;
    } catch (e) { return make(); }
  }
  var visitorId = stored("gonggam.visitor", newId);
  var pendingKey = "gonggam.pending." + (token ? "signed" : visitorId);
  function loadPending() {
    try { return JSON.parse(localStorage.getItem(pendingKey) || "[]"); } catch (e) { return []; }
  }
  function savePending() {
    try { localStorage.setItem(pendingKey, JSON.stringify(pending)); } catch (e) { /* private mode */ }
  }
  var pending = loadPending(); // messages not yet acknowledged: resent after every reconnect

  var words = {};
  function t(key, values) {
    var text = words[key] || "";
    Object.keys(values || {}).forEach(function (k) { text = text.replace("{" + k + "}", values[k]); });
    return text;
  }

  var CSS = [
    ":host{all:initial}",
    "*{box-sizing:border-box;font-family:Pretendard,'Noto Sans KR','Apple SD Gothic Neo','Malgun Gothic',system-ui,sans-serif}",
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 20px;background:#2f6bff;color:#fff;font-size:15px;font-weight:600;box-shadow:0 6px 20px rgba(20,40,90,.25);cursor:pointer}",
    ".panel{position:fixed;right:20px;bottom:20px;z-index:2147483001;width:370px;height:560px;max-height:calc(100vh - 40px);display:flex;flex-direction:column;background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(20,40,90,.28);overflow:hidden;color:#1d2330;font-size:14px;line-height:1.5;word-break:keep-all;overflow-wrap:anywhere}",
    ".panel[hidden],.launcher[hidden],[hidden]{display:none!important}",
    ".head{background:#2f6bff;color:#fff;padding:14px 16px;display:flex;align-items:center;gap:8px}",
    ".head .titles{flex:1;min-width:0}.head h2{margin:0;font-size:16px}.head small{opacity:.85}",
    ".head button{border:0;background:rgba(255,255,255,.18);color:#fff;border-radius:8px;padding:6px 10px;cursor:pointer;font-size:13px}",
    ".notice{padding:8px 14px;font-size:13px;background:#eef4ff;color:#1d3d8f;border-bottom:1px solid #dfe6f5}",
    ".notice.offline{background:#fff7db;color:#6a4b00;border-color:#f0d98a}",
    ".notice.conn{background:#f4f4f6;color:#555}",
    ".log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;background:#f7f8fb}",
    ".msg{max-width:82%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;word-break:keep-all;overflow-wrap:anywhere}",
    ".msg.in{align-self:flex-end;background:#2f6bff;color:#fff;border-bottom-right-radius:4px}",
    ".msg.out,.msg.sys{align-self:flex-start;background:#fff;border:1px solid #e3e6eb;border-bottom-left-radius:4px}",
    ".msg.sys{color:#555}",
    ".who{display:block;font-size:11px;color:#6b7385;margin-bottom:2px}",
    ".state{display:block;font-size:11px;opacity:.8;margin-top:2px}",
    ".email{display:flex;gap:6px;padding:8px 14px;border-top:1px solid #eee;flex-wrap:wrap;font-size:13px}",
    ".email p{margin:0;width:100%;color:#555}",
    ".email input{flex:1;min-width:0;padding:7px 9px;border:1px solid #cfd5df;border-radius:8px;font-size:14px}",
    ".email button,.compose button{border:0;border-radius:8px;background:#2f6bff;color:#fff;padding:8px 14px;font-size:14px;cursor:pointer}",
    ".compose{display:flex;gap:8px;padding:10px;border-top:1px solid #e3e6eb;background:#fff}",
    ".compose textarea:focus,.email input:focus{outline:2px solid #2f6bff;outline-offset:-1px;border-color:#2f6bff}",
    ".compose textarea{flex:1;resize:none;border:1px solid #cfd5df;border-radius:10px;padding:8px 10px;font-size:15px;line-height:1.4;height:44px;max-height:120px}",
    "@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:100%;max-height:none;border-radius:0}.launcher{right:14px;bottom:14px}}"
  ].join("\n");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  var ui = {};
  function build() {
    var host = el("div");
    host.id = "gonggam-chat";
    document.body.appendChild(host);
    var root = host.attachShadow({ mode: "open" });
    var style = el("style");
    style.textContent = CSS;
    root.appendChild(style);
    ui.launcher = el("button", "launcher", t("launcher"));
    ui.launcher.type = "button";
    ui.panel = el("section", "panel");
    ui.panel.hidden = true;
    ui.panel.setAttribute("role", "dialog");
    ui.panel.setAttribute("aria-label", t("title"));
    var head = el("div", "head");
    var titles = el("div", "titles");
    titles.appendChild(el("h2", null, t("title")));
    titles.appendChild(el("small", null, t("subtitle")));
    ui.close = el("button", null, t("close"));
    ui.close.type = "button";
    head.appendChild(titles);
    head.appendChild(ui.close);
    ui.conn = el("div", "notice conn", t("connecting"));
    ui.queue = el("div", "notice queue");
    ui.queue.hidden = true;
    ui.offline = el("div", "notice offline", t("offline"));
    ui.offline.hidden = true;
    ui.log = el("div", "log");
    ui.log.setAttribute("aria-live", "polite");
    ui.log.appendChild(el("div", "msg sys", t("welcome")));
    ui.email = el("form", "email");
    ui.email.hidden = true;
    ui.emailNote = el("p", null, t("email_prompt"));
    ui.emailInput = el("input");
    ui.emailInput.type = "email";
    ui.emailInput.placeholder = t("email_placeholder");
    ui.emailInput.setAttribute("aria-label", t("email_placeholder"));
    var save = el("button", null, t("email_save"));
    save.type = "submit";
    ui.email.appendChild(ui.emailNote);
    ui.email.appendChild(ui.emailInput);
    ui.email.appendChild(save);
    var compose = el("form", "compose");
    ui.input = el("textarea");
    ui.input.id = "gonggam-input";
    ui.input.rows = 1;
    ui.input.placeholder = t("placeholder");
    ui.input.setAttribute("aria-label", t("placeholder"));
    ui.send = el("button", null, t("send"));
    ui.send.type = "submit";
    compose.appendChild(ui.input);
    compose.appendChild(ui.send);
    [head, ui.conn, ui.queue, ui.offline, ui.log, ui.email, compose].forEach(function (n) { ui.panel.appendChild(n); });
    root.appendChild(ui.launcher);
    root.appendChild(ui.panel);

    ui.launcher.addEventListener("click", function () { toggle(true); });
    ui.close.addEventListener("click", function () { toggle(false); });
    compose.addEventListener("submit", function (event) { event.preventDefault(); sendTyped(); });
    ui.input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.shiftKey) return;
      // Hangul IME: Enter while a syllable is composing commits it; it must not send.
      if (event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      sendTyped();
    });
    ui.email.addEventListener("submit", function (event) {
      event.preventDefault();
      var email = ui.emailInput.value.trim();
      if (email) transmit({ type: "contact", email: email });
    });
  }

  function toggle(open) {
    ui.panel.hidden = !open;
    ui.launcher.hidden = open;
    if (open) { unread = 0; ui.launcher.textContent = t("launcher"); connect(); ui.input.focus(); scrollDown(); }
  }
  function scrollDown() { ui.log.scrollTop = ui.log.scrollHeight; }

  var shownIds = {};
  var lastId = 0;
  var unread = 0;
  function bubble(direction, text, author) {
    var node = el("div", "msg " + direction);
    if (direction === "out") node.appendChild(el("span", "who", author || t("agent")));
    node.appendChild(document.createTextNode(text));
    ui.log.appendChild(node);
    scrollDown();
    return node;
  }
  function markState(node, text) {
    var state = node.querySelector(".state");
    if (!text) { if (state) state.remove(); return; }
    if (!state) { state = el("span", "state"); node.appendChild(state); }
    state.textContent = text;
  }
  function pendingNode(clientId) { return ui.log.querySelector('[data-client-id="' + clientId + '"]'); }

  function sendTyped() {
    var text = ui.input.value.trim();
    if (!text) return;
    ui.input.value = ""; // cleared at once: a second Enter finds nothing to send
    var item = { client_id: newId(), text: text };
    pending.push(item);
    savePending();
    var node = bubble("in", text);
    node.setAttribute("data-client-id", item.client_id);
    markState(node, t("sending"));
    transmit({ type: "message", client_id: item.client_id, text: text });
  }

  function showMessage(frame) {
    lastId = Math.max(lastId, frame.id);
    if (shownIds[frame.id]) return;
    shownIds[frame.id] = true;
    var node = frame.client_id ? pendingNode(frame.client_id) : null;
    if (node) { node.setAttribute("data-id", frame.id); return; }
    if (frame.direction === "out" && ui.panel.hidden) {
      unread += 1; // the socket stays open while the panel is closed
      ui.launcher.textContent = t("launcher") + " (" + unread + ")";
    }
    node = bubble(frame.direction === "in" ? "in" : "out", frame.text, frame.author);
    node.setAttribute("data-id", frame.id);
    if (frame.client_id) node.setAttribute("data-client-id", frame.client_id);
  }
  function acknowledged(frame) {
    pending = pending.filter(function (p) { return p.client_id !== frame.client_id; });
    savePending();
    var node = pendingNode(frame.client_id);
    if (node) { node.setAttribute("data-id", frame.message_id); markState(node, ""); }
    shownIds[frame.message_id] = true;
    lastId = Math.max(lastId, frame.message_id);
  }
  function showStatus(frame) {
    ui.offline.hidden = frame.agents_online;
    if (!frame.agents_online && !ui.emailDone) ui.email.hidden = false;
    if (frame.position) {
      var parts = [t("position", { n: frame.position })];
      if (frame.estimated_wait_seconds != null) {
        parts.push(frame.estimated_wait_seconds < 60 ? t("wait_soon") : t("wait", { m: Math.round(frame.estimated_wait_seconds / 60) }));
      }
      ui.queue.textContent = parts.join(", ");
      ui.queue.hidden = false;
    } else {
      ui.queue.hidden = true;
    }
  }
  function refused(frame) {
    if (frame.code === "bad_token") { stopped = true; ui.conn.textContent = t("bad_token"); ui.conn.hidden = false; return; }
    if (frame.code === "bad_email") { ui.emailNote.textContent = t("email_bad"); return; }
    if (frame.client_id) {
      var node = pendingNode(frame.client_id);
      pending = pending.filter(function (p) { return p.client_id !== frame.client_id; });
      savePending();
      if (node) markState(node, frame.code === "too_long" ? t("too_long") : frame.message);
    }
  }

  var socket = null, attempt = 0, stopped = false, timer = null;
  function transmit(frame) {
    if (socket && socket.readyState === WebSocket.OPEN && socket.ready) socket.send(JSON.stringify(frame));
    // Otherwise the message waits in `pending` and goes out after the next hello.
  }
  function connect() {
    if (socket || stopped) return;
    var ws = new WebSocket(origin.replace(/^http/, "ws") + "/chat/ws");
    socket = ws;
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: "hello", visitor_id: visitorId, token: token, after: lastId, page: location.href }));
    };
    ws.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === "ready") {
        ws.ready = true;
        attempt = 0;
        ui.conn.hidden = true;
        pending.forEach(function (p) {
          var node = pendingNode(p.client_id);
          if (node) markState(node, t("sending"));
          ws.send(JSON.stringify({ type: "message", client_id: p.client_id, text: p.text }));
        });
      } else if (frame.type === "message") showMessage(frame);
      else if (frame.type === "ack") acknowledged(frame);
      else if (frame.type === "status") showStatus(frame);
      else if (frame.type === "contact_saved") { ui.emailDone = true; ui.emailNote.textContent = t("email_saved"); ui.emailInput.hidden = true; ui.email.querySelector("button").hidden = true; }
      else if (frame.type === "error") refused(frame);
    };
    ws.onclose = function () {
      socket = null;
      if (stopped) return;
      ui.conn.textContent = t("reconnecting");
      ui.conn.hidden = false;
      pending.forEach(function (p) { var n = pendingNode(p.client_id); if (n) markState(n, t("failed")); });
      var delay = BACKOFF[Math.min(attempt, BACKOFF.length - 1)] * (0.75 + Math.random() * 0.5);
      attempt += 1;
      clearTimeout(timer);
      timer = setTimeout(connect, delay);
    };
  }

  function start() {
    fetch(origin + "/chat/words?lang=" + encodeURIComponent(lang))
      .then(function (r) { return r.json(); })
      .then(function (found) {
        words = found;
        build();
        pending.forEach(function (p) { markState(bubbleFor(p), t("sending")); });
        if (pending.length) toggle(true);
      })
      .catch(function () { setTimeout(start, 3000); });
  }
  function bubbleFor(item) {
    var node = bubble("in", item.text);
    node.setAttribute("data-client-id", item.client_id);
    return node;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  window.GonggamChat = { open: function () { toggle(true); }, close: function () { toggle(false); } };
})();
