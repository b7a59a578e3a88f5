/**
 * The editor page's script: registers the three elements and starts an editor on every
 * `[data-editor-app]` of the page. Built into `dist/editor.min.js`, loaded by
 * examples/editor.html; not part of the package's import API.
 */
import '../index.js';
import { Editor } from './editor.js';

export { Editor };

const start = () => {
  for (const root of document.querySelectorAll<HTMLElement>('[data-editor-app]'))
    if (!root.dataset.editorStarted) {
      root.dataset.editorStarted = '';
      new Editor(root);
    }
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
