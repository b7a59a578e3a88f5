import { css } from 'lit';

/** <attack-story>: header, the two panes (side by side when wide), and the stepper. */
export const styles = css`
  /* A reader's text-spacing override reaches the story's host; its parts take it from there
     (their own hosts reset what an article would pass down). */
  attack-timeline,
  attack-map {
    letter-spacing: inherit;
    word-spacing: inherit;
  }
  /* Space held for the story until it draws: one height, or a second from 980 px wide (where the
     panes go side by side). Once drawn, the story is its own height. */
  .pending {
    container-type: inline-size;
  }
  .reserve {
    /* Its own formatting context: the fallback's margins stay inside the held height. */
    display: flow-root;
    min-height: var(--attack-story-min-height, 0px);
  }
  @container (min-width: 980px) {
    .reserve {
      min-height: var(--attack-story-min-height-wide, var(--attack-story-min-height, 0px));
    }
  }
  .story {
    container-type: inline-size;
    padding: 14px 0 12px;
  }
  header {
    padding: 0 14px 10px;
  }
  .story-title {
    margin: 0;
    font-size: calc(var(--_fs) * 22 / 15);
    font-weight: 700;
    line-height: 1.25;
    unicode-bidi: isolate;
  }
  .updated {
    margin: 4px 0 0;
    font-size: calc(var(--_fs) * 13 / 15);
    color: var(--_muted);
  }
  .panes {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
    align-items: start;
  }
  @container (min-width: 980px) {
    .panes {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
    /* Side by side, a part's details are bounded and scroll within themselves, so choosing a
       long claim does not stretch the story far below its timeline. */
    attack-timeline::part(details),
    attack-map::part(details) {
      max-height: 50vh;
      overflow-y: auto;
    }
    /* A story with no places (a sheet, a TimelineJS3 timeline) is all timeline. */
    .panes.timeline-only {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .panes > * {
    border: 1px solid var(--_line);
    border-radius: 8px;
    /* clip, not hidden: no scroll container, so a part's sticky details stay in the window. */
    overflow: clip;
  }
  /* Previous / Next stay in reach: sticky at the bottom of the window while the parts are in
     view (sticky in the story, never fixed to the page: it rises no higher than the parts' top,
     so it never covers the story's heading, and past the story it scrolls away with it). A
     phone's docked details sit just above it (--_dock, its measured height). */
  .stepper {
    display: flex;
    align-items: center;
    gap: 10px;
    position: sticky;
    bottom: 0;
    z-index: 3;
    margin: 12px 0 0;
    padding: 8px 14px;
    border-top: 1px solid var(--_line);
    background: var(--_surface);
  }
  .position {
    flex: 1;
    margin: 0;
    font-size: calc(var(--_fs) * 14 / 15);
    unicode-bidi: isolate;
  }
  /* On a phone the position gets its own line above the two buttons, not a narrow column. */
  @container (max-width: 479px) {
    .stepper {
      flex-wrap: wrap;
    }
    .position {
      flex-basis: 100%;
      order: -1;
    }
    .stepper button {
      flex: 1;
    }
  }
  @media print {
    .stepper {
      display: none;
    }
    header {
      break-after: avoid;
    }
    /* Paper does not scroll: the details print whole. */
    attack-timeline::part(details),
    attack-map::part(details) {
      max-height: none;
      overflow: visible;
    }
    .panes {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
