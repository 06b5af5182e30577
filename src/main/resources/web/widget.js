/*!
 * kefu chat widget — embed with one tag:
 *   <script src="https://HOST/widget.js" defer
 *           data-title="智能 在线客服" data-greeting="您好…" data-position="bottom-right|bottom-left"
 *           data-accent="#1677ff" data-api="https://HOST" data-questions="问题一|问题二"></script>
 * This loader only imports the widget's ES modules (HOST/widget/main.js and what it imports) and
 * hands them this tag, whose data-* attributes configure the widget. No build step, no globals but window.kefu.
 */
(() => {
  const script = document.currentScript;
  const base = script && script.src ? script.src : location.href;
  import(new URL("widget/main.js", base).href)
    .then((widget) => widget.start(script))
    .catch((e) => console.error("kefu widget could not start:", e));
})();
