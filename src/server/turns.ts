// Requests start one per turn of the event loop, in the order they arrived.
//
// One turn of Node's event loop runs every request that is ready then, and on a busy server new connections were
// taken off the listening socket about once per turn (measured, not read in Node's sources). A turn then lasts as
// long as all the open connections' requests together: with 50 clients asking for pages computed on request (about
// 10 ms each), turns took ~300 ms, the listening socket's queue drained at ~3 connections a second (ss's Recv-Q),
// and a reader who opened a new connection waited up to 10 s for a first answer while the others were served in
// 0.3–0.7 s. Started one per turn,
// each request lets the loop take new connections and read the next requests before it runs; a connection opened
// on the busy server is then served in its turn (bench/server.ts: the same run's slowest first answer 1.3 s).
// A request's own awaits (PostgreSQL, a body being read) still let others run meanwhile.

/** A function whose promise resolves in a later turn of the event loop than the promises of earlier calls. */
export function turnTaker(): () => Promise<void> {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const step = () => {
    waiting.shift()?.();
    // the next one in a later turn (an immediate set during the check phase runs in the next turn)
    if (waiting.length) setImmediate(step);
    else scheduled = false;
  };
  return () =>
    new Promise<void>((go) => {
      waiting.push(go);
      if (!scheduled) {
        scheduled = true;
        setImmediate(step);
      }
    });
}
