/** The console's one mutable state: the session, the lists, the open ticket. Views render from it. */

/** Longest reply, as the server accepts it. */
export const MAX_CHARS = 2000;
/** Open tickets: the whole queue up to the server's maximum; ended ones: pages of 100, newest first. */
export const OPEN_LIMIT = 500;
export const ENDED_PAGE = 100;
/** How long to wait before reopening a broken event stream. */
export const RETRY_MS = 5000;

export const state = {
  session: null,         // {agent, token} for the machine token; {agent, login, csrf, role, presence} for an account
  filter: "waiting",
  lists: { waiting: [], assigned: [], ended: [] },
  endedNext: null,       // the server's cursor to the ended tickets older than those listed; null: none
  endedPaged: false,     // older pages were loaded: a refresh keeps them under the newest page
  listedAt: 0,           // performance.now() when the lists were fetched: wait times count on from there
  selected: null,        // ticket id
  ticket: null,          // the selected ticket with messages, as last fetched
  lines: [],             // transcript lines shown
  loading: null,         // the ticket id being fetched
  buffered: [],          // live lines that arrived while the ticket was being fetched
  unread: {},            // conversationId → true: user wrote to a ticket that is not open
  typing: {},            // conversationId → performance.now() when the user was last reported typing
  search: null,          // {query, tickets}: the ended list shows these search results instead
  events: null,
  lastEventId: "",       // the id of the stream's last event: a reconnect resumes after it
  stream: 0,             // bumped by every (re)connection and stop: late answers of an old one are ignored
  retry: null,
  refreshTimer: null,
  faqTimer: null,
  ticker: null,
  busy: false
};

/** Forgets everything of the agent who logged out. */
export function resetState() {
  Object.assign(state, {
    session: null, selected: null, ticket: null, lines: [], unread: {}, typing: {}, search: null, endedNext: null, endedPaged: false,
    lists: { waiting: [], assigned: [], ended: [] }, lastEventId: ""
  });
}
