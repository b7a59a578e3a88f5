// First, so that it runs before Lit does: a page's named elements must not stand in for Lit's globals.
import '../../internal/unclobber.js';
import { AttackMap } from './attack-map.js';

// A news page may load the bundle twice (two embeds): the first definition wins.
if (!customElements.get('attack-map')) customElements.define('attack-map', AttackMap);

declare global {
  interface HTMLElementTagNameMap {
    'attack-map': AttackMap;
  }
}

export { AttackMap };
