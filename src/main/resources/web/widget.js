// kefu chat widget (first cut; replaced by the full widget).
(function () {
  "use strict";
  var base = (document.currentScript && document.currentScript.getAttribute("data-api")) || "";
  var host = document.createElement("div");
  document.body.appendChild(host);
  var root = host.attachShadow({ mode: "open" });
  var log = document.createElement("div");
  var input = document.createElement("input");
  input.setAttribute("aria-label", "输入您的问题");
  root.appendChild(log);
  root.appendChild(input);
  var conversationId = null;
  input.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" || e.isComposing || !input.value.trim()) return;
    var text = input.value;
    input.value = "";
    fetch(base + "/api/messages", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ conversationId: conversationId, text: text }) })
      .then(function (r) { return r.json(); })
      .then(function (reply) {
        conversationId = reply.conversationId;
        var line = document.createElement("p");
        line.textContent = reply.reply;
        log.appendChild(line);
      });
  });
})();
