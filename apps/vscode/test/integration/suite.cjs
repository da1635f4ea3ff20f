// Runs inside VS Code's extension host (see run.mjs). No test framework: each test is a function; failures throw.
const assert = require('node:assert/strict');
const vscode = require('vscode');

/** Poll `check` until it returns a truthy value or `timeout` ms pass. */
async function until(what, check, timeout = 90_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function text(document, range) {
  return document.getText(range);
}

const tests = {
  async 'activates on a Markdown article and contributes its commands'() {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'harbor-daily.md'));
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'claimlens-vscode');
    assert.ok(extension, 'the extension is installed');
    await until('activation', () => extension.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const name of [
      'claimlens.analyzeWorkspace',
      'claimlens.showContradictions',
      'claimlens.exportAnnotations',
      'claimlens.toggleActors',
    ]) {
      assert.ok(commands.includes(name), `${name} is registered`);
    }
  },

  async 'hovers on a claim name its speaker and outlet'() {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'harbor-daily.md'));
    const at = document.positionAt(document.getText().indexOf('40 passengers') + 3);
    const hovers = await until('a claim hover', async () => {
      const found = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, at);
      return (
        found.some((h) => h.contents.some((c) => /\*\*Claim\*\*/.test(typeof c === 'string' ? c : c.value))) && found
      );
    });
    const value = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(value, /\*\*Claim\*\* by .+ · .+ · \w+/);
  },

  async 'goes from a surname to the full name and finds references'() {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'harbor-daily.md'));
    const at = document.positionAt(document.getText().lastIndexOf('Okafor') + 1);
    const targets = await until('a definition', async () => {
      const found = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, at);
      return found.length > 0 && found;
    });
    const target = targets[0];
    const targetDocument = await vscode.workspace.openTextDocument(target.uri ?? target.targetUri);
    assert.equal(text(targetDocument, target.range ?? target.targetRange), 'Maria Okafor');
    const references = await vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, at);
    assert.ok(references.length >= 2, `references: ${references.length}`);
  },

  async 'toggles a highlight category in the settings'() {
    const before = vscode.workspace.getConfiguration('claimlens').get('highlights.actors');
    await vscode.commands.executeCommand('claimlens.toggleActors');
    assert.equal(vscode.workspace.getConfiguration('claimlens').get('highlights.actors'), !before);
    await vscode.commands.executeCommand('claimlens.toggleActors');
  },
};

exports.run = async function run() {
  const failures = [];
  for (const [name, test] of Object.entries(tests)) {
    try {
      await test();
      console.log(`ok - ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`not ok - ${name}\n  ${error?.stack ?? error}`);
    }
  }
  console.log(`${Object.keys(tests).length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} integration test(s) failed: ${failures.join('; ')}`);
};
