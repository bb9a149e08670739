// What an editor shows a careers writer: the real yaml-language-server
// (the one VS Code's YAML extension runs), driven over LSP on files made by
// the careerpress binary, with the schemas `careerpress schema` writes.
//
//   npm ci --prefix tests/editor && node --test tests/editor/
//
// CAREERPRESS_BIN names the binary (default: target/release/careerpress,
// then target/debug/careerpress).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from './lsp-client.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const bin =
  process.env.CAREERPRESS_BIN ||
  [join(repo, 'target/release/careerpress'), join(repo, 'target/debug/careerpress')].find(existsSync);
const server = join(here, 'node_modules/.bin/yaml-language-server');

let project;
let client;
let jobFile;
let jobSchema;

const careerpress = (...args) => spawnSync(bin, ['--project', project, ...args], { encoding: 'utf8' });

before(async () => {
  assert.ok(bin, 'build careerpress first (cargo build)');
  assert.ok(existsSync(server), 'run npm ci --prefix tests/editor first');
  project = mkdtempSync(join(tmpdir(), 'careerpress-editor-'));
  cpSync(join(repo, 'tests/fixtures/content'), join(project, 'content'), { recursive: true });
  cpSync(join(repo, 'templates'), join(project, 'templates'), { recursive: true });
  execFileSync(bin, ['--project', project, 'schema']);
  execFileSync(bin, ['--project', project, 'new', 'job', 'nurse']);
  jobFile = join(project, 'content/jobs/nurse.yaml');
  jobSchema = JSON.parse(readFileSync(join(project, 'schemas/job.schema.json'), 'utf8'));
  client = new Client(server);
  await client.start(project);
});

after(async () => {
  await client?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

/// A copy of the skeleton under another name, so each test has a
/// document of its own.
const copyOf = (name, text) => {
  const file = join(project, 'content/jobs', `${name}.yaml`);
  writeFileSync(file, text ?? readFileSync(jobFile, 'utf8'));
  return file;
};

const lineOf = (text, start) => text.split('\n').findIndex((l) => l.startsWith(start));

test('a fresh skeleton shows its fields to fill in, the same ones check lists, in words', async () => {
  const text = readFileSync(jobFile, 'utf8');
  const { diagnostics } = client.open(jobFile, text);
  const found = await diagnostics;
  // Every problem is a value still to write, said in words: no regular
  // expressions, no "Incorrect type", one message a field.
  for (const d of found) {
    assert.match(d.message, /^(To fill in: |Give the salary )/, d.message);
    assert.doesNotMatch(d.message, /does not match the pattern|\\u00|Incorrect type|String is/, d.message);
  }
  assert.ok(found.length >= 10 && found.length <= 16, `${found.length} problems`);
  // The editor and `careerpress check` agree line for line.
  const check = careerpress('check');
  assert.equal(check.status, 1);
  const todo = check.stderr
    .split('\n')
    .filter((l) => l.includes('nurse.yaml:'))
    .map((l) => Number(/nurse\.yaml:(\d+)/.exec(l)[1]));
  assert.ok(check.stderr.split('\n').filter((l) => l.includes('nurse.yaml:')).every((l) => l.startsWith('todo: ')), check.stderr);
  const lines = [...new Set(found.map((d) => d.range.start.line + 1))].sort((a, b) => a - b);
  assert.deepEqual(lines, [...new Set(todo)].sort((a, b) => a - b));
  // The title is among them, with the title's own words.
  const title = found.find((d) => d.range.start.line === lineOf(text, 'title:'));
  assert.equal(title.message, 'To fill in: the job title as people say it, in sentence case.');
});

test('mistakes are named in words', async () => {
  const text = readFileSync(jobFile, 'utf8')
    .replace('web_address: ""', 'web_address: www.example.org')
    .replace('last_reviewed: ""', 'last_reviewed: 21/11/2026')
    .replace('summary: ""', 'sumary: ""');
  const opened = client.open(copyOf('mistakes'));
  await opened.diagnostics;
  const found = await client.change(opened.uri, text);
  const at = (start) => found.filter((d) => d.range.start.line === lineOf(text, start)).map((d) => d.message);
  assert.deepEqual(at('web_address:'), [
    'Not a web address: write it starting https://, with a host name and no spaces (e.g. https://www.healthcareers.nhs.uk).',
  ]);
  assert.deepEqual(at('last_reviewed:'), ['Not a date: write it as YYYY-MM-DD (year-month-day), e.g. 2026-11-21.']);
  assert.ok(at('sumary:').some((m) => m.includes('sumary')), JSON.stringify(found));
});

test("hovering over a field shows that field's help and example", async () => {
  const text = readFileSync(jobFile, 'utf8');
  const { uri, diagnostics } = client.open(copyOf('hover'), text);
  await diagnostics;
  for (const key of ['title', 'summary', 'web_address', 'last_reviewed']) {
    const h = await client.hover(uri, lineOf(text, `${key}:`), 2);
    // Markdown escapes (\`) aside.
    const shown = h.contents.value.replace(/\\(.)/g, '$1');
    const field = jobSchema.properties[key];
    assert.ok(shown.includes(field.description), `${key}: ${shown}`);
    assert.ok(shown.includes(String(field.examples[0]).slice(0, 40)), `${key}: ${shown}`);
    assert.doesNotMatch(shown, /Text as it is to be printed|A web address starting/, `${key}: ${shown}`);
  }
  // Nested fields too: salary.starter.
  const h = await client.hover(uri, lineOf(text, '  starter:'), 4);
  assert.ok(h.contents.value.includes(jobSchema.definitions.Salary.properties.starter.description), h.contents.value);
});

test('completion offers the fields a section still lacks, each with its help', async () => {
  // Travel and training deleted; a new line under the locations, and one at the end.
  const text = readFileSync(jobFile, 'utf8')
    .replace(/  # Travel[^\n]*\n  travel:\n/, '')
    .replace(/\ntraining:\n/, '\n')
    .replace(/(  locations:\n    - ""\n)/, '$1  \n')
    .concat('\n');
  const { uri, diagnostics } = client.open(copyOf('complete', text), text);
  await diagnostics;
  const lines = text.split('\n');
  const under = lines.findIndex((l) => l === '  ');
  const list = await client.complete(uri, under, 2);
  const items = Array.isArray(list) ? list : list.items;
  const travel = items.find((i) => i.label === 'travel');
  assert.ok(travel, JSON.stringify(items.map((i) => i.label)));
  assert.ok(!items.some((i) => i.label === 'locations'), 'locations is already there');
  const doc = (i) => (typeof i.documentation === 'string' ? i.documentation : i.documentation?.value ?? '');
  assert.ok(doc(travel).includes(jobSchema.definitions.WorkingEnvironment.properties.travel.description), doc(travel));
  // At the top level: the section left out, with its description.
  const top = await client.complete(uri, lines.length - 1, 0);
  const topItems = Array.isArray(top) ? top : top.items;
  const training = topItems.find((i) => i.label === 'training');
  assert.ok(training, JSON.stringify(topItems.map((i) => i.label)));
  assert.ok(doc(training).includes(jobSchema.properties.training.description), doc(training));
});

test("a Welsh translation is helped the same way: each field's help, its gaps in words, as in check", async () => {
  for (const [rel, key, schemaFile, fill] of [
    ['content/jobs/pals-officer.cy.yaml', 'title', 'job-translation.schema.json', 'To fill in: the job title as people say it, in sentence case.'],
    ['content/brands/glan-y-mor/brand.cy.yaml', 'footer', 'brand-translation.schema.json', 'To fill in: a line for page footers.'],
  ]) {
    const file = join(project, rel);
    const original = readFileSync(file, 'utf8');
    const text = original.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ""`);
    const schema = JSON.parse(readFileSync(join(project, 'schemas', schemaFile), 'utf8'));
    const { uri, diagnostics } = client.open(file, text);
    const found = await diagnostics;
    assert.deepEqual(found.map((d) => `${d.range.start.line + 1}: ${d.message}`), [`${lineOf(text, `${key}:`) + 1}: ${fill}`]);
    const h = await client.hover(uri, lineOf(text, `${key}:`), 2);
    const shown = h.contents.value.replace(/\\(.)/g, '$1');
    assert.ok(shown.includes(schema.properties[key].description), `${key}: ${shown}`);
    // careerpress check says the same of the same line.
    writeFileSync(file, text);
    const check = careerpress('check');
    writeFileSync(file, original);
    const at = `${rel.split('/').pop()}:${lineOf(text, `${key}:`) + 1}:`;
    const said = check.stderr.split('\n').filter((l) => l.includes(at));
    assert.equal(said.length, 1, check.stderr);
    assert.match(said[0], new RegExp(`^todo: .*: ${key}: to fill in: `), said[0]);
  }
});

test('a filled-in skeleton has no problems in the editor, as in check', async () => {
  const filled = readFileSync(jobFile, 'utf8')
    .replace('title: ""', 'title: Nurse')
    .replace('summary: ""', 'summary: Nurses care for people.')
    .replace('web_address: ""', 'web_address: https://www.healthcareers.nhs.uk/explore-roles/nursing')
    .replace(/^( +)- ""$/gm, '$1- Caring for patients.')
    .replace('pattern: ""', 'pattern: 37.5 hours a week')
    .replace('  starter:\n', '  starter: 24000\n')
    .replace('  experienced:\n', '  experienced: 31000\n')
    .replace('id: ""', 'id: main')
    .replace('title: ""', 'title: Nursing (Health Careers)')
    .replace('date: ""', 'date: "2024"')
    .replace('last_reviewed: ""', 'last_reviewed: 2026-01-15');
  const opened = client.open(copyOf('filled'));
  await opened.diagnostics;
  const found = await client.change(opened.uri, filled);
  assert.deepEqual(found.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
  for (const name of ['mistakes', 'hover', 'complete', 'filled', 'nurse']) {
    writeFileSync(join(project, 'content/jobs', `${name}.yaml`), filled);
  }
  // An English-only project: a Welsh board's documents would need each
  // job's Welsh text as well.
  rmSync(join(project, 'content/brands/glan-y-mor'), { recursive: true, force: true });
  const check = careerpress('check');
  assert.equal(check.status, 0, check.stderr);
});
