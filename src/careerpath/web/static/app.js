// Progressive enhancement only: every form works without this file.
(function () {
  "use strict";
  // Title autocomplete: fill the input's <datalist> from /api/v1/suggest (native, keyboard-accessible).
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("data-suggest"));
    var timer = null, last = "", controller = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === last) return;
        last = q;
        if (controller) controller.abort();
        controller = new AbortController();
        fetch("/api/v1/suggest?q=" + encodeURIComponent(q) + "&limit=8", {signal: controller.signal})
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.replaceChildren.apply(list, items.map(function (s) {
              var o = document.createElement("option");
              o.value = s.title;
              if (s.occupation !== s.title) o.label = s.occupation;
              return o;
            }));
          })
          .catch(function () {});
      }, 120);
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  // Saved plans: each tick saves itself (a normal form POST; the buttons do the same without JS).
  var progressForm = document.getElementById("progress-form");
  if (progressForm) {
    document.querySelectorAll('input[type=checkbox][form="progress-form"]').forEach(function (box) {
      box.addEventListener("change", function () {
        progressForm.querySelector('input[name="anchor"]').value = box.id;
        progressForm.submit();
      });
    });
  }
  // Cacheable pathway pages carry nothing per visitor: this call counts the visit (once per
  // visitor per day) and returns the count and this visitor's form token.
  var counter = document.querySelector("#view-count[data-visit]");
  if (counter) {
    fetch(counter.getAttribute("data-visit"), {method: "POST", credentials: "same-origin",
                                               headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (live) {
        if (!live) return;
        if (live.views === null) {
          counter.textContent = "View counter unavailable";
        } else {
          counter.setAttribute("data-views", String(live.views));
          counter.textContent = live.views.toLocaleString("en-US") + (live.views === 1 ? " view" : " views");
        }
        document.querySelectorAll('input[name="csrf_token"]').forEach(function (field) {
          if (!field.value) field.value = live.csrf;
        });
      })
      .catch(function () {});
  }
  var saved = document.getElementById("saved-link");
  if (saved) saved.addEventListener("focus", function () { saved.select(); });
})();
