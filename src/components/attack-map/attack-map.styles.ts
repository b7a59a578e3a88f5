import { css } from 'lit';

/** <attack-map>: land, areas, arcs, labels and the claims list. Shared parts: internal/shared-styles. */
export const styles = css`
  :host {
    min-height: var(--attack-map-min-height, 240px);
  }
  :host(:state(no-places)) {
    min-height: 0;
  }
  .chart svg {
    overflow: hidden;
  }
  .land {
    fill: var(--_land);
    stroke: none;
  }
  .boundary {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 0.75;
  }
  .area {
    fill: var(--_area);
    stroke: var(--_claim);
    stroke-width: 1.25;
    stroke-dasharray: 4 3;
  }
  .area[data-outline] {
    stroke-dasharray: none;
  }
  .area.highlight {
    stroke-width: 2.5;
  }
  .target {
    fill: var(--_accent);
    stroke: var(--_bg);
    stroke-width: 2;
  }
  .target-ring {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5;
  }
  .reference {
    fill: var(--_bg);
    stroke: var(--_muted);
    stroke-width: 1.5;
  }
  .arc {
    fill: none;
    stroke: var(--_claim);
    stroke-width: 2.5;
    stroke-linecap: round;
  }
  .arc[data-status='reported'] {
    stroke-dasharray: 8 5;
  }
  .arc[data-status='single-source'] {
    stroke-dasharray: 0.5 5;
    stroke-width: 3;
  }
  .arc[data-status='disputed'] {
    stroke-dasharray: 10 4 2 4;
  }
  .arc[data-status='denied'] {
    stroke: var(--_denied);
    stroke-dasharray: 2 6;
  }
  .arc.highlight {
    stroke-width: 4.5;
  }
  .place-label {
    font-size: 13px;
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 3.5px;
    stroke-linejoin: round;
  }
  .place-label[data-role='target'] {
    font-weight: 700;
  }
  .place-label[data-role='reference'] {
    fill: var(--_muted);
    font-size: 12px;
  }
  .place,
  .claim {
    cursor: pointer;
    outline: none;
  }
  /* The options draw selection and focus; the pointer lands on the targets layer above. */
  svg.plot * {
    pointer-events: none;
  }
  .chart .targets {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
  }
  .place-target,
  .claim-target {
    cursor: pointer;
  }
  .place-target * {
    fill: transparent;
    stroke: none;
    pointer-events: all;
  }
  .claim-target {
    fill: none;
    stroke: transparent;
    stroke-width: 16;
    stroke-linecap: round;
    pointer-events: stroke;
  }
  .place .hit,
  .claim .band {
    fill: transparent;
    stroke: none;
  }
  .ring,
  .ring-halo {
    fill: none;
    stroke: none;
  }
  /* Hover: a soft fill. Selection: the fill and a solid outline. */
  .place.preview .hit,
  .claim.preview .band {
    fill: var(--_accent-soft);
  }
  .place[aria-selected='true'] .hit,
  .claim[aria-selected='true'] .band {
    fill: var(--_accent-soft);
    stroke: var(--_accent);
    stroke-width: 2;
  }
  /* Focus: a dashed ring outside the selection, opaque, on a halo of the background. */
  .place:focus-visible .ring-halo,
  .claim:focus-visible .ring-halo {
    stroke: var(--_bg);
    stroke-width: 6;
  }
  .place:focus-visible .ring,
  .claim:focus-visible .ring {
    stroke: var(--_focus);
    stroke-width: 3;
    stroke-dasharray: 6 3;
  }
  .claims {
    margin: 12px 14px 0;
    font-size: calc(var(--_fs) * 14 / 15);
  }
  .claims-toggle {
    margin-block: 4px 8px;
  }
  @media print {
    .claims-toggle {
      display: none;
    }
    .claims ol[hidden] {
      display: block;
    }
  }
  .claims ol {
    margin: 4px 0 0;
    padding-inline-start: 20px;
  }
  .claims li {
    margin-bottom: 6px;
    unicode-bidi: isolate;
  }
  .claims .caveat,
  .details .caveat {
    color: var(--_ink);
    font-style: italic;
  }
  .no-places {
    margin: 8px 14px 0;
    color: var(--_muted);
  }
  .credit {
    margin: 8px 14px 0;
    font-size: calc(var(--_fs) * 12 / 15);
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    .land {
      fill: Canvas;
      stroke: GrayText;
    }
    .arc,
    .area,
    .boundary,
    .target-ring,
    .reference {
      stroke: CanvasText;
    }
    .area {
      fill: Canvas;
    }
    .target {
      fill: CanvasText;
      stroke: Canvas;
    }
    .place-label {
      fill: CanvasText;
      stroke: Canvas;
    }
    .place[aria-selected='true'] .hit,
    .claim[aria-selected='true'] .band {
      fill: transparent;
      stroke: Highlight;
    }
    .place:focus-visible .ring,
    .claim:focus-visible .ring {
      stroke: Highlight;
    }
    .place:focus-visible .ring-halo,
    .claim:focus-visible .ring-halo {
      stroke: Canvas;
    }
  }

  .claim-open {
    margin-inline-start: 6px;
    min-height: 24px;
    padding: 0 8px;
    font-size: calc(var(--_fs) * 13 / 15);
  }
`;
