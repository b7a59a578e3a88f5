// First, so that it runs before Lit does: a page's named elements must not stand in for Lit's globals.
import '../../internal/unclobber.js';
import '../attack-timeline/attack-timeline.define.js';
import '../attack-map/attack-map.define.js';
import { AttackStory } from './attack-story.js';

// A news page may load the bundle twice (two embeds): the first definition wins.
if (!customElements.get('attack-story')) customElements.define('attack-story', AttackStory);

declare global {
  interface HTMLElementTagNameMap {
    'attack-story': AttackStory;
  }
}

export { AttackStory };
