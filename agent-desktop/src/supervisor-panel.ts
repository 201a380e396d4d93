import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { el, element, fillList, headColumns } from './dom.ts';
import type { ReportsClient } from './reports-api.ts';
import {
  CHANNEL_COLUMNS,
  channelRows,
  dayFigures,
  dueIn,
  halfHourSeries,
  todayIn,
} from './supervisor-view.ts';
import { TicketApiError } from './tickets-api.ts';

// Only the parts the page draws, so the bundle carries no unused chart types.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

const TIME_ZONE = 'Africa/Nairobi';
const REFRESH_MS = 60_000;

const tableRow = (...values: string[]) => {
  const row = el('tr');
  row.append(...values.map((value) => el('td', value)));
  return row;
};

/** Each table's body by id, with its columns in the order `render` gives a row's cells. */
const TABLES: Readonly<Record<string, readonly string[]>> = {
  'supervisor-channels': CHANNEL_COLUMNS,
  'supervisor-agents': ['Agent', 'Handled', 'Average', 'Longest'],
  'supervisor-sla': ['Agency', 'Overdue', 'Due within a day'],
  'supervisor-overdue': ['Reference', 'Agency', 'Status', 'Due'],
};

/** Fills a table body with its rows; with no rows, one line saying `none`, or no table at all. */
const fillTable = (id: string, rows: readonly string[][], none?: string) => {
  const body = element(id);
  body.parentElement!.hidden = rows.length === 0 && none === undefined;
  if (rows.length > 0 || none === undefined)
    return body.replaceChildren(...rows.map((row) => tableRow(...row)));
  const cell = el('td', none);
  cell.colSpan = TABLES[id]!.length;
  const row = el('tr');
  row.className = 'none';
  row.append(cell);
  body.replaceChildren(row);
};

/**
 * The supervisors' page: the chosen day's figures, calls per half hour against the forecast and
 * the planned staff, handle times per agent and the complaint SLA board. It refreshes itself
 * every minute while it shows today.
 */
export const createSupervisorPanel = ({ reports }: { readonly reports: ReportsClient }) => {
  const section = element('supervisor');
  const date = element<HTMLInputElement>('supervisor-date');
  const message = element('supervisor-message');
  const updated = element('supervisor-updated');
  for (const [id, columns] of Object.entries(TABLES))
    headColumns(element<HTMLTableSectionElement>(id), columns);
  let chart: Chart | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  // A slower answer for a day no longer chosen must not overwrite the newer one.
  let latest = 0;
  // The plan for a day changes only with its history: fetched once per day shown, not every minute.
  let plan:
    | { readonly day: string; readonly answer: ReturnType<ReportsClient['staffing']> }
    | undefined;
  const planFor = (day: string) => {
    if (plan?.day !== day) {
      const answer = reports.staffing(day);
      // A failed fetch is tried again at the next refresh.
      answer.catch(() => {
        if (plan?.answer === answer) plan = undefined;
      });
      plan = { day, answer };
    }
    return plan.answer;
  };

  const drawChart = (series: ReturnType<typeof halfHourSeries>) => {
    const data = {
      labels: series.labels,
      datasets: [
        {
          type: 'bar' as const,
          label: 'Calls received',
          data: series.received,
          yAxisID: 'calls',
          backgroundColor: '#1f6f43',
        },
        {
          type: 'line' as const,
          label: 'Calls forecast',
          data: series.forecast,
          yAxisID: 'calls',
          borderColor: '#c97d00',
          pointRadius: 0,
        },
        {
          type: 'line' as const,
          label: 'Agents needed',
          data: series.needed,
          yAxisID: 'agents',
          borderColor: '#b3261e',
          stepped: true,
          pointRadius: 0,
        },
        {
          type: 'line' as const,
          label: 'Agents planned',
          data: series.planned,
          yAxisID: 'agents',
          borderColor: '#1b4f9c',
          borderDash: [6, 4],
          stepped: true,
          pointRadius: 0,
        },
      ],
    };
    if (chart) {
      chart.data = data;
      chart.update();
      return;
    }
    chart = new Chart(element<HTMLCanvasElement>('supervisor-chart'), {
      data,
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          calls: {
            type: 'linear',
            position: 'left',
            beginAtZero: true,
            title: { display: true, text: 'calls' },
          },
          agents: {
            type: 'linear',
            position: 'right',
            beginAtZero: true,
            grid: { drawOnChartArea: false },
            title: { display: true, text: 'agents' },
          },
        },
      },
    });
  };

  const render = async () => {
    const day = date.value || todayIn(TIME_ZONE);
    const request = ++latest;
    message.textContent = '';
    try {
      const [report, plan, board] = await Promise.all([
        reports.daily(day),
        planFor(day),
        reports.slaBoard(),
      ]);
      if (request !== latest) return;
      const figures = element('supervisor-figures');
      // The day shown, for whoever reads the page (an earlier day's answer never lands after it).
      figures.dataset.date = report.date;
      figures.replaceChildren(
        ...dayFigures(report).map(([label, value]) => {
          const entry = document.createElement('div');
          entry.append(el('dt', label), el('dd', value));
          return entry;
        }),
      );
      const channels = channelRows(report);
      element('supervisor-channels-section').hidden = channels.length === 0;
      element('supervisor-channels').replaceChildren(
        ...channels.map((values) => tableRow(...values)),
      );
      drawChart(halfHourSeries(report, plan));
      fillTable(
        'supervisor-agents',
        report.agents.map((agent) => [
          agent.username,
          String(agent.handled),
          `${agent.averageHandleSeconds} s`,
          `${agent.maxHandleSeconds} s`,
        ]),
        'No agent handled a contact on this day.',
      );
      fillList(element('supervisor-warnings'), plan.warnings);
      fillTable(
        'supervisor-sla',
        board.agencies.map((agency) => [
          agency.agencyId,
          String(agency.overdue),
          String(agency.dueSoon),
        ]),
        'No open complaint is overdue or due within a day.',
      );
      // No "none" line: under the board's own, it would only repeat it.
      fillTable(
        'supervisor-overdue',
        [...board.overdue, ...board.dueSoon]
          .slice(0, 50)
          .map((complaint) => [
            complaint.reference,
            complaint.agencyId,
            complaint.status,
            dueIn(complaint.dueAt),
          ]),
      );
      updated.textContent = `Updated ${new Date(report.generatedAt).toLocaleTimeString('en-KE', { timeZone: TIME_ZONE })}`;
    } catch (error) {
      if (request !== latest) return;
      message.textContent = error instanceof TicketApiError ? error.describe() : String(error);
    }
  };

  const schedule = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (!section.hidden && (date.value === '' || date.value === todayIn(TIME_ZONE)))
      timer = setInterval(() => void render(), REFRESH_MS);
  };

  date.addEventListener('change', () => {
    void render();
    schedule();
  });

  return {
    /** Shows the page to supervisors (and loads it); hides it from everyone else. */
    setSupervisor(isSupervisor: boolean) {
      section.hidden = !isSupervisor;
      if (isSupervisor) {
        if (!date.value) date.value = todayIn(TIME_ZONE);
        void render();
      }
      schedule();
    },
    refresh: render,
  };
};
