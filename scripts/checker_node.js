#!/usr/bin/env node
// Run the browser engine in node: node scripts/checker_node.js DATA.json [--year Y] < cases.json
// stdin: a JSON list of {"text": ..., "year": ...}; stdout: a JSON list of findings lists.
"use strict";
const fs = require("fs");
const path = require("path");
const engine = require(path.join(__dirname, "..", "docs", "assets", "javascripts", "checker", "engine.js"));
const data = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const out = cases.map((c) => engine.check(c.text, data, c.year || null).map((f) => {
  delete f.offset; delete f.units; return f;
}));
process.stdout.write(JSON.stringify(out));
