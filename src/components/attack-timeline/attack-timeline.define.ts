import { AttackTimeline } from './attack-timeline.js';

// A news page may load the bundle twice (two embeds): the first definition wins.
if (!customElements.get('attack-timeline')) customElements.define('attack-timeline', AttackTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'attack-timeline': AttackTimeline;
  }
}

export { AttackTimeline };
