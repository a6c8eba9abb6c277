/**
 * The TUI: one state, changed only by the pure update function (update.ts) through useAppState; the
 * uncertainty bands (useUncertainty) follow it; components draw what they are given.
 */
import { useMemo, type ReactNode } from 'react';
import { Box, useApp } from 'ink';
import { displayPath, type LoadedModel, type LoadedScenario } from '../model/load.js';
import { Assumptions } from './components/assumptions.js';
import { Compare } from './components/compare.js';
import { Footer, Header, footerMessageRows } from './components/chrome.js';
import { HelpScreen, helpMaxScroll, helpRows } from './components/help-screen.js';
import { chartRows } from './components/chart.js';
import { IndicatorDetail, detailBody, detailBodyHeight, detailHeader } from './components/indicator-detail.js';
import { Overview } from './components/overview.js';
import { detailBandRows } from './components/uncertainty.js';
import { ScenarioPicker } from './components/scenario-picker.js';
import { useAppState } from './hooks/use-app-state.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useUncertainty } from './hooks/use-uncertainty.js';
import { affectsOf } from './format.js';
import { indicatorAssumptions } from './order.js';
import { scenarioDirsFor } from './scenario-file.js';
import { STRINGS, type Lang, type Strings } from './strings.js';
import { detailIndicatorOf, isDirty, listsOf, type Layout, type State } from './update.js';

export interface AppProps {
  model: LoadedModel;
  /** the scenario to explore (opens on the compare view) */
  scenario?: LoadedScenario | undefined;
  /** more scenarios, shown beside it in the compare view (`cesuan tui a.yaml b.yaml c.yaml`) */
  others?: LoadedScenario[];
  lang?: Lang;
  /** where `s` saves and `l` looks first (default: beside the model, see scenarioDirsFor) */
  scenariosDir?: string;
  /** fixed size (tests, benchmarks); default: the terminal's, following resizes */
  columns?: number;
  rows?: number;
  onExit?: () => void;
}

function helpFor(ui: State, s: Strings): string {
  switch (ui.mode.kind) {
    case 'typing':
      return s.help.typing;
    case 'prompt':
      return s.help.prompt;
    case 'confirm':
      return ui.mode.purpose === 'quit' ? s.help.quit : s.help.confirm;
    case 'picker':
      return s.help.picker;
    case 'help':
      return s.help.full;
    default:
      return s.help[ui.view];
  }
}

export function App(props: AppProps) {
  const { lang = 'zh' } = props;
  // the model as published: a scenario with `primary:` switches was loaded onto a switched copy
  const model = props.scenario?.published ?? props.model;
  const s = STRINGS[lang];
  const dirs = useMemo(() => scenarioDirsFor(model.file, props.scenariosDir), [model, props.scenariosDir]);
  const size = useTerminalSize(props.columns, props.rows);
  const width = Math.max(20, size.columns);
  // one row short of the screen: ink redraws a full-height frame by clearing the terminal (flicker)
  const height = Math.max(8, size.rows - 1);
  const { exit } = useApp();

  // sizes update needs come from the previous frame's layout (keys arrive between frames)
  const layout = useMemo((): Layout => ({ pageSize: 10, detailPage: 10, detailMaxScroll: 0, helpMaxScroll: 0 }), []);
  const scenarios = useMemo(() => (props.scenario ? [props.scenario, ...(props.others ?? [])] : []), [props.scenario, props.others]);
  const { state: ui, ctx } = useAppState({
    model,
    scenarios,
    strings: s,
    saveDir: dirs.save,
    listDirs: dirs.list,
    layout,
    exit: () => {
      props.onExit?.();
      exit();
    },
  });
  const { result, source } = ui.work;
  const published = ctx.published;
  const uncertaintyView = useUncertainty(ui.uncertain, ui.work, model);
  const { rows, assumptions } = listsOf(result, model, s.otherGroup);
  const publishedById = useMemo(() => new Map(published.indicators.map((i) => [i.id, i])), [published]);

  const detailIndicator = ui.view === 'detail' ? detailIndicatorOf(ui) : undefined;
  const detailAssumptions = useMemo(
    () => (detailIndicator ? indicatorAssumptions(detailIndicator, result) : []),
    [detailIndicator, result],
  );
  const detailPub = detailIndicator ? publishedById.get(detailIndicator.id) : undefined;
  const chart = ui.detail?.chart ?? false;
  const derivations = useMemo(
    () =>
      detailIndicator && !chart
        ? detailBody(detailIndicator, s, width, { published: detailPub, assumptions: result.assumptions, model })
        : [],
    [detailIndicator, detailPub, chart, s, width, result, model],
  );
  const bandRows = useMemo(
    () => (detailIndicator ? detailBandRows(detailIndicator.id, uncertaintyView, s, width) : []),
    [detailIndicator, uncertaintyView, s, width],
  );
  const header = useMemo(
    () =>
      detailIndicator
        ? detailHeader({ indicator: detailIndicator, published: detailPub, years: result.years, width, strings: s, bandRows })
        : [],
    [detailIndicator, detailPub, result.years, width, s, bandRows],
  );
  const affects = useMemo(() => (ui.view === 'assumptions' ? affectsOf(result) : undefined), [ui.view, result]);

  const typingAssumption =
    ui.mode.kind === 'typing' ? result.assumptions.find((a) => a.id === (ui.mode as { key: string }).key) : undefined;
  const promptLabel =
    ui.mode.kind === 'typing'
      ? s.prompt.value(typingAssumption?.label ?? '', typingAssumption?.unit === 'ratio' ? '%' : (typingAssumption?.unit ?? ''))
      : ui.mode.kind === 'prompt'
        ? ui.mode.purpose === 'save'
          ? s.prompt.saveName
          : s.prompt.find
        : '';
  const messageRows = footerMessageRows(ui.mode, ui.message, promptLabel, width);
  const footerRows = Math.max(1, messageRows.length);
  const bodyHeight = Math.max(3, height - 2 - footerRows - 1);

  layout.pageSize = Math.max(1, bodyHeight - 2);
  const detailRows = detailBodyHeight(bodyHeight, detailAssumptions.length, header.length);
  const band = detailIndicator && uncertaintyView.status === 'on' ? uncertaintyView.bands.byId.get(detailIndicator.id)?.summary : undefined;
  const chartBody = useMemo(
    () =>
      detailIndicator && chart
        ? chartRows({
            indicator: detailIndicator,
            published: detailPub,
            band: band ? [band.p10, band.p90] : undefined,
            width,
            height: detailRows,
            strings: s,
          })
        : [],
    [detailIndicator, detailPub, chart, band, width, detailRows, s],
  );
  const body = chart ? chartBody : derivations;
  layout.detailPage = detailRows;
  layout.detailMaxScroll = Math.max(0, body.length - detailRows);
  const help = useMemo(() => (ui.mode.kind === 'help' ? helpRows(s, width) : []), [ui.mode.kind, s, width]);
  layout.helpMaxScroll = helpMaxScroll(help.length, bodyHeight);

  let view: ReactNode;
  if (ui.mode.kind === 'help') {
    view = <HelpScreen rows={help} scroll={ui.mode.scroll} width={width} height={bodyHeight} />;
  } else if (ui.mode.kind === 'picker') {
    view = (
      <ScenarioPicker
        title={s.prompt.load(dirs.list.map(displayPath).join('、'))}
        entries={ui.mode.entries}
        index={ui.mode.index}
        marked={ui.mode.marked}
        modelId={model.spec.id}
        width={width}
        height={bodyHeight}
      />
    );
  } else if (ui.view === 'detail' && detailIndicator) {
    view = (
      <IndicatorDetail
        indicator={detailIndicator}
        assumptions={detailAssumptions}
        selected={ui.detail!.assumption}
        header={header}
        body={body}
        scroll={ui.detail!.scroll}
        width={width}
        height={bodyHeight}
        strings={s}
        distributions={uncertaintyView.status === 'on' ? uncertaintyView.bands.byAssumption : undefined}
        fixed={ctx.fixed}
        chart={chart}
      />
    );
  } else if (ui.view === 'assumptions') {
    view = (
      <Assumptions
        assumptions={assumptions}
        selected={ui.selected.assumptions}
        width={width}
        height={bodyHeight}
        strings={s}
        affects={affects}
        fixed={ctx.fixed}
      />
    );
  } else if (ui.view === 'compare') {
    view = (
      <Compare
        rows={rows}
        published={publishedById}
        selected={ui.selected.overview}
        currentName={source?.name ?? s.columns.current}
        width={width}
        height={bodyHeight}
        strings={s}
        uncertainty={uncertaintyView}
        others={ui.work.compare}
      />
    );
  } else {
    view = (
      <Overview
        rows={rows}
        published={publishedById}
        selected={ui.selected.overview}
        width={width}
        height={bodyHeight}
        strings={s}
        uncertainty={uncertaintyView}
      />
    );
  }

  const changedCount = result.assumptions.filter((a) => a.overridden).length;
  return (
    <Box flexDirection="column" width={width}>
      <Header
        title={result.title}
        years={result.years}
        view={ui.view}
        scenarioName={source?.name}
        changedCount={changedCount}
        errorCount={result.problems.filter((p) => p.severity === 'error').length}
        dirty={isDirty(ui)}
        width={width}
        strings={s}
      />
      {view}
      <Footer rows={messageRows.length ? messageRows : [[]]} help={helpFor(ui, s)} width={width} />
    </Box>
  );
}
