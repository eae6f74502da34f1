(function () {
  "use strict";
  // Click a known error in the legend or the summary table to pick out its bars; click again to undo.
  document.documentElement.setAttribute("data-js", "on");
  var picked = null;
  function pick(id) {
    picked = picked === id ? null : id;
    document.querySelectorAll("[data-id]").forEach(function (el) {
      var mine = el.getAttribute("data-id") === picked;
      el.classList.toggle("dim", picked !== null && !mine && !el.classList.contains("entry"));
      el.classList.toggle("on", mine);
    });
  }
  document.querySelectorAll(".legend li[data-id], #summary tr[data-id]").forEach(function (el) {
    el.addEventListener("click", function () { pick(el.getAttribute("data-id")); });
  });
})();
