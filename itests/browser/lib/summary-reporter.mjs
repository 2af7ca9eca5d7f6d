// A node:test reporter that ends the run with one line per test: PASS, FAIL (with the reason),
// TODO (a page the UI does not have yet) or SKIP. run.mjs prints it after the spec output.

function reason(error) {
  const cause = error?.cause ?? error;
  const text = cause?.message ?? String(cause ?? '');
  return text.split('\n').slice(0, 12).join('\n');
}

function indent(text, prefix) {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export default async function* summary(source) {
  const rows = [];
  const counts = { pass: 0, fail: 0, todo: 0, skip: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, nesting, details, todo, skip } = event.data;
    if (details?.type === 'suite') continue;
    const seconds = ((details?.duration_ms ?? 0) / 1000).toFixed(1);
    let status;
    if (skip !== undefined) status = 'SKIP';
    else if (todo !== undefined) status = event.type === 'test:fail' ? 'TODO' : 'PASS';
    else status = event.type === 'test:pass' ? 'PASS' : 'FAIL';
    const pad = '  '.repeat(nesting);
    let line = `${pad}${status.padEnd(5)} ${name} (${seconds} s)`;
    if (status === 'TODO' || status === 'SKIP') line += `\n${indent(typeof todo === 'string' ? todo : typeof skip === 'string' ? skip : '', `${pad}      `)}`;
    if (status === 'FAIL') line += `\n${indent(reason(details?.error), `${pad}      `)}`;
    // Children are reported before their parent: keep them under it.
    const children = [];
    while (rows.length && rows[rows.length - 1].nesting > nesting) children.unshift(rows.pop());
    rows.push({ nesting, line, children });
    // Leaves count; a parent counts only when it failed by itself (not through a child).
    const childFailed = children.some((c) => /^\s*(FAIL|TODO)/.test(c.line));
    if (children.length === 0 || (status === 'FAIL' && !childFailed)) counts[status.toLowerCase()] += 1;
  }
  const out = [];
  const walk = (row) => {
    out.push(row.line);
    row.children.forEach(walk);
  };
  rows.forEach(walk);
  out.push('');
  out.push(`passed ${counts.pass}, failed ${counts.fail}, todo (UI page missing) ${counts.todo}, skipped ${counts.skip}`);
  yield `${out.join('\n')}\n`;
}
