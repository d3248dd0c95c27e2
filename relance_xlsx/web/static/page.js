// The page's only script: tell the server the page is open, and follow a job's progress.
(function () {
  "use strict";
  // A page restored by Back from the browser's memory (bfcache) is asked again: it would
  // show a state the server has moved past (a preview already confirmed, a stopped server).
  window.addEventListener("pageshow", function (e) { if (e.persisted) { window.location.reload(); } });
  var token = document.querySelector('meta[name="jeton"]').content;
  function post(url) {
    return fetch(url, { method: "POST", headers: { "X-Relance-Jeton": token }, credentials: "same-origin" });
  }
  // « Quitter » stops the page: asked once, so that a stray click does not.
  var quit = document.querySelector("form.quit");
  if (quit) {
    quit.addEventListener("submit", function (e) {
      if (!window.confirm("Quitter : la page s'arrête (les fichiers déjà écrits restent). Continuer ?")) { e.preventDefault(); }
    });
  }
  // The first field in error gets the focus: the person types the fix at once.
  var wrong = document.querySelector(".field.wrong input, .field.wrong select, .field.wrong textarea");
  if (wrong) { wrong.focus(); }
  post("/battement");
  setInterval(function () { post("/battement"); }, 10000);
  var follow = document.getElementById("suivi");
  if (!follow) { return; }
  var bar = document.getElementById("barre");
  var label = document.getElementById("etape");
  function poll() {
    fetch("/etat", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (s) {
      if (s.finished) { window.location.reload(); return; }
      label.textContent = s.label + "…";
      bar.max = s.total || 1;
      // A step whose count is done but still working shows no full bar: it moves, unmeasured.
      if (s.total && s.done < s.total) { bar.value = s.done; } else { bar.removeAttribute("value"); }
      setTimeout(poll, 400);
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
