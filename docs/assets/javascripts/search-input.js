/* Search as you type, whatever the input method; load the index early for
 * readers who search.
 *
 * Material runs a query on "keyup" only. Text that arrives without a keyup —
 * pasted with the mouse, committed by some Chinese input methods, inserted by
 * dictation or assistive software — would sit in the box unsearched. On every
 * completed input we replay a keyup, so Material searches the current text.
 *
 * The first time the search box gets focus we note it in Material's storage
 * (scoped to this site); on later pages the patched bundle then loads the
 * search index with the page instead of waiting for the box (see
 * macros/search/worker_patch.py, SEARCH_USED).
 */
(function () {
  document.addEventListener("focusin", function (event) {
    var box = event.target;
    if (box && box.classList && box.classList.contains("md-search__input") && typeof __md_set === "function") {
      __md_set("guide.search.used", true);
    }
  }, true);
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box || !box.classList || !box.classList.contains("md-search__input")) return;
    if (event.isComposing) return; // the IME is still composing: wait for the result
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Process" }));
  }, true);
  document.addEventListener("compositionend", function (event) {
    var box = event.target;
    if (box && box.classList && box.classList.contains("md-search__input")) {
      box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Process" }));
    }
  }, true);
})();
