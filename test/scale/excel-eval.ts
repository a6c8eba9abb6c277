/**
 * A tiny Excel formula evaluator for the subset cesuan writes (report/excel-formula.ts, report/xlsx.ts):
 * numbers, "strings", cell references (Sheet!A1, $A$1), ranges inside functions, + − * / ^, unary minus,
 * comparisons, and SUM AVERAGE MIN MAX ABS SQRT EXP LN IF PI. Referenced formula cells are evaluated
 * recursively, never read from their cached results — so the test checks the formulas themselves.
 */
import type ExcelJS from 'exceljs';

type Scalar = number | string | boolean;
type Operand = Scalar | Scalar[];

interface Token {
  kind: 'num' | 'str' | 'ref' | 'name' | 'op' | '(' | ')' | ',';
  text: string;
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?(?:E[-+]?\d+)?|\.\d+(?:E[-+]?\d+)?)|("(?:[^"]|"")*")|((?:[A-Za-z_][A-Za-z0-9_]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(])|([A-Za-z_][A-Za-z0-9_.]*)|(<=|>=|<>|[-+*/^=<>&])|(\()|(\))|(,))/iy;
  let pos = 0;
  while (pos < formula.length) {
    re.lastIndex = pos;
    const m = re.exec(formula);
    if (!m) throw new Error(`cannot read formula at ${pos}: ${formula}`);
    pos = re.lastIndex;
    if (m[1]) tokens.push({ kind: 'num', text: m[1] });
    else if (m[2]) tokens.push({ kind: 'str', text: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[3]) tokens.push({ kind: 'ref', text: m[3] });
    else if (m[4]) tokens.push({ kind: 'name', text: m[4].toUpperCase() });
    else if (m[5]) tokens.push({ kind: 'op', text: m[5] });
    else if (m[6]) tokens.push({ kind: '(', text: '(' });
    else if (m[7]) tokens.push({ kind: ')', text: ')' });
    else if (m[8]) tokens.push({ kind: ',', text: ',' });
    else if (formula.slice(pos).trim() === '') break;
  }
  return tokens;
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string => (n <= 0 ? '' : colLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

export class ExcelEvaluator {
  private memo = new Map<string, Scalar>();
  private active = new Set<string>();

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  /** Forget computed values (after changing an input cell). */
  reset(): void {
    this.memo.clear();
  }

  /** The value of a cell, evaluating its formula (and those it refers to). */
  cell(sheet: string, address: string): Scalar {
    const key = `${sheet}!${address}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    if (this.active.has(key)) throw new Error(`circular reference at ${key}`);
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const raw = ws.getCell(address).value as unknown;
    let value: Scalar;
    if (raw && typeof raw === 'object' && 'formula' in (raw as object)) {
      this.active.add(key);
      try {
        value = this.evaluate((raw as { formula: string }).formula, sheet);
      } finally {
        this.active.delete(key);
      }
    } else if (raw === null || raw === undefined) value = 0;
    else value = raw as Scalar;
    this.memo.set(key, value);
    return value;
  }

  evaluate(formula: string, sheet: string): Scalar {
    const tokens = tokenize(formula.replace(/^=/, ''));
    let i = 0;
    const peek = () => tokens[i];
    const take = () => tokens[i++]!;
    const expect = (kind: Token['kind']) => {
      const t = take();
      if (t?.kind !== kind) throw new Error(`expected ${kind} in ${formula}`);
      return t;
    };
    const num = (v: Operand): number => {
      if (Array.isArray(v)) throw new Error(`a range used as a number in ${formula}`);
      if (typeof v === 'boolean') return Number(v);
      if (typeof v === 'string') throw new Error(`text "${v}" used as a number in ${formula}`);
      return v;
    };
    const ref = (text: string): Operand => {
      const [sheetPart, rest] = text.includes('!') ? (text.split('!') as [string, string]) : [sheet, text];
      const clean = rest.replace(/\$/g, '');
      if (!clean.includes(':')) return this.cell(sheetPart, clean);
      const [a, b] = clean.split(':') as [string, string];
      const [, ca, ra] = /^([A-Z]+)(\d+)$/.exec(a)!;
      const [, cb, rb] = /^([A-Z]+)(\d+)$/.exec(b)!;
      const out: Scalar[] = [];
      for (let r = Number(ra); r <= Number(rb); r++) {
        for (let c = colNumber(ca!); c <= colNumber(cb!); c++) out.push(this.cell(sheetPart, `${colLetters(c)}${r}`));
      }
      return out;
    };
    const call = (name: string, args: Operand[]): Operand => {
      const flat = () => args.flatMap((a) => (Array.isArray(a) ? a : [a])).map(num);
      switch (name) {
        case 'SUM': return flat().reduce((s, x) => s + x, 0);
        case 'AVERAGE': { const xs = flat(); return xs.reduce((s, x) => s + x, 0) / xs.length; }
        case 'MIN': return Math.min(...flat());
        case 'MAX': return Math.max(...flat());
        case 'ABS': return Math.abs(num(args[0]!));
        case 'SQRT': return Math.sqrt(num(args[0]!));
        case 'EXP': return Math.exp(num(args[0]!));
        case 'LN': return Math.log(num(args[0]!));
        case 'PI': return Math.PI;
        case 'IF': return num(args[0]!) ? args[1]! : args[2] ?? false;
        default: throw new Error(`function ${name} is not in the subset`);
      }
    };
    // precedence, loosest first: comparison < + − < * / < ^ < unary minus
    const comparison = (): Operand => {
      let left = additive();
      while (peek()?.kind === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(peek()!.text)) {
        const op = take().text;
        const a = num(left);
        const b = num(additive());
        left = op === '=' ? a === b : op === '<>' ? a !== b : op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      }
      return left;
    };
    const additive = (): Operand => {
      let left = multiplicative();
      while (peek()?.kind === 'op' && (peek()!.text === '+' || peek()!.text === '-')) {
        const op = take().text;
        const right = num(multiplicative());
        left = op === '+' ? num(left) + right : num(left) - right;
      }
      return left;
    };
    const multiplicative = (): Operand => {
      let left = power();
      while (peek()?.kind === 'op' && (peek()!.text === '*' || peek()!.text === '/')) {
        const op = take().text;
        const right = num(power());
        left = op === '*' ? num(left) * right : num(left) / right;
      }
      return left;
    };
    const power = (): Operand => {
      let left = unary();
      while (peek()?.kind === 'op' && peek()!.text === '^') {
        take();
        left = num(left) ** num(unary());
      }
      return left;
    };
    const unary = (): Operand => {
      if (peek()?.kind === 'op' && peek()!.text === '-') {
        take();
        return -num(unary());
      }
      if (peek()?.kind === 'op' && peek()!.text === '+') {
        take();
        return unary();
      }
      return primary();
    };
    const primary = (): Operand => {
      const t = take();
      if (!t) throw new Error(`unexpected end of ${formula}`);
      switch (t.kind) {
        case 'num': return Number(t.text);
        case 'str': return t.text;
        case 'ref': return ref(t.text);
        case '(': { const v = comparison(); expect(')'); return v; }
        case 'name': {
          expect('(');
          const args: Operand[] = [];
          if (peek()?.kind !== ')') {
            args.push(comparison());
            while (peek()?.kind === ',') { take(); args.push(comparison()); }
          }
          expect(')');
          return call(t.text, args);
        }
        default: throw new Error(`unexpected "${t.text}" in ${formula}`);
      }
    };
    const value = comparison();
    if (i !== tokens.length) throw new Error(`trailing input in ${formula}`);
    if (Array.isArray(value)) throw new Error(`formula ${formula} evaluates to a range`);
    return value;
  }
}
