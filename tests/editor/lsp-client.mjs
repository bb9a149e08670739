// A small LSP client: starts yaml-language-server on stdio, opens
// documents and asks for diagnostics, hover and completion.
// Minimal LSP client for yaml-language-server over stdio.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export class Client {
  constructor(bin) {
    this.proc = spawn(bin, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buf = Buffer.alloc(0);
    this.id = 0;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.waiters = [];
    this.proc.stdout.on('data', (d) => this.onData(d));
  }
  onData(d) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const header = this.buf.subarray(0, sep).toString();
      const len = Number(/Content-Length: (\d+)/i.exec(header)[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString());
      this.buf = this.buf.subarray(sep + 4 + len);
      this.onMessage(msg);
    }
  }
  onMessage(msg) {
    if (msg.id !== undefined && this.pending.has(msg.id) && msg.method === undefined) {
      this.pending.get(msg.id)(msg);
      this.pending.delete(msg.id);
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.set(msg.params.uri, msg.params.diagnostics);
      this.waiters = this.waiters.filter((w) => !w(msg.params));
    } else if (msg.id !== undefined && msg.method) {
      // Requests from the server (workspace/configuration, register capability).
      let result = null;
      if (msg.method === 'workspace/configuration') result = msg.params.items.map(() => this.settings);
      this.send({ jsonrpc: '2.0', id: msg.id, result });
    }
  }
  send(m) {
    const s = JSON.stringify(m);
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  }
  request(method, params) {
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result)));
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }
  notify(method, params) { this.send({ jsonrpc: '2.0', method, params }); }
  async start(root) {
    this.settings = { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } };
    await this.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } } }, workspace: { configuration: true } } });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: { yaml: this.settings } });
  }
  open(file, text) {
    const uri = pathToFileURL(file).href;
    this.version = (this.version || 0) + 1;
    const done = new Promise((resolve) => this.waiters.push((p) => (p.uri === uri ? (resolve(p.diagnostics), true) : false)));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: this.version, text: text ?? readFileSync(file, 'utf8') } });
    return { uri, diagnostics: done };
  }
  change(uri, text) {
    this.version += 1;
    const done = new Promise((resolve) => this.waiters.push((p) => (p.uri === uri ? (resolve(p.diagnostics), true) : false)));
    this.notify('textDocument/didChange', { textDocument: { uri, version: this.version }, contentChanges: [{ text }] });
    return done;
  }
  hover(uri, line, character) { return this.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }); }
  complete(uri, line, character) { return this.request('textDocument/completion', { textDocument: { uri }, position: { line, character } }); }
  async stop() { await this.request('shutdown', null); this.notify('exit', null); }
}
