import { css } from 'lit';

/** The dark palette, for theme="dark" and for theme="auto" in a dark colour scheme. */
const dark = css`
    --_ink: var(--attack-ink, #eceef1);
    --_muted: var(--attack-muted, #b2b7bf);
    --_bg: var(--attack-bg, #16181b);
    --_surface: var(--attack-surface, #23262b);
    --_line: var(--attack-line, #4a4f57);
    --_accent: var(--attack-accent, #8ab4f8);
    --_accent-soft: var(--attack-accent-soft, rgba(138, 180, 248, 0.2));
    --_denied: var(--attack-denied, #a2a7ae);
    --_focus: var(--attack-focus, #ffb4ab);
    --_claim: var(--attack-claim, #ffb4ab);
    --_area: var(--attack-area, rgba(255, 180, 171, 0.2));
    --_land: var(--attack-land, #353a42);
    color-scheme: dark;
`;

/**
 * What every element shares: the palette (public `--attack-*` custom properties mapped to
 * private `--_*` defaults), type, buttons, legend, details panel and messages. `all: initial`
 * on the host stops the article's inherited typography (line-height, letter-spacing,
 * text-transform, white-space) from reaching in; sizes are px, never rem. A reader's
 * text-spacing override (WCAG 1.4.12) is a rule on every element, the host included, so it
 * still applies; a story passes it on to its parts.
 */
export const sharedStyles = css`
  :host {
    all: initial;
    display: block;
    contain: layout style;
    --_ink: var(--attack-ink, #1b1c1e);
    --_muted: var(--attack-muted, #595d63);
    --_bg: var(--attack-bg, #ffffff);
    --_surface: var(--attack-surface, #f3f4f6);
    --_line: var(--attack-line, #c9ccd1);
    --_accent: var(--attack-accent, #1d5bbf);
    --_accent-soft: var(--attack-accent-soft, rgba(29, 91, 191, 0.14));
    --_denied: var(--attack-denied, #6b6f76);
    --_focus: var(--attack-focus, #b3261e);
    --_claim: var(--attack-claim, #5c0f0b);
    --_area: var(--attack-area, rgba(140, 29, 24, 0.16));
    --_land: var(--attack-land, #e4e1da);
    /* The one way to scale the text (an absolute length: px or rem). Charts are drawn at this
       size over 15 px, so their labels grow with it. */
    --_fs: var(--attack-font-size, 15px);
    --_font: var(--attack-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Devanagari', sans-serif);
    background: var(--_bg);
    -webkit-text-size-adjust: 100%;
    /* The elements' own type. A page rule reaches the host itself (it matches *), and its
       !important beats an ordinary :host rule; an !important here beats any page rule. Letter and
       word spacing stay open to a reader's text-spacing override (WCAG 1.4.12), whose line height
       of 1.5 is already the base. */
    color: var(--_ink) !important;
    font-family: var(--_font) !important;
    font-size: var(--_fs) !important;
    line-height: 1.5 !important;
    font-weight: 400 !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-stretch: normal !important;
    font-kerning: auto !important;
    font-feature-settings: normal !important;
    font-variation-settings: normal !important;
    font-size-adjust: none !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    hyphens: manual !important;
    tab-size: 8 !important;
    writing-mode: horizontal-tb !important;
    text-orientation: mixed !important;
    -webkit-text-fill-color: currentcolor !important;
    -webkit-text-stroke-width: 0 !important;
  }
  :host([hidden]) {
    display: none;
  }
  :host([transparent]) {
    --_bg: transparent;
    background: transparent;
  }
  /* theme="dark"; "system" in a dark OS setting; "auto" (or none) on a dark page. */
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='system']) {
      ${dark}
    }
  }
  :host(:state(page-dark):not([theme='light'], [theme='dark'], [theme='system'])) {
    ${dark}
  }

  * {
    box-sizing: border-box;
  }
  figure {
    margin: 0;
    padding: 12px 0 8px;
  }
  figcaption {
    padding: 0 14px;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    font: inherit;
  }
  .caption-title {
    margin: 0;
    font-size: calc(var(--_fs) * 18 / 15);
    font-weight: 700;
    line-height: 1.3;
  }
  /* Data text is isolated: a direction override in a title cannot reorder the UI around it. */
  .caption-title,
  .summary,
  .details-title,
  .details p,
  .details button,
  .details li,
  .details dd,
  .alert li,
  svg text {
    unicode-bidi: isolate;
  }
  .summary {
    margin: 2px 0 0;
    color: var(--_muted);
    font-size: calc(var(--_fs) * 13 / 15);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  button {
    font: inherit;
    font-size: calc(var(--_fs) * 14 / 15);
    color: var(--_ink);
    background: var(--_surface);
    border: 1px solid var(--_line);
    border-radius: 6px;
    min-width: 44px;
    min-height: 36px;
    padding: 4px 10px;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_muted);
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button[disabled] {
    cursor: default;
    opacity: 0.55;
  }

  /* Chart: a decorative layer under an interactive one of the same size */
  .chart {
    position: relative;
    margin-top: 6px;
  }
  .chart svg {
    display: block;
    overflow: visible;
  }
  /* The hover tip (map: a place or claim; timeline: a cut label's whole title): over the chart,
     so nothing on the page moves; the pointer can rest on it. */
  .tip {
    position: absolute;
    left: 0;
    top: 0;
    z-index: 1;
    max-width: min(300px, 90%);
    padding: 6px 10px;
    display: grid;
    gap: 2px;
    font-size: calc(var(--_fs) * 13 / 15);
    line-height: 1.35;
    color: var(--_ink);
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: 6px;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
    unicode-bidi: isolate;
  }
  /* In a story, what takes focus scrolls clear of the sticky Previous / Next (--_dock: their height). */
  a,
  button,
  [data-event-id],
  [data-place-id],
  [data-claim-id] {
    scroll-margin-block-end: calc(var(--_dock, 0px) + 8px);
  }
  .chart .layer {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
  }
  svg.plot {
    position: relative;
  }
  svg text {
    fill: var(--_ink);
    font-family: var(--_font);
  }

  /* Legend */
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 8px 0 0;
    padding: 0 14px;
    list-style: none;
    font-size: calc(var(--_fs) * 13 / 15);
    color: var(--_muted);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .legend svg {
    flex: none;
    overflow: visible;
  }
  .legend-title {
    font-weight: 600;
    color: var(--_ink);
  }

  /* Details */
  .details {
    margin: 12px 14px 0;
    padding: 12px 14px;
    border: 1px solid var(--_line);
    border-inline-start: 4px solid var(--_accent);
    border-radius: 6px;
    background: var(--_surface);
    position: relative;
  }
  /* Imported text keeps its paragraphs as line breaks. */
  .description {
    white-space: pre-line;
  }
  .details-title {
    margin-block: 0 4px;
    margin-inline: 0 40px;
    font-size: calc(var(--_fs) * 17 / 15);
    font-weight: 700;
    line-height: 1.3;
  }
  .details .close {
    position: absolute;
    inset-inline-end: 8px;
    top: 8px;
    min-width: 36px;
    min-height: 36px;
    padding: 0;
    font-size: calc(var(--_fs) * 20 / 15);
    line-height: 1;
  }
  .details dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 8px 0;
    font-size: calc(var(--_fs) * 14 / 15);
  }
  .details dt {
    color: var(--_muted);
  }
  .details dd {
    margin: 0;
  }
  .details p {
    margin: 6px 0;
  }
  .details ul {
    margin: 4px 0;
    padding-inline-start: 20px;
  }
  .details a {
    color: var(--_accent);
  }
  /* Links and buttons in lists are 24 px targets (WCAG 2.5.8), however short the text. */
  .details li {
    margin: 2px 0;
  }
  /* Inline, so a wrapped link keeps its number on its first line and the date after it runs on
     from its last line; the padding makes each line of it a 24 px target. */
  .details li > a {
    padding: 3px 0;
  }
  .section-label {
    margin: 10px 0 2px;
    font-size: calc(var(--_fs) * 13 / 15);
    font-weight: 700;
    color: var(--_muted);
  }
  .badge {
    font-weight: 600;
  }

  /* Messages */
  .alert {
    margin: 12px 14px;
    padding: 10px 14px;
    border: 2px solid var(--_focus);
    border-radius: 6px;
    background: var(--_surface);
    font-size: calc(var(--_fs) * 14 / 15);
  }
  .alert ul {
    margin: 6px 0 0;
    padding-inline-start: 20px;
  }
  .alert code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: calc(var(--_fs) * 13 / 15);
  }
  .status {
    margin: 12px 14px;
    color: var(--_muted);
  }
  .more {
    margin: 8px 14px;
  }

  /*
   * Forced colours (Windows High Contrast): the palette itself becomes system colours, so
   * every line, label and fill follows the reader's theme; translucent fills go, outlines stay.
   */
  @media (forced-colors: active) {
    :host,
    :host([theme]),
    :host(:not([theme='light'])) {
      --_ink: CanvasText;
      --_muted: CanvasText;
      --_bg: Canvas;
      --_surface: Canvas;
      --_line: CanvasText;
      --_accent: CanvasText;
      --_accent-soft: transparent;
      --_denied: GrayText;
      --_focus: Highlight;
      --_claim: CanvasText;
      --_area: transparent;
      --_land: Canvas;
    }
    .details {
      border-color: CanvasText;
    }
    .legend svg * {
      stroke: CanvasText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
  /* A hidden sample of text whose width follows letter and word spacing (see SpacingWatcher). */
  .spacing-probe {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    visibility: hidden;
    white-space: nowrap;
    pointer-events: none;
    font-size: var(--_fs);
  }
  /* Lists of events in a details panel, a page at a time. */
  .events {
    list-style: none;
    padding: 0;
    margin: 4px 0;
  }
  .events button {
    text-align: start;
    min-height: 32px;
    margin: 2px 0;
    font-size: calc(var(--_fs) * 14 / 15);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin: 4px 0;
    font-size: calc(var(--_fs) * 13 / 15);
  }
  .pager span {
    margin-inline-end: auto;
  }
  .pager button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: default;
  }
  /* The data table, behind its toggle. */
  .table-toggle {
    display: block;
    margin: 8px 14px 0;
    min-height: 32px;
    padding: 4px 12px;
  }
  .events-table {
    margin: 8px 14px 0;
    overflow-x: auto;
  }
  .events-table[hidden] {
    display: none;
  }
  .events-table table {
    width: 100%;
    border-collapse: collapse;
    font-size: calc(var(--_fs) * 13 / 15);
  }
  .events-table caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 4px;
  }
  .events-table th,
  .events-table td {
    padding: 4px 6px;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_line);
    unicode-bidi: isolate;
  }
  /* The table's sources: named in each row on screen; on paper, numbers into one list. */
  .on-paper {
    display: none;
  }
  .paper-sources {
    margin: 6px 0 0;
    padding-inline-start: 24px;
  }
  .paper-sources .url {
    overflow-wrap: anywhere;
    color: var(--_muted);
  }
  .events-table thead th {
    color: var(--_muted);
    font-weight: 600;
  }
  .events-table tbody th {
    font-weight: 600;
  }
  @media print {
    /* A chart fits on one page with the heading above it (an SVG cannot split across pages). */
    .chart svg {
      width: 100%;
      height: auto;
      max-height: 75vh;
    }
    .close,
    .table-toggle {
      display: none;
    }
    /* The chronology in as few pages as stay legible: fixed columns that give the title and the
       sources the room, a smaller type, rows that never split across a page. */
    .events-table {
      overflow: visible;
    }
    .events-table table {
      table-layout: fixed;
      font-size: calc(var(--_fs) * 11 / 15);
      line-height: 1.35;
    }
    .events-table th,
    .events-table td {
      padding: 2px 4px;
    }
    .events-table thead th:nth-child(1) {
      width: 17%;
    }
    .events-table thead th:nth-child(2) {
      width: 38%;
    }
    .events-table thead th:nth-child(3),
    .events-table thead th:nth-child(4) {
      width: 13.5%;
    }
    .events-table tr {
      break-inside: avoid;
    }
    .events-table .on-screen {
      display: none;
    }
    .events-table span.on-paper {
      display: inline;
    }
    .events-table ol.on-paper {
      display: block;
      font-size: calc(var(--_fs) * 10 / 15);
      line-height: 1.35;
    }
    .caption-title,
    .section-label {
      break-after: avoid;
    }
  }
`;
