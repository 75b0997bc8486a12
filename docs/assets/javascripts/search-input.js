/* Search as you type, whatever the input method.
 *
 * Material runs a query on "keyup" only. Text that arrives without a keyup —
 * pasted with the mouse, committed by some Chinese input methods, inserted by
 * dictation or assistive software — would sit in the box unsearched. On every
 * completed input we replay a keyup, so Material searches the current text.
 */
(function () {
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
