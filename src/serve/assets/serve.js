// careerpress serve: keeps the index and the viewer up to date. The server
// says on /events (server-sent events) when anything changed; the page then
// fetches itself again and swaps in its live part, and the viewer reloads
// the document it shows when that document was rebuilt, keeping the place
// the reader had scrolled to. The documents themselves carry no script.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.EventSource) return;
  var shown = Number(live.dataset.generation);
  var busy = false, again = false;

  function frame() { return document.getElementById("doc"); }

  function reloadDocument(version) {
    var f = frame();
    if (!f) { location.reload(); return; }
    var y = 0;
    try { y = f.contentWindow.scrollY; } catch (e) { /* not ours */ }
    f.addEventListener("load", function () {
      try { f.contentWindow.scrollTo(0, y); } catch (e) { /* not ours */ }
    }, { once: true });
    f.src = f.src.replace(/\?v=\d+$/, "") + "?v=" + version;
  }

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.pathname, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var fresh = doc.getElementById("live");
        var now = document.getElementById("live");
        if (!fresh || !now) return;
        var before = now.dataset.version;
        now.replaceWith(document.importNode(fresh, true));
        shown = Number(fresh.dataset.generation);
        document.title = doc.title;
        if (fresh.dataset.version !== undefined && fresh.dataset.version !== before) {
          reloadDocument(fresh.dataset.version);
        }
      })
      .catch(function () { /* the next change tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }

  // Only a tab on show listens: a browser keeps about six connections to
  // one server, and each listening tab holds one. A tab shown again hears
  // the current state at once, and catches up if it missed anything.
  var events = null;
  function listen() {
    if (events) return;
    events = new EventSource("/events");
    events.addEventListener("change", function (e) {
      var generation = Number(JSON.parse(e.data).generation);
      if (generation !== shown) refresh();
    });
  }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      if (events) { events.close(); events = null; }
    } else {
      listen();
    }
  });
  if (!document.hidden) listen();
})();
