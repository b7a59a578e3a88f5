import { css } from 'lit';

/** <attack-timeline>: toolbar, axis, lanes, marks and bins. Shared parts: internal/shared-styles. */
export const styles = css`
  :host {
    min-height: var(--attack-timeline-min-height, 320px);
  }
  /* Toolbar */
  .toolbar {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 8px 14px 0;
    flex-wrap: wrap;
  }
  /* Unavailable, but focusable and read as such (aria-disabled). */
  .toolbar button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.55;
    border-color: var(--_line);
  }
  .hint {
    color: var(--_muted);
    font-size: calc(var(--_fs) * 13 / 15);
    margin-inline-start: auto;
  }

  /* Chart */
  svg.plot {
    touch-action: pan-y;
    cursor: grab;
  }
  svg.plot.vertical {
    touch-action: auto;
    cursor: default;
  }
  .mark .hit {
    pointer-events: all;
  }
  .tick line {
    stroke: var(--_line);
  }
  .tick text {
    fill: var(--_muted);
    font-size: 12px;
  }
  .tick.major text {
    fill: var(--_ink);
    font-weight: 600;
  }
  .lane rect {
    fill: var(--_surface);
  }
  /* Text over lines (ticks, milestone guides) gets a halo in the colour behind it, so the line
     stops short of every glyph: lane names and labels sit on the lane's band. */
  .lane text {
    font-size: 12px;
    font-weight: 600;
    fill: var(--_muted);
    paint-order: stroke;
    stroke: var(--_surface);
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .guide {
    stroke: var(--_accent);
    stroke-opacity: 0.45;
    stroke-dasharray: 2 3;
  }
  /* The span a date could fall in: at least 3:1 against its lane in both themes. */
  .extent {
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-linecap: round;
    opacity: 0.8;
  }
  .conflict {
    stroke: var(--_accent);
    stroke-dasharray: 3 3;
    fill: none;
  }
  .conflict-dot {
    fill: var(--_bg);
    stroke: var(--_accent);
    stroke-dasharray: 2 2;
  }
  /* A day's heading starts left of the spine: haloed, so the spine stops short of its digits. */
  .heading {
    font-size: 13px;
    font-weight: 700;
    paint-order: stroke;
    stroke: var(--_bg);
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .spine {
    stroke: var(--_line);
    stroke-width: 2;
  }

  /* Marks: shape and stroke say the sourcing status, never colour alone. */
  .mark {
    cursor: pointer;
    outline: none;
  }
  .mark .shape {
    stroke: var(--_accent);
    stroke-width: 2;
    fill: var(--_bg);
  }
  .mark[data-status='confirmed'] .shape {
    fill: var(--_accent);
  }
  .mark[data-status='single-source'] .shape {
    stroke-dasharray: 1.5 2.5;
    stroke-linecap: round;
  }
  .mark[data-status='disputed'] .shape {
    stroke-dasharray: 5 3;
  }
  .mark[data-status='denied'] .shape,
  .mark[data-status='denied'] .cross {
    stroke: var(--_denied);
  }
  .text[data-status='denied'] .label {
    fill: var(--_muted);
    font-style: italic;
  }
  .mark .range.shape {
    fill: var(--_accent-soft);
  }
  .mark[data-status='confirmed'] .range.shape {
    fill: var(--_accent-soft);
  }
  .text .label {
    font-size: 13px;
    paint-order: stroke;
    stroke: var(--_surface);
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  /* The vertical list has no lane bands: its text sits on the background. */
  figure[data-layout='vertical'] .text .label {
    stroke: var(--_bg);
  }
  .text .row-title {
    font-size: 15px;
    font-weight: 400;
  }
  .text .meta {
    font-size: 12px;
    fill: var(--_muted);
  }
  .mark .hit {
    fill: transparent;
    stroke: none;
    rx: 4px;
  }
  .mark:hover .hit {
    fill: var(--_accent-soft);
  }
  /* Selection is a solid outline; focus (below) a dashed ring, so they differ by shape too. */
  .mark[aria-selected='true'] .hit {
    fill: var(--_accent-soft);
    stroke: var(--_accent);
    stroke-width: 2;
  }
  .mark.highlight .hit {
    stroke: var(--_claim);
    stroke-width: 2;
    stroke-dasharray: 4 3;
  }
  .mark:focus-visible .hit {
    stroke: var(--_focus);
    stroke-width: 3;
    stroke-dasharray: 6 3;
  }
  .bin rect {
    fill: var(--_accent-soft);
    stroke: var(--_accent);
  }
  .bin text {
    font-size: 12px;
    text-anchor: middle;
  }
  .bin:focus-visible rect {
    stroke: var(--_focus);
    stroke-width: 3;
    stroke-dasharray: 6 3;
  }
  .bin {
    cursor: zoom-in;
    outline: none;
  }

  @media (forced-colors: active) {
    .mark .shape,
    .mark .cross,
    .extent,
    .conflict,
    .conflict-dot,
    .guide,
    .spine,
    .tick line,
    .bin rect {
      stroke: CanvasText;
    }
    .mark .shape,
    .conflict-dot,
    .lane rect,
    .bin rect {
      fill: Canvas;
    }
    /* A range bar is an outline: the label it spans stays readable under it. */
    .mark .range.shape {
      fill: transparent;
    }
    .mark[data-status='confirmed'] .shape {
      fill: CanvasText;
    }
    svg text,
    .tick text,
    .tick.major text,
    .lane text,
    .text .meta,
    .text[data-status='denied'] .label {
      fill: CanvasText;
      stroke: none;
    }
    /* Event labels keep their halo (painted under the text) in the background colour. */
    .text .label,
    .text[data-status='denied'] .label {
      stroke: Canvas;
    }
    /* An outline only: the label under a selected mark stays readable. */
    .mark[aria-selected='true'] .hit {
      stroke: Highlight;
      fill: transparent;
    }
    .mark:focus-visible .hit,
    .bin:focus-visible rect {
      stroke: Highlight;
    }
  }
  @media print {
    .toolbar,
    .hint {
      display: none;
    }
  }
  /* On a phone the list runs for screens: a tapped event's details stay at the bottom of the
     window while the list is in view (sticky: neither focus nor scrolling is trapped, and the
     page scrolls on past it), bounded so the list stays visible above them. */
  figure[data-layout='vertical'] > .details {
    position: sticky;
    bottom: var(--_dock, 0px);
    z-index: 2;
    max-height: calc(55vh - var(--_dock, 0px));
    overflow-y: auto;
    box-shadow: 0 -6px 16px rgba(0, 0, 0, 0.18);
  }
`;
