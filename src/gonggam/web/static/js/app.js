// gonggam web UI: live updates over server-sent events, composer niceties. No build step.
(function () {
  "use strict";

  // Live updates: the server says "something was committed"; htmx re-fetches what is shown.
  function startLive() {
    var url = document.body.dataset.liveUrl;
    if (!url || !window.EventSource) return;
    var indicator = document.getElementById("live-indicator");
    var source = new EventSource(url);
    var pending = null;
    source.addEventListener("ready", function () {
      if (indicator) indicator.hidden = false;
    });
    source.addEventListener("change", function () {
      // Several changes close together become one refresh.
      if (pending) return;
      pending = setTimeout(function () {
        pending = null;
        if (window.htmx) window.htmx.trigger(document.body, "gonggam:changed");
      }, 150);
    });
    source.onerror = function () {
      if (indicator) indicator.hidden = true;
    };
    window.addEventListener("pagehide", function () { source.close(); });
  }

  function scrollTimeline() {
    var timeline = document.getElementById("timeline");
    if (timeline) timeline.scrollTop = timeline.scrollHeight;
  }

  // Reply / internal note: the placeholder and the look follow the chosen mode.
  function bindComposer(root) {
    var form = root.querySelector("#composer-form");
    if (!form) return;
    var textarea = form.querySelector("textarea[name=text]");
    // Called again after every swap; a second keydown listener would send twice.
    if (form.dataset.bound) return;
    form.dataset.bound = "1";
    function sync() {
      var mode = form.querySelector("input[name=mode]:checked");
      var note = mode && mode.value === "note";
      form.classList.toggle("is-note", note);
      textarea.placeholder = note ? textarea.dataset.notePlaceholder : textarea.dataset.replyPlaceholder;
    }
    form.querySelectorAll("input[name=mode]").forEach(function (radio) {
      radio.addEventListener("change", sync);
    });
    // Ctrl/Cmd+Enter sends; never while Hangul is still being composed by the input method.
    textarea.addEventListener("keydown", function (event) {
      if (event.isComposing || event.keyCode === 229) return;
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    sync();
  }


  // Live coaching: the text being written is coached after a short pause; cliché spans are
  // painted on a layer under the (transparent) textarea. The textarea itself is never
  // touched while typing, so Hangul composition is not disturbed.
  function bindCoach(form) {
    var panel = form.querySelector("#coach-panel");
    var textarea = form.querySelector("textarea[name=text]");
    if (!panel || !textarea || panel.dataset.bound) return;
    panel.dataset.bound = "1";
    var csrf = document.querySelector("meta[name=csrf-token]").content;
    // The highlight layer is rendered with the page: moving the textarea into it here would
    // blur it, and keys typed while the page was still loading would go nowhere.
    var mirror = form.querySelector(".coach-mirror");
    if (!mirror) return;
    var spans = [];
    var seq = 0;
    var timer = null;

    function isNote() {
      var mode = form.querySelector("input[name=mode]:checked");
      return mode && mode.value === "note";
    }
    function readSpans(text) {
      var box = panel.querySelector("[data-cliches]");
      var raw = box ? JSON.parse(box.dataset.cliches) : [];
      return raw.map(function (s) { return { start: s[0], end: s[1], text: text.slice(s[0], s[1]) }; });
    }
    function paint() {
      var value = textarea.value;
      // A span survives edits elsewhere only while its words are still where they were.
      spans = spans.filter(function (s) { return value.slice(s.start, s.end) === s.text; });
      mirror.textContent = "";
      var at = 0;
      spans.forEach(function (s) {
        mirror.appendChild(document.createTextNode(value.slice(at, s.start)));
        var mark = document.createElement("mark");
        mark.textContent = value.slice(s.start, s.end);
        mirror.appendChild(mark);
        at = s.end;
      });
      mirror.appendChild(document.createTextNode(value.slice(at) + "\n"));
      mirror.scrollTop = textarea.scrollTop;
    }
    function run() {
      clearTimeout(timer);
      var text = textarea.value;
      var mine = ++seq;
      if (isNote() || !text.trim()) {
        panel.textContent = "";
        spans = [];
        paint();
        return;
      }
      var body = new URLSearchParams({ text: text, mode: "reply" });
      fetch(panel.dataset.coachUrl, {
        method: "POST",
        headers: { "X-CSRF-Token": csrf },
        body: body,
        credentials: "same-origin",
      }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
        if (html === null || mine !== seq) return;
        panel.innerHTML = html;
        spans = textarea.value === text ? readSpans(text) : [];
        paint();
      }).catch(function () { /* offline: coaching resumes with the next keystroke */ });
    }
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, 300);
    }
    textarea.addEventListener("input", function () { paint(); schedule(); });
    textarea.addEventListener("scroll", function () { mirror.scrollTop = textarea.scrollTop; });
    form.querySelectorAll("input[name=mode]").forEach(function (radio) {
      radio.addEventListener("change", run);
    });
    // Where an inserted sentence goes: at the caret (or over the selection) when the agent
    // was writing in the composer, else at the end. Pressing the button blurs the textarea,
    // which commits any Hangul still being composed before the sentence is placed.
    var caretActive = false;
    panel.addEventListener("mousedown", function (event) {
      if (event.target.closest("[data-insert]")) caretActive = document.activeElement === textarea;
    });
    panel.addEventListener("click", function (event) {
      var button = event.target.closest("[data-insert]");
      if (!button) return;
      var value = textarea.value;
      var start = caretActive ? textarea.selectionStart : value.length;
      var end = caretActive ? textarea.selectionEnd : value.length;
      caretActive = false;
      var before = start > 0 && !/\s/.test(value.charAt(start - 1)) ? " " : "";
      var after = end < value.length && !/\s/.test(value.charAt(end)) ? " " : "";
      textarea.setRangeText(before + button.dataset.insert + after, start, end, "end");
      if (after) textarea.setSelectionRange(textarea.selectionEnd - 1, textarea.selectionEnd - 1);
      textarea.focus();
      paint();
      run();
    });
    var draft = form.querySelector("#draft");
    if (draft) {
      draft.addEventListener("click", function (event) {
        event.preventDefault();
        draft.disabled = true;
        fetch(panel.dataset.draftUrl, {
          method: "POST", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin",
        }).then(function (r) { return r.ok ? r.json() : null; }).then(function (body) {
          draft.disabled = false;
          if (!body) return;
          textarea.value = body.text;
          textarea.focus();
          paint();
          run();
        }).catch(function () { draft.disabled = false; });
      });
    }
    if (panel.querySelector("[data-cliches]")) spans = readSpans(textarea.value);
    paint();
    if (textarea.value.trim() && !panel.querySelector("[data-cliches]")) run();
  }

  function bindFilters(root) {
    root.querySelectorAll("[data-autosubmit]").forEach(function (box) {
      box.addEventListener("change", function () { box.form.submit(); });
    });
  }

  function bind(root) {
    bindComposer(root);
    var composer = root.querySelector("#composer-form");
    if (composer) bindCoach(composer);
    bindFilters(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    bind(document);
    scrollTimeline();
    startLive();
  });
  // A session that ended mid-page: the action was redirected to the sign-in form. Go there
  // instead of swapping the form into the workspace.
  // What the agent was writing survives every other action on the page (status, assign,
  // transfer, protection, corrections): those swap the whole workspace, composer included.
  // Only sending it (the reply form) empties the composer.
  var keptDraft = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var path = event.detail && event.detail.requestConfig && event.detail.requestConfig.path;
    var composer = document.getElementById("composer");
    var mode = document.querySelector("#composer-form input[name=mode]:checked");
    keptDraft = null;
    if (composer && composer.value.trim() && !(path && /\/reply$/.test(path))) {
      keptDraft = { text: composer.value, mode: mode ? mode.value : "reply" };
    }
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail && event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === "/login") {
      event.detail.shouldSwap = false;
      var here = window.location.pathname + window.location.search;
      window.location.assign("/login?next=" + encodeURIComponent(here));
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    var composer = document.getElementById("composer");
    if (keptDraft && composer && !composer.value.trim()) {
      composer.value = keptDraft.text;
      var radio = document.querySelector(
        "#composer-form input[name=mode][value=" + keptDraft.mode + "]");
      if (radio) radio.checked = true;
    }
    keptDraft = null;
    bind(document);
    if (target && (target.id === "timeline" || target.id === "workspace" || !target.isConnected)) {
      scrollTimeline();
    }
    // After sending, the fresh composer is ready for the next message.
    var verb = event.detail && event.detail.requestConfig && event.detail.requestConfig.path;
    if (verb && /\/reply$/.test(verb)) {
      var composer = document.getElementById("composer");
      if (composer) composer.focus();
    }
  });
})();
