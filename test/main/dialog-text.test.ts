// Main's own dialogs (before or outside the window) speak the system language.
import { describe, expect, it } from 'vitest';
import { dialogText } from '../../electron/main/dialog-text';

describe('main dialogs', () => {
  it('speak the system language, Japanese or English, with the details filled in', () => {
    expect(dialogText('ja-JP', 'cannotStart')).toBe('Gradient Lab を起動できません');
    expect(dialogText('en-US', 'serviceStopped', { code: 3 })).toContain('exit code 3');
    expect(dialogText('fr-FR', 'loadFailed', { url: 'app://gradient-lab/index.html', reason: 'x' })).toContain('app://gradient-lab/index.html');
    expect(dialogText('ja', 'preloadFailed', { path: '/p.cjs', reason: 'boom' })).toContain('/p.cjs');
  });
});
