/** The first visible row of a list, moved only as far as needed to keep rows first..last in view. */
import { useRef } from 'react';

export function useScrollWindow(first: number, last: number, total: number, height: number): number {
  const offset = useRef(0);
  let o = offset.current;
  if (last >= o + height) o = last - height + 1;
  if (first < o) o = first;
  o = Math.max(0, Math.min(o, Math.max(0, total - height)));
  offset.current = o;
  return o;
}
