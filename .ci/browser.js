// Real-browser checks of `careerpress serve` and the HTML pages, run by
// .ci/run: Debian's Chromium, driven by playwright-core from npm.
//
//   node .ci/browser.js URL PROJECT SHOTS
//
// URL is a running `careerpress serve` on a scratch copy of the project at
// PROJECT (its job file is edited here); screenshots go to SHOTS. Every
// check is what a person would see or do: read the index, follow a link to
// each format, watch a page change after an edit without reloading it, see
// a broken file's error. axe-core checks the pages against WCAG 2.2 AA.
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const [url, project, shots] = process.argv.slice(2);
const base = url.replace(/\/$/, "");
const job = path.join(project, "content/jobs/pals-officer.yaml");
const title = "Patient advice and liaison service (PALS) officer";
let failures = 0;

function check(ok, what) {
  if (ok) {
    console.log("ok   " + what);
  } else {
    console.log("FAIL " + what);
    failures += 1;
  }
}

async function axe(page, what) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    })
  );
  for (const v of result.violations) {
    console.log(`  ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  check(result.violations.length === 0, `${what}: axe-core finds no WCAG 2.2 AA violation`);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  // bypassCSP only so that axe-core can be put into the pages.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    bypassCSP: true,
  });
  const page = await context.newPage();
  const elsewhere = [];
  page.on("request", (r) => {
    const u = r.url();
    // The browser's own PDF viewer loads its parts from chrome:// and
    // chrome-extension://; anything on the network must be serve's.
    if (/^(https?|wss?|ftp):/.test(u) && !u.startsWith(base)) elsewhere.push(u);
  });
  page.on("pageerror", (e) => check(false, "no script error: " + e.message));

  // The index: every trust, the job, each document's status.
  await page.goto(base + "/");
  await page.getByText("Watching for changes").waitFor();
  check(await page.getByRole("heading", { level: 1, name: "Documents" }).isVisible(), "the index says Documents");
  for (const trust of ["Eastbrook Hospitals NHS Foundation Trust", "Glan-y-Môr University Health Board"]) {
    check(await page.getByRole("heading", { level: 2, name: trust }).isVisible(), `the index names ${trust}`);
  }
  const cards = page.locator("li.card");
  check((await cards.count()) === 2, "one card for each job × trust");
  check((await page.locator(".badge.ok").count()) === 12, "twelve documents (both trusts' print and large-print leaflets too), all built");
  const thumbs = page.locator(".thumb img");
  if ((await thumbs.count()) > 0) {
    await thumbs.first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll(".thumb img")].every((i) => i.complete && i.naturalWidth > 0));
    check(true, "every leaflet thumbnail is drawn");
  }
  await page.screenshot({ path: path.join(shots, "index.png"), fullPage: true });
  await axe(page, "the index");

  const east = cards.filter({ hasText: "content/jobs/pals-officer.yaml" }).first();
  const row = (name) => east.locator("tbody tr").filter({ hasText: name }).first();

  // The web page, in the viewer.
  await row("Web page").getByRole("link", { name: /^View/ }).click();
  await page.waitForURL(/\/view\/.*page\.html$/);
  let frame = page.frameLocator("#doc");
  await frame.getByRole("heading", { level: 1 }).waitFor();
  check((await frame.getByRole("heading", { level: 1 }).innerText()) === title, "the web page's title is the job");
  check(await frame.getByRole("img", { name: "Eastbrook Hospitals NHS Foundation Trust logo" }).isVisible(), "the trust's logo, with its alt text");
  check(await frame.getByRole("rowheader", { name: "Salary" }).isVisible(), "key facts: a Salary row");
  check(await frame.getByRole("cell", { name: "£18,200 to £22,000 a year" }).isVisible(), "key facts: the salary");
  check(await frame.getByRole("navigation", { name: "On this page" }).isVisible(), "an On this page list");
  await page.screenshot({ path: path.join(shots, "viewer-page.png") });

  // Seen without a reload: an edit to the job file shows in the page.
  const yaml = fs.readFileSync(job, "utf8");
  const marker = "Checked in a real browser:";
  await page.evaluate(() => { window.notReloaded = true; });
  fs.writeFileSync(job, yaml.replace("The Patient Advice and Liaison Service (PALS) offers", marker + " the PALS service offers"));
  await frame.locator("p.lead", { hasText: marker }).waitFor({ timeout: 20000 });
  check(await page.evaluate(() => window.notReloaded === true), "the edit shows without reloading the viewer");
  // A broken file: its error with file and line in the page; the server goes on.
  fs.writeFileSync(job, yaml.replace("title_article: a", "title_article: [a"));
  await page.locator(".problems").waitFor({ timeout: 20000 });
  const problem = await page.locator(".problems").innerText();
  check(/content\/jobs\/pals-officer\.yaml:\d+:\d+/.test(problem), "the error names the file, line and column: " + problem.split("\n")[1]);
  check(await frame.locator("p.lead", { hasText: marker }).isVisible(), "the last good page stays on show");
  await page.screenshot({ path: path.join(shots, "viewer-error.png") });
  fs.writeFileSync(job, yaml);
  await page.locator(".problems").waitFor({ state: "detached", timeout: 20000 });
  await frame.locator("p.lead", { hasText: "The Patient Advice and Liaison Service" }).waitFor({ timeout: 20000 });
  check(await page.evaluate(() => window.notReloaded === true), "fixed again, still without a reload");

  // The page on its own, as a trust would publish it.
  await page.getByRole("link", { name: "Open on its own" }).click();
  await page.waitForURL(/\/files\/.*page\.html/);
  check((await page.title()).startsWith(title), "the page alone has the job in its title");
  await axe(page, "the Eastbrook web page");
  await page.goBack();
  await page.getByRole("link", { name: "All documents" }).click();
  await page.waitForURL(base + "/");

  // The PDF, in the browser's own viewer.
  const pdfResponse = page.waitForResponse((r) => r.url().includes("/files/") && r.url().includes(".pdf"));
  await row("PDF").getByRole("link", { name: /^View/ }).click();
  const pdf = await pdfResponse;
  check(pdf.headers()["content-type"] === "application/pdf", "the PDF is served as a PDF");
  const bytes = await (await page.request.get(pdf.url())).body();
  check(bytes.subarray(0, 5).toString() === "%PDF-", "the PDF is a PDF");
  check(await page.locator("#doc").isVisible(), "the PDF is shown in the browser's viewer, in the page");
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(shots, "viewer-pdf.png") });
  await page.getByRole("link", { name: "All documents" }).click();
  await page.waitForURL(base + "/");

  // DOCX and text: downloads, named after the job.
  for (const [name, file, starts] of [["Word", "pals-officer-handout.docx", "PK"], ["Text", "pals-officer-summary.txt", title]]) {
    const download = page.waitForEvent("download");
    await row(name).getByRole("link", { name: /^Download/ }).click();
    const d = await download;
    const saved = path.join(shots, d.suggestedFilename());
    await d.saveAs(saved);
    check(d.suggestedFilename() === file, `${name}: downloads as ${file}`);
    check(fs.readFileSync(saved).subarray(0, starts.length).toString() === starts, `${name}: the file is the document`);
  }

  // Each trust's page on a desktop and a phone, on screen and on paper.
  for (const trust of ["eastbrook-hospitals", "glan-y-mor"]) {
    const doc = `${base}/files/${trust}/pals-officer/page.html`;
    for (const [w, h, name] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(doc);
      await page.screenshot({ path: path.join(shots, `${trust}-${name}.png`), fullPage: true });
    }
    await axe(page, `the ${trust} web page on a phone`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(doc);
    await page.emulateMedia({ media: "print" });
    const printed = path.join(shots, `${trust}-print.pdf`);
    await page.pdf({ path: printed, preferCSSPageSize: true });
    check(fs.statSync(printed).size > 10000, `${trust}: the page prints`);
    await page.emulateMedia({ media: "screen" });
  }
  check(elsewhere.length === 0, "nothing was asked of any other address: " + elsewhere.join(", "));

  // The page's own Content-Security-Policy, enforced this time: its style
  // and its logo are let through, and the browser reports no violation.
  const strict = await browser.newContext();
  const alone = await strict.newPage();
  const violations = [];
  alone.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await alone.goto(`${base}/files/eastbrook-hospitals/pals-officer/page.html`);
  const look = await alone.evaluate(() => ({
    logo: document.querySelector("header img").naturalWidth,
    band: getComputedStyle(document.querySelector(".hero")).backgroundColor,
  }));
  check(look.logo > 0, "under its own policy the logo shows");
  check(look.band === "rgb(0, 82, 147)", "under its own policy the brand band is the trust's blue: " + look.band);
  check(violations.length === 0, "no policy violation: " + violations.join("; "));
  await strict.close();
  await browser.close();
  console.log(failures === 0 ? "browser checks: all passed" : `browser checks: ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
})().catch((e) => {
  console.log("FAIL " + (e.stack || e));
  process.exit(1);
});
