/** What a producer can start from in the editor: an empty incident, or a file served beside the page. */

/** An incident with every top-level part present and nothing in it yet. */
export const EMPTY_INCIDENT = `${JSON.stringify(
  {
    version: 1,
    title: 'Untitled incident',
    summary: '',
    timeZone: 'Asia/Kolkata',
    lanes: [],
    events: [],
    places: [],
    claims: [],
    sources: [],
  },
  null,
  2,
)}\n`;

/** The text of a same-origin file, or an error naming what went wrong. */
export async function fetchText(url: URL): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status} ${response.statusText}`);
  return response.text();
}
