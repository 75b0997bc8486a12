/*
 * 总结和要点对照 page: paste or open a summary and a plan (shared.js reads
 * them), list each problem of the summary with the plan line that answers it
 * (GuideChecker.matchPlan, engine.js, over GUIDE_CHECKER_DATA). Nothing leaves
 * the computer; both texts are kept in localStorage until the user clicks 清空.
 */
(function () {
  "use strict";
  var KEYS = { summary: "guide-plan-match-summary-v1", plan: "guide-plan-match-plan-v1" };

  var $ = window.GuidePage.byId, el = window.GuidePage.el;

  function render(list, status, result, hasSummary, hasPlan) {
    list.textContent = "";
    if (!hasSummary || !hasPlan) {
      status.textContent = hasSummary || hasPlan ? "请把另一份材料也粘贴或打开，再点“对照”。" : "";
      return;
    }
    if (result.problems === null) {
      status.textContent = "总结里没有找到问题部分：问题部分要有单独一行标题，标题里有“问题”“不足”“差距”等字样，" +
        "例如“二、存在的问题及原因”。";
      return;
    }
    if (!result.problems.length) {
      status.textContent = "问题部分里没有找到分条的问题（一是、二是，或小标题、段落）。";
      return;
    }
    var missing = result.problems.filter(function (p) { return !p.matched; }).length;
    status.textContent = "共 " + result.problems.length + " 条问题：" + (result.problems.length - missing) +
      " 条在要点里找到对应的任务，" + missing + " 条没有找到。";
    result.problems.forEach(function (p) {
      var item = el("li", "plan-match-item " + (p.matched ? "plan-match-found" : "plan-match-missing"));
      var head = el("div", "plan-match-problem");
      head.appendChild(el("span", "plan-match-where", "总结第" + p.line + "行"));
      head.appendChild(document.createTextNode(p.text));
      item.appendChild(head);
      if (p.matched) {
        var answer = el("div", "plan-match-answer");
        answer.appendChild(el("span", "plan-match-where", "→ 要点第" + p.plan_line + "行"));
        answer.appendChild(document.createTextNode(p.plan_text));
        item.appendChild(answer);
        item.appendChild(el("div", "plan-match-shared", "共同的词：" + p.shared.join("、")));
      } else {
        item.appendChild(el("div", "plan-match-answer plan-match-none", "→ 要点里没有找到对应的任务，请补上一条。"));
      }
      list.appendChild(item);
    });
  }

  function init() {
    var summary = $("plan-match-summary"), plan = $("plan-match-plan");
    if (!summary || !plan) return;
    var status = $("plan-match-status"), list = $("plan-match-list"), data = window.GUIDE_CHECKER_DATA;
    if (!data || !window.GuideChecker) {
      status.textContent = "规则数据没有加载，请确认 downloads/checker-data.js 与本页一同部署。";
      return;
    }
    function run() {
      var result = window.GuideChecker.matchPlan(summary.value, plan.value, data);
      render(list, status, result, !!summary.value.trim(), !!plan.value.trim());
    }
    var boxes = { summary: summary, plan: plan }, drafts = {};
    Object.keys(KEYS).forEach(function (k) { drafts[KEYS[k]] = boxes[k]; });
    var save = window.GuidePage.keepDrafts(drafts, status, run, $("plan-match-run"), $("plan-match-clear"));
    Object.keys(boxes).forEach(function (k) {
      window.GuidePage.openInto($("plan-match-" + k + "-file"), status, function (text) {
        boxes[k].value = text; save(); run();
      });
    });
    run();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
