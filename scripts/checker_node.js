#!/usr/bin/env node
// Run the browser engine in node:
//   node scripts/checker_node.js DATA.json < cases.json               stdin: [{"text", "year"}], stdout: findings lists
//   node scripts/checker_node.js DATA.json --plan-match < pairs.json  stdin: [{"summary", "plan"}], stdout: matchPlan results
"use strict";
const fs = require("fs");
const path = require("path");
const engine = require(path.join(__dirname, "..", "docs", "assets", "javascripts", "checker", "engine.js"));
const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const out = process.argv.includes("--plan-match")
  ? cases.map((c) => engine.matchPlan(c.summary, c.plan, data))
  : cases.map((c) => engine.check(c.text, data, c.year || null).map((f) => {
    delete f.offset; delete f.units; return f;
  }));
process.stdout.write(JSON.stringify(out));
