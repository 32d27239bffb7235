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

  function bindFilters(root) {
    root.querySelectorAll("[data-autosubmit]").forEach(function (box) {
      box.addEventListener("change", function () { box.form.submit(); });
    });
  }

  function bind(root) {
    bindComposer(root);
    bindFilters(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    bind(document);
    scrollTimeline();
    startLive();
  });
  // A session that ended mid-page: the action was redirected to the sign-in form. Go there
  // instead of swapping the form into the workspace.
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
