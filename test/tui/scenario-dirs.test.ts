/**
 * Where the TUI's `s` saves and `l` looks (issue #11): beside the model's own files. A model in a `models/`
 * folder saves to the sibling `scenarios/`; a model elsewhere to `scenarios/` in its own folder; `l` also
 * lists scenario files (with `model:`) that sit next to the model, never the models themselves.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioDirs, scenarioDirsFor } from '../../src/tui/scenario-file.js';

describe('scenario folders beside the model', () => {
  it('models/x.yaml → ../scenarios; elsewhere → <model folder>/scenarios', () => {
    const root = mkdtempSync(join(tmpdir(), 'cesuan-dirs-'));
    expect(scenarioDirsFor(join(root, 'models', 'x.yaml')).save).toBe(resolve(root, 'scenarios'));
    expect(scenarioDirsFor(join(root, 'city', 'x.yaml')).save).toBe(resolve(root, 'city', 'scenarios'));
    // a folder given (tests, embedding) is the only one
    expect(scenarioDirsFor(join(root, 'city', 'x.yaml'), join(root, 'mine'))).toEqual({
      save: resolve(root, 'mine'),
      list: [resolve(root, 'mine')],
    });
  });

  it('l lists the scenarios folder, ./scenarios and scenario files next to the model, each once, models left out', () => {
    const root = mkdtempSync(join(tmpdir(), 'cesuan-dirs-'));
    const city = join(root, 'city');
    mkdirSync(join(city, 'scenarios'), { recursive: true });
    writeFileSync(join(city, 'city.yaml'), 'id: city\ntitle: x\nindicators: {}\n');
    writeFileSync(join(city, 'beside.yaml'), 'model: city\nname: 旁边的情景\n');
    writeFileSync(join(city, 'scenarios', 'saved.yaml'), 'model: ../city.yaml\nname: 保存的情景\n');
    const { list } = scenarioDirsFor(join(city, 'city.yaml'));
    expect(list).toContain(resolve(city));
    expect(list).toContain(resolve(city, 'scenarios'));
    const names = listScenarioDirs(list).map((e) => e.name);
    expect(names).toContain('旁边的情景');
    expect(names).toContain('保存的情景');
    expect(listScenarioDirs(list).some((e) => e.path.endsWith('city.yaml'))).toBe(false);
    expect(new Set(listScenarioDirs([...list, ...list]).map((e) => e.path)).size).toBe(listScenarioDirs(list).length);
  });
});
