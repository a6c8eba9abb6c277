/**
 * The TUI: hooks own the state (useScenario: the model under the user's overrides; useUncertainty: the
 * P10–P90 bands and P(met) when toggled on; useController: views, selection and keys); components draw
 * what they are given.
 */
import { resolve } from 'node:path';
import { useMemo, type ReactNode } from 'react';
import { Box, useApp } from 'ink';
import type { LoadedModel, LoadedScenario } from '../model/load.js';
import { Assumptions } from './components/assumptions.js';
import { Compare } from './components/compare.js';
import { Footer, Header, footerMessageRows } from './components/chrome.js';
import { HelpScreen, helpMaxScroll, helpRows } from './components/help-screen.js';
import { IndicatorDetail, detailBody, detailBodyHeight, detailHeaderRows } from './components/indicator-detail.js';
import { Overview } from './components/overview.js';
import { detailBandRows } from './components/uncertainty.js';
import { ScenarioPicker } from './components/scenario-picker.js';
import { useController, type UiState } from './hooks/use-controller.js';
import { useScenario } from './hooks/use-scenario.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useUncertainty } from './hooks/use-uncertainty.js';
import { assumptionOrder, indicatorAssumptions, indicatorOrder, overviewRows } from './order.js';
import { STRINGS, type Lang, type Strings } from './strings.js';

export interface AppProps {
  model: LoadedModel;
  scenario?: LoadedScenario | undefined;
  lang?: Lang;
  /** where `s` saves and `l` lists scenarios (default: ./scenarios) */
  scenariosDir?: string;
  /** fixed size (tests, benchmarks); default: the terminal's, following resizes */
  columns?: number;
  rows?: number;
  onExit?: () => void;
}

function helpFor(ui: UiState, s: Strings): string {
  switch (ui.mode.kind) {
    case 'typing': return s.help.typing;
    case 'prompt': return s.help.prompt;
    case 'confirm': return s.help.confirm;
    case 'picker': return s.help.picker;
    case 'help': return s.help.full;
    default: return s.help[ui.view];
  }
}

export function App(props: AppProps) {
  const { model, lang = 'zh' } = props;
  const s = STRINGS[lang];
  const scenariosDir = props.scenariosDir ?? resolve('scenarios');
  const size = useTerminalSize(props.columns, props.rows);
  const width = Math.max(20, size.columns);
  // one row short of the screen: ink redraws a full-height frame by clearing the terminal (flicker)
  const height = Math.max(8, size.rows - 1);
  const { exit } = useApp();

  const scenario = useScenario(model, props.scenario, scenariosDir);
  const uncertainty = useUncertainty(scenario);
  const { result, published } = scenario;
  const rows = useMemo(() => overviewRows(result, model, s.otherGroup), [result, model, s]);
  const indicators = useMemo(() => indicatorOrder(rows), [rows]);
  const assumptions = useMemo(() => assumptionOrder(result), [result]);
  const publishedById = useMemo(() => new Map(published.indicators.map((i) => [i.id, i])), [published]);

  // sizes the controller needs come from the previous frame's layout (keys arrive between frames)
  const layout = useMemo(() => ({ pageSize: 10, detailMaxScroll: 0, helpMaxScroll: 0 }), []);
  const ui = useController({
    scenario,
    uncertainty,
    strings: s,
    indicators,
    assumptions,
    scenariosDir,
    layout,
    exit: () => {
      props.onExit?.();
      exit();
    },
    initialView: props.scenario ? 'compare' : 'overview',
  });

  const detailIndicator = ui.view === 'detail' && ui.detail ? result.indicators.find((i) => i.id === ui.detail!.indicator) : undefined;
  const detailAssumptions = useMemo(() => (detailIndicator ? indicatorAssumptions(detailIndicator, result) : []), [detailIndicator, result]);
  const body = useMemo(() => (detailIndicator ? detailBody(detailIndicator, s, width) : []), [detailIndicator, s, width]);
  const bandRows = useMemo(() => (detailIndicator ? detailBandRows(detailIndicator.id, uncertainty.view, s, width) : []), [detailIndicator, uncertainty.view, s, width]);

  const typingAssumption = ui.mode.kind === 'typing' ? result.assumptions.find((a) => a.id === (ui.mode as { key: string }).key) : undefined;
  const promptLabel =
    ui.mode.kind === 'typing'
      ? s.prompt.value(typingAssumption?.label ?? '', typingAssumption?.unit === 'ratio' ? '%' : (typingAssumption?.unit ?? ''))
      : ui.mode.kind === 'prompt'
        ? ui.mode.purpose === 'save' ? s.prompt.saveName : s.prompt.find
        : '';
  const messageRows = footerMessageRows(ui.mode, ui.message, promptLabel, width);
  const footerRows = Math.max(1, messageRows.length);
  const bodyHeight = Math.max(3, height - 2 - footerRows - 1);

  layout.pageSize = Math.max(1, bodyHeight - 2);
  layout.detailMaxScroll = Math.max(0, body.length - detailBodyHeight(bodyHeight, detailAssumptions.length, detailHeaderRows(bandRows.length)));
  const help = useMemo(() => (ui.mode.kind === 'help' ? helpRows(s, width) : []), [ui.mode.kind, s, width]);
  layout.helpMaxScroll = helpMaxScroll(help.length, bodyHeight);

  let view: ReactNode;
  if (ui.mode.kind === 'help') {
    view = <HelpScreen rows={help} scroll={ui.mode.scroll} width={width} height={bodyHeight} />;
  } else if (ui.mode.kind === 'picker') {
    view = <ScenarioPicker title={s.prompt.load(scenariosDir)} entries={ui.mode.entries} index={ui.mode.index} modelId={model.spec.id} width={width} height={bodyHeight} />;
  } else if (ui.view === 'detail' && detailIndicator) {
    view = (
      <IndicatorDetail
        indicator={detailIndicator}
        published={publishedById.get(detailIndicator.id)}
        years={result.years}
        assumptions={detailAssumptions}
        selected={ui.detail!.assumption}
        body={body}
        scroll={ui.detail!.scroll}
        width={width}
        height={bodyHeight}
        strings={s}
        bandRows={bandRows}
        distributions={uncertainty.view.status === 'on' ? uncertainty.view.bands.byAssumption : undefined}
      />
    );
  } else if (ui.view === 'assumptions') {
    view = <Assumptions assumptions={assumptions} selected={ui.selected.assumptions} width={width} height={bodyHeight} strings={s} />;
  } else if (ui.view === 'compare') {
    view = <Compare rows={rows} published={publishedById} selected={ui.selected.overview} currentName={scenario.source?.name ?? s.columns.current} width={width} height={bodyHeight} strings={s} uncertainty={uncertainty.view} />;
  } else {
    view = <Overview rows={rows} published={publishedById} selected={ui.selected.overview} width={width} height={bodyHeight} strings={s} uncertainty={uncertainty.view} />;
  }

  const changedCount = result.assumptions.filter((a) => a.overridden).length;
  return (
    <Box flexDirection="column" width={width}>
      <Header
        title={result.title}
        years={result.years}
        view={ui.view}
        scenarioName={scenario.source?.name}
        changedCount={changedCount}
        errorCount={result.problems.filter((p) => p.severity === 'error').length}
        dirty={scenario.dirty}
        width={width}
        strings={s}
      />
      {view}
      <Footer rows={messageRows.length ? messageRows : [[]]} help={helpFor(ui, s)} width={width} />
    </Box>
  );
}
