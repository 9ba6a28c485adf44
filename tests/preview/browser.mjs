// Drive `wsoagen preview` in headless Chromium as a drafter would: open the plan's page, change a
// milestone's status in its YAML file, see the page change; break the YAML, see the error with its
// file:line:col; fix it, see the page come back. Args: BASE_URL WORKSTREAM_YAML. Prints one JSON
// line of what it saw at each step; exits 1 with the step's name if a step does not happen in time.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../a11y/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const [base, yamlPath] = process.argv.slice(2);
const original = readFileSync(yamlPath, "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
const seen = {};
let step = "open";
try {
  const page = await browser.newPage();
  const statusCell = () => page.evaluate(() => {
    const row = [...document.querySelectorAll("tr")].find((tr) => tr.textContent.includes("New assessment process agreed"));
    return row ? row.lastElementChild.textContent.trim() : null;
  });
  await page.goto(base + "wsoa.html", { waitUntil: "load" });
  seen.before = await statusCell();

  step = "edit";
  let t0 = Date.now();
  writeFileSync(yamlPath, original.replace("status: Blue", "status: Red"));
  await page.waitForFunction(() => {
    const row = [...document.querySelectorAll("tr")].find((tr) => tr.textContent.includes("New assessment process agreed"));
    return row && row.lastElementChild.textContent.includes("Red");
  }, null, { timeout: 20000 });
  seen.after = await statusCell();
  seen.edit_ms = Date.now() - t0;

  step = "break";
  writeFileSync(yamlPath, original.replace("status: Blue", "status: [Blue"));
  await page.waitForSelector(".errors li", { timeout: 20000 });
  seen.errors = await page.$$eval(".errors li", (items) => items.map((li) => li.textContent));

  step = "fix";
  writeFileSync(yamlPath, original);
  await page.waitForFunction(() => !document.querySelector(".errors") &&
    [...document.querySelectorAll("tr")].some((tr) => tr.textContent.includes("New assessment process agreed")),
    null, { timeout: 20000 });
  seen.recovered = await statusCell();
  process.stdout.write(JSON.stringify(seen) + "\n");
} catch (e) {
  process.stdout.write(JSON.stringify({ failed: step, seen, error: String(e) }) + "\n");
  process.exitCode = 1;
} finally {
  writeFileSync(yamlPath, original);
  await browser.close();
}
