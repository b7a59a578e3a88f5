// First, so that it runs before Lit does: a page's named elements must not stand in for Lit's globals.
import '../../internal/unclobber.js';
import { AttackTimeline } from './attack-timeline.js';

// A news page may load the bundle twice (two embeds): the first definition wins.
if (!customElements.get('attack-timeline')) customElements.define('attack-timeline', AttackTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'attack-timeline': AttackTimeline;
  }
}

export { AttackTimeline };
