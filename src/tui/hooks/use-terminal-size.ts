/** The terminal's size, following resizes; fixed when the caller gives one (tests, benchmarks). */
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface Size {
  columns: number;
  rows: number;
}

export function useTerminalSize(columns?: number, rows?: number): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ columns: columns ?? (stdout.columns || 80), rows: rows ?? (stdout.rows || 24) });
  const [size, setSize] = useState<Size>(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` is rebuilt each render from exactly these inputs
  useEffect(() => {
    if (columns !== undefined && rows !== undefined) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, columns, rows]);
  return columns !== undefined && rows !== undefined ? { columns, rows } : size;
}
