/* Accessible names for markup that Material renders in the browser.
 * The numbered markers of annotations (范文评注) are links with no text of
 * their own (the number comes from CSS), so screen readers announce an empty
 * link. Each gets aria-label="注释 N". Checked by axe-core in
 * tests/test_hosting_a11y.py. */
(function () {
  function nameMarkers() {
    var markers = document.querySelectorAll("a.md-annotation__index:not([aria-label])");
    for (var i = 0; i < markers.length; i++) {
      var id = markers[i].querySelector("[data-md-annotation-id]");
      markers[i].setAttribute("aria-label", "注释 " + (id ? id.getAttribute("data-md-annotation-id") : ""));
    }
  }
  new MutationObserver(nameMarkers).observe(document.documentElement, { childList: true, subtree: true });
  nameMarkers();
})();
