/**
 * Issue 20 point 7: only regular files are read. A dangling symlink, a symlink loop, a FIFO
 * or a device is reported (one message each) and the rest of the directory is still read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readInputs } from '../../src/cli/read-inputs';
import { tempDir } from '../helpers/stores';
import { syntheticArticle } from '../helpers/corpus';

test('bad entries are skipped one by one, with a message each, and good files are read', () => {
  const dir = tempDir('kg-inputs-');
  const outside = tempDir('kg-outside-');
  fs.writeFileSync(path.join(dir, 'a.txt'), syntheticArticle(1).text);
  fs.writeFileSync(path.join(outside, 'b.txt'), syntheticArticle(2).text);
  fs.symlinkSync(path.join(outside, 'b.txt'), path.join(dir, 'b-link.txt'));
  fs.symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
  fs.symlinkSync(dir, path.join(dir, 'loop'));
  fs.symlinkSync(path.join(dir, 'self-a'), path.join(dir, 'self-b'));
  fs.symlinkSync(path.join(dir, 'self-b'), path.join(dir, 'self-a'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  fs.writeFileSync(path.join(dir, 'z.txt'), syntheticArticle(3).text);

  const read = readInputs([dir, '/dev/zero']);
  expect(read.inputs.map((i) => path.basename(i.name))).toEqual(['a.txt', 'b-link.txt', 'z.txt']);
  const messages = read.errors.map((e) => e.message);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/dangling\.txt: skipped: a dangling symbolic link/),
      expect.stringMatching(/loop: skipped: a symbolic link back into a directory/),
      expect.stringMatching(/self-a: skipped: a symbolic link loop/),
      expect.stringMatching(/pipe\.txt: skipped: a FIFO/),
      expect.stringMatching(/\/dev\/zero: skipped: a device/),
    ]),
  );
  expect(read.errors).toHaveLength(6);
});

test('files over the size limit are skipped with PAYLOAD_TOO_LARGE', () => {
  const dir = tempDir('kg-inputs-');
  fs.writeFileSync(path.join(dir, 'big.txt'), 'word '.repeat(1000));
  fs.writeFileSync(path.join(dir, 'small.txt'), syntheticArticle(4).text.slice(0, 300));
  const read = readInputs([dir], { maxFileBytes: 1000 });
  expect(read.inputs.map((i) => path.basename(i.name))).toEqual(['small.txt']);
  expect(read.errors).toEqual([expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' })]);
});
