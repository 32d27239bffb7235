// Channel helpers on the conversation page: one-click reply suggestions and the length limit.
(function () {
  "use strict";
  if (window.gonggamChannels) return; // htmx may run this again after a swap
  window.gonggamChannels = true;

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-insert-text]");
    if (!button) return;
    var composer = document.getElementById("composer");
    if (!composer) return;
    var reply = document.querySelector("#composer-form input[name=mode][value=reply]");
    if (reply) reply.click();
    var text = button.dataset.insertText;
    composer.value = composer.value.trim() ? composer.value.trim() + "\n\n" + text : text;
    composer.dispatchEvent(new Event("input", { bubbles: true }));
    composer.focus();
  });

  // "1,234 / 1,000 — sent in 2 parts": the agent sees the split before sending.
  function count() {
    var hint = document.getElementById("channel-limit");
    var composer = document.getElementById("composer");
    if (!hint || !composer) return;
    var limit = parseInt(hint.dataset.limit, 10);
    var length = composer.value.length;
    var out = hint.querySelector(".limit-count");
    var parts = Math.ceil(length / limit);
    out.textContent = length.toLocaleString() + " / " + limit.toLocaleString() +
      (parts > 1 ? " → " + parts + (document.documentElement.lang === "en" ? " parts" : "개로 나눠 보냄") : "");
    hint.classList.toggle("over", length > limit);
  }
  document.addEventListener("input", function (event) {
    if (event.target && event.target.id === "composer") count();
  });
  document.addEventListener("htmx:afterSwap", count);
  document.addEventListener("DOMContentLoaded", count);
})();
