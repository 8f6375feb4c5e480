import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while hydrating, true from the render right after hydration. A chart's drawing (recharts)
 * measures its container, so the server can only render an empty box of the drawing's height: rendering recharts
 * there only to get that box cost about 0.2 ms of server time per chart on every page. Drawings render once this is true.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
